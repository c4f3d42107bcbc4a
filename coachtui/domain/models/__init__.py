"""Provides the coaching data model: every record coachtui stores.

Each record carries ``schema_version`` so that the store can migrate old
documents on read and refuse documents written by a newer coachtui.
Records are plain pydantic models: they know neither Textual nor TinyDB. Each builds its
validator when first used (``defer_build``), so start-up builds only the few the home screen
needs: building them all costs some 20 ms and 3 MB before the first frame.

The records live in one module per part of the practice; this package names them all.
"""

from __future__ import annotations

from coachtui.domain.models.base import SCHEMA_VERSION, Record, new_id, now
from coachtui.domain.models.plan import (
    Action,
    ActionReview,
    ActionStatus,
    CheckIn,
    CoachingPlan,
    FieldChange,
    Goal,
    GoalStatus,
    Horizon,
    Metric,
    PlanRevision,
    ReviewOutcome,
)
from coachtui.domain.models.practice import (
    Agreement,
    Client,
    ClientStatus,
    ClientSummary,
    CoachingFormat,
    Payment,
)
from coachtui.domain.models.session import (
    Competency,
    LiveDraft,
    Note,
    NoteKind,
    PlanState,
    PromptAsked,
    RatingKind,
    Reflection,
    ScalingRating,
    Session,
    SessionStatus,
    StageVisit,
)

__all__ = [
    "Action",
    "ActionReview",
    "ActionStatus",
    "Agreement",
    "CheckIn",
    "Client",
    "ClientStatus",
    "ClientSummary",
    "CoachingFormat",
    "CoachingPlan",
    "Competency",
    "FieldChange",
    "Goal",
    "GoalStatus",
    "Horizon",
    "LiveDraft",
    "Metric",
    "Note",
    "NoteKind",
    "Payment",
    "PlanRevision",
    "PlanState",
    "PromptAsked",
    "RatingKind",
    "Record",
    "Reflection",
    "ReviewOutcome",
    "SCHEMA_VERSION",
    "ScalingRating",
    "Session",
    "SessionStatus",
    "StageVisit",
    "new_id",
    "now",
]
