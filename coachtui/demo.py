"""Provides the demo practice that ``coachtui demo`` opens, built from the story in ``coachtui/data/demo``.

Each JSON file there is one client's engagement (read in file-name order), written with the domain
models' own field names: ``client`` holds ``Client`` fields, ``plan`` ``CoachingPlan`` fields, each
goal ``Goal`` fields, each action ``Action`` fields, and so on. Dates are relative: ``"+6d"`` or
``"-40d"`` is that many days after or before today (for an action's ``due``, the session that agreed
it); a client's ``started_days_ago`` and a session's ``days_ago`` fall on the weekday on or before.
Goals, actions and check-ins may have a ``key`` that ratings and actions (``goal``) and revisions
(``target``) refer to. An action's ``reviews`` happen at the following sessions, one each.

Reviews go through the domain's ``review_action``, revisions through ``make_revision``, and every
record is validated by its domain model, so a mistake in a file fails loudly. Ids and a few seconds'
jitter of stage times come from ``random.Random(seed)``: the same seed and day give the same practice.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel

from coachtui.data.demo import ClientStory, Fields, SessionStory, load_story
from coachtui.domain.accountability import review_action
from coachtui.domain.frameworks import load_framework
from coachtui.domain.models import (
    Action,
    CheckIn,
    Client,
    CoachingPlan,
    FieldChange,
    Goal,
    PlanRevision,
    PlanState,
    Reflection,
    ReviewOutcome,
    Session,
)
from coachtui.domain.models.hours import HoursSettings, PriorYear
from coachtui.domain.revisions import format_value, make_revision

if TYPE_CHECKING:
    from coachtui.store.repository import Repository

__all__ = ["build_client", "build_demo_practice"]


class ClientRecords(NamedTuple):
    """Everything about one client, built in memory before a single round of writes."""

    client: Client
    state: PlanState
    revisions: list[PlanRevision]
    sessions: list[Session]
    reflections: list[Reflection]


def build_demo_practice(repo: Repository, *, today: date | None = None, seed: int = 7) -> None:
    """Write the demo practice into ``repo``: three clients, their plans and a dozen past sessions.

    Dana Ortiz is changing career from product management to UX research (session 4 of 8 is
    next); Sam Okafor is a new engineering manager coached at his employer's expense (session 4
    of 6 held two days ago, not yet reflected on); Priya Raman, pro bono, is back from parental
    leave and near the wrap-up of her 6 sessions.
    """
    rng = random.Random(seed)
    built = [build_client(story, today or date.today(), rng) for story in load_story()]
    for client, state, revisions, sessions, _ in built:
        repo.save_client(client)
        repo.save_plan_state(client.id, state, revisions)
        repo.save_sessions(client.id, sessions)
    repo.save_reflections([r for records in built for r in records.reflections])
    day = today or date.today()
    # The coach trained two years ago and logged a year of coaching before coachtui: the hours log
    # then shows a training start and a prior total, as a coach working toward ACC would have.
    repo.save_hours_settings(
        HoursSettings(
            training_started=date(day.year - 2, 9, 1),
            prior_years=[PriorYear(year=day.year - 1, paid_hours=31.5, pro_bono_hours=9, clients=5)],
        )
    )


def build_client(story: ClientStory, today: date, rng: random.Random) -> ClientRecords:
    """One client's records, dated from ``today``; sessions fall on weekdays. Ids come from ``rng``."""

    def ids() -> str:
        return f"{rng.getrandbits(48):012x}"  # the store's format: 12 hex digits

    start = _weekday(today - timedelta(days=story.started_days_ago), -1)
    agreement = {**story.client.get("agreement", {}), "start_date": start}
    agreement["confidentiality_consent"] = start - timedelta(days=3)
    created = datetime.combine(start - timedelta(days=7), time(10, 15))
    client = Client.model_validate(
        {**story.client, "id": ids(), "agreement": agreement, "created_at": created}
    )
    cid = client.id
    held = [_weekday(today - timedelta(days=s.days_ago), -1) for s in story.sessions]
    next_day = _weekday(today + timedelta(days=story.next_session_in_days), +1)
    session_ids = [ids() for _ in story.sessions]

    def session_date(number: int) -> date:
        """The day of session ``number``: held, the next one, or one cadence after the other."""
        if number <= len(held):
            return held[number - 1]
        return next_day + timedelta(days=story.cadence_days * (number - len(held) - 1))

    goal_ids = {g.get("key", str(k)): ids() for k, g in enumerate(story.goals)}
    planned = datetime.combine(start, time(19, 40))
    goals = [
        _record(Goal, g, today, id=goal_id, client_id=cid, position=k, created_at=planned)
        for k, (g, goal_id) in enumerate(zip(story.goals, goal_ids.values(), strict=True))
    ]
    sessions: list[Session] = []
    reflections: list[Reflection] = []
    actions: dict[str, Action] = {}
    due: list[list[tuple[str, ReviewOutcome, str]]] = [[] for _ in story.sessions]
    for number, (spec, day) in enumerate(zip(story.sessions, held, strict=True), start=1):
        started = datetime.combine(day, spec.start)
        session = _conversation(
            spec,
            started,
            goal_ids,
            rng,
            id=session_ids[number - 1],
            client_id=cid,
            number=number,
            planned_minutes=client.agreement.session_minutes,
            next_checkin=session_date(number + 1),
        )
        for offset, (key, outcome, learning) in enumerate(due[number - 1]):
            at = started + timedelta(minutes=2 + 2 * offset)
            review, actions[key] = review_action(
                actions[key], outcome, learning, session_id=session.id, at=at
            )
            session.reviews.append(review)
        for a in spec.actions:
            key = a.get("key", f"{number}.{len(session.action_ids)}")
            goal_id = _ref(goal_ids, a.get("goal"), "goal")
            actions[key] = action = _record(
                Action,
                a,
                day,
                id=ids(),
                client_id=cid,
                goal_id=goal_id,
                session_id=session.id,
                position=len(actions),
                created_at=_ended(session),
            )
            session.action_ids.append(action.id)
            for later, review in enumerate(a.get("reviews", []), start=number):
                if later >= len(story.sessions):
                    raise ValueError(f"action {action.text!r} is reviewed after the last session held")
                due[later].append((key, ReviewOutcome(review["outcome"]), review["learning"]))
        sessions.append(session)
        if spec.reflection is not None:
            reflections.append(_reflection(spec.reflection, session, client, ids()))

    checkins = [
        _record(CheckIn, c, today, id=ids(), client_id=cid, on_date=session_date(c["at_session"]))
        for c in story.checkins
    ]
    updated = _ended(sessions[-1])
    plan = CoachingPlan.model_validate({**story.plan, "id": ids(), "client_id": cid, "updated_at": updated})
    state = PlanState(plan=plan, goals=goals, actions=list(actions.values()), checkins=checkins)
    targets = {**goal_ids, **{key: a.id for key, a in actions.items()}}
    targets |= {c["key"]: made.id for c, made in zip(story.checkins, checkins, strict=True) if "key" in c}
    revisions = []
    for r in story.revisions:
        changes = [FieldChange.model_validate(_dated(c, today, format_value)) for c in r.changes]
        at = _ended(sessions[r.after_session - 1]) - timedelta(minutes=4)
        target = _ref(targets, r.target, "target")
        decided = r.client_decided
        revision = make_revision(
            cid, at, r.target_kind, target, r.summary, changes, reason=r.reason, client_decided=decided
        )
        revisions.append(revision.model_copy(update={"id": ids()}))
    return ClientRecords(client, state, revisions, sessions, reflections)


