"""The accountability review: each outcome sets the action's status and keeps the client's learning."""

from __future__ import annotations

from datetime import datetime

import pytest

from coachtui.domain.accountability import review_action
from coachtui.domain.models import Action, ActionStatus, ReviewOutcome

AT = datetime(2026, 11, 23, 10, 5)


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        (ReviewOutcome.DONE, ActionStatus.DONE),
        (ReviewOutcome.PARTLY, ActionStatus.PARTLY),
        (ReviewOutcome.NOT_DONE, ActionStatus.NOT_DONE),
        (ReviewOutcome.CHANGED, ActionStatus.CHANGED),
    ],
)
def test_outcome_sets_status_and_appends_the_review(outcome: ReviewOutcome, status: ActionStatus) -> None:
    action = Action(client_id="c1", text="Update my CV")
    review, updated = review_action(action, outcome, "took an hour, not a weekend", session_id="s2", at=AT)
    assert updated.status is status
    assert updated.reviews == [review]
    assert (review.action_id, review.session_id, review.at, review.learning) == (
        action.id,
        "s2",
        AT,
        "took an hour, not a weekend",
    )
    assert action.status is ActionStatus.OPEN and action.reviews == []  # the original is untouched
