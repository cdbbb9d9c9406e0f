"""The same statement across sources: comparing two quote texts, and linking quotes in a database."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from briefing.core.indexer.links import relink_statements
from briefing.core.linking.blocking import fingerprints
from briefing.core.linking.statements import compare_quotes, lcs_length, quote_words
from briefing.core.store.database import open_database
from hypothesis import given, settings
from hypothesis import strategies as st

STATEMENT = "KFOR will take all necessary measures to maintain a safe and secure environment and continue to act with impartiality"


def test_quote_words_fold_case_punctuation_and_scripts():
    assert quote_words("“Vučić: ‘We WILL stay,’” — Вучић") == ["vucic", "we", "will", "stay", "vucic"]


def _lcs_slow(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


@settings(max_examples=200, deadline=None)
@given(a=st.lists(st.sampled_from("abcde"), max_size=30), b=st.lists(st.sampled_from("abcde"), max_size=30))
def test_bit_parallel_lcs_agrees_with_the_textbook_table(a, b):
    assert lcs_length(a, b) == _lcs_slow(a, b)


@pytest.mark.parametrize(
    ("a", "b", "relation", "description"),
    [
        (STATEMENT, STATEMENT, "identical", "identical wording"),
        (STATEMENT, STATEMENT.upper() + ".", "punctuation", "same words; punctuation or capitals differ"),
        (STATEMENT, STATEMENT.rsplit(" and continue", 1)[0], "trimmed", "leaves out 6 words at the end"),
        (STATEMENT, "Serbia said: " + STATEMENT, "trimmed", "adds 2 words at the start"),
        (STATEMENT, STATEMENT.replace("necessary", "needed"), "reworded", "reworded: “necessary” → “needed”"),
        (STATEMENT, STATEMENT.replace("will take", "is taking"), "reworded", "reworded: “will take” → “is taking”"),
        (STATEMENT, "The violence must stop immediately and all sides must show restraint", "different", "different statement"),
    ],
)
def test_compare_quotes_names_the_relation_and_the_difference(a, b, relation, description):
    comparison = compare_quotes(a, b)
    assert (comparison.relation, comparison.description) == (relation, description)
    assert comparison.same_statement == (relation != "different")
    assert 0.0 <= comparison.similarity <= 1.0


def test_short_fragments_are_not_the_same_statement():
    # Three shared words are a phrase, not a statement: "the Big Five" appears everywhere.
    assert not compare_quotes("the Big Five", "He met the Big Five in Brussels on Monday").same_statement


def test_a_shared_run_of_six_words_always_shares_a_blocking_key():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(500)]
    for _ in range(200):
        run = rng.sample(vocabulary, 6)
        a = rng.sample(vocabulary, rng.randint(0, 10)) + run + rng.sample(vocabulary, rng.randint(0, 10))
        b = rng.sample(vocabulary, rng.randint(0, 10)) + run + rng.sample(vocabulary, rng.randint(0, 10))
        assert fingerprints(a) & fingerprints(b)


def test_keys_made_for_many_quotes_at_once_are_each_quotes_own():
    """Linking makes the keys of every quote in one go: no shingle may run across two quotes."""
    import numpy
    from briefing.core.linking.blocking import WordCodes, blocking_keys

    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(40)]
    quotes = [rng.sample(vocabulary, rng.randint(0, 12)) for _ in range(300)]
    # The same quote twice in a row (one statement in two articles): same keys, both kept.
    for at in range(0, 300, 30):
        quotes[at:at] = [vocabulary[at // 10 : at // 10 + 7]] * 2
    # A quote that repeats itself has one shingle twice: still one (key, quote) pair.
    quotes.append(vocabulary[:3] * 2)
    codes = WordCodes()
    keys, owners = blocking_keys(
        numpy.array([codes[word] for quote in quotes for word in quote], dtype=numpy.uint64),
        numpy.array([len(quote) for quote in quotes]),
    )
    by_quote = {n: set() for n in range(len(quotes))}
    for key, owner in zip(keys.tolist(), owners.tolist()):
        by_quote[owner].add(key)
    assert len(keys) == sum(len(found) for found in by_quote.values())  # each (key, quote) once
    assert by_quote == {n: fingerprints(quote) for n, quote in enumerate(quotes)}
    assert all(len(fingerprints(quote)) == 1 for quote in quotes if 0 < len(quote) <= 3)


def test_blocking_keys_made_a_few_quotes_at_a_time_are_those_made_at_once(monkeypatch):
    """A large briefing's keys are made a slice of quotes at a time: the slices change nothing."""
    import numpy
    from briefing.core.linking import blocking

    rng = random.Random(5)
    lengths = numpy.array([rng.randint(0, 15) for _ in range(400)])
    codes = numpy.array([rng.randrange(50) for _ in range(int(lengths.sum()))], dtype=numpy.uint64)
    whole = blocking.blocking_keys(codes, lengths)
    monkeypatch.setattr(blocking, "_CODES_AT_ONCE", 20)
    sliced = blocking.blocking_keys(codes, lengths)
    assert [a.tolist() for a in sliced] == [a.tolist() for a in whole]
    assert sorted(whole[0].tolist()) == whole[0].tolist() and len(set(whole[1].tolist())) > 300