def _conversation(
    spec: SessionStory, started: datetime, goal_ids: dict[str, str], rng: random.Random, **fields: Any
) -> Session:
    """The session, its stretches laid on a clock: visits, notes, prompts and ratings at believable times."""
    framework = load_framework(spec.framework)
    visits, notes, prompts, ratings = [], [], [], []
    clock = started
    for stretch in spec.flow:
        stage = framework.stage(stretch.stage)
        # A few seconds either way, so that stage times look measured rather than scripted.
        length = timedelta(minutes=stretch.minutes, seconds=rng.randint(-40, 40))
        visits.append({"stage": stage.id, "started_at": clock, "ended_at": clock + length})
        for k, question in enumerate(rng.sample(stage.questions, k=min(len(stage.questions), 2))):
            asked = clock + timedelta(seconds=int(length.total_seconds() * (0.05 + 0.45 * k)))
            prompts.append({"at": asked, "stage": stage.id, "text": question})
        step = length / (len(stretch.items) + 1)
        for k, item in enumerate(stretch.items, start=1):
            placed = {"at": (clock + step * k).replace(microsecond=0), "stage": stage.id}
            if "value" in item:
                goal_id = _ref(goal_ids, item.get("goal"), "goal")
                ratings.append({**_without(item, "goal"), **placed, "goal_id": goal_id})
            else:
                notes.append({**item, **placed})
        clock += length
    return Session.model_validate(
        {
            **fields,
            "framework": framework.id,
            "goal": spec.goal,
            "started_at": started,
            "ended_at": clock.replace(microsecond=0),
            "status": "closed",
            "visits": visits,
            "notes": notes,
            "prompts": sorted(prompts, key=lambda p: p["at"]),
            "ratings": ratings,
        }
    )


