"""Linking events across sources: groups of the same happening, and disagreements on dates and figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.indexer.links import relink_events
from briefing.core.linking.figures import Figure, figures, figures_disagree
from briefing.core.models import Extraction, ParsedArticle, distinct_notes
from briefing.core.nlp.dates import find_events
from briefing.core.settings import Settings
from briefing.core.store.database import open_database, write_article


def add(db, path: str, text: str, published: str, outlet: str | None = None) -> int:
    """Store an article with the events the date finder gives it."""
    events, _ = find_events(text, published=published)
    article = ParsedArticle(path=path, text=text, published=published, published_source="header", outlet=outlet)
    with db.conn:
        return write_article(db, article, path, path, Extraction(events=tuple(events)), Settings(), "v")


def rows(db) -> dict[tuple[str, str], tuple[int, str | None]]:
    """(outlet, expression) -> (cluster_id, disagreement)."""
    return {
        (outlet, expression): (cluster, note)
        for outlet, expression, cluster, note in db.execute(
            "SELECT a.outlet, e.expression, e.cluster_id, e.disagreement FROM events e JOIN articles a ON a.id = e.article_id"
        )
    }


@pytest.fixture
def db(tmp_path: Path):
    """An empty briefing database."""
    database = open_database(tmp_path / "t.db")
    yield database
    database.conn.close()


def test_same_day_similar_sentences_share_a_cluster_and_other_stories_do_not(db):
    add(db, "a.txt", "Serb protesters clashed with KFOR peacekeepers in Zvecan on Monday.", "2023-05-31", "AP")
    add(db, "b.txt", "On May 29, Serb protesters clashed with NATO peacekeepers in northern Zvecan.", "2023-05-30", "N1")
    add(db, "c.txt", "The central bank raised interest rates on Monday to fight inflation.", "2023-05-31", "FT")
    relink_events(db)
    linked = rows(db)
    assert linked[("AP", "on Monday")][0] == linked[("N1", "On May 29")][0]
    assert linked[("FT", "on Monday")][0] != linked[("AP", "on Monday")][0]
    assert all(note is None for _, note in linked.values())


def test_every_event_gets_a_cluster_even_alone(db):
    add(db, "a.txt", "Kosovo declared independence in 2008. Clashes broke out on Monday.", "2023-05-31", "AP")
    relink_events(db)
    assert db.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()[0] == 0


def test_same_event_dated_differently_is_flagged(db):
    add(db, "a.txt", "Serb protesters stormed the municipal building in Zvecan on Monday, police said.", "2023-05-31", "AP")
    add(db, "b.txt", "Serb protesters stormed the municipal building in Zvecan on Sunday, police said.", "2023-05-31", "RFE")
    relink_events(db)
    linked = rows(db)
    note = "dated 2023-05-28 by RFE, 2023-05-29 by AP"
    assert linked[("AP", "on Monday")][1] == note
    assert linked[("RFE", "on Sunday")][1] == note
    assert linked[("AP", "on Monday")][0] != linked[("RFE", "on Sunday")][0]


def test_a_source_of_unknown_outlet_is_named_as_everywhere_else(db):
    """Never by its file's name: the app and the CLI call it "unknown outlet" too."""
    add(db, "/news/a.txt", "Dock workers blocked the east gate of Port Veridia on Monday, police said.", "2031-04-16", "Ledger")
    add(db, "/news/wire-7.txt", "Dock workers blocked the east gate of Port Veridia on Sunday, police said.", "2031-04-16")
    relink_events(db)
    assert rows(db)[("Ledger", "on Monday")][1] == "dated 2031-04-13 by unknown outlet, 2031-04-14 by Ledger"


def test_differently_dated_events_across_a_week_boundary_are_flagged(db):
    # Sunday 28 May ends ISO week 21; Monday 29 May starts week 22.
    add(db, "a.txt", "Serb protesters stormed the municipal building in Zvecan on May 28.", "2023-05-31", "AP")
    add(db, "b.txt", "Serb protesters stormed the municipal building in Zvecan on May 29.", "2023-05-31", "RFE")
    relink_events(db)
    assert rows(db)[("AP", "on May 28")][1] == "dated 2023-05-28 by AP, 2023-05-29 by RFE"


def test_different_events_on_different_days_are_not_flagged(db):
    add(db, "a.txt", "Serb protesters stormed the municipal building in Zvecan on Monday.", "2023-05-31", "AP")
    add(db, "b.txt", "Ministers of the European Union met in Brussels on Friday to discuss energy prices.", "2023-05-31", "RFE")
    relink_events(db)
    assert all(note is None for _, note in rows(db).values())


