"""Word lists the quote and speaker rules read: reporting verbs, titles, pronouns, speaker nouns.

Everything here is data about how English-language news reports speech, kept in one place so a
rule change is a list change. Words are lowercase unless a comment says otherwise.
"""

from __future__ import annotations

from types import MappingProxyType

from briefing.core.nlp.speaker_nouns import (  # noqa: F401  (re-exported: rules read them as lexicon.X)
    ACCORDING_TO_RULES,
    ISSUED_NOUNS,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    RECIPIENT_NOUNS,
    REPRESENTATIVE_NOUNS,
    ROLE_OF_NOUNS,
    SOURCED_NOUNS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
    UNIT_NOUNS,
)


def _inflect(lemma: str) -> tuple[str, ...]:
    """Regular English forms of a verb: base, -s, -ed, -ing (irregulars are listed by hand)."""
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma in _DOUBLING:
        return (lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


# Verbs whose final consonant doubles before -ed/-ing.
_DOUBLING = frozenset({"admit", "quip", "regret", "commit", "submit", "permit", "rebut", "plan", "beg"})

#: Irregular verbs: lemma -> (base, -s, past, participle..., -ing).
_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("post", "posts", "posted", "posting"),
    "pay": ("pay", "pays", "paid", "paying"),
    "read": ("read", "reads", "reading"),
    "put": ("put", "puts", "putting"),
    "label": ("label", "labels", "labeled", "labelled", "labeling", "labelling"),
}


def forms(lemma: str) -> tuple[str, ...]:
    """All surface forms of a (possibly multi-word, e.g. "call on") reporting verb."""
    head, _, rest = lemma.partition(" ")
    heads = _IRREGULAR.get(head) or _inflect(head)
    return tuple(f"{h} {rest}" if rest else h for h in heads)


# --- reporting verbs ------------------------------------------------------------------------------

#: Verbs that introduce reported speech with or without "that" ("Vucic said four Serbs were
#: arrested"). A bare clause after any other verb is usually its object, not speech.
BARE_CLAUSE_VERBS = ("say", "tell", "add", "claim", "insist", "argue", "warn")

#: Verbs that report speech when followed by "that", a colon or a quote, or when they close a
#: sentence ("…, he stressed."): "stressed the need for calm" is not a quote.
THAT_VERBS = (
    "note", "state", "explain", "continue", "declare", "admit", "reply", "respond", "assert",
    "maintain", "point out", "recall", "allege", "complain", "predict", "promise", "vow",
    "pledge", "report", "estimate", "conclude", "suggest", "indicate", "observe", "remark",
    "comment", "reveal", "disclose", "inform", "assure", "reassure", "repeat", "concede",
    "contend", "counter", "retort", "testify", "quip", "ask", "demand", "threaten", "caution",
    "recount", "regret", "hint", "boast", "clarify", "write", "tweet", "post", "reiterate",
)

#: Of those, the ones that report speech even as a participle (", thanking the rescuers"); "…,
#: highlighting the divide" is the narrator's comment.
SPEECH_OBJECT_VERBS = frozenset({
    "thank", "praise", "express", "welcome", "accuse", "deny", "confirm", "announce",
    "acknowledge", "blame", "dismiss", "pay tribute to", "voice", "congratulate",
})

#: Speech acts whose object is what was said ("expressed profound grief", "thanked the rescuers
#: for their work", "accused the mayor of lying", "stressed the need for calm"); a that-clause
#: or a quotation after them is reported too.
OBJECT_VERBS = (
    "praise", "welcome", "thank", "express", "highlight", "hail", "dismiss", "blame", "accuse",
    "question", "voice", "applaud", "commend", "congratulate", "lament", "defend", "tout",
    "pay tribute to", "stress", "emphasize", "emphasise", "underline", "underscore",
    "announce", "confirm", "deny", "acknowledge", "rule out", "call out",
)