def _reflection(written: Fields, session: Session, client: Client, reflection_id: str) -> Reflection:
    """The coach's reflection, written twelve minutes after the session ended."""
    return Reflection.model_validate(
        {
            **written,
            "id": reflection_id,
            "session_id": session.id,
            "client_id": session.client_id,
            "created_at": _ended(session) + timedelta(minutes=12),
            "session_date": session.started_at.date(),
            "duration_minutes": round(session.duration_minutes(), 1),
            "payment": client.agreement.payment,
        }
    )


_STORY_KEYS: dict[type[BaseModel], tuple[str, ...]] = {
    Goal: ("key",),
    Action: ("key", "goal", "reviews"),
    CheckIn: ("key",),
}
"""What the story adds to a record's own fields: its key, and references by key."""

_RELATIVE = re.compile(r"[+-]\d+d")


def _record(model: type[Goal | Action | CheckIn], fields: Fields, day: date, **made: Any) -> Any:
    """``model`` from its fields in the story (relative dates counted from ``day``) and those ``made``."""
    return model.model_validate({**_dated(_without(fields, *_STORY_KEYS[model]), day), **made})


def _dated(fields: Fields, day: date, as_value: Callable[[date], Any] = lambda d: d) -> Fields:
    """``fields`` with each relative date (``"+6d"``, ``"-40d"``) made the date that many days from ``day``."""
    return {
        name: as_value(day + timedelta(days=int(value[:-1])))
        if isinstance(value, str) and _RELATIVE.fullmatch(value)
        else value
        for name, value in fields.items()
    }


def _ended(session: Session) -> datetime:
    return session.ended_at or session.started_at


def _weekday(day: date, step: int) -> date:
    """``day`` if it is a weekday, else the nearest weekday before (``step`` -1) or after (+1) it."""
    while day.weekday() >= 5:
        day += timedelta(days=step)
    return day


def _without(fields: Fields, *names: str) -> Fields:
    return {name: value for name, value in fields.items() if name not in names}


def _ref(keys: dict[str, str], key: str | None, what: str) -> str | None:
    """The id of the record the story calls ``key`` (None for none); an unknown key is an error."""
    if key is None:
        return None
    if key not in keys:
        raise ValueError(f"the demo story names an unknown {what} {key!r}; known: {', '.join(keys)}")
    return keys[key]
