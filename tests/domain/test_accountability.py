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


def test_homework_is_every_open_action_agreed_before_the_session_due_first() -> None:
    from datetime import date, datetime

    from coachtui.domain.accountability import homework
    from coachtui.domain.models import Action, ActionStatus

    today, start = date(2026, 3, 10), datetime(2026, 3, 10, 9)
    made = datetime(2026, 3, 3, 10)

    def action(text: str, **fields: object) -> Action:
        return Action(
            client_id="c0ffee000001", text=text, created_at=fields.pop("created_at", made), **fields
        )

    actions = [
        action("later", due=date(2026, 3, 20)),
        action("undated", position=1),
        action("done", due=date(2026, 3, 1), status=ActionStatus.DONE),
        action("agreed in this session", created_at=datetime(2026, 3, 10, 9, 30)),
        action("today", due=today),
        action("overdue", due=date(2026, 3, 1)),
        action("soon", due=date(2026, 3, 12)),
    ]
    assert [a.text for a in homework(actions, start, today)] == [
        "overdue",
        "today",
        "soon",
        "later",
        "undated",
    ]
