"""Provides the bare Textual apps the benchmark compares coachtui with: the framework's own floor.

Each app imports only Textual, reads no data and does no work of its own:

- ``home ROWS``: the home screen's widgets (header; a body with a table of ROWS rows under the
  home table's seven columns and three texts; a footer with the home screen's keys), so the
  widget count is the home screen's (a test keeps them equal). Its ``p`` opens a bare client screen: a table of 200 rows;
  its ``g`` a bare screen of as many plain texts as the progress charts' page has widgets.
- ``notes TEXT_FILE [COLUMNS LINES]``: one TextArea holding the file's text, cursor at its end, for
  keystrokes.
- ``clock``: one text updated by a 1-second timer, for idle CPU.

Run as a script (``python benchmarks/reference_apps.py home 100``) so that starting one imports no
more than the app needs; the benchmark measures them exactly as it measures coachtui.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from time import monotonic

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TextArea

HOME_COLUMNS = ("Client", "Status", "Progress", "Last session", "Check-in", "Open", "Overdue")
BIG_CLIENT_ROWS = 200
FIRST_ROW = "Reference client 000"
"""The text the start-up benchmark waits for: the first row of the table is on screen."""


class BareHomeScreen(Screen[None]):
    """The home screen's widgets and keys, with made-up rows and nothing behind them."""

    AUTO_FOCUS = "DataTable"
    BINDINGS = [
        Binding("n", "noop('new')", "New"),
        Binding("e", "noop('edit')", "Edit"),
        Binding("s,enter", "noop('start')", "Session"),
        Binding("p", "open_client", "Plan"),
        Binding("o", "noop('overview')", "Review"),
        Binding("r", "noop('reflect')", "Reflect"),
        Binding("c", "noop('journal')", "Journal"),
        Binding("g", "open_texts", "Progress", show=False),
    ]
    DEFAULT_CSS = """
    #body { height: 1fr; padding: 0 1; }
    #table { height: 1fr; }
    #empty { padding: 2 4; }
    #card { height: auto; padding: 0 1; border-top: hkey $primary 40%; }
    #attention { height: auto; max-height: 4; padding: 0 1; }
    """

    def __init__(self, rows: int, texts: int = 0) -> None:
        super().__init__()
        self.rows = rows
        self.texts = texts

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            yield Static("", id="empty")
            yield DataTable(id="table")
            yield Static("", id="card")
            yield Static("", id="attention")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Clients"
        table = self.query_one(DataTable)
        table.cursor_type = "row"
        table.zebra_stripes = True
        for label in HOME_COLUMNS:
            table.add_column(label, key=label)
        for index in range(self.rows):
            table.add_row(
                f"Reference client {index:03d}", "active", "3 of 8", "12 Nov", "—", "2", "0", key=str(index)
            )
        self.query_one("#empty", Static).display = False
        self.query_one("#card", Static).update(
            "individual · paid · since 12 Jan 2026 · every 2 weeks · confidentiality agreed 12 Jan 2026\n"
            "next check-in Fri 27 Nov · 2 open actions, none overdue"
        )
        self.query_one("#attention", Static).update("Needs reflection: nobody")

    def action_noop(self, key: str) -> None:
        """The home screen's keys exist so that the footer is the same; they do nothing here."""

    def action_open_client(self) -> None:
        self.app.push_screen(BareClientScreen(BIG_CLIENT_ROWS))

    def action_open_texts(self) -> None:
        self.app.push_screen(BareTextsScreen(self.texts))


class BareClientScreen(Screen[None]):
    """A client's screen with nothing behind it: a header, a table of made-up sessions, a footer."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="sessions")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Session", "Date", "Goal", "Progress"):
            table.add_column(label, key=label)
        for index in range(self.rows):
            table.add_row(
                str(index + 1), "12 Nov 2026", "Speak up earlier in meetings", "6/10", key=str(index)
            )
        table.focus()


class BareTextsScreen(Screen[None]):
    """A page of ``count`` plain texts of ten lines, scrolled: the progress charts' page without charts."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="texts"):
            for index in range(self.count):
                yield Static("\n".join(f"line {line} of text {index}" for line in range(10)))
        yield Static("done", id="hint")
        yield Footer()


class BareHome(App[None]):
    """The home screen's widget count, the framework's floor for start-up and memory."""

    TITLE = "coachtui"
    BINDINGS = [
        Binding("f1", "noop('help')", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, rows: int, texts: int = 0) -> None:
        super().__init__()
        self.rows = rows
        self.texts = texts

    def on_mount(self) -> None:
        self.push_screen(BareHomeScreen(self.rows, self.texts))

    def action_noop(self, key: str) -> None:
        """Help exists so that the footer is the same; it does nothing here."""


class BareNotes(App[None]):
    """One TextArea configured like the live session's notes, holding the given text.

    ``size`` (columns, lines) makes it as big as the notes area it is compared with: drawing a key
    costs in proportion to the area repainted.
    """

    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, text: str, size: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.text = text
        self.notes_size = size

    def compose(self) -> ComposeResult:
        notes = TextArea(
            self.text, id="notes", soft_wrap=True, show_line_numbers=False, tab_behavior="indent"
        )
        if self.notes_size is not None:
            notes.styles.width, notes.styles.height = self.notes_size
        yield notes

    def on_mount(self) -> None:
        notes = self.query_one(TextArea)
        notes.focus()
        notes.move_cursor(notes.document.end)


class BareClock(App[None]):
    """One line of text, rewritten every second with the time since start."""

    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static("00:00:00", id="clock")

    def on_mount(self) -> None:
        self._started = monotonic()
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        seconds = int(monotonic() - self._started)
        self.query_one(Static).update(f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}")


def build(argv: Sequence[str]) -> App[None]:
    """The reference app named by ``argv``: ``home [ROWS]``, ``notes TEXT_FILE`` or ``clock``.

    Parsed by hand: argparse would add its import to the floor the apps stand for.
    """
    name, *rest = argv or ["home"]
    if name == "home":
        return BareHome(int(rest[0]) if rest else 100)
    if name == "notes":
        size = (int(rest[1]), int(rest[2])) if len(rest) >= 3 else None
        return BareNotes(Path(rest[0]).read_text(encoding="utf-8") if rest else "", size)
    if name == "clock":
        return BareClock()
    raise SystemExit(f"unknown reference app {name!r}: home [ROWS], notes TEXT_FILE or clock")


if __name__ == "__main__":
    build(sys.argv[1:]).run()
