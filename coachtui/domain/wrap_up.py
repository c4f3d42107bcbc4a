"""Provides the wrap-up of open actions whose goal is closed: carry over, close or drop; pure.

When a goal is closed (achieved, partly, not achieved, dropped) or belongs to an earlier engagement
cycle, its open actions are still the client's commitments: they are shown, and the new cycle asks
what becomes of them.

- carry over: the action stays open and is unlinked from the closed goal, so it is one of the new
  cycle's actions (the plan's "Other actions" until it is linked to a new goal).
- close: the commitment ends with its goal. It was never reported done, so it is closed as
  ``NOT_DONE``, through an accountability review whose learning says it was closed at the wrap-up
  (a done or partly done action is recorded as such on the dashboard first). It counts in the
  completion figures, as a commitment that was not kept.
- drop: ``DROPPED``, the client lets it go; it leaves the completion figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from coachtui.domain.accountability import review_action
from coachtui.domain.models import Action, ActionStatus, Goal, GoalStatus, PlanState, ReviewOutcome
from coachtui.domain.plan_edits import copy_state

STILL_OPEN = (GoalStatus.ACTIVE, GoalStatus.FUTURE)
"""Goal statuses under which an open action is simply one of the goal's actions."""


class WrapUpChoice(StrEnum):
    CARRY = "carry over"
    CLOSE = "close"
    DROP = "drop"


@dataclass(frozen=True)
class LooseAction:
    """An open action whose goal is closed, with that goal (to say which, and how it ended)."""

    action: Action
    goal: Goal


@dataclass(frozen=True)
class WrappedAction:
    """What one choice did: the action before and after it."""

    choice: WrapUpChoice
    before: Action
    after: Action


def goal_is_closed(goal: Goal, cycle: int) -> bool:
    """A goal closed with an outcome, or one of an earlier cycle (whatever its status says)."""
    return goal.status not in STILL_OPEN or goal.cycle < cycle


def loose_actions(goals: Iterable[Goal], actions: Iterable[Action], cycle: int) -> list[LooseAction]:
    """The open actions linked to a closed goal (see ``goal_is_closed``), in the plan's order."""
    closed = {goal.id: goal for goal in goals if goal_is_closed(goal, cycle)}
    return [
        LooseAction(action, closed[action.goal_id])
        for action in actions
        if action.status is ActionStatus.OPEN and action.goal_id in closed
    ]


def wrap_up(
    state: PlanState, choices: Mapping[str, WrapUpChoice], *, cycle: int, at: datetime
) -> tuple[PlanState, list[WrappedAction]]:
    """Return the state with each chosen action carried over, closed or dropped, and what changed.

    ``cycle`` is the cycle being wrapped up (it is named in a closed action's review); ``at`` is when.
    Actions not in ``choices`` stay as they are. Raises KeyError for an id that names no action.
    """
    fresh = copy_state(state)
    known = {action.id for action in fresh.actions}
    missing = set(choices) - known
    if missing:
        raise KeyError(f"no such action: {sorted(missing)}")
    wrapped = []
    for index, action in enumerate(fresh.actions):
        choice = choices.get(action.id)
        if choice is None:
            continue
        after = _apply(action, choice, cycle, at)
        fresh.actions[index] = after
        wrapped.append(WrappedAction(choice, action, after))
    return fresh, wrapped


def _apply(action: Action, choice: WrapUpChoice, cycle: int, at: datetime) -> Action:
    if choice is WrapUpChoice.CARRY:
        return action.model_copy(update={"goal_id": None})
    if choice is WrapUpChoice.DROP:
        return action.model_copy(update={"status": ActionStatus.DROPPED})
    learning = f"closed at the wrap-up of cycle {cycle}, with its goal"
    _, closed = review_action(action, ReviewOutcome.NOT_DONE, learning, session_id=None, at=at)
    return closed


def summary_of(wrapped: WrappedAction, goal_title: str, new_cycle: int) -> str:
    """The revision's summary of one choice, e.g. ``Carried over 'Draft the CV' into cycle 2``."""
    text = wrapped.before.text if len(wrapped.before.text) <= 40 else wrapped.before.text[:39] + "…"
    if wrapped.choice is WrapUpChoice.CARRY:
        return f"Carried over {text!r} into cycle {new_cycle} (was under {goal_title!r})"
    if wrapped.choice is WrapUpChoice.DROP:
        return f"Dropped {text!r} at the wrap-up, with its goal {goal_title!r}"
    return f"Closed {text!r} at the wrap-up as not done, with its goal {goal_title!r}"
