"""Provides the erasure of a client from the app: a dialog where the coach types the client's name.

A typed name, not a y/n key: erasure cannot be undone, and one stray key must never do it. It is
offered on the client list only, where no open screen shows the client's records afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from coachtui.domain.models import Client
from coachtui.domain.models.hours import AnonymousHours
from coachtui.store.errors import StoreError
from coachtui.store.hours import anonymous_row_of
from coachtui.ui.seam import coach_of
from coachtui.ui.shared.form_dialog import FormDialog, FormKey
from coachtui.ui.shared.tick_box import TickBox
from coachtui.ui.styles import style


@dataclass(frozen=True)
class Erasure:
    """The coach's confirmed erasure, and the anonymous hours row to keep (None: keep nothing)."""

    keep: AnonymousHours | None


class EraseClientDialog(FormDialog[Erasure]):
    """Enter erases once the client's name is typed exactly; escape cancels. When the client has
    coaching hours in the ICF log, a box keeps them there as an anonymous row (ICF may audit them)."""

    CSS_PATH = style("erase_client")
    AUTO_FOCUS = "#erase-name"
    KEY_PREFIX = "erase"
    SAVE = FormKey("erase", "Erase", "erase")
    ENTER = "save"

    def __init__(self, client: Client, hours: AnonymousHours | None) -> None:
        super().__init__()
        self.client = client
        self.hours = hours

    def compose(self) -> ComposeResult:
        with Vertical(id="erase-box"):
            yield Static(Content(f"Erase {self.client.name}?"), id="erase-title")
            yield Static(
                "Their records, notes, reflections and drafts, and their part of every backup, are "
                "removed for good. This cannot be undone. Type the client's name to confirm:",
                id="erase-detail",
            )
            yield Input(placeholder="the client's name, as written", id="erase-name")
            if self.hours is not None:
                total = self.hours.paid_hours + self.hours.pro_bono_hours
                yield TickBox(
                    f"Keep their {total:.2f} coaching hours in the ICF log, anonymous (dates and hours only)",
                    False,
                    id="erase-keep-hours",
                    compact=True,
                )
            yield self.error_line()
            yield self.hint_line()

    def submit(self) -> Erasure | None:
        if self.query_one("#erase-name", Input).value.strip() != self.client.name:
            self.show_error("That is not the client's name as written. Nothing was erased.")
            return None
        keep = self.hours is not None and self.query_one("#erase-keep-hours", TickBox).value
        return Erasure(keep=self.hours if keep else None)


def ask_to_erase(app: App[Any], client_id: str) -> None:
    """Open the dialog; on a confirmed name, erase the client and say what is left to delete by hand."""
    from coachtui.ui.home.home import HomeScreen  # the home screen imports this module

    coach = coach_of(app)
    if not isinstance(app.screen, HomeScreen):
        app.notify("Go back to the client list to erase a client.", severity="warning")
        return
    repository = coach.repository
    if repository.read_only:
        app.notify("This coachtui is read-only (--read-only): nothing can be erased.", severity="warning")
        return
    client = repository.get_client(client_id)
    hours = anonymous_row_of(repository, client_id, coach.today())

    def erase(confirmed: Erasure | None) -> None:
        if confirmed is None:
            return
        try:
            report = repository.erase_client(client_id, keep=confirmed.keep)
        except StoreError as error:
            app.notify(str(error), title="Not erased", severity="error", timeout=30, markup=False)
            return
        coach.refresh_home()
        lines = [f"{report.name} was erased from the data folder and its backups."]
        if report.kept_hours is not None:
            lines.append(f"Their {report.kept_hours:.2f} coaching hours stay in the ICF log, anonymous.")
        if report.exports:
            lines.append("coachtui wrote these files elsewhere with their records; delete them yourself:")
            lines += [f"  {path}" for path in report.exports]
        if report.leftovers:
            lines.append("These files still contain their name or id (another client's notes may):")
            lines += [f"  {path}" for path in report.leftovers]
        # markup=False: a name or a path with "[" is shown as written.
        app.notify("\n".join(lines), title="Client erased", timeout=60, markup=False)

    app.push_screen(EraseClientDialog(client, hours), erase)
