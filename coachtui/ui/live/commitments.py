"""Provides LiveCommitments: the client's commitments during a live session.

The homework review that opens a session, the commitment builder, the session's own actions (change,
remove) and the client's scaling ratings: each a dialog whose answer goes into the `LiveSession`.
"""

from __future__ import annotations

from textual import on
from textual.reactive import reactive

from coachtui.domain.live import LiveSession
from coachtui.domain.models import Action, Client, Goal
from coachtui.ui.live.accountability import AccountabilityScreen, Reviewed
from coachtui.ui.live.action_builder import ActionBuilderScreen
from coachtui.ui.live.saving import LiveSaving
from coachtui.ui.live.scaling import RatingInput, ScalingScreen
from coachtui.ui.live.session_actions import SessionActions


class LiveCommitments(LiveSaving):
    """The commitments half of the live screen; `agreed` is what its actions list shows."""

    client: Client
    goals: list[Goal]
    live: LiveSession
    agreed: reactive[tuple[Action, ...]] = reactive((), init=False)

    def review_homework(self, due: list[Action]) -> None:
        """Open on the actions of earlier sessions, one key each; skippable."""
        if not due:
            return

        def done(reviewed: Reviewed | None) -> None:
            for action in due:
                if reviewed is not None and action.id in reviewed:
                    outcome, learning = reviewed[action.id]
                    self.live.review(action, outcome, learning, self.coach.clock())
            if reviewed:
                count = len(reviewed)
                self.notify(f"Recorded {count} action review{'s' if count != 1 else ''}.", timeout=3)
            self.changed()
            self.notes.focus()

        self.app.push_screen(AccountabilityScreen(due, self.coach.today()), done)

    def action_new_action(self) -> None:
        self._open_builder(None)

    def _open_builder(self, action: Action | None) -> None:
        def done(result: Action | None) -> None:
            self.notes.focus()
            if result is not None:
                self.live.agree(result)
                self.agreed = tuple(self.live.agreed)
                self.changed()

        session = self.live.session
        builder = ActionBuilderScreen(self.client.id, session.id, self.goals, self.coach.today(), action)
        self.app.push_screen(builder, done)

    @on(SessionActions.EditRequested)
    def _edit_action(self, event: SessionActions.EditRequested) -> None:
        action = self.live.agreed_action(event.action_id)
        if action is not None:
            self._open_builder(action)

    @on(SessionActions.RemoveRequested)
    def _remove_action(self, event: SessionActions.RemoveRequested) -> None:
        self.live.remove(event.action_id)
        self.agreed = tuple(self.live.agreed)
        self.changed()
        if not self.live.agreed:
            self.notes.focus()

    @on(SessionActions.LeaveRequested)
    def _leave_actions(self) -> None:
        self.notes.focus()

    def action_rate(self) -> None:
        def done(result: RatingInput | None) -> None:
            self.notes.focus()
            if result is not None:
                self.live.rate(result.kind, result.value, result.goal_id, self.coach.clock())
                self.notify(f"Recorded {result.kind.value} {result.value}/10.", timeout=3)
                self.changed()

        kind, goal_id = self.live.last_rating
        self.app.push_screen(ScalingScreen(self.goals, kind, goal_id), done)
