"""Provides progress figures: engagement counts, action completion, scaling series, sparklines.

Action completion and goal achievement are kept apart on purpose: finishing every action linked to
a goal says nothing about whether the goal is achieved. ``GoalProgress.achieved`` comes only from
the goal's own status, which the client decides.

Action counts leave dropped actions out of the total; only ``done`` counts as done (``partly`` is
counted separately). An action is *open* while its status is ``open``; it is *overdue* when it is
open and its due date is before today.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from coachtui.domain.models import (
    Action,
    ActionStatus,
    Goal,
    GoalStatus,
    Metric,
    RatingKind,
    ScalingRating,
    SessionStatus,
)

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


class RatedSession(Protocol):
    """What the ratings need of a session: a ``Session``, or a digest of one without its notes."""

    @property
    def number(self) -> int: ...

    @property
    def status(self) -> SessionStatus: ...

    @property
    def ratings(self) -> Sequence[ScalingRating]: ...


def engagement_progress(sessions_held: int, sessions_planned: int) -> str:
    """Return where an engagement stands: ``session 3 of 8``, ``0 of 8 sessions``, ``session 9 (8 planned)``.

    ``sessions_held`` is the number of the latest session held (or being held).
    """
    held = max(0, sessions_held)
    if sessions_planned < 1:
        return f"session {held}" if held else "no sessions yet"
    if held == 0:
        return f"0 of {sessions_planned} sessions"
    if held > sessions_planned:
        return f"session {held} ({sessions_planned} planned)"
    return f"session {held} of {sessions_planned}"


def is_open(action: Action) -> bool:
    """Return whether the action is still an open commitment."""
    return action.status is ActionStatus.OPEN


def action_completion(actions: Iterable[Action]) -> tuple[int, int]:
    """Return ``(done, total)`` for the actions, dropped actions left out of the total."""
    done = total = 0
    for action in actions:
        if action.status is ActionStatus.DROPPED:
            continue
        total += 1
        if action.status is ActionStatus.DONE:
            done += 1
    return done, total


def overdue_actions(actions: Iterable[Action], today: date) -> list[Action]:
    """Return the open actions due before ``today``, the longest overdue first."""
    overdue = [a for a in actions if is_open(a) and a.due is not None and a.due < today]
    overdue.sort(key=lambda a: (a.due or today, a.position))
    return overdue


def rating_series(
    sessions: Iterable[RatedSession],
    goal_id: str | None = None,
    kind: RatingKind = RatingKind.PROGRESS,
) -> list[tuple[date, int]]:
    """Return every rating of ``kind`` as ``(date, value)`` in time order.

    With ``goal_id`` only the ratings for that goal; without it, the ratings for any goal or none.
    Ratings given at the same moment keep the order the sessions and their ratings are listed in.
    """
    found: list[ScalingRating] = []
    for session in sessions:
        for rating in session.ratings:
            if rating.kind == kind and (goal_id is None or rating.goal_id == goal_id):
                found.append(rating)
    found.sort(key=lambda rating: rating.at)
    return [(rating.at.date(), rating.value) for rating in found]


def metric_fraction(metric: Metric) -> float | None:
    """Return how far the current value has come from baseline to target (0 at baseline, 1 at target).

    Works for targets below the baseline too (fewer late nights). The figure is not clamped: below 0
    means worse than the baseline, above 1 beyond the target. None when a value is missing or the
    target equals the baseline.
    """
    if metric.baseline is None or metric.target is None or metric.current is None:
        return None
    span = metric.target - metric.baseline
    if span == 0:
        return None
    return (metric.current - metric.baseline) / span


@dataclass(frozen=True)
class GoalProgress:
    """The figures about one goal's progress; none of them infers achievement from actions."""

    goal_id: str
    status: GoalStatus
    achieved: bool
    """True only when the goal's status says so."""
    actions_done: int
    actions_partly: int
    actions_total: int
    ratings: list[tuple[date, int]] = field(default_factory=list)
    """The client's progress ratings (0–10) for this goal, in time order."""
    latest: dict[RatingKind, tuple[date, int]] = field(default_factory=dict)
    """The most recent rating of each kind for this goal."""
    metric_fraction: float | None = None

    @property
    def action_fraction(self) -> float | None:
        """Done actions over all linked (not dropped) actions; None without actions."""
        return self.actions_done / self.actions_total if self.actions_total else None


def goal_progress(goal: Goal, actions: Iterable[Action], sessions: Sequence[RatedSession]) -> GoalProgress:
    """Return the progress figures for ``goal`` from its linked actions and the sessions' ratings."""
    linked = [action for action in actions if action.goal_id == goal.id]
    done, total = action_completion(linked)
    partly = sum(1 for action in linked if action.status is ActionStatus.PARTLY)
    latest: dict[RatingKind, tuple[date, int]] = {}
    for kind in RatingKind:
        series = rating_series(sessions, goal.id, kind)
        if series:
            latest[kind] = series[-1]
    return GoalProgress(
        goal_id=goal.id,
        status=goal.status,
        achieved=goal.status is GoalStatus.ACHIEVED,
        actions_done=done,
        actions_partly=partly,
        actions_total=total,
        ratings=rating_series(sessions, goal.id, RatingKind.PROGRESS),
        latest=latest,
        metric_fraction=metric_fraction(goal.metric),
    )


def sparkline(values: Iterable[float], lo: float = 0, hi: float = 10) -> str:
    """Return one block character a value (``▁`` at ``lo`` … ``█`` at ``hi``), values clamped to the range.

    A missing value (NaN) shows as a space, so a gap in a series stays visible.
    """
    if hi <= lo:
        raise ValueError(f"sparkline needs lo < hi, got lo={lo} and hi={hi}")
    top = len(SPARK_BLOCKS) - 1
    chars = []
    for value in values:
        if math.isnan(value):
            chars.append(" ")
            continue
        level = round((min(max(value, lo), hi) - lo) / (hi - lo) * top)
        chars.append(SPARK_BLOCKS[level])
    return "".join(chars)
