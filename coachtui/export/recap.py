"""Provides the session recap: Markdown addressed to the client, ready to paste into an email.

The recap is the client's, so it holds only what the client said or agreed: the session's goal, the
insights and the client's own quotes, the actions they committed to, what they reviewed from last
time with their learning, and what comes next. Plain and private notes, the questions the coach
asked and the coach's reflection are the coach's working material: they never appear (the
reflection is not even passed in).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from coachtui.domain.models import Action, CheckIn, Client, NoteKind, ReviewOutcome, Session

OUTCOME_WORDS = {
    ReviewOutcome.DONE: "done",
    ReviewOutcome.PARTLY: "partly done",
    ReviewOutcome.NOT_DONE: "not done yet",
    ReviewOutcome.CHANGED: "changed",
}


QUOTE_MARKS = '“”"'
"""Stripped from a quote as typed, so that it is quoted once."""


def long_date(day: date) -> str:
    """``Friday 27 November 2026``: unambiguous in every country the email may go to."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def first_name(client: Client) -> str:
    return client.name.split()[0]


def _clean(text: str) -> str:
    """One line: a note typed with line breaks stays one bullet in Markdown."""
    return " ".join(text.split())


def _explored(session: Session) -> list[str]:
    lines = []
    for note in session.notes:
        if note.kind is NoteKind.INSIGHT:
            lines.append(f"- {_clean(note.text)}")
        elif note.kind is NoteKind.QUOTE:
            quote = _clean(note.text).strip(QUOTE_MARKS)
            lines.append(f"- In your words: “{quote}”")
    return lines


def _reviewed(session: Session, actions: dict[str, Action]) -> list[str]:
    lines = []
    for review in session.reviews:
        action = actions.get(review.action_id)
        if action is None:
            continue  # an action deleted since: nothing to tell the client about it
        line = f"- **{_clean(action.text)}**: {OUTCOME_WORDS[review.outcome]}."
        if review.learning.strip():
            line += f" What you learned: {_clean(review.learning)}"
        lines.append(line)
    return lines


def _committed(session: Session, actions: dict[str, Action]) -> list[str]:
    lines: list[str] = []
    agreed = [actions[action_id] for action_id in session.action_ids if action_id in actions]
    for number, action in enumerate(agreed, start=1):
        lines += ["", f"{number}. **{_clean(action.text)}**"]
        details = [
            ("Due", long_date(action.due) if action.due else ""),
            ("You will know it is done when", _clean(action.measure)),
            ("What you expect from it", _clean(action.expected)),
            ("Support", _clean(action.support)),
            ("If something gets in the way", _clean(action.backup)),
            ("How you will keep yourself accountable", _clean(action.accountability)),
        ]
        lines += [f"   - {label}: {value}" for label, value in details if value]
    return lines


def _next_checkin(session: Session, checkins: Iterable[CheckIn]) -> str:
    """The check-in agreed at the close of this session, else the plan's next one not yet held."""
    if session.next_checkin is not None:
        return long_date(session.next_checkin)
    pending = [c for c in checkins if not c.done and (c.on_date or c.at_session)]
    pending.sort(key=lambda c: (c.at_session or 10**6, c.on_date or date.max))
    if not pending:
        return ""
    checkin = pending[0]
    when = long_date(checkin.on_date) if checkin.on_date else f"at session {checkin.at_session}"
    return f"{when}: {_clean(checkin.focus)}" if checkin.focus.strip() else when


def session_recap(
    client: Client, session: Session, actions: Iterable[Action], checkins: Iterable[CheckIn] = ()
) -> str:
    """The recap of ``session`` for ``client``. ``actions``: the client's actions (those agreed in the
    session and those reviewed in it are picked out); ``checkins``: the plan's check-in points."""
    by_id = {action.id: action for action in actions}
    planned = client.agreement.sessions_planned
    held_on = session.started_at.date()
    lines = [
        f"# Recap of our session on {long_date(held_on)}",
        "",
        f"Hi {first_name(client)},",
        "",
        f"Thank you for our session (session {session.number} of {planned}). "
        "Here is a short recap for you to keep.",
        "",
        "## What you wanted from this session",
        "",
        _clean(session.goal) or "We did not set a goal for this session in words.",
    ]
    sections = [
        ("What we explored", _explored(session)),
        ("What you reviewed from last time", _reviewed(session, by_id)),
    ]
    for title, body in sections:
        if body:
            lines += ["", f"## {title}", "", *body]
    committed = _committed(session, by_id)
    lines += ["", "## What you committed to"]
    lines += committed or ["", "No new actions this time."]
    lines += ["", "## What comes next", ""]
    if session.number < planned:
        lines.append(
            f"- Next session: session {session.number + 1} of {planned}, {client.agreement.cadence}."
        )
    else:
        lines.append(f"- This was the last of our {planned} sessions.")
    checkin = _next_checkin(session, checkins)
    if checkin:
        lines.append(f"- Next check-in: {checkin}.")
    lines.append(f"- Between sessions you can reach me by {client.agreement.channel_between_sessions}.")
    return "\n".join(lines) + "\n"
