"""Provides synthetic practices for the benchmarks: deterministic, of any size, spread over ten years.

``build_synthetic_practice`` writes a large practice for ``make bench`` (see ``practices.py``):
clients with plans, SMART-ish goals per engagement cycle, closed sessions with stage-tagged notes
from word banks, actions reviewed at the next session, ratings, reflections, check-ins and plan
revisions. Ids and every choice come from ``random.Random(seed)``, so the same seed and day give
the same practice. Every record is a real domain model written through the public ``Repository``
methods; reviews go through the domain's own ``review_action``.

The demo practice that ``coachtui demo`` opens is not here: it is data, in ``coachtui/data/demo``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING

from coachtui.domain.accountability import review_action
from coachtui.domain.frameworks import load_framework
from coachtui.domain.models import (
    Action,
    ActionStatus,
    Agreement,
    CheckIn,
    Client,
    ClientStatus,
    CoachingPlan,
    Competency,
    FieldChange,
    Goal,
    GoalStatus,
    Horizon,
    Metric,
    Note,
    NoteKind,
    Payment,
    PlanRevision,
    PlanState,
    PromptAsked,
    RatingKind,
    Reflection,
    ReviewOutcome,
    ScalingRating,
    Session,
    SessionStatus,
    StageVisit,
)

if TYPE_CHECKING:
    from coachtui.store.repository import Repository

__all__ = ["build_synthetic_practice"]


class _Ids:
    """Deterministic, unique record ids in the store's format (12 hex digits)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def __call__(self) -> str:
        while True:
            value = f"{self._rng.getrandbits(48):012x}"
            if value not in self._seen:
                self._seen.add(value)
                return value


def _weekday_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _at(day: date, hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)))


@dataclass
class _ClientRecords:
    """Everything about one client, built in memory before a single round of writes."""

    client: Client
    state: PlanState
    revisions: list[PlanRevision] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)


def _ended(session: Session) -> datetime:
    return session.ended_at or session.started_at


_FIRST_NAMES = (
    "Amara",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kemi",
    "Liam",
    "Maya",
    "Noor",
    "Oscar",
    "Paula",
    "Quinn",
    "Rosa",
    "Sanjay",
    "Tara",
    "Umar",
    "Vera",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
    "Aiko",
    "Bruno",
    "Chiara",
    "Dmitri",
    "Esther",
    "Felix",
    "Gita",
    "Hannah",
    "Ivan",
    "Julia",
    "Kwame",
    "Lena",
    "Marco",
    "Nadia",
    "Olu",
    "Pia",
    "Rafael",
    "Sofia",
    "Tomasz",
    "Uma",
)
_LAST_NAMES = (
    "Adeyemi",
    "Bauer",
    "Castro",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Gupta",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Osei",
    "Petrov",
    "Quispe",
    "Rossi",
    "Santos",
    "Tanaka",
    "Usman",
    "Varga",
    "Walsh",
    "Xu",
    "Yilmaz",
    "Zimmermann",
    "Ahmed",
    "Brennan",
    "Costa",
    "Delgado",
    "Evans",
    "Ferreira",
    "Garcia",
    "Hughes",
    "Iyer",
    "Jovanovic",
    "Khan",
    "Lopez",
    "Murphy",
    "Novak",
    "Okonkwo",
    "Park",
    "Reyes",
    "Schmidt",
    "Torres",
    "Nguyen",
)

