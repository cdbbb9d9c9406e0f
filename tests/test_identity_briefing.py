"""Naming speakers across an indexed briefing: a step of every index run, incremental, recorded,
and set right by the user in briefing.toml (merge, rename, hide) without extracting again."""

from __future__ import annotations

import json
import os
import stat

import pytest
from briefing.cli.main import main
from briefing.core.errors import SettingsError, UsageError
from briefing.core.indexer import index_paths
from briefing.core.indexer.identity import hide_speaker, merge_speakers, rename_speaker, speaker_named
from briefing.core.settings import load_settings
from briefing.core.settings_file import set_alias, settings_path_for
from briefing.core.store.database import open_database
from briefing.core.store.identity import merged_spellings
from briefing.core.store.reads import list_speakers

#: Three hand-written articles about invented people and bodies.
ARTICLES = {
    "a.txt": (
        "Valdoria, March 3 (Northwire) -\n\n"
        "Interior Minister Anna Nowak said on Tuesday that the border would stay open. "
        '"We will not close the crossings," Nowak told reporters.\n\n'
        "Joe Tamsin, the mayor of Port Edda, said the town was calm. Hunter Tamsin, his son, said the schools were shut.\n"
    ),
    "b.txt": (
        "Port Edda, March 4 (Northwire) -\n\n"
        'The interior minister said on Wednesday that patrols would double. "Patrols double from tonight," the minister said.\n\n'
        "The World Relief Organization (WRO) said aid had arrived. Tamsin said the harbour was closed.\n"
    ),
    "c.txt": (
        "Valdoria, March 5 (Northwire) -\n\n"
        "The WRO said more aid would come on Friday. Acme Widgets Corp said its workers were safe. "
        "Nowak said the curfew would end.\n"
    ),
}


@pytest.fixture
def story(tmp_path):
    """A folder of the three articles, with no settings file."""
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def story_db(tmp_path, story):
    """The story indexed into a database of its own."""
    db = open_database(tmp_path / "story.db")
    index_paths(db, [story])
    yield db
    db.close()


def speakers_of(db) -> dict[str, int]:
    """Quotes by speaker, as the columns show them."""
    return dict(db.execute("SELECT speaker, count(*) FROM quotes GROUP BY speaker").fetchall())


def test_an_index_run_names_each_speaker_once_and_records_how(story_db):
    speakers = speakers_of(story_db)
    assert speakers["Anna Nowak"] == 5  # "Nowak" of another article, "the interior minister", "the minister"
    assert speakers["World Relief Organization"] == 2  # "WRO" joined
    assert {"Joe Tamsin", "Hunter Tamsin", "Tamsin"} <= set(speakers)  # an ambiguous surname stays
    merged = {s.spelling: s for s in merged_spellings(story_db)["Anna Nowak"]}
    assert merged["the interior minister"].rule == "title"
    assert "Interior Minister" in merged["the interior minister"].because
    # The extraction's own spelling is kept beside the name shown ("the minister" is read as the
    # fuller description before it in the same article).
    assert story_db.execute("SELECT count(*) FROM quotes WHERE extracted_speaker = 'the interior minister'").fetchone()[0] == 2


def test_a_later_article_reads_only_its_own_clues_and_renames_what_it_explains(story_db, story, monkeypatch):
    import briefing.core.indexer.identity as step

    read = []
    real = step.article_clues
    monkeypatch.setattr(step, "article_clues", lambda text: read.append(text) or real(text))
    (story / "d.txt").write_text(
        "Valdoria, March 6 (Northwire) -\n\nHarbour master Jon Ferreira said ships were waiting. "
        "Tamsin Lake is a place, not a person.\n",
        encoding="utf-8",
    )
    assert speakers_of(story_db).get("Jon Ferreira") is None
    index_paths(story_db, [story])
    assert len(read) == 1 and "Jon Ferreira" in read[0]
    assert speakers_of(story_db)["Jon Ferreira"] == 1
    read.clear()
    index_paths(story_db, [story])  # nothing changed: nothing read, nothing named again
    assert read == []


