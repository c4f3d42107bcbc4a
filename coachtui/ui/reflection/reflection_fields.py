"""Provides the reflection form's fields and how a Reflection maps to and from the form's raw values."""

from __future__ import annotations

from datetime import date
from typing import Any

from coachtui.domain.dates import format_due
from coachtui.domain.models import Action, Client, RatingKind, Reflection, Session

# (field, label, placeholder) of the free-text fields, split around progress and competencies (tab order).
BEFORE = [
    ("what_worked", "What worked", "what helped the client move forward?"),
    ("what_did_not", "What did not", "where did the conversation stall, or you lead?"),
    ("adjust_next_time", "Adjust next time", "one thing to do differently"),
]
AFTER = [
    ("learned", "What I learned", "for your CPD log"),
    ("next_focus", "Next focus", "where to start next session"),
]
TEXT_FIELDS = [field for field, _, _ in BEFORE + AFTER]
PROGRESS_ERROR = "The client's progress is a whole number from 0 to 10, or empty."
SHOWN_ACTIONS = 2


def draft_key(session_id: str) -> str:
    """The settings key under which an unfinished reflection waits when the app quits."""
    return f"reflection_draft.{session_id}"


def prefilled(client: Client, session: Session) -> Reflection:
    """A new reflection with what the session says: date, length, the client's last progress rating."""
    ratings = [r.value for r in session.ratings if r.kind == RatingKind.PROGRESS]
    return Reflection(
        session_id=session.id,
        client_id=client.id,
        session_date=session.started_at.date(),
        duration_minutes=round(session.duration_minutes(), 1),
        client_progress=ratings[-1] if ratings else None,
        payment=client.agreement.payment,
    )


def form_values(reflection: Reflection) -> dict[str, Any]:
    """A reflection as the form's raw values: what is compared to tell whether anything was typed."""
    values: dict[str, Any] = {field: getattr(reflection, field) for field in TEXT_FIELDS}
    progress = reflection.client_progress
    values["client_progress"] = "" if progress is None else str(progress)
    values["competencies"] = [c.value for c in reflection.competencies]
    values["payment"] = reflection.payment.value
    return values


def progress_error(raw: str) -> str | None:
    """Why the typed progress cannot be saved, or None: it is empty or a whole number from 0 to 10."""
    return None if raw == "" or (raw.isdigit() and int(raw) <= 10) else PROGRESS_ERROR


def to_reflection(base: Reflection, values: dict[str, Any]) -> Reflection:
    """The reflection ``base`` with the form's raw values; raises pydantic's ValidationError."""
    update = {**values, **{field: values[field].strip() for field in TEXT_FIELDS}}
    raw = values["client_progress"]
    update["client_progress"] = int(raw) if raw else None
    return Reflection.model_validate({**base.model_dump(), **update})


def heading(client: Client, session: Session, base: Reflection, actions: int, today: date) -> str:
    """The title line, e.g. "Reflection · Dana Ortiz · session 3 of 8 · 52 min · 2 actions agreed"."""
    held = f"session {session.number} of {client.agreement.sessions_planned}"
    when = session.started_at
    if when.date() != today:
        held += f", {when:%d %b}" if when.year == today.year else f", {when:%d %b %Y}"
    minutes = round(base.duration_minutes or session.duration_minutes())
    agreed = f"{actions} action{'s' if actions != 1 else ''} agreed"
    return " · ".join(["Reflection", client.name, held, f"{minutes} min", agreed])


def actions_text(actions: list[Action], today: date) -> str:
    """The actions agreed, one a line, the first few only: the form needs the room."""
    if not actions:
        return "No actions agreed in this session."
    lines = [
        f"• {action.text} · {format_due(action.due, today) if action.due else 'no date'}"
        for action in actions[:SHOWN_ACTIONS]
    ]
    if len(actions) > SHOWN_ACTIONS:
        lines[-1] += f"  (+{len(actions) - SHOWN_ACTIONS} more)"
    return "\n".join(lines)
