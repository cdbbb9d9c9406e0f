"""The core is headless: no core module imports Textual or the app, checked in a fresh process."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import briefing.core
import pytest

#: Runs whole programs in subprocesses or over thousands of files: `make test-fast` leaves it out.
pytestmark = pytest.mark.slow

CORE_MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(briefing.core.__path__, prefix="briefing.core.")
)


def _modules_after_import(statement: str) -> set[str]:
    code = f"{statement}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_every_core_module_is_found():
    assert "briefing.core.indexer" in CORE_MODULES and "briefing.core.nlp.pipeline" in CORE_MODULES


def test_core_never_imports_textual_the_app_or_the_cli():
    # rich may come in through spaCy; the import-linter contract keeps the core from importing it.
    statement = "\n".join(f"import {name}" for name in CORE_MODULES)
    loaded = _modules_after_import(statement)
    forbidden = sorted(m for m in loaded if m.split(".")[0] == "textual" or m.startswith(("briefing.tui", "briefing.cli")))
    assert forbidden == []


def test_search_and_sources_do_not_load_spacy(seed_db_path):
    # The CLI's quick commands must start fast: spaCy and Textual load only when needed.
    db = str(seed_db_path)
    code = (
        "import sys\n"
        "from briefing.cli.main import main\n"
        f"for argv in (['sources', '--json', '--db', {db!r}], ['search', 'Vucic', '--json', '--db', {db!r}],"
        f" ['search', 'x', '--in', 'quotes', '--db', {db!r}]):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "import json\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert '"Bloomberg"' in out.stdout  # the commands really ran against the seed database
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert not {m for m in loaded if m == "spacy" or m.startswith(("spacy.", "textual"))}
