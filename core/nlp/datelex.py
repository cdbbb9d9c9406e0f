"""Word lists for dates in news text: names of days and months, tense cues, non-date neighbours."""

from __future__ import annotations

#: Weekday names, Monday first (the index is date.weekday()).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Short weekday forms, only accepted inside a full date ("Tue, 30 May 2023").
WEEKDAY_ABBREVIATIONS = {
    "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3,
    "Fri": 4, "Sat": 5, "Sun": 6,
}

#: Month names, January first (the index + 1 is the month number).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
#: Abbreviations (AP and European styles); only accepted next to a day number or a year.
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
#: Month names that are also ordinary words or given names ("may", "march", Theresa May,
#: April Ryan): alone, they count as months only after a time preposition or in "April's".
AMBIGUOUS_MONTHS = frozenset({"May", "March", "April", "June", "August"})

#: Words before a bare month or year that mark it as a time ("in May", "since 2008").
TIME_PREPOSITIONS = frozenset({
    "in", "on", "since", "until", "till", "by", "from", "to", "through", "throughout", "during",
    "of", "before", "after", "between", "and", "early", "late", "mid", "around", "last", "next",
    "this", "that", "circa", "year", "end", "beginning", "start",
    "middle", "the",
})

#: Words that open a modifier before a weekday and stay part of the expression.
WEEKDAY_MODIFIERS = ("earlier", "later", "early", "late", "last", "next", "this", "coming", "past")

#: Qualifiers in front of a weekday that make it the name of something else ("Bloody Sunday",
#: "Good Friday Agreement", "Super Tuesday", "Black Friday").
NAMED_DAY_QUALIFIERS = frozenset({
    "Bloody", "Good", "Black", "Super", "Ash", "Holy", "Palm", "Maundy", "Cyber", "Giving",
    "Easter", "Whit", "Blue", "Shrove", "Great", "Clean", "Fat", "Red", "Orthodox",
})
#: Capitalised words after a weekday that make it part of a name ("Sunday Times").
WEEKDAY_NAME_TAILS = frozenset({
    "Times", "Telegraph", "Mirror", "Express", "People", "Post", "Herald", "Independent",
    "World", "Star", "Tribune", "Mail", "Observer", "Night", "Live", "Agreement", "School",
    "Service", "Edition", "Magazine", "Show", "Club", "Sport", "Record", "Business", "Review",
    "Program", "Programme", "Massacre", "Uprising", "Movement", "Group",
})

#: Deictic day words: offset in days from the moment of writing.
DEICTIC_DAYS = {
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "last night": -1,
    "tomorrow": 1,
}
#: Parts of a day that news names beside a day ("Tuesday morning", "later that night").
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
#: Phrases dated relative to the day of the event told just before ("Earlier in the day, ...",
#: "Later that night, ..."): offset in days from that event's day.
ANAPHORIC_DAYS = {
    "the same day": 0,
    "the next day": 1,
    "the following day": 1,
    "the previous day": -1,
    "the preceding day": -1,
    "the day before": -1,
    "the day after": 1,
    "a day earlier": -1,
    "a day later": 1,
    "a day before": -1,
    "a day after": 1,
}
for _part in ("day", *PARTS_OF_DAY):
    ANAPHORIC_DAYS.update({
        f"earlier in the {_part}": 0, f"later in the {_part}": 0, f"earlier that {_part}": 0,
        f"later that {_part}": 0, f"that {_part}": 0, f"that same {_part}": 0, f"the same {_part}": 0,
        f"the next {_part}": 1, f"the following {_part}": 1, f"the previous {_part}": -1,
        f"the {_part} before": -1, f"the {_part} after": 1,
    })
