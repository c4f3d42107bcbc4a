"""Provides the figures behind the progress charts: per goal and across the practice; pure, no clock.

Per goal, the chart's axis is the client's 0–10 progress rating. A goal's metric is in its own unit
(hours a week, conversations held) and may fall toward its target, so it is put on the rating scale
by how far it has come: the baseline is 0, the target 10 and the current value in between (see
``metric_fraction``); the lines keep the metric's own values as labels. A metric that is itself a
0–10 scale (unit ``/10``) is drawn at its own values.

Across the practice, *held* means closed; hours are by actual length. A client is *active* with an
active goal or a session held in the last ``ACTIVE_WEEKS`` weeks: a client between engagements who
met last month is still someone the coach is working with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from coachtui.domain.models import (
    Action,
    ActionStatus,
    Goal,
    GoalStatus,
    Metric,
    RatingKind,
    SessionStatus,
)
from coachtui.domain.models.session import Attendance
from coachtui.domain.progress import RatedSession, metric_fraction

ACTIVE_WEEKS = 8
WEEKS = 52
MONTHS = 12
TEN_POINT_UNITS = frozenset({"/10", "out of 10", "of 10"})


@dataclass(frozen=True)
class Outcomes:
    """Counts of actions by where they stand; dropped actions are left out of ``total``."""

    done: int = 0
    partly: int = 0
    not_done: int = 0
    changed: int = 0
    open: int = 0

    @property
    def total(self) -> int:
        return self.done + self.partly + self.not_done + self.changed + self.open

    def line(self) -> str:
        """``3 of 5 actions done · 1 partly · 1 open``: the parts that are not zero."""
        if not self.total:
            return "no actions yet"
        noun = "action" if self.total == 1 else "actions"
        parts = [f"{self.done} of {self.total} {noun} done"]
        for count, word in (
            (self.partly, "partly"),
            (self.not_done, "not done"),
            (self.changed, "changed"),
            (self.open, "open"),
        ):
            if count:
                parts.append(f"{count} {word}")
        return " · ".join(parts)


def outcomes(actions: Iterable[Action]) -> Outcomes:
    counts = Counter(action.status for action in actions)
    return Outcomes(
        done=counts[ActionStatus.DONE],
        partly=counts[ActionStatus.PARTLY],
        not_done=counts[ActionStatus.NOT_DONE],
        changed=counts[ActionStatus.CHANGED],
        open=counts[ActionStatus.OPEN],
    )


@dataclass(frozen=True)
class ReferenceLine:
    """A horizontal line on the rating scale, with its label in the metric's own unit."""

    level: float
    label: str


@dataclass(frozen=True)
class GoalChart:
    """One goal's chart: its ratings by session number, the metric's lines, its action outcomes."""

    goal: Goal
    points: list[tuple[int, int]]
    """(session number, progress rating 0–10), one per session that rated this goal."""
    lines: list[ReferenceLine]
    """Baseline and target (and the current value when known); empty without both."""
    actions: Outcomes


def _value(value: float, unit: str) -> str:
    return f"{value:g} {unit}".strip()


def reference_lines(metric: Metric) -> list[ReferenceLine]:
    """The metric's baseline, target and current value on the 0–10 rating scale (see module docstring)."""
    if metric.baseline is None or metric.target is None or metric.baseline == metric.target:
        return []
    unit = metric.unit.strip()
    if unit in TEN_POINT_UNITS:
        levels = {"baseline": metric.baseline, "target": metric.target, "now": metric.current}
    else:
        fraction = metric_fraction(metric)
        levels = {"baseline": 0.0, "target": 10.0, "now": None if fraction is None else fraction * 10}
    values = {"baseline": metric.baseline, "target": metric.target, "now": metric.current}
    return [
        ReferenceLine(level, f"{name} {_value(values[name] or 0, unit)}")
        for name, level in levels.items()
        if level is not None
    ]