def test_figures_given_differently_are_flagged(db):
    add(db, "a.txt", "Clashes erupted in Zvecan on Monday. The clashes left 30 international soldiers injured.", "2023-05-31", "AP")
    add(db, "b.txt", "Clashes erupted in Zvecan on May 29. About 25 NATO peacekeepers were injured in the clashes.", "2023-05-30", "Kyiv")
    relink_events(db)
    note = rows(db)[("AP", "on Monday")][1]
    assert note is not None and "30 troops injured (AP)" in note and "About 25 troops injured (Kyiv)" in note
    assert rows(db)[("Kyiv", "on May 29")][1] == note


def test_more_than_fifty_against_fifty_two_is_flagged(db):
    add(db, "a.txt", "Clashes erupted in Zvecan on Monday. More than 50 local Serbs were injured, Vucic said.", "2023-05-31", "Bloomberg")
    add(db, "b.txt", "Clashes erupted in Zvecan on Monday, and 52 Serbs were injured, Serbian officials said.", "2023-05-31", "Tanjug")
    relink_events(db)
    note = rows(db)[("Bloomberg", "on Monday")][1]
    assert note and "More than 50 serbs injured (Bloomberg)" in note and "52 serbs injured (Tanjug)" in note


def test_agreeing_figures_are_not_flagged(db):
    add(db, "a.txt", "Clashes erupted in Zvecan on Monday. The clashes left 30 soldiers injured.", "2023-05-31", "AP")
    add(db, "b.txt", "Clashes erupted in Zvecan on Monday. About 30 soldiers were wounded in the clashes.", "2023-05-31", "BIRN")
    add(db, "c.txt", "Clashes erupted in Zvecan on Monday, and NATO sent 700 more troops.", "2023-05-31", "Reuters")
    relink_events(db)
    assert all(note is None for _, note in rows(db).values())


def test_relinking_replaces_old_notes(db):
    add(db, "a.txt", "Clashes erupted in Zvecan on Monday. The clashes left 30 soldiers injured.", "2023-05-31", "AP")
    add(db, "b.txt", "Clashes erupted in Zvecan on Monday. The clashes left 25 soldiers injured.", "2023-05-31", "BIRN")
    relink_events(db)
    assert rows(db)[("AP", "on Monday")][1]
    with db.conn:
        db.execute("DELETE FROM events WHERE article_id = (SELECT id FROM articles WHERE path = 'b.txt')")
    relink_events(db)
    assert rows(db)[("AP", "on Monday")][1] is None


# --- figures -----------------------------------------------------------------------------------


def test_figures_find_numbers_with_their_noun_and_predicate():
    found = figures("The clashes left 30 international soldiers wounded, while about 25 NATO peacekeepers were injured.")
    assert [(f.text, f.noun, f.predicate, f.exact) for f in found] == [
        ("30", "troops", "injured", True),
        ("about 25", "troops", "injured", False),
    ]


def test_figures_skip_breakdowns_years_dates_and_measures():
    text = (
        "KFOR said 19 of its Hungarian and 11 Italian soldiers were injured on May 29, "
        "(including 11 Italians) in 2008, 45 kilometers away, and 7% of people."
    )
    assert figures(text) == []


def test_vague_quantities_are_ranges():
    (dozens,) = figures("Dozens of people were injured.")
    assert (dozens.low, dozens.high, dozens.exact) == (24, 99, False)


@pytest.mark.parametrize(
    "a, b, disagree",
    [
        ((30, 30, True, 30), (30, 30, True, 30), False),
        ((30, 30, True, 30), (25, 25, True, 25), True),
        ((21.25, 28.75, False, 25), (30, 30, True, 30), True),  # about 25 vs 30
        ((50, 75, False, 50), (52, 52, True, 52), True),  # more than 50 vs 52
        ((25.5, 34.5, False, 30), (30, 30, True, 30), False),  # about 30 vs 30
        ((21.25, 28.75, False, 25), (25.5, 30, False, 30), False),  # about 25 vs nearly 30
        ((21.25, 28.75, False, 25), (40, 60, False, 40), True),  # about 25 vs more than 40
        ((24, 99, False, None), (30, 30, True, 30), False),  # dozens vs 30
        ((24, 99, False, None), (300, 300, True, 300), True),  # dozens vs 300
    ],
)
def test_figures_disagree(a, b, disagree):
    fa = Figure("a", *a, noun="troops", predicate="injured")
    fb = Figure("b", *b, noun="troops", predicate="injured")
    assert figures_disagree(fa, fb) is disagree
    assert figures_disagree(fb, fa) is disagree


