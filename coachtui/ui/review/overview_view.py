"""Provides how the client overview reads: one rich Text per block, from the domain's ``Overview``."""

from __future__ import annotations

from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text

from coachtui.domain.dates import format_due
from coachtui.domain.models import Client
from coachtui.domain.review import REVIEWED_DAYS, ActionLine, Overview

HEADING = "bold"
MUTED = "dim"
OVERDUE = "bold red"


def _line(text: Text, label: str, value: str, empty: str = "—") -> None:
    text.append(f"{label} ", style=HEADING)
    text.append(value or empty, style="" if value else MUTED)


def engagement_text(client: Client, overview: Overview, today: date) -> Text:
    """Next session n of N, sessions held, weeks since the start, cadence; the next check-in and its focus."""
    text = Text()
    text.append(f"Next: session {overview.next_number} of {overview.sessions_planned}", style=HEADING)
    facts = [f"{overview.sessions_held} held"]
    if overview.weeks_since_start is not None:
        start = client.agreement.start_date
        since = f" (since {start:%d %b %Y})" if start else ""
        facts.append(f"week {overview.weeks_since_start + 1}{since}")
    facts.append(overview.cadence)
    text.append(" · " + " · ".join(facts))
    text.append("\n")
    checkin = overview.next_checkin
    when = []
    if checkin is not None and checkin.at_session:
        next_one = " (the next one)" if checkin.at_session == overview.next_number else ""
        when.append(f"at session {checkin.at_session}{next_one}")
    if overview.next_checkin_date is not None:
        when.append(format_due(overview.next_checkin_date, today))
    text.append("Next check-in: ", style=HEADING)
    if not when and checkin is None:
        text.append("none planned", style=MUTED)
    else:
        text.append(" · ".join(when) or "no date")
        if checkin is not None and checkin.focus.strip():
            text.append(" — " + " ".join(checkin.focus.split()))
    held = overview.last_checkin
    if held is not None and held.held_on is not None:
        answers = [
            f"{label}: {' '.join(value.split())}"
            for label, value in (
                ("working", held.working),
                ("not", held.not_working),
                ("adjust", held.adjust),
            )
            if value.strip()
        ]
        if held.client_progress is not None:
            answers.append(f"progress {held.client_progress}/10")
        text.append(f"\nLast check-in ({held.held_on:%d %b}): ", style=HEADING)
        text.append(" · ".join(answers) or "held, no answers written", style="" if answers else MUTED)
    return text


def last_time_text(overview: Overview) -> Text:
    """The last session's goal and the latest reflection's focus for the next session."""
    text = Text()
    last = overview.last_session
    if last is None:
        text.append("No session held yet.", style=MUTED)
        return text
    _line(
        text, f"Last session ({last.number}, {last.started_at:%a %d %b}) goal:", " ".join(last.goal.split())
    )
    text.append("\n")
    if overview.focus_session is None:
        _line(text, "Focus for next session:", "", "no reflection written yet")
        return text
    source = f"(reflection on session {overview.focus_session})"
    if overview.focus_session != last.number:
        source = f"(reflection on session {overview.focus_session}; session {last.number} has none yet)"
    _line(text, "Focus for next session:", overview.focus, "not written in the reflection")
    text.append(f"  {source}", style=MUTED)
    return text


def actions_text(overview: Overview, today: date) -> Group:
    """Open actions, overdue first: due date, the action, its accountability method and last review;
    then those of closed goals, which wait for the coach and client to decide what becomes of them."""
    title = Text(f"Open actions ({len(overview.actions)}), overdue first", style=HEADING)
    parts: list[Text | Table] = [title]
    parts.append(
        _action_grid(overview.actions, today) if overview.actions else Text("  none open", style=MUTED)
    )
    if overview.closed_goal_actions:
        count = len(overview.closed_goal_actions)
        parts.append(
            Text(f"Open actions of closed goals ({count}): carry over, close or drop", style=HEADING)
        )
        parts.append(_action_grid(overview.closed_goal_actions, today))
    return Group(*parts)


def reviewed_text(overview: Overview) -> Group:
    """What became of the commitments of the last weeks: outcome, the action and the client's learning."""
    title = Text(f"Reviewed in the last {REVIEWED_DAYS // 7} weeks ({len(overview.reviewed)})", style=HEADING)
    if not overview.reviewed:
        return Group(title, Text("  no action reviewed", style=MUTED))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(ratio=1)
    for line in overview.reviewed:
        outcome = line.review.outcome.value.replace("_", " ")
        body = Text(" ".join(line.action.text.split()))
        learning = " ".join(line.review.learning.split())
        when = f"{line.review.at:%d %b}" + ("" if line.review.session_id else ", between sessions")
        body.append(f"\n↳ {when}" + (f": {learning}" if learning else ""), style=MUTED)
        grid.add_row("", Text(outcome, style="bold"), body)
    return Group(title, grid)


def _action_grid(lines: list[ActionLine], today: date) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(ratio=1)
    for line in lines:
        action = line.action
        due = format_due(action.due, today) if action.due else "no date"
        body = Text(" ".join(action.text.split()))
        method = " ".join(action.accountability.split()) or "no accountability method"
        review = "never reviewed"
        if line.last_review is not None:
            outcome = line.last_review.outcome.value.replace("_", " ")
            learning = " ".join(line.last_review.learning.split())
            review = f"last review {line.last_review.at:%d %b}: {outcome}" + (
                f", {learning}" if learning else ""
            )
        body.append(f"\n↳ {method} · {review}", style=MUTED)
        goal = line.closed_goal
        if goal is not None:
            status = goal.status.value.replace("_", " ")
            body.append(
                f"\n↳ goal {' '.join(goal.title.split())!r}: {status} (cycle {goal.cycle})", style=MUTED
            )
        grid.add_row("", Text(due, style=OVERDUE if line.overdue else ""), body)
    return grid


def goals_text(overview: Overview) -> Text:
    """Each active goal: its title, its progress ratings as a sparkline, its metric."""
    text = Text()
    text.append(f"Active goals ({len(overview.goals)})", style=HEADING)
    if not overview.goals:
        text.append("\n  none active", style=MUTED)
    for line in overview.goals:
        text.append("\n  • " + " ".join(line.goal.title.split()))
        if line.ratings:
            text.append(f"  {line.spark} ", style="bold cyan")
            text.append(f"progress {' → '.join(str(v) for v in line.ratings[-4:])}/10", style=MUTED)
        else:
            text.append("  no progress ratings yet", style=MUTED)
        metric = line.metric_text
        text.append(f"\n    {metric or 'no metric'}", style="" if metric else MUTED)
    return text


def boundaries_text(overview: Overview) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    _line(text, "Boundaries:", overview.boundaries, "none written in the agreement")
    return text
