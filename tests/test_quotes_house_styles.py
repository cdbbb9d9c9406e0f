"""Six unseen articles in six house styles, annotated by hand before the quote finder read them.

Every direct quote must be found with its speaker (recall of direct quotes complete); every
system quote that lies on an annotated stretch must name that stretch's speaker; annotated
reported speech, when found, must have the right speaker. The articles are invented, written
in the manner of each outlet: Reuters ("said on Thursday"), AFP in English with « », BBC with
single ‘…’ marks, Balkan Insight ("told BIRN"), a ministry press release reprinted, and AP with
a quote running over two paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from briefing.core.models import ParsedArticle, Quote
from briefing.core.nlp.pipeline import Extractor
from briefing.core.nlp.speakers import normalise
from briefing.core.settings import FocusSpeaker, Settings

SETTINGS = Settings(
    speakers=(
        FocusSpeaker("Aleksandar Vucic", "Vucic", ("Vucic", "Vučić", "the Serbian president", "Serbia's president", "Serbia’s president")),
        FocusSpeaker("NATO", "NATO", ("the alliance", "Nato")),
        FocusSpeaker("KFOR", "NATO", ("Kosovo Force", "the NATO-led peacekeeping force", "the peacekeeping force")),
        FocusSpeaker("Angelo Michele Ristuccia", "NATO", ("Ristuccia", "the KFOR commander")),
    )
)


@dataclass(frozen=True)
class Gold:
    """An annotated quote: its kind, its exact text in the article, and who said it (the first
    name is the canonical one; others are accepted spellings of an unnamed description)."""

    kind: str
    text: str
    speakers: tuple[str, ...]


def d(text: str, *speakers: str) -> Gold:
    return Gold("direct", text, speakers)


def r(text: str, *speakers: str) -> Gold:
    """Reported speech (indirect or mixed)."""
    return Gold("reported", text, speakers)


VUCIC, KURTI, BORRELL = "Aleksandar Vucic", "Albin Kurti", "Josep Borrell"

REUTERS = """BELGRADE, June 8 (Reuters) - Serbia will not recognise the results of Sunday's local elections in northern Kosovo, President Aleksandar Vucic said on Thursday, as the European Union pressed both sides to return to talks.

"We have no intention of taking part in a process that is designed to humiliate our people," Vucic told a news conference in Belgrade.

Kosovo Prime Minister Albin Kurti said on Wednesday that the vote had been "free and fair" and that the new mayors would remain in office.

The European Union's foreign policy chief, Josep Borrell, said on Thursday the bloc was "deeply concerned" by the situation. "Both parties must de-escalate now," he said in a statement.

A NATO spokesperson said KFOR had increased patrols around the four municipalities. "Our troops will continue to act impartially," the spokesperson said.

Serbia's Foreign Minister Ivica Dacic said Belgrade would ask the United Nations Security Council to discuss the crisis, adding: "The international community cannot look away."

(Reporting by Ivana Sekularac; Editing by Alex Richardson)
"""
REUTERS_GOLD = [
    r("Serbia will not recognise the results of Sunday's local elections in northern Kosovo", VUCIC),
    d("We have no intention of taking part in a process that is designed to humiliate our people", VUCIC),
    r('the vote had been "free and fair" and that the new mayors would remain in office', KURTI),
    d("free and fair", KURTI),
    r('the bloc was "deeply concerned" by the situation', BORRELL),
    d("deeply concerned", BORRELL),
    d("Both parties must de-escalate now", BORRELL),
    r("KFOR had increased patrols around the four municipalities", "NATO"),
    d("Our troops will continue to act impartially", "NATO", "the spokesperson"),
    r("Belgrade would ask the United Nations Security Council to discuss the crisis", "Ivica Dacic"),
    d("The international community cannot look away.", "Ivica Dacic"),
]

AFP = """PRISTINA (AFP) - Kosovo's government on Monday defended its decision to install ethnic Albanian mayors in Serb-majority towns, as Serbia's president warned of « a catastrophe » if tensions were not eased.

« We are not going to back down in the face of violence, » Prime Minister Albin Kurti told AFP in an interview.

Kurti added that the mayors had been « legitimately elected » and accused Belgrade of « orchestrating the unrest ».

In Belgrade, President Aleksandar Vucic told reporters that Serbia's army would remain on the highest level of alert. « Serbia will not sit idly by, » he said.

French President Emmanuel Macron, speaking on the sidelines of a summit in Moldova, said the Kosovo authorities bore « a responsibility » for the escalation. « What is happening is not acceptable, » Macron said.
"""
AFP_GOLD = [
    d("a catastrophe", VUCIC),
    d("We are not going to back down in the face of violence", KURTI),
    r("the mayors had been « legitimately elected »", KURTI),
    d("legitimately elected", KURTI),
    d("orchestrating the unrest", KURTI),
    r("Serbia's army would remain on the highest level of alert", VUCIC),
    d("Serbia will not sit idly by", VUCIC),
    r("the Kosovo authorities bore « a responsibility » for the escalation", "Emmanuel Macron"),
    d("a responsibility", "Emmanuel Macron"),
    d("What is happening is not acceptable", "Emmanuel Macron"),
]

BBC = """Serbia has put its army on the highest state of alert after clashes in northern Kosovo left dozens of Nato peacekeepers injured.

