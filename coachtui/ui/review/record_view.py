"""Provides how a session's record reads: its heading, each entry's kind mark, and the closing blocks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from coachtui.domain.frameworks import UnknownFramework, load_framework
from coachtui.domain.models import Action, Goal, Note, NoteKind, Reflection, Session
from coachtui.domain.review import one_line
from coachtui.domain.session_record import Entry, Passage

MARK_WIDTH = 15
"""The left column: the time and the kind, e.g. '18:51 ~ PRIVATE'."""
GAP = 1
"""The space between the mark and the text."""


class MarkAndBody:
    """The time and kind in a column of ``MARK_WIDTH``, the text wrapped beside it under itself: what a
    two-column ``Table.grid`` draws, at a tenth of its cost (a long session's record measured its 60
    grids several times while laying out, 80 ms)."""

    def __init__(self, mark: Text, body: Text) -> None:
        self.mark = mark.copy()
        self.mark.truncate(MARK_WIDTH, overflow="ellipsis", pad=True)
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = Text(" " * (MARK_WIDTH + GAP))
        gap = Text(" " * GAP)
        # As wide as the text's longest line allows, as the grid was (its padding included).
        longest = max((line.cell_len for line in self.body.split("\n")), default=0)
        width = max(MARK_WIDTH + GAP + 1, min(options.max_width, MARK_WIDTH + GAP + longest))
        lines = self.body.wrap(console, width - MARK_WIDTH - GAP)
        for index, line in enumerate(lines or [Text()]):
            row = Text.assemble(self.mark, gap, line) if index == 0 else Text.assemble(indent, line)
            row.pad_right(width - row.cell_len)
            yield row

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(MARK_WIDTH + GAP + 1, options.max_width)


KIND_MARK: dict[NoteKind, tuple[str, str]] = {
    NoteKind.NOTE: ("· note", "dim"),
    NoteKind.INSIGHT: ("! INSIGHT", "bold green"),
    NoteKind.QUOTE: ("» QUOTE", "bold cyan"),
    NoteKind.PRIVATE: ("~ PRIVATE", "bold black on yellow"),
}
"""Each kind's mark in the record's left column, and its style; private notes stand out most."""
KIND_TEXT = {NoteKind.INSIGHT: "bold", NoteKind.QUOTE: "italic", NoteKind.PRIVATE: "yellow"}
QUESTION_MARK = ("? asked", "dim italic")
REFLECTION_SECTIONS = [
    ("what_worked", "What worked"),
    ("what_did_not", "What did not"),
    ("adjust_next_time", "Adjust next time"),
    ("learned", "What I learned (CPD)"),
    ("next_focus", "Focus for next session"),
]


def stage_names(framework_id: str) -> dict[str, str]:
    try:
        return load_framework(framework_id).stage_names()
    except UnknownFramework:
        return {}


def minutes(seconds: float) -> str:
    return "<1m" if 0 < seconds < 60 else f"{int(seconds // 60)}m"


def heading_text(session: Session, client_name: str) -> Text:
    text = Text()
    text.append(f"{client_name} · session {session.number} · {session.started_at:%a %d %b %Y, %H:%M}", "bold")
    length = f"{round(session.duration_minutes())} of {session.planned_minutes} min"
    if session.ended_at is None:
        length = f"still open ({session.planned_minutes} min planned)"
    text.append(f" · {session.framework.upper()} · {length}")
    text.append("\nSession goal: ", style="bold")
    goal = one_line(session.goal)
    text.append(goal or "none written", style="" if goal else "dim")
    return text


def passage_heading(passage: Passage, names: Mapping[str, str]) -> Text:
    text = Text()
    text.append(names.get(passage.stage, passage.stage.replace("_", " ").title()), style="bold reverse")
    when = f" {passage.started_at:%H:%M}" if passage.started_at else ""
    text.append(f"{when} · {minutes(passage.seconds)}", style="bold")
    return text


def entry_mark(entry: Entry, note: Note | None) -> Text:
    """The left column: the time, then the kind (``? asked`` for a question)."""
    label, style = QUESTION_MARK if note is None else KIND_MARK[note.kind]
    text = Text(f"{entry.at:%H:%M} ", style="dim")
    text.append(label, style=style)
    return text


def entry_body(entry: Entry, note: Note | None) -> Text:
    """The note's text (a quote in quotation marks), and a correction's mark with what was written."""
    if note is None:
        return Text(entry.text, style="dim italic")
    shown = f"“{note.text}”" if note.kind is NoteKind.QUOTE else note.text
    text = Text(shown, style=KIND_TEXT.get(note.kind, ""))
    if note.edited_at is not None:
        text.append(f"\n✎ edited after the session, {note.edited_at:%d %b %Y %H:%M}", style="bold magenta")
        text.append(f"; written as: {note.original}", style="magenta")
    return text


def reviews_text(session: Session, actions: Mapping[str, Action]) -> Group:
    """The actions reviewed at the start: outcome, the action, and the client's learning."""
    title = Text(f"Actions reviewed ({len(session.reviews)})", style="bold")
    if not session.reviews:
        return Group(title, Text("  none", style="dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(width=9, no_wrap=True)
    grid.add_column(ratio=1)
    for review in session.reviews:
        action = actions.get(review.action_id)
        body = Text(one_line(action.text) if action else "(an action since deleted)")
        if review.learning.strip():
            body.append(f"\nlearning: {one_line(review.learning)}", style="italic")
        grid.add_row("", Text(review.outcome.value.replace("_", " "), style="bold"), body)
    return Group(title, grid)


def ratings_text(session: Session, goals: Mapping[str, Goal], names: Mapping[str, str]) -> Text:
    text = Text()
    text.append(f"Ratings ({len(session.ratings)})", style="bold")
    if not session.ratings:
        text.append("\n  none", style="dim")
    for rating in session.ratings:
        goal = goals.get(rating.goal_id or "")
        about = f" · {one_line(goal.title)}" if goal else ""
        stage = names.get(rating.stage, rating.stage)
        text.append(f"\n  {rating.kind.value} {rating.value}/10{about}", style="")
        text.append(f"  ({stage}, {rating.at:%H:%M})", style="dim")
    return text


def agreed_text(session: Session, actions: Mapping[str, Action]) -> Text:
    text = Text()
    text.append(f"Actions agreed ({len(session.action_ids)})", style="bold")
    if not session.action_ids:
        text.append("\n  none", style="dim")
    for action_id in session.action_ids:
        action = actions.get(action_id)
        if action is None:
            text.append("\n  • (an action since deleted)", style="dim")
            continue
        due = f"due {action.due:%a %d %b}" if action.due else "no date"
        text.append(f"\n  • {one_line(action.text)}")
        text.append(f" · {due} · now {action.status.value.replace('_', ' ')}", style="dim")
        details = [
            ("measure", action.measure),
            ("accountability", action.accountability),
            ("commitment", f"{action.commitment}/10" if action.commitment is not None else ""),
        ]
        shown = [f"{label}: {one_line(value)}" for label, value in details if value.strip()]
        if shown:
            text.append("\n    " + " · ".join(shown), style="dim")
    return text


def summary_text(session: Session, names: Mapping[str, str]) -> Text:
    """The closing summary's figures: length, minutes per stage, notes by kind, questions, the next check-in."""
    text = Text()
    text.append("Closing summary", style="bold")
    seconds = session.stage_seconds()
    order = list(dict.fromkeys(v.stage for v in session.visits))
    stages = "  ".join(f"{names.get(s, s)} {minutes(seconds.get(s, 0))}" for s in order)
    text.append(f"\n  {round(session.duration_minutes())} of {session.planned_minutes} planned minutes")
    if stages:
        text.append(f" · {stages}")
    kinds = Counter(note.kind for note in session.notes)
    text.append(
        f"\n  {len(session.notes)} notes: {kinds[NoteKind.INSIGHT]} insights, {kinds[NoteKind.QUOTE]} client "
        f"quotes, {kinds[NoteKind.PRIVATE]} private · {len(session.prompts)} questions asked · "
        f"{len(session.action_ids)} actions agreed"
    )
    checkin = f"{session.next_checkin:%a %d %b %Y}" if session.next_checkin else "none agreed"
    text.append(f"\n  next check-in: {checkin}")
    return text


def reflection_text(reflection: Reflection | None) -> Text:
    text = Text()
    text.append("Reflection", style="bold")
    if reflection is None:
        text.append("\n  not written yet (home: r writes the oldest one missing)", style="dim")
        return text
    if reflection.client_progress is not None:
        text.append(f"\n  client's own view of progress: {reflection.client_progress}/10")
    if reflection.competencies:
        text.append("\n  competencies: " + ", ".join(c.value for c in reflection.competencies))
    for field, heading in REFLECTION_SECTIONS:
        value = getattr(reflection, field).strip()
        text.append(f"\n  {heading}: ", style="bold")
        text.append(value or "—", style="" if value else "dim")
    return text
