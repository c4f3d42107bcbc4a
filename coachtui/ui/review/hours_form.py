"""Provides HoursSettingsDialog: the coach's training start and prior hours per year, for the hours log."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from coachtui.domain.dates import DateParseError, parse_date
from coachtui.domain.models.hours import HoursSettings
from coachtui.domain.prior_hours import EXAMPLE, format_prior_years, parse_prior_years
from coachtui.ui.shared.form_dialog import FormDialog
from coachtui.ui.shared.form_field import FormField
from coachtui.ui.styles import style


class HoursSettingsDialog(FormDialog[HoursSettings]):
    """Enter moves on and saves from the last field; the screen stores what it returns."""

    CSS_PATH = style("review_hours")
    AUTO_FOCUS = "#training-started"
    KEY_PREFIX = "hours_form"
    ENTER = "next"

    def __init__(self, settings: HoursSettings, today: date) -> None:
        super().__init__()
        self._settings = settings
        self._today = today

    def compose(self) -> ComposeResult:
        started = self._settings.training_started
        with Vertical(id="hours-form-box"):
            yield Static("The hours log: training start and hours before coachtui", id="hours-form-title")
            yield FormField(
                "Coach training started (hours from this day count; empty: all)",
                Input(
                    started.isoformat() if started else "", placeholder="2024-09-01", id="training-started"
                ),
            )
            yield FormField(
                "Prior hours per year, from before coachtui",
                Input(format_prior_years(self._settings.prior_years), placeholder=EXAMPLE, id="prior-years"),
            )
            yield self.error_line()
            yield self.hint_line()

    def submit(self) -> HoursSettings | None:
        started_text = self.query_one("#training-started", Input).value.strip()
        started = None
        if started_text:
            try:
                started = parse_date(started_text, self._today)
            except DateParseError as error:
                return self._refuse("#training-started", str(error))
            if started > self._today:
                return self._refuse("#training-started", f"{started:%d %b %Y} is after today.")
        try:
            prior = parse_prior_years(self.query_one("#prior-years", Input).value)
        except ValueError as error:
            return self._refuse("#prior-years", str(error))
        return HoursSettings(training_started=started, prior_years=prior)

    def _refuse(self, field: str, message: str) -> HoursSettings | None:
        """Say what is wrong and go to the field; None tells the form not to close."""
        self.show_error(message)
        self.query_one(field, Input).focus()
        return None
