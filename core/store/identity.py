"""What naming the speakers across a briefing reads and writes: each article's spellings of its
speakers, the clues its text gives, and the names the briefing gives them (core.identity)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import sqlite_utils
from briefing.core.fold import fold_if_changed
from briefing.core.identity.clues import Clue
from briefing.core.identity.names import fold_key
from briefing.core.identity.resolve import Naming, SpeakerUse
from briefing.core.store.database import speaker_id
from briefing.core.store.reads import json_list


@dataclass(frozen=True)
class StoredNaming:
    """How an article names a speaker, and the name the briefing gave that spelling last time."""

    use: SpeakerUse
    naming: Naming


def _ids_filter(article_ids: Iterable[int] | None, column: str = "article_id") -> tuple[str, list]:
    if article_ids is None:
        return "", []
    return f" WHERE {column} IN (SELECT value FROM json_each(?))", [json_list(sorted(article_ids))]


def speaker_uses(db: sqlite_utils.Database, article_ids: Iterable[int] | None = None) -> list[SpeakerUse]:
    """How the quotes of some articles (None: all) name their speakers, as extracted: one use per
    article and spelling, with the ways it was written and how many quotes."""
    where, params = _ids_filter(article_ids)
    rows = db.execute(
        "SELECT article_id, coalesce(extracted_speaker, speaker, ''), json_group_array(DISTINCT speaker_as_written), "
        f"count(*) FROM quotes{where} GROUP BY article_id, coalesce(extracted_speaker, speaker, '')",
        params,
    ).fetchall()
    return [SpeakerUse(r[0], r[1], tuple(w for w in json.loads(r[2]) if w), r[3]) for r in rows]


def stored_namings(db: sqlite_utils.Database) -> dict[tuple[int, str], StoredNaming]:
    """The names the briefing gave every article's spellings, as last stored."""
    found = {}
    for article_id, spelling, name, rule, because, kind, quotes, written in db.execute(
        "SELECT article_id, spelling, name, rule, because, kind, quotes, written FROM speaker_names"
    ):
        use = SpeakerUse(article_id, spelling, tuple(json.loads(written)), quotes)
        found[(article_id, spelling)] = StoredNaming(use, Naming(name, rule, because, kind))
    return found


def article_ids(db: sqlite_utils.Database) -> list[int]:
    """Every article's id."""
    return [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]


def article_bodies(db: sqlite_utils.Database, ids: Iterable[int]) -> Iterator[tuple[int, str]]:
    """(id, body) of the given articles, the body without header lines and footer."""
    for article_id, body in db.execute(
        "SELECT id, substr(text, coalesce(body_start, 0) + 1, coalesce(body_end, length(text)) - coalesce(body_start, 0)) "
        "FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [json_list(sorted(ids))],
    ):
        yield article_id, body or ""


def save_clues(db: sqlite_utils.Database, article_id: int, clues: list[Clue]) -> None:
    """Replace the clues an article's text gives (caller owns the transaction)."""
    db.execute("DELETE FROM speaker_clues WHERE article_id = ?", [article_id])
    db.conn.executemany(
        "INSERT INTO speaker_clues (article_id, kind, name, detail) VALUES (?, ?, ?, ?)",
        [(article_id, c.kind, c.name, c.detail) for c in clues],
    )


def read_clues(db: sqlite_utils.Database) -> dict[int, list[Clue]]:
    """The clues of every article, by article id."""
    found: dict[int, list[Clue]] = {}
    for article_id, kind, name, detail in db.execute("SELECT article_id, kind, name, detail FROM speaker_clues"):
        found.setdefault(article_id, []).append(Clue(kind, name, detail))
    return found


def article_outlets(db: sqlite_utils.Database) -> dict[int, str | None]:
    """Every article's outlet, by id (a reason says where a title was given)."""
    return dict(db.execute("SELECT id, outlet FROM articles").fetchall())


