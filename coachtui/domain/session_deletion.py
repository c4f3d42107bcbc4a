"""Provides deleting a session held by mistake: what goes, what is put back, and the record of it.

A session opened by mistake, or held with the wrong client, is taken out of the record as if it had not
been held: the actions agreed in it go, the reviews it made of earlier actions are withdrawn (each of
those actions gets back the status of its review before, or open), and the plan's history keeps one
revision saying which session was deleted, when and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coachtui.domain.accountability import STATUS_AFTER_REVIEW
from coachtui.domain.models import Action, ActionStatus, PlanRevision, Session
from coachtui.domain.revisions import make_revision


@dataclass(frozen=True)
class SessionDeletion:
    """Everything one deletion changes in the client's file, to be saved in one write."""

    session: Session
    dropped_action_ids: tuple[str, ...]
    restored: tuple[Action, ...]
    revision: PlanRevision


def withdraw_reviews(action: Action, session_id: str) -> Action:
    """`action` as it was before `session_id` reviewed it."""
    reviews = [review for review in action.reviews if review.session_id != session_id]
    status = STATUS_AFTER_REVIEW[reviews[-1].outcome] if reviews else ActionStatus.OPEN
    return action.model_copy(update={"reviews": reviews, "status": status})


def delete_session(session: Session, actions: list[Action], at: datetime, reason: str) -> SessionDeletion:
    """The deletion of `session` among the client's `actions`, recorded at `at` with `reason`."""
    agreed = set(session.action_ids)
    reviewed = {review.action_id for review in session.reviews}
    restored = tuple(
        withdraw_reviews(action, session.id)
        for action in actions
        if action.id in reviewed and action.id not in agreed
    )
    when = f"{session.started_at:%d %b %Y}"
    revision = make_revision(
        session.client_id,
        at,
        "session",
        session.id,
        f"Deleted session {session.number} of {when}",
        [],
        reason=reason,
        client_decided=False,
    )
    return SessionDeletion(session, tuple(sorted(agreed)), restored, revision)
