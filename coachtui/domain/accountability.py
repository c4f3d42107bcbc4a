"""Provides the accountability review: what an outcome at the start of a session does to an action."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from coachtui.domain.models import Action, ActionReview, ActionStatus, ReviewOutcome

STATUS_AFTER_REVIEW = {
    ReviewOutcome.DONE: ActionStatus.DONE,
    ReviewOutcome.PARTLY: ActionStatus.PARTLY,
    ReviewOutcome.NOT_DONE: ActionStatus.NOT_DONE,
    ReviewOutcome.CHANGED: ActionStatus.CHANGED,
}


def review_action(
    action: Action, outcome: ReviewOutcome, learning: str, *, session_id: str | None, at: datetime
) -> tuple[ActionReview, Action]:
    """The review to keep in the session, and the action with its new status and the review appended.

    The action is not changed in place: the caller decides when both are saved, together.
    """
    review = ActionReview(
        action_id=action.id, at=at, session_id=session_id, outcome=outcome, learning=learning
    )
    updated = action.model_copy(
        update={"status": STATUS_AFTER_REVIEW[outcome], "reviews": [*action.reviews, review]}
    )
    return review, updated


def homework(actions: Iterable[Action], before: datetime, today: date) -> list[Action]:
    """The open actions to review at the start of a session that begins at `before`: every one agreed
    before it, due or not (the client may have done it early). Due and overdue first, by date, then
    those due later, then those without a date, each in the plan's order."""
    open_ = [a for a in actions if a.status is ActionStatus.OPEN and a.created_at < before]

    def order(action: Action) -> tuple[int, date, int]:
        if action.due is None:
            return (2, date.max, action.position)
        return (0 if action.due <= today else 1, action.due, action.position)

    return sorted(open_, key=order)
