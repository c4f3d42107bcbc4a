"""Provides a hand-built client with fixed ids and dates, for the golden files of the exports."""

from __future__ import annotations

from datetime import date, datetime

from coachtui.domain.models import (
    Action,
    ActionReview,
    ActionStatus,
    Agreement,
    CheckIn,
    Client,
    CoachingPlan,
    Goal,
    Metric,
    Note,
    NoteKind,
    PlanRevision,
    PromptAsked,
    Reflection,
    ReviewOutcome,
    Session,
    SessionStatus,
)

CID = "c00000000001"
AT = datetime(2026, 11, 23, 18, 0)
NOW = datetime(2026, 11, 23, 20, 0)
PRIVATE_NOTE = "Coach only: she sounded exhausted, watch for burnout"
PLAIN_NOTE = "talked through the org chart at length"
PROMPT = "What would you do if you could not fail?"
REFLECTION_TEXT = "I rushed the Options stage again"

client = Client(
    id=CID,
    name="Dana Ortiz",
    email="dana@example.org",
    created_at=datetime(2026, 9, 1, 9, 0),
    agreement=Agreement(
        start_date=date(2026, 9, 7),
        sessions_planned=8,
        cadence="every 2 weeks",
        confidentiality_consent=date(2026, 9, 4),
        boundaries="No therapy; career questions only. Her manager is never told what we discuss.",
    ),
)
plan = CoachingPlan(
    id="p00000000001",
    client_id=CID,
    vision="Doing research work that shapes products, in a team that listens to users.",
    values=["curiosity", "craft", "time with family"],
    updated_at=AT,
)
goal = Goal(
    id="g00000000001",
    client_id=CID,
    title="Land a UX research role",
    specific="A UX researcher job at a product company",
    measure="An offer signed",
    achievable="Two years of user interviews as a PM",
    relevant="Research is what she loves in her job",
    target_date=date(2027, 3, 31),
    planned_sessions=2,
    planned_sessions_max=3,
    metric=Metric(name="Conversations held", baseline=1, current=4, target=8, unit="conversations"),
    created_at=AT,
)
reviewed = Action(
    id="a00000000001",
    client_id=CID,
    text="Talk to two UX researchers",
    goal_id=goal.id,
    due=date(2026, 11, 20),
    status=ActionStatus.DONE,
    reviews=[
        ActionReview(
            action_id="a00000000001",
            at=datetime(2026, 11, 23, 18, 3),
            session_id="s00000000003",
            outcome=ReviewOutcome.DONE,
            learning="Research teams want people who can run a study end to end",
        )
    ],
    created_at=datetime(2026, 11, 9, 18, 50),
)
agreed = Action(
    id="a00000000002",
    client_id=CID,
    text="Draft a one-page case study of the onboarding interviews",
    goal_id=goal.id,
    due=date(2026, 11, 27),
    measure="Sent to Sam for feedback",
    expected="A story to tell in interviews",
    support="Sam, a researcher friend",
    backup="Write the outline only",
    accountability="Email the coach on Friday",
    commitment=8,
    session_id="s00000000003",
    position=1,
    created_at=datetime(2026, 11, 23, 18, 50),
)
dropped = Action(
    id="a00000000003",
    client_id=CID,
    text="Take a UX course",
    due=date(2026, 12, 1),
    status=ActionStatus.DROPPED,
    position=2,
    created_at=datetime(2026, 11, 9, 18, 55),
)
checkins = [
    CheckIn(
        id="k00000000001",
        client_id=CID,
        at_session=2,
        done=True,
        held_on=date(2026, 10, 5),
        focus="first impressions",
        working="The weekly plan",
        client_progress=6,
    ),
    CheckIn(
        id="k00000000002", client_id=CID, at_session=4, on_date=date(2026, 12, 7), focus="halfway review"
    ),
]
session = Session(
    id="s00000000003",
    client_id=CID,
    number=3,
    goal="Decide what story to tell about my move into research",
    started_at=AT,
    ended_at=datetime(2026, 11, 23, 19, 0),
    notes=[
        Note(at=datetime(2026, 11, 23, 18, 10), stage="reality", kind=NoteKind.NOTE, text=PLAIN_NOTE),
        Note(
            at=datetime(2026, 11, 23, 18, 20),
            stage="reality",
            kind=NoteKind.INSIGHT,
            text="Her onboarding interviews are already research work",
        ),
        Note(
            at=datetime(2026, 11, 23, 18, 25),
            stage="options",
            kind=NoteKind.QUOTE,
            text='"I have been a researcher all along, I just called it discovery"',
        ),
        Note(at=datetime(2026, 11, 23, 18, 30), stage="options", kind=NoteKind.PRIVATE, text=PRIVATE_NOTE),
    ],
    prompts=[PromptAsked(at=datetime(2026, 11, 23, 18, 24), stage="options", text=PROMPT)],
    reviews=reviewed.reviews,
    action_ids=[agreed.id],
    next_checkin=date(2026, 12, 4),
    status=SessionStatus.CLOSED,
)
reflection = Reflection(
    id="r00000000001", session_id=session.id, client_id=CID, created_at=NOW, what_worked=REFLECTION_TEXT
)
revisions = [
    PlanRevision(
        id="v00000000001",
        client_id=CID,
        at=datetime(2026, 9, 7, 19, 40),
        target_kind="goal",
        target_id=goal.id,
        summary="Goal added: Land a UX research role",
    ),
    PlanRevision(
        id="v00000000002",
        client_id=CID,
        at=datetime(2026, 11, 23, 19, 5),
        target_kind="action",
        target_id=dropped.id,
        summary="Action dropped: Take a UX course",
        reason="Her portfolio matters more than a certificate",
        client_decided=False,
    ),
]
actions = [reviewed, agreed, dropped]
