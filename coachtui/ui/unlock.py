"""Provides the unlock screen: the passphrase of an encrypted practice, asked before anything is opened.

It runs as a small app of its own before ``CoachApp``: the repository cannot be opened, nor any
screen drawn from it, until the key is known, and ``CoachApp`` is built around an open repository.
The app returns the Cipher, or None when the coach quits (three wrong passphrases, escape, ctrl+q).

The key is derived in a worker thread (scrypt takes most of a second by design), so the screen says
"Unlocking…" and stays responsive. A wrong passphrase says so in one sentence, never how close it
was; the typed text is cleared and lives nowhere but in the Input until it is derived.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from coachtui.store.crypt import Cipher
from coachtui.store.keyfile import Keyfile, WrongPassphrase, unlock
from coachtui.ui.styles import style

TRIES = 3


class UnlockScreen(Screen[Cipher | None]):
    """Asks the passphrase; dismisses with the Cipher, or None after the last wrong try or escape."""

    CSS_PATH = style("unlock")
    BINDINGS = [Binding("escape", "give_up", "Quit", id="unlock.quit")]

    def __init__(self, data_dir: Path, keyfile: Keyfile) -> None:
        super().__init__()
        self._data_dir = Path(data_dir)
        self._keyfile = keyfile
        self._tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            yield Static("This practice is encrypted.", id="unlock-title")
            yield Static(f"Type its passphrase to open {self._data_dir}.")
            yield Input(password=True, placeholder="passphrase", id="unlock-passphrase")
            yield Static("enter unlock · escape quit", id="unlock-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        field = self.query_one(Input)
        field.disabled = True
        self._status("Unlocking…", wrong=False)
        self._derive(event.value)

    @work(thread=True, exclusive=True)
    def _derive(self, passphrase: str) -> None:
        try:
            cipher = unlock(self._data_dir, self._keyfile, passphrase=passphrase)
        except WrongPassphrase as error:
            self.app.call_from_thread(self._wrong, str(error))
            return
        self.app.call_from_thread(self.dismiss, cipher)

    def _wrong(self, message: str) -> None:
        self._tries += 1
        if self._tries >= TRIES:
            self.dismiss(None)
            return
        field = self.query_one(Input)
        field.value = ""
        field.disabled = False
        field.focus()
        left = TRIES - self._tries
        self._status(f"{message} {left} {'try' if left == 1 else 'tries'} left.", wrong=True)

    def _status(self, text: str, *, wrong: bool) -> None:
        status = self.query_one("#unlock-status", Static)
        status.update(text)
        status.set_class(wrong, "wrong")

    def action_give_up(self) -> None:
        self.dismiss(None)


class UnlockApp(App[Cipher | None]):
    """Shows only the unlock screen; its return value is the Cipher (None: not unlocked)."""

    TITLE = "coachtui"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True)]

    def __init__(self, data_dir: Path, keyfile: Keyfile) -> None:
        super().__init__()
        self._screen = UnlockScreen(data_dir, keyfile)

    def on_mount(self) -> None:
        self.push_screen(self._screen, self.exit)