def session_ratings(sessions: Iterable[RatedSession], goal_id: str) -> list[tuple[int, int]]:
    """(session number, rating) for the held sessions that rated ``goal_id``'s progress, in session order.

    A session that rated the goal twice counts with its later rating: the client's last word that day.
    """
    by_number: dict[int, int] = {}
    held = (s for s in sessions if s.status is SessionStatus.CLOSED)
    for session in sorted(held, key=lambda s: s.number):
        rated = [r for r in session.ratings if r.kind is RatingKind.PROGRESS and r.goal_id == goal_id]
        if rated:
            by_number[session.number] = max(rated, key=lambda r: r.at).value
    return sorted(by_number.items())


def goal_charts(
    goals: Iterable[Goal], actions: Sequence[Action], sessions: Sequence[RatedSession]
) -> list[GoalChart]:
    """One chart per active goal, in the plan's order."""
    charts = []
    for goal in sorted(goals, key=lambda g: g.position):
        if goal.status is not GoalStatus.ACTIVE:
            continue
        linked = [a for a in actions if a.goal_id == goal.id]
        charts.append(
            GoalChart(
                goal, session_ratings(sessions, goal.id), reference_lines(goal.metric), outcomes(linked)
            )
        )
    return charts


# --- the practice ---------------------------------------------------------------------------------


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def month_start(day: date, back: int = 0) -> date:
    """The first of ``day``'s month, ``back`` months earlier."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class PracticeFigures:
    """The practice at a glance: held sessions per week and hours per month, oldest first."""

    weeks: list[tuple[date, int]]
    """(Monday, sessions held that ISO week) for the last ``WEEKS`` weeks, this week last."""
    months: list[tuple[date, float]]
    """(first of the month, hours held) for the last ``MONTHS`` months, this month last."""
    active_clients: int
    clients: int
    actions: Outcomes

    @property
    def sessions_in_weeks(self) -> int:
        return sum(count for _, count in self.weeks)

    @property
    def hours_in_months(self) -> float:
        return sum(hours for _, hours in self.months)


class HeldSession(Protocol):
    """What the practice figures need of a session: a ``Session``, or a heading of one without its notes."""

    @property
    def started_at(self) -> datetime: ...

    @property
    def status(self) -> SessionStatus: ...

    @property
    def attendance(self) -> Attendance: ...

    def duration_minutes(self) -> float: ...


def practice_figures(
    sessions: Mapping[str, Sequence[HeldSession]],
    goals: Mapping[str, Sequence[Goal]],
    actions: Iterable[Action],
    today: date,
) -> PracticeFigures:
    """The figures of every client: ``sessions`` and ``goals`` by client id; nothing after ``today``."""
    first_week = week_start(today) - timedelta(weeks=WEEKS - 1)
    weeks = Counter({first_week + timedelta(weeks=i): 0 for i in range(WEEKS)})
    months = {month_start(today, back): 0.0 for back in reversed(range(MONTHS))}
    recent = today - timedelta(weeks=ACTIVE_WEEKS)
    active = 0
    for client_id in sessions.keys() | goals.keys():
        # A cancelled or no-show session is in the record but was not held: no session, no hours.
        held = [
            s
            for s in sessions.get(client_id, ())
            if s.status is SessionStatus.CLOSED and s.attendance is Attendance.HELD
        ]
        for session in held:
            day = session.started_at.date()
            if day > today:
                continue
            if week_start(day) in weeks:
                weeks[week_start(day)] += 1
            if month_start(day) in months:
                months[month_start(day)] += session.duration_minutes() / 60
        has_goal = any(g.status is GoalStatus.ACTIVE for g in goals.get(client_id, ()))
        if has_goal or any(recent < s.started_at.date() <= today for s in held):
            active += 1
    return PracticeFigures(
        weeks=sorted(weeks.items()),
        months=[(month, round(hours, 2)) for month, hours in months.items()],
        active_clients=active,
        clients=len(sessions.keys() | goals.keys()),
        actions=outcomes(actions),
    )
