"""Provides the sessions and reflections that the reflection and journal tests build in the repository."""

from __future__ import annotations

from datetime import datetime, timedelta

from coachtui.domain.models import (
    Action,
    Agreement,
    Client,
    Competency,
    Payment,
    RatingKind,
    Reflection,
    ScalingRating,
    Session,
    SessionStatus,
)
from coachtui.store.repository import Repository
from tests.closing import as_closed


def add_client(repo: Repository, name: str, payment: Payment = Payment.PAID) -> Client:
    client = Client(name=name, agreement=Agreement(sessions_planned=8, payment=payment))
    repo.save_client(client)
    return client


def hold_session(
    repo: Repository,
    client: Client,
    number: int,
    started: datetime,
    minutes: int = 52,
    actions: tuple[str, ...] = (),
    progress: int | None = None,
) -> Session:
    """A closed session with its actions agreed and, optionally, the client's progress rating."""
    agreed = [
        Action(client_id=client.id, text=text, due=started.date() + timedelta(days=7), position=i)
        for i, text in enumerate(actions)
    ]
    ratings = []
    if progress is not None:
        ratings = [ScalingRating(at=started, stage="reality", kind=RatingKind.PROGRESS, value=progress)]
    session = Session(
        client_id=client.id,
        number=number,
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        action_ids=[a.id for a in agreed],
        ratings=ratings,
        status=SessionStatus.CLOSED,
    )
    for action in agreed:
        action.session_id = session.id
    repo.close_session(as_closed(session), agreed)
    return session


def reflect(
    repo: Repository,
    session: Session,
    *,
    worked: str,
    competencies: tuple[Competency, ...] = (),
    progress: int | None = None,
    learned: str = "",
) -> Reflection:
    reflection = Reflection(
        session_id=session.id,
        client_id=session.client_id,
        created_at=(session.ended_at or session.started_at) + timedelta(minutes=10),
        session_date=session.started_at.date(),
        duration_minutes=session.duration_minutes(),
        what_worked=worked,
        client_progress=progress,
        competencies=list(competencies),
        learned=learned,
        payment=repo.get_client(session.client_id).agreement.payment,
    )
    repo.save_reflection(reflection)
    return reflection