def _database(tmp_path, articles: dict[str, tuple[str | None, list[str]]]):
    """A briefing database with articles (path -> (published, quote texts))."""
    db = open_database(tmp_path / "links.db")
    with db.conn:
        db.conn.executemany(
            "INSERT INTO articles (id, path, text, published) VALUES (?, ?, ?, ?)",
            [(n, path, " ".join(texts), published) for n, (path, (published, texts)) in enumerate(articles.items(), 1)],
        )
        db.conn.executemany(
            'INSERT INTO quotes (article_id, seq, start, "end", text, kind, speaker) VALUES (?, ?, 0, ?, ?, ?, ?)',
            [
                (n, seq, len(text), text, "direct", "NATO")
                for n, (_published, texts) in enumerate(articles.values(), 1)
                for seq, text in enumerate(texts)
            ],
        )
    return db


def _statements(db) -> dict[str, int | None]:
    rows = db.execute("SELECT a.path, q.seq, q.statement_id FROM quotes q JOIN articles a ON a.id = q.article_id").fetchall()
    return {f"{path}#{seq}": sid for path, seq, sid in rows}


def _id(db, path: str, seq: int) -> int:
    return db.execute(
        "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.path = ? AND q.seq = ?", [path, seq]
    ).fetchone()[0]


def test_link_statements_joins_versions_across_articles(tmp_path):
    other = "The violence must stop immediately and all sides must show restraint now"
    db = _database(
        tmp_path,
        {
            "ap.txt": ("2023-05-31", [STATEMENT, other]),
            "reuters.txt": ("2023-05-30", [STATEMENT.rsplit(" and continue", 1)[0] + ".", "Nothing in common with anything else said here"]),
            "kyiv.txt": ("2023-06-15", [STATEMENT.replace("necessary", "needed"), STATEMENT]),
        },
    )
    assert relink_statements(db) == 4
    links = _statements(db)
    earliest = _id(db, "reuters.txt", 0)  # the earliest published version names the statement
    assert links == {
        "ap.txt#0": earliest, "reuters.txt#0": earliest, "kyiv.txt#0": earliest, "kyiv.txt#1": earliest,
        "ap.txt#1": None, "reuters.txt#1": None,
    }


def test_quotes_of_one_article_alone_are_not_linked(tmp_path):
    db = _database(tmp_path, {"a.txt": (None, [STATEMENT, STATEMENT]), "b.txt": (None, ["Something else entirely was said today"])})
    assert relink_statements(db) == 0
    assert set(_statements(db).values()) == {None}


def test_relinking_is_stable_and_clears_stale_links(tmp_path):
    db = _database(tmp_path, {"a.txt": (None, [STATEMENT]), "b.txt": (None, [STATEMENT])})
    assert relink_statements(db) == 2
    first = _statements(db)
    assert relink_statements(db) == 2 and _statements(db) == first
    with db.conn:
        db.execute("UPDATE quotes SET text = ? WHERE id = ?", ["An entirely different statement about the weather", _id(db, "b.txt", 0)])
    assert relink_statements(db) == 0
    assert set(_statements(db).values()) == {None}


def test_linking_scales_by_blocking_not_by_comparing_all_pairs(tmp_path):
    # 8,000 quotes from 2,000 articles: all pairs would be 32 million comparisons.
    rng = random.Random(3)
    vocabulary = [f"word{i}" for i in range(3000)]
    shared = [" ".join(rng.sample(vocabulary, 15)) for _ in range(20)]
    articles = {}
    for n in range(2000):
        texts = [" ".join(rng.sample(vocabulary, 15)) for _ in range(4)]
        if n % 100 == 0:
            texts[0] = shared[n // 100]
        articles[f"{n}.txt"] = (None, texts)
    for k in range(20):
        articles[f"copy{k}.txt"] = (None, [shared[k] + " he said"])
    db = _database(tmp_path, articles)
    assert relink_statements(db) == 40


def test_blocking_keys_are_the_same_in_every_process():
    """Python salts string hashes per process: keys made from them linked different quotes each run."""
    script = (
        "from briefing.core.linking.blocking import fingerprints;"
        "from briefing.core.linking.statements import quote_words;"
        "print(sorted(fingerprints(quote_words('We will not tolerate the pogrom of Serbs in Kosovo, he said'))),"
        " sorted(fingerprints(['two', 'words'])))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and outputs.pop().startswith("[")


def test_the_shared_word_count_never_changes_a_relation():
    """Pairs are told apart by counting shared words before the in-order comparison: that count
    is a bound, so every relation is still the one the in-order comparison alone gives."""
    import random

    from briefing.core.linking.statements import MIN_OVERLAP, MIN_REWORDED_WORDS

    rng = random.Random(7)
    vocabulary = "the police said troops were injured in the north on monday after clashes".split()
    checked = reworded = 0
    for _ in range(3000):
        a = rng.choices(vocabulary, k=rng.randint(6, 14))
        b = list(a)
        for _edit in range(rng.randint(0, 4)):
            at = rng.randrange(len(b))
            choice = rng.random()
            if choice < 0.4:
                b[at] = rng.choice(vocabulary)
            elif choice < 0.7:
                b.insert(at, rng.choice(vocabulary))
            else:
                b = b[at:] + b[:at]  # words kept, order changed: the count passes, the LCS may not
        comparison = compare_quotes(" ".join(a), " ".join(b))
        if comparison.relation in ("different", "reworded"):
            short = min(len(a), len(b))
            expected = short >= MIN_REWORDED_WORDS and lcs_length(a, b) / short >= MIN_OVERLAP
            assert (comparison.relation == "reworded") == expected, (a, b)
            checked += 1
            reworded += comparison.relation == "reworded"
    assert checked > 1000 and 0 < reworded < checked
