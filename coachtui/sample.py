"""Provides sample practices: the demo that ``coachtui demo`` opens, and synthetic ones for benchmarks.

``build_sample_practice`` writes three clients with believable, varied engagements (agreements,
living plans with SMART goals and the client's own actions, closed sessions with stage-tagged notes,
scaling ratings and the coach's reflections). ``build_synthetic_practice`` writes a large,
deterministic practice of any size for ``make bench``.

Everything is dated relative to ``today``, so the demo always looks current: some actions are
overdue, the next sessions are in the coming days, and the latest sessions still wait for a
reflection. Ids come from ``random.Random(seed)``, so the same seed and day give the same practice.
Every record is written through the public ``Repository`` methods, so the data is real.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Literal

from coachtui.domain.frameworks import load_framework
from coachtui.domain.models import (
    Action,
    ActionReview,
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

__all__ = ["build_sample_practice", "build_synthetic_practice"]

_STATUS_AFTER_REVIEW = {
    ReviewOutcome.DONE: ActionStatus.DONE,
    ReviewOutcome.PARTLY: ActionStatus.PARTLY,
    ReviewOutcome.NOT_DONE: ActionStatus.NOT_DONE,
    ReviewOutcome.CHANGED: ActionStatus.CHANGED,
}


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


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _at(day: date, hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)))


# --- the shape of the demo's story ----------------------------------------------------------


@dataclass(frozen=True)
class _Rate:
    """A scaling question the client answered, placed in the stretch of conversation it belongs to."""

    kind: RatingKind
    value: int
    goal: str | None = None


_Item = tuple[NoteKind, str] | _Rate


def _note(text: str) -> _Item:
    return (NoteKind.NOTE, text)


def _insight(text: str) -> _Item:
    return (NoteKind.INSIGHT, text)


def _quote(text: str) -> _Item:
    return (NoteKind.QUOTE, text)


def _private(text: str) -> _Item:
    return (NoteKind.PRIVATE, text)


def _progress(value: int, goal: str | None = None) -> _Item:
    return _Rate(RatingKind.PROGRESS, value, goal)


def _confidence(value: int, goal: str | None = None) -> _Item:
    return _Rate(RatingKind.CONFIDENCE, value, goal)


def _commitment(value: int, goal: str | None = None) -> _Item:
    return _Rate(RatingKind.COMMITMENT, value, goal)


@dataclass(frozen=True)
class _Stretch:
    """A stretch of the conversation in one stage: its length and what was noted or rated in it."""

    stage: str
    minutes: float
    items: tuple[_Item, ...] = ()


@dataclass(frozen=True)
class _ActionSpec:
    key: str
    text: str
    goal: str | None
    due_in_days: int
    """Days after the session in which the action was agreed."""
    measure: str = ""
    expected: str = ""
    support: str = ""
    barriers: str = ""
    backup: str = ""
    accountability: str = ""
    commitment: int | None = None
    reviews: tuple[tuple[ReviewOutcome, str], ...] = ()
    """Outcome and the client's learning, reviewed at the next session, then the one after..."""


@dataclass(frozen=True)
class _ReflectionSpec:
    worked: str
    did_not: str
    adjust: str
    progress: int
    competencies: tuple[Competency, ...]
    learned: str
    next_focus: str


@dataclass(frozen=True)
class _SessionSpec:
    days_ago: int
    start: str
    framework: str
    goal: str
    flow: tuple[_Stretch, ...]
    actions: tuple[_ActionSpec, ...] = ()
    reflection: _ReflectionSpec | None = None


@dataclass(frozen=True)
class _GoalSpec:
    key: str
    title: str
    specific: str
    measure: str
    achievable: str
    relevant: str
    target_in_days: int
    """Days from today (negative: in the past)."""
    horizon: Horizon
    planned_sessions: int
    metric: Metric
    status: GoalStatus = GoalStatus.ACTIVE
    outcome: str = ""


@dataclass(frozen=True)
class _RevisionSpec:
    after_session: int
    """The session at the end of which the change was agreed."""
    target_kind: Literal["plan", "goal", "action", "checkin", "agreement", "cycle"]
    target: str | None
    """The key of a goal or an action, or ``checkin<N>`` for the check-in at session N."""
    summary: str
    changes: tuple[tuple[str, str | int, str | int], ...]
    """(field, before, after); an int before or after is a date, in days from today."""
    reason: str
    client_decided: bool = True


@dataclass(frozen=True)
class _CheckInSpec:
    at_session: int
    focus: str
    done: bool = False


@dataclass(frozen=True)
class _ClientSpec:
    name: str
    email: str
    phone: str
    consent_named_in_log: bool
    started_days_ago: int
    agreement: dict[str, Any]
    """Agreement fields other than the dates, which follow from ``started_days_ago``."""
    cadence_days: int
    next_session_in_days: int
    vision: str
    values: tuple[str, ...]
    goals: tuple[_GoalSpec, ...]
    sessions: tuple[_SessionSpec, ...]
    revisions: tuple[_RevisionSpec, ...] = ()
    checkins: tuple[_CheckInSpec, ...] = ()


@dataclass
class _ClientRecords:
    """Everything about one client, built in memory before a single round of writes."""

    client: Client
    state: PlanState
    revisions: list[PlanRevision] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)


# --- building the demo's records from the story ---------------------------------------------


def _build_client(spec: _ClientSpec, today: date, ids: _Ids, rng: random.Random) -> _ClientRecords:
    start = _weekday_on_or_before(today - timedelta(days=spec.started_days_ago))
    agreement = Agreement(
        start_date=start,
        confidentiality_consent=start - timedelta(days=3),
        **spec.agreement,
    )
    client = Client(
        id=ids(),
        name=spec.name,
        email=spec.email,
        phone=spec.phone,
        consent_named_in_log=spec.consent_named_in_log,
        agreement=agreement,
        created_at=_at(start - timedelta(days=7), "10:15"),
    )
    cid = client.id
    session_days = [_weekday_on_or_before(today - timedelta(days=s.days_ago)) for s in spec.sessions]
    next_day = _weekday_on_or_after(today + timedelta(days=spec.next_session_in_days))
    session_ids = [ids() for _ in spec.sessions]

    def session_date(number: int) -> date:
        """The day of session ``number``: held, the next one, or one cadence after the other."""
        if number <= len(session_days):
            return session_days[number - 1]
        return next_day + timedelta(days=spec.cadence_days * (number - len(session_days) - 1))

    goal_ids = {g.key: ids() for g in spec.goals}
    goals = [
        Goal(
            id=goal_ids[g.key],
            client_id=cid,
            title=g.title,
            specific=g.specific,
            measure=g.measure,
            achievable=g.achievable,
            relevant=g.relevant,
            target_date=today + timedelta(days=g.target_in_days),
            horizon=g.horizon,
            planned_sessions=g.planned_sessions,
            metric=g.metric,
            status=g.status,
            outcome=g.outcome,
            position=position,
            created_at=_at(start, "19:40"),
        )
        for position, g in enumerate(spec.goals)
    ]

    sessions: list[Session] = []
    actions: list[Action] = []
    action_ids: dict[str, str] = {}
    reviews_due: list[list[tuple[Action, ReviewOutcome, str]]] = [[] for _ in spec.sessions]
    reflections: list[Reflection] = []
    for number, (sspec, day) in enumerate(zip(spec.sessions, session_days, strict=True), start=1):
        started = _at(day, sspec.start)
        session = _conversation(
            sspec,
            client_id=cid,
            session_id=session_ids[number - 1],
            number=number,
            started=started,
            goal_ids=goal_ids,
            rng=rng,
        )
        session.planned_minutes = agreement.session_minutes
        session.next_checkin = session_date(number + 1)
        for offset, (action, outcome, learning) in enumerate(reviews_due[number - 1]):
            review = ActionReview(
                action_id=action.id,
                at=started + timedelta(minutes=2 + 2 * offset),
                session_id=session.id,
                outcome=outcome,
                learning=learning,
            )
            session.reviews.append(review)
            action.reviews.append(review)
            action.status = _STATUS_AFTER_REVIEW[outcome]
        for aspec in sspec.actions:
            action = Action(
                id=ids(),
                client_id=cid,
                text=aspec.text,
                goal_id=goal_ids[aspec.goal] if aspec.goal else None,
                due=day + timedelta(days=aspec.due_in_days),
                measure=aspec.measure,
                expected=aspec.expected,
                support=aspec.support,
                barriers=aspec.barriers,
                backup=aspec.backup,
                accountability=aspec.accountability,
                commitment=aspec.commitment,
                session_id=session.id,
                position=len(actions),
                created_at=_ended(session),
            )
            action_ids[aspec.key] = action.id
            actions.append(action)
            session.action_ids.append(action.id)
            for later, (outcome, learning) in enumerate(aspec.reviews, start=number):
                reviews_due[later].append((action, outcome, learning))
        sessions.append(session)
        if sspec.reflection is not None:
            reflections.append(_reflection(sspec.reflection, session, agreement.payment, ids))

    checkins = [
        CheckIn(
            id=ids(),
            client_id=cid,
            at_session=c.at_session,
            on_date=session_date(c.at_session),
            focus=c.focus,
            done=c.done,
        )
        for c in spec.checkins
    ]
    plan = CoachingPlan(
        id=ids(),
        client_id=cid,
        vision=spec.vision,
        values=list(spec.values),
        updated_at=_ended(sessions[-1]),
    )
    targets = {**goal_ids, **action_ids, **{f"checkin{c.at_session}": c.id for c in checkins}}
    revisions = [
        PlanRevision(
            id=ids(),
            client_id=cid,
            at=_ended(sessions[r.after_session - 1]) - timedelta(minutes=4),
            target_kind=r.target_kind,
            target_id=targets[r.target] if r.target else None,
            summary=r.summary,
            changes=[
                FieldChange(field=name, before=_change_text(before, today), after=_change_text(after, today))
                for name, before, after in r.changes
            ],
            reason=r.reason,
            client_decided=r.client_decided,
        )
        for r in spec.revisions
    ]
    state = PlanState(plan=plan, goals=goals, actions=actions, checkins=checkins)
    return _ClientRecords(client, state, revisions, sessions, reflections)


