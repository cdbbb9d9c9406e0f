"""Naming the speakers across a briefing, a step of every index run after extraction and linking.

Only the articles written since the last run have their text read for clues (core.identity.clues);
every article's spellings are then named again from what is stored (core.identity.resolve), and
only the quotes whose name changes are written. The user's merges, renames and hidden speakers
(briefing.toml) are applied the same way, without extracting anything again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from briefing.core.errors import UsageError
from briefing.core.identity.clues import CLUES_VERSION, Clue, article_clues
from briefing.core.identity.names import fold_key
from briefing.core.identity.resolve import Identities, identify
from briefing.core.indexer.files import worker_pool
from briefing.core.settings import Settings, load_settings
from briefing.core.settings_file import hide, set_alias, settings_path_for, write_starting_settings
from briefing.core.store.database import get_meta, load_stored_settings, prune_speakers, set_meta, update_words
from briefing.core.store.identity import (
    article_bodies,
    article_ids,
    article_outlets,
    mark_speakers,
    read_clues,
    save_clues,
    save_namings,
    speaker_uses,
    speakers_containing,
    speakers_spelled,
    stored_namings,
)
from briefing.core.store.owed import OwedIdentity
from briefing.core.store.reads import store_most_quoted

#: The meta key of the version the stored clues were read by.
_CLUES_KEY = "identity_clues_version"
#: Articles whose clues are read per transaction.
_CLUE_BATCH = 500


@dataclass(frozen=True)
class IdentityReport:
    """What naming again did: spellings named differently, quotes renamed."""

    changed: int = 0
    renamed: int = 0


def clues_outdated(db: sqlite_utils.Database) -> bool:
    """Whether the stored clues were read by another version of the clue reader."""
    return get_meta(db, _CLUES_KEY) != CLUES_VERSION


def reidentify(db: sqlite_utils.Database, settings: Settings, owed: OwedIdentity | None = None, jobs: int = 1) -> IdentityReport:
    """Read the clues of the articles `owed` names (None: of every article), over `jobs`
    processes when there are many, then name every speaker of the briefing again and write what
    changed, each in its transaction."""
    # Clues read by an older version lack what the rules now ask of them: read every article again.
    every = owed is None or owed.every_article or clues_outdated(db)
    fresh = article_ids(db) if every else sorted(owed.article_ids)
    with _clue_reader(jobs if len(fresh) >= _CLUE_BATCH * jobs else 1) as read:
        for start in range(0, len(fresh), _CLUE_BATCH):
            rows = list(article_bodies(db, fresh[start : start + _CLUE_BATCH]))
            found = read([body for _article_id, body in rows])
            with db.atomic():
                for (article_id, _body), clues in zip(rows, found):
                    save_clues(db, article_id, clues)
    with db.atomic():
        set_meta(db, _CLUES_KEY, CLUES_VERSION)
    stored = stored_namings(db)
    uses = {(u.article_id, u.spelling): u for u in speaker_uses(db, None if every else fresh)}
    fresh_ids = set(fresh)
    for key, known in stored.items():
        if key[0] not in fresh_ids and key not in uses:
            uses[key] = known.use
    identities = identify(
        uses.values(), read_clues(db), article_outlets(db), aliases=settings.alias_map, fixed=[s.name for s in settings.speakers]
    )
    changed = []
    for key, use in uses.items():
        naming = identities.naming(*key)
        before = stored.get(key)
        if before is None or before.naming != naming or before.use != use:
            # Quotes written since carry the extracted spelling; stored ones the last name.
            carried = before.naming.name if before is not None else use.spelling
            changed.append((use, naming, carried != naming.name))
    removed = [key for key in stored if key not in uses]
    groups = {s.name: s.group for s in settings.speakers}
    with db.atomic():
        renamed = save_namings(db, changed, removed, groups)
        mark_speakers(db, _kinds(identities), settings.hidden)
    return IdentityReport(len(changed), renamed)


@contextmanager
def _clue_reader(jobs: int) -> Iterator[Callable[[list[str]], list[list[Clue]]]]:
    """A function from bodies to their clues, in this process or over a pool of `jobs` workers."""
    if jobs <= 1:
        yield lambda bodies: [article_clues(body) for body in bodies]
        return
    with worker_pool(jobs) as pool:
        yield lambda bodies: list(pool.map(article_clues, bodies, chunksize=max(1, len(bodies) // (jobs * 4))))


def _kinds(identities: Identities) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for naming in identities.namings.values():
        kinds.setdefault(naming.name, naming.kind)
    return kinds


def apply_names(db: sqlite_utils.Database, settings: Settings) -> IdentityReport:
    """Name every speaker again with the user's aliases and hidden speakers of `settings` (stored
    as the briefing's settings), extracting nothing: what a merge, rename or hide does at once."""
    with db.atomic():
        set_meta(db, "settings", json.dumps(settings.to_dict()))
    report = reidentify(db, settings, OwedIdentity(owed=True))
    with db.atomic():
        prune_speakers(db)
        store_most_quoted(db)
    # A new name is a word search as you type should know.
    update_words(db)
    return report


