"""Provides the CPD journal: the coach's reflections across all clients, by date and by competency."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from coachtui.domain.models import Competency, Reflection
from coachtui.store.errors import StoreError
from coachtui.ui.styles import style
from coachtui.ui.widgets.competency_picker import COMPETENCIES, SHORT_NAMES, short_names

if TYPE_CHECKING:
    from coachtui.ui.app import CoachApp

SECTIONS = [
    ("what_worked", "What worked"),
    ("what_did_not", "What did not"),
    ("adjust_next_time", "Adjust next time"),
    ("learned", "What I learned (CPD)"),
    ("next_focus", "Next focus"),
]


def reflection_day(reflection: Reflection) -> date:
    """The day a reflection belongs to: its session's day, else the day it was written."""
    return reflection.session_date or reflection.created_at.date()


class _JournalTable(DataTable[str | Text]):
    """The journal's rows; Enter is shown in the footer because it is how a reflection is edited."""

    BINDINGS = [Binding("enter", "select_cursor", "Edit", id="journal.edit", tooltip="Edit this reflection")]


class JournalScreen(Screen[None]):
    """Every reflection, newest first, grouped by month; a competency or a word narrows the list."""

    CSS_PATH = style("journal")
    TITLE = "CPD journal"
    AUTO_FOCUS = "#journal-table"
    BINDINGS = [
        Binding("escape", "back", "Back", id="journal.back"),
        Binding(
            "c", "cycle_competency", "Competency", id="journal.competency", tooltip="Next competency filter"
        ),
        *[
            Binding(
                str(n), f"pick_competency({n})", f"Competency {n}", id=f"journal.competency_{n}", show=False
            )
            for n in range(len(COMPETENCIES) + 1)
        ],
        # A priority key: the words typed right after it must reach the search box, not the list.
        Binding("slash", "search", "Search", id="journal.search", tooltip="Find a word", priority=True),
        Binding("right_square_bracket", "month(1)", "Older", id="journal.older_month", tooltip="Older month"),
        Binding("left_square_bracket", "month(-1)", "Newer", id="journal.newer_month", tooltip="Newer month"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.competency: Competency | None = None
        self._reflections: dict[str, Reflection] = {}
        self._shown: list[Reflection] = []
        self._names: dict[str, str] = {}
        self._numbers: dict[str, int] = {}

    @property
    def coach_app(self) -> CoachApp:
        return cast("CoachApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="journal-filter")
        yield Input(
            placeholder="a word in any reflection, or a client's name", id="journal-search", compact=True
        )
        table = _JournalTable(id="journal-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Month", "Day", "Client", "#", "Progress", "Competencies")
        yield table
        with VerticalScroll(id="journal-detail", can_focus=False):
            yield Static("", id="journal-detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#journal-search", Input).display = False
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    # --- loading and filtering ----------------------------------------------------------------

    def load(self) -> None:
        """Read the reflections and the names and numbers they show, then redraw the list."""
        repo = self.coach_app.repository
        reflections = repo.list_reflections()
        self._reflections = {r.session_id: r for r in reflections}
        self._names = {c.id: c.name for c in repo.list_clients()}
        # Reflections do not carry the session number: read it once per client, only where it is missing.
        for client_id in {r.client_id for r in reflections if r.session_id not in self._numbers}:
            try:
                self._numbers.update({s.id: s.number for s in repo.list_sessions(client_id)})
            except StoreError:
                continue  # a client file that cannot be read shows its sessions without a number
        self.show()

    def _matches(self, reflection: Reflection, words: str) -> bool:
        if self.competency is not None and self.competency not in reflection.competencies:
            return False
        if not words:
            return True
        haystack = [self._names.get(reflection.client_id, ""), *(getattr(reflection, f) for f, _ in SECTIONS)]
        return words in "\n".join(haystack).casefold()

    def show(self) -> None:
        """Redraw the rows for the current filters, keeping the cursor on the same reflection."""
        table = self.query_one(_JournalTable)
        selected = self.selected_session_id
        words = self.query_one("#journal-search", Input).value.strip().casefold()
        shown = [r for r in self._reflections.values() if self._matches(r, words)]
        shown.sort(key=lambda r: (reflection_day(r), r.created_at), reverse=True)
        self._shown = shown
        table.clear()
        month = None
        for reflection in shown:
            day = reflection_day(reflection)
            label = f"{day:%b %Y}"
            number = self._numbers.get(reflection.session_id)
            progress = reflection.client_progress
            table.add_row(
                Text(label if label != month else "", style="bold"),
                f"{day:%a %d}",
                self._names.get(reflection.client_id, "(erased)"),
                str(number) if number else "?",
                f"{progress}/10" if progress is not None else "—",
                short_names(reflection.competencies),
                key=reflection.session_id,
            )
            month = label
        if selected in self._reflections and any(r.session_id == selected for r in shown):
            table.move_cursor(row=table.get_row_index(selected))
        self._show_filters(len(shown), words)
        self._show_detail()

    def _show_filters(self, count: int, words: str) -> None:
        total = len(self._reflections)
        competency = self.competency.value if self.competency else "all"
        line = f"Competency: [b]{competency}[/b]  [dim](c next · 1-8 pick · 0 all)[/dim]"
        if words:
            line += "  · containing the search words [dim](/ to change)[/dim]"
        self.query_one("#journal-filter", Static).update(line)
        self.sub_title = f"{count} of {total} reflections" if count != total else f"{total} reflections"

    @property
    def selected_session_id(self) -> str | None:
        table = self.query_one(_JournalTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#journal-detail-text", Static)
        session_id = self.selected_session_id
        if session_id is None:
            empty = (
                "No reflection matches these filters: press 0 for every competency, / to change the search."
            )
            if not self._reflections:
                empty = "No reflections yet. After each session, fill in the reflection and press ctrl+s."
            detail.update(Text(empty, style="dim"))
            return
        detail.update(self._detail(self._reflections[session_id]))
        self.query_one("#journal-detail", VerticalScroll).scroll_home(animate=False)

    def _detail(self, reflection: Reflection) -> Text:
        number = self._numbers.get(reflection.session_id)
        facts = [
            f"{reflection_day(reflection):%a %d %b %Y}",
            self._names.get(reflection.client_id, "(erased)"),
            f"session {number}" if number else "session ?",
            f"{round(reflection.duration_minutes)} min",
            reflection.payment.value.replace("_", " "),
        ]
        if reflection.client_progress is not None:
            facts.append(f"client's progress {reflection.client_progress}/10")
        text = Text()
        text.append(" · ".join(facts), style="bold")
        chosen = [c.value for c in COMPETENCIES if c in reflection.competencies]
        text.append("\nCompetencies: ", style="bold")
        text.append(", ".join(chosen) or "none ticked", style="" if chosen else "dim")
        for field, heading in SECTIONS:
            value = getattr(reflection, field).strip()
            text.append(f"\n\n{heading}\n", style="bold")
            text.append(value or "—", style="" if value else "dim")
        return text

    # --- keys ---------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _edit(self, event: DataTable.RowSelected) -> None:
        reflection = self._reflections.get(str(event.row_key.value))
        if reflection is not None:
            self.coach_app.open_reflection(reflection.client_id, reflection.session_id)

    def action_cycle_competency(self) -> None:
        index = COMPETENCIES.index(self.competency) + 1 if self.competency else 0
        self.action_pick_competency(index + 1 if index < len(COMPETENCIES) else 0)

    def action_pick_competency(self, number: int) -> None:
        self.competency = COMPETENCIES[number - 1] if number else None
        self.show()
        if self.competency is not None:
            self.notify(f"Showing reflections on {SHORT_NAMES[self.competency]}.", timeout=2)

    def action_search(self) -> None:
        search = self.query_one("#journal-search", Input)
        if search.has_focus:
            raise SkipAction()  # a "/" typed in the search box is part of the search
        search.display = True
        search.focus()

    @on(Input.Changed, "#journal-search")
    def _search_changed(self) -> None:
        self.show()

    @on(Input.Submitted, "#journal-search")
    def _search_done(self) -> None:
        self._leave_search()

    def _leave_search(self) -> None:
        search = self.query_one("#journal-search", Input)
        search.display = bool(search.value.strip())
        self.query_one(_JournalTable).focus()

    def action_month(self, step: int) -> None:
        """Jump to the first reflection of the next older (step 1) or newer (step -1) month."""
        table = self.query_one(_JournalTable)
        months = [f"{reflection_day(r):%Y-%m}" for r in self._shown]
        if not months:
            return
        row = table.cursor_row
        starts = [i for i, month in enumerate(months) if i == 0 or months[i - 1] != month]
        current = max(i for i in starts if i <= row)
        if step > 0:
            target = next((i for i in starts if i > row), None)
        else:
            target = max((i for i in starts if i < current), default=None)
        if target is None:
            self.notify("No older month." if step > 0 else "This is the newest month.", timeout=2)
            return
        table.move_cursor(row=target)

    def action_back(self) -> None:
        if self.query_one("#journal-search", Input).has_focus:
            self._leave_search()
            return
        self.dismiss(None)
