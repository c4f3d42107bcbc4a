"""Provides the coaching plan's records: vision, goals, actions and their reviews, check-ins, revisions."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coachtui.domain.models.base import Record, now

# --- the coaching plan: vision, goals, actions, check-ins, revisions -------------------------


class CoachingPlan(Record):
    """The client's living coaching plan: the vision and values the goals ladder up to."""

    client_id: str
    vision: str = ""
    values: list[str] = Field(default_factory=list)
    updated_at: datetime = Field(default_factory=now)


class Horizon(StrEnum):
    PROXIMAL = "proximal"
    DISTAL = "distal"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PARTLY = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"
    FUTURE = "future"
    """Set at the wrap-up for after the engagement: the client's next steps on their own."""


class Metric(BaseModel):
    """How progress toward a goal is measured: a baseline, a target and a unit."""

    model_config = ConfigDict(defer_build=True, extra="forbid", validate_assignment=True)

    name: str = ""
    baseline: float | None = None
    target: float | None = None
    unit: str = ""
    current: float | None = None


class Goal(Record):
    """A SMART goal in the client's plan."""

    client_id: str
    title: str = Field(min_length=1)
    specific: str = ""
    """What exactly the client wants, in their words."""
    measure: str = ""
    """How the client will know it is achieved (success criteria)."""
    achievable: str = ""
    relevant: str = ""
    """How the goal links to the client's vision and values."""
    target_date: date | None = None
    horizon: Horizon = Horizon.PROXIMAL
    planned_sessions: int | None = Field(default=None, ge=1, le=100)
    planned_sessions_max: int | None = Field(default=None, ge=1, le=100)
    """The top of a range ("2-3 sessions"); None for a single number."""
    metric: Metric = Field(default_factory=Metric)
    status: GoalStatus = GoalStatus.ACTIVE
    outcome: str = ""
    """What came of the goal, written when it is closed."""
    position: int = 0
    cycle: int = 1
    created_at: datetime = Field(default_factory=now)


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"
    CHANGED = "changed"
    DROPPED = "dropped"


class ReviewOutcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"
    CHANGED = "changed"


class ActionReview(BaseModel):
    """One accountability review of an action, usually at the start of the next session."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    action_id: str
    at: datetime = Field(default_factory=now)
    session_id: str | None = None
    outcome: ReviewOutcome
    learning: str = ""


class Action(Record):
    """A commitment the client made, in the client's own words (ICF competency 8)."""

    client_id: str
    text: str = Field(min_length=1)
    goal_id: str | None = None
    due: date | None = None
    measure: str = ""
    """How the client will know it is done."""
    expected: str = ""
    """The result or learning the action should bring."""
    support: str = ""
    barriers: str = ""
    backup: str = ""
    accountability: str = ""
    """How the client will hold themself accountable (check-in, log, buddy, reminder...)."""
    commitment: int | None = Field(default=None, ge=0, le=10)
    status: ActionStatus = ActionStatus.OPEN
    reviews: list[ActionReview] = Field(default_factory=list)
    session_id: str | None = None
    """The session in which the action was agreed."""
    position: int = 0
    created_at: datetime = Field(default_factory=now)


class CheckIn(Record):
    """A planned point to review what is working, what is not, and whether the client feels progress."""

    client_id: str
    at_session: int | None = Field(default=None, ge=1)
    on_date: date | None = None
    focus: str = ""
    done: bool = False
    held_on: date | None = None
    """When it was held, with the client's answers below."""
    working: str = ""
    """What is working, in the client's words."""
    not_working: str = ""
    """What is not working."""
    adjust: str = ""
    """How to adjust: the plan, the actions, the way of working together."""
    client_progress: int | None = Field(default=None, ge=0, le=10)
    """Does the client feel progress? Their own 0-10."""


class FieldChange(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    field: str
    before: str
    after: str


class PlanRevision(Record):
    """One change to the plan: what changed, why, and whether the client decided it."""

    client_id: str
    at: datetime = Field(default_factory=now)
    target_kind: Literal["plan", "goal", "action", "checkin", "agreement", "cycle", "session"]
    target_id: str | None = None
    summary: str
    changes: list[FieldChange] = Field(default_factory=list)
    reason: str = ""
    client_decided: bool = True
