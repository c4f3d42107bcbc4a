"""Provides ClientList: the home screen's table of clients with their engagement progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from coachtui.domain.models import Client, ClientStatus, ClientSummary


@dataclass(frozen=True)
class ClientRow:
    """What one row shows: a client and the figures kept about their file."""

    client: Client
    summary: ClientSummary


def _short_date(value: date | None, today: date) -> str:
    if value is None:
        return "—"
    if value == today:
        return "today"
    if value.year == today.year:
        return value.strftime("%d %b")
    return value.strftime("%d %b %Y")


class ClientList(DataTable[str | Text]):
    """One row per client; the row key is the client id."""

    COLUMNS = ("Client", "Status", "Progress", "Last session", "Check-in", "Open", "Overdue")

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label in self.COLUMNS:
            self.add_column(label, key=label)

    def show(self, rows: list[ClientRow], today: date) -> None:
        """Replace the rows, keeping the cursor on the same client where possible."""
        selected = self.selected_client_id
        self.clear()
        for row in rows:
            client, summary = row.client, row.summary
            planned = client.agreement.sessions_planned
            held = summary.sessions_held
            progress = f"{held} of {planned}" if held <= planned else f"{held} ({planned} planned)"
            overdue = summary.overdue_actions(today)
            last = summary.last_session_at.date() if summary.last_session_at else None
            checkin = (
                _short_date(summary.next_checkin, today)
                if summary.next_checkin
                else (f"session {summary.next_checkin_session}" if summary.next_checkin_session else "—")
            )
            self.add_row(
                Text(client.name, style="bold" if client.status == ClientStatus.ACTIVE else "dim"),
                client.status.value,
                progress,
                _short_date(last, today),
                checkin,
                str(summary.open_actions()),
                Text(str(overdue), style="bold red" if overdue else "dim"),
                key=client.id,
            )
        if selected is not None:
            self.select_client(selected)

    @property
    def selected_client_id(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def select_client(self, client_id: str) -> None:
        try:
            index = self.get_row_index(client_id)
        except Exception:
            return
        self.move_cursor(row=index)
