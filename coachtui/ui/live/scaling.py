"""Provides the scaling dialog: a 0-10 rating the client gives, with what it rates and for which goal."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from coachtui.domain.models import Goal, RatingKind
from coachtui.ui.shared.form_dialog import FormDialog, FormKey
from coachtui.ui.shared.form_row import FormRow
from coachtui.ui.shared.form_select import FormSelect
from coachtui.ui.styles import style


@dataclass(frozen=True)
class RatingInput:
    kind: RatingKind
    value: int
    goal_id: str | None


class ScalingScreen(FormDialog[RatingInput]):
    """Type the number and Enter, from any field; the kind and the goal keep their last choice."""

    CSS_PATH = style("scaling")
    AUTO_FOCUS = "#rating-value"
    KEY_PREFIX = "scaling"
    SAVE = FormKey("save", "Record rating", "record")
    ENTER = "save"

    def __init__(self, goals: list[Goal], kind: RatingKind, goal_id: str | None) -> None:
        super().__init__()
        self._goals = goals
        self._kind = kind
        self._goal_id = goal_id

    def compose(self) -> ComposeResult:
        with Vertical(id="scaling-box"):
            yield Static("Scaling · on a scale of 0 to 10…", id="scaling-title")
            yield FormRow(
                "Rating 0-10",
                Input(placeholder="0-10", id="rating-value", compact=True, restrict=r"\d{0,2}", max_length=2),
            )
            kinds = [(kind.value, kind) for kind in RatingKind]
            yield FormRow(
                "Rates",
                FormSelect(kinds, value=self._kind, allow_blank=False, compact=True, id="rating-kind"),
            )
            goals = [(goal.title, goal.id) for goal in self._goals]
            known = {goal.id for goal in self._goals}
            yield FormRow(
                "Goal",
                FormSelect(
                    goals,
                    value=self._goal_id if self._goal_id in known else Select.NULL,
                    prompt="no particular goal",
                    compact=True,
                    id="rating-goal",
                ),
            )
            yield self.error_line()
            yield self.hint_line()

    def submit(self) -> RatingInput | None:
        raw = self.query_one("#rating-value", Input).value.strip()
        if not raw.isdigit() or not 0 <= int(raw) <= 10:
            self.show_error("A rating is a whole number from 0 to 10.")
            self.query_one("#rating-value", Input).focus()
            return None
        kind = self.query_one("#rating-kind", Select).value
        goal = self.query_one("#rating-goal", Select).value
        return RatingInput(
            kind=kind if isinstance(kind, RatingKind) else RatingKind.PROGRESS,
            value=int(raw),
            goal_id=goal if isinstance(goal, str) else None,
        )