President Aleksandar Vucic said the move was ‘a precaution’ and insisted Belgrade did not want a war.

‘We are doing everything we can to preserve peace,’ he told the BBC. ‘But we will protect our people.’

Kosovo’s Prime Minister Albin Kurti accused Serbia of trying to ‘destabilise’ the country.

The commander of the Nato mission, Maj Gen Angelo Michele Ristuccia, said the attacks on his troops were ‘unacceptable’.

Local resident Milica Petrovic, 54, said she was afraid to leave her home. ‘Nobody knows what will happen tomorrow,’ she said.

The EU’s foreign policy chief Josep Borrell said: ‘Enough is enough.’
"""
BBC_GOLD = [
    r("the move was ‘a precaution’", VUCIC),
    d("a precaution", VUCIC),
    r("Belgrade did not want a war", VUCIC),
    d("We are doing everything we can to preserve peace", VUCIC),
    d("But we will protect our people.", VUCIC),
    d("destabilise", KURTI),
    r("the attacks on his troops were ‘unacceptable’", "Angelo Michele Ristuccia"),
    d("unacceptable", "Angelo Michele Ristuccia"),
    r("she was afraid to leave her home", "Milica Petrovic"),
    d("Nobody knows what will happen tomorrow", "Milica Petrovic"),
    d("Enough is enough.", BORRELL),
]

BIRN = """Serbian List, the main party of Kosovo Serbs, said on Tuesday it would not take part in any new elections until the ethnic Albanian mayors withdrew from the four northern municipalities.

"There will be no elections while the occupation continues," Goran Rakic, the party's leader, told BIRN.

Rakic said Serbs had been "pushed out of institutions" and that the international community had "failed to protect" them.

Kosovo's Deputy Prime Minister Besnik Bislimi told BIRN that the government was open to dialogue, but that "rule of law is not negotiable".

Igor Bandovic, director of the Belgrade Centre for Security Policy, told BIRN that both governments were using the crisis for domestic purposes. "Neither Vucic nor Kurti has an interest in calming things down," he said.

The EU Office in Kosovo said in a statement that it "expects all sides to refrain from unilateral actions".
"""
BIRN_GOLD = [
    r("it would not take part in any new elections until the ethnic Albanian mayors withdrew from the four northern municipalities", "Serbian List"),
    d("There will be no elections while the occupation continues", "Goran Rakic"),
    r('Serbs had been "pushed out of institutions" and that the international community had "failed to protect" them', "Goran Rakic"),
    d("pushed out of institutions", "Goran Rakic"),
    d("failed to protect", "Goran Rakic"),
    r('the government was open to dialogue, but that "rule of law is not negotiable"', "Besnik Bislimi"),
    d("rule of law is not negotiable", "Besnik Bislimi"),
    r("both governments were using the crisis for domestic purposes", "Igor Bandovic"),
    d("Neither Vucic nor Kurti has an interest in calming things down", "Igor Bandovic"),
    r('it "expects all sides to refrain from unilateral actions"', "EU Office in Kosovo"),
    d("expects all sides to refrain from unilateral actions", "EU Office in Kosovo"),
]

MINISTRY = ("Ministry of Foreign Affairs of the Republic of Serbia", "the ministry", "Ministry of Foreign Affairs")
PRESS_RELEASE = """The Ministry of Foreign Affairs of the Republic of Serbia strongly condemns the violence against Serbs in the north of Kosovo and Metohija, the ministry said in a statement on Wednesday.

"The so-called Kosovo police entered the municipal buildings by force, in violation of the Brussels Agreement," the statement said.

The ministry called on KFOR and the EU to "fulfil their obligations" and to ensure the safety of the Serb population.

"Serbia remains committed to dialogue, but it will not accept a policy of faits accomplis," the ministry said, adding that it had informed the embassies of the Quint countries.

Minister Ivica Dacic said the statement reflected "the position of the entire state leadership".
"""
PRESS_RELEASE_GOLD = [
    r("The Ministry of Foreign Affairs of the Republic of Serbia strongly condemns the violence against Serbs in the north of Kosovo and Metohija", *MINISTRY),
    d("The so-called Kosovo police entered the municipal buildings by force, in violation of the Brussels Agreement", *MINISTRY),
    r('KFOR and the EU to "fulfil their obligations" and to ensure the safety of the Serb population', *MINISTRY),
    d("fulfil their obligations", *MINISTRY),
    d("Serbia remains committed to dialogue, but it will not accept a policy of faits accomplis", *MINISTRY),
    r("it had informed the embassies of the Quint countries", *MINISTRY),
    r('the statement reflected "the position of the entire state leadership"', "Ivica Dacic"),
    d("the position of the entire state leadership", "Ivica Dacic"),
]

AP = """ZVECAN, Kosovo (AP) — Hundreds of ethnic Serbs gathered again Wednesday outside the town hall in Zvecan, a day after clashes with NATO-led peacekeepers left dozens injured on both sides.

