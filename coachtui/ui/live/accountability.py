"""Provides the accountability review that opens a session: one key per action due since last time."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from coachtui.domain.dates import format_due
from coachtui.domain.models import Action, ReviewOutcome
from coachtui.domain.notes import clean_text
from coachtui.ui.seam import CoachModal
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

OUTCOME_LABEL = {
    ReviewOutcome.DONE: "done",
    ReviewOutcome.PARTLY: "partly",
    ReviewOutcome.NOT_DONE: "not done",
    ReviewOutcome.CHANGED: "changed",
}

Reviewed = dict[str, tuple[ReviewOutcome, str]]
"""Per action id: the outcome and the client's learning."""


class AccountabilityScreen(CoachModal[Reviewed]):
    """d / p / n / c record the highlighted action's outcome; then type the learning (optional) and Enter."""

    CSS_PATH = style("accountability")
    AUTO_FOCUS = "#review-list"
    BINDINGS = [
        Binding("d", "outcome('done')", "Done", id="review.done"),
        Binding("p", "outcome('partly')", "Partly", id="review.partly"),
        Binding("n", "outcome('not_done')", "Not done", id="review.not_done"),
        Binding("c", "outcome('changed')", "Changed", id="review.changed"),
        Binding("s,escape", "finish", "Skip the rest", id="review.skip"),
    ]

    def __init__(self, actions: list[Action], today: date) -> None:
        super().__init__()
        self._actions = actions
        self._today = today
        self._reviewed: Reviewed = {}
        self._learning_for: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            count = len(self._actions)
            yield Static(
                f"Homework from earlier sessions · {count} action{'s' if count != 1 else ''} to review with the client",
                id="review-title",
            )
            yield OptionList(*[Option(self._line(a), id=a.id) for a in self._actions], id="review-list")
            yield Input(
                placeholder="the client's learning (optional) · enter to go on",
                id="review-learning",
                compact=True,
            )
            yield Static("", id="review-keys", classes="hint")

    def on_mount(self) -> None:
        keys = hint(
            self,
            *[(f"review.{outcome.value}", OUTCOME_LABEL[outcome]) for outcome in OUTCOME_LABEL],
            "[b]↑↓[/b] move",
            ("review.skip", "skip the rest"),
        )
        self.query_one("#review-keys", Static).update(keys)

    def _line(self, action: Action) -> Content:
        when = format_due(action.due, self._today) if action.due else ""
        due = f" · {when}" if when.startswith("overdue") else (f" · due {when}" if when else "")
        reviewed = self._reviewed.get(action.id)
        parts: list[str | tuple[str, str]] = [action.text, (due, "dim")]
        if reviewed:
            outcome, learning = reviewed
            parts.append((f"  ✓ {OUTCOME_LABEL[outcome]}", "bold $success"))
            if learning:
                parts.append((f" · “{learning}”", "italic"))
        return Content.assemble(*parts)

    def _highlighted(self) -> Action | None:
        index = self.query_one("#review-list", OptionList).highlighted
        return self._actions[index] if index is not None and index < len(self._actions) else None

    def _redraw(self, action: Action) -> None:
        options = self.query_one("#review-list", OptionList)
        options.replace_option_prompt(action.id, self._line(action))

    def action_outcome(self, outcome: str) -> None:
        action = self._highlighted()
        if action is None:
            return
        previous = self._reviewed.get(action.id, (ReviewOutcome.DONE, ""))[1]
        self._reviewed[action.id] = (ReviewOutcome(outcome), previous)
        self._redraw(action)
        self._learning_for = action.id
        learning = self.query_one("#review-learning", Input)
        learning.value = previous
        learning.placeholder = (
            f"what did the client learn? ({OUTCOME_LABEL[ReviewOutcome(outcome)]}) · enter to go on"
        )
        learning.focus()

    @on(Input.Submitted, "#review-learning")
    def _learning_done(self, event: Input.Submitted) -> None:
        action_id = self._learning_for
        if action_id is not None and action_id in self._reviewed:
            outcome, _ = self._reviewed[action_id]
            self._reviewed[action_id] = (outcome, clean_text(event.value).strip())
            self._redraw(next(a for a in self._actions if a.id == action_id))
        event.input.value = ""
        self._learning_for = None
        pending = [i for i, a in enumerate(self._actions) if a.id not in self._reviewed]
        if not pending:
            self.action_finish()
            return
        options = self.query_one("#review-list", OptionList)
        options.highlighted = pending[0]
        options.focus()

    def action_finish(self) -> None:
        # The learning being typed counts, even if Enter was not pressed.
        if self._learning_for is not None and self._learning_for in self._reviewed:
            outcome, _ = self._reviewed[self._learning_for]
            typed = clean_text(self.query_one("#review-learning", Input).value).strip()
            self._reviewed[self._learning_for] = (outcome, typed)
        self.dismiss(self._reviewed)
