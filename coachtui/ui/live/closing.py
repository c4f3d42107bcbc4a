"""Provides the closing summary: what was agreed, time in each stage, the next check-in; Enter closes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Input, Static

from coachtui.domain.dates import DateParseError, format_due, parse_date
from coachtui.domain.frameworks import Framework
from coachtui.domain.models import Action, NoteKind, Session
from coachtui.ui.live.session_clock import clock_text
from coachtui.ui.live.stage_bar import minutes
from coachtui.ui.shared.form_dialog import FormDialog, FormKey
from coachtui.ui.shared.form_row import FormRow
from coachtui.ui.styles import style


@dataclass(frozen=True)
class CloseChoice:
    """The coach's answer: close, with this next check-in date (or none)."""

    next_checkin: date | None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def closing_summary(
    session: Session, framework: Framework, actions: list[Action], at: datetime, today: date
) -> str:
    """The text of the summary: duration, time per stage, notes, ratings and the actions agreed."""
    seconds = session.stage_seconds(until=at)
    elapsed = (at - session.started_at).total_seconds()
    lines = [f"[b]{clock_text(elapsed)}[/b] of {session.planned_minutes} planned minutes"]
    lines.append("  ".join(f"{stage.name} {minutes(seconds.get(stage.id, 0))}" for stage in framework.stages))
    kinds = Counter(note.kind for note in session.notes)
    lines.append(
        f"{plural(len(session.notes), 'note')}: {plural(kinds[NoteKind.INSIGHT], 'insight')}, "
        f"{plural(kinds[NoteKind.QUOTE], 'client quote')}, {kinds[NoteKind.PRIVATE]} private · "
        f"{plural(len(session.prompts), 'question')} asked · {plural(len(session.ratings), 'rating')}"
    )
    lines.append("")
    lines.append(f"[b]Actions agreed ({len(actions)})[/b]")
    for action in actions:
        due = format_due(action.due, today) if action.due else "no date"
        lines.append(f"• {action.text} · {due}")
    if not actions:
        lines.append("[dim]none: is there anything the client wants to commit to?[/dim]")
    return "\n".join(lines)


SUMMARY_ROWS = 14
CHROME_ROWS = 9
"""Rows of the dialog besides the summary: border, title, check-in field, error line, hint."""


class ClosingScreen(FormDialog[CloseChoice]):
    """The confirmation of ending the session: Enter closes, escape goes back to the session."""

    CSS_PATH = style("closing")
    AUTO_FOCUS = "#next-checkin"
    KEY_PREFIX = "closing"
    SAVE = FormKey("close", "Close session", "close the session")
    CANCEL = FormKey("back", "Back to session", "back to the session")
    ENTER = "save"

    def __init__(self, title: str, summary: str, today: date, suggested: date | None) -> None:
        super().__init__()
        self._title = title
        self._summary = summary
        self._today = today
        self._suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(id="closing-box"):
            yield Static(self._title, id="closing-title")
            with VerticalScroll(id="closing-summary"):
                yield Static(self._summary)
            suggested = self._suggested.isoformat() if self._suggested else ""
            yield FormRow(
                "Next check-in",
                Input(
                    suggested,
                    placeholder="+2w, next fri, 2026-12-07 (optional)",
                    id="next-checkin",
                    compact=True,
                ),
            )
            yield self.error_line()
            yield self.hint_line()

    def on_resize(self, event: Resize) -> None:
        # The summary gives way on a small terminal (40x12): the check-in field and its keys stay in view.
        room = event.size.height - CHROME_ROWS
        self.query_one("#closing-summary").styles.max_height = max(1, min(SUMMARY_ROWS, room))

    def submit(self) -> CloseChoice | None:
        raw = self.query_one("#next-checkin", Input).value.strip()
        try:
            return CloseChoice(parse_date(raw, self._today) if raw else None)
        except DateParseError as error:
            self.show_error(str(error))
            return None
