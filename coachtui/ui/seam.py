"""Provides the seam between screens and the app: what a screen may ask of the app, typed once.

A screen reaches the repository, the clock, the settings and navigation through `Coach`, a protocol
that the app implements. `CoachScreen` and `CoachModal` give every screen `self.coach`. This module
imports nothing of the app or of any screen, so screens never import app.py and nothing is cyclic.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol, TypeVar, cast

from textual.app import App
from textual.screen import ModalScreen, Screen

from coachtui.config import Settings
from coachtui.domain.models import LiveDraft, Session
from coachtui.store.repository import Repository

Clock = Callable[[], datetime]
Result = TypeVar("Result")


class Coach(Protocol):
    """The app, as screens see it: the practice's data, the time, and where to go next."""

    settings: Settings
    repository: Repository
    clock: Clock

    def today(self) -> date: ...

    def new_client(self) -> None: ...

    def edit_client(self, client_id: str) -> None: ...

    def open_plan(self, client_id: str) -> None: ...

    def start_session(self, client_id: str) -> None: ...

    def offer_resume(self, draft: LiveDraft) -> None: ...

    def session_closed(self, screen: Screen[None], session: Session) -> None: ...

    def open_reflection(self, client_id: str, session_id: str) -> None: ...

    def open_journal(self) -> None: ...

    def open_dashboard(self, client_id: str | None = None, action_id: str | None = None) -> None: ...

    def open_overview(self, client_id: str) -> None: ...

    def open_history(self, client_id: str) -> None: ...

    def open_progress(self, client_id: str) -> None: ...

    def open_practice(self) -> None: ...

    def open_hours(self) -> None: ...

    def open_session_record(self, client_id: str, session_id: str, anchor: str | None = None) -> None: ...

    def open_search(self) -> None: ...

    def open_recap(self, client_id: str, session_id: str) -> None: ...

    def refresh_home(self) -> None: ...


def coach_of(app: App[object]) -> Coach:
    """`app` as a `Coach`: the one place the app's type is asserted."""
    return cast(Coach, app)


class CoachScreen(Screen[Result]):
    """A full screen of coachtui."""

    @property
    def coach(self) -> Coach:
        return coach_of(self.app)


class CoachModal(ModalScreen[Result]):
    """A dialog of coachtui, over the screen that opened it."""

    @property
    def coach(self) -> Coach:
        return coach_of(self.app)
