"""Provides ConfirmScreen: a yes/no question answered with one key."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style


class ConfirmScreen(ModalScreen[bool]):
    """Asks one question; y confirms, n or escape declines."""

    CSS_PATH = style("confirm")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self._question = question
        self._detail = detail
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self._question, id="confirm-question")
            if self._detail:
                yield Static(self._detail, id="confirm-detail")
            yield Static("", id="confirm-keys")

    def on_mount(self) -> None:
        keys = hint(self, ("confirm.yes", self._yes), ("confirm.no", self._no))
        self.query_one("#confirm-keys", Static).update(keys.replace(" · ", "    "))

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def confirm_discard(screen: Screen[Any], question: str, detail: str) -> None:
    """Leave `screen` once the coach confirms that what they typed may go; n keeps the form open."""

    def leave(discard: bool | None) -> None:
        if discard:
            screen.dismiss(None)

    screen.app.push_screen(ConfirmScreen(question, detail), leave)
