"""Find temporal expressions in news text with one compiled regex pass and a few context checks.

`scan(text)` returns Mention objects: what was written and what it says (a weekday, a month
and day, "last week"), not yet what day it means; temporal_resolve does that against an anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from briefing.core.nlp import datelex as lex


@dataclass(frozen=True)
class Mention:
    """A temporal expression as written: text[start:end] == expression."""

    start: int
    end: int
    expression: str
    #: What kind of expression: date, numeric, month, year, span, decade, weekday, deictic,
    #: anaphoric, relunit, weekend, ago, range (two days: "from Friday to Sunday", "3-5 May").
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    #: Second year of a span, or the other reading of an ambiguous numeric date.
    year2: int | None = None
    #: Modifier as written, lowercased: last, next, this, earlier, late, mid, ...
    modifier: str = ""
    #: Unit of relunit / ago mentions: day, week, weekend, month, year.
    unit: str = ""
    #: Offset in units (deictic and anaphoric days, ago counts as negative numbers).
    offset: int = 0
    #: For numeric dates: the possible (month, day) readings, most likely first.
    readings: tuple[tuple[int, int], ...] = field(default=())
    #: The part of a day named with it ("morning", "night"), or the edge of a unit it names
    #: ("end" in "at the end of the weekend").
    part: str = ""
    #: A range's first and last day, each a mention of its own.
    ends: tuple[Mention, ...] = field(default=())



def _alternation(words) -> str:
    """Regex alternation of words, longest first, each as Title case or UPPER case."""
    forms = set()
    for word in words:
        forms.add(re.escape(word))
        forms.add(re.escape(word.upper()))
    return "|".join(sorted(forms, key=len, reverse=True))


_WEEKDAY_INDEX = {name.lower(): n for n, name in enumerate(lex.WEEKDAYS)}
_MONTH_INDEX = {name.lower(): n + 1 for n, name in enumerate(lex.MONTHS)}
_MONTH_INDEX.update({abbr.lower(): n for abbr, n in lex.MONTH_ABBREVIATIONS.items()})
_WEEKDAY_INDEX.update({abbr.lower(): n for abbr, n in lex.WEEKDAY_ABBREVIATIONS.items()})

_WD = rf"(?:{_alternation(lex.WEEKDAYS)})(?!\w)"
_WD_ANY = rf"(?:(?:{_alternation(lex.WEEKDAYS)})|(?:{_alternation(lex.WEEKDAY_ABBREVIATIONS)})\.?)"
_MONTH_FULL = rf"(?:{_alternation(lex.MONTHS)})(?![\w-])"
# An abbreviation takes its dot with it ("Sept. 5"), but never a letter ("Marching").
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:{_alternation(lex.MONTH_ABBREVIATIONS)})(?:\.|(?![\w-])))"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_POSS = r"(?:['’]s(?!\w))?"
_SP = r"[ \t\u00a0]+"  # spaces inside one expression; a line break ends it
_NUMWORD = "|".join(sorted(lex.NUMBER_WORDS, key=len, reverse=True))
_DEICTIC = "|".join(re.escape(k).replace(r"\ ", _SP) for k in sorted(lex.DEICTIC_DAYS, key=len, reverse=True))
_ANAPHORIC = "|".join(re.escape(k).replace(r"\ ", _SP) for k in sorted(lex.ANAPHORIC_DAYS, key=len, reverse=True))
_PART = "|".join(lex.PARTS_OF_DAY) + "|overnight"
_RANGE_DASH = r"[ ]?[-–][ ]?"

_PATTERN = rf"""
(?<![\w©$€£#%./:-])
(?:(?P<prep>(?i:on|in)){_SP}
|(?P<edge>(?:(?i:at|by|until|till|from|since|before|after|towards?){_SP})?(?i:the){_SP}(?P<edge_word>(?i:end|start|beginning|middle|close)){_SP}(?i:of){_SP})
)?
(?:
  (?P<iso>(?P<iso_y>{_YEAR})(?P<iso_sep>[-/])(?P<iso_m>0[1-9]|1[0-2])(?P=iso_sep)(?P<iso_d>3[01]|[12][0-9]|0[1-9]))(?![\d])
| (?P<num>(?P<num_a>[0-3]?[0-9])(?P<num_sep>[./])[ ]?(?P<num_b>[01]?[0-9])(?P=num_sep)[ ]?(?P<num_y>{_YEAR}))(?![\d])
| (?P<fromto>(?i:from|between){_SP}(?P<ft_a>{_YEAR}){_SP}(?i:to|and|until|till|through){_SP}(?P<ft_b>{_YEAR}))(?![\d])
| (?P<wdparen>(?P<wp_w>{_WD}){_SP}?\((?:(?P<wp_d1>{_DAY}){_ORD}{_SP}(?P<wp_m1>{_MONTH_ANY})|(?P<wp_m2>{_MONTH_ANY}){_SP}(?P<wp_d2>{_DAY}){_ORD})(?:,?{_SP}(?P<wp_y>{_YEAR}))?\))
| (?P<mdyr>(?P<mr_m>{_MONTH_ANY}){_SP}(?P<mr_a>{_DAY}){_ORD}{_RANGE_DASH}(?P<mr_b>{_DAY}){_ORD}(?![\d])(?:,?{_SP}(?P<mr_y>{_YEAR})(?![\d]))?)
| (?P<dmyr>(?P<dr_a>{_DAY}){_ORD}{_RANGE_DASH}(?P<dr_b>{_DAY}){_ORD}{_SP}(?P<dr_m>{_MONTH_ANY})(?:,?{_SP}(?P<dr_y>{_YEAR})(?![\d]))?)
| (?P<mdy>(?:(?P<mdy_w>{_WD_ANY}),?{_SP})?(?P<mdy_m>{_MONTH_ANY}){_SP}(?P<mdy_d>{_DAY}){_ORD}(?![\d])(?:,?{_SP}(?P<mdy_y>{_YEAR})(?![\d]))?)
| (?P<dmy>(?:(?P<dmy_w>{_WD_ANY}),?{_SP})?(?:(?i:the){_SP})?(?P<dmy_d>{_DAY}){_ORD}(?:{_SP}(?i:of))?{_SP}(?P<dmy_m>{_MONTH_ANY})(?:,?{_SP}(?P<dmy_y>{_YEAR})(?![\d]))?)
| (?P<decade>(?:(?i:the){_SP})?(?:(?i:early|mid|late)[- ])?(?P<dec>(?:1[89]|20)[0-9]0)['’]?s(?![\w]))
| (?P<span>(?P<sp_a>{_YEAR})[ ]?[-–—/][ ]?(?P<sp_b>[0-9]{{4}}|[0-9]{{2}})(?![\d]|[.,][0-9]))
| (?P<my>(?:(?P<my_mod>(?i:early|late|mid)){_SP})?(?P<my_m>{_MONTH_ANY}),?{_SP}(?:(?i:of){_SP})?(?P<my_y>{_YEAR})(?![\d]))
| (?P<year>(?P<yr>[0-9]{{4}})(?![\d%]|[.,][0-9]))
| (?P<ago>(?P<ago_n>[0-9]{{1,3}}|(?i:{_NUMWORD})){_SP}(?P<ago_u>(?i:day|week|month|year))s?{_SP}(?i:ago)(?!\w))
| (?P<deictic>(?P<dx>(?i:{_DEICTIC})){_POSS}(?!\w))
| (?P<anaphoric>(?P<an>(?i:{_ANAPHORIC}))(?!\w)(?![ \t]+(?:(?:the|a|an|his|her|their|its|this|that)\b|[A-Z0-9]))(?![ \t]+(?:on|into|to)[ \t]+[A-Z]))
| (?P<later>(?P<lt_n>[0-9]{{1,2}}|(?i:{_NUMWORD})){_SP}(?P<lt_u>(?i:day|week|month|year))s?{_SP}(?P<lt_dir>(?i:later|earlier))(?!\w))
| (?P<relunit>(?P<ru_mod>(?i:earlier{_SP}this|later{_SP}this|this{_SP}past|last|this|next)){_SP}(?P<ru_u>(?i:week|weekend|month|year)){_POSS}(?!\w))
| (?P<weekend>(?i:over|at|during|on|of){_SP}(?i:the){_SP}(?i:weekend)(?!\w))
| (?P<theunit>(?i:the){_SP}(?P<tu>(?i:week|weekend|month|year))(?!\w))
| (?P<weekday>(?:(?P<wd_mod>(?i:earlier|later|early|late|last|next|this|coming|past|overnight)){_SP}(?:(?i:on|into){_SP})?)?(?P<wd>{_WD})(?:['’]s(?!\w)|{_SP}(?P<wd_part>{_PART})(?!\w))?)
| (?P<month>(?:(?P<mo_mod>(?i:early|late|mid|last|next|this))(?:{_SP}|-))?(?P<mo>{_MONTH_FULL}){_POSS})
)
"""
TEMPORAL = re.compile(_PATTERN, re.VERBOSE)

# Every word an expression can begin with. The big pattern is tried only where one of these
# starts (a few words in ten), not at every character: that is most of the scan's speed.
_TRIGGER_WORDS = {
    "on", "in", "from", "between", "the", "early", "mid", "late", "earlier", "later", "last",
    "this", "next", "coming", "past", "over", "at", "during",
}
_TRIGGER_WORDS |= set(lex.NUMBER_WORDS)
_TRIGGER_WORDS |= {phrase.split()[0] for phrase in (*lex.DEICTIC_DAYS, *lex.ANAPHORIC_DAYS)}
# Words that are an expression on their own ("yesterday"); the other trigger words ("the",
# "in", "a", "last") only lead one, and are common enough that trying the big pattern after
# each of them was a tenth of indexing.
_WHOLE_WORDS = {phrase for phrase in (*lex.DEICTIC_DAYS, *lex.ANAPHORIC_DAYS) if " " not in phrase}
_LEADING_WORDS = _TRIGGER_WORDS - _WHOLE_WORDS
# Every expression that begins with leading words goes on, after at most a few more of them,
# to a number or to one of the pattern's other words (a month, "week", "day", "ago"...). Taken
# from the pattern and the lexicon themselves, so a word added there is never skipped here.
# (Group names, flags and escapes are not words of the pattern; nor are "st", "of" and the
# like, which come after a number.)
_PATTERN_TEXT = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\(\?i:|\\[A-Za-z]", " ", _PATTERN)
_HEAD_WORDS = {
    word.lower()
    for source in (_PATTERN_TEXT, *lex.WEEKDAYS, *lex.WEEKDAY_ABBREVIATIONS, *lex.MONTHS, *lex.MONTH_ABBREVIATIONS,
                   *lex.DEICTIC_DAYS, *lex.ANAPHORIC_DAYS)
    for word in re.findall(r"[A-Za-z]{3,}", source)
} - _LEADING_WORDS
_GAP = r"[ \t\u00a0-]+"
_LEADING = "|".join(sorted(_LEADING_WORDS, key=len, reverse=True))
_HEAD = "|".join(sorted(_HEAD_WORDS, key=len, reverse=True))
_TRIGGER = re.compile(
    rf"(?<![\w©$€£#%./:-])(?:[0-9]"
    rf"|(?i:{'|'.join(sorted(_WHOLE_WORDS, key=len, reverse=True))})(?![\w])"
    rf"|(?i:{_LEADING})(?![\w])(?=(?:{_GAP}(?i:{_LEADING})(?![\w])){{0,4}}{_GAP}(?:[0-9]|(?i:{_HEAD})))"
    rf"|{_alternation(lex.WEEKDAYS)}|{_alternation(lex.WEEKDAY_ABBREVIATIONS)}"
    rf"|{_alternation(lex.MONTHS)}|{_alternation(lex.MONTH_ABBREVIATIONS)})"
)

# Neighbouring words are read across spaces only: a comma or a line break ends the phrase.
_WORD_BEFORE = re.compile(r"([\w'’.-]+)[ \t\u00a0]*$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]*([\w'’-]+)")


def _previous_word(text: str, pos: int) -> str:
    """The word just before pos on the same line, or ''."""
    match = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return match.group(1) if match else ""


def _next_word(text: str, pos: int) -> str:
    """The word just after pos on the same line, or ''."""
    match = _WORD_AFTER.match(text[pos : pos + 40])
    return match.group(1) if match else ""


def _sentence_initial(text: str, pos: int) -> bool:
    """True when pos starts a sentence, a line or a quotation."""
    before = text[max(0, pos - 4) : pos].rstrip(" \t\u00a0\"“‘'(")
    return not before or before[-1] in ".!?\n:;—–"


def _is_capitalised_name(word: str) -> bool:
    """A capitalised word that is not a sentence's function word (for 'Theresa May')."""
    return bool(word) and word[0].isupper() and word.lower() not in lex.TIME_PREPOSITIONS and word.lower() not in {
        "said", "at", "but", "or", "as",
    }


def scan(text: str, candidates: Iterable[int] | None = None) -> list[Mention]:
    """Every temporal expression in text, left to right, without overlaps.

    `candidates` are offsets where one may begin (`token_candidates`); without them the text
    is searched for those places itself.
    """
    found: list[Mention] = []
    for match in matches(text, candidates):
        mention = _to_mention(text, match)
        if mention is not None:
            found.append(mention)
    return _join_ranges(text, found)


# "from Friday to Sunday", "between 3 May and 5 May", "Friday through Sunday", "Friday–Sunday"
_RANGE_JOIN = re.compile(r"[ \t\u00a0]*(?P<word>(?i:to|until|till|through|thru|and)|[-–—])[ \t\u00a0]*\Z")
_RANGE_OPEN = re.compile(r"(?P<word>(?i:from|between))[ \t\u00a0]+\Z")
#: Verbs that move a date: "postponed from Friday to Sunday" names two days, not a span.
_MOVE_VERBS = frozenset({
    "moved", "postponed", "delayed", "pushed", "brought", "changed", "rescheduled", "shifted",
    "switched", "advanced", "put", "move", "postpone", "delay", "push", "bring", "change",
    "reschedule", "shift", "switch",
})


def _join_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two days joined as a span ("from Friday to Sunday") become one range mention."""
    out: list[Mention] = []
    n = 0
    while n < len(mentions):
        first = mentions[n]
        if n + 1 < len(mentions):
            ranged = _as_range(text, first, mentions[n + 1])
            if ranged is not None:
                out.append(ranged)
                n += 2
                continue
        out.append(first)
        n += 1
    return out


def _as_range(text: str, first: Mention, last: Mention) -> Mention | None:
    same_kind = first.kind == last.kind == "weekday" or (
        first.kind == last.kind == "date" and first.year in (None, last.year)
    )
    if not same_kind or first.modifier or last.modifier:
        return None
    join = _RANGE_JOIN.match(text[first.end : last.start])
    if join is None or "\n" in text[first.end : last.start]:
        return None
    opener = _RANGE_OPEN.search(text, max(0, first.start - 10), first.start)
    word = join.group("word").lower()
    opened = opener.group("word").lower() if opener else ""
    if not ((opened == "from" and word in ("to", "until", "till", "through", "thru"))
            or (opened == "between" and word == "and")
            or word in ("through", "thru", "-", "–", "—")):
        return None
    start = opener.start() if opener else first.start
    before = text[max(0, start - 40) : start].lower().split()
    if _MOVE_VERBS.intersection(before[-4:]):
        return None
    if first.kind == "date" and first.year is None:
        first = replace(first, year=last.year)  # "from 3 May to 5 May 2023"
    return Mention(start, last.end, text[start : last.end], "range", year=last.year, ends=(first, last))


def matches(text: str, candidates: Iterable[int] | None = None):
    """The same matches as TEMPORAL.finditer(text), found faster from trigger words.

    With `candidates` (a superset of the places a trigger word can start, in order), each is
    checked with the trigger pattern instead of searching the whole text for them.
    """
    done = 0
    if candidates is None:
        starts: Iterable[int] = (trigger.start() for trigger in _TRIGGER.finditer(text))
    else:
        starts = (at for at in candidates if at >= done and _TRIGGER.match(text, at))
    for at in starts:
        if at < done:
            continue
        match = TEMPORAL.match(text, at)
        if match is not None:
            done = match.end()
            yield match


#: Lowercased words a trigger can be: searched per token, not per character.
_TRIGGER_TOKENS = frozenset(
    word.lower().rstrip(".")
    for word in (*_TRIGGER_WORDS, *lex.WEEKDAYS, *lex.WEEKDAY_ABBREVIATIONS, *lex.MONTHS, *lex.MONTH_ABBREVIATIONS)
)
# Inside a token with punctuation in it ("5,2023", "U.S.", "’90s"): every place a word starts.
_INNER_START = re.compile(r"(?<![\w©$€£#%./:-])(?=\w)")


def token_candidates(words: Sequence[str], starts: Sequence[int]) -> list[int]:
    """Offsets where a trigger word may start, from the tokenizer's words and their offsets.

    A superset (`matches` checks each): a word or number token at its start when it could be a
    trigger, and any token with punctuation inside at each place a word starts in it. Looking
    words up is much cheaper than running the trigger pattern over every character.
    """
    # A text repeats its words: each distinct word is looked up once, each token only found in a set.
    distinct = set(words)
    triggers = {word for word in distinct if word.isalnum() and (word[0].isdigit() or word.lower() in _TRIGGER_TOKENS)}
    found = [start for word, start in zip(words, starts) if word in triggers]
    # One-character punctuation cannot hold the start of a word; longer mixed tokens can.
    punctuated = {word for word in distinct if len(word) > 1 and not word.isalnum() and not word.isspace()}
    mixed = [(word, start) for word, start in zip(words, starts) if word in punctuated]
    if mixed:
        found.extend(start + inner.start() for word, start in mixed for inner in _INNER_START.finditer(word))
        found.sort()
    return found


def _to_mention(text: str, m: re.Match) -> Mention | None:
    """Turn a regex match into a Mention, or None when the context says it is no date."""
    mention = _mention_of(text, m)
    if mention is not None and m.group("edge"):
        # "at the end of the weekend": the edge is kept for what it says of the day.
        mention = replace(mention, part=m.group("edge_word").lower())
    return mention


def _mention_of(text: str, m: re.Match) -> Mention | None:
    kind = m.lastgroup
    start, end = m.start(), m.end()
    core_start = m.start(kind)

    def make(**fields) -> Mention:
        """The Mention for this match with the given fields."""
        return Mention(start=start, end=end, expression=text[start:end], kind=fields.pop("kind", kind), **fields)

    if kind == "iso":
        return make(kind="date", year=int(m["iso_y"]), month=int(m["iso_m"]), day=int(m["iso_d"]))
    if kind == "num":
        readings = _numeric_readings(int(m["num_a"]), int(m["num_b"]), m["num_sep"])
        if not readings:
            return None
        return make(kind="numeric", year=int(m["num_y"]), month=readings[0][0], day=readings[0][1], readings=readings)
    if kind == "fromto":
        a, b = int(m["ft_a"]), int(m["ft_b"])
        return make(kind="span", year=a, year2=b) if b > a else None
    if kind in ("mdyr", "dmyr"):
        return _day_range(text, m, make)
    if kind == "theunit":
        if not m.group("edge"):
            return None  # "the week" alone is no date; "the end of the week" is
        unit = m["tu"].lower()
        return make(kind="relunit", unit=unit, modifier="the", offset=0)
    if kind == "wdparen":
        # "Thursday (1 June)": one day, told twice.
        month = _MONTH_INDEX[(m["wp_m1"] or m["wp_m2"]).rstrip(".").lower()]
        day = int(m["wp_d1"] or m["wp_d2"])
        year = int(m["wp_y"]) if m["wp_y"] else None
        if day > _days_in_month(month, year):
            return None
        weekday = _WEEKDAY_INDEX[m["wp_w"].lower()]
        return make(kind="date", year=year, month=month, day=day, weekday=weekday)
    if kind in ("mdy", "dmy"):
        month = _MONTH_INDEX[m[f"{kind}_m"].rstrip(".").lower()]
        day = int(m[f"{kind}_d"])
        weekday_text = m[f"{kind}_w"]
        weekday = _WEEKDAY_INDEX[weekday_text.rstrip(".").lower()] if weekday_text else None
        year = int(m[f"{kind}_y"]) if m[f"{kind}_y"] else None
        if day > _days_in_month(month, year):
            return None
        if kind == "dmy" and year is None and m[f"{kind}_m"].rstrip(".") in lex.AMBIGUOUS_MONTHS:
            # "3 May be" is rare, but "the 3 March" is not; only the modal needs care.
            nxt = _next_word(text, end)
            if m[f"{kind}_m"] == "May" and nxt[:1].islower() and nxt not in {"and", "to", "in", "at", "when"}:
                return None
        return make(kind="date", year=year, month=month, day=day, weekday=weekday)
    if kind == "decade":
        decade = int(m["dec"])
        return make(kind="decade", year=decade, year2=decade + 9)
    if kind == "span":
        a = int(m["sp_a"])
        raw = m["sp_b"]
        b = int(raw) if len(raw) == 4 else (a // 100) * 100 + int(raw)
        if len(raw) == 2 and b <= a:
            b += 100  # "1999-00"
        if not (0 < b - a <= 30) or _number_label_before(text, core_start):
            return None
        return make(kind="span", year=a, year2=b)
    if kind == "my":
        month = _MONTH_INDEX[m["my_m"].rstrip(".").lower()]
        return make(kind="month", year=int(m["my_y"]), month=month, modifier=(m["my_mod"] or "").lower())
    if kind == "year":
        return _year_mention(text, m, start, end, core_start)
    if kind == "ago":
        raw = m["ago_n"].lower()
        count = int(raw) if raw.isdigit() else lex.NUMBER_WORDS.get(raw)
        if not count:
            return None
        return make(unit=m["ago_u"].lower(), offset=-count)
    if kind == "deictic":
        word = _norm_phrase(m["dx"])
        if m["dx"][0].isupper() and not _sentence_initial(text, m.start("dx")) and not m.group("prep"):
            return None  # "USA Today", "Russia Today": a title, not a day
        return make(offset=lex.DEICTIC_DAYS[word], modifier=word)
    if kind == "anaphoric":
        word = _norm_phrase(m["an"])
        if word == "overnight" and not _overnight_is_a_night(text, m.start("an"), m.end("an")):
            return None
        return make(offset=lex.ANAPHORIC_DAYS[word], modifier=word, unit="day")
    if kind == "later":
        raw = m["lt_n"].lower()
        count = int(raw) if raw.isdigit() else lex.NUMBER_WORDS.get(raw)
        if not count:
            return None
        sign = 1 if m["lt_dir"].lower() == "later" else -1
        return make(kind="anaphoric", unit=m["lt_u"].lower(), offset=sign * count, modifier="count")
    if kind == "relunit":
        modifier = _norm_phrase(m["ru_mod"])
        unit = m["ru_u"].lower()
        before = _previous_word(text, m.start("relunit")).lower()
        if modifier in ("last", "next") and before in {"the", "for", "over", "within", "past"}:
            return None  # "over the last year", "in the next week": durations, not dates
        if modifier == "this past" and unit in ("month", "year"):
            return None  # "this past year" is as often the twelve months to now as last year
        return make(modifier=modifier, unit=unit, offset=lex.RELATIVE_SHIFTS[modifier])
    if kind == "weekend":
        return make(kind="relunit", unit="weekend", modifier="the")
    if kind == "weekday":
        return _weekday_mention(text, m, make)
    if kind == "month":
        return _month_mention(text, m, make)
    return None


def _overnight_is_a_night(text: str, start: int, end: int) -> bool:
    """'Overnight, ...' and '... hit the city overnight.' name a night; 'an overnight curfew'
    and 'it did not happen overnight' do not."""
    if _previous_word(text, start).lower() in lex.OVERNIGHT_IDIOMS:
        return False
    # "is not rebuilt overnight", "won't change overnight": a denied overnight is a figure of speech.
    before = re.findall(r"[\w'’]+", text[max(0, start - 40) : start].lower())[-4:]
    if any(w in ("not", "never", "cannot") or w.endswith(("n't", "n’t")) for w in before):
        return False
    if _sentence_initial(text, start):
        return True
    return bool(re.match(r"[ \t]*(?:[.,;:!?)\]\"”’]|\n|$)", text[end : end + 2]))


def _day_range(text: str, m: re.Match, make) -> Mention | None:
    """'3-5 May', 'May 3-5, 2024': two days of one month."""
    short = "mr" if m.lastgroup == "mdyr" else "dr"
    month = _MONTH_INDEX[m[f"{short}_m"].rstrip(".").lower()]
    first, last = int(m[f"{short}_a"]), int(m[f"{short}_b"])
    year = int(m[f"{short}_y"]) if m[f"{short}_y"] else None
    if not first < last <= _days_in_month(month, year):
        return None
    ends = tuple(
        Mention(m.start(), m.end(), m.group(0), "date", year=year, month=month, day=day) for day in (first, last)
    )
    return make(kind="range", year=year, month=month, day=first, ends=ends)


def _norm_phrase(value: str) -> str:
    return " ".join(value.lower().split())


def _days_in_month(month: int, year: int | None) -> int:
    if month == 2:
        return 29 if year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _numeric_readings(a: int, b: int, sep: str) -> tuple[tuple[int, int], ...]:
    """(month, day) readings of a numeric date: dotted dates are day-first, slashed ones either."""
    day_first = (b, a) if 1 <= b <= 12 and 1 <= a <= 31 else None
    month_first = (a, b) if 1 <= a <= 12 and 1 <= b <= 31 else None
    if sep == ".":
        return (day_first,) if day_first else ()
    readings = tuple(r for r in (day_first, month_first) if r)
    return tuple(dict.fromkeys(readings))


def _number_label_before(text: str, pos: int) -> bool:
    """True when the number at pos is labelled (Resolution 1244, No. 2008, Copyright 2023)."""
    return _previous_word(text, pos).lower().rstrip(":") in lex.NUMBER_LABELS


def _year_mention(text: str, m: re.Match, start: int, end: int, core_start: int) -> Mention | None:
    """A four-digit number that reads as a year, not an amount, label, time or code."""
    value = int(m["yr"])
    before_word = _previous_word(text, core_start)
    before = before_word.lower()
    after = _next_word(text, m.end("yr"))
    after_low = after.lower()
    if value > 2099 or value < 1000:
        return None
    if before.rstrip(":") in lex.NUMBER_LABELS or after_low in lex.COUNT_NOUNS:
        return None
    # "€2008", "$1999": money, not a year.
    tail = text[max(0, core_start - 2) : core_start]
    if any(ch in tail for ch in "$€£¥#№"):
        return None
    if re.match(r"[ \t]*(?:h\b|hrs\b|GMT|CET|UTC|local time|:[0-9])", text[m.end("yr") : m.end("yr") + 12]):
        return None
    plural_after = (
        bool(after) and after[0].islower() and after_low.endswith("s")
        and not after_low.endswith(("ss", "'s", "’s", "us", "is")) and after_low not in lex.NOT_PLURALS
    )
    if before in lex.QUANTITY_QUALIFIERS and (plural_after or not after):
        return None  # "some 2000 protesters", "more than 1500"
    if plural_after and before not in lex.YEAR_DETERMINERS and not before_word.endswith(("'s", "’s")) and not m.group("prep"):
        return None  # "2000 protesters gathered" — a count; "the 2014 elections" stays a year
    if (
        _is_capitalised_name(before_word)
        and before not in lex.YEAR_QUALIFIERS
        and not before_word.endswith(("'s", "’s"))
        and not m.group("prep")
        and not m.group("edge")
        and not _sentence_initial(text, core_start - len(before_word) - 1)
        and before.rstrip(".") not in _MONTH_INDEX
        and before not in _WEEKDAY_INDEX
    ):
        return None  # "Expo 2020", "Euro 2024": a year inside a name
    if value < 1900:
        # Early years only after a time word and before a non-noun ("in 1389, the Serbs").
        if not (m.group("prep") or before in {"since", "until", "till", "from", "of", "by", "year", "circa", "c."}):
            return None
        if after and after[0].islower() and after_low not in {"the", "and", "when", "after", "before", "as", "but", "until", "to", "in"}:
            return None
    return Mention(start=start, end=end, expression=text[start:end], kind="year", year=value)


def _weekday_mention(text: str, m: re.Match, make) -> Mention | None:
    """A weekday, unless it names something else ('Bloody Sunday', 'Sunday Times')."""
    name = m["wd"]
    weekday = _WEEKDAY_INDEX[name.lower()]
    modifier = (m["wd_mod"] or "").lower()
    before = _previous_word(text, m.start("weekday"))
    after = _next_word(text, m.end("weekday"))
    if before in lex.NAMED_DAY_QUALIFIERS or after in lex.WEEKDAY_NAME_TAILS or before.lower() in lex.HABITUAL:
        return None
    if modifier == "past":
        if before.lower() != "this":
            return None  # only "this past Monday" means the last one
        modifier = "last"
    part = m["wd_part"] or ""
    if modifier == "overnight":
        modifier, part = "", "overnight"
    return make(weekday=weekday, modifier=modifier, part=part)


def _month_mention(text: str, m: re.Match, make) -> Mention | None:
    """A month name on its own ('in April', "April's", 'last May'), when it is a month."""
    name = m["mo"]
    title = name.title()
    month = _MONTH_INDEX[name.lower()]
    modifier = (m["mo_mod"] or "").lower()
    word_start = m.start("mo_mod") if modifier else m.start("mo")
    before_word = _previous_word(text, word_start)
    before = before_word.lower()
    after = _next_word(text, m.end("month"))
    possessive = bool(re.search(r"['’]s$", m.group("month")))
    if before in lex.HABITUAL:
        return None  # "every May"
    timed = bool(m.group("prep")) or bool(modifier) or (before in lex.TIME_PREPOSITIONS and before != "the")
    if before == "the":
        # "the April elections" is a month, "the March on Washington" is not.
        timed = after[:1].islower() and after.lower() not in _NOT_AFTER_THE_MONTH
    if not timed and before_word and _is_capitalised_name(before_word) and not _sentence_initial(text, word_start):
        return None  # "Theresa May", "Brian May's"
    if title in lex.AMBIGUOUS_MONTHS and not timed:
        if not possessive or (title == "May" and _sentence_initial(text, word_start)):
            return None  # "May" the modal, "March" the verb, "April" the name
    if not timed and not possessive and after[:1].isupper():
        return None  # "January Jones": a name
    return make(month=month, modifier=modifier)


#: Words after "the <Month>" that make it a noun phrase of its own ("the March on Rome").
_NOT_AFTER_THE_MONTH = frozenset({
    "on", "for", "to", "against", "through", "of", "by", "in", "is", "was", "will", "and", "from",
})
