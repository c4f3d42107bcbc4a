"""Provides the app's navigation to the review screens, mixed into the app (app.py stays short).

Each screen is imported on first use, as the plan editor is: start-up draws the home screen only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coachtui.store.errors import StoreError

if TYPE_CHECKING:
    from textual.app import App

    from coachtui.store.repository import Repository

    _AppBase = App[None]
else:
    _AppBase = object


class ReviewNavigation(_AppBase):
    """open_overview, open_history and open_session_record of the `Coach` protocol."""

    if TYPE_CHECKING:
        repository: Repository

    def open_overview(self, client_id: str) -> None:
        from coachtui.ui.review.overview import ClientOverviewScreen

        self.push_screen(ClientOverviewScreen(client_id))

    def open_dashboard(self, client_id: str | None = None, action_id: str | None = None) -> None:
        """The accountability dashboard; with ``client_id``, that client's actions only, on ``action_id``."""
        from coachtui.ui.review.dashboard import AccountabilityDashboardScreen

        self.push_screen(AccountabilityDashboardScreen(client_id, action_id))

    def open_history(self, client_id: str) -> None:
        from coachtui.ui.review.history import SessionHistoryScreen

        self.push_screen(SessionHistoryScreen(client_id))

    def open_session_record(self, client_id: str, session_id: str, note_index: int | None = None) -> None:
        """A session's full record, scrolled to note ``note_index`` (its index in the session's notes)."""
        from coachtui.ui.review.record import SessionRecordScreen

        try:
            screen = SessionRecordScreen.load(self.repository, client_id, session_id, note_index=note_index)
        except StoreError as error:
            self.notify(str(error), title="Session not opened", severity="error", timeout=15)
            return
        self.push_screen(screen)
