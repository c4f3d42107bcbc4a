"""Provides the ICF coaching-hours log: one row per coaching relationship, totals, credential progress.

Pure: the caller passes the clients, their sessions, the reflections, the settings and ``today``.

The rules, as the README states them:

- hours count by actual length (``Session.duration_minutes``: a 30-minute session is 0.5 h);
- only closed sessions whose attendance is *held* count (not late-cancelled, not no-show);
- only sessions on or after the coach's training start (``HoursSettings.training_started``) count;
- a group session counts its length once, and each member of the group counts as a client;
- paid or pro bono is decided per session: the reflection's ``payment`` when the coach wrote one (the
  reflection form asks it for that session, starting from the agreement), else the agreement's;
- prior totals per year (hours from before coachtui) count in the totals, from the year of the
  training start on (the coach enters coaching done after training); toward the last 18 months
  a prior year counts only if the whole year lies inside the window (its 1 January on or after the
  window's first day), because its hours carry no dates: the log never claims recent hours it cannot
  show. Anonymous rows (kept at a client's erasure) are treated the same way by their start date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol

from coachtui.domain.dates import add_months
from coachtui.domain.models import Client, CoachingFormat, Payment, Session, SessionStatus
from coachtui.domain.models.hours import AnonymousHours, HoursSettings, PriorYear
from coachtui.domain.models.session import Attendance

RECENT_MONTHS = 18
WITHHELD = "withheld"


@dataclass(frozen=True)
class LogRow:
    """One coaching relationship as the ICF log lists it."""

    client: str
    """The client's name, or ``Client 3 (name withheld)`` without their consent to be named."""
    contact: str
    group_size: int
    """1 for individual coaching; the number in the group for group coaching."""
    start: date
    end: date
    paid_hours: float
    pro_bono_hours: float
    recent_hours: float
    """Of its hours, those in the last 18 months (see the module's rules for anonymous rows)."""

    @property
    def hours(self) -> float:
        return self.paid_hours + self.pro_bono_hours

    @property
    def kind(self) -> str:
        return "individual" if self.group_size == 1 else "group"


@dataclass(frozen=True)
class Requirement:
    """One line of a credential: e.g. 100 hours, and whether the log meets it."""

    what: str
    need: float
    have: float

    @property
    def met(self) -> bool:
        return self.have >= self.need

    @property
    def progress(self) -> str:
        """``40.75 / 100`` for hours, ``13 / 8`` for clients."""
        have = f"{self.have:.0f}" if self.what == "clients" else format_hours(self.have)
        return f"{have} / {self.need:,.0f}"

    @property
    def verdict(self) -> str:
        return "met" if self.met else "not yet"


@dataclass(frozen=True)
class Credential:
    name: str
    lines: list[Requirement]

    @property
    def met(self) -> bool:
        return all(line.met for line in self.lines)


@dataclass(frozen=True)
class HoursLog:
    rows: list[LogRow]
    prior_years: list[PriorYear]
    counted_from: date | None
    """The first day counted (the training start, or ``--since`` if later); None counts everything."""
    window_start: date
    """The first day of the last 18 months."""
    paid_hours: float
    pro_bono_hours: float
    clients: int
    recent_hours: float
    credentials: list[Credential]

    @property
    def hours(self) -> float:
        return self.paid_hours + self.pro_bono_hours


CREDENTIALS: list[tuple[str, float, float, int, float | None]] = [
    ("ACC", 100, 75, 8, 25),
    ("PCC", 500, 450, 25, 50),
    ("MCC", 2500, 2250, 35, None),
]
"""ICF's requirements: name, hours, paid hours, clients, hours in the last 18 months (None: no such line)."""


def credentials(hours: float, paid: float, clients: int, recent: float) -> list[Credential]:
    """Progress toward ACC, PCC and MCC, each line met or not yet."""
    made = []
    for name, need_hours, need_paid, need_clients, need_recent in CREDENTIALS:
        lines = [
            Requirement("hours", need_hours, hours),
            Requirement("paid hours", need_paid, paid),
            Requirement("clients", need_clients, clients),
        ]
        if need_recent is not None:
            lines.append(Requirement(f"hours in the last {RECENT_MONTHS} months", need_recent, recent))
        made.append(Credential(name, lines))
    return made


class LoggedSession(Protocol):
    """What the log needs of a session: a ``Session``, or a heading of one read without its notes."""

    @property
    def id(self) -> str: ...

    @property
    def started_at(self) -> datetime: ...

    @property
    def ended_at(self) -> datetime | None: ...

    @property
    def status(self) -> SessionStatus: ...

    @property
    def attendance(self) -> Attendance: ...

    def duration_minutes(self) -> float: ...


class PaidFor(Protocol):
    """Whether a session was paid or pro bono, as its reflection says: a ``Reflection`` or its gist."""

    @property
    def session_id(self) -> str: ...

    @property
    def payment(self) -> Payment: ...


def session_counts(session: LoggedSession, counted_from: date | None, today: date) -> bool:
    """Whether the session is coaching time for the log: held, closed, from ``counted_from`` to today."""
    day = session.started_at.date()
    return (
        session.status is SessionStatus.CLOSED
        and session.attendance is Attendance.HELD
        and session.ended_at is not None
        and day <= today
        and (counted_from is None or day >= counted_from)
    )


