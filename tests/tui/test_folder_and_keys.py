"""The app as a new user with their own folder meets it: a folder opened as its own briefing, `o` for an
article's web address, `y` to copy a quote with its citation, find in the reader, the remembered
theme, the help and the column picker readable without colour."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from briefing.core.store.catalog import describe_briefing
from briefing.tui import messages as app_messages
from briefing.tui import prefs
from briefing.tui.app import BriefingApp
from briefing.tui.dialogs.help import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.sharing import can_open_browser
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.column_choices import ColumnChoices
from textual import events
from textual.message import Message

from tests.test_cli_folders import story_folder
from tests.tui.test_app import column, of_type, open_reader, settle

BLOOMBERG_URL = "https://news.example/kosovo-clashes?id=1&from=(front)"


def with_url(db: Path, url: str = BLOOMBERG_URL) -> Path:
    """The curated briefing with a web address on the Bloomberg article."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET url = ? WHERE outlet = 'Bloomberg'", [url])
    conn.commit()
    conn.close()
    return db


@pytest.fixture
def browser(monkeypatch):
    """A display to open a browser on, and the addresses the app asked it to open."""
    monkeypatch.setenv("DISPLAY", ":0")
    opened: list[str] = []
    monkeypatch.setattr(BriefingApp, "open_url", lambda self, url, new_tab=True: opened.append(url))
    return opened


# --- a folder is a briefing ----------------------------------------------------------------------


async def test_a_new_folder_is_indexed_with_progress_then_opens_as_its_own_briefing(tmp_path):
    folder = story_folder(tmp_path)
    db = tmp_path / "story.db"
    messages: list[Message] = []
    app = BriefingApp(db, folders=[folder])
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        started = of_type(messages, app_messages.Started)
        assert started and started[0].error is None and started[0].report.added == 2
        assert of_type(messages, app_messages.IndexProgress)
        assert sorted(s.title for s in app.main.sources.items) == [
            "Ferry service to Lornholm suspended", "Lornholm pier repairs to take a month"]
        assert app.main.header.query_one("#header-title").render().plain == "ferry-story"
        assert not of_type(messages, app_messages.FoldersUpdated)  # indexed before it opened: nothing to update


async def test_an_indexed_folder_opens_at_once_and_is_brought_up_to_date(tmp_path):
    folder = story_folder(tmp_path)
    db = tmp_path / "story.db"
    async with BriefingApp(db, folders=[folder]).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    (folder / "late.txt").write_text("Pier reopens\n\nThe Lornholm pier reopened on Sunday, the harbour master said.\n")
    messages: list[Message] = []
    app = BriefingApp(db, folders=[folder])
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        # Opened on what was there, without an index run first ...
        assert of_type(messages, app_messages.Started)[0].report is None
        # ... then read the folder again behind it and showed the new article.
        updated = of_type(messages, app_messages.FoldersUpdated)
        assert updated and (updated[0].report.added, updated[0].report.unchanged) == (1, 2)
        await settle(pilot)
        assert len(app.main.sources.items) == 3 and not app.updating_folders
    assert describe_briefing(db).sources == 3


