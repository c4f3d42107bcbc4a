"""Provides the commitment builder: a compact form for an action as the client states it."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from coachtui.domain.dates import DateParseError, format_due, parse_date
from coachtui.domain.models import Action, Goal
from coachtui.domain.notes import clean_text
from coachtui.domain.smart import action_gaps
from coachtui.ui.shared.form_dialog import FormDialog, FormKey
from coachtui.ui.shared.form_row import FormRow
from coachtui.ui.shared.form_select import FormSelect
from coachtui.ui.styles import style

# (field, label, placeholder): the Action fields of ICF competency 8, in the order a coach asks them.
TEXT_FIELDS = [
    ("text", "Action *", "in the client's own words"),
    ("due", "By when", "fri, +3d, next week, 2026-12-01"),
    ("measure", "Done when", "how will you know it is done?"),
    ("expected", "Result/learning", "what should it bring you?"),
    ("support", "Support", "who or what will help?"),
    ("barriers", "Barriers", "what might get in the way?"),
    ("backup", "Backup plan", "and if that happens?"),
    ("accountability", "Accountability", "check-in, log, buddy, reminder..."),
    ("commitment", "Commitment 0-10", "how committed are you?"),
]


class ActionBuilderScreen(FormDialog[Action]):
    """Enter moves to the next field (the goal too) and saves on the last; ctrl+s saves; escape leaves."""

    CSS_PATH = style("action_builder")
    AUTO_FOCUS = "#text"
    KEY_PREFIX = "builder"
    SAVE = FormKey("save", "Save action", "save")
    ENTER = "next"
    DISCARD = ("Discard this action?", "Press n to keep editing, {save} to save it.")

    def __init__(
        self, client_id: str, session_id: str, goals: list[Goal], today: date, action: Action | None = None
    ) -> None:
        super().__init__()
        self._client_id = client_id
        self._session_id = session_id
        self._goals = goals
        self._today = today
        self._original = action

    def compose(self) -> ComposeResult:
        action = self._original
        with Vertical(id="builder-box"):
            yield Static(
                "Edit action" if action else "New action · in the client's words", id="builder-title"
            )
            with VerticalScroll(id="builder-fields"):
                for field, label, placeholder in TEXT_FIELDS:
                    value = self._initial(field)
                    yield FormRow(label, Input(value, placeholder=placeholder, id=field, compact=True))
                    if field == "due":
                        options = [(goal.title, goal.id) for goal in self._goals]
                        goal = FormSelect(
                            options, value=self._initial_goal(), prompt="no goal", compact=True, id="goal"
                        )
                        yield FormRow("Goal", goal)
            yield self.error_line()
            yield Static("", id="builder-hints")
            yield self.hint_line()

    def _initial_goal(self) -> str | object:
        if self._original is not None:
            return self._original.goal_id or Select.NULL
        # With one active goal, the action is almost always for it; the coach can still clear it.
        return self._goals[0].id if len(self._goals) == 1 else Select.NULL

    def _initial(self, field: str) -> str:
        if self._original is None:
            return ""
        value = getattr(self._original, field)
        if value is None:
            return ""
        return value.isoformat() if isinstance(value, date) else str(value)

    def on_mount(self) -> None:
        self._refresh_hints()

    # --- reading ------------------------------------------------------------------------------

    def _value(self, field: str) -> str:
        return clean_text(self.query_one(f"#{field}", Input).value).strip()

    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        errors: dict[str, str] = {}
        values: dict[str, Any] = {f: self._value(f) for f, _, _ in TEXT_FIELDS}
        if not values["text"]:
            errors["text"] = "Write the action in the client's words."
        due_text = values.pop("due")
        values["due"] = None
        if due_text:
            try:
                values["due"] = parse_date(due_text, self._today)
            except DateParseError as error:
                errors["due"] = str(error)
        commitment = values.pop("commitment")
        values["commitment"] = None
        if commitment:
            if commitment.isdigit() and 0 <= int(commitment) <= 10:
                values["commitment"] = int(commitment)
            else:
                errors["commitment"] = "Commitment is a whole number from 0 to 10."
        goal = self.query_one("#goal", Select).value
        values["goal_id"] = goal if isinstance(goal, str) else None
        return values, errors

    def _draft_action(self, values: dict[str, Any]) -> Action | None:
        base = self._original or Action(client_id=self._client_id, text="-", session_id=self._session_id)
        try:
            return Action.model_validate({**base.model_dump(), **values, "text": values["text"] or "-"})
        except ValidationError:
            return None

    def _relative(self, when: date) -> str:
        short = format_due(when, self._today)
        return short if short[:1].islower() else f"in {(when - self._today).days} days"

    @on(Input.Changed)
    @on(Select.Changed)
    def _refresh_hints(self) -> None:
        values, errors = self._read()
        due = values["due"]
        when = f"Due: {format_due(due, self._today)} ({due:%a %d %b %Y})" if due else ""
        self.show_error(errors.get("due"), otherwise=when)
        draft = self._draft_action(values)
        gaps = action_gaps(draft) if draft and values["text"] else []
        hints = self.query_one("#builder-hints", Static)
        hints.update("SMART: " + " · ".join(gaps) if gaps else "")
        for row in self.query(FormRow):
            row.set_invalid(False)

    # --- the form's answer -------------------------------------------------------------------

    def submit(self) -> Action | None:
        values, errors = self._read()
        for row in self.query(FormRow):
            row.set_invalid((row.field.id or "") in errors)
        if errors:
            first = next(iter(errors))
            self.query_one(f"#{first}", Input).focus()
            self.show_error(errors[first])
            return None
        action = self._draft_action(values)
        if action is None:
            self.show_error("This action can't be saved as written; check the fields in red.")
        return action

    def changed(self) -> bool:
        return any(self._value(f) != self._initial(f) for f, _, _ in TEXT_FIELDS)
