"""Provides the start-session dialog: framework, planned length and the session's own goal."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from coachtui.domain.frameworks import all_frameworks
from coachtui.domain.notes import clean_text
from coachtui.ui.shared.form_dialog import FormDialog, FormKey
from coachtui.ui.shared.form_row import FormRow
from coachtui.ui.shared.form_select import FormSelect
from coachtui.ui.styles import style


@dataclass(frozen=True)
class SessionSetup:
    framework: str
    planned_minutes: int
    goal: str


class StartSessionScreen(FormDialog[SessionSetup]):
    """Enter moves on and starts from the last field; ctrl+s starts at once."""

    CSS_PATH = style("start_session")
    AUTO_FOCUS = "#session-goal"
    KEY_PREFIX = "start"
    SAVE = FormKey("start", "Start session", "start")
    ENTER = "next"

    def __init__(self, heading: str, framework: str, planned_minutes: int) -> None:
        super().__init__()
        self._heading = heading
        self._framework = framework
        self._minutes = planned_minutes

    def compose(self) -> ComposeResult:
        with Vertical(id="start-box"):
            yield Static(self._heading, id="start-title")
            yield FormRow(
                "Session goal",
                Input(
                    placeholder="optional: what the client wants from today", id="session-goal", compact=True
                ),
            )
            options = [(f"{f.name} · {' → '.join(s.name for s in f.stages)}", f.id) for f in all_frameworks()]
            yield FormRow(
                "Model",
                FormSelect(options, value=self._framework, allow_blank=False, compact=True, id="framework"),
            )
            yield FormRow(
                "Minutes", Input(str(self._minutes), id="minutes", compact=True, restrict=r"\d{0,3}")
            )
            yield self.error_line()
            yield self.hint_line()

    def submit(self) -> SessionSetup | None:
        minutes = self.query_one("#minutes", Input)
        raw = minutes.value.strip()
        if not raw.isdigit() or not 5 <= int(raw) <= 480:
            self.show_error("Planned length is a number of minutes from 5 to 480.")
            minutes.focus()
            return None
        framework = self.query_one("#framework", Select).value
        return SessionSetup(
            framework=framework if isinstance(framework, str) else "grow",
            planned_minutes=int(raw),
            goal=clean_text(self.query_one("#session-goal", Input).value).strip(),
        )
