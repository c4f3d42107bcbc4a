"""Provides the coaching data model: every record coachtui stores.

Each record carries ``schema_version`` so that the store can migrate old
documents on read and refuse documents written by a newer coachtui.
Records are plain pydantic models: they know neither Textual nor TinyDB. Each builds its
validator when first used (``defer_build``), so start-up builds only the few the home screen
needs: building them all costs some 20 ms and 3 MB before the first frame.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 1
"""The schema version this coachtui writes. Bump it with a migration in store/migrations.py."""


def new_id() -> str:
    """Return a fresh record id: 12 hex digits, short enough to type as a prefix."""
    return uuid.uuid4().hex[:12]


def now() -> datetime:
    """Return the local time without microseconds, the resolution of every timestamp."""
    return datetime.now().replace(microsecond=0)


class Record(BaseModel):
    """Base of every stored record: an id, a schema version, strict fields."""

    model_config = ConfigDict(defer_build=True, extra="forbid", validate_assignment=True)

    id: str = Field(default_factory=new_id)
    schema_version: int = SCHEMA_VERSION


# --- the practice: clients and their agreements ---------------------------------------------


class ClientStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"


class Payment(StrEnum):
    PAID = "paid"
    PRO_BONO = "pro_bono"


class CoachingFormat(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


class Agreement(BaseModel):
    """The coaching agreement: the boundaries and logistics agreed at the start of an engagement."""

    model_config = ConfigDict(defer_build=True, extra="forbid", validate_assignment=True)

    schema_version: int = SCHEMA_VERSION
    start_date: date | None = None
    sessions_planned: int = Field(default=6, ge=1, le=200)
    cadence: str = "every 2 weeks"
    session_minutes: int = Field(default=60, ge=5, le=480)
    channel_in_session: str = "video call"
    channel_between_sessions: str = "email"
    response_time: str = "within 2 working days"
    cancellation_policy: str = "24 hours' notice, or the session counts as held"
    fee: str = ""
    payment: Payment = Payment.PAID
    format: CoachingFormat = CoachingFormat.INDIVIDUAL
    group_size: int = Field(default=1, ge=1, le=500)
    confidentiality_consent: date | None = None
    boundaries: str = ""


class Client(Record):
    """A coaching client and the agreement of their current engagement."""

    name: str = Field(min_length=1, max_length=200)
    email: str = ""
    phone: str = ""
    status: ClientStatus = ClientStatus.ACTIVE
    consent_named_in_log: bool = False
    """Whether the client agreed to be named in the ICF coaching log (otherwise initials only)."""
    agreement: Agreement = Field(default_factory=Agreement)
    cycle: int = Field(default=1, ge=1)
    """The engagement cycle; a new one starts after wrap-up with future goals."""
    created_at: datetime = Field(default_factory=now)

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("a client needs a name")
        return value


class ClientSummary(BaseModel):
    """Figures about one client's file, kept in the practice file so the home screen opens no client file."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    client_id: str
    sessions_held: int = 0
    last_session_at: datetime | None = None
    open_action_due_dates: list[date | None] = Field(default_factory=list)
    next_checkin: date | None = None
    next_checkin_session: int | None = None
    sessions_without_reflection: list[str] = Field(default_factory=list)

    def open_actions(self) -> int:
        return len(self.open_action_due_dates)

    def overdue_actions(self, today: date) -> int:
        return sum(1 for due in self.open_action_due_dates if due is not None and due < today)


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


