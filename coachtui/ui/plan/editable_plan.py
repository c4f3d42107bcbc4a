"""Provides EditablePlan: one client's plan as the plan editor holds it, with undo and saving.

Each change replaces the whole ``PlanState`` (the previous one is kept, up to ``UNDO_LEVELS``) and is
saved at once with the revisions that describe it: one atomic write of the client's file. When a
save fails the change stays in memory with its revisions, and the next save writes them all.
Undo restores the earlier state exactly and records that it did, so the history stays true.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from coachtui.domain.models import Action, CheckIn, Client, FieldChange, Goal, PlanRevision, PlanState
from coachtui.domain.plan_edits import renumber
from coachtui.domain.revisions import TargetKind, diff_records, make_revision

if TYPE_CHECKING:
    from coachtui.store.repository import Repository

UNDO_LEVELS = 50


@dataclass(frozen=True)
class UndoStep:
    """The plan as it was before one change, and what that change was (for the undo's own revision)."""

    state: PlanState
    cycle: int
    label: str
    kind: TargetKind
    target_id: str | None


class EditablePlan:
    """The plan being edited; every method that saves raises StoreError when the write fails."""

    def __init__(
        self, repository: Repository, client: Client, state: PlanState, clock: Callable[[], datetime]
    ):
        self.repository = repository
        self.client = client
        self.state = state
        self.clock = clock
        self.undo_steps: list[UndoStep] = []
        self.pending: list[PlanRevision] = []
        self.unsaved = False

    # --- reading -------------------------------------------------------------------------------

    def find_goal(self, goal_id: str | None) -> Goal | None:
        return next((g for g in self.state.goals if g.id == goal_id), None)

    def find_action(self, action_id: str | None) -> Action | None:
        return next((a for a in self.state.actions if a.id == action_id), None)

    def find_checkin(self, checkin_id: str | None) -> CheckIn | None:
        return next((c for c in self.state.checkins if c.id == checkin_id), None)

    def names(self) -> dict[str, str]:
        """Goal ids to titles, so a changed goal link reads as titles in the history."""
        return {goal.id: goal.title for goal in self.state.goals}

    def revisions(self) -> list[PlanRevision]:
        """Every revision of this plan, saved or still waiting to be saved."""
        stored = self.repository.list_revisions(self.client.id)
        return list({r.id: r for r in [*stored, *self.pending]}.values())

    # --- changing ------------------------------------------------------------------------------

    def revision(
        self,
        kind: TargetKind,
        target_id: str | None,
        summary: str,
        changes: list[FieldChange],
        *,
        asked: bool = False,
    ) -> PlanRevision:
        """A revision made now; one the coach will be asked about starts as "not decided by the client"."""
        return make_revision(
            self.client.id, self.clock(), kind, target_id, summary, changes, client_decided=not asked
        )

    def commit(
        self, state: PlanState, revisions: list[PlanRevision], *, cycle_before: int | None = None
    ) -> None:
        """Make ``state`` the plan, keep the previous one for undo, and save it with ``revisions``."""
        first = revisions[0]
        cycle = cycle_before if cycle_before is not None else self.client.cycle
        self.undo_steps.append(UndoStep(self.state, cycle, first.summary, first.target_kind, first.target_id))
        del self.undo_steps[:-UNDO_LEVELS]
        fresh = renumber(state)
        fresh.plan.updated_at = self.clock()
        self.state = fresh
        self.record(revisions)

    def record(self, revisions: list[PlanRevision]) -> None:
        """Save the plan with ``revisions``; a revision already waiting with the same id is replaced."""
        ids = {revision.id for revision in revisions}
        self.pending = [r for r in self.pending if r.id not in ids] + revisions
        self.unsaved = True
        self.save()

    def save(self) -> None:
        """Write what is not saved yet."""
        if not self.unsaved:
            return
        self.repository.save_plan_state(self.client.id, self.state, self.pending)
        self.pending = []
        self.unsaved = False

    def undo(self) -> UndoStep | None:
        """Restore the plan as it was before the latest change; None when there is nothing to undo.

        The client's engagement cycle is restored first (a new cycle is undone too); if that write fails
        (StoreError) nothing is undone. The restored plan is not saved yet: call ``save``.
        """
        if not self.undo_steps:
            return None
        step = self.undo_steps[-1]
        changes = self._undo_changes(step)
        if step.cycle != self.client.cycle:
            restored = self.client.model_copy(update={"cycle": step.cycle})
            self.repository.save_client(restored)
            self.client = restored
        self.undo_steps.pop()
        self.state = step.state
        undo = self.revision(step.kind, step.target_id, f"Undid: {step.label}", changes)
        undo.client_decided = False
        self.pending.append(undo)
        self.unsaved = True
        return step

    def _undo_changes(self, step: UndoStep) -> list[FieldChange]:
        if step.kind == "cycle":
            return [FieldChange(field="cycle", before=str(self.client.cycle), after=str(step.cycle))]
        if step.kind == "plan":
            return diff_records(self.state.plan, step.state.plan)
        table = {"goal": "goals", "action": "actions", "checkin": "checkins"}.get(step.kind)
        if table is None:
            return []
        now = next((i for i in getattr(self.state, table) if i.id == step.target_id), None)
        then = next((i for i in getattr(step.state, table) if i.id == step.target_id), None)
        return diff_records(now, then)
