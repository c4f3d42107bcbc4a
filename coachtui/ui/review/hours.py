"""Provides the ICF coaching-hours log: one row per relationship, the totals, ACC / PCC / MCC progress."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from coachtui.domain.hours import HoursLog, format_hours
from coachtui.domain.models.hours import HoursSettings
from coachtui.export.hours_csv import hours_csv
from coachtui.store.errors import StoreError
from coachtui.store.exports import export_folder, write_export
from coachtui.store.hours import read_hours_log
from coachtui.ui.review.hours_form import HoursSettingsDialog
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

COLUMNS = ["Client", "Format", "Start", "End", "Paid", "Pro bono", "Contact"]
"""The contact last: at 80 columns every figure stays in view and a long address runs off the edge."""


class HoursLogScreen(CoachScreen[None]):
    """The log computed from the sessions themselves; the coach only sets the training start and prior years."""

    CSS_PATH = style("review_hours")
    TITLE = "ICF hours log"
    AUTO_FOCUS = "#hours-table"
    BINDINGS = [
        Binding("escape", "back", "Back", id="hours.back", tooltip="Back to where you were"),
        Binding(
            "e", "edit", "Training start", id="hours.edit", tooltip="Edit the training start and prior hours"
        ),
        Binding("w", "write_csv", "Write CSV", id="hours.write_csv", tooltip="Write the log as a CSV file"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._log: HoursLog | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="hours-summary")
        yield DataTable(id="hours-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="hours-credentials")
        yield Static("", id="hours-hint", classes="hint")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_mount(self) -> None:
        self.load()
        self.query_one("#hours-hint", Static).update(
            hint(
                self,
                ("hours.edit", "training start, prior hours"),
                ("hours.write_csv", "write CSV"),
                ("hours.back", "back"),
            )
        )

    def load(self) -> None:
        try:
            log = read_hours_log(self.coach.repository, self.coach.today())
        except StoreError as error:
            self.notify(str(error), title="Hours log not read", severity="error", timeout=15)
            self.dismiss(None)
            return
        self._log = log
        self.sub_title = f"{format_hours(log.hours)} h · {log.clients} clients"
        self.query_one("#hours-summary", Static).update(self._summary(log))
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label in COLUMNS:
            table.add_column(label, key=label)
        for row in log.rows:
            table.add_row(
                row.client,
                row.kind if row.group_size == 1 else f"group of {row.group_size}",
                f"{row.start:%d %b %y}",
                f"{row.end:%d %b %y}",
                Text(format_hours(row.paid_hours), justify="right"),
                Text(format_hours(row.pro_bono_hours), justify="right"),
                row.contact or Text("—", style="dim"),
            )
        self.query_one("#hours-credentials", Static).update(self._credentials(log))

    @staticmethod
    def _summary(log: HoursLog) -> Text:
        text = Text()
        text.append("Total ", style="bold")
        text.append(f"{format_hours(log.hours)} h ({format_hours(log.paid_hours)} paid, ")
        text.append(f"{format_hours(log.pro_bono_hours)} pro bono) · {log.clients} clients · ")
        text.append(f"{format_hours(log.recent_hours)} h in the last 18 months\n")
        counted = f"from {log.counted_from:%d %b %Y}" if log.counted_from else "all (no training start set)"
        text.append(f"Counted: held sessions {counted}, by actual length", style="dim")
        if log.prior_years:
            years = ", ".join(f"{p.year} {format_hours(p.hours)} h" for p in log.prior_years)
            text.append(f"; before coachtui: {years}", style="dim")
        return text

    @staticmethod
    def _credentials(log: HoursLog) -> Table:
        table = Table(box=None, padding=(0, 1), show_edge=False, expand=False)
        table.add_column("")
        for credential in log.credentials:
            verdict = "met" if credential.met else "not yet"
            table.add_column(f"{credential.name} ({verdict})", justify="right")
        whats = [line.what for line in log.credentials[0].lines]
        for index, what in enumerate(whats):
            cells: list[Text] = []
            for credential in log.credentials:
                if index >= len(credential.lines):
                    cells.append(Text("—", style="dim"))
                    continue
                line = credential.lines[index]
                # No thousands separator and no spaces: three credentials side by side fit 80 columns.
                have = f"{line.have:.0f}" if line.what == "clients" else format_hours(line.have)
                mark = ("met", "green") if line.met else ("not yet", "dim")
                cells.append(Text.assemble(f"{have}/{line.need:.0f} ", mark))
            table.add_row(what.replace("hours in the last", "last"), *cells)
        return table

    def action_edit(self) -> None:
        repo = self.coach.repository
        try:
            settings = repo.hours_settings()
        except StoreError as error:
            self.notify(str(error), title="Settings not read", severity="error", timeout=15)
            return
        self.app.push_screen(HoursSettingsDialog(settings, self.coach.today()), self._save_settings)

    def _save_settings(self, settings: HoursSettings | None) -> None:
        if settings is None:
            return
        try:
            self.coach.repository.save_hours_settings(settings)
        except StoreError as error:
            self.notify(str(error), title="Settings not saved", severity="error", timeout=15)
            return
        self.load()
        self.notify("Saved: the log counts from the new settings.", timeout=4)

    def action_write_csv(self) -> None:
        if self._log is None:
            return
        repo = self.coach.repository
        path = export_folder() / f"icf-hours-{self.coach.today():%Y-%m-%d}.csv"
        try:
            written = write_export(path, hours_csv(self._log))
            if not repo.read_only:
                # It names the clients who consented to be named: listed for the coach if one is erased.
                named = [c.id for c in repo.list_clients() if c.consent_named_in_log]
                repo.record_export(written, named)
        except StoreError as error:
            self.notify(str(error), title="CSV not written", severity="error", timeout=15)
            return
        self.notify(f"Written to {written}", title="Hours log", timeout=10)

    def action_back(self) -> None:
        self.dismiss(None)
