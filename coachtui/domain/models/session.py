"""Provides the records of a session: notes, stage visits, questions, ratings, reflections and drafts."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from coachtui.domain.models.base import SCHEMA_VERSION, Record, now
from coachtui.domain.models.plan import Action, ActionReview, CheckIn, CoachingPlan, Goal
from coachtui.domain.models.practice import Payment

# --- sessions -----------------------------------------------------------------------------


def minutes_held(started_at: datetime, ended_at: datetime | None) -> float:
    """A session's length in minutes, from start to end; 0 while it is open. Every view of a session
    (the model, a heading, the hours log's gist) measures it so."""
    if ended_at is None:
        return 0.0
    return max(0.0, (ended_at - started_at).total_seconds() / 60)


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
    edited_at: datetime | None = None
    """When the note was corrected after the session (the session record's edit); None if never."""
    original: str = ""
    """The text as written in the session, kept when it is corrected afterwards."""


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


class Attendance(StrEnum):
    """Whether the session took place: only a held session is coaching time (the ICF log counts it).

    A late cancellation the client still pays for under the agreement is not coaching time either.
    """

    HELD = "held"
    LATE_CANCELLED = "late_cancelled"
    NO_SHOW = "no_show"


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
    attendance: Attendance = Attendance.HELD
    """Held, late-cancelled or no-show; files written before it existed hold held sessions only."""

    def stage_seconds(self, until: datetime | None = None) -> dict[str, float]:
        """Seconds spent in each stage; an open visit counts up to ``until`` (or the session end)."""
        totals: dict[str, float] = {}
        for visit in self.visits:
            end = visit.ended_at or until or self.ended_at or visit.started_at
            seconds = max(0.0, (end - visit.started_at).total_seconds())
            totals[visit.stage] = totals.get(visit.stage, 0.0) + seconds
        return totals

    def duration_minutes(self) -> float:
        return minutes_held(self.started_at, self.ended_at)

    @property
    def note_count(self) -> int:
        return len(self.notes)

    @property
    def kind_counts(self) -> dict[NoteKind, int]:
        """How many of its notes are of each kind."""
        counts: dict[NoteKind, int] = {}
        for note in self.notes:
            counts[note.kind] = counts.get(note.kind, 0) + 1
        return counts


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
