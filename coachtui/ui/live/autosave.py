"""Provides Autosaver: saving that never runs on the keystroke path.

A change only notes the time. One timer at a time waits for a quiet moment (or, while typing goes
on without a pause, at most `max_unsaved` seconds), then the owner's state is snapshotted on the
event loop and written in a thread. A burst of changes becomes one save; a save that fails is
retried until it succeeds, and nothing on screen is dropped meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from time import monotonic
from typing import Generic, TypeVar

from textual.dom import DOMNode
from textual.timer import Timer

from coachtui.store.errors import StoreError

Snapshot = TypeVar("Snapshot")


class Autosaver(Generic[Snapshot]):
    """Debounced, threaded saving for one screen; `on_result(None)` after a save, `on_result(message)` on failure."""

    def __init__(
        self,
        owner: DOMNode,
        *,
        snapshot: Callable[[], Snapshot],
        write: Callable[[Snapshot], None],
        on_result: Callable[[str | None], None],
        quiet_seconds: float = 1.0,
        max_unsaved_seconds: float = 1.5,
        retry_seconds: float = 5.0,
    ) -> None:
        self._owner = owner
        self._snapshot = snapshot
        self._write = write
        self._on_result = on_result
        self.quiet_seconds = quiet_seconds
        self.max_unsaved_seconds = max_unsaved_seconds
        self.retry_seconds = retry_seconds
        self._timer: Timer | None = None
        self._retry: Timer | None = None
        self._saving = False
        self._stopped = False
        self.dirty = False
        self._last_change = self._first_unsaved = 0.0

    def changed(self) -> None:
        """Note a change; the keystroke path pays for a clock read and, at most once a save, a timer."""
        moment = monotonic()
        if not self.dirty:
            self._first_unsaved = moment
        self.dirty = True
        self._last_change = moment
        if self._timer is None and not self._stopped:
            self._timer = self._owner.set_timer(self.quiet_seconds, self._due)

    def _due(self) -> None:
        self._timer = None
        if not self.dirty:
            return
        moment = monotonic()
        quiet_for = moment - self._last_change
        unsaved_for = moment - self._first_unsaved
        if quiet_for < self.quiet_seconds and unsaved_for < self.max_unsaved_seconds:
            wait = min(self.quiet_seconds - quiet_for, self.max_unsaved_seconds - unsaved_for)
            self._timer = self._owner.set_timer(max(0.05, wait), self._due)
            return
        self.save_in_background()

    def save_in_background(self) -> None:
        if self._stopped:
            return
        if self._saving:
            self.dirty = True  # the running save is older than what is on screen: save again after it
            return
        self._saving = True
        self.dirty = False
        self._owner.run_worker(
            partial(self._write_in_thread, self._snapshot()),
            name="autosave",
            # Given, or Textual makes one from repr() of the work: the whole snapshot, notes and all,
            # built on the event loop at every save (1-3 ms for 6 KB of notes), and kept in the worker.
            description="autosave",
            thread=True,
            group="autosave",
            exit_on_error=False,
        )

    def _write_in_thread(self, value: Snapshot) -> None:
        try:
            self._write(value)
        except (StoreError, OSError) as error:
            self._owner.app.call_from_thread(self._saved, str(error))
        else:
            self._owner.app.call_from_thread(self._saved, None)

    def _saved(self, error: str | None) -> None:
        self._saving = False
        self._on_result(error)
        if error is not None:
            self.dirty = True
            if self._retry is None and not self._stopped:
                self._retry = self._owner.set_timer(self.retry_seconds, self._retry_now)
        elif self.dirty:
            self.save_in_background()

    def _retry_now(self) -> None:
        self._retry = None
        self.save_in_background()

    def save_now(self) -> None:
        """Save synchronously (quit, screen change, a closing signal); raises StoreError if it cannot."""
        if self._stopped:
            return
        try:
            self._write(self._snapshot())
        except (StoreError, OSError) as error:
            self.dirty = True
            self._on_result(str(error))
            raise
        self.dirty = False
        self._on_result(None)

    def stop(self) -> None:
        """No save may happen after this (the record was saved elsewhere for good)."""
        self._stopped = True
        for timer in (self._timer, self._retry):
            if timer is not None:
                timer.stop()
