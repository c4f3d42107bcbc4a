"""Provides SMART hints for goals and actions: short gaps to show beside them, never to block saving.

Goal gaps (only for an active goal; a closed goal needs no hints):

- ``not specific``: no ``specific`` text and a title shorter than four words;
- ``no measure``: neither success criteria (``measure``) nor a metric target;
- ``no baseline``: a metric target without a baseline to measure progress from;
- ``achievable?``: nothing written about what makes it achievable;
- ``not linked to vision``: nothing in ``relevant`` linking it to the client's vision and values;
- ``no date``: no target date; ``date passed`` when ``today`` is given and the date is behind it;
- ``no planned sessions``: no planned number of sessions (proximal 2–3, distal 4–12).

Action gaps (only for an open action), the SMART core of a commitment plus its accountability:

- ``no goal``: not linked to a goal; ``no date``; ``date passed`` (with ``today``);
- ``no measure``: nothing on how the client will know it is done;
- ``no accountability``: no way chosen by the client to hold themself accountable;
- ``commitment not rated`` or ``low commitment 5/10`` (below 7: ask what would make it higher).

The other parts of ICF competency 8 (expected result or learning, support, barriers, backup plan)
are not gaps but questions still worth asking: ``action_questions`` lists those not yet explored.
"""

from __future__ import annotations

from datetime import date

from coachtui.domain.models import Action, ActionStatus, Goal, GoalStatus

LOW_COMMITMENT = 7
"""A commitment below this (0–10) is flagged: ask the client what would make it higher."""

MIN_SPECIFIC_TITLE_WORDS = 4
"""A goal title of at least this many words counts as specific even without the ``specific`` field."""

RAISE_COMMITMENT_QUESTION = "What would make your commitment higher?"


def _blank(text: str) -> bool:
    return not text.strip()


def goal_gaps(goal: Goal, today: date | None = None) -> list[str]:
    """Return the SMART gaps of an active goal, most important first (see the module's list)."""
    if goal.status is not GoalStatus.ACTIVE:
        return []
    gaps: list[str] = []
    if _blank(goal.specific) and len(goal.title.split()) < MIN_SPECIFIC_TITLE_WORDS:
        gaps.append("not specific")
    if _blank(goal.measure) and goal.metric.target is None:
        gaps.append("no measure")
    if goal.metric.target is not None and goal.metric.baseline is None:
        gaps.append("no baseline")
    if _blank(goal.achievable):
        gaps.append("achievable?")
    if _blank(goal.relevant):
        gaps.append("not linked to vision")
    if goal.target_date is None:
        gaps.append("no date")
    elif today is not None and goal.target_date < today:
        gaps.append("date passed")
    if goal.planned_sessions is None:
        gaps.append("no planned sessions")
    return gaps


def action_gaps(action: Action, today: date | None = None) -> list[str]:
    """Return the gaps of an open action, most important first (see the module's list)."""
    if action.status is not ActionStatus.OPEN:
        return []
    gaps: list[str] = []
    if action.goal_id is None:
        gaps.append("no goal")
    if action.due is None:
        gaps.append("no date")
    elif today is not None and action.due < today:
        gaps.append("date passed")
    if _blank(action.measure):
        gaps.append("no measure")
    if _blank(action.accountability):
        gaps.append("no accountability")
    if action.commitment is None:
        gaps.append("commitment not rated")
    elif action.commitment < LOW_COMMITMENT:
        gaps.append(f"low commitment {action.commitment}/10")
    return gaps


def action_questions(action: Action) -> list[str]:
    """Return questions for the parts of an open action not yet explored with the client (ICF 8)."""
    if action.status is not ActionStatus.OPEN:
        return []
    questions: list[str] = []
    if action.commitment is not None and action.commitment < LOW_COMMITMENT:
        questions.append(RAISE_COMMITMENT_QUESTION)
    if _blank(action.measure):
        questions.append("How will you know it is done?")
    if _blank(action.expected):
        questions.append("What result or learning do you want it to bring?")
    if _blank(action.support):
        questions.append("What support or resources will you need?")
    if _blank(action.barriers):
        questions.append("What might get in the way?")
    if _blank(action.backup):
        questions.append("What is your backup plan?")
    if _blank(action.accountability):
        questions.append("How will you hold yourself accountable?")
    if action.commitment is None:
        questions.append("On a scale of 0–10, how committed are you?")
    return questions


def smart_label(gaps: list[str], ok: str = "") -> str:
    """Return the gaps as one short line (``no date · no measure``), or ``ok`` when there are none."""
    return " · ".join(gaps) if gaps else ok