# --- scale -------------------------------------------------------------------------------------


def test_many_events_on_one_day_group_by_discriminating_words(db):
    """3,000 articles about the same day: words shared by most of them tell nothing; two
    discriminating words in common (the town and the issue) make one happening."""
    rows_articles, rows_events = [], []
    for n in range(3000):
        # Place and issue codes of four characters: whole words to the linker, not cut to a stem.
        text = f"Story {n}: protesters in Z{n % 50:03d} clashed with police on Monday over Q{n % 60:03d}."
        rows_articles.append({"id": n + 1, "path": f"{n}.txt", "text": text, "published": "2023-05-31", "published_source": "header"})
        start = text.index("on Monday")
        rows_events.append(
            {
                "article_id": n + 1, "seq": 0, "start": start, "end": start + 9, "expression": "on Monday",
                "value": "2023-05-29", "granularity": "day", "anchor": "2023-05-31", "rule": "weekday-past",
                "sentence": text, "sentence_start": 0, "sentence_end": len(text),
                "day_first": "2023-05-29", "day_last": "2023-05-29",
            }
        )
    with db.conn:
        db["articles"].insert_all(rows_articles)
        db["events"].insert_all(rows_events)
    relink_events(db)
    cluster = dict(db.execute("SELECT article_id, cluster_id FROM events").fetchall())
    # Articles 1 and 301 (stories 0 and 300) share Z000 and Q000; 1 and 51 share only Z000.
    assert cluster[1] == cluster[301]
    assert cluster[1] != cluster[51]
    assert len(set(cluster.values())) == 300  # one happening per (town, issue) pair


def test_statements_on_different_days_are_no_disagreement(db):
    # The same speaker, introduced the same way, speaking on two days: two statements.
    add(db, "a.txt", "Kosovo Prime Minister Albin Kurti told reporters in Pristina on Monday that police would stay.", "2023-05-31", "AP")
    add(db, "b.txt", "Kosovo Prime Minister Albin Kurti told reporters in Pristina on Friday that police would stay.", "2023-05-31", "RFE")
    relink_events(db)
    assert all(note is None for _, note in rows(db).values())


def _brute_force_pairs(items, others=None, keep=None):
    """Every pair sharing enough words that are rare in the pool, found the slow way."""
    from collections import Counter

    from briefing.core.linking.events import MAX_POSTING, MIN_SHARED_WORDS

    pool = items if others is None else others
    counts = Counter(word for event in pool for word in event.bag)
    rare = {word for word, count in counts.items() if count <= MAX_POSTING}
    found = set()
    for i, a in enumerate(items):
        for j, b in enumerate(pool):
            if others is None and j <= i:
                continue
            if keep is not None and not (keep(a) and keep(b)):
                continue
            if a.article_id != b.article_id and len(set(a.bag) & set(b.bag) & rare) >= MIN_SHARED_WORDS:
                found.add((i, j))
    return found


@pytest.mark.parametrize("pairs_at_once", [1 << 20, 7])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_candidate_pairs_are_every_pair_sharing_rare_words_once(seed, pairs_at_once, monkeypatch):
    """The counted postings find exactly the pairs a comparison of every pair would, each once,
    whether a block's pairs are counted at once or a few items at a time."""
    import random
    from collections import Counter

    from briefing.core.linking import blocking
    from briefing.core.linking.events import MAX_POSTING, _candidate_pairs, _Item

    monkeypatch.setattr(blocking, "_PAIRS_AT_ONCE", pairs_at_once)
    rng = random.Random(seed)
    # A few words so common they must be ignored, and many that are rare enough to count.
    vocabulary = [f"w{n}" for n in range(60)]

    def event(number: int) -> _Item:
        words = rng.sample(vocabulary[:3], 2) + rng.sample(vocabulary[3:], rng.randint(0, 6))
        item = _Item(number, rng.randint(1, 40), "2023-05-29", rng.choice(["day", "week"]), None, None, "x", "")
        item.bag = Counter(words)
        return item

    items = [event(n) for n in range(MAX_POSTING + 50)]
    others = [event(1000 + n) for n in range(80)]
    is_day = lambda e: e.granularity == "day"  # noqa: E731

    within = list(_candidate_pairs(items))
    assert len(within) == len(set(within))
    assert {tuple(sorted(p)) for p in within} == _brute_force_pairs(items)
    assert set(_candidate_pairs(items, others)) == _brute_force_pairs(items, others)
    assert set(_candidate_pairs(items, others, keep=is_day)) == _brute_force_pairs(items, others, keep=is_day)
    assert {tuple(sorted(p)) for p in _candidate_pairs(items, keep=is_day)} == _brute_force_pairs(items, keep=is_day)
    assert within  # the sample is not empty by chance