def hours_log(
    practice: Iterable[tuple[Client, Sequence[LoggedSession]]],
    reflections: Iterable[PaidFor],
    settings: HoursSettings,
    today: date,
    *,
    anonymous: Iterable[AnonymousHours] = (),
    since: date | None = None,
) -> HoursLog:
    """The log of ``practice`` (each client with their sessions) on ``today``; ``since`` counts from a later day."""
    counted_from = settings.training_started
    if since is not None and (counted_from is None or since > counted_from):
        counted_from = since
    window_start = add_months(today, -RECENT_MONTHS)
    payment_of = {r.session_id: r.payment for r in reflections}
    rows: list[tuple[LogRow, Client | None]] = []
    for client, sessions in practice:
        held = [s for s in sessions if session_counts(s, counted_from, today)]
        if held:
            rows.append((_client_row(client, held, payment_of, window_start), client))
    for kept in anonymous:
        if counted_from is None or kept.start >= counted_from:
            rows.append((_anonymous_row(kept, window_start), None))
    rows.sort(key=lambda pair: (pair[0].start, pair[0].end))
    named = [_label(row, client, number) for number, (row, client) in enumerate(rows, start=1)]
    prior = [p for p in settings.prior_years if _prior_counts(p, settings.training_started, since, today)]
    paid = sum(r.paid_hours for r in named) + sum(p.paid_hours for p in prior)
    pro_bono = sum(r.pro_bono_hours for r in named) + sum(p.pro_bono_hours for p in prior)
    clients = sum(r.group_size for r in named) + sum(p.clients for p in prior)
    recent = sum(r.recent_hours for r in named)
    recent += sum(p.hours for p in prior if date(p.year, 1, 1) >= window_start)
    return HoursLog(
        rows=named,
        prior_years=prior,
        counted_from=counted_from,
        window_start=window_start,
        paid_hours=paid,
        pro_bono_hours=pro_bono,
        clients=clients,
        recent_hours=recent,
        credentials=credentials(paid + pro_bono, paid, clients, recent),
    )


def anonymous_hours(
    client: Client,
    sessions: Iterable[LoggedSession],
    reflections: Iterable[PaidFor],
    settings: HoursSettings,
    today: date,
) -> AnonymousHours | None:
    """The client's relationship as an anonymous row (dates, hours, group size; nothing that names them),
    for a coach who keeps an erased client's hours for an ICF audit; None if no session counts."""
    held = [s for s in sessions if session_counts(s, settings.training_started, today)]
    if not held:
        return None
    payment_of = {r.session_id: r.payment for r in reflections}
    row = _client_row(client, held, payment_of, add_months(today, -RECENT_MONTHS))
    return AnonymousHours(
        start=row.start,
        end=row.end,
        paid_hours=row.paid_hours,
        pro_bono_hours=row.pro_bono_hours,
        group_size=row.group_size,
    )


def _prior_counts(prior: PriorYear, training: date | None, since: date | None, today: date) -> bool:
    # The coach enters totals of coaching after their training, so a year of the training start
    # counts; a year wholly before it cannot. ``since`` is conservative: whole years from it only.
    if prior.year > today.year or (training is not None and prior.year < training.year):
        return False
    return since is None or date(prior.year, 1, 1) >= since


def _client_row(
    client: Client, held: list[LoggedSession], payment_of: dict[str, Payment], window_start: date
) -> LogRow:
    paid = pro_bono = recent = 0.0
    for session in held:
        hours = session.duration_minutes() / 60
        if payment_of.get(session.id, client.agreement.payment) is Payment.PAID:
            paid += hours
        else:
            pro_bono += hours
        if session.started_at.date() >= window_start:
            recent += hours
    group = client.agreement.format is CoachingFormat.GROUP
    days = [s.started_at.date() for s in held]
    contact = ", ".join(part for part in (client.email, client.phone) if part)
    return LogRow(
        client=client.name,
        contact=contact,
        group_size=client.agreement.group_size if group else 1,
        start=min(days),
        end=max(days),
        paid_hours=paid,
        pro_bono_hours=pro_bono,
        recent_hours=recent,
    )


def _anonymous_row(kept: AnonymousHours, window_start: date) -> LogRow:
    hours = kept.paid_hours + kept.pro_bono_hours
    return LogRow(
        client="",
        contact="",
        group_size=kept.group_size,
        start=kept.start,
        end=kept.end,
        paid_hours=kept.paid_hours,
        pro_bono_hours=kept.pro_bono_hours,
        recent_hours=hours if kept.start >= window_start else 0.0,
    )


def _label(row: LogRow, client: Client | None, number: int) -> LogRow:
    """Name the row, or withhold the name by its place in the log (which says nothing of the client)."""
    if client is None:
        return replace(row, client=f"Client {number} (erased)", contact=WITHHELD)
    if client.consent_named_in_log:
        return row
    return replace(row, client=f"Client {number} (name withheld)", contact=WITHHELD)


def missed_session(
    client: Client, number: int, at: datetime, attendance: Attendance, framework: str
) -> Session:
    """A session that did not take place (late-cancelled or no-show), recorded at ``at``: closed, no length."""
    if attendance is Attendance.HELD:
        raise ValueError("a held session is started and closed, not recorded as missed")
    return Session(
        client_id=client.id,
        number=number,
        framework=framework,
        started_at=at,
        ended_at=at,
        planned_minutes=client.agreement.session_minutes,
        status=SessionStatus.CLOSED,
        attendance=attendance,
    )


def format_hours(hours: float) -> str:
    """Hours with two decimals, as the log and its CSV write them (50 minutes is 0.83)."""
    return f"{hours:.2f}"
