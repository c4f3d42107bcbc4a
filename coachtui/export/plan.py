"""Provides the coaching plan as Markdown: vision, values, goals, actions, check-ins, agreement, history.

Written to be shared with the client or kept beside the coach's contract: every field the plan
editor holds, in plain words, with empty fields left out rather than printed as blanks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from coachtui.domain.models import (
    Action,
    ActionStatus,
    CheckIn,
    Client,
    CoachingPlan,
    Goal,
    GoalStatus,
    Metric,
    PlanRevision,
)
from coachtui.export.recap import OUTCOME_WORDS, long_date

GOAL_STATUS_WORDS = {
    GoalStatus.ACTIVE: "active",
    GoalStatus.ACHIEVED: "achieved",
    GoalStatus.PARTLY: "partly achieved",
    GoalStatus.NOT_ACHIEVED: "not achieved",
    GoalStatus.DROPPED: "dropped",
    GoalStatus.FUTURE: "for after the engagement",
}
ACTION_STATUS_WORDS = {
    ActionStatus.OPEN: "open",
    ActionStatus.DONE: "done",
    ActionStatus.PARTLY: "partly done",
    ActionStatus.NOT_DONE: "not done",
    ActionStatus.CHANGED: "changed",
    ActionStatus.DROPPED: "dropped",
}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _fields(pairs: Iterable[tuple[str, str]], indent: str = "") -> list[str]:
    return [f"{indent}- {label}: {value}" for label, value in pairs if value]


def planned_sessions(goal: Goal) -> str:
    """``3`` or ``2-3``; "" if not planned."""
    low, high = goal.planned_sessions, goal.planned_sessions_max
    if low is None:
        return ""
    return f"{low}-{high}" if high is not None and high != low else str(low)


def metric_line(metric: Metric) -> str:
    """``Conversations held: baseline 1, now 4, target 8 conversations``; "" when nothing is set."""
    values = [
        (word, value)
        for word, value in (("baseline", metric.baseline), ("now", metric.current), ("target", metric.target))
        if value is not None
    ]
    if not values and not metric.name:
        return ""
    shown = ", ".join(f"{word} {value:g}" for word, value in values)
    unit = f" {metric.unit}" if metric.unit and values else ""
    name = metric.name or "metric"
    return f"{name}: {shown}{unit}" if shown else name


def _goal(goal: Goal, actions: list[Action]) -> list[str]:
    lines = ["", f"### {_clean(goal.title)} ({GOAL_STATUS_WORDS[goal.status]})", ""]
    lines += _fields(
        [
            ("Specific", _clean(goal.specific)),
            ("Measure of success", _clean(goal.measure)),
            ("Achievable", _clean(goal.achievable)),
            ("Relevant", _clean(goal.relevant)),
            ("Target date", long_date(goal.target_date) if goal.target_date else ""),
            ("Horizon", goal.horizon.value),
            ("Planned sessions", planned_sessions(goal)),
            ("Metric", metric_line(goal.metric)),
            ("Outcome", _clean(goal.outcome)),
        ]
    )
    if actions:
        lines += ["", "Actions:", ""]
        for action in actions:
            lines += _action(action)
    return lines


def _action(action: Action) -> list[str]:
    due = f", due {long_date(action.due)}" if action.due else ""
    lines = [f"- **{_clean(action.text)}** ({ACTION_STATUS_WORDS[action.status]}{due})"]
    lines += _fields(
        [
            ("Done when", _clean(action.measure)),
            ("Accountability", _clean(action.accountability)),
            ("Commitment", f"{action.commitment}/10" if action.commitment is not None else ""),
        ],
        indent="  ",
    )
    for review in action.reviews:
        learning = f": {_clean(review.learning)}" if review.learning.strip() else ""
        lines.append(f"  - Reviewed {long_date(review.at.date())}: {OUTCOME_WORDS[review.outcome]}{learning}")
    return lines


def _checkin(checkin: CheckIn) -> list[str]:
    when = [long_date(checkin.on_date) if checkin.on_date else ""]
    when.append(f"at session {checkin.at_session}" if checkin.at_session else "")
    state = "planned"
    if checkin.done:
        state = f"held {long_date(checkin.held_on)}" if checkin.held_on else "held"
    head = ", ".join(part for part in when if part) or "date to agree"
    focus = f": {_clean(checkin.focus)}" if checkin.focus.strip() else ""
    lines = [f"- {head} ({state}){focus}"]
    lines += _fields(
        [
            ("What is working", _clean(checkin.working)),
            ("What is not working", _clean(checkin.not_working)),
            ("What to adjust", _clean(checkin.adjust)),
            ("Progress felt", f"{checkin.client_progress}/10" if checkin.client_progress is not None else ""),
        ],
        indent="  ",
    )
    return lines


def _agreement(client: Client) -> list[str]:
    agreement = client.agreement
    group = f"group of {agreement.group_size}" if agreement.format.value == "group" else "individual"
    return _fields(
        [
            ("Started", long_date(agreement.start_date) if agreement.start_date else ""),
            ("Sessions", f"{agreement.sessions_planned} of {agreement.session_minutes} minutes, {group}"),
            ("Cadence", agreement.cadence),
            ("In sessions", agreement.channel_in_session),
            ("Between sessions", f"{agreement.channel_between_sessions}, answered {agreement.response_time}"),
            ("Cancellation", agreement.cancellation_policy),
            (
                "Confidentiality agreed",
                long_date(agreement.confidentiality_consent) if agreement.confidentiality_consent else "",
            ),
            ("Boundaries", _clean(agreement.boundaries)),
        ]
    )


def _revision(revision: PlanRevision) -> str:
    decided = "decided by the client" if revision.client_decided else "decided by the coach"
    reason = f" Why: {_clean(revision.reason)}." if revision.reason.strip() else ""
    return f"- {long_date(revision.at.date())}: {_clean(revision.summary)}.{reason} ({decided})"


def plan_markdown(
    client: Client,
    plan: CoachingPlan,
    goals: Iterable[Goal],
    actions: Iterable[Action],
    checkins: Iterable[CheckIn],
    revisions: Iterable[PlanRevision],
) -> str:
    """The whole plan of ``client`` as one Markdown document; lists in the plan editor's order."""
    goals = sorted(goals, key=lambda g: g.position)
    actions = sorted(actions, key=lambda a: a.position)
    goal_ids = {goal.id for goal in goals}
    lines = [
        f"# Coaching plan: {client.name}",
        "",
        "## Vision",
        "",
        _clean(plan.vision) or "Not written yet.",
    ]
    if plan.values:
        lines += ["", "## Values", "", *(f"- {_clean(value)}" for value in plan.values)]
    lines += ["", "## Goals"]
    for goal in goals:
        lines += _goal(goal, [a for a in actions if a.goal_id == goal.id])
    if not goals:
        lines += ["", "No goals yet."]
    loose = [a for a in actions if a.goal_id not in goal_ids]
    if loose:
        lines += ["", "### Actions not linked to a goal", ""]
        for action in loose:
            lines += _action(action)
    ordered = sorted(checkins, key=lambda c: (c.at_session or 10**6, c.on_date or c.held_on or date.max))
    if ordered:
        lines += ["", "## Check-ins", ""]
        for checkin in ordered:
            lines += _checkin(checkin)
    lines += ["", "## Agreement", "", *_agreement(client)]
    history = sorted(revisions, key=lambda r: r.at)
    if history:
        lines += ["", "## Revision history", "", *(_revision(r) for r in history)]
    return "\n".join(lines) + "\n"
