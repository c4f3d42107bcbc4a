"""Provides the practice's records: clients, their agreements and the home screen's summaries."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coachtui.domain.models.base import SCHEMA_VERSION, Record, now

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
