"""Provides LiveCommitments: the client's commitments during a live session.

The homework review that opens a session, the commitment builder, the session's own actions (change,
remove) and the client's scaling ratings: each a dialog whose answer goes into the `LiveSession`.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual import on
from textual.reactive import var

from coachtui.domain.live import LiveSession
from coachtui.domain.models import Action, CheckIn, Client, Goal
from coachtui.domain.revisions import diff_records, make_revision
from coachtui.store.errors import StoreError
from coachtui.ui.live.accountability import AccountabilityScreen, Reviewed
from coachtui.ui.live.action_builder import ActionBuilderScreen
from coachtui.ui.live.saving import LiveSaving
from coachtui.ui.live.scaling import RatingInput, ScalingScreen
from coachtui.ui.live.session_actions import SessionActions
from coachtui.ui.plan.plan_fields import held_checkin, hold_checkin_dialog
from coachtui.ui.shared.key_hints import hint


class LiveCommitments(LiveSaving):
    """The commitments half of the live screen; `agreed` is what its actions list shows."""

    client: Client
    goals: list[Goal]
    live: LiveSession
    agreed: var[tuple[Action, ...]] = var((), init=False)
    """What the actions list shows: a var, its watcher repaints the list alone (not the whole screen)."""

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

    def offer_checkin(self) -> None:
        """Say so when the plan has a check-in point on this session: the coach holds it when it fits."""
        if self.checkin_due() is not None:
            keys = hint(self, ("live.hold_checkin", "holds it"))
            self.notify(f"The plan has a check-in point on this session: {keys}.", timeout=8)

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

    def checkin_due(self) -> CheckIn | None:
        """The plan's check-in point that falls on this session (by number or date), not yet held."""
        today = self.coach.today()
        for checkin in self.coach.repository.list_checkins(self.client.id):
            on_time = checkin.at_session == self.live.session.number or (
                checkin.on_date is not None and checkin.on_date <= today
            )
            if on_time and not checkin.done:
                return checkin
        return None

    def action_hold_checkin(self) -> None:
        checkin = self.checkin_due()
        if checkin is None:
            self.notify("No check-in point falls on this session; the plan editor adds one.", timeout=4)
            return

        def done(values: dict[str, Any] | None) -> None:
            self.notes.focus()
            if values is None:
                return
            try:
                held = held_checkin(checkin, values)
            except ValidationError as problem:
                self.notify(f"Not saved: {problem.errors()[0]['msg']}", severity="error")
                return
            summary = f"Held check-in in session {self.live.session.number}"
            revision = make_revision(
                self.client.id, self.coach.clock(), "checkin", held.id, summary, diff_records(checkin, held)
            )
            try:
                self.coach.repository.save_checkin(held)
                self.coach.repository.add_revision(revision)
            except StoreError as problem:
                self.notify(str(problem), title="Check-in not saved", severity="error", timeout=10)
                return
            self.notify("Check-in recorded in the plan.", timeout=3)

        self.app.push_screen(hold_checkin_dialog(checkin, self.coach.today()), done)

    def action_rate(self) -> None:
        def done(result: RatingInput | None) -> None:
            self.notes.focus()
            if result is not None:
                self.live.rate(result.kind, result.value, result.goal_id, self.coach.clock())
                self.notify(f"Recorded {result.kind.value} {result.value}/10.", timeout=3)
                self.changed()

        kind, goal_id = self.live.last_rating
        self.app.push_screen(ScalingScreen(self.goals, kind, goal_id), done)