_THEMES: dict[str, dict[str, tuple[str, ...]]] = {
    "career": {
        "topics": (
            "the job search",
            "the portfolio",
            "the CV",
            "networking calls",
            "the interview process",
            "the salary conversation",
            "the move to a new field",
            "the application tracker",
            "informational interviews",
            "the notice period",
            "the recruiter's feedback",
            "the side project",
        ),
        "goals": (
            "Land a role in {field}",
            "Finish the portfolio",
            "Hold ten networking conversations",
            "Negotiate the offer",
            "Decide whether to stay or leave",
            "Build a reputation in {field}",
        ),
    },
    "leadership": {
        "topics": (
            "delegation",
            "the weekly one-to-ones",
            "the team's priorities",
            "the leadership meeting",
            "giving feedback",
            "the difficult conversation with a peer",
            "the hiring plan",
            "the team retrospective",
            "the budget review",
            "stakeholder updates",
            "the reorganisation",
            "the new manager role",
        ),
        "goals": (
            "Delegate the weekly reporting",
            "Speak early in leadership meetings",
            "Hold career conversations with the team",
            "Give feedback within a week",
            "Build trust with the new team",
            "Set team priorities for the quarter",
        ),
    },
    "balance": {
        "topics": (
            "the evening routine",
            "leaving work on time",
            "email after hours",
            "the school run",
            "sleep",
            "weekend work",
            "the return from leave",
            "saying no to extra projects",
            "the part-time hours",
            "the family calendar",
            "time for exercise",
            "the commute",
        ),
        "goals": (
            "Leave work by 17:30 three days a week",
            "Protect two evenings without email",
            "Agree a realistic workload",
            "Exercise twice a week",
            "Take a full lunch break",
            "Plan the week on Sunday evening",
        ),
    },
    "confidence": {
        "topics": (
            "public speaking",
            "the conference talk",
            "imposter feelings",
            "asking for help",
            "the presentation to the board",
            "speaking up in meetings",
            "self-promotion",
            "the performance review",
            "writing in public",
            "the promotion case",
            "mentoring others",
            "the inner critic",
        ),
        "goals": (
            "Give a talk at the team meeting",
            "Write the promotion case",
            "Ask for feedback monthly",
            "Publish three articles",
            "Lead one client meeting alone",
            "Apply for the senior role",
        ),
    },
    "business": {
        "topics": (
            "pricing",
            "the first clients",
            "the sales pipeline",
            "the website",
            "the business plan",
            "cash flow",
            "the partnership offer",
            "the launch date",
            "marketing on LinkedIn",
            "the weekly admin block",
            "the referral network",
            "the product idea",
        ),
        "goals": (
            "Sign five paying clients",
            "Raise prices by 15%",
            "Launch the website",
            "Reach a steady monthly income",
            "Decide on the partnership",
            "Build a referral network",
        ),
    },
}
_FIELDS = ("UX research", "data science", "product design", "teaching", "public health", "consulting")

_SUBJECTS = ("Client", "She", "He", "They", "The client")
_NOTICED = (
    "noticed that",
    "realised that",
    "said that",
    "described how",
    "admitted that",
    "was surprised that",
    "observed that",
    "reflected that",
    "named that",
)
_PATTERNS = (
    "gets squeezed",
    "runs over",
    "feels lighter",
    "keeps slipping",
    "goes better",
    "drains energy",
    "creates friction",
    "builds momentum",
    "is easier to start",
    "depends on the manager",
    "is mostly in their control",
    "triggers old habits",
)
_WHEN = (
    "when the week is busy",
    "after long meetings",
    "on Mondays",
    "since the last session",
    "when the children are ill",
    "in the first hour of the day",
    "before deadlines",
    "at the end of the quarter",
    "when travelling",
    "on days without a plan",
)
_FEELINGS = ("frustration", "relief", "hope", "doubt", "pride", "guilt", "curiosity", "impatience", "calm")
_ATTEMPTS = (
    "blocking two hours on Tuesday mornings",
    "asking a peer for feedback",
    "writing a daily log",
    "handing over the status report",
    "turning off notifications",
    "a weekly review on Fridays",
    "rehearsing the opening line",
    "a short walk before hard conversations",
    "a shared task board",
    "saying 'let me come back to you'",
    "preparing one question in advance",
)
_RESULTS = (
    "it held for three days",
    "it worked until the deadline week",
    "nobody noticed, which was the point",
    "it felt awkward but useful",
    "it slipped after the second day",
    "the team responded well",
    "it took less time than expected",
    "the manager asked to do the same",
)
_VERBS = ("finish", "ask for", "agree", "test", "draft", "share", "protect", "practise", "schedule", "try")
_DEADLINES = ("Friday", "the end of the month", "the next session", "the quarterly review", "next week")
_TRADEOFFS = (
    "cheap but slow",
    "fast but risky with the team",
    "needs the manager's support",
    "energising but time-consuming",
    "safe but not very interesting",
    "the one with most energy",
)
_QUOTE_OPENERS = (
    "I keep",
    "I don't want to keep",
    "I'm tired of",
    "I'd love to stop",
    "I think I'm ready to start",
    "Honestly, I'm afraid of",
    "I'm proud of",
    "What I really want is",
)
_QUOTE_TAILS = (
    "saying yes before I've thought about it",
    "waiting for permission",
    "doing it all myself",
    "apologising for my own priorities",
    "being the last one to speak",
    "getting it perfect first",
    "asking for what I need",
    "trusting the team with it",
    "working every evening",
)
_PRIVATE = (
    "Watch my own agenda here.",
    "Pace felt rushed; slow down next time.",
    "Possible overcommitment.",
    "Energy lower than usual; check in gently.",
    "I filled a silence too early.",
    "Consider a referral if this becomes the main topic.",
)


