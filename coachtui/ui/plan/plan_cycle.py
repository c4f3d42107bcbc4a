"""Provides the plan editor's new engagement cycle (n): close the goals with outcomes, set future goals.

After wrap-up each active goal is closed with how it ended and what came of it, decided with the
client; the open actions of closed goals are carried over, closed or dropped (``wrap_up_actions``);
the client's cycle number goes up; the future goals start the next cycle. Earlier goals stay in the
plan with their history, and the whole step is one undoable change.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from coachtui.domain.models import FieldChange, GoalStatus
from coachtui.domain.plan_edits import close_cycle
from coachtui.domain.revisions import diff_records, short
from coachtui.domain.wrap_up import WrapUpChoice, loose_actions, summary_of, wrap_up
from coachtui.store.errors import StoreError
from coachtui.ui.plan.new_cycle import CycleOutcome, NewCycleScreen
from coachtui.ui.plan.plan_outline import RowKey
from coachtui.ui.plan.wrap_up_actions import WrapUpActionsScreen

if TYPE_CHECKING:
    from coachtui.ui.plan.plan_editor import PlanEditorScreen


def new_cycle(screen: PlanEditorScreen) -> None:
    """n: wrap up the cycle (close each active goal with the client) and set future goals."""
    cycle = screen.plan.client.cycle
    active = [g for g in screen.plan.state.goals if g.cycle >= cycle and g.status is GoalStatus.ACTIVE]
    screen.app.push_screen(NewCycleScreen(cycle, active), partial(_start_cycle, screen))


def _start_cycle(screen: PlanEditorScreen, outcome: CycleOutcome | None) -> None:
    if outcome is None:
        return
    old = screen.plan.client.cycle
    closed, _ = close_cycle(
        screen.plan.state, outcome.closures, outcome.future, screen.plan.client.id, old + 1
    )
    loose = loose_actions(closed.goals, closed.actions, old + 1)
    if not loose:
        _finish(screen, outcome, {})
        return

    def decided(choices: dict[str, WrapUpChoice] | None) -> None:
        # Escape decides later: the cycle still starts, the actions stay open and stay shown.
        _finish(screen, outcome, choices or {})

    screen.app.push_screen(WrapUpActionsScreen(loose, old), decided)


def _finish(screen: PlanEditorScreen, outcome: CycleOutcome, choices: dict[str, WrapUpChoice]) -> None:
    old = screen.plan.client.cycle
    client = screen.plan.client.model_copy(update={"cycle": old + 1})
    try:
        screen.coach.repository.save_client(client)
    except StoreError as error:
        screen.notify(str(error), title="New cycle not started", severity="error", timeout=15)
        return
    state, added = close_cycle(screen.plan.state, outcome.closures, outcome.future, client.id, client.cycle)
    titles = {goal.id: goal.title for goal in state.goals}
    state, wrapped = wrap_up(state, choices, cycle=old, at=screen.now())
    closed = [goal for goal in state.goals if goal.id in outcome.closures]
    summary = f"Wrapped up cycle {old} and started cycle {client.cycle}"
    changes = [FieldChange(field="cycle", before=str(old), after=str(client.cycle))]
    changes += [
        FieldChange(field=f"goal {short(g.title)!r}", before="active", after=g.status.value.replace("_", " "))
        for g in closed
    ]
    revisions = [screen.plan.revision("cycle", None, summary, changes)]
    for goal in closed:
        summary = f"Closed goal {short(goal.title)!r}: {goal.status.value.replace('_', ' ')}"
        revisions.append(
            screen.plan.revision("goal", goal.id, summary, diff_records(screen.plan.find_goal(goal.id), goal))
        )
    for goal in added:
        summary = f"Set future goal {short(goal.title)!r} for cycle {client.cycle}"
        revisions.append(screen.plan.revision("goal", goal.id, summary, diff_records(None, goal)))
    for done in wrapped:
        title = short(titles.get(done.before.goal_id or "", "?"))
        summary = summary_of(done, title, client.cycle)
        revision = screen.plan.revision(
            "action", done.after.id, summary, diff_records(done.before, done.after)
        )
        revisions.append(revision)
    for revision in revisions:
        revision.reason = f"wrap-up of cycle {old}"
    screen.plan.client = client
    screen.commit(state, revisions, RowKey("goals"), cycle_before=old)
    screen.notify(
        f"Cycle {client.cycle} started. Earlier goals and their history stay under 'Earlier cycles'."
    )
