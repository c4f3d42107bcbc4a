"""Provides ReasonPrompt: why a goal or a due date changed, and whether the client decided it.

The change is already made and saved when the prompt opens; the answer only completes its
revision record. Escape skips: the revision then says no reason was given and does not claim
the client decided it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Static

from coachtui.domain.notes import clean_text
from coachtui.ui.plan.plan_item_form import MAX_TEXT
from coachtui.ui.shared.form_dialog import FormDialog, FormKey
from coachtui.ui.shared.tick_box import TickBox
from coachtui.ui.styles import style


@dataclass(frozen=True)
class ReasonAnswer:
    reason: str
    client_decided: bool


class ReasonPrompt(FormDialog[ReasonAnswer]):
    """Enter records the reason; ctrl+t toggles "the client decided"; escape skips."""

    CSS_PATH = style("reason_prompt")
    AUTO_FOCUS = "#reason"
    KEY_PREFIX = "reason"
    SAVE = FormKey("record", "Record", "record")
    CANCEL = FormKey("skip", "Skip", "skip")
    ENTER = "save"
    BINDINGS = [Binding("ctrl+t", "toggle_decided", "Client decided?", id="reason.client_decided")]
    MORE_KEYS = (("reason.client_decided", "client decided yes/no"),)

    def __init__(self, summary: str, changes: list[str]) -> None:
        super().__init__()
        self._summary = summary
        self._changes = changes

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-box"):
            yield Static("Why this change?", id="reason-title")
            shown = self._changes[:4] + (
                [f"… and {len(self._changes) - 4} more"] if len(self._changes) > 4 else []
            )
            yield Static(
                Content("\n".join([self._summary, *(f"  {line}" for line in shown)])), id="reason-summary"
            )
            yield Input(
                placeholder="the reason, e.g. the client chose a later date", max_length=MAX_TEXT, id="reason"
            )
            yield TickBox("The client decided this change", True, id="decided", compact=True)
            yield self.hint_line()

    def action_toggle_decided(self) -> None:
        box = self.query_one("#decided", Checkbox)
        box.value = not box.value

    def submit(self) -> ReasonAnswer:
        reason = clean_text(self.query_one("#reason", Input).value).replace("\n", " ").strip()
        return ReasonAnswer(reason, self.query_one("#decided", Checkbox).value)
