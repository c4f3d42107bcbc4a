"""Provides the CPD journal: the coach's reflections across all clients, by date and by competency."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from coachtui.domain.models import Competency, Reflection
from coachtui.store.errors import StoreError
from coachtui.store.repository import Repository
from coachtui.ui.reflection.competency_picker import COMPETENCIES, SHORT_NAMES
from coachtui.ui.reflection.journal_view import (
    COLUMNS,
    detail_text,
    matches,
    month_of,
    number_text,
    row_cells,
)
from coachtui.ui.seam import CoachScreen
from coachtui.ui.styles import style

ROW_LIMIT = 400
"""Rows drawn at a time: a 10-year practice holds some 9,000 reflections; ] past the last shows more."""


class _JournalTable(DataTable[str | Text]):
    """The journal's rows; Enter is shown in the footer because it is how a reflection is edited."""

    BINDINGS = [Binding("enter", "select_cursor", "Edit", id="journal.edit", tooltip="Edit this reflection")]


class JournalScreen(CoachScreen[None]):
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
        Binding("slash", "search", "Search", id="journal.search", tooltip="Find a word"),
        Binding("right_square_bracket", "month(1)", "Older", id="journal.older_month", tooltip="Older month"),
        Binding("left_square_bracket", "month(-1)", "Newer", id="journal.newer_month", tooltip="Newer month"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.competency: Competency | None = None
        self._reflections: dict[str, Reflection] = {}
        self._shown: list[Reflection] = []
        self._matching = 0
        self._limit = ROW_LIMIT
        self._names: dict[str, str] = {}
        self._numbers: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="journal-filter")
        yield Input(
            placeholder="a word in any reflection, or a client's name", id="journal-search", compact=True
        )
        table = _JournalTable(id="journal-table", cursor_type="row", zebra_stripes=True)
        for label, key in COLUMNS:
            table.add_column(label, key=key, width=3 if key == "number" else None)
        yield table
        with VerticalScroll(id="journal-detail", can_focus=False):
            yield Static("", id="journal-detail-text")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_mount(self) -> None:
        self.query_one("#journal-search", Input).display = False

    def on_screen_resume(self) -> None:
        # Also sent when the screen first opens; after an edit it brings the changed reflection in.
        self.load()

    # --- loading and filtering ----------------------------------------------------------------

    def load(self) -> None:
        """Read the reflections and client names, then redraw."""
        repo = self.coach.repository
        self._reflections = {r.session_id: r for r in repo.list_reflections()}
        self._names = {c.id: c.name for c in repo.list_clients()}
        self.show()

    @work(thread=True, exclusive=True, group="journal-numbers")
    def _read_numbers(self, repo: Repository, sessions: list[tuple[str, str]]) -> None:
        """Reflections do not carry their session's number: read those of the rows shown, in a thread,
        as a 10-year practice's client files take seconds to read the first time."""
        worker = get_current_worker()
        numbers: dict[str, int] = {}
        for client_id, session_id in sessions:
            if worker.is_cancelled:
                return
            try:
                numbers[session_id] = repo.get_session(client_id, session_id).number
            except StoreError:
                continue  # a session that cannot be read shows without a number
            if len(numbers) == 50:
                self.app.call_from_thread(self._numbers_read, numbers)
                numbers = {}
        if numbers:
            self.app.call_from_thread(self._numbers_read, numbers)

    def _numbers_read(self, numbers: dict[str, int]) -> None:
        self._numbers.update(numbers)
        if not self.is_attached:
            return
        table = self.query_one(_JournalTable)
        for reflection in self._shown:
            if reflection.session_id in numbers:
                table.update_cell(
                    reflection.session_id, "number", number_text(numbers[reflection.session_id])
                )
        if self.selected_session_id in numbers:
            self._show_detail()

    def _client_name(self, reflection: Reflection) -> str:
        return self._names.get(reflection.client_id, "(erased)")

    def show(self) -> None:
        """Redraw the rows for the current filters, keeping the cursor on the same reflection."""
        table = self.query_one(_JournalTable)
        selected = self.selected_session_id
        words = self.query_one("#journal-search", Input).value.strip().casefold()
        matching = [
            r
            for r in self._reflections.values()
            if (self.competency is None or self.competency in r.competencies)
            and (not words or matches(r, self._client_name(r), words))
        ]
        matching.sort(key=lambda r: (r.session_date or r.created_at.date(), r.created_at), reverse=True)
        self._matching = len(matching)
        self._shown = matching[: self._limit]
        table.clear()
        month = None
        for reflection in self._shown:
            number = self._numbers.get(reflection.session_id)
            cells = row_cells(
                reflection, self._client_name(reflection), number, month_of(reflection) != month
            )
            table.add_row(*cells, key=reflection.session_id)
            month = month_of(reflection)
        keys = [r.session_id for r in self._shown]
        if selected in keys:
            table.move_cursor(row=keys.index(selected))
        self._show_filters(words)
        self._show_detail()
        missing = [(r.client_id, r.session_id) for r in self._shown if r.session_id not in self._numbers]
        if missing:
            self._read_numbers(self.coach.repository, missing)

    def _show_filters(self, words: str) -> None:
        competency = self.competency.value if self.competency else "all"
        line = f"Competency: [b]{competency}[/b]  [dim](c next · 1-8 pick · 0 all)[/dim]"
        if words:
            line += "  · containing the search words [dim](/ to change)[/dim]"
        self.query_one("#journal-filter", Static).update(line)
        total, shown = len(self._reflections), len(self._shown)
        title = (
            f"{self._matching} of {total} reflections" if self._matching != total else f"{total} reflections"
        )
        self.sub_title = f"newest {shown} of {title} (] for older)" if shown < self._matching else title

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
        reflection = self._reflections[session_id]
        detail.update(detail_text(reflection, self._client_name(reflection), self._numbers.get(session_id)))
        self.query_one("#journal-detail", VerticalScroll).scroll_home(animate=False)

    # --- keys ---------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _edit(self, event: DataTable.RowSelected) -> None:
        reflection = self._reflections.get(str(event.row_key.value))
        if reflection is not None:
            self.coach.open_reflection(reflection.client_id, reflection.session_id)

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

    def _month_start(self, row: int, step: int) -> int | None:
        months = [month_of(r) for r in self._shown]
        starts = [i for i, month in enumerate(months) if i == 0 or months[i - 1] != month]
        current = max(i for i in starts if i <= row)
        if step > 0:
            return next((i for i in starts if i > row), None)
        return max((i for i in starts if i < current), default=None)

    def action_month(self, step: int) -> None:
        """Jump to the first reflection of the next older (step 1) or newer (step -1) month."""
        table = self.query_one(_JournalTable)
        if not self._shown:
            return
        row = table.cursor_row
        target = self._month_start(row, step)
        if target is None and step > 0 and len(self._shown) < self._matching:
            self._limit += ROW_LIMIT
            self.show()
            target = self._month_start(row, step)
        if target is None:
            self.notify("No older month." if step > 0 else "This is the newest month.", timeout=2)
            return
        table.move_cursor(row=target)

    def action_back(self) -> None:
        if self.query_one("#journal-search", Input).has_focus:
            self._leave_search()
            return
        self.dismiss(None)
