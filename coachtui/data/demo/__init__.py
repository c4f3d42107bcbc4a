"""Provides the demo practice's story: JSON files, one a client, and the shape they are read into.

The files hold the domain models' own fields (see ``coachtui.demo``, which builds the records);
the shapes here hold what the story adds around them: relative days, the flow of each session,
revisions agreed at a given session. Every shape forbids unknown keys, so a typo fails loudly.
"""

from __future__ import annotations

import json
from datetime import time
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict

from coachtui.domain.revisions import TargetKind

Fields = dict[str, Any]
"""A domain record's own fields, as the story writes them; the model they build validates them."""


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Stretch(_Shape):
    """A stretch of the conversation in one stage, and what was noted or rated in it, in order.

    An item with a ``value`` is a ``ScalingRating`` (``kind``, ``value``, ``goal``), else a ``Note``.
    """

    stage: str
    minutes: float
    items: list[Fields] = []


class SessionStory(_Shape):
    days_ago: int
    start: time
    framework: str
    goal: str
    flow: list[Stretch]
    actions: list[Fields] = []
    """``Action`` fields, with ``key``, ``goal`` (a goal's key) and ``reviews`` (outcome, learning)."""
    reflection: Fields | None = None
    """The ``Reflection`` fields the coach wrote; the others follow from the session."""


class RevisionStory(_Shape):
    after_session: int
    """The session at the end of which the change was agreed."""
    target_kind: TargetKind
    target: str | None = None
    summary: str
    changes: list[Fields]
    """``FieldChange`` fields; a relative date is written as the date it stands for."""
    reason: str
    client_decided: bool = True


class ClientStory(_Shape):
    client: Fields
    started_days_ago: int
    cadence_days: int
    next_session_in_days: int
    plan: Fields
    goals: list[Fields]
    sessions: list[SessionStory]
    checkins: list[Fields] = []
    revisions: list[RevisionStory] = []


_PACKAGE = "coachtui.data.demo"


def load_story() -> list[ClientStory]:
    """The demo's clients as the package's JSON files tell them, in file-name order."""
    files = sorted(resources.files(_PACKAGE).iterdir(), key=lambda f: f.name)
    return [
        ClientStory.model_validate(json.loads(f.read_text(encoding="utf-8")))
        for f in files
        if f.name.endswith(".json")
    ]
