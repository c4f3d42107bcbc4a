"""Provides what the live screen shows of a `LiveSession`: the heading, the stage views, the status lines.

Pure functions of the model and the moment, so the screen only passes their results to its widgets.
"""

from __future__ import annotations

from datetime import datetime

from coachtui.domain.live import LiveSession
from coachtui.domain.models import Client, NoteKind
from coachtui.ui.live.live_keys import STAGE_KEYS
from coachtui.ui.live.stage_bar import StageView

KIND_LABEL = {
    NoteKind.NOTE: "note",
    NoteKind.INSIGHT: "! insight",
    NoteKind.QUOTE: "> client quote",
    NoteKind.PRIVATE: "~ coach-private",
}


def heading(client: Client, live: LiveSession) -> str:
    session = live.session
    goal = f" · {session.goal}" if session.goal else ""
    planned = client.agreement.sessions_planned
    return f"[b]{client.name}[/b] · session {session.number}/{planned} · {live.framework.name}{goal}"


def stage_views(live: LiveSession, now: datetime) -> list[StageView]:
    """Each stage of the framework with its key, the time spent in it so far and its time-box."""
    seconds = live.session.stage_seconds(until=now)
    planned = live.session.planned_minutes
    return [
        StageView(
            name=stage.name,
            key=STAGE_KEYS[index].upper() if index < len(STAGE_KEYS) else "",
            seconds=seconds.get(stage.id, 0.0),
            timebox_seconds=live.framework.timebox_seconds(stage.id, planned),
            current=stage.id == live.stage.id,
        )
        for index, stage in enumerate(live.framework.stages)
    ]


def kind_status(kind: NoteKind, keys: str) -> str:
    return f"[b]{KIND_LABEL[kind]}[/b] [dim]· {keys}[/dim]"


def actions_title(count: int, keys: str) -> str:
    return f"[b]Actions ({count})[/b]  [dim]{keys}[/dim]"


def save_warning(error: str, retry_seconds: float) -> str:
    return (
        f"⚠ NOT SAVED: {error}  Keep typing: everything stays here and saving is retried every "
        f"{retry_seconds:.0f} s."
    )