#: Words that show a clause has a finite verb: a bare "said …" reports speech only when its
#: complement is a clause ("said the army was on alert"), not a noun ("added 700 troops").
FINITE_MARKERS = frozenset({
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
    "should", "can", "may", "might", "must", "shall", "did", "does", "do", "'s", "’s", "'re",
    "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "n't", "n’t", "not", "won't", "can't",
    # common irregular past tenses
    "took", "shot", "made", "went", "came", "gave", "saw", "left", "met", "won", "lost", "sent",
    "began", "fell", "rose", "kept", "held", "told", "knew", "thought", "felt", "found",
    "brought", "bought", "built", "paid", "put", "set", "led", "fled", "hit", "hurt", "broke",
    "chose", "drove", "ran", "spent", "stood", "struck", "threw", "understood", "wrote", "said",
    "got", "became", "meant", "heard", "lay", "laid", "sought", "fought", "caught", "taught",
    "woke", "wore", "tore", "forgot", "withdrew", "overtook", "undertook", "grew", "drew",
    "flew", "blew", "ate", "beat", "bit", "hid", "shook", "sold", "spoke", "stole", "swore",
    "arose", "bore", "dealt", "dug", "fed", "forbade", "froze", "hung", "lent", "lit", "mistook",
    "quit", "rode", "rang", "sank", "shut", "slid", "split", "spread", "stuck", "stung",
    "swept", "swung", "wept", "wound",
})
#: Subject pronouns: "said it backs Belgrade" is a clause even without an auxiliary.
SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "there"})

#: "put the death toll at 2,000": an estimate reported, when a figure follows with "at".
FIGURE_VERBS = ("put",)
#: Nouns an estimate puts at a figure.
FIGURE_NOUNS = frozenset({"toll", "number", "figure", "count", "total", "cost", "damage", "estimate", "deaths", "casualties", "missing"})

#: "…, state television reported, citing an Interior Ministry update": the words are the cited
#: source's too (a second layer of the same report).
CITING_VERBS = ("cite", "quote")

#: Verbs that report speech only when a document speaks: "the statement read", "“…,” it read".
DOCUMENT_VERBS = ("read",)

#: Verbs that take a recipient before the reported content ("told reporters …").
RECIPIENT_VERBS = frozenset({"tell", "inform", "assure", "reassure", "remind"})

#: Verbs that report a request: object plus to-infinitive ("urged the governments … to engage").
DIRECTIVE_VERBS = (
    "urge", "call on", "call upon", "appeal to", "ask", "press", "encourage", "implore",
    "exhort", "invite", "beg", "demand", "call for", "order", "instruct", "advise",
)
#: Directives that are also executive acts: a request only when told to someone ("ordered
#: residents to leave", not "ordered the formation of a committee").
COMMAND_VERBS = frozenset({"order", "instruct", "advise", "invite"})
#: Endings of nouns that name an act ("formation", "deployment", "closure").
ACTION_NOUN_ENDINGS = ("tion", "sion", "ment", "ure", "ance", "ence", "ing")

#: Verbs that quote by naming ("called the move "a provocation""): only quoted words after them
#: are speech; the rest of the sentence is the reporter's.
NAMING_VERBS = ("call", "describe", "dub", "label", "brand", "term", "portray", "characterize", "characterise")
#: Only the past tense of a naming verb reports an utterance ("Locals call the bridge …" does not).
NAMING_FORMS = frozenset({
    "called", "described", "dubbed", "labelled", "labeled", "branded", "termed", "portrayed",
    "characterized", "characterised", "describing", "calling", "branding", "labelling",
})
#: Naming verbs whose label follows "as" ("described the attack as premeditated").
AS_NAMING = frozenset({"describe", "portray", "characterize", "characterise", "brand", "label"})

#: Communication acts that report no content but make their subject the likely source of a later
#: "the statement said" or "he said" ("NATO condemns violence…", "Vucic addressed a message…").
#: A condemnation names its target, not what was said: the words follow as a quote ("Meloni
#: condemned the attacks. “I express my strongest condemnation …”").
ACT_VERBS = (
    "address", "issue", "release", "publish", "speak", "condemn", "criticize", "criticise",
    "slam", "decry", "denounce", "blast", "reject",
)

#: Multi-word cue that is not a verb.
ACCORDING_TO = "according to"

