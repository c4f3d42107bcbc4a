"""Provides tests of the progress charts' figures: per goal and across the practice."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from coachtui.domain.charts import (
    ACTIVE_WEEKS,
    MONTHS,
    WEEKS,
    Outcomes,
    goal_charts,
    month_start,
    outcomes,
    practice_figures,
    reference_lines,
    session_ratings,
    week_start,
)
from coachtui.domain.models import (
    Action,
    ActionStatus,
    Goal,
    GoalStatus,
    Metric,
    RatingKind,
    ScalingRating,
    Session,
    SessionStatus,
)

TODAY = date(2026, 11, 25)  # a Wednesday


def held(number: int, day: date, minutes: int = 60, *ratings: ScalingRating, client: str = "c1") -> Session:
    start = datetime.combine(day, datetime.min.time()).replace(hour=9)
    return Session(
        client_id=client,
        number=number,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        status=SessionStatus.CLOSED,
        ratings=list(ratings),
    )


def rated(value: int, goal_id: str = "g1", minute: int = 0, kind: RatingKind = RatingKind.PROGRESS):
    return ScalingRating(
        at=datetime(2026, 11, 1, 10, minute), stage="reality", kind=kind, value=value, goal_id=goal_id
    )


def act(status: ActionStatus, goal_id: str | None = "g1") -> Action:
    return Action(client_id="c1", text="step", status=status, goal_id=goal_id)


def test_ratings_by_session_number_the_later_rating_of_a_session_wins_other_goals_and_kinds_left_out() -> (
    None
):
    sessions = [
        held(2, TODAY, 60, rated(4), rated(6, minute=30), rated(9, goal_id="g2")),
        held(1, TODAY - timedelta(days=14), 60, rated(3), rated(8, kind=RatingKind.CONFIDENCE)),
        held(3, TODAY, 60, rated(1, goal_id="g2")),
    ]
    live = Session(client_id="c1", number=4, ratings=[rated(10)])  # still live: not a held session
    assert session_ratings([*sessions, live], "g1") == [(1, 3), (2, 6)]


def test_a_metric_in_its_own_unit_sits_on_the_rating_scale_by_how_far_it_has_come() -> None:
    lines = reference_lines(Metric(name="Hours", baseline=12, target=4, current=7, unit="h"))
    assert [(line.level, line.label) for line in lines] == [
        (0.0, "baseline 12 h"),
        (10.0, "target 4 h"),
        (6.25, "now 7 h"),
    ]


def test_a_ten_point_metric_is_drawn_at_its_own_values_and_an_incomplete_one_not_at_all() -> None:
    lines = reference_lines(Metric(baseline=3, target=8, unit="/10"))
    assert [(line.level, line.label) for line in lines] == [(3, "baseline 3 /10"), (8, "target 8 /10")]
    assert reference_lines(Metric(baseline=3)) == []
    assert reference_lines(Metric(baseline=3, target=3)) == []


def test_outcome_counts_leave_dropped_out_and_say_only_what_is_not_zero() -> None:
    statuses = [ActionStatus.DONE] * 3 + [ActionStatus.PARTLY, ActionStatus.OPEN, ActionStatus.DROPPED]
    counted = outcomes(act(s) for s in statuses)
    assert counted == Outcomes(done=3, partly=1, open=1)
    assert counted.line() == "3 of 5 actions done · 1 partly · 1 open"
    assert Outcomes().line() == "no actions yet"
    assert Outcomes(done=1).line() == "1 of 1 action done"


def test_one_chart_per_active_goal_in_plan_order_with_its_own_actions() -> None:
    goals = [
        Goal(id="g2", client_id="c1", title="Second", position=2),
        Goal(id="g1", client_id="c1", title="First", position=1, metric=Metric(baseline=0, target=5)),
        Goal(id="g3", client_id="c1", title="Done already", status=GoalStatus.ACHIEVED),
    ]
    actions = [act(ActionStatus.DONE), act(ActionStatus.NOT_DONE, "g2"), act(ActionStatus.DONE, None)]
    charts = goal_charts(goals, actions, [held(1, TODAY, 60, rated(5))])
    assert [c.goal.title for c in charts] == ["First", "Second"]
    assert charts[0].points == [(1, 5)] and charts[1].points == []
    assert charts[0].actions == Outcomes(done=1) and charts[1].actions == Outcomes(not_done=1)
    assert [line.label for line in charts[0].lines] == ["baseline 0", "target 5"]


def test_calendar_steps() -> None:
    assert week_start(TODAY) == date(2026, 11, 23)
    assert month_start(TODAY) == date(2026, 11, 1)
    assert month_start(date(2026, 2, 14), back=2) == date(2025, 12, 1)


def test_practice_counts_held_sessions_per_week_and_hours_per_month_by_actual_length() -> None:
    sessions = {
        "c1": [
            held(1, TODAY, 90),
            held(2, TODAY - timedelta(days=1), 30),  # Tuesday: the same ISO week
            held(3, TODAY - timedelta(days=3), 45),  # Sunday: the week before, still November
            held(4, TODAY - timedelta(weeks=WEEKS), 60),  # before the window
            held(5, TODAY + timedelta(days=7), 60),  # after today: not held yet
            Session(client_id="c1", number=6, started_at=datetime(2026, 11, 25, 9)),  # live
        ],
        "c2": [held(1, date(2026, 3, 2), 60, client="c2")],
    }
    figures = practice_figures(sessions, {}, [], TODAY)
    assert len(figures.weeks) == WEEKS and len(figures.months) == MONTHS
    assert figures.weeks[-1] == (date(2026, 11, 23), 2)
    assert figures.weeks[-2] == (date(2026, 11, 16), 1)
    assert figures.sessions_in_weeks == 4
    assert figures.months[-1] == (date(2026, 11, 1), 2.75)
    assert figures.months[0][0] == date(2025, 12, 1)
    assert dict(figures.months)[date(2026, 3, 1)] == 1.0
    assert figures.hours_in_months == 3.75


def test_active_clients_have_an_active_goal_or_a_recent_session() -> None:
    recent = TODAY - timedelta(weeks=ACTIVE_WEEKS) + timedelta(days=1)
    long_ago = TODAY - timedelta(weeks=ACTIVE_WEEKS)
    sessions = {
        "recent": [held(1, recent, client="recent")],
        "long_ago": [held(1, long_ago, client="long_ago")],
        "goal": [],
    }
    goals = {
        "goal": [Goal(client_id="goal", title="Active")],
        "long_ago": [Goal(client_id="long_ago", title="Over", status=GoalStatus.ACHIEVED)],
    }
    actions = [act(ActionStatus.DONE), act(ActionStatus.PARTLY), act(ActionStatus.NOT_DONE, None)]
    figures = practice_figures(sessions, goals, actions, TODAY)
    assert (figures.active_clients, figures.clients) == (2, 3)
    assert figures.actions == Outcomes(done=1, partly=1, not_done=1)
