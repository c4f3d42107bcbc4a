"""Provides the coaching frameworks (GROW, CLEAR, OSKAR) as data: stages, time shares and questions.

The frameworks live as JSON files in ``coachtui/data/frameworks`` and are read with
``importlib.resources``, so they work from a source checkout and from an installed wheel.
Conversations loop back, so nothing here imposes an order on the stages: ``next_stage`` and
``previous_stage`` only say what the framework's usual order suggests.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, model_validator

FRAMEWORK_ORDER = ("grow", "clear", "oskar")
"""The shipped frameworks, in the order they are offered (GROW first)."""

_PACKAGE = "coachtui.data.frameworks"


class UnknownFramework(LookupError):
    """Raised for a framework id that coachtui does not ship."""

    def __init__(self, framework_id: str, known: tuple[str, ...] = FRAMEWORK_ORDER) -> None:
        self.framework_id = framework_id
        self.known = known
        super().__init__(
            f"Unknown coaching framework {framework_id!r}. Known frameworks: {', '.join(known)}."
        )


class UnknownStage(LookupError):
    """Raised for a stage id that the framework does not have."""

    def __init__(self, framework: str, stage_id: str, known: list[str]) -> None:
        self.stage_id = stage_id
        super().__init__(f"{framework} has no stage {stage_id!r}. Its stages: {', '.join(known)}.")


class Stage(BaseModel):
    """One stage of a coaching conversation and the questions that suit it."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    purpose: str = Field(min_length=1)
    share: float = Field(gt=0, le=1)
    """The default fraction of the session's time for this stage."""
    questions: tuple[str, ...] = Field(min_length=1)


class Framework(BaseModel):
    """A coaching model: a sequence of stages the conversation moves through, in any order."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    summary: str = ""
    stages: tuple[Stage, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        ids = [stage.id for stage in self.stages]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{self.name}: stage ids must be unique, got {ids}")
        total = sum(stage.share for stage in self.stages)
        if not math.isclose(total, 1.0, abs_tol=1e-6):
            raise ValueError(f"{self.name}: stage shares must add up to 1, got {total:g}")
        return self

    @property
    def stage_ids(self) -> list[str]:
        return [stage.id for stage in self.stages]

    def stage(self, stage_id: str) -> Stage:
        """Return the stage with this id, or raise ``UnknownStage``."""
        return self.stages[self.index_of(stage_id)]

    def index_of(self, stage_id: str) -> int:
        """Return the position of the stage in the framework's usual order, or raise ``UnknownStage``."""
        for index, stage in enumerate(self.stages):
            if stage.id == stage_id:
                return index
        raise UnknownStage(self.name, stage_id, self.stage_ids)

    def next_stage(self, stage_id: str) -> Stage | None:
        """Return the stage after this one, or None after the last stage."""
        index = self.index_of(stage_id)
        return self.stages[index + 1] if index + 1 < len(self.stages) else None

    def previous_stage(self, stage_id: str) -> Stage | None:
        """Return the stage before this one, or None before the first stage."""
        index = self.index_of(stage_id)
        return self.stages[index - 1] if index > 0 else None

    def timebox_seconds(self, stage_id: str, planned_minutes: float) -> int:
        """Return the stage's default time-box in whole seconds for a session of ``planned_minutes``."""
        return round(self.stage(stage_id).share * max(0.0, planned_minutes) * 60)

    def stage_names_to_ids(self) -> dict[str, str]:
        """Return a mapping from each stage's display name to its id, as the notes parser needs."""
        return {stage.name: stage.id for stage in self.stages}

    def stage_names(self) -> dict[str, str]:
        """Return a mapping from each stage's id to its display name."""
        return {stage.id: stage.name for stage in self.stages}


@cache
def load_framework(framework_id: str) -> Framework:
    """Return the shipped framework with this id (case-insensitive); raise ``UnknownFramework`` if none."""
    key = framework_id.strip().lower()
    if key not in FRAMEWORK_ORDER:
        raise UnknownFramework(framework_id)
    text = resources.files(_PACKAGE).joinpath(f"{key}.json").read_text(encoding="utf-8")
    framework = Framework.model_validate(json.loads(text))
    if framework.id != key:
        raise ValueError(f"{key}.json declares the id {framework.id!r}")
    return framework


def all_frameworks() -> list[Framework]:
    """Return every shipped framework, GROW first."""
    return [load_framework(framework_id) for framework_id in FRAMEWORK_ORDER]
