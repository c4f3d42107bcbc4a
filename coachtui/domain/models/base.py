"""Provides what every stored record shares: ids, the schema version, the clock's resolution."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

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
