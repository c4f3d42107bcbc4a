"""Provides the session history's rows and a session's record, read by stage visit; pure.

``history_rows`` lists the sessions newest first; ``neighbours`` turns the record's pages;
``record_passages`` reads a session by stage visit; ``correct_note`` fixes a mistyped note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from coachtui.domain.models import NoteKind, Session
from coachtui.domain.models.session import Attendance
from coachtui.domain.review import one_line

# --- the history --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    """One session as the history lists it."""

    session_id: str
    number: int
    day: date
    framework: str
    minutes: int | None
    """Its length in whole minutes; None while it is still live."""
    goal: str
    notes: int
    insights: int
    quotes: int
    actions: int
    reflected: bool
    attendance: Attendance = Attendance.HELD


class ListedSession(Protocol):
    """What the history shows of a session: a ``Session``, or a digest of one without its notes' text."""

    @property
    def id(self) -> str: ...

    @property
    def number(self) -> int: ...

    @property
    def started_at(self) -> datetime: ...

    @property
    def ended_at(self) -> datetime | None: ...

    @property
    def framework(self) -> str: ...

    @property
    def goal(self) -> str: ...

    @property
    def note_count(self) -> int: ...

    @property
    def kind_counts(self) -> Mapping[NoteKind, int]: ...

    @property
    def action_ids(self) -> Sequence[str]: ...

    @property
    def attendance(self) -> Attendance: ...

    def duration_minutes(self) -> float: ...


def history_rows(sessions: Iterable[ListedSession], reflected: Iterable[str]) -> list[HistoryRow]:
    """One row per session, newest first (by number). ``reflected``: ids of sessions with a reflection."""
    with_reflection = set(reflected)
    rows = []
    for session in sorted(sessions, key=lambda s: s.number, reverse=True):
        kinds = session.kind_counts
        rows.append(
            HistoryRow(
                session_id=session.id,
                number=session.number,
                day=session.started_at.date(),
                framework=session.framework,
                minutes=round(session.duration_minutes()) if session.ended_at else None,
                goal=one_line(session.goal),
                notes=session.note_count,
                insights=kinds.get(NoteKind.INSIGHT, 0),
                quotes=kinds.get(NoteKind.QUOTE, 0),
                actions=len(session.action_ids),
                reflected=session.id in with_reflection,
                attendance=session.attendance,
            )
        )
    return rows


def neighbours(session_ids: Sequence[str], current: str) -> tuple[str | None, str | None]:
    """The sessions before and after ``current`` in ``session_ids`` (in the order they were held)."""
    if current not in session_ids:
        return None, None
    index = session_ids.index(current)
    before = session_ids[index - 1] if index > 0 else None
    after = session_ids[index + 1] if index + 1 < len(session_ids) else None
    return before, after


# --- the record -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A note (``note_index`` into the session's notes) or a question asked (``note_index`` None)."""

    at: datetime
    text: str
    note_index: int | None = None


@dataclass
class Passage:
    """One visit to a stage: its stage id, its length in seconds, and what happened in it, in order."""

    stage: str
    started_at: datetime | None
    seconds: float
    entries: list[Entry] = field(default_factory=list)


def record_passages(session: Session) -> list[Passage]:
    """The session's stages in the order visited (a stage visited twice appears twice), each with the
    notes and questions of that visit in time order. A note or question whose time falls in no visit
    of its stage joins that stage's first visit, or a passage of its own at the end."""
    end = session.ended_at
    passages = [
        Passage(
            v.stage,
            v.started_at,
            max(0.0, ((v.ended_at or end or v.started_at) - v.started_at).total_seconds()),
        )
        for v in session.visits
    ]
    bounds = [(v.started_at, v.ended_at or end) for v in session.visits]

    def home(stage: str, at: datetime) -> Passage:
        same = [k for k, p in enumerate(passages) if p.stage == stage]
        for k in same:
            start, stop = bounds[k] if k < len(bounds) else (None, None)
            if start is not None and start <= at and (stop is None or at < stop):
                return passages[k]
        if same:
            return passages[same[0]]
        passages.append(Passage(stage, None, 0.0))
        return passages[-1]

    for index, note in enumerate(session.notes):
        home(note.stage, note.at).entries.append(Entry(note.at, note.text, index))
    for prompt in session.prompts:
        home(prompt.stage, prompt.at).entries.append(Entry(prompt.at, prompt.text))
    for passage in passages:  # stable: at the same moment, notes before questions, each in its order
        passage.entries.sort(key=lambda entry: entry.at)
    return passages


def correct_note(session: Session, index: int, text: str, at: datetime) -> Session:
    """The session with note ``index`` corrected to ``text``, marked as edited at ``at``.

    The text written in the session is kept in ``original`` (the first correction's; later ones keep
    it). The session itself is not changed in place. Raises ValueError for an empty text or an index
    that names no note.
    """
    if not 0 <= index < len(session.notes):
        raise ValueError(f"session {session.number} has no note {index + 1}")
    text = one_line(text)
    if not text:
        raise ValueError("a corrected note needs some text: the original stays as it was")
    note = session.notes[index]
    if text == note.text:
        return session
    corrected = note.model_copy(
        update={"text": text, "edited_at": at, "original": note.original or note.text}
    )
    notes = [*session.notes[:index], corrected, *session.notes[index + 1 :]]
    return session.model_copy(update={"notes": notes})