def test_clues_read_by_an_older_version_are_read_again_once(story_db, story, monkeypatch):
    import briefing.core.indexer.identity as step
    from briefing.core.store.database import set_meta

    read = []
    real = step.article_clues
    monkeypatch.setattr(step, "article_clues", lambda text: read.append(text) or real(text))
    with story_db.atomic():
        set_meta(story_db, "identity_clues_version", "an older one")
    index_paths(story_db, [story])
    articles = story_db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert articles > 1 and len(read) == articles
    read.clear()
    index_paths(story_db, [story])
    assert read == []


def test_removing_the_article_that_gave_a_title_undoes_what_it_joined(story_db, story):
    assert "the interior minister" not in speakers_of(story_db)
    (story / "a.txt").unlink()
    index_paths(story_db, [story])
    assert speakers_of(story_db)["the interior minister"] == 2


def test_merge_rename_and_hide_are_written_to_the_folders_settings_and_survive_a_rebuild(story_db, story):
    before = story_db.execute("SELECT max(id) FROM articles").fetchone()[0]
    edit = merge_speakers(story_db, "Tamsin", "Joe Tamsin")
    assert (edit.before, edit.after, edit.path) == ("Tamsin", "Joe Tamsin", story / "briefing.toml")
    assert edit.report.renamed == 1 and speakers_of(story_db)["Joe Tamsin"] == 2
    rename_speaker(story_db, "WRO", "World Relief")  # any spelling the briefing knows names the speaker
    hide_speaker(story_db, "Hunter Tamsin")
    assert "World Relief" in speakers_of(story_db)
    assert "Hunter Tamsin" not in {s.name for s in list_speakers(story_db)}
    assert "Hunter Tamsin" in {s.name for s in list_speakers(story_db, hidden=True)}
    # Nothing extracted again: the same articles, the same rows.
    assert story_db.execute("SELECT max(id) FROM articles").fetchone()[0] == before
    settings = load_settings(story / "briefing.toml")
    assert settings.alias_map == {"Tamsin": "Joe Tamsin", "World Relief Organization": "World Relief"}
    assert settings.hidden == ("Hunter Tamsin",)
    assert settings.title == "story"
    report = index_paths(story_db, [story], rebuild=True)
    assert report.added == 3
    speakers = speakers_of(story_db)
    assert speakers["Joe Tamsin"] == 2 and speakers["World Relief"] == 2 and "Tamsin" not in speakers
    assert "Hunter Tamsin" not in {s.name for s in list_speakers(story_db)}


def test_settings_changed_by_hand_are_applied_by_the_next_run_without_extracting(story_db, story):
    (story / "briefing.toml").write_text('[aliases]\n"Acme Widgets Corp" = "Acme"\n', encoding="utf-8")
    report = index_paths(story_db, [story])
    assert report.added == report.updated == 0
    assert speakers_of(story_db)["Acme"] == 1


def test_comments_and_layout_of_the_settings_file_are_kept(tmp_path):
    path = tmp_path / "briefing.toml"
    path.write_text('# My briefing.\ntitle = "Floods"  # the story\n\n# Who is who.\n[aliases]\nX = "Y"\n', encoding="utf-8")
    set_alias(path, "Nowak", "Anna Nowak")
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# My briefing.\ntitle = "Floods"  # the story\n\n# Who is who.\n[aliases]\nX = "Y"\n')
    assert load_settings(path).alias_map == {"X": "Y", "Nowak": "Anna Nowak"}
    # Renaming back removes the alias instead of making a loop.
    set_alias(path, "Anna Nowak", "Nowak")
    assert load_settings(path).alias_map == {"X": "Y"}