def test_date_notes_are_sorted_and_figure_notes_keep_their_order():
    """Pairs are found in no fixed order: an event's date notes are written sorted, before its
    figure notes, which keep the order their groups were compared in."""
    from briefing.core.linking.events import _DATE_NOTE, _FIGURE_NOTE, _Item, _links

    event = _Item(7, 1, "2023-05-29", "day", None, None, "AP", "")
    notes = {7: [(_DATE_NOTE, "dated 2023-05-29 by B, 2023-05-30 by C"), (_FIGURE_NOTE, "figures differ: z"),
                 (_DATE_NOTE, "dated 2023-05-28 by A, 2023-05-29 by B"), (_FIGURE_NOTE, "figures differ: a"),
                 (_DATE_NOTE, "dated 2023-05-28 by A, 2023-05-29 by B")]}
    assert _links([event], notes) == [(7, "dated 2023-05-28 by A, 2023-05-29 by B; dated 2023-05-29 by B, 2023-05-30 by C; "
                           "figures differ: z; figures differ: a", 7)]


def test_a_date_lists_each_note_once_though_an_event_joins_several():
    """One event's note may join two (`NOTE_SEPARATOR`); the date lists the two, not the join too."""
    both = "dated 2023-05-28 by A, 2023-05-29 by B; figures differ: 3 (A) vs 4 (B)"
    assert distinct_notes([None, "figures differ: 3 (A) vs 4 (B)", both, ""]) == [
        "dated 2023-05-28 by A, 2023-05-29 by B", "figures differ: 3 (A) vs 4 (B)"]


def test_a_semicolon_inside_a_note_stays_in_it_and_a_cut_note_yields_to_its_whole():
    inside = "figures differ: 3 (a;b.txt) vs 4 (c; d.txt)"
    assert distinct_notes([inside]) == [inside]
    whole = "figures differ: 30 injured (Bloomberg) vs about 25 injured (N1)"
    assert distinct_notes([f"dated 2023-05-28 by A, 2023-05-29 by B; {whole[:30]}…", whole]) == [
        "dated 2023-05-28 by A, 2023-05-29 by B", whole]
    assert distinct_notes(["figures differ: 30 injur…"]) == ["figures differ: 30 injur…"]
    many = ["dated 2023-05-28 by A, 2023-05-29 by B", "figures differ: 2 (A) vs 3 (B)",
            "figures differ: 3 (A) vs 4 (B)", "figures differ: 3 (A) vs 5 (C)"]
    assert distinct_notes([*many, "figures differ: 3 (A) vs…", "figures differ: 4 (A)…"]) == [
        *many, "figures differ: 4 (A)…"]
    # "…" sorts before Chinese: the cut note comes first among those it begins.
    chinese = "figures differ: 3 (新华社) vs 4 (B)"
    assert distinct_notes([chinese, "figures differ: 3 (…"]) == [chinese]


def test_the_sample_briefing_lists_each_disagreement_of_a_date_once(seed_db):
    from briefing.core.store.timeline import timeline

    for entries in (timeline(seed_db), timeline(seed_db, per_entry=2)):
        noted = [entry.disagreements for entry in entries if entry.disagreements]
        assert noted, "the sample briefing has sources that disagree"
        for notes in noted:
            assert len(notes) == len(set(notes))
            assert not any("; figures differ" in note or "; dated " in note for note in notes)


def test_a_long_note_is_cut_where_its_notes_can_still_be_told_apart():
    """Wherever the cut falls, even inside a later note's opening words, the date lists whole
    notes and at most one cut short, and the stored note keeps to its length."""
    from briefing.core.linking.events import NOTE_CHARS, _fit

    second = "figures differ: 30 injured (Bloomberg) vs about 25 troops injured (N1)"
    third = "figures differ: 3 (AP) vs 4 (Reuters)"
    for length in range(200, NOTE_CHARS + 10):
        first = "dated 2023-05-28 by A, 2023-05-29 by " + "B" * (length - 37)
        stored = _fit([first, second, third])
        assert stored is not None and len(stored) <= NOTE_CHARS
        notes = distinct_notes([stored])
        whole = [note for note in notes if note in (first, second, third)]
        cut = [note for note in notes if note not in whole]
        assert notes[0].startswith("dated ") and len(cut) <= 1
        assert all(note.endswith("…") and any(n.startswith(note[:-1]) for n in (first, second, third))
                   for note in cut), (length, cut)
    assert _fit([]) is None and _fit([second]) == second