Milan Jovanovic, a 47-year-old teacher, said he had come to protest every day since the new mayor was installed.

"We are not going anywhere. This is our town, and we will stay here as long as it takes.

"Nobody asked us. Nobody listened to us. They just brought in a mayor that nobody voted for," Jovanovic said.

The NATO-led peacekeeping force, known as KFOR, said 30 of its soldiers had been injured on Monday, three of them seriously. It said the troops had "faced unprovoked attacks."

"KFOR will take all necessary actions to maintain a safe and secure environment," the force said in a statement.

U.S. Ambassador Jeffrey Hovenier told reporters in Pristina that Washington was "disappointed" by the government's decision.
"""
AP_GOLD = [
    r("he had come to protest every day since the new mayor was installed", "Milan Jovanovic"),
    d("We are not going anywhere. This is our town, and we will stay here as long as it takes.", "Milan Jovanovic"),
    d("Nobody asked us. Nobody listened to us. They just brought in a mayor that nobody voted for", "Milan Jovanovic"),
    r("30 of its soldiers had been injured on Monday, three of them seriously", "KFOR"),
    r('the troops had "faced unprovoked attacks."', "KFOR"),
    d("faced unprovoked attacks.", "KFOR"),
    d("KFOR will take all necessary actions to maintain a safe and secure environment", "KFOR"),
    r('Washington was "disappointed" by the government\'s decision', "Jeffrey Hovenier"),
    d("disappointed", "Jeffrey Hovenier"),
]

ARTICLES = {
    "reuters": (REUTERS, REUTERS_GOLD),
    "afp": (AFP, AFP_GOLD),
    "bbc": (BBC, BBC_GOLD),
    "birn": (BIRN, BIRN_GOLD),
    "press-release": (PRESS_RELEASE, PRESS_RELEASE_GOLD),
    "ap": (AP, AP_GOLD),
}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(SETTINGS)


def _clean(text: str) -> str:
    return text.strip(" \n,;:.")


def _right(quote: Quote, gold: Gold) -> bool:
    return normalise(quote.speaker) in {normalise(s) for s in gold.speakers}


def _located(text: str, golds: list[Gold]) -> list[tuple[int, int, Gold]]:
    """Where each annotated quote stands in the article (the annotation is checked too)."""
    placed = []
    for gold in golds:
        start = text.find(gold.text)
        assert start >= 0 and text.find(gold.text, start + 1) < 0, f"annotation not found once: {gold.text!r}"
        placed.append((start, start + len(gold.text), gold))
    return placed


@pytest.mark.parametrize("style", sorted(ARTICLES))
def test_every_direct_quote_is_found_with_its_speaker(extractor, style):
    text, golds = ARTICLES[style]
    _located(text, golds)
    quotes = list(extractor.extract(ParsedArticle(path=f"{style}.txt", text=text)).quotes)
    missing = []
    for gold in golds:
        if gold.kind != "direct":
            continue
        found = [q for q in quotes if q.kind == "direct" and _clean(q.text) == _clean(gold.text)]
        if not found or not _right(found[0], gold):
            missing.append((gold.text, gold.speakers[0], [(q.text, q.speaker) for q in found]))
    assert not missing


@pytest.mark.parametrize("style", sorted(ARTICLES))
def test_no_quote_on_an_annotated_stretch_has_another_speaker(extractor, style):
    text, golds = ARTICLES[style]
    placed = _located(text, golds)
    quotes = list(extractor.extract(ParsedArticle(path=f"{style}.txt", text=text)).quotes)
    wrong = []
    for quote in quotes:
        # The annotated quote of the same kind sharing most characters with it.
        best, share = None, 0.0
        for start, end, gold in placed:
            if (gold.kind == "direct") != (quote.kind == "direct"):
                continue
            common = min(end, quote.end) - max(start, quote.start)
            if common > 0 and common / (quote.end - quote.start) > share:
                best, share = gold, common / (quote.end - quote.start)
        if best is not None and share >= 0.5 and not _right(quote, best):
            wrong.append((quote.text, quote.speaker, best.speakers[0]))
    assert not wrong


@pytest.mark.parametrize("style", sorted(ARTICLES))
def test_reported_speech_found_is_attributed_right(extractor, style):
    text, golds = ARTICLES[style]
    quotes = list(extractor.extract(ParsedArticle(path=f"{style}.txt", text=text)).quotes)
    for gold in golds:
        if gold.kind != "reported":
            continue
        for quote in quotes:
            if quote.kind != "direct" and _clean(quote.text) == _clean(gold.text):
                assert _right(quote, gold), (quote.text, quote.speaker, gold.speakers)
