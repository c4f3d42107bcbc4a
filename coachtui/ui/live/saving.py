"""Provides LiveSaving: the live screen's autosave, from the first second to the close.

A quiet timer collapses a burst of typing into one save of the session's small draft file, written in
a thread; a long burst still saves every MAX_UNSAVED_SECONDS. A failed save is shown at once and
retried, and nothing typed is lost meanwhile. Quit, a screen change, SIGHUP and SIGTERM save at once.
"""

from __future__ import annotations

from textual.reactive import Reactive, var
from textual.widgets import Static

from coachtui.domain.live import LiveSession
from coachtui.domain.models import LiveDraft
from coachtui.store.errors import StoreError
from coachtui.ui.live.autosave import Autosaver
from coachtui.ui.live.notes_area import NotesArea
from coachtui.ui.live.views import save_warning
from coachtui.ui.seam import CoachScreen

RETRY_SECONDS = 5.0
MAX_UNSAVED_SECONDS = 1.5
"""While typing goes on without a pause, a save still happens this often: a crash loses at most this much."""


class LiveSaving(CoachScreen[None]):
    """The saving half of the live screen: it saves `live` with the text of the `#notes` area."""

    live: LiveSession
    save_error: var[str | None] = var(None, init=False)
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    """"saved 14:02:31" after every autosave, several times a second while the session changes. This
    screen has no header to show it, so changing it must not repaint the whole screen (Screen's own
    sub_title does: 15-25 ms at 120x40, the notes included, on every save)."""

    _autosaver: Autosaver[LiveDraft] | None = None

    @property
    def notes(self) -> NotesArea:
        return self.query_one("#notes", NotesArea)

    def start_saving(self) -> None:
        """Autosave from now on, and save once at once: a crash from the first second can be resumed."""
        repository = self.coach.repository  # read here: the autosave writes from a thread
        self._autosaver = Autosaver(
            self,
            snapshot=self.snapshot,
            write=repository.save_draft,
            on_result=self._saved,
            quiet_seconds=self.coach.settings.autosave_seconds,
            retry_seconds=RETRY_SECONDS,
            max_unsaved_seconds=MAX_UNSAVED_SECONDS,
        )
        self.watch_save_error(None)
        self._autosaver.save_in_background()

    def stop_saving(self) -> None:
        """The client's file has it all now: no draft may be written after this."""
        if self._autosaver is not None:
            self._autosaver.stop()

    def changed(self) -> None:
        """Something of the session changed: it is saved within the quiet pause."""
        if self._autosaver is not None:
            self._autosaver.changed()

    def snapshot(self) -> LiveDraft:
        """The session as it stands, notes parsed from the editor, detached from the screen's state."""
        return self.live.draft(self.notes.text, self.coach.clock())

    def _saved(self, error: str | None) -> None:
        self.save_error = error
        self.sub_title = f"saved {self.coach.clock():%H:%M:%S}" if error is None else "NOT SAVED"

    def watch_save_error(self, error: str | None) -> None:
        warning = self.query_one("#save-warning", Static)
        warning.display = error is not None
        if error is not None:
            warning.update(save_warning(error, RETRY_SECONDS))
        self.query_one("#notes-status", Static).set_class(error is not None, "-unsaved")

    def save_now(self) -> None:
        """Save synchronously (quit, screen change, SIGHUP/SIGTERM); raises StoreError if it cannot."""
        if self._autosaver is not None:
            self._autosaver.save_now()

    def on_screen_suspend(self) -> None:
        try:
            self.save_now()
        except (StoreError, OSError):
            return  # shown on screen, and retried

    def action_save(self) -> None:
        try:
            self.save_now()
        except (StoreError, OSError):
            return
        self.notify("Saved.", timeout=2)
