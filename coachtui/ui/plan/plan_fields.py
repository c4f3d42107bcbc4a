"""Provides the fields of each plan item's form, in the order a coach asks them, and their SMART previews."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError

from coachtui.domain.models import Action, ActionStatus, CheckIn, Goal, GoalStatus, Horizon
from coachtui.domain.plan_edits import with_values
from coachtui.domain.revisions import flatten
from coachtui.domain.smart import action_gaps, goal_gaps, smart_label
from coachtui.ui.plan.plan_item_form import FieldSpec, PlanItemForm

DATES = "fri, +3d, next week, 2026-12-01"


def _choices(enum: Any) -> list[tuple[str, Any]]:
    return [(member.value.replace("_", " "), member) for member in enum]


GOAL_FIELDS = [
    FieldSpec("title", "Goal *", placeholder="in the client's words", required=True),
    FieldSpec("specific", "Specific", placeholder="what exactly do you want?"),
    FieldSpec("measure", "Measure", placeholder="how will you know it is achieved?"),
    FieldSpec("achievable", "Achievable", placeholder="what makes it within reach?"),
    FieldSpec("relevant", "Relevant", placeholder="how does it link to your vision and values?"),
    FieldSpec("target_date", "Target date", "date", placeholder=DATES),
    FieldSpec("horizon", "Horizon", "select", options=_choices(Horizon), required=True),
    FieldSpec(
        "planned_sessions", "Sessions", "range", placeholder="proximal 2-3, distal 4-12", low=1, high=100
    ),
    FieldSpec("metric.name", "Metric", placeholder="e.g. networking calls a week"),
    FieldSpec("metric.baseline", "Baseline", "float", placeholder="where it is now", low=-1e9),
    FieldSpec("metric.target", "Target", "float", placeholder="where the client wants it", low=-1e9),
    FieldSpec("metric.unit", "Unit", placeholder="e.g. calls"),
    FieldSpec("metric.current", "Current value", "float", placeholder="latest measurement", low=-1e9),
    FieldSpec("status", "Status", "select", options=_choices(GoalStatus), required=True),
    FieldSpec("outcome", "Outcome", placeholder="what came of it, when it is closed"),
]

VISION_FIELDS = [
    FieldSpec("vision", "Vision", placeholder="the client's preferred future, in their words"),
    FieldSpec("values", "Values", "list", placeholder="comma-separated, e.g. family, growth, honesty"),
]

CHECKIN_FIELDS = [
    FieldSpec("at_session", "At session", "int", placeholder="e.g. 4", low=1, high=200),
    FieldSpec("on_date", "On date", "date", placeholder=DATES),
    FieldSpec("focus", "Focus", placeholder="what this check-in should cover"),
]

CHECKIN_QUESTIONS = [
    FieldSpec("working", "Working", placeholder="what is working?"),
    FieldSpec("not_working", "Not working", placeholder="what is not working?"),
    FieldSpec("adjust", "Adjust", placeholder="how shall we adjust?"),
    FieldSpec("client_progress", "Progress 0-10", "int", placeholder="do you feel progress? 0-10", high=10),
    FieldSpec("held_on", "Held on", "date", placeholder="empty: not held yet"),
]
"""Holding a check-in: the plan's four questions, answered with the client (source 001)."""


def action_fields(goals: Sequence[Goal]) -> list[FieldSpec]:
    """The action form, with the goals it may link to (ICF competency 8, in the order asked)."""
    return [
        FieldSpec("text", "Action *", placeholder="in the client's own words", required=True),
        FieldSpec("goal_id", "Goal", "select", options=[(g.title, g.id) for g in goals]),
        FieldSpec("due", "By when", "date", placeholder=DATES),
        FieldSpec("status", "Status", "select", options=_choices(ActionStatus), required=True),
        FieldSpec("measure", "Done when", placeholder="how will you know it is done?"),
        FieldSpec("expected", "Result/learning", placeholder="what should it bring you?"),
        FieldSpec("support", "Support", placeholder="who or what will help?"),
        FieldSpec("barriers", "Barriers", placeholder="what might get in the way?"),
        FieldSpec("backup", "Backup plan", placeholder="and if that happens?"),
        FieldSpec("accountability", "Accountability", placeholder="check-in, log, buddy, reminder..."),
        FieldSpec("commitment", "Commitment", "int", placeholder="0-10: how committed are you?", high=10),
    ]


def initial_values(record: Any, specs: Sequence[FieldSpec]) -> dict[str, Any]:
    """The record's values for the form's fields."""
    flat = flatten(record)
    return {
        spec.name: (flat.get(spec.name), flat.get(spec.name + "_max"))
        if spec.kind == "range"
        else flat.get(spec.name)
        for spec in specs
    }


def _label(gaps: list[str]) -> str:
    return "⚠ " + smart_label(gaps) if gaps else "SMART: nothing missing"


def goal_preview(base: Goal, today: date) -> Callable[[dict[str, Any]], str]:
    """The SMART gaps of the goal as it is being typed."""

    def preview(values: dict[str, Any]) -> str:
        try:
            draft = with_values(base, {**values, "title": values.get("title") or "-"})
        except ValidationError:
            return ""
        return _label(goal_gaps(draft, today)) if values.get("title") else ""

    return preview


def action_preview(base: Action, today: date) -> Callable[[dict[str, Any]], str]:
    """The gaps of the action as it is being typed."""

    def preview(values: dict[str, Any]) -> str:
        try:
            draft = with_values(base, {**values, "text": values.get("text") or "-"})
        except ValidationError:
            return ""
        return _label(action_gaps(draft, today)) if values.get("text") else ""

    return preview


def hold_checkin_dialog(checkin: CheckIn, today: date) -> PlanItemForm:
    """The form that holds a check-in (in the plan and in the live session): its questions, held today."""
    initial = initial_values(checkin, CHECKIN_QUESTIONS)
    initial["held_on"] = initial["held_on"] or today.isoformat()
    heading = f"Check-in · {checkin.focus or 'how is it going?'}"
    return PlanItemForm(heading, CHECKIN_QUESTIONS, initial, today)


def held_checkin(checkin: CheckIn, answers: dict[str, Any]) -> CheckIn:
    """`checkin` with the client's answers; held when it has a date (raises ValidationError if invalid)."""
    answered = with_values(checkin, answers)
    return answered.model_copy(update={"done": answered.held_on is not None})