#: Words between a speaker and a verb that keep the verb's subject: "has also said", "later added".
AUX_ADVERBS = frozenset({
    "has", "have", "had", "also", "then", "later", "earlier", "previously", "again", "repeatedly",
    "reportedly", "recently", "publicly", "separately", "already", "further", "firmly",
    "strongly", "clearly", "once", "twice", "today", "yesterday", "tonight", "just", "did",
    "does", "do", "himself", "herself", "itself", "themselves", "alone", "directly",
    "personally", "openly", "angrily", "flatly", "bluntly", "simply", "only", "even", "first",
    "initially", "formally", "officially", "jointly", "subsequently", "immediately", "quickly",
    "swiftly", "privately", "explicitly", "allegedly", "both", "all", "still", "yet", "ever",
    "long", "now", "since", "quietly", "loudly", "frequently", "often", "always", "usually",
    "specifically", "pointedly", "essentially", "basically",
})

#: A verb after one of these has not (yet) been performed: no reported statement.
MODALS = frozenset({"will", "would", "could", "should", "may", "might", "must", "shall", "can", "to", "'ll", "’ll"})
NEGATIONS = frozenset({"not", "n't", "n’t", "never", "neither", "nor", "no"})
#: Passive "is said to", "was told": the subject is not the speaker.
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "am", "get", "got"})

#: A subject preceded by one of these is inside a clause that asserts nothing
#: ("for what they said were actions", "as he said", "if she says").
NON_ASSERTIVE = frozenset({"what", "whatever", "which", "as", "than", "if", "unless", "whether", "whom", "until", "lest"})

# --- pronouns -------------------------------------------------------------------------------------

#: Subject pronouns that can stand for a speaker, by what they can refer to.
PRONOUNS = MappingProxyType({
    "he": "person", "she": "person", "it": "organisation", "they": "group",
})
#: Pronouns for the author or the quoted speaker themselves: never a reported speaker.
FIRST_PERSON = frozenset({"i", "we", "you"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "it", "you"})
#: "According to her": an object pronoun read as the subject pronoun it stands for.
OBJECT_TO_SUBJECT = MappingProxyType({"him": "he", "her": "she", "them": "they"})

# --- speaker phrases ------------------------------------------------------------------------------

POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "another", "one"})

#: Words after which a phrase is an adverbial, not content ("said in a statement on Monday").
ADVERBIAL_PREPOSITIONS = frozenset({
    "in", "on", "at", "during", "after", "before", "via", "through", "from", "over", "following",
    "upon", "amid", "ahead", "late", "early", "while", "when",
})

#: Single words between a verb and what it reports: "said Monday that", "added again".
CUE_ADVERBS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "earlier", "later", "again", "also", "repeatedly", "publicly",
    "separately", "previously", "recently", "then", "now", "once", "too",
})

#: Clause-internal words after which "said" is content, not an adverbial's end.
CLAUSE_OPENERS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those", "that",
})

TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend",
    "month", "year", "earlier", "later", "recently", "previously", "last", "this", "next",
    "late", "early", "overnight", "meanwhile", "again", "also", "then", "now",
})

#: Clause starts inside a comma-separated subject that are not the speaker:
#: "…, who monitors the situation, said", "…, speaking to reporters, said".
SUBORDINATE_STARTS = frozenset({
    "who", "which", "whose", "whom", "where", "when", "that", "including", "speaking",
    "citing", "writing", "quoted", "based", "visiting", "appearing", "adding", "also",
    "however", "meanwhile", "too", "though", "in", "on", "at", "during", "after", "before",
    "for", "with", "from", "by", "via", "as", "like", "unlike", "according",
    "following", "amid", "while", "then", "later", "earlier", "separately", "furthermore",
    "moreover", "instead", "of",
})

#: Quantifiers that take "of" inside a speaker phrase: "one of the protesters", "some of them".
QUANTIFIERS = frozenset({"one", "some", "many", "most", "several", "two", "three", "four", "five", "few", "each", "all", "both", "none", "dozens", "hundreds", "thousands", "majority"})

#: Prepositions that attach a place or organisation to a speaker noun: "a diplomat in Pristina".
POSTMODIFIERS = frozenset({"of", "for", "in", "at", "from", "with", "by"})

#: Appositives that name: "The force, known as KFOR, said" → KFOR.
NAMING_APPOSITIVES = frozenset({"known", "called", "named", "dubbed"})

