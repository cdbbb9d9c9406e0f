"""Fingerprint of the NLP rule modules, without importing spaCy (cheap re-index checks)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of every module in core/nlp: a change to any rule re-extracts every article."""
    digest = hashlib.sha1()
    for path in sorted(_HERE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
