"""Provides the accountability dashboard: every open action of every client, overdue first, by week.

d / p / n / c record an outcome between sessions on the highlighted action, as the live review does.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from coachtui.domain.accountability import review_action
from coachtui.domain.dashboard import DashboardRow, dashboard_rows, grouped
from coachtui.domain.models import Action, Client, Goal, ReviewOutcome
from coachtui.store.errors import StoreError
from coachtui.ui.seam import CoachModal, CoachScreen
from coachtui.ui.shared.key_hints import hint

OUTCOME_WORDS = {
    ReviewOutcome.DONE: "done",
    ReviewOutcome.PARTLY: "partly",
    ReviewOutcome.NOT_DONE: "not done",
    ReviewOutcome.CHANGED: "changed",
}


class LearningDialog(CoachModal[str | None]):
    """One line: what the client learned (optional); Enter records, Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dashboard.learning_cancel", tooltip="Record nothing")
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="learning-dialog"):
            yield Label(self._title)
            yield Input(placeholder="What did the client learn? (optional, Enter to record)", id="learning")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class AccountabilityDashboardScreen(CoachScreen[None]):
    """Every open action of every client, grouped Overdue / This week / Next week / Later / No date."""

    TITLE = "Accountability"
    AUTO_FOCUS = "#dashboard-table"
    DEFAULT_CSS = "#learning-dialog { width: 70; height: auto; border: round $accent; padding: 0 1; }"
    BINDINGS = [
        Binding("escape", "back", "Back", id="dashboard.back", tooltip="Back"),
        Binding("d", "record('done')", "Done", id="dashboard.done", tooltip="The client did it"),
        Binding("p", "record('partly')", "Partly", id="dashboard.partly", tooltip="Partly done"),
        Binding("n", "record('not_done')", "Not done", id="dashboard.not_done", tooltip="Not done"),
        Binding("c", "record('changed')", "Changed", id="dashboard.changed", tooltip="The client changed it"),
        Binding(
            "f",
            "filter_client",
            "Client",
            id="dashboard.client",
            show=False,
            tooltip="Only this client's actions",
        ),
        Binding(
            "o",
            "filter_overdue",
            "Overdue",
            id="dashboard.overdue",
            show=False,
            tooltip="Only overdue actions",
        ),
        Binding("x", "clear_filters", "All", id="dashboard.clear", show=False, tooltip="Clear the filters"),
    ]

    def __init__(self, client_id: str | None = None, action_id: str | None = None) -> None:
        """Every client's open actions; with ``client_id`` that client's only, the cursor on ``action_id``."""
        super().__init__()
        self._clients: list[Client] = []
        self._actions: dict[str, list[Action]] = {}
        self._goals: dict[str, list[Goal]] = {}
        self._rows: dict[str, DashboardRow] = {}
        self.client_filter: str | None = client_id
        self._start_on = action_id
        self.overdue_only = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dashboard-filters")
        yield DataTable(id="dashboard-table", cursor_type="row", zebra_stripes=False)
        yield Static(
            hint(
                self,
                ("dashboard.client", "this client"),
                ("dashboard.overdue", "overdue"),
                ("dashboard.clear", "all"),
            ),
            id="dashboard-hint",
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        repository = self.coach.repository
        try:
            self._clients = repository.list_clients()
            for client in self._clients:
                self._actions[client.id] = repository.list_actions(client.id)
                self._goals[client.id] = repository.list_goals(client.id)
        except StoreError as error:
            self.notify(str(error), title="Practice not read", severity="error", timeout=15)
        table = self.query_one(DataTable)
        table.add_columns("Due", "Client", "Action", "Goal", "Method", "Com")
        self._fill()
        if self._start_on in self._rows:  # opened from the palette on one action
            table.move_cursor(row=table.get_row_index(self._start_on))

    def _fill(self) -> None:
        table: DataTable[str | Text] = self.query_one(DataTable)
        table.clear()
        self._rows.clear()
        rows = dashboard_rows(
            self._clients,
            self._actions,
            self._goals,
            self.coach.today(),
            client_id=self.client_filter,
            overdue_only=self.overdue_only,
        )
        for name, group in grouped(rows):
            table.add_row(Text(name, style="bold"), "", "", "", "", "", key=f"group:{name}")
            for row in group:
                due = f"{row.action.due:%d %b}" if row.action.due else "—"
                commitment = "" if row.commitment is None else str(row.commitment)
                text = row.action.text if len(row.action.text) <= 26 else row.action.text[:25] + "…"
                goal = row.goal_title if len(row.goal_title) <= 12 else row.goal_title[:11] + "…"
                cells: list[str | Text] = [due, row.client_name, text, goal]
                table.add_row(*cells, row.method[:12], Text(commitment, justify="right"), key=row.action.id)
                self._rows[row.action.id] = row
        if not rows:
            table.add_row(Text("No open actions", style="dim"), "", "", "", "", "", key="group:none")
        parts = []
        if self.client_filter is not None:
            parts.append(next((c.name for c in self._clients if c.id == self.client_filter), "?"))
        if self.overdue_only:
            parts.append("overdue only")
        self.query_one("#dashboard-filters", Static).update(
            "Filter: " + ", ".join(parts) if parts else "All open actions"
        )

    def highlighted(self) -> DashboardRow | None:
        table: DataTable[str | Text] = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._rows.get(key or "")

    def action_record(self, outcome_value: str) -> None:
        row = self.highlighted()
        if row is None:
            self.notify("Highlight an action first", severity="warning")
            return
        outcome = ReviewOutcome(outcome_value)

        def recorded(learning: str | None) -> None:
            if learning is not None:
                self._record(row, outcome, learning)

        self.app.push_screen(LearningDialog(f"{row.action.text}: {OUTCOME_WORDS[outcome]}"), recorded)

    def _record(self, row: DashboardRow, outcome: ReviewOutcome, learning: str) -> None:
        # Between sessions the review belongs to no session: ActionReview.session_id is optional.
        _, updated = review_action(
            row.action,
            outcome,
            learning,
            session_id=None,
            at=self.coach.clock(),
        )
        try:
            self.coach.repository.save_action(updated)
        except StoreError as error:
            self.notify(str(error), title="Outcome not saved", severity="error", timeout=15)
            return
        client_actions = self._actions[row.action.client_id]
        self._actions[row.action.client_id] = [updated if a.id == updated.id else a for a in client_actions]
        self.notify(f"{row.client_name}: {row.action.text} — {OUTCOME_WORDS[outcome]}")
        self._fill()
        self.coach.refresh_home()

    def action_filter_client(self) -> None:
        row = self.highlighted()
        if row is not None:
            self.client_filter = row.action.client_id
            self._fill()

    def action_filter_overdue(self) -> None:
        self.overdue_only = not self.overdue_only
        self._fill()

    def action_clear_filters(self) -> None:
        self.client_filter = None
        self.overdue_only = False
        self._fill()

    def action_back(self) -> None:
        self.app.pop_screen()
