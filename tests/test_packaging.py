"""The wheel holds every package of the project, under the one name `briefing`, and its sample."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_in_the_wheel():
    """A new sub-package left out of pyproject's list would be missing from an installed briefing."""
    folders = {
        "briefing." + ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("core", "tui", "cli")
        for init in (ROOT / top).rglob("__init__.py")
    }
    listed = set(_setuptools()["packages"])
    assert folders - listed == set()
    assert listed - folders == {"briefing"}


def test_only_briefing_is_installed_and_bench_and_tests_stay_out():
    listed = _setuptools()["packages"]
    assert all(name == "briefing" or name.startswith("briefing.") for name in listed)
    assert not any(name.startswith(("briefing.bench", "briefing.tests")) for name in listed)


def test_the_sample_ships_as_package_data():
    patterns = _setuptools()["package-data"]["briefing"]
    shipped = {path.name for pattern in patterns for path in ROOT.glob(pattern)}
    assert {p.name for p in (ROOT / "data").iterdir() if p.is_file()} <= shipped
