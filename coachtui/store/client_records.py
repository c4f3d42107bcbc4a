"""Provides the repository's methods on a client's file (plan, goals, actions, sessions) and drafts."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from coachtui.domain.models import (
    Action,
    CheckIn,
    Client,
    CoachingPlan,
    Goal,
    LiveDraft,
    PlanRevision,
    PlanState,
    Session,
    SessionStatus,
)
from coachtui.domain.session_deletion import SessionDeletion
from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.client_index import SessionDigest
from coachtui.store.drafts import check_id
from coachtui.store.errors import CorruptFileError, RecordNotFound, SaveError, StoreError
from coachtui.store.summary import SessionHead
from coachtui.store.tiny_file import TinyFile


class ClientRecords(RepositoryBase):
    """Reads and writes of a client's file (each save one atomic write of it) and of live-session drafts."""

    # --- the plan ---------------------------------------------------------------------------

    @synchronized
    def get_plan(self, client_id: str) -> CoachingPlan:
        """The client's plan, or an empty one (id == client_id, dated by the clock) if none was saved yet."""
        plans = self._client_file(client_id).records("plan", CoachingPlan)
        if plans:
            return plans[0]
        return CoachingPlan(id=client_id, client_id=client_id, updated_at=self._clock())

    @synchronized
    def list_goals(self, client_id: str) -> list[Goal]:
        return sorted(self._client_file(client_id).records("goals", Goal), key=lambda g: g.position)

    @synchronized
    def list_actions(self, client_id: str) -> list[Action]:
        return sorted(self._client_file(client_id).records("actions", Action), key=lambda a: a.position)

    @synchronized
    def list_checkins(self, client_id: str) -> list[CheckIn]:
        """Check-ins in the order they were saved."""
        return self._client_file(client_id).records("checkins", CheckIn)

    @synchronized
    def list_revisions(self, client_id: str, target_id: str | None = None) -> list[PlanRevision]:
        """Revisions oldest first, optionally only those about ``target_id``."""
        revisions = self._client_file(client_id).records("revisions", PlanRevision)
        if target_id is not None:
            revisions = [r for r in revisions if r.target_id == target_id]
        return sorted(revisions, key=lambda r: r.at)

    @synchronized
    def load_plan_state(self, client_id: str) -> PlanState:
        return PlanState(
            plan=self.get_plan(client_id),
            goals=self.list_goals(client_id),
            actions=self.list_actions(client_id),
            checkins=self.list_checkins(client_id),
        )

    @synchronized
    def save_plan_state(
        self, client_id: str, state: PlanState, revisions: Sequence[PlanRevision] = ()
    ) -> None:
        """Replace the plan, goals, actions and check-ins and append ``revisions``: one atomic write."""
        records = (state.plan, *state.goals, *state.actions, *state.checkins, *revisions)
        strays = [r.id for r in records if getattr(r, "client_id", None) != client_id]
        if strays:
            raise ValueError(f"records {strays} belong to another client than {client_id}")

        def change(file: TinyFile) -> None:
            file.replace_all("plan", [state.plan])
            file.replace_all("goals", state.goals)
            file.replace_all("actions", state.actions)
            file.replace_all("checkins", state.checkins)
            for revision in revisions:
                file.put("revisions", revision)

        self._save_to_client(client_id, change)

    @synchronized
    def save_plan(self, plan: CoachingPlan) -> None:
        self._save_to_client(plan.client_id, lambda file: file.replace_all("plan", [plan]))

    @synchronized
    def save_goal(self, goal: Goal) -> None:
        self._save_to_client(goal.client_id, lambda file: file.put("goals", goal))

    @synchronized
    def save_action(self, action: Action) -> None:
        self._save_to_client(action.client_id, lambda file: file.put("actions", action))

    @synchronized
    def save_checkin(self, checkin: CheckIn) -> None:
        self._save_to_client(checkin.client_id, lambda file: file.put("checkins", checkin))

    @synchronized
    def add_revision(self, revision: PlanRevision) -> None:
        self._save_to_client(revision.client_id, lambda file: file.put("revisions", revision))

    def _delete(self, client_id: str, table: str, kind: str, record_id: str) -> None:
        if not any(d.get("id") == record_id for d in self._client_file(client_id).documents(table)):
            raise RecordNotFound(kind, record_id)
        self._save_to_client(client_id, lambda file: file.delete(table, "id", record_id))

    @synchronized
    def delete_goal(self, client_id: str, goal_id: str) -> None:
        self._delete(client_id, "goals", "goal", goal_id)

    @synchronized
    def delete_action(self, client_id: str, action_id: str) -> None:
        self._delete(client_id, "actions", "action", action_id)

    @synchronized
    def delete_checkin(self, client_id: str, checkin_id: str) -> None:
        self._delete(client_id, "checkins", "check-in", checkin_id)

    # --- sessions ---------------------------------------------------------------------------

    @synchronized
    def list_sessions(self, client_id: str) -> list[Session]:
        return sorted(self._client_file(client_id).records("sessions", Session), key=lambda s: s.number)

    @synchronized
    def list_session_digests(self, client_id: str) -> list[SessionDigest]:
        """The client's sessions by number without their notes' text: what the history, the charts and the
        plan show. Cheaper than ``list_sessions`` (a 200-session file: 4 ms instead of 30)."""
        return sorted(self._client_file(client_id).records("sessions", SessionDigest), key=lambda s: s.number)

    @synchronized
    def session_order(self, client_id: str) -> list[str]:
        """The ids of the client's sessions by number (read from their headings: 0.3 ms for 200)."""
        heads = self._client_file(client_id).records("sessions", SessionHead)
        return [head.id for head in sorted(heads, key=lambda s: s.number)]

    @synchronized
    def validate_client_file(self, client_id: str) -> None:
        """Validate all of the client's file now, notes included (opening it checks only the sessions'
        headings); the screens run it in a worker once drawn. CorruptFileError names the record."""
        self._client_file(client_id).validate_all()

    @synchronized
    def get_session(self, client_id: str, session_id: str) -> Session:
        session = self._client_file(client_id).find("sessions", Session, "id", session_id)
        if session is None:
            raise RecordNotFound("session", session_id)
        return session

    @synchronized
    def save_session(self, session: Session) -> None:
        check_id(session.id)
        self._save_to_client(session.client_id, lambda file: file.put("sessions", session))

    @synchronized
    def save_sessions(self, client_id: str, sessions: Sequence[Session]) -> None:
        """Insert or replace several of a client's sessions in one write of its file (an import, a
        generated practice): saving them one by one would rewrite the file once per session."""
        for session in sessions:
            check_id(session.id)
            if session.client_id != client_id:
                raise ValueError(f"session {session.id} belongs to another client than {client_id}")

        def change(file: TinyFile) -> None:
            for session in sessions:
                file.put("sessions", session)

        self._save_to_client(client_id, change)

    @synchronized
    def close_session(self, session: Session, actions: Sequence[Action]) -> None:
        """Save a closed session (domain.live closes it) and its actions in one write of the client's
        file; then discard the session's draft."""
        check_id(session.id)
        if session.status is not SessionStatus.CLOSED or session.ended_at is None:
            raise ValueError("only a closed session is saved as closed: close it with domain.live first")
        if any(a.client_id != session.client_id for a in actions):
            raise ValueError("a session's actions must belong to the session's client")
        closed = session

        def change(file: TinyFile) -> None:
            file.put("sessions", closed)
            for action in actions:
                file.put("actions", action)

        self._save_to_client(session.client_id, change)
        self._drafts.discard(session.id)

    @synchronized
    def delete_session(self, deletion: SessionDeletion) -> None:
        """Take a session held by mistake out of the record (domain.session_deletion says what goes):
        one write of the client's file; its reflection and drafts go with it."""
        session = deletion.session
        check_id(session.id)
        if not any(
            d.get("id") == session.id for d in self._client_file(session.client_id).documents("sessions")
        ):
            raise RecordNotFound("session", session.id)
        reflections = self._reflection_file(session.client_id)
        if session.id in reflections.values("reflections", "session_id"):
            reflections.delete("reflections", "session_id", session.id)

        def change(file: TinyFile) -> None:
            file.delete("sessions", "id", session.id)
            for action_id in deletion.dropped_action_ids:
                file.delete("actions", "id", action_id)
            for action in deletion.restored:
                file.put("actions", action)
            file.put("revisions", deletion.revision)

        self._save_to_client(session.client_id, change)
        self._drafts.discard(session.id)
        self._drafts.discard_reflection(session.id)

    @synchronized
    def next_session_number(self, client_id: str) -> int:
        """One more than the highest session number saved or held in a draft for this client."""
        numbers = [s.number for s in self._client_file(client_id).records("sessions", SessionHead)]
        numbers += [d.session.number for d in self._drafts.readable() if d.session.client_id == client_id]
        return max(numbers, default=0) + 1

    # --- live-session drafts ------------------------------------------------------------------

    @synchronized
    def save_draft(self, draft: LiveDraft) -> None:
        """Autosave a live session: one small atomic write of its draft, never the client's file."""
        self._writable()
        self._drafts.save(draft)

    @synchronized
    def list_drafts(self) -> list[LiveDraft]:
        """Drafts left by a crash, oldest first; drafts of sessions since closed or erased are dropped.

        A draft that cannot be read is never a reason not to open: it is set aside (renamed
        ``<id>.broken-<time>.json``, kept) or, read-only or from a newer coachtui, left as it is and
        skipped; ``take_draft_notices`` says which, once.
        """
        drafts = []
        for path in self._drafts.paths():
            try:
                draft = self._drafts.load(path)
            except StoreError as error:
                self._draft_notices.append(self._set_aside_draft(path, error))
                continue
            session = draft.session
            if self._practice.find("clients", Client, "id", session.client_id) is None:
                stale = True
            else:
                stale = False
                with suppress(StoreError):
                    stale = any(
                        d.get("id") == session.id and d.get("status") == SessionStatus.CLOSED
                        for d in self._client_file(session.client_id).documents("sessions")
                    )
            if not stale:
                drafts.append(draft)
            elif not self.read_only:
                self._drafts.discard(session.id)
        return sorted(drafts, key=lambda d: d.saved_at)

    def _set_aside_draft(self, path: Path, error: StoreError) -> str:
        # The reason names the field and the problem (pydantic's message, never the value typed).
        reason = error.reason if isinstance(error, CorruptFileError) else str(error)
        if self.read_only or not isinstance(error, CorruptFileError):
            return f"A live-session draft, {path}, cannot be used ({reason}); it was left as it is."
        try:
            kept = self._drafts.set_aside(path, self._clock().strftime("%Y%m%d-%H%M%S"))
        except SaveError as failure:
            return f"A live-session draft, {path}, cannot be read ({reason}) nor set aside: {failure}"
        return f"A live-session draft, {path.name}, cannot be read ({reason}). It was kept as {kept}."

    @synchronized
    def take_draft_notices(self) -> list[str]:
        """What ``list_drafts`` found wrong with drafts since last asked (for the coach), then forgets it."""
        notices, self._draft_notices[:] = list(self._draft_notices), []
        return notices

    @synchronized
    def discard_draft(self, session_id: str) -> None:
        self._writable()
        self._drafts.discard(session_id)