ANAPHORIC_DAYS["overnight"] = 0
#: Anaphoric openings that mean the article's own day when no day was told before them
#: ("Earlier in the day, police ..." opening a story); "that night" needs a day before it.
TODAY_WITHOUT_EVENT = ("earlier in the", "later in the", "overnight")
#: Capitalised words before a year that still leave it a date ("Christmas 2022", "Spring
#: 2024"); other capitalised words make it part of a name ("Expo 2020", "Euro 2024").
YEAR_QUALIFIERS = frozenset({
    "christmas", "easter", "ramadan", "eid", "diwali", "hanukkah", "thanksgiving", "passover",
    "lent", "advent", "spring", "summer", "autumn", "fall", "winter", "fy", "fiscal", "q1", "q2",
    "q3", "q4", "h1", "h2", "mid", "early", "late", "end", "year",
})
#: Words before "overnight" that make it an idiom, not a night ("did not happen overnight").
OVERNIGHT_IDIOMS = frozenset({
    "happen", "happened", "happens", "change", "changed", "changes", "become", "became", "becomes",
    "succeed", "succeeded", "success", "sensation", "fixed", "solved", "disappear", "disappeared",
    "not", "almost", "virtually", "practically", "seemingly", "literally",
})
#: Relative units after last/this/next ("last week", "earlier this month").
RELATIVE_UNITS = ("week", "weekend", "month", "year")
#: Relative-unit modifiers with their shift in units.
RELATIVE_SHIFTS = {
    "last": -1, "this": 0, "next": 1, "earlier this": 0, "later this": 0,
    "previous": -1, "past": -1, "this past": -1,
}

#: Number words for "two days ago", "a week ago".
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20,
}

# --- tense cues ------------------------------------------------------------------------------

#: Phrases that put the time they govern in the future (or in plans and schedules).
FUTURE_CUES = (
    "will", "'ll", "’ll", "shall", "won't", "won’t", "would", "wouldn't", "is to", "are to",
    "is due", "are due", "due to", "is expected to", "are expected to", "expected to",
    "is scheduled", "are scheduled", "scheduled to", "scheduled for", "set to", "is set",
    "are set", "plans to", "plan to", "planned for", "planning to", "intends to", "intend to",
    "going to", "aims to", "hopes to", "hope to", "promised to", "pledged to", "vowed to",
    "to be held", "to take place", "ahead of", "upcoming", "next", "coming", "planned",
    "is supposed to", "are supposed to", "in the near future", "in the coming",
)
#: Future cues that describe a noun ("the coming storm", "the upcoming vote", "ahead of the
#: talks"): they put in the future only a time inside that phrase ("the upcoming vote on
#: Sunday"), never one across a comma or in the next clause.
ATTRIBUTIVE_FUTURE_CUES = frozenset({"upcoming", "next", "coming", "planned", "ahead of"})
#: Greatest distance (characters) from an attributive cue to a time it describes.
ATTRIBUTIVE_REACH = 30
#: Words that open a relative clause after a named day's event ("Friday's quake that killed").
RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
#: Present-tense verbs of schedules: "the summit opens on Thursday" is ahead. Only the
#: third-person forms: "vote" or "meet" may as well follow "did not" or "refused to".
SCHEDULE_VERBS = frozenset({
    "opens", "starts", "begins", "meets", "travels", "visits", "arrives", "resumes", "ends",
    "expires", "hosts", "heads", "convenes", "kicks", "flies", "holds", "takes", "runs",
    "leaves", "departs", "returns", "lands", "sails",
})
#: Auxiliaries that turn a following future cue into a plan seen from the past
#: ("the talks were due to start on Monday" — and may be over by now).
PAST_AUXILIARIES = frozenset({"was", "were", "had"})
#: Words before a weekday or month that make it habitual, not a date ("every Monday").
HABITUAL = frozenset({"every", "each", "most", "all"})
#: Irregular past-tense verbs common in news (regular ones are found by their "-ed").
PAST_VERBS = frozenset({
    "said", "told", "took", "began", "broke", "came", "went", "left", "made", "met", "held",
    "saw", "gave", "got", "fought", "fled", "fell", "ran", "sent", "spent", "stood", "struck",
    "threw", "won", "lost", "wrote", "brought", "built", "bought", "caught", "chose", "drew",
    "drove", "felt", "found", "flew", "hid", "kept", "knew", "led", "rose", "sat", "shot",
    "spoke", "stole", "swore", "thought", "tore", "woke", "wore", "became", "arose", "sought",
    "heard", "paid", "laid", "was", "were", "had", "did", "ago", "earlier", "last", "former",
    "overnight", "dealt", "meant", "sank", "sang", "shook", "slid", "split", "sprang", "stuck",
    "swept", "swung", "taught", "understood", "withdrew", "underwent", "undertook", "oversaw",
    "beat", "bled", "burnt", "dug", "forbade", "forgot", "froze", "grew", "hung", "lit", "quit",
    "rode", "rang", "slept", "spun", "strove", "wept", "wound", "erupted", "gathered",
})
#: Words ending in "-ed" that are not past tenses, or that announce the future.
NOT_PAST_ED = frozenset({
    "need", "needed", "speed", "indeed", "hundred", "proceed", "exceed", "succeed", "bed", "red",
    "seed", "feed", "breed", "creed", "greed", "weed", "shed", "united", "scheduled", "expected",
    "planned", "supposed", "ted", "ned", "fred", "based", "armed", "masked", "detailed",
    "advanced", "limited", "related", "interested", "concerned", "alleged", "so-called", "led",
    "wed", "sled", "embed", "anticipated", "intended", "slated", "proposed", "tasked",
})
#: Verbs of saying: the time next to them dates the statement, not what it reports.
SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "stated", "states", "announced", "announces",
    "added", "adds", "declared", "declares", "wrote", "writes", "tweeted", "posted", "noted",
    "warned", "warns", "insisted", "insists", "claimed", "claims", "explained", "explains",
    "stressed", "stresses", "urged", "urges", "asked", "asks", "replied", "reported", "reports",
    "confirmed", "confirms", "denied", "denies", "according", "argued", "argues",
    "emphasised", "emphasized", "underlined", "pointed", "commented", "remarked",
})

