"""What becomes of the open actions of closed goals: carry over, close, drop (pure)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coachtui.domain.models import (
    Action,
    ActionStatus,
    Agreement,
    CoachingPlan,
    Goal,
    GoalStatus,
    PlanState,
    ReviewOutcome,
)
from coachtui.domain.review import client_overview
from coachtui.domain.wrap_up import WrapUpChoice, goal_is_closed, loose_actions, summary_of, wrap_up

AT = datetime(2026, 11, 23, 10, 0)
TODAY = AT.date()


def plan() -> PlanState:
    goals = [
        Goal(id="achieved", client_id="c", title="Land a role", status=GoalStatus.ACHIEVED),
        Goal(id="old", client_id="c", title="Old active goal", cycle=1),
        Goal(id="now", client_id="c", title="Current goal", cycle=2),
        Goal(id="later", client_id="c", title="After the engagement", cycle=2, status=GoalStatus.FUTURE),
    ]
    actions = [
        Action(id="a1", client_id="c", text="Shortlist roles", goal_id="achieved", due=date(2026, 11, 20)),
        Action(id="a2", client_id="c", text="Done already", goal_id="achieved", status=ActionStatus.DONE),
        Action(id="a3", client_id="c", text="Old commitment", goal_id="old"),
        Action(id="a4", client_id="c", text="Current work", goal_id="now"),
        Action(id="a5", client_id="c", text="Someday", goal_id="later"),
        Action(id="a6", client_id="c", text="Unlinked"),
    ]
    return PlanState(plan=CoachingPlan(client_id="c"), goals=goals, actions=actions)


def test_open_actions_of_closed_or_earlier_goals_are_loose_and_the_rest_are_not() -> None:
    state = plan()
    loose = loose_actions(state.goals, state.actions, cycle=2)
    assert [(item.action.id, item.goal.id) for item in loose] == [("a1", "achieved"), ("a3", "old")]
    assert goal_is_closed(state.goals[1], 2) and not goal_is_closed(state.goals[1], 1)
    assert not goal_is_closed(state.goals[3], 2)  # future: set for after, not closed


def test_carry_over_unlinks_close_reviews_as_not_done_and_drop_drops() -> None:
    state = plan()
    before = state.model_copy(deep=True)
    fresh, wrapped = wrap_up(state, {"a1": WrapUpChoice.CARRY, "a3": WrapUpChoice.CLOSE}, cycle=1, at=AT)
    assert state == before  # the old state is kept for undo
    by_id = {a.id: a for a in fresh.actions}
    assert (by_id["a1"].status, by_id["a1"].goal_id) == (ActionStatus.OPEN, None)
    assert by_id["a3"].status is ActionStatus.NOT_DONE
    [review] = by_id["a3"].reviews
    assert (review.outcome, review.session_id, review.at) == (ReviewOutcome.NOT_DONE, None, AT)
    assert "wrap-up of cycle 1" in review.learning
    assert [w.choice for w in wrapped] == [WrapUpChoice.CARRY, WrapUpChoice.CLOSE]
    dropped, [one] = wrap_up(state, {"a1": WrapUpChoice.DROP}, cycle=1, at=AT)
    assert dropped.actions[0].status is ActionStatus.DROPPED and one.after.goal_id == "achieved"
    assert (
        summary_of(one, "Land a role", 2)
        == "Dropped 'Shortlist roles' at the wrap-up, with its goal 'Land a role'"
    )


def test_an_unknown_action_is_refused() -> None:
    with pytest.raises(KeyError):
        wrap_up(plan(), {"nope": WrapUpChoice.DROP}, cycle=1, at=AT)


def test_the_overview_lists_open_actions_of_closed_goals_apart() -> None:
    state = plan()
    overview = client_overview(Agreement(), state.goals, state.actions, [], [], [], TODAY, cycle=2)
    assert [line.action.id for line in overview.actions] == ["a4", "a5", "a6"]
    closed = [
        (line.action.id, line.closed_goal.id if line.closed_goal else None)
        for line in overview.closed_goal_actions
    ]
    assert closed == [("a1", "achieved"), ("a3", "old")]
    assert overview.closed_goal_actions[0].overdue
