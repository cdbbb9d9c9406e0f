"""The speaker picker: every speaker and group found, with counts; the ticked ones become the columns.

It also sets names right: m merges the highlighted speaker into another, r renames it, h hides it
(written to the briefing's briefing.toml and applied at once, core.indexer.identity)."""

from __future__ import annotations

from typing import ClassVar

from briefing.core.errors import BriefingError
from briefing.core.store.rows import SpeakerCount
from briefing.core.textsafe import terminal_safe
from briefing.tui.dialogs.name_prompt import NamePrompt
from briefing.tui.loader import Store, load_speaker_choices
from briefing.tui.messages import SpeakersRenamed
from briefing.tui.screens import FOCUS_BINDINGS
from briefing.tui.state import ColumnSpec
from briefing.tui.widgets.column_choices import ColumnChoices
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.selection_list import Selection
from textual.worker import get_current_worker


def _value(spec: ColumnSpec) -> str:
    return f"group:{spec.group}" if spec.group is not None else f"speaker:{spec.speaker}"


def _spec(value: str) -> ColumnSpec:
    kind, _, name = value.partition(":")
    return ColumnSpec(name, group=name) if kind == "group" else ColumnSpec(name, speaker=name)


class SpeakerPicker(ModalScreen[list[ColumnSpec] | None], inherit_bindings=False):
    """Tick groups or speakers; enter shows them as columns (and remembers the choice)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_BINDINGS,
        Binding("enter", "apply", "Show these columns", priority=True, id="picker.apply"),
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("m", "merge", "Merge into…", id="picker.merge"),
        Binding("r", "rename", "Rename…", id="picker.rename"),
        Binding("h", "hide", "Hide", id="picker.hide"),
        # A modal screen hides the app's own bindings, so quitting is offered here too.
        Binding("q", "app.quit", "Quit", id="picker.quit", tooltip="Leave the app"),
    ]
    """Apply or cancel; merge, rename or hide the highlighted speaker."""

    def __init__(self, store: Store, current: list[ColumnSpec]) -> None:
        """Offer every speaker in `store`, with `current` ticked."""
        super().__init__()
        self.store = store
        self.current = current

    def compose(self) -> ComposeResult:
        """Title, hint and the checklist."""
        with Vertical(id="picker-box"):
            yield Static(Text("Columns — which speakers to show side by side", style="bold"), id="picker-title")
            yield Static(
                Text(
                    "space ticks · enter shows the ticked ones, in the order ticked · escape cancels\n"
                    "m merges the highlighted speaker into another · r renames it · h hides it",
                    style="dim",
                ),
                id="picker-hint",
            )
            yield ColumnChoices(id="picker-list")

    def on_mount(self) -> None:
        """Load the speakers in a thread."""
        self.query_one(ColumnChoices).focus()
        self._load()

    @work(thread=True, exclusive=True, group="picker", exit_on_error=False)
    def _load(self) -> None:
        try:
            choices = self.store.read(load_speaker_choices)
        except (BriefingError, RuntimeError) as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill, choices.groups, choices.speakers)

    def _fill(self, groups: list[tuple[str, int, list[str]]], speakers: list[SpeakerCount]) -> None:
        chosen = [_value(spec) for spec in self.current]
        selections: list[Selection[str]] = []
        seen: set[str] = set()
        for name, count, people in groups:
            value = f"group:{name}"
            seen.add(value)
            label = Text(terminal_safe(name), style="bold")
            label.append(f"  group · {count} quote{'s' if count != 1 else ''}", style="dim")
            if people:
                label.append("  " + terminal_safe(", ".join(people)), style="dim italic")
            selections.append(Selection(label, value, value in chosen))
        for speaker in speakers:
            value = f"speaker:{speaker.name}"
            seen.add(value)
            label = Text(terminal_safe(speaker.name))
            label.append(f"  {speaker.quotes} quote{'s' if speaker.quotes != 1 else ''}", style="dim")
            if speaker.group:
                label.append(f"  in {terminal_safe(speaker.group)}", style="dim italic")
            selections.append(Selection(label, value, value in chosen))
        # Keep current columns that the database no longer knows, so they can be unticked.
        for value in chosen:
            if value not in seen:
                selections.append(Selection(Text(terminal_safe(value.partition(":")[2])), value, True))
        choices = self.query_one(ColumnChoices)
        choices.clear_options()
        choices.add_options(selections)
        # Ticked in the current column order, so applying without changes keeps the order.
        choices.deselect_all()
        for value in chosen:
            choices.select(value)
        if choices.option_count:
            choices.highlighted = 0
        self.query_one("#picker-title", Static).update(
            Text(f"Columns — {len(groups)} groups, {len(speakers)} speakers", style="bold")
        )

    def action_apply(self) -> None:
        """Show the ticked speakers as columns."""
        values = self.query_one(ColumnChoices).selected
        if not values:
            self.notify("Tick at least one speaker or group (space).", severity="warning", timeout=3)
            return
        self.dismiss([_spec(v) for v in values])

    def action_cancel(self) -> None:
        """Keep the columns as they are."""
        self.dismiss(None)

    # --- setting names right ----------------------------------------------------------------

    def _highlighted_speaker(self) -> str | None:
        choices = self.query_one(ColumnChoices)
        if choices.highlighted is None:
            return None
        kind, _, name = choices.get_option_at_index(choices.highlighted).value.partition(":")
        if kind != "speaker":
            self.notify("A group is set in briefing.toml ([[speakers]]); highlight a speaker.", timeout=4)
            return None
        return name

    def _names(self) -> list[str]:
        return [v.partition(":")[2] for v in (o.value for o in self.query_one(ColumnChoices).options) if v.startswith("speaker:")]

    def action_merge(self) -> None:
        """Ask whom to merge the highlighted speaker into, then merge."""
        speaker = self._highlighted_speaker()
        if speaker is not None:
            others = [n for n in self._names() if n != speaker]
            self.app.push_screen(
                NamePrompt(f"Merge {speaker} into which speaker?", names=others),
                lambda into: into and self._edit("merge", speaker, into),
            )

    def action_rename(self) -> None:
        """Ask for the highlighted speaker's new name, then rename."""
        speaker = self._highlighted_speaker()
        if speaker is not None:
            self.app.push_screen(
                NamePrompt(f"Rename {speaker} to:", value=speaker),
                lambda name: name and name != speaker and self._edit("rename", speaker, name),
            )

    def action_hide(self) -> None:
        """Hide the highlighted speaker from the lists and the columns."""
        speaker = self._highlighted_speaker()
        if speaker is not None:
            self._edit("hide", speaker, "")

    @work(thread=True, exclusive=True, group="picker-edit", exit_on_error=False)
    def _edit(self, action: str, speaker: str, value: str) -> None:
        """Write the change to briefing.toml and name the briefing's speakers again (a write connection of its own)."""
        from briefing.core.indexer.identity import hide_speaker, merge_speakers, rename_speaker
        from briefing.core.store.database import open_database

        try:
            db = open_database(self.store.path, create=False)
            try:
                if action == "merge":
                    edit = merge_speakers(db, speaker, value)
                elif action == "rename":
                    edit = rename_speaker(db, speaker, value)
                else:
                    edit = hide_speaker(db, speaker)
            finally:
                db.conn.close()
        except BriefingError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", timeout=8)
            return
        self.app.call_from_thread(self._edited, action, edit.before, edit.after, str(edit.path))

    def _edited(self, action: str, before: str, after: str, path: str) -> None:
        done = {"merge": f"Merged {before} into {after}", "rename": f"Renamed {before} to {after}"}.get(action, f"Hid {before}")
        self.notify(terminal_safe(f"{done} (written to {path})."), timeout=6)
        if action != "hide":
            # The columns follow the new name: the one ticked before is ticked under it.
            old, new = f"speaker:{before}", f"speaker:{after}"
            ticked = [new if v == old else v for v in self.query_one(ColumnChoices).selected]
            self.current = [_spec(v) for v in dict.fromkeys(ticked)]
        else:
            self.current = [_spec(v) for v in self.query_one(ColumnChoices).selected]
        self.app.post_message(SpeakersRenamed(action, before, after))
        self._load()
