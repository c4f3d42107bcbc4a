"""Provides a client's plan, built through the repository, for the plan editor's Pilot and snapshot tests.

Dana's plan has a complete SMART goal with a metric, ratings and two actions, a goal with every
SMART gap, an action without a goal, two check-in points and one earlier revision. Ids are fixed so
the tests can name what they look for; times are fixed so snapshots do not move.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from coachtui.domain.models import (
    Action,
    ActionStatus,
    Agreement,
    CheckIn,
    Client,
    CoachingPlan,
    FieldChange,
    Goal,
    Horizon,
    Metric,
    PlanRevision,
    PlanState,
    RatingKind,
    ScalingRating,
    Session,
    SessionStatus,
)
from coachtui.store.repository import Repository

ROLE, PORTFOLIO = "g0role000001", "g0portfolio1"
SHORTLIST, MESSAGE, OUTLINE, READ = "a0shortlist1", "a0message001", "a0outline001", "a0read000001"
MIDPOINT, WRAPUP = "c0midpoint01", "c0wrapup0001"


def build_plan(repo: Repository) -> Client:
    """Save Dana, her agreement, three closed sessions with ratings, and her plan; return Dana."""
    client = Client(
        id="c1dana000001",
        name="Dana Ortiz",
        created_at=datetime(2026, 10, 1, 9, 0),
        agreement=Agreement(
            start_date=date(2026, 10, 1),
            sessions_planned=8,
            cadence="every 2 weeks",
            confidentiality_consent=date(2026, 10, 1),
            boundaries="Coaching, not recruiting. Email for logistics only.",
        ),
    )
    repo.save_client(client)
    for number, (day, progress) in enumerate(
        [(date(2026, 10, 16), 2), (date(2026, 10, 30), 3), (date(2026, 11, 13), 5)], 1
    ):
        at = datetime.combine(day, datetime.min.time()).replace(hour=9)
        ratings = [ScalingRating(at=at, stage="goal", value=progress, goal_id=ROLE)]
        if number == 3:
            ratings.append(
                ScalingRating(at=at, stage="will", kind=RatingKind.CONFIDENCE, value=6, goal_id=ROLE)
            )
        repo.save_session(
            Session(
                id=f"s0session00{number}",
                client_id=client.id,
                number=number,
                started_at=at,
                ended_at=at.replace(hour=10),
                status=SessionStatus.CLOSED,
                ratings=ratings,
            )
        )
    made = datetime(2026, 10, 1, 10, 0)
    goals = [
        Goal(
            id=ROLE,
            client_id=client.id,
            title="Land a UX research role",
            specific="An offer for a UX researcher role at a product company",
            measure="A signed offer letter",
            achievable="Seven years of discovery work as a PM",
            relevant="Curiosity and craft",
            target_date=date(2027, 4, 22),
            horizon=Horizon.DISTAL,
            planned_sessions=8,
            metric=Metric(name="hiring-manager talks", baseline=0, target=5, unit="talks", current=1),
            created_at=made,
        ),
        Goal(id=PORTFOLIO, client_id=client.id, title="Portfolio", position=1, created_at=made),
    ]
    actions = [
        Action(
            id=SHORTLIST,
            client_id=client.id,
            text="Shortlist five research roles",
            goal_id=ROLE,
            due=date(2026, 11, 27),
            measure="five roles in a note",
            accountability="tell the coach by email",
            commitment=8,
            created_at=made,
        ),
        Action(
            id=MESSAGE,
            client_id=client.id,
            text="Message Mei about her move into research",
            goal_id=ROLE,
            due=date(2026, 11, 20),
            status=ActionStatus.DONE,
            position=1,
            created_at=made,
        ),
        Action(id=OUTLINE, client_id=client.id, text="Outline the case study", goal_id=PORTFOLIO, position=2),
        Action(
            id=READ, client_id=client.id, text="Read Just Enough Research", due=date(2026, 12, 4), position=3
        ),
    ]
    checkins = [
        CheckIn(id=MIDPOINT, client_id=client.id, at_session=4, focus="Mid-point: what is working?"),
        CheckIn(id=WRAPUP, client_id=client.id, at_session=8, on_date=date(2027, 1, 22), focus="Wrap-up"),
    ]
    plan = CoachingPlan(
        id="p0plan000001",
        client_id=client.id,
        vision="A year from now I do research for a living.",
        values=["curiosity", "craft", "honesty"],
        updated_at=made,
    )
    revision = PlanRevision(
        id="r0revision01",
        client_id=client.id,
        at=datetime(2026, 10, 30, 10, 5),
        target_kind="goal",
        target_id=ROLE,
        summary="Target date moved out by two months",
        changes=[FieldChange(field="target_date", before="2027-02-21", after="2027-04-22")],
        reason="Dana decided the case study comes first.",
    )
    state = PlanState(plan=plan, goals=goals, actions=actions, checkins=checkins)
    repo.save_plan_state(client.id, state, [revision])
    return client


def stored(data_dir: Path, client_id: str) -> tuple[PlanState, list[PlanRevision], Client]:
    """What is on disk now, read by a fresh read-only repository (nothing from the app's memory)."""
    reader = Repository.open(data_dir, read_only=True)
    try:
        return (
            reader.load_plan_state(client_id),
            reader.list_revisions(client_id),
            reader.get_client(client_id),
        )
    finally:
        reader.close()
