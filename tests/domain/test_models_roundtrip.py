"""Provides tests that every record in models.py survives a trip through JSON unchanged."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from coachtui.domain import models
from tests.domain.strategies import all_models, model_strategy

MODELS = all_models()


def test_every_record_is_covered() -> None:
    names = {cls.__name__ for cls in MODELS}
    expected = {
        "Agreement",
        "Client",
        "ClientSummary",
        "CoachingPlan",
        "Metric",
        "Goal",
        "ActionReview",
        "Action",
        "CheckIn",
        "FieldChange",
        "PlanRevision",
        "Note",
        "StageVisit",
        "PromptAsked",
        "ScalingRating",
        "Session",
        "Reflection",
        "LiveDraft",
        "PlanState",
    }
    assert expected <= names


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_json_round_trip(cls: type[BaseModel], data: st.DataObject) -> None:
    record = data.draw(model_strategy(cls))
    assert cls.model_validate_json(record.model_dump_json()) == record


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=model_strategy(models.LiveDraft))
def test_live_draft_round_trip_keeps_editor_text(draft: models.LiveDraft) -> None:
    again = models.LiveDraft.model_validate_json(draft.model_dump_json())
    assert again == draft
    assert again.editor_text == draft.editor_text
    assert again.session.notes == draft.session.notes


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(state=model_strategy(models.PlanState))
def test_plan_state_round_trip(state: models.PlanState) -> None:
    assert models.PlanState.model_validate_json(state.model_dump_json()) == state


def test_round_trip_detects_a_lost_field() -> None:
    """The comparison is strict enough to fail: a changed field makes the records unequal."""
    goal = models.Goal(client_id="c1", title="Run 5k")
    changed = models.Goal.model_validate_json(goal.model_dump_json().replace("Run 5k", "Run 10k"))
    assert changed != goal
