"""Provides as_closed(): a test's session closed the way the live session closes one (domain.live)."""

from __future__ import annotations

from datetime import datetime, timedelta

from coachtui.domain.live import closed_session
from coachtui.domain.models import Session


def as_closed(session: Session, at: datetime | None = None) -> Session:
    """`session` closed at `at`, or at its own end, or 50 minutes after it started."""
    return closed_session(session, at or session.ended_at or session.started_at + timedelta(minutes=50))