class _Prose:
    """Deterministic note text from word banks: varied enough to search, cheap enough for 10,000 sessions."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def sentence(self, topics: Sequence[str]) -> str:
        pick = self._rng.choice
        form = self._rng.randrange(6)
        if form == 0:
            return f"{pick(_SUBJECTS)} {pick(_NOTICED)} {pick(topics)} {pick(_PATTERNS)} {pick(_WHEN)}."
        if form == 1:
            return f"Tried {pick(_ATTEMPTS)} for {pick(topics)}; {pick(_RESULTS)}."
        if form == 2:
            return f"{pick(_SUBJECTS)} named {pick(_FEELINGS)} about {pick(topics)}."
        if form == 3:
            return f"Option: {pick(_ATTEMPTS)}, {pick(_TRADEOFFS)}."
        if form == 4:
            return f"Wants to {pick(_VERBS)} {pick(topics)} by {pick(_DEADLINES)}."
        return f"{pick(_SUBJECTS)} {pick(_NOTICED)} {pick(_ATTEMPTS)} {pick(_PATTERNS)} {pick(_WHEN)}."

    def note(self, kind: NoteKind, topics: Sequence[str]) -> str:
        pick = self._rng.choice
        if kind is NoteKind.QUOTE:
            return f"{pick(_QUOTE_OPENERS)} {pick(_QUOTE_TAILS)}, especially with {pick(topics)}."
        if kind is NoteKind.PRIVATE:
            return pick(_PRIVATE)
        if kind is NoteKind.INSIGHT:
            return f"{pick(_SUBJECTS)} {pick(_NOTICED)} {pick(topics)} is about {pick(_FEELINGS)}, not time."
        return " ".join(self.sentence(topics) for _ in range(self._rng.randint(1, 3)))


_NOTE_KINDS = (NoteKind.NOTE, NoteKind.INSIGHT, NoteKind.QUOTE, NoteKind.PRIVATE)
_NOTE_WEIGHTS = tuple(accumulate((70, 12, 13, 5)))
_OUTCOMES = (ReviewOutcome.DONE, ReviewOutcome.PARTLY, ReviewOutcome.NOT_DONE, ReviewOutcome.CHANGED)
_OUTCOME_WEIGHTS = (55, 25, 12, 8)
_HOURS = ("08:00", "09:30", "11:00", "12:30", "14:00", "15:30", "17:00", "18:00", "19:30", "20:30")
_ACCOUNTABILITY = (
    "a check-in at the next session",
    "a daily log",
    "a buddy",
    "a calendar reminder",
    "an email to the coach",
)
_VALUES = ("Family", "Curiosity", "Fairness", "Health", "Craft", "Courage", "Calm", "Learning", "Autonomy")
_SPAN_DAYS = 3640
"""Ten years, the span a synthetic practice's sessions are spread over."""


def _cadence_text(days: float) -> str:
    if days < 1.5:
        return "several times a week" if days < 1 else "daily"
    if days >= 7 and round(days) % 7 == 0:
        weeks = round(days) // 7
        return "every week" if weeks == 1 else f"every {weeks} weeks"
    return f"every {round(days)} days"


def _spread(total: int, buckets: int, rng: random.Random) -> list[int]:
    """Split ``total`` into ``buckets`` uneven whole parts that add up exactly."""
    weights = [rng.uniform(0.4, 1.6) for _ in range(buckets)]
    scale = total / sum(weights)
    parts = [int(w * scale) for w in weights]
    for k in rng.sample(range(buckets), k=total - sum(parts)):
        parts[k] += 1
    return parts


