"""Provides a client's session history: every session, newest first, with its counts; Enter opens it."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from coachtui.domain.hours import missed_session
from coachtui.domain.models.session import Attendance
from coachtui.domain.session_record import HistoryRow, history_rows
from coachtui.store.errors import StoreError
from coachtui.ui.review.attendance import AttendanceDialog
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.client_check import check_client_file
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

COLUMNS = [
    ("Date", "date", 11),
    ("#", "number", 3),
    ("Model", "framework", 5),
    ("Len", "length", 4),
    ("Session goal", "goal", 0),
    ("Notes", "notes", 5),
    ("Ins", "insights", 3),
    ("Quo", "quotes", 3),
    ("Act", "actions", 3),
    ("Refl", "reflected", 4),
]
"""Label, key and width of each column; the goal's width (0 here) is what the terminal leaves."""

FIXED = sum(width + 2 for _, _, width in COLUMNS) + 2 + 3
"""Columns and their padding, the goal's padding, the screen's padding and the scrollbar."""


class _SessionTable(DataTable[Text]):
    """The history's rows; Enter is in the footer because it is how a session's record is opened."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="review.open_record", tooltip="Read this session"),
        Binding(
            "home", "row(0)", "Newest", id="review.history_newest", show=False, tooltip="The newest session"
        ),
        Binding(
            "end", "row(-1)", "Oldest", id="review.history_oldest", show=False, tooltip="The first session"
        ),
    ]

    def action_row(self, row: int) -> None:
        if self.row_count:
            self.move_cursor(row=row % self.row_count)


MISSED = {Attendance.LATE_CANCELLED: ("cxl", "late-cancelled"), Attendance.NO_SHOW: ("n/s", "no-show")}
"""A session that did not take place: its mark in the length column, and in words."""


def _length(row: HistoryRow) -> Text:
    if row.attendance in MISSED:
        return Text(MISSED[row.attendance][0], style="dim", justify="right")
    return Text(f"{row.minutes}m" if row.minutes is not None else "live", justify="right")


def _cells(row: HistoryRow, goal_width: int) -> list[str | Text]:
    goal = row.goal if len(row.goal) <= goal_width else row.goal[: goal_width - 1] + "…"
    return [
        f"{row.day:%d %b %Y}",
        Text(str(row.number), justify="right"),
        row.framework.upper()[:5],
        _length(row),
        goal or Text("—", style="dim"),
        Text(str(row.notes), justify="right"),
        Text(str(row.insights), justify="right"),
        Text(str(row.quotes), justify="right"),
        Text(str(row.actions), justify="right"),
        "yes" if row.reflected else Text("no", style="dim"),
    ]


def _line(cells: list[str | Text], widths: list[int]) -> Text:
    """The cells as one line of the columns' widths, two spaces apart (as a table's cell padding would
    draw them): one cell a row draws 10 times faster than ten. Each cell has one style or none."""
    line = Text(no_wrap=True, overflow="crop")
    for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        plain, style, right = (
            (cell.plain, cell.style, cell.justify == "right") if isinstance(cell, Text) else (cell, "", False)
        )
        size = cell_len(plain)
        if size > width:  # a goal of wide characters (the goal is cut to its length with an ellipsis)
            plain, size = set_cell_size(plain, width), width
        pad = " " * (width - size)
        if index:
            line.append("  ")
        if right:
            line.append(pad)
        line.append(plain, style)
        if not right:
            line.append(pad)
    return line


class SessionHistoryScreen(CoachScreen[None]):
    """A client's sessions, newest first: date, number, framework, length, goal, counts, reflection."""

    CSS_PATH = style("review_history")
    TITLE = "Session history"
    AUTO_FOCUS = "#sessions-table"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.history_back", tooltip="Back"),
        Binding(
            "x",
            "attendance",
            "Attendance",
            id="review.history_attendance",
            tooltip="Held, late-cancelled or no-show: only held sessions count as coaching hours",
        ),
        Binding(
            "c",
            "missed",
            "Cancelled",
            id="review.history_missed",
            tooltip="Record today's session that did not take place (late-cancelled or no-show)",
        ),
    ]

    def __init__(self, client_id: str) -> None:
        super().__init__()
        self.client_id = client_id
        self._rows: list[HistoryRow] = []
        self._goal_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield _SessionTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="sessions-detail")
        yield Static("", id="sessions-hint", classes="hint")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_mount(self) -> None:
        check_client_file(self, self.client_id)

    def on_screen_resume(self) -> None:
        # Also sent when the screen first opens; back from a record, a corrected note is counted.
        self.load()

    def load(self) -> None:
        repo = self.coach.repository
        try:
            client = repo.get_client(self.client_id)
            sessions = repo.list_session_digests(self.client_id)
            pending = set(repo.summary(self.client_id).sessions_without_reflection)
        except StoreError as error:
            self.notify(str(error), title="History not opened", severity="error", timeout=15)
            self.dismiss(None)
            return
        # A session is reflected on when it is closed and the summary does not list it as pending.
        reflected = [s.id for s in sessions if s.ended_at is not None and s.id not in pending]
        self._rows = history_rows(sessions, reflected)
        held = sum(1 for r in self._rows if r.minutes is not None and r.attendance is Attendance.HELD)
        self.sub_title = f"{client.name} · {held} session{'s' if held != 1 else ''}"
        self._fill(force=True)
        self.query_one("#sessions-hint", Static).update(
            hint(
                self,
                ("review.open_record", "read the session"),
                ("review.history_attendance", "attendance"),
                ("review.history_missed", "cancelled today"),
                "[b]↑↓[/b] move",
                ("review.history_back", "back"),
            )
        )

    def on_resize(self, event: events.Resize) -> None:
        self._fill()

    def _fill(self, force: bool = False) -> None:
        """Draw the rows with the goal as wide as the terminal allows, keeping the cursor where it was."""
        # Before its first layout the screen has no size: the terminal's is what it will have, so the
        # rows are drawn once, not once narrow and again at the first resize.
        width = max(12, (self.size.width or self.app.size.width) - FIXED)
        if width == self._goal_width and not force:
            return
        self._goal_width = width
        table = self.query_one(_SessionTable)
        row = table.cursor_row
        table.clear(columns=True)
        widths = [fixed or width for _, _, fixed in COLUMNS]
        table.add_column(
            _line([label for label, _, _ in COLUMNS], widths),
            key="session",
            width=sum(widths) + 2 * (len(widths) - 1),
        )
        # One cell a row, laid out here: a row of ten cells costs DataTable 2.4 ms to draw.
        for history_row in self._rows:
            table.add_row(_line(_cells(history_row, width), widths), key=history_row.session_id)
        if self._rows:
            table.move_cursor(row=min(max(row, 0), len(self._rows) - 1))
        self._show_detail()

    @property
    def selected(self) -> HistoryRow | None:
        table = self.query_one(_SessionTable)
        if not self._rows or table.row_count == 0:
            return None
        return self._rows[min(table.cursor_row, len(self._rows) - 1)]

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#sessions-detail", Static)
        row = self.selected
        if row is None:
            detail.update(Text("No session held yet: press escape, then s to start one.", style="dim"))
            return
        text = Text()
        text.append(f"Session {row.number}, {row.day:%a %d %b %Y}: ", style="bold")
        if row.attendance in MISSED:
            text.append(f"{MISSED[row.attendance][1]}, not coaching time. ", style="italic")
        text.append(row.goal or "no session goal written", style="" if row.goal else "dim")
        detail.update(text)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.coach.open_session_record(self.client_id, str(event.row_key.value))

    def action_attendance(self) -> None:
        row = self.selected
        if row is None or row.minutes is None:
            self.notify("Attendance is set on a closed session.", severity="warning")
            return
        title = f"Session {row.number}, {row.day:%d %b %Y}: did it take place?"
        self.app.push_screen(
            AttendanceDialog(title, row.attendance), lambda chosen: self._set_attendance(row, chosen)
        )

    def _set_attendance(self, row: HistoryRow, chosen: Attendance | None) -> None:
        if chosen is None or chosen is row.attendance:
            return
        repo = self.coach.repository
        try:
            session = repo.get_session(self.client_id, row.session_id)
            repo.save_session(session.model_copy(update={"attendance": chosen}))
        except StoreError as error:
            self.notify(str(error), title="Attendance not saved", severity="error", timeout=15)
            return
        self.load()

    def action_missed(self) -> None:
        title = f"A session on {self.coach.today():%d %b %Y} that did not take place"
        self.app.push_screen(AttendanceDialog(title, None, held=False), self._record_missed)

    def _record_missed(self, chosen: Attendance | None) -> None:
        if chosen is None:
            return
        repo = self.coach.repository
        try:
            client = repo.get_client(self.client_id)
            number = repo.next_session_number(self.client_id)
            framework = self.coach.settings.default_framework
            repo.save_session(missed_session(client, number, self.coach.clock(), chosen, framework))
        except StoreError as error:
            self.notify(str(error), title="Session not recorded", severity="error", timeout=15)
            return
        self.load()
        self.query_one(_SessionTable).move_cursor(row=0)

    def action_back(self) -> None:
        self.dismiss(None)
