"""Provides FormField: a labelled input with room for an inline error message under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class FormField(Vertical):
    """A label, one input widget, an optional hint and an inline error; dumb: the screen validates."""

    DEFAULT_CSS = """
    FormField { height: auto; margin-bottom: 1; }
    FormField > .field-label { color: $text-muted; }
    FormField > .field-error { color: $error; display: none; }
    FormField.-invalid > .field-error { display: block; }
    FormField.-invalid > Input { border: tall $error; }
    FormField > .field-hint { color: $text-muted; }
    """

    def __init__(self, label: str, field: Widget, *, hint: str = "", name: str | None = None) -> None:
        super().__init__(name=name, id=f"field-{field.id}" if field.id else None)
        self.label = label
        self.field = field
        self.hint = hint

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        yield self.field
        if self.hint:
            yield Static(self.hint, classes="field-hint")
        yield Static("", classes="field-error")

    def set_error(self, message: str | None) -> None:
        """Show `message` under the field, or clear it."""
        self.set_class(bool(message), "-invalid")
        self.query_one(".field-error", Static).update(message or "")
