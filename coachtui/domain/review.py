"""Provides the figures of the review between sessions; pure: the screens pass the records in.

``client_overview`` prepares the next session (engagement, next check-in, active goals' metrics and
rating trends, open actions overdue first, the last session's goal and the last reflection's focus,
the agreement's boundaries on one line); ``history_rows`` lists the sessions newest first;
``record_passages`` reads a session by stage visit; ``correct_note`` fixes a mistyped note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from coachtui.domain.models import (
    Action,
    ActionReview,
    ActionStatus,
    Agreement,
    CheckIn,
    Goal,
    GoalStatus,
    Metric,
    NoteKind,
    Reflection,
    Session,
    SessionStatus,
)
from coachtui.domain.models.session import Attendance
from coachtui.domain.progress import rating_series, sparkline
from coachtui.domain.wrap_up import goal_is_closed

# --- the overview -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalLine:
    """An active goal with its metric and the client's progress ratings over sessions."""

    goal: Goal
    ratings: list[int]
    spark: str

    @property
    def metric_text(self) -> str:
        return metric_text(self.goal.metric)


@dataclass(frozen=True)
class ActionLine:
    """An open action, whether it is overdue, and its latest review (None if never reviewed)."""

    action: Action
    overdue: bool
    last_review: ActionReview | None
    closed_goal: Goal | None = None
    """The goal it serves, when that goal is closed or of an earlier cycle (see ``domain/wrap_up``)."""


@dataclass(frozen=True)
class Overview:
    """What the coach reads before the next session with one client."""

    next_number: int
    sessions_held: int
    sessions_planned: int
    weeks_since_start: int | None
    cadence: str
    next_checkin: CheckIn | None
    next_checkin_date: date | None
    """The date of the next check-in: the plan's, or the one agreed at the close of the last session."""
    goals: list[GoalLine]
    actions: list[ActionLine]
    last_session: Session | None
    focus: str
    """The latest reflection's focus for the next session ("" if none was written)."""
    focus_session: int | None
    """The number of the session that reflection is on."""
    boundaries: str
    last_checkin: CheckIn | None = None
    """The latest check-in held, with the client's answers."""
    closed_goal_actions: list[ActionLine] = field(default_factory=list)
    """Open actions whose goal is closed: still commitments, listed apart from ``actions``."""


def metric_text(metric: Metric) -> str:
    """``Conversations held: 1 → 4 → 8 conversations`` (baseline → current → target); "" without values."""

    if metric.baseline is None and metric.target is None and metric.current is None:
        return ""
    name = f"{metric.name}: " if metric.name else ""
    unit = f" {metric.unit}" if metric.unit else ""
    baseline, current, target = (
        "?" if v is None else f"{v:g}" for v in (metric.baseline, metric.current, metric.target)
    )
    return f"{name}{baseline} → {current} → {target}{unit}"


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks too) as one space."""
    return " ".join(text.split())


def open_actions_overdue_first(actions: Iterable[Action], today: date) -> list[ActionLine]:
    """Open actions: overdue first (longest overdue first), then by due date, then those without a date."""
    open_ = [a for a in actions if a.status is ActionStatus.OPEN]

    def order(action: Action) -> tuple[int, date, int]:
        if action.due is None:
            return (2, date.max, action.position)
        return (0 if action.due < today else 1, action.due, action.position)

    return [
        ActionLine(a, a.due is not None and a.due < today, a.reviews[-1] if a.reviews else None)
        for a in sorted(open_, key=order)
    ]


def next_checkin(checkins: Iterable[CheckIn]) -> CheckIn | None:
    """The first check-in not yet held, by session number, then date (one that slipped by comes first)."""
    pending = [c for c in checkins if not c.done]

    def order(checkin: CheckIn) -> tuple[int, date]:
        return (checkin.at_session or 10**6, checkin.on_date or date.max)

    return min(pending, key=order, default=None)


def client_overview(
    agreement: Agreement,
    goals: Iterable[Goal],
    actions: Iterable[Action],
    checkins: Iterable[CheckIn],
    sessions: Sequence[Session],
    reflections: Iterable[Reflection],
    today: date,
    *,
    cycle: int = 1,
) -> Overview:
    """The overview of one client in engagement ``cycle``. ``reflections`` may be only the latest
    ones; the newest by its session's number is the one whose focus is shown."""
    held = sorted((s for s in sessions if s.status is SessionStatus.CLOSED), key=lambda s: s.number)
    last = held[-1] if held else None
    number_of = {s.id: s.number for s in sessions}
    reflected = sorted(
        (r for r in reflections if r.session_id in number_of), key=lambda r: number_of[r.session_id]
    )
    latest = reflected[-1] if reflected else None
    start = agreement.start_date or (held[0].started_at.date() if held else None)
    next_number = (last.number if last else 0) + 1
    checkin = next_checkin(checkins)
    dates = [d for d in (checkin.on_date if checkin else None, last.next_checkin if last else None) if d]
    goals = list(goals)
    closed = {goal.id: goal for goal in goals if goal_is_closed(goal, cycle)}
    lines = open_actions_overdue_first(actions, today)
    goal_lines = []
    for goal in sorted(goals, key=lambda g: g.position):
        if goal.status is not GoalStatus.ACTIVE:
            continue
        values = [value for _, value in rating_series(held, goal.id)]
        goal_lines.append(GoalLine(goal, values, sparkline(values)))
    return Overview(
        next_number=next_number,
        sessions_held=len(held),
        sessions_planned=agreement.sessions_planned,
        weeks_since_start=(today - start).days // 7 if start and start <= today else None,
        cadence=agreement.cadence,
        next_checkin=checkin,
        next_checkin_date=min(dates, default=None),
        last_checkin=max(
            (c for c in checkins if c.done and c.held_on), key=lambda c: c.held_on or date.min, default=None
        ),
        goals=goal_lines,
        actions=[line for line in lines if line.action.goal_id not in closed],
        closed_goal_actions=[
            replace(line, closed_goal=closed[line.action.goal_id])
            for line in lines
            if line.action.goal_id in closed
        ],
        last_session=last,
        focus=latest.next_focus.strip() if latest else "",
        focus_session=number_of[latest.session_id] if latest else None,
        boundaries=one_line(agreement.boundaries),
    )


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


def history_rows(sessions: Iterable[Session], reflected: Iterable[str]) -> list[HistoryRow]:
    """One row per session, newest first (by number). ``reflected``: ids of sessions with a reflection."""
    with_reflection = set(reflected)
    rows = []
    for session in sorted(sessions, key=lambda s: s.number, reverse=True):
        kinds = Counter(note.kind for note in session.notes)
        rows.append(
            HistoryRow(
                session_id=session.id,
                number=session.number,
                day=session.started_at.date(),
                framework=session.framework,
                minutes=round(session.duration_minutes()) if session.ended_at else None,
                goal=one_line(session.goal),
                notes=len(session.notes),
                insights=kinds[NoteKind.INSIGHT],
                quotes=kinds[NoteKind.QUOTE],
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
