"""Provides PlanItemForm: the compact form that edits one item of the plan (goal, action, check-in, vision).

The form is built from a list of ``FieldSpec`` and returns the values it read, already parsed
(dates through ``parse_date``, numbers checked against their range); the plan editor turns them
into the record. Nothing is saved here. Enter moves to the next field and saves on the last,
ctrl+s saves from anywhere, escape cancels (asking first when something was typed): see FormDialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Select, Static

from coachtui.domain.dates import DateParseError, parse_date
from coachtui.domain.notes import clean_text
from coachtui.domain.revisions import format_value
from coachtui.ui.shared.form_dialog import FormDialog
from coachtui.ui.shared.form_row import FormRow
from coachtui.ui.shared.form_select import FormSelect
from coachtui.ui.styles import style

MAX_TEXT = 2000
"""Longest text a field keeps: a stray 1 MB paste must not end up in the plan."""

Kind = Literal["text", "date", "int", "range", "float", "select", "list"]
_RANGE = re.compile(r"^(\d+)\s*(?:-|–|to)\s*(\d+)$")


@dataclass(frozen=True)
class FieldSpec:
    """One field of the form: the record field it fills (dotted for nested), and how to read it."""

    name: str
    label: str
    kind: Kind = "text"
    placeholder: str = ""
    required: bool = False
    options: Sequence[tuple[str, Any]] = field(default_factory=tuple)
    low: float = 0
    high: float = 10**9

    @property
    def widget_id(self) -> str:
        return "f-" + self.name.replace(".", "-")


def initial_text(spec: FieldSpec, value: Any) -> str:
    """The text an input starts with for a stored value (dates as ISO, lists comma-separated)."""
    if spec.kind == "range":
        low, high = value if isinstance(value, tuple) else (value, None)
        return "" if low is None else f"{low}-{high}" if high not in (None, low) else str(low)
    return "" if isinstance(value, Enum) else format_value(value)


class PlanItemForm(FormDialog[dict[str, Any]]):
    """Edits one plan item; dismisses with the parsed values, or None when cancelled."""

    CSS_PATH = style("plan_item_form")
    KEY_PREFIX = "plan_form"
    ENTER = "next"

    def __init__(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        initial: Mapping[str, Any],
        today: date,
        preview: Callable[[dict[str, Any]], str] | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._specs = list(specs)
        self._initial = dict(initial)
        self._today = today
        self._preview = preview

    def compose(self) -> ComposeResult:
        with Vertical(id="item-box"):
            yield Static(Content(self._title), id="item-title")
            with VerticalScroll(id="item-fields"):
                for spec in self._specs:
                    yield FormRow(spec.label, self._widget(spec))
            yield self.error_line()
            yield Static("", id="item-hints")
            yield self.hint_line()

    def _widget(self, spec: FieldSpec) -> Input | Select[Any]:
        value = self._initial.get(spec.name)
        if spec.kind == "select":
            return FormSelect(
                list(spec.options),
                value=value if value is not None else Select.NULL,
                allow_blank=not spec.required,
                prompt="none",
                compact=True,
                id=spec.widget_id,
            )
        return Input(
            initial_text(spec, value),
            placeholder=spec.placeholder,
            max_length=MAX_TEXT,
            compact=True,
            id=spec.widget_id,
        )

    def on_mount(self) -> None:
        self.query_one(f"#{self._specs[0].widget_id}").focus()
        self._refresh()

    # --- reading --------------------------------------------------------------------------

    def _raw(self, spec: FieldSpec) -> Any:
        widget = self.query_one(f"#{spec.widget_id}")
        if isinstance(widget, Select):
            return None if widget.value is Select.NULL else widget.value
        assert isinstance(widget, Input)
        return clean_text(widget.value).replace("\n", " ").strip()

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The parsed values by field name, and an error message by field name."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec in self._specs:
            raw = self._raw(spec)
            try:
                values[spec.name] = self._parse(spec, raw)
            except ValueError as error:
                errors[spec.name] = str(error)
                continue
            if spec.kind == "range":  # one field, two record fields: the range's ends
                values[spec.name], values[spec.name + "_max"] = values[spec.name] or (None, None)
            if spec.required and values[spec.name] in (None, ""):
                errors[spec.name] = f"{spec.label.rstrip(' *')} is needed."
        return values, errors

    def _parse(self, spec: FieldSpec, raw: Any) -> Any:
        if spec.kind in ("select", "text"):
            return raw
        if spec.kind == "list":
            return [part.strip() for part in raw.split(",") if part.strip()]
        if not raw:
            return None
        if spec.kind == "range":
            return self._range(spec, raw)
        if spec.kind == "date":
            try:
                return parse_date(raw, self._today)
            except DateParseError as error:
                raise ValueError(f"{spec.label}: {error}") from None
        try:
            number = int(raw) if spec.kind == "int" else float(raw.replace(",", "."))
        except ValueError:
            whole = "a whole number" if spec.kind == "int" else "a number"
            raise ValueError(f"{spec.label}: enter {whole}, e.g. {spec.placeholder or 3}.") from None
        if not spec.low <= number <= spec.high:
            raise ValueError(f"{spec.label}: enter a number from {spec.low:g} to {spec.high:g}.")
        return number

    def _range(self, spec: FieldSpec, raw: str) -> tuple[int, int | None]:
        """ "3" or "2-3" (also "2 to 3"): the range's ends, the top None for a single number."""
        found = _RANGE.match(raw)
        low, high = (int(found[1]), int(found[2])) if found else (None, None)
        if found is None:
            if not raw.isdigit():
                raise ValueError(f"{spec.label}: enter a number or a range, e.g. 3 or 2-3.")
            low = int(raw)
        assert low is not None
        if not spec.low <= low <= (high or low) <= spec.high:
            raise ValueError(f"{spec.label}: from {spec.low:g} to {spec.high:g}, the smaller number first.")
        return low, None if high == low else high

    @on(Input.Changed)
    @on(Select.Changed)
    def _refresh(self) -> None:
        values, errors = self.read()
        # While typing, only a field with something in it is wrong; an empty required one is not yet.
        shown = [error for name, error in errors.items() if self._raw(self._spec(name))]
        dates = [
            f"{spec.label.lower()}: {_day(values[spec.name])}"
            for spec in self._specs
            if spec.kind == "date" and values.get(spec.name)
        ]
        self.show_error(shown[0] if shown else None, otherwise=" · ".join(dates))
        hints = self.query_one("#item-hints", Static)
        hints.update(Content(self._preview(values) if self._preview and not errors else ""))

    def _spec(self, name: str) -> FieldSpec:
        return next(spec for spec in self._specs if spec.name == name)

    # --- the form's answer ---------------------------------------------------------------

    def submit(self) -> dict[str, Any] | None:
        values, errors = self.read()
        for row in self.query(FormRow):
            row.set_invalid(any(row.field.id == self._spec(name).widget_id for name in errors))
        if errors:
            first = next(iter(errors))
            self.query_one(f"#{self._spec(first).widget_id}").focus()
            self.show_error(errors[first])
            return None
        return values

    def changed(self) -> bool:
        for spec in self._specs:
            raw = self._raw(spec)
            start = self._initial.get(spec.name)
            if raw != (start if spec.kind == "select" else initial_text(spec, start)):
                return True
        return False


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"