class FieldChange(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    field: str
    before: str
    after: str


class PlanRevision(Record):
    """One change to the plan: what changed, why, and whether the client decided it."""

    client_id: str
    at: datetime = Field(default_factory=now)
    target_kind: Literal["plan", "goal", "action", "checkin", "agreement", "cycle"]
    target_id: str | None = None
    summary: str
    changes: list[FieldChange] = Field(default_factory=list)
    reason: str = ""
    client_decided: bool = True


# --- sessions -----------------------------------------------------------------------------


class NoteKind(StrEnum):
    NOTE = "note"
    INSIGHT = "insight"
    QUOTE = "quote"
    PRIVATE = "private"


class Note(BaseModel):
    """One line of the session's notes, attributed to the stage and time it was written in."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    at: datetime
    stage: str
    kind: NoteKind = NoteKind.NOTE
    text: str


class StageVisit(BaseModel):
    """A stretch of the conversation spent in one stage; conversations loop, so a stage recurs."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    stage: str
    started_at: datetime
    ended_at: datetime | None = None


class PromptAsked(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    at: datetime
    stage: str
    text: str


class RatingKind(StrEnum):
    PROGRESS = "progress"
    CONFIDENCE = "confidence"
    COMMITMENT = "commitment"


class ScalingRating(BaseModel):
    """A 0-10 rating the client gave: progress toward a goal, confidence or commitment."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    at: datetime
    stage: str
    kind: RatingKind = RatingKind.PROGRESS
    value: int = Field(ge=0, le=10)
    goal_id: str | None = None


class SessionStatus(StrEnum):
    LIVE = "live"
    CLOSED = "closed"


class Session(Record):
    """One coaching session: its framework, timeline, notes, prompts, reviews and ratings."""

    client_id: str
    number: int = Field(ge=1)
    framework: str = "grow"
    goal: str = ""
    """The session's own goal: what the client wants from this conversation."""
    started_at: datetime = Field(default_factory=now)
    ended_at: datetime | None = None
    planned_minutes: int = Field(default=60, ge=5, le=480)
    visits: list[StageVisit] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    prompts: list[PromptAsked] = Field(default_factory=list)
    reviews: list[ActionReview] = Field(default_factory=list)
    ratings: list[ScalingRating] = Field(default_factory=list)
    action_ids: list[str] = Field(default_factory=list)
    """Actions agreed in this session (the actions themselves live in the client's actions)."""
    next_checkin: date | None = None
    status: SessionStatus = SessionStatus.LIVE

    def stage_seconds(self, until: datetime | None = None) -> dict[str, float]:
        """Seconds spent in each stage; an open visit counts up to ``until`` (or the session end)."""
        totals: dict[str, float] = {}
        for visit in self.visits:
            end = visit.ended_at or until or self.ended_at or visit.started_at
            seconds = max(0.0, (end - visit.started_at).total_seconds())
            totals[visit.stage] = totals.get(visit.stage, 0.0) + seconds
        return totals

    def duration_minutes(self) -> float:
        if self.ended_at is None:
            return 0.0
        return max(0.0, (self.ended_at - self.started_at).total_seconds() / 60)


class Competency(StrEnum):
    """The eight ICF core competencies (2019 model)."""

    ETHICS = "Demonstrates ethical practice"
    MINDSET = "Embodies a coaching mindset"
    AGREEMENTS = "Establishes and maintains agreements"
    TRUST = "Cultivates trust and safety"
    PRESENCE = "Maintains presence"
    LISTENING = "Listens actively"
    AWARENESS = "Evokes awareness"
    GROWTH = "Facilitates client growth"


class Reflection(Record):
    """The coach's reflection after a session: reflective practice and CPD."""

    session_id: str
    client_id: str
    created_at: datetime = Field(default_factory=now)
    session_date: date | None = None
    duration_minutes: float = 0.0
    what_worked: str = ""
    what_did_not: str = ""
    adjust_next_time: str = ""
    client_progress: int | None = Field(default=None, ge=0, le=10)
    """The client's own view of their progress, 0-10."""
    competencies: list[Competency] = Field(default_factory=list)
    learned: str = ""
    """What the coach learned (CPD)."""
    next_focus: str = ""
    payment: Payment = Payment.PAID


class LiveDraft(BaseModel):
    """The autosaved state of a live session: the session, the notes editor's text, the actions touched."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    schema_version: int = SCHEMA_VERSION
    session: Session
    editor_text: str = ""
    actions: list[Action] = Field(default_factory=list)
    """Actions agreed in the session and earlier actions reviewed in it, saved with it when it closes."""
    saved_at: datetime = Field(default_factory=now)


class PlanState(BaseModel):
    """Everything the plan editor edits for one client, as one value: the unit of undo and of saving."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    plan: CoachingPlan
    goals: list[Goal] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    checkins: list[CheckIn] = Field(default_factory=list)
