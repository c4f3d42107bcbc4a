"""Provides the accountability review: what an outcome at the start of a session does to an action."""

from __future__ import annotations

from datetime import datetime

from coachtui.domain.models import Action, ActionReview, ActionStatus, ReviewOutcome

STATUS_AFTER_REVIEW = {
    ReviewOutcome.DONE: ActionStatus.DONE,
    ReviewOutcome.PARTLY: ActionStatus.PARTLY,
    ReviewOutcome.NOT_DONE: ActionStatus.NOT_DONE,
    ReviewOutcome.CHANGED: ActionStatus.CHANGED,
}


def review_action(
    action: Action, outcome: ReviewOutcome, learning: str, *, session_id: str, at: datetime
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