async def test_a_folder_without_articles_says_what_is_read(tmp_path):
    folder = tmp_path / "empty-story"
    folder.mkdir()
    app = BriefingApp(tmp_path / "e.db", folders=[folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        notice = app.main.query_one("#notice").render().plain
        assert str(folder) in notice and ".md" in notice


# --- o: the article's web address --------------------------------------------------------------


async def test_o_opens_the_web_address_of_a_quotes_article(briefing_db, browser):
    app = BriefingApp(with_url(briefing_db))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert column(app, "Vucic").current.label == "Bloomberg"
        await pilot.press("o")
        await settle(pilot)
        assert browser == ["https://news.example/kosovo-clashes?id=1&from=%28front%29"]
        assert app.state.filters.source_id is None  # o no longer narrows to the source


async def test_o_in_the_source_list_and_the_reader(briefing_db, browser):
    app = BriefingApp(with_url(briefing_db))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        await pilot.press("home", "o")  # Bloomberg, first source
        await settle(pilot)
        await pilot.press("enter")  # read it
        await settle(pilot)
        title = app.screen.query_one("#reader-title").render()
        assert BLOOMBERG_URL.replace("(", "%28").replace(")", "%29") in title.plain
        await pilot.press("o")
        await settle(pilot)
        assert len(browser) == 2 and browser[0] == browser[1]


async def test_o_without_a_web_address_says_so(briefing_db, browser):
    app = BriefingApp(with_url(briefing_db, "javascript:alert(1)"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert browser == []
        assert any("not a web address" in str(n.message) for n in app._notifications)


async def test_over_ssh_the_link_is_copied_instead(briefing_db, monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    opened: list[str] = []
    monkeypatch.setattr(BriefingApp, "open_url", lambda self, url, new_tab=True: opened.append(url))
    app = BriefingApp(with_url(briefing_db))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == [] and app.clipboard.startswith("https://news.example/kosovo-clashes")


def test_where_a_browser_can_be_opened():
    assert can_open_browser({"DISPLAY": ":0", "SSH_CONNECTION": "x"}, "linux")
    assert not can_open_browser({"SSH_TTY": "/dev/pts/1"}, "darwin")
    assert not can_open_browser({}, "linux")
    assert can_open_browser({}, "darwin") and can_open_browser({"BROWSER": "firefox"}, "linux")


# --- y: a quote with its citation --------------------------------------------------------------


async def test_y_copies_the_quote_with_its_citation(briefing_db):
    app = BriefingApp(with_url(briefing_db))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        column(app, "Vucic").focus()
        await pilot.press("j")  # "We will not tolerate the pogrom of Serbs,", said by pronoun
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == (
            "“We will not tolerate the pogrom of Serbs,” — Aleksandar Vucic (attributed by pronoun), Bloomberg, "
            "29 May 2023, https://news.example/kosovo-clashes?id=1&from=%28front%29"
        )
        column(app, "NATO").focus()
        await pilot.press("end", "y")  # the AP's quote: reported, no web address
        await settle(pilot)
        assert app.clipboard.endswith("(reported speech) — KFOR, The Associated Press, 31 May 2023")
        assert any("Copied" in str(n.title) for n in app._notifications)


async def test_y_in_the_reader_copies_the_emphasised_quote(briefing_db):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # open Bloomberg at the pogrom quote
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard.startswith("“We will not tolerate the pogrom of Serbs,” — Aleksandar Vucic")


# --- find in the reader ------------------------------------------------------------------------


async def test_find_in_the_article_steps_with_n_and_quotes_with_brackets(briefing_db):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        view = reader.query_one(ArticleView)
        quote_before = view.current
        await pilot.press("slash", *"kosovo")
        matches = [view.text[s:e] for s, e in view.finds]
        assert len(matches) >= 2 and {m.casefold() for m in matches} == {"kosovo"}
        assert "1 of" in reader.query_one("#reader-status").render().plain or view.find_current > 0
        await pilot.press("enter")  # keep the matches, back to the article
        assert view.has_focus and view.finds
        first = view.find_current
        await pilot.press("n")
        assert view.find_current == (first + 1) % len(view.finds)
        await pilot.press("N", "N")
        assert view.find_current == (first - 1) % len(view.finds)
        assert view.current == quote_before  # n/N stepped matches, not quotes
        await pilot.press("right_square_bracket")
        assert view.current == quote_before + 1
        status = reader.query_one("#reader-status").render().plain
        assert "find “kosovo”" in status and f"of {len(view.finds)}" in status
        await pilot.press("escape")  # clears the find, stays in the article
        assert app.screen is reader and view.finds == [] and reader.find_text == ""
        await pilot.press("n")  # with nothing to find, n steps quotes
        assert view.current == quote_before + 2
        await pilot.press("escape")
        assert app.screen is app.main


async def test_find_ignores_accents_and_says_when_nothing_matches(briefing_db):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = await open_reader(pilot)
        await pilot.press("slash", *"vučić")
        assert view.finds and all(view.text[s:e].casefold() == "vucic" for s, e in view.finds)
        await pilot.press("backspace", *"/zzq")  # typed into the box, "/" included
        assert view.finds == [] and "no match" in app.screen.query_one("#reader-status").render().plain
        await pilot.press("escape")  # in the box: clears the find and closes the box
        assert app.screen is not app.main and not app.screen.query_one("#reader-find").display


# --- remembered theme, help, column picker ----------------------------------------------------


async def test_the_theme_chosen_is_remembered(briefing_db):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "nord"  # what choosing it in the command palette does
        await settle(pilot)
    assert prefs.load_theme() == "nord"
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"


async def test_a_remembered_theme_that_no_longer_exists_is_ignored(briefing_db):
    prefs.save_theme("no-such-theme")
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme != "no-such-theme"


async def test_help_lists_keys_by_what_they_do_each_once(briefing_db):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in help_screen.query(".help-section"))
        for internal in ("quote.pin", "list.open_link", "reader.next_match", "help_quit", "copy_text"):
            assert internal not in shown
        for title, bindings in help_screen.sections:
            keys = [b.key for b in bindings]
            assert len(keys) == len(set(keys)), title
        everywhere = dict(help_screen.sections)["Everywhere"]
        assert [b.key for b in everywhere].count("ctrl+c") == 1
        # Quit is said once, everywhere, not again in each dialog.
        said = [(b.key, b.tooltip or b.description) for _t, bs in help_screen.sections for b in bs]
        assert said.count(("q", "Leave the app")) == 1
        ids = {b.id for _t, bs in help_screen.sections for b in bs}
        assert {"list.open_link", "quote.copy", "quote.same_source", "reader.find", "reader.next_match",
                "reader.copy", "reader.open_link"} <= ids


async def test_column_picker_marks_chosen_speakers_without_colour(briefing_db):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        choices = app.screen.query_one(ColumnChoices)
        lines = [choices.render_line(y).text for y in range(choices.option_count)]
        ticked = [line for line in lines if line.startswith("[x] ")]
        assert [line[4:].split()[0] for line in ticked] == ["Vucic", "NATO", "Meloni"]
        assert all(line.startswith(("[x] ", "[ ] ")) for line in lines)
        await pilot.press("space")  # untick the first
        assert choices.render_line(0).text.startswith("[ ] ")


# --- keys in one burst (a paste, tmux, a fast typist) -------------------------------------------


def burst(app: BriefingApp, keys: list[str]) -> None:
    """Keys arriving together, before the app has handled any of them (as a terminal delivers a paste)."""
    names = {"/": "slash", "\r": "enter"}
    for key in keys:
        app.post_message(events.Key(names.get(key, key), key))


async def test_search_typed_in_one_burst_goes_into_the_box(briefing_db):
    """"/pogrom" arriving at once is a search for pogrom: p does not pin, o does not open a link."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, list("/pogrom"))
        await settle(pilot)
        assert app.main.search.value == "pogrom" and app.state.search_query == "pogrom"
        assert not app.state.pins and not app.state.filters.active


async def test_find_typed_in_one_burst_then_enter_and_n(briefing_db):
    """"/kosovo", enter and n arriving at once: the find has its word, and n steps to the second match."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = await open_reader(pilot)
        burst(app, [*"/kosovo", "\r", "n"])
        await settle(pilot)
        assert app.screen.find_text == "kosovo" and view.has_focus
        assert app.screen.query_one("#reader-find").value == "kosovo"
        # The article opened at its top: the find began at the first match, and n went on to the second.
        assert view.find_current == 1 and "2 of" in app.screen.query_one("#reader-status").render().plain


async def test_text_pasted_without_bracketed_paste_is_searched_once(briefing_db, monkeypatch):
    """A paste a terminal delivers as keys is one search of the whole text, not one a character."""
    app = BriefingApp(briefing_db)
    searched: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        real = app.state.type_search
        monkeypatch.setattr(app.state, "type_search", lambda query, raw: searched.append(query) or real(query, raw))
        pasted = "the troops were injured in the clashes near the municipal building"
        burst(app, ["/", *pasted])
        await settle(pilot)
        assert app.main.search.value == pasted and app.state.search_query == pasted
        assert len(searched) <= 3 and searched[-1] == pasted


async def test_a_burst_typed_into_the_search_box_is_searched_once_not_a_key_at_a_time(briefing_db, monkeypatch):
    """Keys a few milliseconds apart (a paste, keys sent by a program), while the app holds its
    frames for a search, are searched as the box holds them once the burst has had its wait, not
    one search a key."""
    import asyncio

    from briefing.tui.widgets import search_bar
    from briefing.tui.widgets.search_bar import SearchBar

    # Wide margins, so that a slow machine's gaps between keys stay inside one burst and its wait.
    monkeypatch.setattr(search_bar, "BURST_GAP", 1.0)
    monkeypatch.setattr(search_bar, "BURST_WAIT", 0.5)
    app = BriefingApp(briefing_db)
    posted: dict[int, SearchBar.Changed] = {}  # by identity: a bubbling message passes the hook at each node
    async with app.run_test(size=(120, 40), message_hook=lambda m: posted.setdefault(id(m), m)
                            if isinstance(m, SearchBar.Changed) else None) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ko")
        await settle(pilot)
        posted.clear()
        for character in "sovo police":
            app.main.search.input.insert_text_at_cursor(character)
            await asyncio.sleep(0.004)
        await asyncio.sleep(0.6)
        await settle(pilot)
        queries = [m.query for m in posted.values()]
        assert app.main.search.value == "kosovo police" == app.state.search_query
        assert len(queries) <= 2 and queries[-1] == "kosovo police"
