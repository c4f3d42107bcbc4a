"""Provides ``check_client_file``: the rest of a client's file validated in a worker once a screen is drawn.

Opening a client validates its sessions by their headings only (``TinyFile.validate_all``): the history,
the charts and the plan show no note. The notes are validated here, off the event loop, just after
the screen is drawn: a damaged record is told at once, the session's validator is built before the
coach opens a record, and the file's daily backup is taken (a file is never written before it is
validated whole, whatever comes first).
"""

from __future__ import annotations

from typing import Any

from coachtui.store.errors import StoreError
from coachtui.ui.seam import CoachScreen

SETTLE_SECONDS = 0.1
"""How long after the screen's first frame the check starts."""


def check_client_file(screen: CoachScreen[Any], client_id: str) -> None:
    """Validate all of ``client_id``'s file in a thread after ``screen``'s next refresh; tell a problem."""
    repository = screen.coach.repository

    def check() -> None:
        try:
            repository.validate_client_file(client_id)
        except StoreError as error:  # the message names the file and the record, never a note's text
            screen.app.call_from_thread(
                screen.app.notify, str(error), title="A record cannot be read", severity="error", timeout=15
            )

    # Started a moment after the first frame: in a thread it still holds the interpreter's lock for
    # most of its 30-50 ms, which would slow the frame itself and the repaints just after it.
    screen.call_after_refresh(
        screen.set_timer,
        SETTLE_SECONDS,
        lambda: screen.run_worker(check, thread=True, group="check-client", exit_on_error=False),
    )
