"""Provides a client's summary: the figures the home screen shows without opening client files."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from coachtui.domain.models import ActionStatus, ClientSummary, SessionStatus
from coachtui.domain.models.session import Attendance


class _Head(BaseModel):
    # Only the fields a summary needs: validating these skips a session's notes, which is
    # what keeps a save of a 200-session client file cheap.
    model_config = ConfigDict(defer_build=True, extra="ignore")


class SessionHead(_Head):
    id: str
    number: int
    started_at: datetime
    status: SessionStatus = SessionStatus.LIVE
    attendance: Attendance = Attendance.HELD
    next_checkin: date | None = None


class ActionHead(_Head):
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN


class CheckInHead(_Head):
    at_session: int | None = None
    on_date: date | None = None
    done: bool = False


def compute_summary(
    client_id: str,
    sessions: Sequence[SessionHead],
    actions: Iterable[ActionHead],
    checkins: Iterable[CheckInHead],
    reflected_session_ids: Collection[str],
) -> ClientSummary:
    """Summarise a client's file: sessions held, open actions, next check-in, sessions awaiting reflection."""
    # A late-cancelled or no-show session is in the record but was not held: no reflection is owed.
    held = (s for s in sessions if s.status == SessionStatus.CLOSED and s.attendance == Attendance.HELD)
    closed = sorted(held, key=lambda s: s.number)
    open_dues = [a.due for a in actions if a.status == ActionStatus.OPEN]
    # Undated actions last, so the soonest due date comes first.
    open_dues.sort(key=lambda due: (due is None, due or date.min))
    pending = [c for c in checkins if not c.done]
    dates = [c.on_date for c in pending if c.on_date is not None]
    # The check-in agreed at the close of the latest session counts as much as one in the plan.
    if closed and closed[-1].next_checkin is not None:
        dates.append(closed[-1].next_checkin)
    numbers = [c.at_session for c in pending if c.at_session is not None]
    return ClientSummary(
        client_id=client_id,
        sessions_held=len(closed),
        last_session_at=max((s.started_at for s in closed), default=None),
        open_action_due_dates=open_dues,
        next_checkin=min(dates, default=None),
        next_checkin_session=min(numbers, default=None),
        sessions_without_reflection=[s.id for s in closed if s.id not in reflected_session_ids],
    )
