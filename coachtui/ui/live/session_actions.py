"""Provides SessionActions: the actions agreed in this session, to look over, edit or remove."""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coachtui.domain.dates import format_due
from coachtui.domain.models import Action


class SessionActions(OptionList):
    """One line per action: its words and due date. e edits, d removes, escape goes back to the notes."""

    BINDINGS = [
        Binding("e,enter", "edit", "Edit action", id="live.action_edit"),
        Binding("d,delete", "remove", "Remove action", id="live.action_remove"),
        Binding("escape", "leave", "Back to notes", id="live.action_leave"),
    ]

    class EditRequested(Message):
        def __init__(self, action_id: str) -> None:
            super().__init__()
            self.action_id = action_id

    class RemoveRequested(Message):
        def __init__(self, action_id: str) -> None:
            super().__init__()
            self.action_id = action_id

    class LeaveRequested(Message):
        pass

    def show(self, actions: list[Action], today: date) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for action in actions:
            due = f" · {format_due(action.due, today)}" if action.due else " · no date"
            line = Content.assemble("• ", action.text, (due, "dim"))
            self.add_option(Option(line, id=action.id))
        if actions:
            self.highlighted = min(highlighted or 0, len(actions) - 1)

    def _current_id(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        return self.get_option_at_index(self.highlighted).id

    def action_edit(self) -> None:
        if action_id := self._current_id():
            self.post_message(self.EditRequested(action_id))

    def action_remove(self) -> None:
        if action_id := self._current_id():
            self.post_message(self.RemoveRequested(action_id))

    def action_leave(self) -> None:
        self.post_message(self.LeaveRequested())