def _ended(session: Session) -> datetime:
    return session.ended_at or session.started_at


def _change_text(value: str | int, today: date) -> str:
    return (today + timedelta(days=value)).isoformat() if isinstance(value, int) else value


def _conversation(
    spec: _SessionSpec,
    *,
    client_id: str,
    session_id: str,
    number: int,
    started: datetime,
    goal_ids: dict[str, str],
    rng: random.Random,
) -> Session:
    """Lay the session's stretches on a clock: visits, notes, prompts and ratings at believable times."""
    framework = load_framework(spec.framework)
    visits: list[StageVisit] = []
    notes: list[Note] = []
    prompts: list[PromptAsked] = []
    ratings: list[ScalingRating] = []
    clock = started
    for stretch in spec.flow:
        stage = framework.stage(stretch.stage)
        # A few seconds either way, so that stage times look measured rather than scripted.
        length = timedelta(minutes=stretch.minutes, seconds=rng.randint(-40, 40))
        visits.append(StageVisit(stage=stage.id, started_at=clock, ended_at=clock + length))
        for k, question in enumerate(rng.sample(stage.questions, k=min(len(stage.questions), 2))):
            asked = clock + timedelta(seconds=int(length.total_seconds() * (0.05 + 0.45 * k)))
            prompts.append(PromptAsked(at=asked, stage=stage.id, text=question))
        step = length / (len(stretch.items) + 1)
        for k, item in enumerate(stretch.items, start=1):
            at = (clock + step * k).replace(microsecond=0)
            if isinstance(item, _Rate):
                ratings.append(
                    ScalingRating(
                        at=at,
                        stage=stage.id,
                        kind=item.kind,
                        value=item.value,
                        goal_id=goal_ids[item.goal] if item.goal else None,
                    )
                )
            else:
                kind, text = item
                notes.append(Note(at=at, stage=stage.id, kind=kind, text=text))
        clock += length
    return Session(
        id=session_id,
        client_id=client_id,
        number=number,
        framework=framework.id,
        goal=spec.goal,
        started_at=started,
        ended_at=clock.replace(microsecond=0),
        visits=visits,
        notes=notes,
        prompts=sorted(prompts, key=lambda p: p.at),
        ratings=ratings,
        status=SessionStatus.CLOSED,
    )


def _reflection(spec: _ReflectionSpec, session: Session, payment: Payment, ids: _Ids) -> Reflection:
    ended = _ended(session)
    return Reflection(
        id=ids(),
        session_id=session.id,
        client_id=session.client_id,
        created_at=ended + timedelta(minutes=12),
        session_date=session.started_at.date(),
        duration_minutes=round(session.duration_minutes(), 1),
        what_worked=spec.worked,
        what_did_not=spec.did_not,
        adjust_next_time=spec.adjust,
        client_progress=spec.progress,
        competencies=list(spec.competencies),
        learned=spec.learned,
        next_focus=spec.next_focus,
        payment=payment,
    )


# --- the demo's story ------------------------------------------------------------------------

_DONE, _PARTLY, _NOT_DONE, _CHANGED = (
    ReviewOutcome.DONE,
    ReviewOutcome.PARTLY,
    ReviewOutcome.NOT_DONE,
    ReviewOutcome.CHANGED,
)
_C = Competency