#: Words that end a noun phrase scanned leftwards from its head.
NP_STOPS = frozenset({
    "in", "on", "at", "by", "with", "from", "to", "into", "over", "after", "before", "during",
    "since", "under", "between", "against", "about", "around", "through", "across", "and",
    "or", "but", "nor", "so", "yet", "that", "which", "who", "whom", "whose", "where", "when",
    "while", "because", "although", "though", "if", "unless", "as", "than", "is", "are", "was",
    "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should",
    "may", "might", "must", "can", "do", "does", "did", "not", "also", "said", "says", "say",
    "told", "then", "there", "here", "it", "he", "she", "they", "we", "i", "you", "what",
    "why", "how", "once", "whether", "amid", "following", "upon", "without", "within", "via",
    "per", "like", "unlike", "toward", "towards", "near", "including", "despite", "except", "among",
    "for",
})

#: Connectors inside proper names ("Bosnia and Herzegovina", "Ministry of Defence", "de Gaulle").
NAME_CONNECTORS = frozenset({"of", "for", "de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "y", "and", "&"})

# --- classifying capitalised names -----------------------------------------------------------------

#: A capitalised name containing one of these words is an organisation.
ORG_WORDS = frozenset({
    "ministry", "government", "council", "commission", "office", "agency", "force", "forces",
    "alliance", "union", "party", "parliament", "assembly", "army", "police", "court",
    "tribunal", "committee", "department", "bank", "fund", "organization", "organisation",
    "association", "federation", "institute", "foundation", "group", "mission", "embassy",
    "presidency", "cabinet", "administration", "kremlin", "pentagon", "secretariat", "service",
    "services", "command", "coalition", "movement", "front", "list", "network", "press",
    "news", "times", "post", "radio", "television", "tv", "daily", "broadcaster", "league",
    "corporation", "company", "inc", "inc.", "ltd", "ltd.", "l.p.", "university", "center",
    "centre", "church", "municipality", "nations", "guard", "navy", "corps", "authority", "board", "bureau", "chamber", "club", "congress", "senate", "house",
    "watch", "international", "initiative", "project", "trust", "unit", "staff",
    "headquarters", "reuters", "bloomberg", "associated", "afp", "ap", "bbc", "cnn",
    "tanjug", "beta", "fonet", "n1", "rts", "tass", "ria", "interfax", "ukrinform", "balkan",
    "insight", "birn", "osce", "nato", "kfor", "eulex", "unmik", "eu", "un", "who",
    "imf", "wto", "oecd", "g7", "g20", "quint", "peacekeepers", "cross", "crescent",
    # in names left untranslated: Srpska Lista, Srpska napredna stranka, Vlada Kosova
    "lista", "stranka", "partija", "vlada", "ministarstvo", "skupstina", "kuvendi", "qeveria",
})

#: Words that make a capitalised run a place or a people, never a person.
GEO_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "great", "united", "states", "kingdom", "republic", "republika", "federal", "island",
    "islands", "sea", "ocean", "mountains", "mount", "river", "valley", "city", "region",
    "province", "county", "district", "balkans", "balkan", "europe", "european", "america",
    "africa", "asia", "middle", "gulf", "bay", "lake", "new", "old", "upper", "lower", "saint",
    "square", "street", "avenue", "bridge", "airport", "border", "crossing", "village", "town",
    "peninsula", "coast", "land", "lands", "municipality", "oblast", "krai", "canton",
    "palace", "castle", "cathedral", "stadium", "arena", "hotel", "park", "hall", "port",
})

#: Demonyms (singular and plural) and religions: part of groups, never of person names.
DEMONYMS = frozenset(
    w + s
    for w in (
        "serb", "serbian", "albanian", "kosovar", "bosniak", "bosnian", "croat", "croatian",
        "macedonian", "montenegrin", "slovenian", "slovene", "bulgarian", "romanian",
        "hungarian", "greek", "turk", "italian", "german", "briton", "american", "russian",
        "ukrainian", "pole", "czech", "slovak", "austrian", "spaniard", "belgian", "swede",
        "norwegian", "dane", "finn", "european", "korean", "indian", "israeli", "palestinian",
        "arab", "iranian", "iraqi", "syrian", "afghan", "pakistani", "egyptian", "canadian",
        "mexican", "brazilian", "muslim", "christian", "catholic", "jew", "kurd", "georgian",
        "armenian", "azerbaijani", "belarusian", "lithuanian", "latvian", "estonian",
        "moldovan", "westerner", "african", "asian", "australian", "argentinian", "chilean",
        "colombian", "venezuelan", "cuban", "nigerian", "ethiopian", "kenyan", "saudi",
        "lebanese", "jordanian", "libyan", "tunisian", "algerian", "moroccan", "yemeni",
        "qatari", "emirati", "kazakh", "uzbek", "chechen", "tatar", "roma", "gorani", "vlach",
    )
    for s in ("", "s")
) | frozenset({
    "french", "british", "english", "polish", "spanish", "portuguese", "dutch", "swedish",
    "danish", "finnish", "irish", "scottish", "welsh", "chinese", "japanese", "turkish",
    "kurdish", "jewish", "swiss", "vietnamese", "orthodox", "nato-led", "eu-brokered",
    "us-supported", "u.s.-led", "western-backed", "russian-backed", "pro-russian",
    "pro-western", "ethnic", "serb-majority", "serb-dominated", "serb-populated",
})