@dataclass(frozen=True)
class SpeakerEdit:
    """What a merge, rename or hide did: the names, the settings file written, the quotes renamed."""

    before: str
    after: str
    path: Path
    report: IdentityReport


def speaker_named(db: sqlite_utils.Database, text: str) -> str:
    """The one speaker a spelling reaches (a name, or any spelling merged into one); raises
    UsageError with a sentence when none or several do."""
    text = text.strip()
    names = speakers_spelled(db, text)
    if not names:
        names = _focus_names(db, text) or speakers_containing(db, text)
    if len(names) == 1:
        return names.pop()
    if not names:
        raise UsageError(f"No speaker of this briefing is called {text!r}; see `briefing speakers`.")
    listed = ", ".join(sorted(names)[:6]) + (", …" if len(names) > 6 else "")
    raise UsageError(f"{text!r} could be several speakers ({listed}); give the full name.")


def _focus_names(db: sqlite_utils.Database, text: str) -> set[str]:
    """The focus speaker of the settings a spelling is one of ("Vučić", "Вучић")."""
    key = fold_key(text)
    return {s.name for s in load_stored_settings(db).speakers if any(fold_key(x) == key for x in s.spellings)}


def _edit(db: sqlite_utils.Database, change) -> tuple[Path, IdentityReport]:
    """Change the briefing's settings file with `change(path)`, then name the speakers again."""
    stored = load_stored_settings(db)
    path = settings_path_for(stored.path, get_meta(db, "roots"))
    if not path.exists():
        # The folder had no settings: start its file with what the briefing was opened with.
        write_starting_settings(path, stored.title, stored.columns, (), by="naming a speaker (`briefing speakers`, or the app)")
    change(path)
    return path, apply_names(db, load_settings(path))


def merge_speakers(db: sqlite_utils.Database, speaker: str, into: str) -> SpeakerEdit:
    """Show one speaker's quotes under another speaker's name, from now on (briefing.toml)."""
    before, after = speaker_named(db, speaker), speaker_named(db, into)
    if before == after:
        raise UsageError(f"{speaker!r} and {into!r} are already one speaker, {after}.")
    path, report = _edit(db, lambda p: set_alias(p, before, after))
    return SpeakerEdit(before, after, path, report)


def rename_speaker(db: sqlite_utils.Database, speaker: str, name: str) -> SpeakerEdit:
    """Show a speaker under a new name, from now on (briefing.toml)."""
    before, after = speaker_named(db, speaker), " ".join(name.split())
    if not after:
        raise UsageError("Give the new name.")
    path, report = _edit(db, lambda p: set_alias(p, before, after))
    return SpeakerEdit(before, after, path, report)


def hide_speaker(db: sqlite_utils.Database, speaker: str) -> SpeakerEdit:
    """Leave a speaker out of the lists and the columns, from now on (briefing.toml)."""
    before = speaker_named(db, speaker)
    path, report = _edit(db, lambda p: hide(p, before))
    return SpeakerEdit(before, before, path, report)
