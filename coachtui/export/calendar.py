"""Provides the calendar export: open actions' due dates and check-ins as RFC 5545 iCalendar.

Every event's UID is derived from the record it comes from (``action-<id>@coachtui``), so that a
calendar importing the file again updates its events instead of adding copies. The stamp every
event needs (DTSTAMP) is the ``now`` passed in: the same records and clock give the same bytes.
A done or dropped action, or a check-in held, is simply not in the feed any more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from coachtui.domain.models import Action, ActionStatus, CheckIn, Client, Session, SessionStatus

UID_DOMAIN = "coachtui"
PRODID = "-//coachtui//coachtui export//EN"


@dataclass(frozen=True)
class ClientDates:
    """One client's records the calendar is built from."""

    client: Client
    actions: list[Action] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)


def _all_day(uid: str, day: date, summary: str, description: str, now: datetime) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    # DTSTAMP is UTC in RFC 5545; the app's clock is local time without a zone.
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", day)
    # All-day events end on the next day (DTEND is exclusive in RFC 5545).
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a due date does not make the coach busy that day
    return event


def _action_event(name: str, action: Action, now: datetime) -> Event | None:
    if action.status is not ActionStatus.OPEN or action.due is None:
        return None
    details = [("Done when", action.measure), ("Accountability", action.accountability)]
    description = "\n".join(f"{label}: {' '.join(text.split())}" for label, text in details if text.strip())
    return _all_day(f"action-{action.id}", action.due, f"{name}: {action.text}", description, now)


def _checkin_event(name: str, checkin: CheckIn, now: datetime) -> Event | None:
    if checkin.done or checkin.on_date is None:
        return None
    focus = " ".join(checkin.focus.split())
    return _all_day(f"checkin-{checkin.id}", checkin.on_date, f"Check-in with {name}", focus, now)


def _agreed_next(name: str, records: ClientDates, planned: set[date], now: datetime) -> Event | None:
    """The next check-in agreed at the close of the latest session, unless the plan already has it."""
    held = [s for s in records.sessions if s.status is SessionStatus.CLOSED]
    if not held:
        return None
    last = max(held, key=lambda s: s.number)
    day = last.next_checkin
    if day is None or day in planned:
        return None
    summary = f"Next check-in with {name} (agreed at session {last.number})"
    return _all_day(f"next-{last.id}", day, summary, "", now)


def client_events(records: ClientDates, now: datetime) -> list[Event]:
    """The events of one client, by date then UID (a stable order keeps the file stable)."""
    name = records.client.name
    events = [_action_event(name, a, now) for a in records.actions]
    events += [_checkin_event(name, c, now) for c in records.checkins]
    planned = {c.on_date for c in records.checkins if not c.done and c.on_date is not None}
    events.append(_agreed_next(name, records, planned, now))
    found = [event for event in events if event is not None]
    return sorted(found, key=lambda e: (e.decoded("dtstart"), str(e["uid"])))


def calendar_ics(practice: Iterable[ClientDates], now: datetime) -> bytes:
    """The iCalendar file of every client in ``practice``; ``now`` stamps the events."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "coachtui: due dates and check-ins")
    for records in practice:
        for event in client_events(records, now):
            calendar.add_component(event)
    return calendar.to_ical()