#: Countries and some regions that appear as sentence subjects in international news.
COUNTRIES = frozenset({
    "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "belarus", "belgium", "belgrade", "bosnia", "herzegovina", "brazil",
    "britain", "brussels", "bulgaria", "canada", "chile", "china", "colombia", "croatia",
    "cuba", "cyprus", "czechia", "denmark", "egypt", "england", "estonia", "ethiopia",
    "finland", "france", "georgia", "germany", "greece", "hungary", "india", "indonesia",
    "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya",
    "kosovo", "kyiv", "kiev", "latvia", "lebanon", "libya", "lithuania", "london", "luxembourg",
    "macedonia", "malta", "mexico", "moldova", "montenegro", "morocco", "moscow", "netherlands",
    "nigeria", "norway", "pakistan", "palestine", "paris", "poland", "portugal", "pristina",
    "qatar", "romania", "rome", "russia", "sarajevo", "saudi", "scotland", "serbia", "skopje",
    "slovakia", "slovenia", "spain", "sweden", "switzerland", "syria", "taiwan", "tirana",
    "turkey", "türkiye", "ukraine", "us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "vienna",
    "washington", "yemen", "zagreb", "podgorica", "mitrovica", "zvecan", "zubin", "potok",
    "leposavic", "beijing", "berlin", "ankara", "athens", "budapest", "sofia", "bucharest",
    "warsaw", "prague", "geneva", "hague", "strasbourg", "tehran", "jerusalem", "gaza",
    "crimea", "donbas", "kharkiv", "odesa", "minsk", "tbilisi", "baku", "yerevan", "balkans",
})

MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
})

#: Capitalised words that are not names: sentence-initial function words, numbers, months.
NON_NAMES = frozenset({
    "the", "a", "an", "in", "on", "at", "after", "before", "but", "and", "or", "so", "yet",
    "for", "with", "without", "as", "while", "when", "where", "if", "since", "during",
    "following", "despite", "although", "though", "meanwhile", "however", "earlier", "later",
    "this", "that", "these", "those", "there", "it", "he", "she", "they", "we", "i", "his",
    "her", "their", "its", "our", "my", "your", "some", "many", "most", "all", "both", "each",
    "every", "several", "more", "less", "about", "according", "hundreds", "thousands",
    "dozens", "tens", "millions", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "first", "last", "next", "photo", "update", "updates", "read",
    "also", "such", "no", "not", "none", "what", "why", "how", "who", "which", "then", "now",
    "here", "today", "yesterday", "tomorrow", "mr", "mrs", "ms", "dr", "by", "from", "to",
    "of", "up", "out", "over", "under", "between", "among", "against", "into", "because",
    "once", "still", "even", "only", "just", "than", "other", "another", "any", "much",
    "new", "old", "live", "video", "watch", "see", "breaking", "exclusive", "opinion",
    "analysis", "editor", "note", "copyright", "rights", "reserved", "story",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}) | MONTHS