_DANA = _ClientSpec(
    name="Dana Ortiz",
    email="dana.ortiz@example.com",
    phone="+1 415 555 0142",
    consent_named_in_log=True,
    started_days_ago=40,
    agreement={
        "sessions_planned": 8,
        "cadence": "every 2 weeks",
        "session_minutes": 60,
        "channel_in_session": "video call (Zoom, camera on)",
        "channel_between_sessions": "email for logistics and short updates",
        "response_time": "within 2 working days",
        "cancellation_policy": "24 hours' notice, or the session counts as held; one free reschedule",
        "fee": "USD 180 per session, invoiced monthly",
        "payment": Payment.PAID,
        "boundaries": (
            "Coaching, not recruiting: I will not place Dana with employers or negotiate offers for her. "
            "Between sessions, email for logistics and short wins; anything deeper waits for the session. "
            "No contact with Dana's current employer. Notes are mine and kept private; Dana can ask "
            "for a copy of her plan at any time. Dana owns every decision about her career."
        ),
    },
    cadence_days=14,
    next_session_in_days=4,
    vision=(
        "A year from now I do research for a living: I plan the studies, I sit with users, and the "
        "team changes what it builds because of what I found. I've stopped apologising for not "
        "having a design degree."
    ),
    values=("Curiosity", "Craft", "Honesty", "Autonomy"),
    goals=(
        _GoalSpec(
            key="role",
            title="Land a UX research role",
            specific=(
                "An offer for a UX researcher or mixed-methods researcher role at a product company, "
                "with no more than a 10% pay cut."
            ),
            measure="A signed offer letter; along the way, conversations with hiring managers.",
            achievable=(
                "Seven years of discovery work as a PM, about 40 customer interviews last year, and two "
                "former colleagues in research who offered referrals."
            ),
            relevant="Curiosity and craft: research is the part of product work I would do for free.",
            target_in_days=150,
            horizon=Horizon.DISTAL,
            planned_sessions=8,
            metric=Metric(
                name="Hiring-manager conversations", baseline=0, target=5, unit="conversations", current=1
            ),
        ),
        _GoalSpec(
            key="case",
            title="Publish one research case study",
            specific=(
                "Write up the onboarding drop-off study as a research case study (problem, method, "
                "findings, impact) and publish it on my site."
            ),
            measure="Live on my site, and read by two working researchers who gave me feedback.",
            achievable="The study is done; the material is in the old research repository and Miro.",
            relevant="Hiring managers read the case study before the CV; it is my proof of craft.",
            target_in_days=10,
            horizon=Horizon.PROXIMAL,
            planned_sessions=3,
            metric=Metric(
                name="Case study sections finished", baseline=0, target=6, unit="sections", current=4
            ),
        ),
        _GoalSpec(
            key="network",
            title="Talk to eight working researchers",
            specific="Eight informational conversations with UX researchers about how they work and hire.",
            measure="Eight conversations logged, with one thing I learned from each.",
            achievable="Mei and Tomás already said yes; the research meetup meets monthly.",
            relevant="Honesty: I want to know what the job really is before I ask for it.",
            target_in_days=30,
            horizon=Horizon.PROXIMAL,
            planned_sessions=4,
            metric=Metric(name="Conversations held", baseline=1, target=8, unit="conversations", current=4),
        ),
    ),
    sessions=(
        _SessionSpec(
            days_ago=37,
            start="18:00",
            framework="grow",
            goal="Get clear on what I actually want from the switch, and where to start.",
            flow=(
                _Stretch(
                    "goal",
                    8,
                    (
                        _note(
                            "First session after the chemistry call. Went over the agreement and "
                            "confidentiality again; consent form signed last week."
                        ),
                        _quote("I don't want a new job title. I want to spend my days finding things out."),
                        _note("Wants to leave today with one first step she can take this week."),
                    ),
                ),
                _Stretch(
                    "reality",
                    16,
                    (
                        _note(
                            "Seven years as a PM at a payments company. Ran ~40 customer interviews last "
                            "year, always 'as the PM'."
                        ),
                        _note(
                            "Applied to three research roles in the spring: no replies. CV still reads like "
                            "a PM CV."
                        ),
                        _quote("Every time I write 'researcher' on my CV it feels like lying."),
                        _progress(2, "role"),
                        _insight("She has been doing research for years; she has just never called it that."),
                        _confidence(4, "role"),
                    ),
                ),
                _Stretch(
                    "options",
                    14,
                    (
                        _note(
                            "Options she named: rewrite the CV around research; a case study from the "
                            "onboarding study; a bootcamp; an internal move; talk to researchers she knows."
                        ),
                        _note("Bootcamp costs about 6k. Her words: 'a permission slip', not what she needs."),
                        _insight(
                            "The internal move is the option she keeps stepping around: fear of her "
                            "manager's reaction."
                        ),
                    ),
                ),
                _Stretch(
                    "reality",
                    4,
                    (
                        _note(
                            "Back to the manager: the relationship is good; the bad reaction is an "
                            "assumption she has not tested."
                        ),
                    ),
                ),
                _Stretch(
                    "will",
                    12,
                    (
                        _note("Chose: case study first, plus two conversations with researchers."),
                        _commitment(8, "case"),
                        _private(
                            "I felt the pull to tell her the bootcamp is a waste. Held it. Watch my own "
                            "bias about credentials."
                        ),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="outline",
                    text="Write a one-page outline of the onboarding study as a case study",
                    goal="case",
                    due_in_days=6,
                    measure="Outline in my Notion: problem, method, findings, impact",
                    expected="See whether there is enough material for a real case study",
                    support="The old research repository and the Miro board",
                    barriers="Quarter-end release week",
                    backup="If release week eats the evenings, Saturday morning at the library",
                    accountability="Email my coach one line when it's done",
                    commitment=8,
                    reviews=(
                        (
                            _DONE,
                            "It's stronger than I thought. Impact is the weak part: I need the "
                            "retention numbers.",
                        ),
                    ),
                ),
                _ActionSpec(
                    key="mei",
                    text="Message Mei and Tomás and ask for 30 minutes about how they moved into research",
                    goal="network",
                    due_in_days=4,
                    measure="Two messages sent, two calls booked",
                    expected="Hear what the move was really like, from people who made it",
                    support="Mei's old Slack handle; Tomás is on LinkedIn",
                    barriers="Feeling like I'm asking for a favour",
                    backup="If I stall, send Mei's first; she's the easier ask",
                    accountability="Tell my partner on Sunday whether I sent them",
                    commitment=7,
                    reviews=(
                        (
                            _PARTLY,
                            "Mei said yes and we talked. I didn't write to Tomás: he's more "
                            "senior and I felt like a fraud asking.",
                        ),
                    ),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="Slow pace in Reality: the 'you've been doing research for years' insight was hers.",
                did_not="I let the options list grow too long before asking which one had energy.",
                adjust="Ask 'which of these has energy for you?' after three or four options.",
                progress=2,
                competencies=(_C.AGREEMENTS, _C.TRUST, _C.AWARENESS),
                learned="Noticed my own bias against bootcamps; bracket it and stay curious.",
                next_focus="Timing of applications; the conversation with Tomás.",
            ),
        ),
        _SessionSpec(
            days_ago=23,
            start="18:00",
            framework="grow",
            goal="Decide when to start applying.",
            flow=(
                _Stretch(
                    "goal",
                    6,
                    (
                        _note("Reviewed the two actions: outline done, Mei done, Tomás not yet."),
                        _note("Today: when to start applying. She feels behind."),
                    ),
                ),
                _Stretch(
                    "reality",
                    18,
                    (
                        _quote("Mei told me hiring managers read the case study before they read the CV."),
                        _note("No portfolio online yet; the outline has four of six sections sketched."),
                        _progress(3, "role"),
                        _confidence(5, "role"),
                        _insight("'Applying soon' has been a way to avoid finishing the portfolio."),
                        _note("About Tomás: she reads his seniority as 'he'll see through me'."),
                    ),
                ),
                _Stretch(
                    "options",
                    15,
                    (
                        _note(
                            "Apply now with the CV only; finish the case study first; ask Mei for a "
                            "referral now; do both in parallel."
                        ),
                        _quote("If I apply now I spend my referrals on a version of me that isn't ready."),
                        _note("Parallel option dropped by her: 'I know me, I'd polish the CV forever.'"),
                    ),
                ),
                _Stretch(
                    "will",
                    17,
                    (
                        _note(
                            "Decision: finish the case study, then apply. Moves her target for the role "
                            "from three to five months. Her call."
                        ),
                        _commitment(9, "case"),
                        _note("Retention figures: she'll ask the data team."),
                        _private(
                            "She apologised three times for 'not being ready'. If it recurs, name the "
                            "pattern; not yet."
                        ),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="findings",
                    text="Draft the findings and impact sections of the case study",
                    goal="case",
                    due_in_days=7,
                    measure="Both sections drafted, even if rough",
                    expected="Know what the story of the study is",
                    support="Mei offered to read a draft",
                    barriers="Perfectionism; wanting the numbers first",
                    backup="Write it with placeholders for the numbers",
                    accountability="Two 45-minute writing blocks in the calendar, Tuesday and Thursday",
                    commitment=9,
                    reviews=(
                        (_DONE, "Placeholders were the trick. Once it was ugly on the page I could fix it."),
                    ),
                ),
                _ActionSpec(
                    key="tomas",
                    text="Write to Tomás",
                    goal="network",
                    due_in_days=3,
                    measure="Message sent",
                    expected="Practise asking people I admire for time",
                    barriers="The 'he'll see through me' story",
                    backup="Ask Mei to introduce us instead",
                    accountability="Email my coach the day I send it",
                    commitment=8,
                    reviews=((_DONE, "It took ten minutes. The fear was much bigger than the task."),),
                ),
                _ActionSpec(
                    key="numbers",
                    text="Ask the data team for the onboarding retention numbers",
                    goal="case",
                    due_in_days=5,
                    measure="Numbers in hand, or a clear no",
                    expected="An impact section with real figures",
                    support="Ravi on the data team",
                    barriers="Data team is busy at quarter end",
                    backup="Use the figures that are already public",
                    accountability="Check at the next session",
                    commitment=6,
                    reviews=(
                        (
                            _CHANGED,
                            "Data freeze until next quarter. I'll use the public figures "
                            "from the investor deck.",
                        ),
                    ),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="Asking what applying now would cost her; she found the referral argument herself.",
                did_not="I moved to Will a little early; she was still in Options in her head.",
                adjust="Check 'anything else before we choose?' before moving to Will.",
                progress=3,
                competencies=(_C.LISTENING, _C.AWARENESS, _C.GROWTH),
                learned="Clients often push timelines later when they feel ownership; that's progress too.",
                next_focus="The case study over the line; shortlist of roles.",
            ),
        ),
        _SessionSpec(
            days_ago=9,
            start="08:00",
            framework="grow",
            goal="Get the case study over the line and plan the first applications.",
            flow=(
                _Stretch(
                    "goal",
                    7,
                    (
                        _note("Early session: she moved it to before work this time."),
                        _note(
                            "Findings and impact drafted; Tomás call happened; numbers changed to the "
                            "public figures."
                        ),
                        _quote("I want to press publish before I talk myself out of it."),
                    ),
                ),
                _Stretch(
                    "reality",
                    15,
                    (
                        _note(
                            "Case study: 4 of 6 sections finished. Method section still reads like a PM "
                            "update."
                        ),
                        _note(
                            "Four research conversations so far. Tomás: 'hiring managers want to see you "
                            "chose the method, not just ran it.'"
                        ),
                        _progress(5, "role"),
                        _confidence(6, "role"),
                        _insight(
                            "She rewrote the method section out loud while telling me about it: "
                            "'I chose diary studies because...' is the missing sentence."
                        ),
                    ),
                ),
                _Stretch(
                    "options",
                    14,
                    (
                        _note(
                            "Feedback first then publish, or publish then iterate; Mei and Ana as readers."
                        ),
                        _quote("Published and good beats perfect and private."),
                        _note("For the shortlist: mid-size product companies, research teams of 3+."),
                    ),
                ),
                _Stretch(
                    "will",
                    16,
                    (
                        _note("Three actions, in her words; due dates are hers."),
                        _commitment(8, "role"),
                        _note("Next session: mid-point check-in on the whole engagement."),
                    ),
                ),
                _Stretch(
                    "reality",
                    3,
                    (
                        _private(
                            "Energy much higher than session 1. Keep an eye on overcommitting: three "
                            "actions in a release week."
                        ),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="feedback",
                    text="Send the case study to Mei and Ana for feedback",
                    goal="case",
                    due_in_days=5,
                    measure="Sent to both, with three specific questions",
                    expected="Know whether it reads like a researcher wrote it",
                    support="Mei and Ana both offered",
                    barriers="Wanting one more polish first",
                    backup="Send whatever exists on the due date",
                    accountability="Calendar reminder; tell my coach at the next session",
                    commitment=8,
                ),
                _ActionSpec(
                    key="publish",
                    text="Publish the case study on my site",
                    goal="case",
                    due_in_days=12,
                    measure="Public link that works on my phone",
                    expected="A link I can put on every application",
                    support="Site template is already set up",
                    barriers="Fear of it being read",
                    backup="Publish as unlisted first and share the link only with applications",
                    accountability="Post the link in the research meetup channel",
                    commitment=7,
                ),
                _ActionSpec(
                    key="shortlist",
                    text="Shortlist five research roles and note what each one asks for",
                    goal="role",
                    due_in_days=14,
                    measure="Five roles in a table with requirements and gaps",
                    expected="See which gaps are real and which are in my head",
                    support="Tomás's list of companies with good research teams",
                    barriers="Falling into job-board scrolling",
                    backup="Timebox to two 30-minute sessions",
                    accountability="Bring the table to session 4",
                    commitment=8,
                ),
            ),
            reflection=_ReflectionSpec(
                worked="Letting her talk the method section through; the insight came from her own words.",
                did_not="Three actions in a release week may be too many; I didn't ask.",
                adjust="Ask about capacity before agreeing more than two actions.",
                progress=5,
                competencies=(_C.PRESENCE, _C.AWARENESS, _C.GROWTH),
                learned="Noticing energy shifts is as informative as the scaling numbers.",
                next_focus="Mid-point check-in: what is working, what is not, is she feeling progress?",
            ),
        ),
    ),
    revisions=(
        _RevisionSpec(
            after_session=2,
            target_kind="goal",
            target="role",
            summary="Target date for the research role moved out by two months",
            changes=(("target_date", 90, 150),),
            reason="Dana decided the case study comes first; applying earlier would spend her referrals "
            "on a CV-only application.",
        ),
        _RevisionSpec(
            after_session=3,
            target_kind="action",
            target="numbers",
            summary="Retention numbers: use the public figures instead",
            changes=(
                (
                    "text",
                    "Ask the data team for the onboarding retention numbers",
                    "Use the retention figures from the public investor deck",
                ),
            ),
            reason="Data team freeze until next quarter; Dana chose not to wait.",
        ),
    ),
    checkins=(
        _CheckInSpec(2, "Is the cadence and the format working for Dana?", done=True),
        _CheckInSpec(4, "Mid-point: what is working, what is not, how to adjust, does Dana feel progress?"),
        _CheckInSpec(8, "Wrap-up: what she achieved, what she learned, future goals."),
    ),
)

_SAM = _ClientSpec(
    name="Sam Okafor",
    email="sam.okafor@northwind-logistics.example",
    phone="+44 20 7946 0831",
    consent_named_in_log=False,
    started_days_ago=52,
    agreement={
        "sessions_planned": 6,
        "cadence": "every 2 weeks",
        "session_minutes": 60,
        "channel_in_session": "video call (Teams), lunchtime 12:30",
        "channel_between_sessions": "Teams chat for scheduling only",
        "response_time": "within 1 working day",
        "cancellation_policy": "48 hours' notice; on-call weeks are rescheduled without charge",
        "fee": "Paid by employer (Northwind Logistics, PO 4471): GBP 1,800 for 6 sessions",
        "payment": Payment.PAID,
        "boundaries": (
            "Three-way agreement: Sam's manager Rhea Kim set the broad aims (leadership presence, "
            "delegation). What Sam says in sessions stays between us; Rhea receives attendance only, "
            "and at the end whatever Sam chooses to share. No sessions in Sam's on-call weeks. I do not "
            "give technical or HR advice; I coach."
        ),
    },
    cadence_days=14,
    next_session_in_days=12,
    vision=(
        "My team ships without me being the bottleneck. People bring me problems early because they "
        "know I'll help them think, not take it off them. In leadership meetings I say what I think "
        "in the first ten minutes, not the last two."
    ),
    values=("Fairness", "Reliability", "Learning", "Calm"),
    goals=(
        _GoalSpec(
            key="delegate",
            title="Hand off the weekly release coordination",
            specific="Someone on the team runs the weekly release end to end; I am on call, not in charge.",
            measure="Two releases in a row run by someone else; my hours on work others could do drop.",
            achievable="Lee and Farah both asked for more ownership; the checklist already exists.",
            relevant="Reliability without being the single point of failure; fairness in who gets to grow.",
            target_in_days=14,
            horizon=Horizon.PROXIMAL,
            planned_sessions=3,
            metric=Metric(
                name="Hours a week on work a team member could do",
                baseline=12,
                target=4,
                unit="hours/week",
                current=7,
            ),
        ),
        _GoalSpec(
            key="voice",
            title="Speak early in the leadership meeting",
            specific="In the Tuesday staff meeting, make my point or ask my question in the first 15 min.",
            measure="At least three of four meetings in a row where I spoke in the first 15 minutes.",
            achievable="I already do it in my own team's meetings; the staff agenda comes in advance.",
            relevant="Rhea's feedback and my own: the team's work is invisible when I stay quiet.",
            target_in_days=40,
            horizon=Horizon.DISTAL,
            planned_sessions=6,
            metric=Metric(
                name="Staff meetings where I spoke in the first 15 min",
                baseline=0,
                target=3,
                unit="of the last 4",
                current=2,
            ),
        ),
        _GoalSpec(
            key="growth",
            title="Hold a first round of career conversations",
            specific="A 45-minute career conversation with each of my seven reports, separate from 1:1s.",
            measure="Seven conversations held, each with one agreed next step written down.",
            achievable="Rhea shared the template she uses; 1:1 slots already exist.",
            relevant="Learning and fairness: everyone gets the same chance to be seen.",
            target_in_days=30,
            horizon=Horizon.PROXIMAL,
            planned_sessions=3,
            metric=Metric(
                name="Career conversations held", baseline=0, target=7, unit="conversations", current=3
            ),
        ),
    ),
    sessions=(
        _SessionSpec(
            days_ago=50,
            start="12:30",
            framework="clear",
            goal="Agree what we'll work on, and what 'leadership presence' means to me, not just to Rhea.",
            flow=(
                _Stretch(
                    "contracting",
                    10,
                    (
                        _note(
                            "First session. Walked through the three-way agreement: Rhea gets attendance "
                            "only. Sam visibly relaxed."
                        ),
                        _quote("Rhea said 'presence'. I honestly don't know what she means."),
                        _note("His aim for today: his own definition of presence, and one place to start."),
                    ),
                ),
                _Stretch(
                    "listening",
                    15,
                    (
                        _note(
                            "Promoted four months ago from senior engineer on the same team; seven reports, "
                            "two of them former peers."
                        ),
                        _note(
                            "Still runs the weekly release himself, reviews most PRs, covers on-call gaps."
                        ),
                        _quote("If I do it, it's done right and nobody's weekend gets ruined."),
                        _progress(3, "delegate"),
                        _note("Staff meeting: speaks in the last few minutes, if at all."),
                    ),
                ),
                _Stretch(
                    "exploring",
                    15,
                    (
                        _insight(
                            "For him presence = 'people know where I stand before the decision, not after'."
                        ),
                        _note("Doing the work himself keeps him calm and keeps him invisible at once."),
                        _quote("I've been managing like an engineer with more meetings."),
                        _confidence(5, "voice"),
                    ),
                ),
                _Stretch(
                    "action",
                    10,
                    (
                        _note("Chose delegation as the first goal: it frees time for everything else."),
                        _commitment(8, "delegate"),
                    ),
                ),
                _Stretch(
                    "review",
                    5,
                    (
                        _note("What was useful: 'having my own definition of presence'."),
                        _private(
                            "Sponsor-funded: stay alert to Sam saying what he thinks Rhea wants to hear."
                        ),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="timelog",
                    text="Log for one week every task I do that someone on the team could do",
                    goal="delegate",
                    due_in_days=9,
                    measure="A week's list with rough hours",
                    expected="See where my time actually goes",
                    support="A note on my phone, filled in at lunch and at 5",
                    barriers="Forgetting in busy days",
                    backup="Reconstruct from the calendar on Friday",
                    accountability="Bring the list to session 2",
                    commitment=8,
                    reviews=((_DONE, "Twelve hours. The release alone is five."),),
                ),
                _ActionSpec(
                    key="one_point",
                    text="Prepare one point from the agenda before Tuesday's staff meeting",
                    goal="voice",
                    due_in_days=5,
                    measure="One point written down before the meeting",
                    expected="Have something ready so I'm not composing while others talk",
                    barriers="The agenda arrives late",
                    backup="Use last week's open item",
                    accountability="Tick it in my notebook",
                    commitment=6,
                    reviews=((_PARTLY, "Prepared it, didn't say it. The moment passed."),),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="Contracting about confidentiality first; it changed how openly he spoke.",
                did_not="I almost adopted Rhea's word 'presence' as the goal before he defined it.",
                adjust="Keep sponsor language at arm's length until the client has made it his.",
                progress=3,
                competencies=(_C.ETHICS, _C.AGREEMENTS, _C.TRUST),
                learned="Three-way agreements need re-contracting in the first minutes, every time.",
                next_focus="The time log: what can he hand off first?",
            ),
        ),
        _SessionSpec(
            days_ago=36,
            start="12:30",
            framework="grow",
            goal="Work out what I can hand off first.",
            flow=(
                _Stretch(
                    "goal",
                    6,
                    (
                        _note("Time log done: 12 h/week on work others could do; release is 5 h of it."),
                        _note("Point prepared but not said in the staff meeting."),
                    ),
                ),
                _Stretch(
                    "reality",
                    16,
                    (
                        _note("Lee has asked twice to run releases. Sam said 'next quarter' both times."),
                        _quote(
                            "Honestly, I'm scared it'll break on a Friday and I'll have done that to them."
                        ),
                        _progress(4, "delegate"),
                        _insight(
                            "Keeping the release is about protecting the team, not about control; "
                            "but it's also keeping Lee from growing."
                        ),
                    ),
                ),
                _Stretch(
                    "options",
                    15,
                    (
                        _note(
                            "Hand the checklist to Lee; pair for one release; rotate among three people; "
                            "automate the worst steps first."
                        ),
                        _note("Rotation sounds fair to him but slow; pairing feels safest."),
                        _confidence(6, "delegate"),
                    ),
                ),
                _Stretch(
                    "reality",
                    4,
                    (
                        _note(
                            "Back to the staff meeting briefly: he waits for 'the right moment'. There "
                            "isn't one."
                        ),
                    ),
                ),
                _Stretch(
                    "will",
                    16,
                    (
                        _note("Chose: give Lee the release checklist this week."),
                        _commitment(8, "delegate"),
                        _note("Staff meeting: speak before the first agenda item closes."),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="handover",
                    text="Hand the release checklist to Lee",
                    goal="delegate",
                    due_in_days=7,
                    measure="Lee owns the checklist for the next release",
                    expected="Five hours back, and Lee growing",
                    support="The existing checklist; the on-call rota",
                    barriers="A risky release week",
                    backup="If the release is risky, Lee runs it with me beside him",
                    accountability="Tell Lee in our 1:1, so it is public",
                    commitment=8,
                    reviews=(
                        (
                            _CHANGED,
                            "Lee had never seen the rollback steps. Handing it over cold "
                            "would have set him up to fail.",
                        ),
                    ),
                ),
                _ActionSpec(
                    key="first_item",
                    text="Say my point before the first agenda item closes on Tuesday",
                    goal="voice",
                    due_in_days=6,
                    measure="I spoke in the first 15 minutes",
                    expected="Learn what happens when I speak early",
                    support="Point written on a sticky note on my screen",
                    barriers="Someone senior speaks first and I defer",
                    backup="Ask a question instead of making a point",
                    accountability="Tick in my notebook; tell my coach",
                    commitment=7,
                    reviews=(
                        (
                            _DONE,
                            "Asked a question in minute 8. Rhea followed up on it. Nothing bad happened.",
                        ),
                    ),
                ),
                _ActionSpec(
                    key="career_book",
                    text="Book career conversations with my seven reports",
                    goal="growth",
                    due_in_days=10,
                    measure="Seven 45-minute slots in the calendar",
                    expected="Everyone knows it's coming and why",
                    support="Rhea's template",
                    barriers="Calendar chaos before the quarter end",
                    backup="Book the first three now, the rest next month",
                    accountability="Calendar invites sent",
                    commitment=9,
                    reviews=((_DONE, "All seven booked; three held by the next session."),),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="Staying with the fear of breaking things on a Friday; it unlocked the real reason.",
                did_not="I didn't check the pairing option against his own constraint; he chose the "
                "riskiest option after naming the risk.",
                adjust="Reflect back the client's stated constraint when he chooses.",
                progress=4,
                competencies=(_C.LISTENING, _C.PRESENCE, _C.AWARENESS),
                learned="A client can hold two true reasons at once; name both, don't choose for him.",
                next_focus="How the handover went; what happened in the staff meeting.",
            ),
        ),
        _SessionSpec(
            days_ago=22,
            start="12:30",
            framework="grow",
            goal="Understand why I go quiet in the staff meeting.",
            flow=(
                _Stretch(
                    "goal",
                    6,
                    (
                        _note(
                            "Handover changed: Lee needs the rollback steps first. Staff meeting: spoke in "
                            "minute 8!"
                        ),
                        _quote("I want to know why it's so hard when it went fine."),
                    ),
                ),
                _Stretch(
                    "reality",
                    18,
                    (
                        _note("In the staff meeting he is the only manager who came up from the team."),
                        _quote("They all talk like managers. I feel like the engineer who wandered in."),
                        _progress(5, "voice"),
                        _insight("He waits to be sure he's right; the others speak to find out."),
                        _note("Spoke early in 2 of the last 4 meetings."),
                    ),
                ),
                _Stretch(
                    "options",
                    14,
                    (
                        _note(
                            "Prepare a question rather than a point; ask Farah (peer) how she does it; "
                            "speak in the first ten minutes no matter what."
                        ),
                        _note("Named an experiment: 'thinking out loud' once per meeting."),
                    ),
                ),
                _Stretch(
                    "will",
                    16,
                    (
                        _note(
                            "Release: pair with Lee on one release, then Lee runs the next with Sam on "
                            "call. His change, his reasoning."
                        ),
                        _commitment(9, "delegate"),
                        _confidence(6, "voice"),
                        _note("Career conversations: three done, four booked."),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="pair",
                    text="Pair with Lee on one release, then Lee runs the next one with me on call",
                    goal="delegate",
                    due_in_days=14,
                    measure="Two releases: one paired, one Lee's",
                    expected="Lee confident on rollback; me off the critical path",
                    support="Farah as backup on call",
                    barriers="The quarter-end freeze",
                    backup="If the freeze hits, pair on the staging release instead",
                    accountability="Release notes name Lee as owner",
                    commitment=9,
                    reviews=(
                        (
                            _PARTLY,
                            "Paired once, then a customer escalation and I took it back for a "
                            "week. Lee runs Thursday's.",
                        ),
                    ),
                ),
                _ActionSpec(
                    key="out_loud",
                    text="Think out loud once in each staff meeting, before I'm sure",
                    goal="voice",
                    due_in_days=13,
                    measure="Once a meeting, two meetings",
                    expected="Find out whether being unsure is actually a problem for anyone",
                    barriers="The old habit of waiting",
                    backup="Ask a 'what if' question instead",
                    accountability="Note it straight after the meeting",
                    commitment=7,
                    reviews=((_DONE, "Did it twice. Farah built on my half-idea both times."),),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="'They talk to find out' came from him after a long silence I didn't fill.",
                did_not="Time ran short in Will; I should have watched the clock in Reality.",
                adjust="Use the stage timer cue; move on from Reality at 20 minutes.",
                progress=5,
                competencies=(_C.PRESENCE, _C.LISTENING, _C.AWARENESS),
                learned="Silence is a question in itself; it did more than any prompt today.",
                next_focus="Delegation under pressure; what happens when things get busy.",
            ),
        ),
        _SessionSpec(
            days_ago=2,
            start="12:30",
            framework="grow",
            goal="Delegation slipped back during the escalation; figure out why and what to keep.",
            flow=(
                _Stretch(
                    "goal",
                    7,
                    (
                        _note("Moved from two weeks to three because of his on-call week."),
                        _quote("The moment a customer shouted, I grabbed everything back."),
                        _note("Wants: a rule for himself for crunch weeks."),
                    ),
                ),
                _Stretch(
                    "reality",
                    16,
                    (
                        _note(
                            "Escalation week: he took back the release and two PR reviews. Lee said nothing."
                        ),
                        _progress(4, "delegate"),
                        _insight(
                            "Under pressure his default is 'do it myself', and the team reads that as "
                            "'you're not trusted'."
                        ),
                        _note("Staff meeting: thought out loud twice; Farah built on it."),
                        _confidence(7, "voice"),
                    ),
                ),
                _Stretch(
                    "options",
                    13,
                    (
                        _note(
                            "A crunch-week rule; tell Lee why he took it back; ask the team what they "
                            "need from him in an escalation."
                        ),
                        _quote("I owe Lee an explanation, not an apology tour."),
                    ),
                ),
                _Stretch(
                    "will",
                    16,
                    (
                        _note("Two actions, both his words."),
                        _commitment(8, "delegate"),
                        _note("Session 5 is the three-way mid-point with Rhea; Sam decides what to share."),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="lee_talk",
                    text="Tell Lee in our 1:1 why I took the release back, and that Thursday is his",
                    goal="delegate",
                    due_in_days=3,
                    measure="Conversation held; Lee runs Thursday's release",
                    expected="Repair trust; Lee knows it wasn't about him",
                    barriers="Avoiding an awkward conversation",
                    backup="Write it in a message if the 1:1 is cancelled",
                    accountability="Release notes for Thursday name Lee",
                    commitment=9,
                ),
                _ActionSpec(
                    key="crunch_rule",
                    text="Write my crunch-week rule on one card and pin it above my desk",
                    goal="delegate",
                    due_in_days=8,
                    measure="A one-line rule, visible",
                    expected="A pause before I grab work back",
                    support="Farah has a similar rule; ask her",
                    barriers="Thinking it's silly",
                    backup="Set it as my Teams status during escalations",
                    accountability="Bring the card to session 5",
                    commitment=7,
                ),
            ),
        ),
    ),
    revisions=(
        _RevisionSpec(
            after_session=3,
            target_kind="action",
            target="handover",
            summary="Release handover becomes pairing first",
            changes=(
                (
                    "text",
                    "Hand the release checklist to Lee",
                    "Pair with Lee on one release, then Lee runs the next one with me on call",
                ),
            ),
            reason="Sam realised Lee had never seen the rollback steps; a cold handover would set him up "
            "to fail.",
        ),
        _RevisionSpec(
            after_session=3,
            target_kind="checkin",
            target="checkin5",
            summary="Three-way mid-point check-in with Rhea added at session 5",
            changes=(("at_session", "", "5"),),
            reason="Requested by the sponsor; Sam agreed on condition that he speaks to his own progress.",
            client_decided=False,
        ),
    ),
    checkins=(
        _CheckInSpec(3, "What is working with delegation, what is not; does Sam feel progress?", done=True),
        _CheckInSpec(5, "Three-way mid-point with Rhea: Sam shares what he chooses."),
        _CheckInSpec(6, "Wrap-up: results against both goals, what Sam keeps doing, future goals."),
    ),
)

_PRIYA = _ClientSpec(
    name="Priya Raman",
    email="priya.raman@example.org",
    phone="+44 7700 900461",
    consent_named_in_log=False,
    started_days_ago=95,
    agreement={
        "sessions_planned": 6,
        "cadence": "every 3 weeks",
        "session_minutes": 50,
        "channel_in_session": "video call (Google Meet), camera optional, 19:30 after bedtime",
        "channel_between_sessions": "email",
        "response_time": "within 3 working days",
        "cancellation_policy": "Tell me as early as you can; with two small children, rescheduling is "
        "always fine",
        "fee": "",
        "payment": Payment.PRO_BONO,
        "boundaries": (
            "Pro bono, through the returners' programme. Priya agreed to appear in my ICF coaching log "
            "by initials only. Coaching, not counselling: if sleep or low mood becomes the main topic "
            "we will talk about her GP or the employee assistance programme. Nothing is shared with "
            "her employer."
        ),
    },
    cadence_days=21,
    next_session_in_days=15,
    vision=(
        "I'm good at my job in four days of real focus, and I'm home for bath time without checking "
        "Slack under the table. I don't have to choose between the analyst I was and the mother I "
        "want to be."
    ),
    values=("Family", "Competence", "Fairness", "Health", "Honesty"),
    goals=(
        _GoalSpec(
            key="leave",
            title="Leave work by 17:30 three days a week",
            specific="Out of the door (or laptop closed at home) by 17:30 on three set days a week.",
            measure="Three days a week for three weeks in a row, tracked in my diary.",
            achievable="Core hours are 10 to 4; the 17:30 days can be the ones without the reporting run.",
            relevant="Family and health: bath time and a proper evening.",
            target_in_days=-6,
            horizon=Horizon.PROXIMAL,
            planned_sessions=3,
            metric=Metric(name="Days out by 17:30", baseline=0, target=3, unit="days/week", current=3),
            status=GoalStatus.ACHIEVED,
            outcome="Three weeks in a row at three days; Tuesday stays long, by her choice.",
        ),
        _GoalSpec(
            key="scope",
            title="Agree a realistic scope for my role with Marcus",
            specific="A written agreement with my manager Marcus on which three projects are mine "
            "until March, and what is parked or handed on.",
            measure="A one-page scope note that Marcus has agreed to in writing.",
            achievable="Marcus said 'let's talk about workload' in my return meeting; projects are listed.",
            relevant="Competence and fairness: doing three things well instead of seven badly.",
            target_in_days=21,
            horizon=Horizon.DISTAL,
            planned_sessions=6,
            metric=Metric(name="Projects on my plate", baseline=7, target=3, unit="projects", current=4),
        ),
        _GoalSpec(
            key="run",
            title="Run twice a week again",
            specific="Two 20-minute runs a week, before the school run or at lunchtime.",
            measure="Runs logged in the app: two a week for four weeks.",
            achievable="Ran three times a week before the baby; the park is five minutes away.",
            relevant="Health: I think more clearly on days I run.",
            target_in_days=30,
            horizon=Horizon.PROXIMAL,
            planned_sessions=3,
            metric=Metric(name="Runs a week", baseline=0, target=2, unit="runs/week", current=1),
        ),
    ),
    sessions=(
        _SessionSpec(
            days_ago=90,
            start="19:30",
            framework="grow",
            goal="Work out what 'balance' would actually look like for me now.",
            flow=(
                _Stretch(
                    "goal",
                    7,
                    (
                        _note("Back at work six weeks after a year of parental leave (second child)."),
                        _quote(
                            "Everyone says 'balance'. I want one evening where I'm not half somewhere else."
                        ),
                    ),
                ),
                _Stretch(
                    "reality",
                    16,
                    (
                        _note("Seven projects on her list, three inherited while she was away."),
                        _note("Logs back on after bedtime most nights; Slack on the phone at dinner."),
                        _progress(2, "leave"),
                        _quote("I'm doing my old job plus a new one, and I'm doing them both at 70%."),
                        _confidence(3, "leave"),
                    ),
                ),
                _Stretch(
                    "options",
                    13,
                    (
                        _note(
                            "Fixed leaving time; fewer projects; Slack off the phone; ask Marcus about "
                            "scope; early starts."
                        ),
                        _insight(
                            "The leaving time is hers to decide; the projects are a conversation with "
                            "Marcus. Two different goals."
                        ),
                    ),
                ),
                _Stretch(
                    "will",
                    12,
                    (
                        _note("Starts with what is in her control: a leaving time."),
                        _commitment(9, "leave"),
                        _private(
                            "Some exhaustion in her voice. Held the boundary note (GP / EAP) lightly; "
                            "not needed today."
                        ),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="log",
                    text="Keep a 15-minute reflective log each evening: when I stopped work and what pulled "
                    "me back",
                    goal="leave",
                    due_in_days=14,
                    measure="A line a day for two weeks",
                    expected="See the pattern instead of guessing",
                    support="Notes app; the log template from my coach",
                    barriers="Too tired at night",
                    backup="Voice memo on the walk home",
                    accountability="Share the pattern (not the log) at session 2",
                    commitment=8,
                    reviews=(
                        (
                            _DONE,
                            "Twelve of fourteen days. It's the 16:45 'quick question' that "
                            "kills my evenings.",
                        ),
                    ),
                ),
                _ActionSpec(
                    key="slack_phone",
                    text="Take Slack off my phone",
                    goal="leave",
                    due_in_days=2,
                    measure="App deleted",
                    expected="Dinner without the buzz",
                    barriers="Fear of missing something urgent",
                    backup="Keep it, but turn notifications off after 18:00",
                    accountability="My partner will ask",
                    commitment=6,
                    reviews=(
                        (_CHANGED, "Deleting it made me anxious. Notifications off after 18:00 works."),
                    ),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="Separating what is in her control from what needs Marcus; she felt lighter at once.",
                did_not="I asked two questions at once twice; she answered the easier one.",
                adjust="One question, then wait.",
                progress=2,
                competencies=(_C.AGREEMENTS, _C.TRUST, _C.LISTENING),
                learned="Pro bono clients deserve the same contracting; I almost skipped the boundaries.",
                next_focus="The log's pattern; the leaving time.",
            ),
        ),
        _SessionSpec(
            days_ago=69,
            start="19:30",
            framework="grow",
            goal="Set a leaving time that survives the 16:45 'quick question'.",
            flow=(
                _Stretch(
                    "goal",
                    6,
                    (
                        _note(
                            "Log done 12 of 14 days; Slack action changed to notifications off after 18:00."
                        ),
                        _quote("It's the 16:45 'quick question'. Every day."),
                    ),
                ),
                _Stretch(
                    "reality",
                    15,
                    (
                        _note("Tuesdays are reporting days; there she genuinely needs to stay."),
                        _progress(4, "leave"),
                        _confidence(5, "leave"),
                        _insight("Four days out by 17:30 was my target for her in my head; she wants three."),
                    ),
                ),
                _Stretch(
                    "options",
                    14,
                    (
                        _note(
                            "A 16:30 'office hour' for quick questions; say 'first thing tomorrow'; block "
                            "17:00–17:30 as wrap-up."
                        ),
                        _quote("If I tell them when I'm available, they stop ambushing me."),
                    ),
                ),
                _Stretch(
                    "will",
                    14,
                    (
                        _note("Three days, not four: Mon, Wed, Thu. Tuesday stays long."),
                        _commitment(8, "leave"),
                        _note("Added a check-in at session 3 to see whether the three days hold."),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="office_hour",
                    text="Announce a 16:30 office hour for quick questions to the team",
                    goal="leave",
                    due_in_days=3,
                    measure="Message sent in the team channel; office hour in my calendar",
                    expected="Questions arrive at a time I chose",
                    support="Marcus already does something similar",
                    barriers="Feeling like I'm making myself less available",
                    backup="Start with two days a week",
                    accountability="Pinned message in the channel",
                    commitment=8,
                    reviews=((_DONE, "People actually like it; one colleague copied it."),),
                ),
                _ActionSpec(
                    key="three_days",
                    text="Leave by 17:30 on Monday, Wednesday and Thursday",
                    goal="leave",
                    due_in_days=20,
                    measure="Ticks in my diary",
                    expected="Three evenings a week that are fully home",
                    barriers="Deadlines; my own guilt",
                    backup="If one day slips, swap it within the same week",
                    accountability="Diary ticks, reviewed at the next session",
                    commitment=8,
                    reviews=(
                        (_PARTLY, "Two of three most weeks. Thursdays slip."),
                        (_DONE, "Three weeks in a row now. Thursday needed the 17:00 alarm."),
                    ),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="Noticing my own four-day target and letting hers stand.",
                did_not="I nearly argued for four days; my agenda leaked into a question.",
                adjust="Before a session, write down my hopes for the client and put them aside.",
                progress=4,
                competencies=(_C.MINDSET, _C.AWARENESS, _C.GROWTH),
                learned="Client autonomy includes choosing a smaller target; three days she believes in "
                "beats four she doesn't.",
                next_focus="Check-in: is the engagement working for her? The scope conversation.",
            ),
        ),
        _SessionSpec(
            days_ago=48,
            start="19:30",
            framework="grow",
            goal="Prepare the scope conversation with Marcus.",
            flow=(
                _Stretch(
                    "goal",
                    5,
                    (
                        _note(
                            "Check-in as agreed: she says sessions are 'the only hour that's mine'. "
                            "Cadence fine."
                        ),
                        _note("Office hour working. Three days: two of three most weeks."),
                    ),
                ),
                _Stretch(
                    "reality",
                    14,
                    (
                        _note(
                            "Seven projects; she would keep three: the bed-occupancy model, the reporting "
                            "run and the new dashboard."
                        ),
                        _progress(5, "scope"),
                        _quote("I've never asked for less work in my life. It feels like admitting defeat."),
                        _insight("Asking for less is asking to do her job well: competence, not defeat."),
                    ),
                ),
                _Stretch(
                    "options",
                    14,
                    (
                        _note(
                            "A one-page proposal; ask Marcus for a workload review; hand two projects to "
                            "the new hire; park two until spring."
                        ),
                        _confidence(6, "scope"),
                    ),
                ),
                _Stretch(
                    "will",
                    12,
                    (
                        _note("One-page scope proposal first, then book the conversation."),
                        _commitment(9, "scope"),
                        _note("Running: hasn't started; she'd like to add it as a goal."),
                    ),
                ),
                _Stretch(
                    "reality",
                    4,
                    (
                        _private(
                            "Much more energy than session 1; the exhaustion note from session 1 can rest."
                        ),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="proposal",
                    text="Write a one-page scope proposal: three projects I keep, two I hand on, two we park",
                    goal="scope",
                    due_in_days=10,
                    measure="One page, in Marcus's template",
                    expected="A concrete ask instead of a complaint",
                    support="The project list; a friend who manages a team read it",
                    barriers="Perfectionism; school holidays",
                    backup="Bullet points only if time is short",
                    accountability="Send it to my coach before booking Marcus",
                    commitment=9,
                    reviews=((_DONE, "Done in an evening. Writing it made me realise I'd already decided."),),
                ),
                _ActionSpec(
                    key="first_run",
                    text="Go for a 20-minute run on Saturday morning",
                    goal="run",
                    due_in_days=4,
                    measure="Logged in the running app",
                    expected="Find out whether I still enjoy it",
                    support="My partner takes the children to the park",
                    barriers="Weather; tiredness",
                    backup="A brisk walk instead",
                    accountability="Running app streak",
                    commitment=7,
                    reviews=((_NOT_DONE, "Both children ill that week. Not giving up on it."),),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="The reframe 'competence, not defeat' came from her; I just asked what asking "
                "for less would say about her.",
                did_not="Added the running goal at the very end; it deserved its own moment.",
                adjust="New goals at the start of a session, not in the last five minutes.",
                progress=5,
                competencies=(_C.AWARENESS, _C.GROWTH, _C.AGREEMENTS),
                learned="Check-in points work best when asked as a genuine question, not a form.",
                next_focus="Scaling and strengths before the Marcus conversation.",
            ),
        ),
        _SessionSpec(
            days_ago=27,
            start="19:30",
            framework="oskar",
            goal="Feel ready for the conversation with Marcus on Thursday.",
            flow=(
                _Stretch(
                    "outcome",
                    6,
                    (
                        _note("Proposal written. Conversation with Marcus booked for Thursday."),
                        _quote(
                            "I want to walk in as the person who wrote this, not the person apologising "
                            "for it."
                        ),
                    ),
                ),
                _Stretch(
                    "scaling",
                    8,
                    (
                        _progress(7, "leave"),
                        _confidence(7, "scope"),
                        _note("Why 7 and not 4: the proposal exists, the office hour works, Marcus is fair."),
                        _note("What would 8 look like: having said the first sentence out loud once."),
                    ),
                ),
                _Stretch(
                    "know_how",
                    13,
                    (
                        _note("She negotiated the reporting deadlines two years ago and won them."),
                        _insight("She already has a script: data first, options second, ask last."),
                        _note("Her best conversations with Marcus happen when she brings numbers."),
                    ),
                ),
                _Stretch(
                    "affirm_action",
                    15,
                    (
                        _note("Affirmed: clarity, preparation, fairness to the team in the proposal."),
                        _quote("Okay. I'm not asking for a favour, I'm proposing a plan."),
                        _commitment(9, "scope"),
                    ),
                ),
                _Stretch(
                    "review",
                    6,
                    (
                        _note("What was useful: the scaling. 'Seven is a lot more than I thought.'"),
                        _note("Running: one run done since; would like to keep it light."),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="marcus",
                    text="Have the scope conversation with Marcus using the proposal",
                    goal="scope",
                    due_in_days=3,
                    measure="Conversation held; Marcus's response written down",
                    expected="Agreement, or at least his concerns on the table",
                    support="The proposal; the numbers from the reporting run",
                    barriers="Marcus cancelling; my nerves",
                    backup="Send the proposal by email and ask for 20 minutes",
                    accountability="Message my coach one word on Thursday evening: 'done'",
                    commitment=9,
                    reviews=(
                        (
                            _PARTLY,
                            "He agreed to five projects, not three. We meet again to settle the last two.",
                        ),
                    ),
                ),
                _ActionSpec(
                    key="runs",
                    text="Run on Saturday and one weekday lunchtime",
                    goal="run",
                    due_in_days=14,
                    measure="Two runs a week, logged",
                    expected="A routine, not a resolution",
                    support="Running kit in the office locker",
                    barriers="Meetings at lunch",
                    backup="Two Saturday runs in a row count",
                    accountability="Running app streak, shared with my sister",
                    commitment=7,
                    reviews=(
                        (_PARTLY, "One a week, reliably. Lunchtime doesn't work, early morning might."),
                    ),
                ),
            ),
            reflection=_ReflectionSpec(
                worked="OSKAR suited a client close to her goal: scaling and know-how built confidence fast.",
                did_not="Affirm ran long; Review was squeezed.",
                adjust="Keep the last 6 minutes for review; use the end-of-session cue.",
                progress=7,
                competencies=(_C.GROWTH, _C.AWARENESS, _C.PRESENCE),
                learned="Solution-focused scaling ('why 7, not 4?') surfaces resources the client overlooks.",
                next_focus="Outcome of the Marcus conversation; prepare the wrap-up.",
            ),
        ),
        _SessionSpec(
            days_ago=6,
            start="19:30",
            framework="grow",
            goal="Close the scope question and start planning the wrap-up.",
            flow=(
                _Stretch(
                    "goal",
                    6,
                    (
                        _note(
                            "Marcus agreed to five of seven; two to settle. Three days a week at 17:30: "
                            "three weeks in a row."
                        ),
                        _quote("The leaving time is just normal now. I don't even think about it."),
                    ),
                ),
                _Stretch(
                    "reality",
                    14,
                    (
                        _progress(8, "leave"),
                        _progress(6, "scope"),
                        _note("The two unsettled projects: the audit dashboard and the data-quality review."),
                        _insight("She can hand the audit dashboard to the new hire with a month of pairing."),
                        _confidence(8, "scope"),
                    ),
                ),
                _Stretch(
                    "options",
                    13,
                    (
                        _note(
                            "Send Marcus a short follow-up with a handover plan; wait for the next "
                            "1:1; park data quality until April."
                        ),
                        _note("Running: early morning Saturdays plus one weekday at 6:30."),
                    ),
                ),
                _Stretch(
                    "will",
                    14,
                    (
                        _note("Follow-up to Marcus this week. Goal 1 marked achieved: her decision."),
                        _commitment(9, "scope"),
                        _note("Next session is the last: wrap-up and future goals."),
                    ),
                ),
            ),
            actions=(
                _ActionSpec(
                    key="follow_up",
                    text="Send Marcus a follow-up: audit dashboard to the new hire with a month of "
                    "pairing, data quality parked until April",
                    goal="scope",
                    due_in_days=4,
                    measure="Email sent; reply from Marcus",
                    expected="The scope settled at three projects",
                    support="The original proposal",
                    barriers="Marcus on leave next week",
                    backup="Ask his deputy to put it on the next team agenda",
                    accountability="Copy my coach on nothing; just tell her at the wrap-up",
                    commitment=9,
                ),
                _ActionSpec(
                    key="future",
                    text="Write down three things I want from the next six months, for the wrap-up",
                    goal=None,
                    due_in_days=18,
                    measure="Three lines in my notebook",
                    expected="Future goals that are mine, not my manager's",
                    barriers="Half-term week",
                    backup="Voice memo on a walk",
                    accountability="Bring them to the last session",
                    commitment=8,
                ),
            ),
        ),
    ),
    revisions=(
        _RevisionSpec(
            after_session=2,
            target_kind="goal",
            target="leave",
            summary="Leaving-time goal from four days a week to three",
            changes=(
                ("title", "Leave work by 17:30 four days a week", "Leave work by 17:30 three days a week"),
                ("metric.target", "4", "3"),
            ),
            reason="Priya decided Tuesdays stay long for the weekly reporting run; three days is a target "
            "she believes in.",
        ),
        _RevisionSpec(
            after_session=2,
            target_kind="checkin",
            target="checkin3",
            summary="Check-in added at session 3",
            changes=(("at_session", "", "3"),),
            reason="Suggested by the coach to test whether the three days hold; Priya agreed.",
            client_decided=False,
        ),
        _RevisionSpec(
            after_session=3,
            target_kind="goal",
            target="run",
            summary="New goal: run twice a week again",
            changes=(("title", "", "Run twice a week again"),),
            reason="Priya asked to add health to the plan: 'I think more clearly on days I run.'",
        ),
        _RevisionSpec(
            after_session=5,
            target_kind="goal",
            target="leave",
            summary="Leaving-time goal achieved",
            changes=(("status", "active", "achieved"),),
            reason="Three weeks in a row at three days; Priya judged it done and part of her routine.",
        ),
    ),
    checkins=(
        _CheckInSpec(
            3, "Is the engagement working? Do the three days hold? Does Priya feel progress?", done=True
        ),
        _CheckInSpec(6, "Wrap-up: what changed, what she keeps, three goals for the next six months."),
    ),
)

_STORY = (_DANA, _SAM, _PRIYA)


# --- synthetic practices for benchmarks -----------------------------------------------------

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
            self._review(pending, session, topics)
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

    def _review(self, pending: Sequence[Action], session: Session, topics: Sequence[str]) -> None:
        for offset, action in enumerate(pending):
            outcome = self.rng.choices(_OUTCOMES, weights=_OUTCOME_WEIGHTS)[0]
            review = ActionReview(
                action_id=action.id,
                at=session.started_at + timedelta(minutes=2 + offset),
                session_id=session.id,
                outcome=outcome,
                learning=self.prose.sentence(topics),
            )
            action.reviews.append(review)
            action.status = _STATUS_AFTER_REVIEW[outcome]
            session.reviews.append(review)

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


def build_sample_practice(repo: Repository, *, today: date | None = None, seed: int = 7) -> None:
    """Write the demo practice into ``repo``: three clients, their plans and a dozen past sessions.

    Dana Ortiz is changing career from product management to UX research (session 4 of 8 is
    next); Sam Okafor is a new engineering manager coached at his employer's expense (session 4
    of 6 held two days ago, not yet reflected on); Priya Raman, pro bono, is back from parental
    leave and near the wrap-up of her 6 sessions.
    """
    today = today or date.today()
    rng = random.Random(seed)
    ids = _Ids(rng)
    built = [_build_client(spec, today, ids, rng) for spec in _STORY]
    for records in built:
        _write(repo, records)
    _write_reflections(repo, [r for records in built for r in records.reflections])
