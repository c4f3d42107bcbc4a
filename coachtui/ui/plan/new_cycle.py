"""Provides NewCycleScreen: wrap up an engagement cycle and set the future goals of the next one.

Each active goal is closed with how it ended (achieved, partly, not achieved, dropped) and what came
of it, decided with the client. Nothing is inferred from the actions. The plan editor records the
closures and the new cycle; earlier goals and their history stay in the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Select, Static

from coachtui.domain.models import Goal, GoalStatus
from coachtui.domain.notes import clean_text
from coachtui.domain.plan_edits import CLOSING_STATUSES
from coachtui.ui.plan.plan_item_form import MAX_TEXT
from coachtui.ui.shared.form_dialog import FormDialog, FormKey
from coachtui.ui.shared.form_select import FormSelect
from coachtui.ui.styles import style

FUTURE_SLOTS = 3


@dataclass(frozen=True)
class CycleOutcome:
    """How each goal ended (status, outcome text) by goal id, and the titles of the future goals."""

    closures: dict[str, tuple[GoalStatus, str]]
    future: list[str]


class NewCycleScreen(FormDialog[CycleOutcome]):
    """ctrl+s closes the goals and starts the next cycle; escape leaves everything as it was."""

    CSS_PATH = style("new_cycle")
    KEY_PREFIX = "cycle"
    SAVE = FormKey("save", "Start the new cycle", "start the new cycle")
    ENTER = "next"

    def __init__(self, cycle: int, goals: Sequence[Goal]) -> None:
        super().__init__()
        self._cycle = cycle
        self._goals = list(goals)

    def compose(self) -> ComposeResult:
        options = [(status.value.replace("_", " "), status) for status in CLOSING_STATUSES]
        with Vertical(id="cycle-box"):
            yield Static(f"Wrap up cycle {self._cycle} and start cycle {self._cycle + 1}", id="cycle-title")
            with VerticalScroll(id="cycle-fields"):
                if self._goals:
                    yield Static("How did each goal end? Decide it with the client.", classes="cycle-section")
                else:
                    yield Static("No active goals to close.", classes="cycle-section")
                for goal in self._goals:
                    yield Static(Content(goal.title), classes="cycle-goal")
                    with Horizontal(classes="cycle-row"):
                        yield FormSelect(options, prompt="ended how?", compact=True, id=f"status-{goal.id}")
                        yield Input(
                            placeholder="what came of it",
                            max_length=MAX_TEXT,
                            compact=True,
                            id=f"outcome-{goal.id}",
                        )
                yield Static("Future goals for the next cycle (optional)", classes="cycle-section")
                for slot in range(FUTURE_SLOTS):
                    yield Input(
                        placeholder="a future goal, in the client's words",
                        max_length=MAX_TEXT,
                        compact=True,
                        id=f"future-{slot}",
                    )
            yield self.error_line()
            yield self.hint_line()

    def on_mount(self) -> None:
        first = f"#status-{self._goals[0].id}" if self._goals else "#future-0"
        self.query_one(first).focus()

    def _text(self, widget_id: str) -> str:
        return clean_text(self.query_one(f"#{widget_id}", Input).value).replace("\n", " ").strip()

    def submit(self) -> CycleOutcome | None:
        closures: dict[str, tuple[GoalStatus, str]] = {}
        missing = []
        for goal in self._goals:
            value = self.query_one(f"#status-{goal.id}", Select).value
            if isinstance(value, GoalStatus):
                closures[goal.id] = (value, self._text(f"outcome-{goal.id}"))
            else:
                missing.append(goal)
        if missing:
            self.show_error(f"Say how each goal ended first: {missing[0].title!r} has no status yet.")
            self.query_one(f"#status-{missing[0].id}", Select).focus()
            return None
        future = [text for slot in range(FUTURE_SLOTS) if (text := self._text(f"future-{slot}"))]
        return CycleOutcome(closures, future)
