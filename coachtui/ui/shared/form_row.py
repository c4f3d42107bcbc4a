"""Provides FormRow: one compact line of a quick form, a label and its input side by side."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label


class FormRow(Horizontal):
    """A label column and one compact input; the row turns red while its value cannot be read."""

    DEFAULT_CSS = """
    FormRow { height: auto; min-height: 1; margin-bottom: 0; }
    FormRow > Label { width: 16; color: $text-muted; padding-right: 1; }
    FormRow > Input, FormRow > Select, FormRow > TextArea { width: 1fr; }
    FormRow.-invalid > Label { color: $error; text-style: bold; }
    """

    def __init__(self, label: str, field: Widget) -> None:
        super().__init__(id=f"row-{field.id}" if field.id else None)
        self.label = label
        self.field = field

    def compose(self) -> ComposeResult:
        yield Label(self.label)
        yield self.field

    def set_invalid(self, invalid: bool) -> None:
        self.set_class(invalid, "-invalid")
