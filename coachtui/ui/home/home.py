"""Provides the home screen: the coach's clients, their progress, and what needs attention."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from coachtui.domain.models import ClientSummary
from coachtui.ui.home.client_card import ClientCard
from coachtui.ui.home.client_list import ClientList, ClientRow
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import key_label
from coachtui.ui.styles import style


class HomeScreen(CoachScreen[None]):
    """Clients with engagement progress, next check-in, open and overdue actions."""

    CSS_PATH = style("home")
    TITLE = "Clients"
    AUTO_FOCUS = "ClientList"
    BINDINGS = [
        Binding("n", "new_client", "New", id="home.new_client", tooltip="New client and their agreement"),
        Binding(
            "e", "edit_client", "Edit", id="home.edit_client", tooltip="Edit the client and their agreement"
        ),
        Binding("s,enter", "start_session", "Start", id="home.start_session", tooltip="Start a live session"),
        Binding("p", "open_plan", "Plan", id="home.open_plan", tooltip="Open the client's coaching plan"),
        Binding("o", "overview", "Review", id="home.overview", tooltip="Overview: prepare the next session"),
        Binding(
            "h", "history", "History", id="home.history", show=False, tooltip="The client's past sessions"
        ),
        Binding("r", "reflect", "Reflect", id="home.reflect", tooltip="Oldest session without a reflection"),
        Binding("c", "journal", "CPD", id="home.journal", tooltip="CPD journal: your reflections"),
        Binding(
            "a",
            "dashboard",
            "Actions",
            id="home.dashboard",
            show=False,
            tooltip="Accountability: every open action",
        ),
        Binding(
            "g",
            "progress",
            "Progress",
            id="home.progress",
            show=False,
            tooltip="The client's progress charts",
        ),
        Binding(
            "t", "practice", "Practice", id="home.practice", show=False, tooltip="The practice over 12 months"
        ),
        Binding(
            "E",
            "erase_client",
            "Erase",
            id="home.erase_client",
            show=False,
            tooltip="Erase the client and every trace of them (you type their name to confirm)",
        ),
        Binding("i", "hours", "ICF hours", id="home.hours", show=False, tooltip="The ICF coaching-hours log"),
        Binding("j,down", "cursor(1)", "Down", id="home.down", show=False),
        Binding("k,up", "cursor(-1)", "Up", id="home.up", show=False),
    ]

    def compose(self) -> ComposeResult:
        self._rows: dict[str, ClientRow] = {}
        yield Header()
        with Vertical(id="home-body"):
            yield Static("", id="home-empty")
            yield ClientList(id="clients")
            yield ClientCard(id="client-card")
            yield Static("", id="home-attention")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_mount(self) -> None:
        # The clients are drawn by on_screen_resume, which also runs when the screen is first shown.
        # A session left open by a crash or a closed terminal is offered first.
        for draft in self.coach.repository.list_drafts():
            self.coach.offer_resume(draft)
        # A draft that could not be read was set aside (kept under a new name): say which.
        for notice in self.coach.repository.take_draft_notices():
            self.notify(notice, title="A draft could not be used", severity="warning", timeout=30)

    def on_screen_resume(self) -> None:
        self.refresh_clients()

    def refresh_clients(self) -> None:
        repo = self.coach.repository
        today = self.coach.today()
        summaries = repo.summaries()
        clients = repo.list_clients()
        rows = [ClientRow(c, summaries.get(c.id) or ClientSummary(client_id=c.id)) for c in clients]
        self._rows = {row.client.id: row for row in rows}
        table = self.query_one(ClientList)
        table.show(rows, today)
        self._show_card()
        empty = self.query_one("#home-empty", Static)
        empty.display = not rows
        table.display = bool(rows)
        self.query_one(ClientCard).display = bool(rows)
        new = key_label(self, "home.new_client")
        empty.update(
            f"No clients yet.\n\nPress [b]{new}[/b] to add your first client and their coaching agreement,"
            " or run [b]coachtui demo[/b] to look around a sample practice."
        )
        self.query_one("#home-attention", Static).update(self._attention(rows))
        self.sub_title = f"{len(rows)} client{'s' if len(rows) != 1 else ''}"

    def _attention(self, rows: list[ClientRow]) -> str:
        today = self.coach.today()
        lines: list[str] = []
        overdue = [(r.client.name, r.summary.overdue_actions(today)) for r in rows]
        overdue = [(name, n) for name, n in overdue if n]
        if overdue:
            lines.append("Overdue actions: " + ", ".join(f"{name} ({n})" for name, n in overdue))
        pending = [(r.client.name, len(r.summary.sessions_without_reflection)) for r in rows]
        pending = [(name, n) for name, n in pending if n]
        if pending:
            lines.append("Needs reflection: " + ", ".join(f"{name} ({n})" for name, n in pending))
        return "\n".join(lines)

    @property
    def selected_client_id(self) -> str | None:
        return self.query_one(ClientList).selected_client_id

    def action_cursor(self, step: int) -> None:
        table = self.query_one(ClientList)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_new_client(self) -> None:
        self.coach.new_client()

    def _selected(self) -> str | None:
        client_id = self.selected_client_id
        if client_id is None:
            self.notify("No client selected. Press n to add one.", severity="warning")
        return client_id

    @on(ClientList.RowHighlighted)
    def _show_card(self) -> None:
        row = self._rows.get(self.selected_client_id or "")
        self.query_one(ClientCard).show(
            row.client if row else None, row.summary if row else None, self.coach.today()
        )

    def action_edit_client(self) -> None:
        if client_id := self._selected():
            self.coach.edit_client(client_id)

    def action_erase_client(self) -> None:
        if client_id := self._selected():
            from coachtui.ui.home.erase_client import ask_to_erase  # its dialog: not for the first frame

            ask_to_erase(self.app, client_id)

    def action_open_plan(self) -> None:
        if client_id := self._selected():
            self.coach.open_plan(client_id)

    def action_overview(self) -> None:
        if client_id := self._selected():
            self.coach.open_overview(client_id)

    def action_progress(self) -> None:
        if client_id := self._selected():
            self.coach.open_progress(client_id)

    def action_practice(self) -> None:
        self.coach.open_practice()

    def action_hours(self) -> None:
        self.coach.open_hours()

    def action_history(self) -> None:
        if client_id := self._selected():
            self.coach.open_history(client_id)

    def action_start_session(self) -> None:
        if client_id := self._selected():
            self.coach.start_session(client_id)

    def action_reflect(self) -> None:
        if (client_id := self._selected()) is None:
            return
        pending = self.coach.repository.summary(client_id).sessions_without_reflection
        if not pending:
            name = self.coach.repository.get_client(client_id).name
            self.notify(f"Every session with {name} has its reflection. Press c for the CPD journal.")
            return
        # The summary lists sessions in the order they were held: the first is the oldest.
        self.coach.open_reflection(client_id, pending[0])

    def action_journal(self) -> None:
        self.coach.open_journal()

    def action_dashboard(self) -> None:
        self.coach.open_dashboard()
