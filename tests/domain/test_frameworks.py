"""Provides tests of the shipped frameworks: complete, well-formed data and the stage navigation around it."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest
from pydantic import ValidationError

from coachtui.domain.frameworks import (
    Framework,
    UnknownFramework,
    UnknownStage,
    all_frameworks,
    load_framework,
)

EXPECTED_STAGES = {
    "grow": ["Goal", "Reality", "Options", "Will"],
    "clear": ["Contracting", "Listening", "Exploring", "Action", "Review"],
    "oskar": ["Outcome", "Scaling", "Know-how", "Affirm + Action", "Review"],
}

FRAMEWORKS = all_frameworks()


def test_all_frameworks_grow_first() -> None:
    assert [framework.id for framework in FRAMEWORKS] == ["grow", "clear", "oskar"]


@pytest.mark.parametrize("framework_id", sorted(EXPECTED_STAGES))
def test_stage_names(framework_id: str) -> None:
    framework = load_framework(framework_id)
    assert [stage.name for stage in framework.stages] == EXPECTED_STAGES[framework_id]
    assert framework.name == framework_id.upper()
    assert framework.summary


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f.id)
def test_shares_sum_to_one_and_ids_unique(framework: Framework) -> None:
    assert math.isclose(sum(stage.share for stage in framework.stages), 1.0, abs_tol=1e-9)
    ids = [stage.id for stage in framework.stages]
    assert len(set(ids)) == len(ids)
    assert all(stage.purpose for stage in framework.stages)


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f.id)
def test_questions_are_plenty_short_open_and_unique(framework: Framework) -> None:
    for stage in framework.stages:
        assert len(stage.questions) >= 12, stage.id
        assert len(set(stage.questions)) == len(stage.questions), stage.id
        for question in stage.questions:
            assert question.endswith("?"), question
            assert len(question) <= 90, question
            assert question == question.strip()
            # Open questions, not yes/no ones ("Do you...", "Is it...", "Can you...").
            first = question.split()[0].lower()
            assert first not in {"do", "does", "did", "is", "are", "can", "could", "will", "would", "have"}, (
                question
            )


def test_accountability_questions_in_commitment_stages() -> None:
    for framework_id, stage_id in (("grow", "will"), ("clear", "action"), ("oskar", "affirm_action")):
        questions = load_framework(framework_id).stage(stage_id).questions
        for expected in (
            "How will you hold yourself accountable?",
            "What might get in the way?",
            "What is your backup plan?",
            "On a scale of 0–10, how committed are you?",
        ):
            assert expected in questions, (framework_id, expected)


def test_discovery_and_scaling_questions_present() -> None:
    for framework in FRAMEWORKS:
        every = [q for stage in framework.stages for q in stage.questions]
        assert any("discovering" in q for q in every), framework.id
        assert any("scale of 0–10" in q for q in every), framework.id


def test_navigation() -> None:
    grow = load_framework("grow")
    assert grow.index_of("options") == 2
    assert grow.stage("will").name == "Will"
    assert grow.next_stage("goal").id == "reality"  # type: ignore[union-attr]
    assert grow.next_stage("will") is None
    assert grow.previous_stage("reality").id == "goal"  # type: ignore[union-attr]
    assert grow.previous_stage("goal") is None
    with pytest.raises(UnknownStage, match="Goal, Reality|goal, reality"):
        grow.stage("nope")


def test_timebox() -> None:
    grow = load_framework("grow")
    assert grow.timebox_seconds("goal", 60) == round(0.15 * 3600)
    assert grow.timebox_seconds("reality", 60) == 1080
    total = sum(grow.timebox_seconds(stage.id, 45) for stage in grow.stages)
    assert abs(total - 45 * 60) <= len(grow.stages)


def test_name_maps() -> None:
    oskar = load_framework("oskar")
    assert oskar.stage_names_to_ids()["Affirm + Action"] == "affirm_action"
    assert oskar.stage_names()["know_how"] == "Know-how"


def test_load_is_cached_and_case_insensitive() -> None:
    assert load_framework("grow") is load_framework("grow")
    assert load_framework("GROW").id == "grow"


def test_unknown_framework_lists_known_ids() -> None:
    with pytest.raises(UnknownFramework) as caught:
        load_framework("spiral")
    message = str(caught.value)
    assert "spiral" in message
    for known in ("grow", "clear", "oskar"):
        assert known in message


def test_files_in_package_match_the_model() -> None:
    names = sorted(
        entry.name
        for entry in resources.files("coachtui.data.frameworks").iterdir()
        if entry.name.endswith(".json")
    )
    assert names == ["clear.json", "grow.json", "oskar.json"]
    for name in names:
        raw = json.loads(resources.files("coachtui.data.frameworks").joinpath(name).read_text("utf-8"))
        assert set(raw) == {"id", "name", "summary", "stages"}
        for stage in raw["stages"]:
            assert set(stage) == {"id", "name", "purpose", "share", "questions"}


def _raw_grow() -> dict:
    return json.loads(resources.files("coachtui.data.frameworks").joinpath("grow.json").read_text("utf-8"))


def test_validation_rejects_bad_shares() -> None:
    raw = _raw_grow()
    raw["stages"][0]["share"] = 0.5
    with pytest.raises(ValidationError, match="add up to 1"):
        Framework.model_validate(raw)


def test_validation_rejects_duplicate_stage_ids() -> None:
    raw = _raw_grow()
    raw["stages"][1]["id"] = "goal"
    with pytest.raises(ValidationError, match="unique"):
        Framework.model_validate(raw)
