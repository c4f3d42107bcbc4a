"""Provides LiveSession: a coaching session in progress, with every rule of the live call and none of its UI.

It begins a session or resumes a left one, moves between the framework's stages (any order, back and
forth), keeps the question deck's place per stage, records questions asked and scaling ratings,
builds the client's commitments (agree, change, remove), reviews the homework of earlier sessions,
brings the notes up to date from the editor's text, and closes the session. Every method that records
something takes the moment it happens, so the model is tested without a clock or a screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from coachtui.domain.accountability import review_action
from coachtui.domain.frameworks import Framework, Stage, load_framework
from coachtui.domain.models import (
    Action,
    LiveDraft,
    PromptAsked,
    RatingKind,
    ReviewOutcome,
    ScalingRating,
    Session,
    SessionStatus,
    StageVisit,
)
from coachtui.domain.notes import parse_notes, stage_header


@dataclass
class LiveSession:
    """One session in progress: the session record, the actions agreed and reviewed in it, the deck."""

    session: Session
    framework: Framework
    agreed: list[Action] = field(default_factory=list)
    """Actions agreed in this session, in the order agreed."""
    reviewed: list[Action] = field(default_factory=list)
    """Earlier actions reviewed in this session, with their new status."""
    question_index: dict[str, int] = field(default_factory=dict)
    last_rating: tuple[RatingKind, str | None] = (RatingKind.PROGRESS, None)
    """The kind and goal of the last rating, offered again for the next one."""

    # --- beginning ----------------------------------------------------------------------------

    @classmethod
    def begin(
        cls,
        *,
        client_id: str,
        number: int,
        framework: str,
        goal: str,
        planned_minutes: int,
        at: datetime,
        first_goal_id: str | None = None,
    ) -> LiveSession:
        """A new session, in the framework's first stage from `at`."""
        model = load_framework(framework)
        session = Session(
            client_id=client_id,
            number=number,
            framework=framework,
            goal=goal,
            planned_minutes=planned_minutes,
            started_at=at,
            visits=[StageVisit(stage=model.stages[0].id, started_at=at)],
        )
        return cls(session, model, last_rating=(RatingKind.PROGRESS, first_goal_id))

    @classmethod
    def resume(cls, draft: LiveDraft, first_goal_id: str | None = None) -> LiveSession:
        """The session of an autosaved draft, as it was when the draft was saved."""
        session = draft.session
        agreed_ids = set(session.action_ids)
        return cls(
            session,
            load_framework(session.framework),
            agreed=[a for a in draft.actions if a.id in agreed_ids],
            reviewed=[a for a in draft.actions if a.id not in agreed_ids],
            last_rating=(RatingKind.PROGRESS, first_goal_id),
        )

    def first_editor_text(self) -> str:
        """The notes editor's text for a session that has none yet: the first stage's header."""
        return stage_header(self.framework.stages[0].name, 0) + "\n"

    # --- stages -------------------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self.framework.stage(self.session.visits[-1].stage)

    def elapsed_seconds(self, at: datetime) -> float:
        return (at - self.session.started_at).total_seconds()

    def enter_stage(self, stage_id: str, at: datetime) -> str | None:
        """Move the conversation to `stage_id` at `at`; the header line for the notes, None if already there.

        Bring the notes up to date first (`update_notes`): notes typed so far keep their stage.
        """
        if stage_id == self.stage.id:
            return None
        self.session.visits[-1].ended_at = at
        self.session.visits.append(StageVisit(stage=stage_id, started_at=at))
        return stage_header(self.framework.stage(stage_id).name, self.elapsed_seconds(at))

    def next_stage(self) -> Stage | None:
        return self.framework.next_stage(self.stage.id)

    def previous_stage(self) -> Stage | None:
        return self.framework.previous_stage(self.stage.id)

    def stage_at(self, index: int) -> Stage | None:
        stages = self.framework.stages
        return stages[index] if 0 <= index < len(stages) else None

    # --- questions ----------------------------------------------------------------------------

    @property
    def questions(self) -> list[str]:
        return list(self.stage.questions)

    @property
    def deck_index(self) -> int:
        return self.question_index.get(self.stage.id, 0) % max(1, len(self.questions))

    @property
    def current_question(self) -> str | None:
        questions = self.questions
        return questions[self.deck_index] if questions else None

    @property
    def asked(self) -> set[str]:
        return {prompt.text for prompt in self.session.prompts}

    def move_question(self, step: int) -> None:
        count = max(1, len(self.questions))
        self.question_index[self.stage.id] = (self.question_index.get(self.stage.id, 0) + step) % count

    def mark_asked(self, at: datetime) -> str | None:
        """Record the offered question as asked and offer the next; the question, or None if none."""
        question = self.current_question
        if question is None:
            return None
        self.session.prompts.append(PromptAsked(at=at, stage=self.stage.id, text=question))
        self.move_question(1)
        return question

    # --- ratings, commitments, reviews ----------------------------------------------------------

    def rate(self, kind: RatingKind, value: int, goal_id: str | None, at: datetime) -> ScalingRating:
        rating = ScalingRating(at=at, stage=self.stage.id, kind=kind, value=value, goal_id=goal_id)
        self.session.ratings.append(rating)
        self.last_rating = (kind, goal_id)
        return rating

    def agree(self, action: Action) -> Action:
        """Add a commitment made in this session, or replace it when it was changed; the kept action."""
        if any(a.id == action.id for a in self.agreed):
            self.agreed = [action if a.id == action.id else a for a in self.agreed]
            return action
        kept = action.model_copy(update={"position": len(self.agreed)})
        self.agreed.append(kept)
        self.session.action_ids.append(kept.id)
        return kept

    def remove(self, action_id: str) -> None:
        """Take back a commitment agreed in this session (it was never the client's)."""
        self.agreed = [a for a in self.agreed if a.id != action_id]
        self.session.action_ids = [i for i in self.session.action_ids if i != action_id]

    def agreed_action(self, action_id: str) -> Action | None:
        return next((a for a in self.agreed if a.id == action_id), None)

    def review(self, action: Action, outcome: ReviewOutcome, learning: str, at: datetime) -> Action:
        """Record the client's review of an earlier action; the action with its new status."""
        review, updated = review_action(action, outcome, learning, session_id=self.session.id, at=at)
        self.session.reviews.append(review)
        self.reviewed = [a for a in self.reviewed if a.id != action.id] + [updated]
        return updated

    # --- notes, drafts, closing -----------------------------------------------------------------

    def update_notes(self, editor_text: str, at: datetime) -> None:
        """Bring the session's notes up to date with the editor; unchanged notes keep their times."""
        self.session.notes = parse_notes(
            editor_text,
            self.framework.stage_names_to_ids(),
            self.framework.stages[0].id,
            self.session.notes,
            at,
        )

    def draft(self, editor_text: str, at: datetime) -> LiveDraft:
        """The session as it stands, detached from this model (safe to write from another thread)."""
        self.update_notes(editor_text, at)
        return LiveDraft(
            session=self.session.model_copy(deep=True),
            editor_text=editor_text,
            actions=[a.model_copy(deep=True) for a in [*self.agreed, *self.reviewed]],
            saved_at=at,
        )

    def close(self, editor_text: str, at: datetime, next_checkin: date | None) -> LiveDraft:
        """The closed session and its actions, ready to save; this model is left as it was."""
        closed = close_draft(self.draft(editor_text, at), at)
        closed.session.next_checkin = next_checkin
        return closed


def close_draft(draft: LiveDraft, at: datetime) -> LiveDraft:
    """A draft whose session is closed at `at` (see `closed_session`)."""
    return draft.model_copy(update={"session": closed_session(draft.session, at)})


def closed_session(session: Session, at: datetime) -> Session:
    """`session` closed at `at`: its open stage visit ended, everything else kept.

    The one place a session is closed: at the end of a live call, and for a session left open by a
    crash that the coach closes as it is (then `at` is when its draft was last saved).
    """
    closed = session.model_copy(deep=True)
    if closed.visits and closed.visits[-1].ended_at is None:
        closed.visits[-1].ended_at = at
    closed.ended_at = at
    closed.status = SessionStatus.CLOSED
    return closed
