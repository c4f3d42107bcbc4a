"""Provides tests of SMART hints: each gap exactly when its condition holds, none for closed items."""

from __future__ import annotations

from datetime import date

import pytest

from coachtui.domain.models import Action, ActionStatus, Goal, GoalStatus, Metric
from coachtui.domain.smart import (
    RAISE_COMMITMENT_QUESTION,
    action_gaps,
    action_questions,
    goal_gaps,
    smart_label,
)

TODAY = date(2026, 11, 25)


def full_goal(**changes: object) -> Goal:
    values: dict[str, object] = {
        "client_id": "c1",
        "title": "Move into a product manager role",
        "specific": "A PM role in a health-tech company",
        "measure": "A signed offer",
        "achievable": "Has led two product launches already",
        "relevant": "Values impact on patients' lives",
        "target_date": date(2027, 6, 30),
        "planned_sessions": 8,
    }
    values.update(changes)
    return Goal.model_validate(values)


def full_action(**changes: object) -> Action:
    values: dict[str, object] = {
        "client_id": "c1",
        "text": "Draft my CV for PM roles",
        "goal_id": "g1",
        "due": date(2026, 11, 27),
        "measure": "Sent to two friends for feedback",
        "accountability": "Message my coach on Friday",
        "commitment": 8,
    }
    values.update(changes)
    return Action.model_validate(values)


def test_complete_goal_has_no_gaps() -> None:
    assert goal_gaps(full_goal()) == []
    assert goal_gaps(full_goal(), TODAY) == []


def test_bare_goal_has_every_gap_in_order() -> None:
    goal = Goal(client_id="c1", title="Get fit")
    assert goal_gaps(goal) == [
        "not specific",
        "no measure",
        "achievable?",
        "not linked to vision",
        "no date",
        "no planned sessions",
    ]


@pytest.mark.parametrize(
    ("changes", "gap"),
    [
        ({"specific": "", "title": "Get fit"}, "not specific"),
        ({"specific": "   ", "title": "Be better"}, "not specific"),
        ({"measure": ""}, "no measure"),
        ({"achievable": ""}, "achievable?"),
        ({"relevant": " "}, "not linked to vision"),
        ({"target_date": None}, "no date"),
        ({"planned_sessions": None}, "no planned sessions"),
        ({"metric": Metric(name="runs a week", target=3)}, "no baseline"),
    ],
)
def test_each_goal_gap(changes: dict[str, object], gap: str) -> None:
    assert goal_gaps(full_goal(**changes)) == [gap]


def test_long_title_counts_as_specific() -> None:
    assert "not specific" not in goal_gaps(full_goal(specific="", title="Run 5k without stopping"))


def test_metric_target_counts_as_measure() -> None:
    goal = full_goal(measure="", metric=Metric(name="runs a week", baseline=0, target=3))
    assert goal_gaps(goal) == []


def test_goal_date_passed_only_with_today() -> None:
    goal = full_goal(target_date=date(2026, 1, 1))
    assert goal_gaps(goal) == []
    assert goal_gaps(goal, TODAY) == ["date passed"]


@pytest.mark.parametrize("status", [s for s in GoalStatus if s is not GoalStatus.ACTIVE])
def test_closed_goal_has_no_gaps(status: GoalStatus) -> None:
    assert goal_gaps(Goal(client_id="c1", title="Get fit", status=status)) == []


def test_complete_action_has_no_gaps() -> None:
    assert action_gaps(full_action(), TODAY) == []


def test_bare_action_gaps_in_order() -> None:
    action = Action(client_id="c1", text="Call Sam")
    assert action_gaps(action) == [
        "no goal",
        "no date",
        "no measure",
        "no accountability",
        "commitment not rated",
    ]


@pytest.mark.parametrize(
    ("changes", "gap"),
    [
        ({"goal_id": None}, "no goal"),
        ({"due": None}, "no date"),
        ({"due": date(2026, 11, 1)}, "date passed"),
        ({"measure": ""}, "no measure"),
        ({"accountability": "\t"}, "no accountability"),
        ({"commitment": None}, "commitment not rated"),
        ({"commitment": 6}, "low commitment 6/10"),
        ({"commitment": 0}, "low commitment 0/10"),
    ],
)
def test_each_action_gap(changes: dict[str, object], gap: str) -> None:
    assert action_gaps(full_action(**changes), TODAY) == [gap]


def test_commitment_seven_is_enough() -> None:
    assert action_gaps(full_action(commitment=7)) == []


@pytest.mark.parametrize("status", [s for s in ActionStatus if s is not ActionStatus.OPEN])
def test_closed_action_has_no_gaps(status: ActionStatus) -> None:
    action = Action(client_id="c1", text="Call Sam", status=status)
    assert action_gaps(action, TODAY) == []
    assert action_questions(action) == []


def test_low_commitment_asks_what_would_make_it_higher_first() -> None:
    questions = action_questions(full_action(commitment=4))
    assert questions[0] == RAISE_COMMITMENT_QUESTION


def test_questions_cover_unexplored_icf_parts() -> None:
    questions = action_questions(full_action())
    assert questions == [
        "What result or learning do you want it to bring?",
        "What support or resources will you need?",
        "What might get in the way?",
        "What is your backup plan?",
    ]
    explored = full_action(expected="Know which roles fit", support="Sam", barriers="time", backup="Sunday")
    assert action_questions(explored) == []


def test_smart_label() -> None:
    assert smart_label(["no date", "no measure"]) == "no date · no measure"
    assert smart_label([]) == ""
    assert smart_label([], ok="SMART ✓") == "SMART ✓"