#: Words of NON_NAMES that are also surnames: capitalised right after a name they end it
#: ("Theresa May", "Ian Read").
SURNAME_WORDS = frozenset({"may", "read", "story", "march", "august"})
#: Titles that may follow a name ("Kosovo Police Commissioner", "Smith Jr."): never read as a surname.
TRAILING_TITLES = frozenset({"jr", "jr.", "sr", "sr.", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "chief", "president", "minister"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: Lowercase particles joined by a hyphen to a capitalised name: "al-Ghaithi", "el-Drese".
NAME_PREFIXES = frozenset({"al", "el", "ad", "ash", "as", "abu", "bin", "ibn", "ben", "bint", "ould"})
#: Words of NON_NAMES that, capitalised inside a name, belong to it ("Human Rights Watch",
#: "The New York Times").
NAME_INTERIOR = frozenset({"new", "rights", "watch"})
#: Capitalised adjectives of party and organisation names: "Democratic League of Kosovo" is
#: no person "of" Kosovo.
ORG_ADJECTIVES = frozenset({
    "democratic", "social", "socialist", "national", "progressive", "liberal", "conservative",
    "radical", "civic", "popular", "republican", "christian", "green", "united", "independent",
    "federal", "central", "european", "international", "islamic", "patriotic", "communist",
})

# --- quotation marks ------------------------------------------------------------------------------

#: Opening mark -> the closing marks it pairs with (by kind, never by count).
PAIRS = MappingProxyType({
    "“": frozenset({"”", "“"}),  # English; German and Serbian close „ with “, a few outlets “ with “
    "„": frozenset({"“", "”", "‟", '"'}),  # German, Serbian, Croatian, Polish; '"' when typed
    "‟": frozenset({"”"}),
    "”": frozenset({"”"}),  # Swedish/Finnish, and careless typing
    '"': frozenset({'"', "”", "“"}),
    "''": frozenset({"''", "”", '"'}),
    "``": frozenset({"''", "”", '"'}),
    "«": frozenset({"»"}),  # French, Russian, Italian, Balkan outlets
    "»": frozenset({"«", "»"}),  # German, Danish (»…«), Swedish (»…»)
    "‘": frozenset({"’"}),
    "‚": frozenset({"‘", "’"}),
    "'": frozenset({"'", "’"}),
    "‹": frozenset({"›"}),
    "›": frozenset({"‹"}),
})
#: Kinds of mark: inside a quote, an opening mark of another kind opens a nested quote; only one
#: of the same kind means the earlier quote was never closed.
MARK_KIND = MappingProxyType({
    "“": "curly", "”": "curly", "„": "curly", "‟": "curly",
    '"': "straight", "''": "straight", "``": "straight",
    "«": "guillemet", "»": "guillemet", "‹": "single guillemet", "›": "single guillemet",
    "‘": "single", "’": "single", "‚": "single", "'": "single",
})
#: Marks of the single family: nested inside double quotes, and easily confused with apostrophes.
SINGLE_MARKS = frozenset({"‘", "’", "‚", "'", "‹", "›"})
#: Every character (or pair of characters) that can be a quotation mark.
MARK_CHARS = frozenset(PAIRS) | frozenset(c for closers in PAIRS.values() for c in closers)
#: Opening marks that only ever open, and closing marks that only ever close.
OPEN_ONLY = frozenset({"„", "‟", "‚", "``", "‘"})
CLOSE_ONLY = frozenset({"’"})

#: Characters that may stand before an opening mark / after a closing mark.
OPEN_CONTEXT = frozenset("([{—–-/:;,\u00a0") | frozenset(" \t\n\r\f\v")
CLOSE_CONTEXT = frozenset(")]}—–-/.,;:!?…\u00a0") | frozenset(" \t\n\r\f\v")

#: Dashes that introduce a speaker line after a quote ("… ” — Meloni said").
DASHES = frozenset({"—", "–", "-", "--", "―", "−"})

# --- clause words ------------------------------------------------------------------------------

END_PUNCT = frozenset({".", "!", "?", "..", "...", "…", ";", "?!", "!?"})
WH_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "who", "where"})
#: A bare complement starting with one of these is not a reported clause ("said to be", "said so").
NOT_CLAUSE_STARTS = frozenset({"to", "by", "for", "about", "of", "with", "so", "goodbye"})
#: Words that open a clause of time or manner after a speech verb ("said as he left the hall").
SUBORDINATORS = frozenset({"as", "while", "when", "whilst", "after", "before", "once"})
#: Verbs of promising: a to-infinitive after them is reported when it quotes ("vowed to …").
COMMISSIVES = frozenset({"vow", "promise", "pledge", "threaten"})
QUOTING_VERBS = frozenset({"quoted", "quotes", "cited", "cites", "quoting", "citing"})
#: Words that join a clause with its own speaker to reported words before it (", as X warned").
CLAUSE_LINKS = frozenset({"as", "while", "whereas", "but", "although", "though", "and", "with"})
#: Links that start a clause even without a comma ("demanded fresh elections and Vucic said").
BARE_LINKS = frozenset({"and", "but", "while", "whereas"})
#: Conjunctions after a comma that open a new clause before a cue ("…, but the vote …, X said").
CONJUNCTIONS = frozenset({"but", "and", "while", "whereas", "although", "though", "yet"})
SEPARATORS = frozenset({",", ":"}) | DASHES
#: Punctuation that ends a clause before a link word.
LINK_PUNCT = frozenset({",", ";"}) | DASHES
#: Words that open a relative clause inside a noun phrase ("the army that controls the east").
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
#: Forms of "say" and "tell": inside an appositive they show a clause, not a description.
SPEECH_FORMS = frozenset({"said", "says", "say", "told", "tells", "saying"})
#: Verbs after which "of X" is an adverbial about the topic ("said of the plan that …"); after
#: others it is their complement ("warned of a crisis").
OF_ADVERBIAL_VERBS = frozenset({"say", "tell", "add", "write", "note", "state", "explain", "comment", "remark", "tweet", "post"})
#: Relative pronouns that can be the subject of a reporting verb ("the source, who thanked …").
RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
#: Words that open an aside of examples inside a noun phrase ("several countries, notably France,").
ASIDE_STARTS = frozenset({"notably", "including", "especially", "particularly", "mainly", "chiefly", "mostly", "such"})
#: Words after which a verb form in -s is a plural noun ("reports have", "claims were", "calls
#: grew louder"): a verb in -s is not followed by an auxiliary.
NOUN_AFTER_S = frozenset({"have", "had", "were", "are", "say", "said", "show", "showed", "suggest", "suggested", "grew", "mounted", "of"})

