"""Naming the speakers across a briefing, a step of every index run after extraction and linking.

Only the articles written since the last run have their text read for clues (core.identity.clues);
every article's spellings are then named again from what is stored (core.identity.resolve), and
only the quotes whose name changes are written. The user's merges, renames and hidden speakers
(briefing.toml) are applied the same way, without extracting anything again.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils
from briefing.core.identity.clues import article_clues
from briefing.core.identity.resolve import Identities, identify
from briefing.core.settings import Settings
from briefing.core.store.identity import (
    article_bodies,
    article_ids,
    article_outlets,
    mark_speakers,
    read_clues,
    save_clues,
    save_namings,
    speaker_uses,
    stored_namings,
)
from briefing.core.store.owed import OwedIdentity

#: Articles whose clues are read per transaction.
_CLUE_BATCH = 500


@dataclass(frozen=True)
class IdentityReport:
    """What naming again did: spellings named differently, quotes renamed."""

    changed: int = 0
    renamed: int = 0


def reidentify(db: sqlite_utils.Database, settings: Settings, owed: OwedIdentity | None = None) -> IdentityReport:
    """Read the clues of the articles `owed` names (None: of every article), then name every
    speaker of the briefing again and write what changed, each in its transaction."""
    every = owed is None or owed.every_article
    fresh = article_ids(db) if every else sorted(owed.article_ids)
    for start in range(0, len(fresh), _CLUE_BATCH):
        batch = fresh[start : start + _CLUE_BATCH]
        with db.atomic():
            for article_id, body in article_bodies(db, batch):
                save_clues(db, article_id, article_clues(body))
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


def _kinds(identities: Identities) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for naming in identities.namings.values():
        kinds.setdefault(naming.name, naming.kind)
    return kinds
