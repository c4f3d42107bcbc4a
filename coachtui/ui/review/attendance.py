"""Provides AttendanceDialog: whether a session was held, late-cancelled or a no-show."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coachtui.domain.models.session import Attendance
from coachtui.ui.seam import CoachModal
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

LABELS = {
    Attendance.HELD: "held",
    Attendance.LATE_CANCELLED: "late-cancelled (not coaching time, even if paid)",
    Attendance.NO_SHOW: "no-show",
}


class AttendanceDialog(CoachModal[Attendance | None]):
    """Enter picks the highlighted attendance; escape leaves it as it was."""

    CSS_PATH = style("review_hours")
    AUTO_FOCUS = "#attendance-choices"
    BINDINGS = [
        Binding(
            "escape", "cancel", "Cancel", id="attendance.cancel", tooltip="Leave the attendance as it was"
        )
    ]

    def __init__(self, title: str, current: Attendance | None, *, held: bool = True) -> None:
        super().__init__()
        self._title = title
        self._current = current
        self._choices = [a for a in Attendance if held or a is not Attendance.HELD]

    def compose(self) -> ComposeResult:
        with Vertical(id="attendance-box"):
            yield Static(self._title, id="attendance-title")
            yield OptionList(*(Option(LABELS[a], id=a.value) for a in self._choices), id="attendance-choices")
            yield Static(hint(self, "[b]enter[/b] choose", ("attendance.cancel", "cancel")), classes="hint")

    def on_mount(self) -> None:
        if self._current in self._choices:
            self.query_one(OptionList).highlighted = self._choices.index(self._current)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Attendance(str(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)
