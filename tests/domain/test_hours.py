"""The ICF hours log on a hand-built practice, against totals worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coachtui.domain.hours import credentials, hours_log
from coachtui.domain.models import (
    Agreement,
    Client,
    CoachingFormat,
    Payment,
    Reflection,
    Session,
    SessionStatus,
)
from coachtui.domain.models.hours import AnonymousHours, HoursSettings, PriorYear
from coachtui.domain.models.session import Attendance

TODAY = date(2026, 11, 23)  # the last 18 months start on 23 May 2025
TRAINING = date(2024, 3, 1)


def session(
    client: Client,
    number: int,
    day: date,
    minutes: int,
    attendance: Attendance = Attendance.HELD,
    closed: bool = True,
) -> Session:
    start = datetime.combine(day, datetime.min.time()).replace(hour=10)
    return Session(
        client_id=client.id,
        number=number,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes) if closed else None,
        status=SessionStatus.CLOSED if closed else SessionStatus.LIVE,
        attendance=attendance,
    )


ANA = Client(name="Ana Lima", email="ana@example.org", consent_named_in_log=True)
BEN = Client(
    name="Ben Roth",
    email="ben@example.org",
    phone="+44 20 7946 0000",
    agreement=Agreement(payment=Payment.PRO_BONO),
)  # no consent to be named
TEAM = Client(
    name="Leadership circle",
    consent_named_in_log=True,
    agreement=Agreement(format=CoachingFormat.GROUP, group_size=6),
)
CLEO = Client(name="Cleo Park", consent_named_in_log=True)

ANA_SESSIONS = [
    session(ANA, 1, date(2024, 2, 20), 60),  # before the training start: not counted
    session(ANA, 2, date(2024, 4, 10), 60),  # 1.0 paid, older than 18 months
    session(ANA, 3, date(2025, 6, 2), 30),  # 0.5 paid, recent: the 30-minute session
    session(ANA, 4, date(2026, 1, 15), 60, Attendance.LATE_CANCELLED),  # not coaching time
    session(ANA, 5, date(2026, 2, 1), 90),  # 1.5, pro bono by its reflection, recent
    session(ANA, 6, date(2026, 11, 23), 0, closed=False),  # live now: not counted
]
BEN_SESSIONS = [
    session(BEN, 1, date(2025, 1, 10), 45),  # 0.75 pro bono (his agreement), not recent
    session(BEN, 2, date(2025, 5, 23), 60),  # 1.0 pro bono, recent: the window's first day
    session(BEN, 3, date(2025, 7, 1), 60, Attendance.NO_SHOW),  # not counted
]
TEAM_SESSIONS = [
    session(TEAM, 1, date(2026, 3, 5), 120),  # 2.0 paid, recent
    session(TEAM, 2, date(2026, 4, 5), 120),  # 2.0 paid, recent
]
CLEO_SESSIONS = [session(CLEO, 1, date(2023, 12, 1), 60)]  # before training: Cleo has no row

PRACTICE = [(ANA, ANA_SESSIONS), (BEN, BEN_SESSIONS), (TEAM, TEAM_SESSIONS), (CLEO, CLEO_SESSIONS)]
REFLECTIONS = [
    Reflection(session_id=ANA_SESSIONS[4].id, client_id=ANA.id, payment=Payment.PRO_BONO),
    # A reflection that says paid on a session that does not count changes nothing.
    Reflection(session_id=ANA_SESSIONS[3].id, client_id=ANA.id, payment=Payment.PAID),
]
SETTINGS = HoursSettings(
    training_started=TRAINING,
    prior_years=[
        PriorYear(year=2023, paid_hours=10, pro_bono_hours=2, clients=2),  # before the training year
        PriorYear(year=2024, paid_hours=20, pro_bono_hours=5, clients=3),  # counted, not recent
        PriorYear(year=2026, paid_hours=4, clients=1),  # counted and recent: all of 2026 is in the window
    ],
)
ERASED = AnonymousHours(start=date(2025, 9, 1), end=date(2025, 10, 1), paid_hours=3.0)


def test_the_log_of_a_hand_built_practice() -> None:
    log = hours_log(PRACTICE, REFLECTIONS, SETTINGS, TODAY, anonymous=[ERASED])

    assert log.window_start == date(2025, 5, 23)
    # Rows by start date: Ana (Apr 2024), Ben (Jan 2025), the erased client (Sep 2025), the group.
    ana, ben, erased, team = log.rows
    assert (ana.client, ana.contact, ana.kind, ana.group_size) == (
        "Ana Lima",
        "ana@example.org",
        "individual",
        1,
    )
    assert (ana.start, ana.end) == (date(2024, 4, 10), date(2026, 2, 1))
    assert (ana.paid_hours, ana.pro_bono_hours, ana.recent_hours) == (1.5, 1.5, 2.0)  # 1+0.5 / 1.5 / 0.5+1.5
    # Ben did not consent to be named: his place in the log stands for him, contact too.
    assert (ben.client, ben.contact) == ("Client 2 (name withheld)", "withheld")
    assert (ben.start, ben.end) == (date(2025, 1, 10), date(2025, 5, 23))
    assert (ben.paid_hours, ben.pro_bono_hours, ben.recent_hours) == (0.0, 1.75, 1.0)  # 0.75+1 / 1
    assert (erased.client, erased.paid_hours, erased.recent_hours) == ("Client 3 (erased)", 3.0, 3.0)
    assert (team.kind, team.group_size, team.paid_hours, team.recent_hours) == ("group", 6, 4.0, 4.0)
    assert "Cleo" not in " ".join(row.client for row in log.rows)

    assert [p.year for p in log.prior_years] == [2024, 2026]
    assert log.paid_hours == 32.5  # rows 1.5 + 0 + 3 + 4, prior 20 + 4
    assert log.pro_bono_hours == 8.25  # rows 1.5 + 1.75, prior 5
    assert log.hours == 40.75
    assert log.clients == 13  # Ana 1 + Ben 1 + erased 1 + group of 6, prior 3 + 1
    assert log.recent_hours == 14.0  # rows 2 + 1 + 3 + 4, prior 2026: 4


def test_credential_lines_of_the_hand_built_practice() -> None:
    acc, pcc, mcc = hours_log(PRACTICE, REFLECTIONS, SETTINGS, TODAY, anonymous=[ERASED]).credentials
    assert [(line.what, line.have, line.need, line.met) for line in acc.lines] == [
        ("hours", 40.75, 100, False),
        ("paid hours", 32.5, 75, False),
        ("clients", 13, 8, True),
        ("hours in the last 18 months", 14.0, 25, False),
    ]
    assert not acc.met and not pcc.met
    assert [line.what for line in mcc.lines] == ["hours", "paid hours", "clients"]  # no recent line


def test_since_counts_from_a_later_day_and_whole_prior_years_only() -> None:
    log = hours_log(PRACTICE, REFLECTIONS, SETTINGS, TODAY, anonymous=[ERASED], since=date(2025, 6, 1))
    assert log.counted_from == date(2025, 6, 1)
    # Ana: 0.5 paid + 1.5 pro bono; Ben has nothing from June 2025; prior 2024 starts before it.
    assert [row.client for row in log.rows] == ["Ana Lima", "Client 2 (erased)", "Leadership circle"]
    assert (log.paid_hours, log.pro_bono_hours) == (11.5, 1.5)  # 0.5 + 3 + 4 + prior 4 / 1.5
    assert log.clients == 9  # 1 + 1 + 6 + prior 1


def test_without_a_training_start_every_held_session_counts() -> None:
    log = hours_log(PRACTICE, [], HoursSettings(), TODAY)
    # Ana now 1 + 1 + 0.5 + 1.5 all paid (no reflection passed); Cleo 1; Ben 1.75; the group 4.
    assert [row.client for row in log.rows] == [
        "Cleo Park",
        "Ana Lima",
        "Client 3 (name withheld)",
        "Leadership circle",
    ]
    assert (log.paid_hours, log.pro_bono_hours, log.clients) == (9.0, 1.75, 9)


def test_credentials_are_met_at_exactly_the_threshold() -> None:
    acc, pcc, mcc = credentials(hours=100, paid=75, clients=8, recent=25)
    assert acc.met and not pcc.met and not mcc.met
    acc, pcc, mcc = credentials(hours=2500, paid=2250, clients=35, recent=49.99)
    assert acc.met and not pcc.met and mcc.met
    assert [line.met for line in pcc.lines] == [True, True, True, False]


def test_a_year_of_prior_hours_is_entered_once() -> None:
    with pytest.raises(ValueError, match="entered once"):
        HoursSettings(prior_years=[PriorYear(year=2024), PriorYear(year=2024)])


def test_an_anonymous_row_ends_after_it_starts() -> None:
    with pytest.raises(ValueError, match="ends on or after"):
        AnonymousHours(start=date(2025, 2, 1), end=date(2025, 1, 1))


def test_prior_years_are_read_from_one_line_and_written_back() -> None:
    from coachtui.domain.prior_hours import format_prior_years, parse_prior_years

    years = parse_prior_years("2025: 12 paid ; 2024: 31.5 paid, 9 pro bono, 5 clients;")
    assert years == [
        PriorYear(year=2024, paid_hours=31.5, pro_bono_hours=9, clients=5),
        PriorYear(year=2025, paid_hours=12),
    ]
    assert parse_prior_years(format_prior_years(years)) == years
    assert parse_prior_years("  ") == []
    for bad, message in [
        ("31 paid", "start each year"),
        ("2024: 31", "a number and paid"),
        ("2024: 2.5 clients", "whole number"),
        ("2024: 3 paid; 2024: 1 paid", "entered once"),
        ("1800: 3 paid", "1800"),
    ]:
        with pytest.raises(ValueError, match=message):
            parse_prior_years(bad)
