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
    """The review screens' navigation of `Coach`: overview, dashboard, search, history, progress, practice,
    records, recaps."""

    if TYPE_CHECKING:
        repository: Repository

    def open_overview(self, client_id: str) -> None:
        from coachtui.ui.review.overview import ClientOverviewScreen

        self.push_screen(ClientOverviewScreen(client_id))

    def open_dashboard(self, client_id: str | None = None, action_id: str | None = None) -> None:
        """The accountability dashboard; with ``client_id``, that client's actions only, on ``action_id``."""
        from coachtui.ui.review.dashboard import AccountabilityDashboardScreen

        self.push_screen(AccountabilityDashboardScreen(client_id, action_id))

    def open_search(self) -> None:
        """Search everywhere. From a record opened from the search, back to its results as they were."""
        from coachtui.ui.review.record import SessionRecordScreen
        from coachtui.ui.review.search import SearchScreen

        stack = self.screen_stack
        if (
            len(stack) >= 2
            and isinstance(stack[-2], SearchScreen)
            and isinstance(stack[-1], SessionRecordScreen)
        ):
            self.pop_screen()
            stack[-2].focus_box()
        elif isinstance(self.screen, SearchScreen):
            self.screen.focus_box()
        else:
            self.push_screen(SearchScreen())

    def open_history(self, client_id: str) -> None:
        from coachtui.ui.review.history import SessionHistoryScreen

        self.push_screen(SessionHistoryScreen(client_id))

    def open_progress(self, client_id: str) -> None:
        from coachtui.ui.review.progress import ClientProgressScreen

        self.push_screen(ClientProgressScreen(client_id))

    def open_practice(self) -> None:
        from coachtui.ui.review.practice import PracticeProgressScreen

        self.push_screen(PracticeProgressScreen())

    def open_hours(self) -> None:
        from coachtui.ui.review.hours import HoursLogScreen

        self.push_screen(HoursLogScreen())

    def open_session_record(self, client_id: str, session_id: str, anchor: str | None = None) -> None:
        """A session's full record, scrolled to ``anchor``: ``note:3`` (the fourth note), ``action:ID``,
        ``review:ID`` or ``reflection:FIELD`` (see ``SearchHit.anchor``)."""
        from coachtui.ui.review.record import SessionRecordScreen

        try:
            screen = SessionRecordScreen.load(self.repository, client_id, session_id, anchor=anchor)
        except StoreError as error:
            self.notify(str(error), title="Session not opened", severity="error", timeout=15)
            return
        self.push_screen(screen)

    def open_recap(self, client_id: str, session_id: str) -> None:
        """The session's recap for the client, to copy or save."""
        from coachtui.ui.review.recap import RecapScreen

        try:
            screen = RecapScreen.load(self.repository, client_id, session_id)
        except StoreError as error:
            self.notify(str(error), title="Recap not opened", severity="error", timeout=15)
            return
        self.push_screen(screen)
