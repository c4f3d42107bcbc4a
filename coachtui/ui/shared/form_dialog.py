"""Provides FormDialog and FormScreen: the keys, error line and key hint every form of coachtui shares.

A form names its keys once (`KEY_PREFIX`, `SAVE`, `CANCEL`) and says what Enter does (`ENTER`). The
base binds ctrl+s and escape under those ids, so a coach's keymap remaps them, and a dialog's hint
line is built from the keys bound now. The form only reads its fields: `submit()` returns the result
or None (after saying why), and `changed()` says whether escape must ask before discarding.

Nothing here orders keys: the app's key router hands each key over once the one before it settled
(see ui/keys.py), so a letter typed right after Enter lands in the field Enter moved to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from coachtui.ui.seam import CoachModal, CoachScreen
from coachtui.ui.shared.confirm import confirm_discard
from coachtui.ui.shared.form_select import FormSelect
from coachtui.ui.shared.key_hints import hint, key_label

Value = TypeVar("Value")

FIELDS = (Input, Select, Checkbox, TextArea)
"""What Enter moves between: the widgets a coach types or chooses in."""


@dataclass(frozen=True)
class FormKey:
    """A form's save or cancel key: the end of its binding id, its text in the footer and help, its hint."""

    name: str
    description: str
    word: str


class FormKeys(Screen[Value | None]):
    """Save, cancel and Enter for a form whose result is a `Value`, or None when cancelled."""

    KEY_PREFIX: ClassVar[str] = ""
    """The first part of the form's binding ids: "builder" makes "builder.save" and "builder.cancel"."""
    SAVE: ClassVar[FormKey] = FormKey("save", "Save", "save")
    CANCEL: ClassVar[FormKey] = FormKey("cancel", "Cancel", "cancel")
    ENTER: ClassVar[Literal["next", "save"] | None] = None
    """Enter in a field: "next" moves to the next field and saves from the last; "save" saves."""
    DISCARD: ClassVar[tuple[str, str]] = (
        "Discard what you typed?",
        "Press n to go back to the form, then {save} to save.",
    )
    """The question escape asks when `changed()`, and its detail ({save}: the save key as bound now)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Textual merges BINDINGS when the class is made: the form's own keys go in before that.
        if "KEY_PREFIX" in cls.__dict__:
            cls.BINDINGS = [*_form_bindings(cls), *cls.__dict__.get("BINDINGS", [])]
            if not callable(getattr(cls, "submit", None)):
                raise TypeError(f"{cls.__name__} is a form: it must say what it saves (a submit method)")
        super().__init_subclass__(**kwargs)

    @classmethod
    def save_id(cls) -> str:
        return f"{cls.KEY_PREFIX}.{cls.SAVE.name}"

    @classmethod
    def cancel_id(cls) -> str:
        return f"{cls.KEY_PREFIX}.{cls.CANCEL.name}"

    # --- what a form says -----------------------------------------------------------------

    submit: Callable[[], Value | None]
    """The form's result, or None when a field needs a look (after showing which); every form has one."""

    def changed(self) -> bool:
        """Whether escape would lose something typed, and so asks first."""
        return False

    # --- the keys -------------------------------------------------------------------------

    def action_save(self) -> None:
        result = self.submit()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        if self.changed():
            question, detail = self.DISCARD
            confirm_discard(
                self, question, detail.format(save=key_label(self, self.save_id()) or "the save key")
            )
        else:
            self.dismiss(None)

    def action_next_field(self) -> None:
        """Enter: on to the next field, choices included; from the last one, save."""
        fields = [widget for widget in self.focus_chain if isinstance(widget, FIELDS)]
        focused = self.focused
        if focused is None or focused not in fields or focused is fields[-1]:
            self.action_save()
        else:
            fields[fields.index(focused) + 1].focus()

    @on(Input.Submitted)
    def _enter_in_field(self, event: Input.Submitted) -> None:
        if self.ENTER is None:
            return
        event.stop()
        if self.ENTER == "next":
            self.action_next_field()
        else:
            self.action_save()


def _form_bindings(form: type[FormKeys[Any]]) -> list[BindingType]:
    save, cancel = form.SAVE, form.CANCEL
    bindings: list[BindingType] = [
        Binding("ctrl+s", "save", save.description, id=form.save_id()),
        Binding("escape", "cancel", cancel.description, id=form.cancel_id()),
    ]
    # Enter on a choice (a FormSelect leaves it to the form); in a text field the field posts Submitted.
    if form.ENTER == "next":
        bindings.append(
            Binding("enter", "next_field", "Next field", id=f"{form.KEY_PREFIX}.next", show=False)
        )
    elif form.ENTER == "save":
        bindings.append(Binding("enter", "save", save.description, id=f"{form.KEY_PREFIX}.enter", show=False))
    return bindings


# The screen class comes first: Textual inherits CSS along the first base only (ModalScreen's
# see-through background among it).


class FormScreen(CoachScreen[Value | None], FormKeys[Value]):
    """A form that fills the screen; its footer shows the keys."""


class FormDialog(CoachModal[Value | None], FormKeys[Value]):
    """A form over the screen that opened it, with one error line and one line of key hints.

    Compose `error_line()` and `hint_line()` where the dialog wants them; the hint is written on mount.
    """

    DEFAULT_CSS = """
    FormDialog #form-error { height: auto; color: $text-muted; }
    FormDialog #form-error.-error { color: $text-error; }
    FormDialog #form-hint { color: $text-muted; }
    """

    MORE_KEYS: ClassVar[tuple[tuple[str, str], ...]] = ()
    """Other keys of the dialog for the hint, as (binding id, what it does): shown before cancel."""

    def error_line(self) -> Static:
        return Static("", id="form-error")

    def hint_line(self) -> Static:
        return Static("", id="form-hint")

    def show_error(self, message: str | None, *, otherwise: str = "") -> None:
        """Show `message` in red on the error line; with none, show `otherwise` there (dim) or nothing."""
        line = self.query_one("#form-error", Static)
        line.update(Content(message or otherwise))
        line.set_class(bool(message), "-error")

    def hint_parts(self) -> list[tuple[str, str] | str]:
        """The hint line: Enter, space when there is a choice, save, the dialog's own keys, cancel."""
        parts: list[tuple[str, str] | str] = []
        save: tuple[str, str] | str = (self.save_id(), self.SAVE.word)
        if self.ENTER == "next":
            parts.append("[b]enter[/b] next field")
        elif self.ENTER == "save":
            label = key_label(self, self.save_id())
            also = f" or [b]{label}[/b]" if label else ""
            parts.append(f"[b]enter[/b]{also} {self.SAVE.word}")
            save = ""
        if self.query(FormSelect):
            parts.append("[b]space[/b] choose")
        return [*parts, save, *self.MORE_KEYS, (self.cancel_id(), self.CANCEL.word)]

    @on(events.Mount)
    def _write_hint(self) -> None:
        self.query_one("#form-hint", Static).update(hint(self, *self.hint_parts()))