# --- numbers that are not years ----------------------------------------------------------------

#: Words before a four-digit number that make it a label, not a year ("Resolution 1244").
NUMBER_LABELS = frozenset({
    "resolution", "resolutions", "article", "articles", "no", "no.", "nr", "nr.", "number",
    "law", "decision", "decree", "flight", "route", "bus", "room", "page", "pages", "paragraph",
    "section", "chapter", "code", "item", "case", "directive", "regulation", "model", "version",
    "copyright", "tel", "tel.", "phone", "fax", "box", "unit", "platform", "gate", "line",
    "highway", "road", "motorway", "lot", "file", "ref", "ref.", "id", "pin", "grade", "level",
    "vol", "vol.", "volume", "issue", "bill", "act", "amendment", "point", "points", "score",
    "squad", "battalion", "brigade", "division", "regiment", "index", "rank", "ranked", "ticket",
    "postcode", "zip", "street", "avenue", "km", "kilometre", "kilometer", "mile", "hill",
    "altitude", "elevation", "height", "eur", "usd", "rsd", "din", "chf", "gbp", "us$",
})
#: Words after a four-digit number that make it a count or a measure ("2000 troops", "2030 GMT").
COUNT_NOUNS = frozenset({
    "people", "persons", "troops", "soldiers", "police", "policemen", "officers", "peacekeepers",
    "protesters", "demonstrators", "residents", "civilians", "refugees", "migrants", "votes",
    "voters", "km", "kilometres", "kilometers", "miles", "metres", "meters", "m", "kg", "tonnes",
    "tons", "euros", "euro", "dollars", "dinars", "pounds", "francs", "lei", "eur", "usd", "gmt",
    "cet", "cest", "utc", "bst", "est", "edt", "hours", "hrs", "h", "local", "members", "homes",
    "houses", "buildings", "families", "children", "students", "workers", "jobs", "cases",
    "deaths", "dead", "injured", "wounded", "vehicles", "cars", "trucks", "signatures",
    "participants", "fans", "supporters", "inhabitants", "employees", "staff", "units",
    "households", "hectares", "acres", "feet", "ft", "pieces", "copies", "times", "percent",
    "per", "out", "strong",
})
#: Words ending in "s" after a year that are no plural nouns ("2020 was a hard year").
NOT_PLURALS = frozenset({
    "was", "has", "does", "as", "its", "this", "his", "always", "perhaps", "whereas", "unless",
    "across", "towards", "besides", "afterwards", "sometimes", "marks", "sees", "saw", "brings",
    "becomes", "remains", "looks", "seems",
})
#: Qualifiers that introduce an amount ("some 2000", "more than 1500").
QUANTITY_QUALIFIERS = frozenset({
    "some", "nearly", "almost", "about", "around", "approximately", "roughly", "over", "than",
    "least", "estimated", "only", "just", "up", "all",
})
#: Determiners and possessives that make "the 2014 elections" a year, not a count of elections.
YEAR_DETERMINERS = frozenset({
    "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "a", "an",
    "in", "of", "since", "after", "before", "during", "from", "until", "for", "at", "by",
})
