"""Provides the app's navigation into and out of live sessions, mixed into the app (app.py stays short).

Starting a session asks for its set-up first, or offers to resume one left open by a crash or a
closed terminal; closing one leads to the reflection. The live screens are imported on first use:
start-up draws the home screen only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coachtui.domain.models import Goal, GoalStatus, LiveDraft, Session
from coachtui.store.errors import StoreError

if TYPE_CHECKING:
    from datetime import date

    from textual.app import App
    from textual.screen import Screen

    from coachtui.config import Settings
    from coachtui.store.repository import Repository
    from coachtui.ui.live.start_session import SessionSetup
    from coachtui.ui.seam import Clock

    _AppBase = App[None]
else:
    _AppBase = object


class LiveNavigation(_AppBase):
    """The live sessions' navigation of `Coach`: start, resume or close a left session, and what follows a close."""

    if TYPE_CHECKING:
        repository: Repository
        settings: Settings
        clock: Clock

        def today(self) -> date: ...
        def refused_read_only(self) -> bool: ...
        def refresh_home(self) -> None: ...
        def open_reflection(self, client_id: str, session_id: str) -> None: ...

    def start_session(self, client_id: str) -> None:
        """Ask for the session's set-up, then open the live screen (or offer to resume a left session)."""
        from coachtui.domain.accountability import homework
        from coachtui.domain.live import LiveSession
        from coachtui.ui.live.live_session import LiveSessionScreen
        from coachtui.ui.live.start_session import StartSessionScreen

        if self.refused_read_only():
            return  # a live session autosaves every few seconds: none in a read-only app
        left = [d for d in self.repository.list_drafts() if d.session.client_id == client_id]
        if left:
            self.offer_resume(left[0])
            return
        client = self.repository.get_client(client_id)
        number = self.repository.next_session_number(client_id)
        heading = f"{client.name} · session {number} of {client.agreement.sessions_planned}"
        framework = self.settings.default_framework

        def begin(setup: SessionSetup | None) -> None:
            if setup is None:
                return
            goals = self._active_goals(client_id)
            live = LiveSession.begin(
                client_id=client_id,
                number=number,
                framework=setup.framework,
                goal=setup.goal,
                planned_minutes=setup.planned_minutes,
                at=self.clock(),
                first_goal_id=goals[0].id if goals else None,
            )
            due = homework(self.repository.list_actions(client_id), live.session.started_at, self.today())
            self.push_screen(LiveSessionScreen(client, live, goals=goals, due_actions=due))

        self.push_screen(StartSessionScreen(heading, framework, client.agreement.session_minutes), begin)

    def _active_goals(self, client_id: str) -> list[Goal]:
        return [g for g in self.repository.list_goals(client_id) if g.status == GoalStatus.ACTIVE]

    def offer_resume(self, draft: LiveDraft) -> None:
        """A live session was left open by a crash or a closed terminal: resume it, or close it as it is."""
        from coachtui.domain.live import LiveSession, close_draft
        from coachtui.ui.live.live_session import LiveSessionScreen
        from coachtui.ui.live.resume_prompt import ResumePrompt

        session = draft.session
        try:
            client = self.repository.get_client(session.client_id)
        except StoreError:
            return
        if self.refused_read_only():
            return
        resume = ResumePrompt(draft, client.name)
        empty = resume.empty

        def decide(answer: bool | None) -> None:
            if answer is None:
                self.notify(
                    f"Session {session.number} with {client.name} stays open: offered again next time."
                )
                return
            if answer:
                goals = self._active_goals(client.id)
                live = LiveSession.resume(draft, first_goal_id=goals[0].id if goals else None)
                self.push_screen(LiveSessionScreen(client, live, goals=goals, editor_text=draft.editor_text))
                return
            try:
                if empty:
                    self.repository.discard_draft(session.id)
                else:
                    closed = close_draft(draft, draft.saved_at)
                    self.repository.close_session(closed.session, closed.actions)
            except StoreError as error:
                self.notify(str(error), title="Not closed", severity="error", timeout=15)
                return
            done = "deleted: nothing was written in it" if empty else "closed with its notes"
            self.notify(f"Session {session.number} with {client.name} {done}.")
            self.refresh_home()

        self.push_screen(resume, decide)

    def session_closed(self, screen: Screen[None], session: Session) -> None:
        """After a live session closes: the reflection, then home."""
        screen.dismiss(None)
        self.refresh_home()
        self.notify(f"Session {session.number} closed and saved.")
        client = self.repository.get_client(session.client_id)
        if session.number >= client.agreement.sessions_planned:
            self.notify(
                f"That was the last of the {client.agreement.sessions_planned} sessions agreed. Wrap-up: "
                "goals the client sets for afterwards go in the plan with the status 'future'; "
                "a new cycle (in the plan) starts a new engagement.",
                timeout=15,
            )
        self.open_reflection(session.client_id, session.id)
