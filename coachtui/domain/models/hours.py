"""Provides the records of the ICF coaching-hours log that are not sessions: prior totals and anonymous rows."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coachtui.domain.models.base import Record


class PriorYear(BaseModel):
    """Coaching hours of one calendar year from before coachtui, entered once as totals."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    year: int = Field(ge=1950, le=2200)
    paid_hours: float = Field(default=0.0, ge=0, le=10_000)
    pro_bono_hours: float = Field(default=0.0, ge=0, le=10_000)
    clients: int = Field(default=0, ge=0, le=10_000)
    """Clients first coached that year (a client coached over two years is counted in one of them)."""

    @property
    def hours(self) -> float:
        return self.paid_hours + self.pro_bono_hours


class HoursSettings(BaseModel):
    """The coach's settings for the log: when their coach training began, and prior totals per year."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    training_started: date | None = None
    """Only hours on or after this day count; None counts every held session."""
    prior_years: list[PriorYear] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_total_per_year(self) -> HoursSettings:
        years = [p.year for p in self.prior_years]
        if len(years) != len(set(years)):
            raise ValueError("each year's prior hours are entered once")
        self.prior_years.sort(key=lambda p: p.year)
        return self


class AnonymousHours(Record):
    """A coaching relationship kept in the log without the client: their hours, dates and group size.

    Written when a client is erased and the coach keeps their hours for an ICF audit; it holds nothing
    that names the client.
    """

    start: date
    end: date
    paid_hours: float = Field(default=0.0, ge=0, le=10_000)
    pro_bono_hours: float = Field(default=0.0, ge=0, le=10_000)
    group_size: int = Field(default=1, ge=1, le=500)

    @model_validator(mode="after")
    def _ordered(self) -> AnonymousHours:
        if self.end < self.start:
            raise ValueError("an anonymous row ends on or after its start")
        return self
