"""Provides tests of progress figures: engagement, actions, ratings, metrics and sparklines."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachtui.domain.models import (
    Action,
    ActionStatus,
    Goal,
    GoalStatus,
    Metric,
    RatingKind,
    ScalingRating,
    Session,
)
from coachtui.domain.progress import (
    SPARK_BLOCKS,
    action_completion,
    engagement_progress,
    goal_progress,
    metric_fraction,
    overdue_actions,
    rating_series,
    sparkline,
)

TODAY = date(2026, 11, 25)


def rating(
    day: int, value: int, goal_id: str | None = "g1", kind: RatingKind = RatingKind.PROGRESS
) -> ScalingRating:
    return ScalingRating(
        at=datetime(2026, 11, day, 10), stage="reality", kind=kind, value=value, goal_id=goal_id
    )


def session(number: int, *ratings: ScalingRating) -> Session:
    return Session(client_id="c1", number=number, ratings=list(ratings))


def action(
    status: ActionStatus = ActionStatus.OPEN, goal_id: str | None = "g1", due: date | None = None
) -> Action:
    return Action(client_id="c1", text="step", status=status, goal_id=goal_id, due=due)


@pytest.mark.parametrize(
    ("held", "planned", "expected"),
    [
        (3, 8, "session 3 of 8"),
        (8, 8, "session 8 of 8"),
        (0, 8, "0 of 8 sessions"),
        (9, 8, "session 9 (8 planned)"),
        (2, 0, "session 2"),
        (0, 0, "no sessions yet"),
    ],
)
def test_engagement_progress(held: int, planned: int, expected: str) -> None:
    assert engagement_progress(held, planned) == expected


def test_action_completion_leaves_dropped_out() -> None:
    actions = [
        action(ActionStatus.DONE),
        action(ActionStatus.DONE),
        action(ActionStatus.PARTLY),
        action(ActionStatus.OPEN),
        action(ActionStatus.DROPPED),
    ]
    assert action_completion(actions) == (2, 4)
    assert action_completion([]) == (0, 0)


def test_overdue_actions() -> None:
    late = action(due=date(2026, 11, 20))
    later = action(due=date(2026, 11, 1))
    due_today = action(due=TODAY)
    done_late = action(ActionStatus.DONE, due=date(2026, 11, 1))
    undated = action()
    found = overdue_actions([late, due_today, done_late, undated, later], TODAY)
    assert found == [later, late]


def test_rating_series_filters_and_orders() -> None:
    sessions = [
        session(2, rating(10, 5), rating(10, 9, kind=RatingKind.CONFIDENCE)),
        session(1, rating(3, 3), rating(3, 7, goal_id="g2")),
    ]
    assert rating_series(sessions, "g1") == [(date(2026, 11, 3), 3), (date(2026, 11, 10), 5)]
    assert rating_series(sessions, "g2") == [(date(2026, 11, 3), 7)]
    assert rating_series(sessions) == [
        (date(2026, 11, 3), 3),
        (date(2026, 11, 3), 7),
        (date(2026, 11, 10), 5),
    ]
    assert rating_series(sessions, "g1", RatingKind.CONFIDENCE) == [(date(2026, 11, 10), 9)]
    assert rating_series([], "g1") == []


@pytest.mark.parametrize(
    ("baseline", "target", "current", "expected"),
    [
        (0, 10, 5, 0.5),
        (10, 0, 5, 0.5),  # a target below the baseline
        (2, 4, 4, 1.0),
        (2, 4, 1, -0.5),  # worse than the baseline is shown, not hidden
        (2, 4, 6, 2.0),
        (2, 2, 2, None),
        (None, 4, 2, None),
        (0, None, 2, None),
        (0, 4, None, None),
    ],
)
def test_metric_fraction(
    baseline: float | None, target: float | None, current: float | None, expected: float | None
) -> None:
    assert metric_fraction(Metric(baseline=baseline, target=target, current=current)) == expected


def test_goal_progress_figures() -> None:
    goal = Goal(id="g1", client_id="c1", title="Run 5k", metric=Metric(baseline=0, target=5, current=2))
    actions = [
        action(ActionStatus.DONE),
        action(ActionStatus.PARTLY),
        action(ActionStatus.OPEN),
        action(ActionStatus.DONE, goal_id="g2"),
        action(ActionStatus.DROPPED),
    ]
    sessions = [
        session(1, rating(3, 3), rating(3, 6, kind=RatingKind.CONFIDENCE)),
        session(2, rating(10, 5), rating(10, 9, goal_id="g2")),
    ]
    progress = goal_progress(goal, actions, sessions)
    assert (progress.actions_done, progress.actions_partly, progress.actions_total) == (1, 1, 3)
    assert progress.action_fraction == pytest.approx(1 / 3)
    assert progress.ratings == [(date(2026, 11, 3), 3), (date(2026, 11, 10), 5)]
    assert progress.latest == {
        RatingKind.PROGRESS: (date(2026, 11, 10), 5),
        RatingKind.CONFIDENCE: (date(2026, 11, 3), 6),
    }
    assert progress.metric_fraction == pytest.approx(0.4)
    assert progress.achieved is False


def test_all_actions_done_does_not_mean_goal_achieved() -> None:
    goal = Goal(id="g1", client_id="c1", title="Run 5k")
    done = [action(ActionStatus.DONE), action(ActionStatus.DONE)]
    progress = goal_progress(goal, done, [])
    assert progress.action_fraction == 1.0
    assert progress.achieved is False
    assert progress.status is GoalStatus.ACTIVE


def test_achieved_comes_from_the_goal_status() -> None:
    goal = Goal(id="g1", client_id="c1", title="Run 5k", status=GoalStatus.ACHIEVED)
    progress = goal_progress(goal, [], [])
    assert progress.achieved is True
    assert progress.action_fraction is None
    assert progress.ratings == []
    assert progress.latest == {}


def test_sparkline() -> None:
    assert sparkline([0, 5, 10]) == "▁▅█"
    assert sparkline(range(11)) == "▁▂▂▃▄▅▅▆▇▇█"
    assert sparkline([]) == ""
    assert sparkline([-3, 14]) == "▁█"
    assert sparkline([1, 2, 3], lo=1, hi=3) == "▁▅█"
    assert sparkline([3, math.nan, 4]) == "▃ ▄"
    with pytest.raises(ValueError, match="lo < hi"):
        sparkline([1], lo=5, hi=5)


@given(st.lists(st.integers(0, 10), min_size=1))
def test_sparkline_keeps_order(values: list[int]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    level = {value: SPARK_BLOCKS.index(char) for value, char in zip(values, line, strict=True)}
    for a in level:
        for b in level:
            if a <= b:
                assert level[a] <= level[b]
    assert level.get(0, 0) == 0
    assert level.get(10, len(SPARK_BLOCKS) - 1) == len(SPARK_BLOCKS) - 1