def test_where_the_settings_go_or_a_sentence_why_not(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert settings_path_for(None, json.dumps([str(one)])) == one / "briefing.toml"
    with pytest.raises(SettingsError, match="several places"):
        settings_path_for(None, json.dumps([str(one), str(two)]))
    with pytest.raises(SettingsError, match="no folder"):
        settings_path_for(None, None)
    if os.geteuid() != 0:  # root writes anywhere
        one.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            with pytest.raises(SettingsError, match="read-only"):
                settings_path_for(None, json.dumps([str(one)]))
        finally:
            one.chmod(stat.S_IRWXU)


def test_the_bundled_samples_settings_are_not_changed(seed_db_path, tmp_path):
    from briefing.core.locations import bundled_data_dir

    with pytest.raises(SettingsError, match="bundled sample"):
        settings_path_for(str(bundled_data_dir() / "briefing.toml"), None)


def test_a_speaker_is_found_by_any_spelling_and_an_unknown_one_is_a_usage_error(story_db):
    assert speaker_named(story_db, "the WRO") == "World Relief Organization"
    assert speaker_named(story_db, "nowak") == "Anna Nowak"
    assert speaker_named(story_db, "The Interior Minister") == "Anna Nowak"
    with pytest.raises(UsageError, match="No speaker"):
        speaker_named(story_db, "Nobody Atall")
    # Words two speakers' names hold, and no speaker is called by: which one is meant is not said.
    with story_db.atomic():
        story_db.execute("DELETE FROM speaker_names WHERE spelling = 'Tamsin'")
        story_db.execute("DELETE FROM speakers WHERE name = 'Tamsin'")
    with pytest.raises(UsageError, match="several"):
        speaker_named(story_db, "Tamsin")


def run(capsys, *argv) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_speakers_lists_spellings_and_sets_names(capsys, tmp_path, story):
    db = str(tmp_path / "cli.db")
    assert run(capsys, "index", str(story), "--db", db)[0] == 0
    code, out, _ = run(capsys, "speakers", "--json", "--db", db)
    listed = {s["name"]: s for s in json.loads(out)}
    assert code == 0 and listed["Anna Nowak"]["kind"] == "person"
    assert {m["spelling"]: m["rule"] for m in listed["Anna Nowak"]["spellings"]}["Nowak"] == "surname"
    code, out, _ = run(capsys, "speakers", "merge", "Tamsin", "Joe Tamsin", "--db", db)
    assert code == 0 and "Merged Tamsin into Joe Tamsin" in out
    code, out, _ = run(capsys, "quotes", "--speaker", "Tamsin", "--json", "--db", db)
    assert code == 0 and {q["speaker"] for q in json.loads(out)} == {"Joe Tamsin"}
    code, _, err = run(capsys, "speakers", "rename", "Nobody Atall", "X", "--db", db)
    assert code == 2 and "No speaker" in err


@pytest.mark.parametrize("command", [("quotes",), ("export", "--out", "brief.md")])
def test_an_unknown_speaker_is_a_usage_error(capsys, tmp_path, story, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "cli.db")
    run(capsys, "index", str(story), "--db", db)
    code, _, err = run(capsys, *command, "--speaker", "Nobody Atall", "--db", db)
    assert code == 2 and "No speaker" in err


def test_init_writes_a_starting_settings_file(capsys, story):
    code, out, _ = run(capsys, "init", str(story))
    settings = load_settings(story / "briefing.toml")
    assert code == 0 and "Wrote" in out
    assert settings.title == "story"
    assert settings.columns and settings.columns[0] == "Anna Nowak"
    assert settings.alias_map["Nowak"] == "Anna Nowak" and settings.alias_map["WRO"] == "World Relief Organization"
    assert "# surname:" in (story / "briefing.toml").read_text(encoding="utf-8")
    code, _, err = run(capsys, "init", str(story))
    assert code == 2 and "exists already" in err


def test_extract_names_speakers_across_the_files_given(capsys, story):
    code, out, _ = run(capsys, "extract", *(str(story / n) for n in ARTICLES), "--json")
    speakers = {q["speaker"] for a in json.loads(out)["articles"] for q in a["quotes"]}
    assert code == 0 and "Anna Nowak" in speakers and "WRO" not in speakers and "the interior minister" not in speakers


def test_clues_read_over_worker_processes_are_the_clues_read_here():
    from briefing.core.indexer.identity import _clue_reader

    bodies = [
        "Interior Minister Ilse Varga said the quay was closed in Kestrel.",
        "The World Harbour Organization (WHO) said ships were waiting near Dunmore.",
        "",
        "Ilse Varga, the port spokeswoman, said more.",
    ]
    with _clue_reader(1) as here, _clue_reader(2) as pooled:
        assert pooled(bodies) == here(bodies)
        assert pooled([]) == []