@dataclass(frozen=True)
class _Timeline:
    """When a synthetic client's sessions fall, and how they group into engagement cycles."""

    first: date
    starts: list[datetime]
    cadence: float
    """Days between sessions; below 1 for a client with more sessions than ten years of days."""
    cycle_len: int
    active: bool

    @property
    def cycles(self) -> int:
        return max(1, -(-len(self.starts) // self.cycle_len))

    def cycle_of(self, number: int) -> int:
        return (number - 1) // self.cycle_len + 1

    def day_of(self, number: int) -> date:
        """The day of session ``number``, held or (for an active client) still to come."""
        if number <= len(self.starts):
            return self.starts[number - 1].date()
        if not self.starts:
            return self.first + timedelta(days=round(self.cadence * (number - 1)))
        later = max(1, round(self.cadence * (number - len(self.starts))))
        return self.starts[-1].date() + timedelta(days=later)


class _Generator:
    """Builds synthetic clients one at a time; every choice comes from one seeded random stream."""

    def __init__(self, rng: random.Random, today: date, notes_bytes: int) -> None:
        self.rng = rng
        self.ids = _Ids(rng)
        self.prose = _Prose(rng)
        self.today = today
        self.notes_bytes = notes_bytes

    def client(self, index: int, count: int, name: str) -> _ClientRecords:
        rng = self.rng
        theme = _THEMES[rng.choice(sorted(_THEMES))]
        topics = theme["topics"]
        timeline = self._timeline(count)
        client = self._client(index, name, timeline)
        goals = self._goals(client.id, theme["goals"], topics, timeline)
        plan = CoachingPlan(
            id=self.ids(),
            client_id=client.id,
            vision=" ".join(self.prose.sentence(topics) for _ in range(2)),
            values=rng.sample(_VALUES, k=rng.randint(3, 5)),
            updated_at=client.created_at,
        )
        records = _ClientRecords(client, PlanState(plan=plan, goals=goals))
        actions = records.state.actions
        pending: list[Action] = []
        for number, started in enumerate(timeline.starts, start=1):
            cycle_goals = [g for g in goals if g.cycle == timeline.cycle_of(number)]
            in_cycle = (number - 1) % timeline.cycle_len
            trend = 2 + 6 * in_cycle / max(timeline.cycle_len - 1, 1)
            session = self._session(client, number, started, topics, cycle_goals[0], trend)
            session.next_checkin = timeline.day_of(number + 1)
            # The actions still pending are the plan's last ones; their reviewed copies replace them.
            actions[len(actions) - len(pending) :] = self._review(pending, session, topics)
            pending = self._actions(session, topics, cycle_goals, position=len(actions))
            actions.extend(pending)
            records.sessions.append(session)
            awaiting = number == count and timeline.active and rng.random() < 0.5
            if rng.random() < 0.9 and not awaiting:
                records.reflections.append(self._reflection(session, topics, trend, client.agreement.payment))
        if not timeline.active:
            # The engagement ended before these were reviewed.
            for action in pending:
                action.status = ActionStatus.DROPPED
        if records.sessions:
            plan.updated_at = _ended(records.sessions[-1])
        records.state.checkins = self._checkins(client.id, timeline)
        records.revisions = self._revisions(client.id, goals, records.sessions, timeline, topics)
        return records

    def _timeline(self, count: int) -> _Timeline:
        rng = self.rng
        cadence: float = rng.choice((7, 14, 14, 21, 28))
        if count * cadence > _SPAN_DAYS:
            cadence = _SPAN_DAYS / count
        needed = int(count * cadence)
        # About one client in five is still in an engagement; the others have finished.
        recent = rng.random() < 0.2
        ago = needed + (rng.randint(1, 30) if recent else rng.randint(1, _SPAN_DAYS + 1 - needed))
        ago = min(ago, _SPAN_DAYS + 1)
        first = self.today - timedelta(days=ago)
        starts = []
        for k in range(count):
            offset = k * cadence
            day = first + timedelta(days=int(offset))
            if cadence >= 7:
                day = _weekday_on_or_before(day)
            if cadence >= 1:
                hhmm = rng.choice(_HOURS)
            else:
                # Several sessions a day: spread them in order over a 12-hour working day.
                minutes = int((offset % 1) * 12 * 60) // 30 * 30
                hhmm = f"{8 + minutes // 60:02d}:{minutes % 60:02d}"
            starts.append(_at(day, hhmm))
        active = bool(starts) and (self.today - starts[-1].date()).days < 60
        # No sessions yet: a prospect whose engagement starts next week.
        first = starts[0].date() if starts else self.today + timedelta(days=7)
        return _Timeline(first, starts, cadence, rng.randint(6, 12), active)

    def _client(self, index: int, name: str, timeline: _Timeline) -> Client:
        rng = self.rng
        first_day = timeline.first
        payment = Payment.PRO_BONO if rng.random() < 0.15 else Payment.PAID
        held_in_last_cycle = len(timeline.starts) - (timeline.cycles - 1) * timeline.cycle_len
        agreement = Agreement(
            start_date=first_day,
            sessions_planned=max(timeline.cycle_len, held_in_last_cycle),
            cadence=_cadence_text(timeline.cadence),
            session_minutes=rng.choice((45, 50, 60, 60, 75)),
            fee=""
            if payment is Payment.PRO_BONO
            else f"USD {rng.choice((120, 150, 180, 220, 300))} per session",
            payment=payment,
            confidentiality_consent=first_day - timedelta(days=3),
            boundaries="Coaching, not therapy; email between sessions for logistics; notes stay private.",
        )
        if not timeline.starts:
            status = ClientStatus.PROSPECT
        else:
            status = ClientStatus.ACTIVE if timeline.active else ClientStatus.COMPLETED
        return Client(
            id=self.ids(),
            name=name,
            email=f"client{index}@example.com",
            status=status,
            consent_named_in_log=rng.random() < 0.5,
            agreement=agreement,
            cycle=timeline.cycles,
            created_at=_at(first_day - timedelta(days=7), "10:00"),
        )

    def _goals(
        self, client_id: str, titles: Sequence[str], topics: Sequence[str], timeline: _Timeline
    ) -> list[Goal]:
        rng = self.rng
        goals: list[Goal] = []
        for cycle in range(1, timeline.cycles + 1):
            first_number = (cycle - 1) * timeline.cycle_len + 1
            current = cycle == timeline.cycles and (timeline.active or not timeline.starts)
            for horizon in (Horizon.PROXIMAL, Horizon.DISTAL):
                baseline = rng.randint(0, 3)
                span = 3 if horizon is Horizon.PROXIMAL else timeline.cycle_len
                status = (
                    GoalStatus.ACTIVE
                    if current
                    else rng.choice(
                        (GoalStatus.ACHIEVED, GoalStatus.ACHIEVED, GoalStatus.PARTLY, GoalStatus.NOT_ACHIEVED)
                    )
                )
                goals.append(
                    Goal(
                        id=self.ids(),
                        client_id=client_id,
                        title=rng.choice(titles).format(field=rng.choice(_FIELDS)),
                        specific=self.prose.sentence(topics),
                        measure=f"From {baseline} to {baseline + 5} a week, on my own tracker.",
                        relevant=self.prose.sentence(topics),
                        target_date=timeline.day_of(first_number + span - 1),
                        horizon=horizon,
                        planned_sessions=span,
                        metric=Metric(
                            name="Times a week",
                            baseline=baseline,
                            target=baseline + 5,
                            unit="times/week",
                            current=baseline + rng.randint(0, 5),
                        ),
                        status=status,
                        outcome="" if current else self.prose.sentence(topics),
                        position=len(goals),
                        cycle=cycle,
                        created_at=_at(timeline.day_of(first_number), "21:00"),
                    )
                )
        return goals

    def _session(
        self, client: Client, number: int, started: datetime, topics: Sequence[str], goal: Goal, trend: float
    ) -> Session:
        rng = self.rng
        framework = load_framework(rng.choices(("grow", "clear", "oskar"), weights=(70, 15, 15))[0])
        minutes = client.agreement.session_minutes
        plan = [(stage, stage.share * minutes * rng.uniform(0.7, 1.2)) for stage in framework.stages]
        if rng.random() < 0.35:
            # Conversations loop: part of a later stage goes back to an earlier one.
            later = rng.randrange(1, len(plan))
            stage, length = plan[later]
            plan[later] = (stage, length * 0.7)
            plan.insert(later + 1, (plan[rng.randrange(later)][0], length * 0.3))
        visits, prompts, clock = [], [], started
        for stage, length in plan:
            end = (clock + timedelta(minutes=length)).replace(microsecond=0)
            visits.append(StageVisit(stage=stage.id, started_at=clock, ended_at=end))
            prompts.append(
                PromptAsked(
                    at=clock + timedelta(seconds=30), stage=stage.id, text=rng.choice(stage.questions)
                )
            )
            clock = end
        notes, size = [], 0
        seconds = [((v.ended_at or clock) - v.started_at).total_seconds() for v in visits]
        stretches = list(zip(visits, seconds, strict=True))
        cumulative = list(accumulate(seconds))
        while size < self.notes_bytes:
            # Longer stretches of the conversation collect more notes.
            [(visit, length)] = rng.choices(stretches, cum_weights=cumulative)
            [kind] = rng.choices(_NOTE_KINDS, cum_weights=_NOTE_WEIGHTS)
            text = self.prose.note(kind, topics)
            at = visit.started_at + timedelta(seconds=int(rng.random() * length))
            notes.append(Note(at=at, stage=visit.stage, kind=kind, text=text))
            size += len(text) + 1
        middle = visits[len(visits) // 2]
        ratings = [
            ScalingRating(
                at=middle.started_at + timedelta(minutes=2),
                stage=middle.stage,
                kind=kind,
                value=max(0, min(10, round(base + rng.uniform(-1.5, 1.5)))),
                goal_id=goal.id,
            )
            for kind, base in (
                (RatingKind.PROGRESS, trend),
                (RatingKind.CONFIDENCE, trend + 1),
                (RatingKind.COMMITMENT, 8.0),
            )
        ]
        return Session(
            id=self.ids(),
            client_id=client.id,
            number=number,
            framework=framework.id,
            goal=f"Work on {rng.choice(topics)}.",
            started_at=started,
            ended_at=clock,
            planned_minutes=minutes,
            visits=visits,
            notes=sorted(notes, key=lambda note: note.at),
            prompts=prompts,
            ratings=ratings,
            status=SessionStatus.CLOSED,
        )

    def _review(self, pending: Sequence[Action], session: Session, topics: Sequence[str]) -> list[Action]:
        """Review the last session's actions at the start of ``session``; return them as reviewed."""
        reviewed = []
        for offset, action in enumerate(pending):
            outcome = self.rng.choices(_OUTCOMES, weights=_OUTCOME_WEIGHTS)[0]
            at = session.started_at + timedelta(minutes=2 + offset)
            review, updated = review_action(
                action, outcome, self.prose.sentence(topics), session_id=session.id, at=at
            )
            session.reviews.append(review)
            reviewed.append(updated)
        return reviewed

    def _actions(
        self, session: Session, topics: Sequence[str], goals: Sequence[Goal], position: int
    ) -> list[Action]:
        rng, prose = self.rng, self.prose
        actions = []
        for k in range(rng.randint(2, 3)):
            action = Action(
                id=self.ids(),
                client_id=session.client_id,
                text=f"{rng.choice(_VERBS).capitalize()} {rng.choice(topics)} by {rng.choice(_DEADLINES)}",
                goal_id=rng.choice(goals).id,
                due=session.started_at.date() + timedelta(days=rng.randint(3, 14)),
                measure=prose.sentence(topics),
                expected=prose.sentence(topics),
                support=rng.choice(_ATTEMPTS),
                barriers=f"Busy {rng.choice(_WHEN)}",
                backup=rng.choice(_ATTEMPTS),
                accountability=rng.choice(_ACCOUNTABILITY),
                commitment=rng.randint(5, 10),
                session_id=session.id,
                position=position + k,
                created_at=_ended(session),
            )
            actions.append(action)
            session.action_ids.append(action.id)
        return actions

    def _reflection(
        self, session: Session, topics: Sequence[str], trend: float, payment: Payment
    ) -> Reflection:
        rng, prose = self.rng, self.prose
        return Reflection(
            id=self.ids(),
            session_id=session.id,
            client_id=session.client_id,
            created_at=_ended(session) + timedelta(minutes=rng.randint(5, 90)),
            session_date=session.started_at.date(),
            duration_minutes=round(session.duration_minutes(), 1),
            what_worked=prose.sentence(topics),
            what_did_not=prose.sentence(topics),
            adjust_next_time=prose.sentence(topics),
            client_progress=max(0, min(10, round(trend))),
            competencies=rng.sample(list(Competency), k=rng.randint(1, 3)),
            learned=prose.sentence(topics),
            next_focus=f"Follow up on {rng.choice(topics)}.",
            payment=payment,
        )

    def _checkins(self, client_id: str, timeline: _Timeline) -> list[CheckIn]:
        """Check-ins halfway through and at the end of each cycle; a finished client has none to come."""
        half = max(timeline.cycle_len // 2, 1)
        finished = bool(timeline.starts) and not timeline.active
        last = len(timeline.starts) if finished else timeline.cycles * timeline.cycle_len
        return [
            CheckIn(
                id=self.ids(),
                client_id=client_id,
                at_session=number,
                on_date=timeline.day_of(number),
                focus="What is working, what is not, how to adjust; does the client feel progress?",
                done=number <= len(timeline.starts),
            )
            for number in range(half, last + 1, half)
        ]

    def _revisions(
        self,
        client_id: str,
        goals: Sequence[Goal],
        sessions: Sequence[Session],
        timeline: _Timeline,
        topics: Sequence[str],
    ) -> list[PlanRevision]:
        """One change a cycle, agreed at its third session: the distal goal's target date moves."""
        revisions = []
        for goal in goals:
            number = (goal.cycle - 1) * timeline.cycle_len + 3
            if goal.horizon is not Horizon.DISTAL or number > len(sessions) or goal.target_date is None:
                continue
            revisions.append(
                PlanRevision(
                    id=self.ids(),
                    client_id=client_id,
                    at=_ended(sessions[number - 1]) - timedelta(minutes=3),
                    target_kind="goal",
                    target_id=goal.id,
                    summary="Target date moved by a month",
                    changes=[
                        FieldChange(
                            field="target_date",
                            before=(goal.target_date - timedelta(days=30)).isoformat(),
                            after=goal.target_date.isoformat(),
                        )
                    ],
                    reason=self.prose.sentence(topics),
                    client_decided=self.rng.random() < 0.85,
                )
            )
        return revisions


def build_synthetic_practice(
    repo: Repository,
    *,
    clients: int,
    sessions: int,
    seed: int,
    today: date | None = None,
    notes_bytes: int = 6000,
) -> None:
    """Write a deterministic practice of ``clients`` clients and ``sessions`` closed sessions over 10 years.

    Each session has about ``notes_bytes`` of note text, two or three actions reviewed at the next
    session, scaling ratings, and usually a reflection. One client is built in memory and written
    before the next, so memory stays flat; reflections are written last (see ``_write``).
    """
    if clients < 1 or sessions < 0:
        raise ValueError("a synthetic practice needs at least one client and a session count of 0 or more")
    rng = random.Random(seed)
    generator = _Generator(rng, today or date.today(), notes_bytes)
    pairs = [f"{first} {last}" for first in _FIRST_NAMES for last in _LAST_NAMES]
    names = [
        pairs[k % len(pairs)] + (f" {k // len(pairs) + 1}" if k >= len(pairs) else "")
        for k in rng.sample(range(max(clients, len(pairs))), k=clients)
    ]
    reflections: list[Reflection] = []
    for index, count in enumerate(_spread(sessions, clients, rng)):
        records = generator.client(index, count, names[index])
        reflections.extend(records.reflections)
        _write(repo, records)
    _write_reflections(repo, reflections)


# --- writing through the repository ---------------------------------------------------------


def _write(repo: Repository, records: _ClientRecords) -> None:
    """Write one client's records: the client, the whole plan in one write, then the sessions.

    Fast path: ``Repository.save_sessions(client_id, sessions)``, where the store offers it, saves
    all of a client's sessions in one write of the client's file. Without it each ``save_session``
    rewrites the whole client file and recounts its summary, so writing a client's sessions grows
    with the square of their number: fine for the demo, slow for a 10,000-session benchmark.
    Reflections are left to ``_write_reflections``.
    """
    cid = records.client.id
    repo.save_client(records.client)
    repo.save_plan_state(cid, records.state, records.revisions)
    save_sessions = getattr(repo, "save_sessions", None)
    if save_sessions is not None:
        save_sessions(cid, records.sessions)
        return
    for session in records.sessions:
        repo.save_session(session)


def _write_reflections(repo: Repository, reflections: Sequence[Reflection]) -> None:
    """Write reflections once every session is saved, so no session save re-reads many of them.

    Fast path: ``Repository.save_reflections(reflections)``, where the store offers it, writes
    practice.json once; otherwise each ``save_reflection`` rewrites practice.json.
    """
    save_reflections = getattr(repo, "save_reflections", None)
    if save_reflections is not None:
        save_reflections(reflections)
        return
    for reflection in reflections:
        repo.save_reflection(reflection)