# --- resolving descriptions inside an article -----------------------------------------------------

#: "the company", "the firm": any organisation the article names or describes as one of these.
COMPANY_WORDS = frozenset({
    "company", "firm", "corporation", "conglomerate", "group", "business", "operator", "carrier",
    "maker", "manufacturer", "insurer", "lender", "bank", "retailer", "inc", "inc.", "corp",
    "corp.", "ltd", "ltd.", "plc", "llc", "holdings",
})

#: Acronyms of international bodies whose usual name is the full one.
KNOWN_ACRONYMS = MappingProxyType({
    "un": "United Nations", "eu": "European Union", "who": "World Health Organization",
    "iom": "International Organization for Migration", "imf": "International Monetary Fund",
    "icrc": "International Committee of the Red Cross",
    "ifrc": "International Federation of Red Cross and Red Crescent Societies",
})

#: A country that speaks is its government: "Germany has said" → the German government.
COUNTRY_ADJECTIVES = MappingProxyType({
    "afghanistan": "Afghan", "albania": "Albanian", "algeria": "Algerian", "argentina": "Argentine",
    "armenia": "Armenian", "australia": "Australian", "austria": "Austrian", "azerbaijan": "Azerbaijani",
    "belarus": "Belarusian", "belgium": "Belgian", "bosnia": "Bosnian", "brazil": "Brazilian",
    "britain": "British", "bulgaria": "Bulgarian", "canada": "Canadian", "chile": "Chilean",
    "china": "Chinese", "colombia": "Colombian", "croatia": "Croatian", "cuba": "Cuban",
    "cyprus": "Cypriot", "czechia": "Czech", "denmark": "Danish", "egypt": "Egyptian",
    "estonia": "Estonian", "ethiopia": "Ethiopian", "finland": "Finnish", "france": "French",
    "georgia": "Georgian", "germany": "German", "greece": "Greek", "hungary": "Hungarian",
    "india": "Indian", "indonesia": "Indonesian", "iran": "Iranian", "iraq": "Iraqi",
    "ireland": "Irish", "israel": "Israeli", "italy": "Italian", "japan": "Japanese",
    "jordan": "Jordanian", "kazakhstan": "Kazakh", "kenya": "Kenyan", "kosovo": "Kosovo",
    "latvia": "Latvian", "lebanon": "Lebanese", "libya": "Libyan", "lithuania": "Lithuanian",
    "luxembourg": "Luxembourg", "malta": "Maltese", "mexico": "Mexican", "moldova": "Moldovan",
    "montenegro": "Montenegrin", "morocco": "Moroccan", "netherlands": "Dutch", "nigeria": "Nigerian",
    "norway": "Norwegian", "pakistan": "Pakistani", "poland": "Polish", "portugal": "Portuguese",
    "qatar": "Qatari", "romania": "Romanian", "russia": "Russian", "serbia": "Serbian",
    "slovakia": "Slovak", "slovenia": "Slovenian", "spain": "Spanish", "sweden": "Swedish",
    "switzerland": "Swiss", "syria": "Syrian", "taiwan": "Taiwanese", "tunisia": "Tunisian",
    "turkey": "Turkish", "türkiye": "Turkish", "ukraine": "Ukrainian", "yemen": "Yemeni",
})
#: Words that stand for a speaker of their own after the verb: "“…,” said another".
PRO_FORMS = frozenset({"another", "one", "others", "some", "many"})
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth"})
#: Determiners after which a verb form is a noun ("the report", "an announcement", "his call").
#: Words after which a word that may be a verb is a noun ("secretary of state", "other states").
NOUN_COUNTERS = frozenset({"of", "other", "any", "every", "member", "no"})
NOUN_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "another", "these", "those", "this"})
#: Words that tie a speech participle to the sentence's subject: "while saying", "by saying".
PARTICIPLE_LINKS = frozenset({"while", "after", "before", "by", "when", "since", "in"})
#: Adverbs that open a sentence before its subject and a comma ("Here in Dunmore, the mayor …").
OPENING_ADVERBS = frozenset({
    "here", "there", "now", "then", "still", "yet", "also", "today", "yesterday", "later",
    "earlier", "meanwhile", "however", "instead", "nevertheless", "nonetheless", "perhaps",
    "indeed", "separately", "similarly", "likewise", "finally", "again", "already", "overall",
    "elsewhere", "thus", "therefore", "hence", "so", "but", "and", "tonight", "last",
})
#: Adverbs set between commas after a reporting verb: "He said, however, that …".
COMMA_ADVERBS = frozenset({"however", "though", "too", "also", "again", "moreover", "meanwhile", "nevertheless", "nonetheless", "instead", "indeed", "perhaps", "later", "earlier"})
#: Words that can be a subject standing for a share of people ("Some said", "Most say").
QUANTITY_WORDS = frozenset({"some", "many", "most", "others", "several", "few", "half", "majority", "minority", "percent", "dozens", "hundreds", "thousands", "millions", "both", "all"})
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "dozen"})
#: Words before such a share: "About four in 10", "Almost half", "More than a third".
QUANTITY_MODIFIERS = frozenset({"about", "almost", "nearly", "roughly", "around", "some", "more", "than", "fewer", "less", "just", "only", "over", "under", "in", "out", "of", "a", "the", "slim", "narrow", "vast", "overwhelming"})
#: Words after which any reporting verb form is a noun: "the key question is", "his claims were".
AUX_AFTER_NOUN = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might"})
#: Adjectives that tie people to whom they know: "people familiar with the matter", "sources
#: close to the campaign".
TIE_ADJECTIVES = frozenset({"familiar", "close", "loyal", "allied", "tied", "linked", "connected", "aligned", "sympathetic"})
#: Determiners of one thing: "a press release", "each statement".
SINGULAR_DETERMINERS = frozenset({"a", "an", "each", "every", "this", "that", "another"})
#: Nouns of time that make "a few minutes later", "two days earlier" an opening adverbial.
TIME_NOUNS = frozenset({"minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month", "years", "year", "moments", "moment", "decades", "time"})
#: Adverbs between "to" and its verb: "urged them to quickly act", "to immediately stop".
INFINITIVE_ADVERBS = frozenset({"not", "also", "immediately", "quickly", "finally", "fully", "publicly", "formally", "swiftly", "urgently", "never", "always", "again", "instead", "seriously", "properly", "actually"})
#: Endings of adjectives a label may have: "called the actions lawful", "called it divisive".
ADJECTIVE_ENDINGS = ("ful", "less", "ous", "ive", "ic", "al", "able", "ible", "ent", "ant", "ist", "ing", "ed", "ary", "ory", "ish", "ile", "id", "ous", "ic")
