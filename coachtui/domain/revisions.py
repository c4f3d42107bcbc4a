"""Provides the plan's revision records: what an edit changed, field by field, and when to ask why.

A revision stores each changed field as text (``FieldChange(field, before, after)``), so the
history reads the same years later whatever the model becomes. Nested fields are dotted
(``metric.target``); an empty value is stored as ``""`` and shown as ``(empty)``.

A reason is asked for every change to a goal (added, edited, deleted) and for a changed due date
of an action: those are the modifications a coach must be able to justify by the client's own
decision. Other changes (an action's status, its order, a check-in) are recorded without asking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from coachtui.domain.models import FieldChange, PlanRevision

TargetKind = Literal["plan", "goal", "action", "checkin", "agreement", "cycle", "session"]

IGNORED_FIELDS = frozenset(
    {"id", "schema_version", "client_id", "created_at", "updated_at", "position", "reviews", "session_id"}
)
"""Bookkeeping fields: they change without the client or coach deciding anything."""

_LABELS = {
    "target_date": "target date",
    "planned_sessions": "planned sessions",
    "planned_sessions_max": "planned sessions (at most)",
    "metric.name": "metric",
    "metric.baseline": "baseline",
    "metric.target": "target",
    "metric.unit": "unit",
    "metric.current": "current value",
    "goal_id": "goal",
    "at_session": "at session",
    "on_date": "on date",
    "text": "words",
    "expected": "result or learning",
    "backup": "backup plan",
}

EMPTY = "(empty)"

_CHOICE_FIELDS = frozenset({"status", "horizon", "payment", "format"})


def format_value(value: Any) -> str:
    """Return ``value`` as the text a revision stores: ISO dates, enum values, ``2`` not ``2.0``."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(format_value(item) for item in value)
    return str(value)


def flatten(record: BaseModel) -> dict[str, Any]:
    """Return the record's fields as a flat mapping, nested models as dotted names."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, model: BaseModel) -> None:
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, BaseModel):
                walk(f"{prefix}{name}.", value)
            else:
                flat[f"{prefix}{name}"] = value

    walk("", record)
    return flat


def diff_records(
    before: BaseModel | None, after: BaseModel | None, ignore: Iterable[str] = IGNORED_FIELDS
) -> list[FieldChange]:
    """Return what changed from ``before`` to ``after``, in field order; either may be None (added, deleted).

    Only fields with a value on at least one side are listed, so adding a record lists what was filled in.
    """
    skipped = set(ignore)
    old = flatten(before) if before is not None else {}
    new = flatten(after) if after is not None else {}
    changes = []
    for name in dict.fromkeys([*old, *new]):
        if name in skipped:
            continue
        was, now = format_value(old.get(name)), format_value(new.get(name))
        if was != now:
            changes.append(FieldChange(field=name, before=was, after=now))
    return changes


def field_label(field: str) -> str:
    """Return a field's name in coaching words: ``target_date`` reads ``target date``."""
    return _LABELS.get(field, field.replace("_", " ").replace(".", " "))


def describe_change(change: FieldChange, names: Mapping[str, str] | None = None) -> str:
    """Return one change as a line: ``target date: 2026-12-01 → 2027-01-15``.

    ``names`` maps ids to titles, so a changed goal link reads as the goals' titles, not their ids.
    """
    lookup = names or {}
    before = lookup.get(change.before, change.before) or EMPTY
    after = lookup.get(change.after, change.after) or EMPTY
    if change.field in _CHOICE_FIELDS:  # stored as enum values: partly_achieved reads "partly achieved"
        before, after = before.replace("_", " "), after.replace("_", " ")
    return f"{field_label(change.field)}: {before} → {after}"


GOAL_AGREED_FIELDS = frozenset(
    {
        "title",
        "specific",
        "measure",
        "achievable",
        "relevant",
        "target_date",
        "planned_sessions",
        "planned_sessions_max",
        "status",
    }
)
"""What the client agreed about a goal: its wording, its target and date, whether it still stands."""


def needs_reason(
    kind: TargetKind, changes: Iterable[FieldChange], *, added: bool = False, deleted: bool = False
) -> bool:
    """Return whether to ask the coach why: something the client agreed changed (a goal's wording,
    target, metric or date; an action's due date). Never for something new: it is its own reason."""
    if added:
        return False
    fields = [change.field for change in changes]
    if kind == "goal":
        return deleted or any(f in GOAL_AGREED_FIELDS or f.startswith("metric.") for f in fields)
    if kind == "action" and not deleted:
        return "due" in fields
    return False


def make_revision(
    client_id: str,
    at: datetime,
    kind: TargetKind,
    target_id: str | None,
    summary: str,
    changes: list[FieldChange],
    *,
    reason: str = "",
    client_decided: bool = True,
) -> PlanRevision:
    """Return a revision record; a small wrapper so every caller fills the same fields."""
    return PlanRevision(
        client_id=client_id,
        at=at,
        target_kind=kind,
        target_id=target_id,
        summary=summary,
        changes=changes,
        reason=reason,
        client_decided=client_decided,
    )


def short(text: str, width: int = 40) -> str:
    """Return ``text`` cut to ``width`` characters with an ellipsis, for summaries."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