def save_namings(
    db: sqlite_utils.Database,
    changed: list[tuple[SpeakerUse, Naming, bool]],
    removed: Iterable[tuple[int, str]],
    groups: dict[str, str],
) -> int:
    """Store new namings and give the quotes their new names (caller owns the transaction).

    `changed` holds (use, naming, whether the name differs from the one the quotes carry);
    `groups` the settings' column group of each focus speaker. Returns how many quotes were renamed.
    """
    db.conn.executemany(
        "DELETE FROM speaker_names WHERE article_id = ? AND spelling = ?", [list(key) for key in removed]
    )
    db.conn.executemany(
        "INSERT OR REPLACE INTO speaker_names (article_id, spelling, name, rule, because, kind, quotes, written) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (u.article_id, u.spelling, n.name, n.rule, n.because, n.kind, u.quotes, json.dumps(list(u.written), ensure_ascii=False))
            for u, n, _renamed in changed
        ],
    )
    renamed = 0
    ids: dict[str, int] = {}
    for use, naming, rename in changed:
        if not rename:
            continue
        name = naming.name
        group = groups.get(name) or groups.get(use.spelling)
        if name and name not in ids:
            ids[name] = speaker_id(db, name, group, name in groups)
        rows = db.execute(
            "SELECT id, text FROM quotes WHERE article_id = ? AND coalesce(extracted_speaker, speaker, '') = ?",
            [use.article_id, use.spelling],
        ).fetchall()
        db.conn.executemany(
            "UPDATE quotes SET speaker = ?, speaker_id = ?, group_name = ?, folded = ? WHERE id = ?",
            [(name, ids.get(name), group, fold_if_changed(f"{text}\n{name}"), qid) for qid, text in rows],
        )
        renamed += len(rows)
    return renamed


def mark_speakers(db: sqlite_utils.Database, kinds: dict[str, str], hidden: Iterable[str]) -> None:
    """Record each speaker's kind, and which the settings hide (caller owns the transaction)."""
    hide = {fold_key(name) for name in hidden}
    current = {name: (kind, bool(hid)) for name, kind, hid in db.execute("SELECT name, kind, hidden FROM speakers")}
    updates = []
    for name, (kind, was_hidden) in current.items():
        want = (kinds.get(name, kind) or "", fold_key(name) in hide)
        if (kind or "", was_hidden) != want:
            updates.append((want[0], int(want[1]), name))
    db.conn.executemany("UPDATE speakers SET kind = ?, hidden = ? WHERE name = ?", updates)


@dataclass(frozen=True)
class Spelling:
    """A spelling merged into a speaker's name: how it was written, by which rule, why, how often."""

    spelling: str
    rule: str
    because: str
    quotes: int

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return {"spelling": self.spelling, "rule": self.rule, "because": self.because, "quotes": self.quotes}


def merged_spellings(db: sqlite_utils.Database) -> dict[str, list[Spelling]]:
    """Every speaker's name with the spellings merged into it (those that differ from it), most
    quoted first, and the rule that merged each."""
    found: dict[str, list[Spelling]] = {}
    for name, spelling, rule, because, quotes in db.execute(
        "SELECT name, spelling, rule, min(because), sum(quotes) AS n FROM speaker_names "
        "WHERE spelling != name AND spelling != '' GROUP BY name, spelling, rule ORDER BY name, n DESC, spelling"
    ):
        found.setdefault(name, []).append(Spelling(spelling, rule, because, quotes))
    return found


def speakers_spelled(db: sqlite_utils.Database, text: str) -> set[str]:
    """The names of the speakers a spelling reaches: a name itself, or any spelling merged into one
    (as extracted or as the text wrote it), compared without case, diacritics or a leading "the"."""
    key = fold_key(text)
    if not key:
        return set()
    names = {name for (name,) in db.execute("SELECT name FROM speakers") if fold_key(name) == key}
    if names:
        return names
    for name, spelling, written in db.execute("SELECT name, spelling, written FROM speaker_names WHERE name != ''"):
        if fold_key(spelling) == key or (key in fold_key(written) and any(fold_key(w) == key for w in json.loads(written))):
            names.add(name)
    return names


def speakers_containing(db: sqlite_utils.Database, text: str) -> set[str]:
    """The speakers whose name holds these words, in order ("Kalinak" → Robert Kalinak)."""
    key = f" {fold_key(text)} "
    return {name for (name,) in db.execute("SELECT name FROM speakers") if key in f" {fold_key(name)} "}
