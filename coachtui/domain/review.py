"""Provides the figures of the review between sessions; pure: the screens pass the records in.

``client_overview`` prepares the next session (engagement, next check-in, active goals' metrics and
rating trends, open actions overdue first, the last session's goal and the last reflection's focus,
the agreement's boundaries on one line). The history and a session's record are in
``coachtui.domain.session_record``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from coachtui.domain.models import (
    Action,
    ActionReview,
    ActionStatus,
    Agreement,
    CheckIn,
    Goal,
    GoalStatus,
    Metric,
    Reflection,
    Session,
    SessionStatus,
)
from coachtui.domain.progress import rating_series, sparkline
from coachtui.domain.wrap_up import goal_is_closed

# --- the overview -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalLine:
    """An active goal with its metric and the client's progress ratings over sessions."""

    goal: Goal
    ratings: list[int]
    spark: str

    @property
    def metric_text(self) -> str:
        return metric_text(self.goal.metric)


@dataclass(frozen=True)
class ActionLine:
    """An open action, whether it is overdue, and its latest review (None if never reviewed)."""

    action: Action
    overdue: bool
    last_review: ActionReview | None
    closed_goal: Goal | None = None
    """The goal it serves, when that goal is closed or of an earlier cycle (see ``domain/wrap_up``)."""


@dataclass(frozen=True)
class Overview:
    """What the coach reads before the next session with one client."""

    next_number: int
    sessions_held: int
    sessions_planned: int
    weeks_since_start: int | None
    cadence: str
    next_checkin: CheckIn | None
    next_checkin_date: date | None
    """The date of the next check-in: the plan's, or the one agreed at the close of the last session."""
    goals: list[GoalLine]
    actions: list[ActionLine]
    last_session: Session | None
    focus: str
    """The latest reflection's focus for the next session ("" if none was written)."""
    focus_session: int | None
    """The number of the session that reflection is on."""
    boundaries: str
    last_checkin: CheckIn | None = None
    """The latest check-in held, with the client's answers."""
    closed_goal_actions: list[ActionLine] = field(default_factory=list)
    """Open actions whose goal is closed: still commitments, listed apart from ``actions``."""
    reviewed: list[ReviewedLine] = field(default_factory=list)
    """What became of the client's commitments lately: reviews of the last ``REVIEWED_DAYS``, newest first."""


REVIEWED_DAYS = 35
"""How far back the overview lists reviews: "what did they commit to last month, and did they do it"."""


@dataclass(frozen=True)
class ReviewedLine:
    """One review of an action: what the client committed to, what became of it, and their learning."""

    action: Action
    review: ActionReview


def recently_reviewed(
    actions: Iterable[Action], today: date, days: int = REVIEWED_DAYS
) -> list[ReviewedLine]:
    """Every review of the last ``days`` days (in a session or between sessions), newest first."""
    since = today - timedelta(days=days)
    found = [
        ReviewedLine(action, review)
        for action in actions
        for review in action.reviews
        if since <= review.at.date() <= today
    ]
    return sorted(found, key=lambda line: line.review.at, reverse=True)


def metric_text(metric: Metric) -> str:
    """``Conversations held: 1 → 4 → 8 conversations`` (baseline → current → target); "" without values."""

    if metric.baseline is None and metric.target is None and metric.current is None:
        return ""
    name = f"{metric.name}: " if metric.name else ""
    unit = f" {metric.unit}" if metric.unit else ""
    baseline, current, target = (
        "?" if v is None else f"{v:g}" for v in (metric.baseline, metric.current, metric.target)
    )
    return f"{name}{baseline} → {current} → {target}{unit}"


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks too) as one space."""
    return " ".join(text.split())


def open_actions_overdue_first(actions: Iterable[Action], today: date) -> list[ActionLine]:
    """Open actions: overdue first (longest overdue first), then by due date, then those without a date."""
    open_ = [a for a in actions if a.status is ActionStatus.OPEN]

    def order(action: Action) -> tuple[int, date, int]:
        if action.due is None:
            return (2, date.max, action.position)
        return (0 if action.due < today else 1, action.due, action.position)

    return [
        ActionLine(a, a.due is not None and a.due < today, a.reviews[-1] if a.reviews else None)
        for a in sorted(open_, key=order)
    ]


def next_checkin(checkins: Iterable[CheckIn]) -> CheckIn | None:
    """The first check-in not yet held, by session number, then date (one that slipped by comes first)."""
    pending = [c for c in checkins if not c.done]

    def order(checkin: CheckIn) -> tuple[int, date]:
        return (checkin.at_session or 10**6, checkin.on_date or date.max)

    return min(pending, key=order, default=None)


def client_overview(
    agreement: Agreement,
    goals: Iterable[Goal],
    actions: Iterable[Action],
    checkins: Iterable[CheckIn],
    sessions: Sequence[Session],
    reflections: Iterable[Reflection],
    today: date,
    *,
    cycle: int = 1,
) -> Overview:
    """The overview of one client in engagement ``cycle``. ``reflections`` may be only the latest
    ones; the newest by its session's number is the one whose focus is shown."""
    held = sorted((s for s in sessions if s.status is SessionStatus.CLOSED), key=lambda s: s.number)
    last = held[-1] if held else None
    number_of = {s.id: s.number for s in sessions}
    reflected = sorted(
        (r for r in reflections if r.session_id in number_of), key=lambda r: number_of[r.session_id]
    )
    latest = reflected[-1] if reflected else None
    start = agreement.start_date or (held[0].started_at.date() if held else None)
    next_number = (last.number if last else 0) + 1
    checkin = next_checkin(checkins)
    dates = [d for d in (checkin.on_date if checkin else None, last.next_checkin if last else None) if d]
    goals = list(goals)
    actions = list(actions)
    closed = {goal.id: goal for goal in goals if goal_is_closed(goal, cycle)}
    lines = open_actions_overdue_first(actions, today)
    goal_lines = []
    for goal in sorted(goals, key=lambda g: g.position):
        if goal.status is not GoalStatus.ACTIVE:
            continue
        values = [value for _, value in rating_series(held, goal.id)]
        goal_lines.append(GoalLine(goal, values, sparkline(values)))
    return Overview(
        next_number=next_number,
        sessions_held=len(held),
        sessions_planned=agreement.sessions_planned,
        weeks_since_start=(today - start).days // 7 if start and start <= today else None,
        cadence=agreement.cadence,
        next_checkin=checkin,
        next_checkin_date=min(dates, default=None),
        last_checkin=max(
            (c for c in checkins if c.done and c.held_on), key=lambda c: c.held_on or date.min, default=None
        ),
        goals=goal_lines,
        actions=[line for line in lines if line.action.goal_id not in closed],
        closed_goal_actions=[
            replace(line, closed_goal=closed[line.action.goal_id])
            for line in lines
            if line.action.goal_id in closed
        ],
        last_session=last,
        focus=latest.next_focus.strip() if latest else "",
        focus_session=number_of[latest.session_id] if latest else None,
        boundaries=one_line(agreement.boundaries),
        reviewed=recently_reviewed(actions, today),
    )
