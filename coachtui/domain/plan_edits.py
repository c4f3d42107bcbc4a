"""Provides the plan editor's edits as pure functions on a copy of a ``PlanState``.

Every function takes a state and returns a new one (the caller keeps the old one for undo).
Lists are kept in display order: goals in the order shown, actions grouped by nothing but their
order in the list (a goal's actions are the actions linking to it, in list order), check-ins in
order. ``renumber`` writes that order into ``position`` before saving.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from coachtui.domain.models import Action, ActionStatus, CheckIn, Goal, GoalStatus, PlanState

R = TypeVar("R", bound=BaseModel)

STATUS_CYCLE = [
    ActionStatus.OPEN,
    ActionStatus.DONE,
    ActionStatus.PARTLY,
    ActionStatus.NOT_DONE,
    ActionStatus.CHANGED,
    ActionStatus.DROPPED,
]
"""The order Space steps an action through: done comes first, it is the usual answer."""

CLOSING_STATUSES = [GoalStatus.ACHIEVED, GoalStatus.PARTLY, GoalStatus.NOT_ACHIEVED, GoalStatus.DROPPED]


def copy_state(state: PlanState) -> PlanState:
    """Return a deep copy: undo keeps these, so later edits must never reach into them."""
    return state.model_copy(deep=True)


def renumber(state: PlanState) -> PlanState:
    """Return the state with each goal's and action's ``position`` set to its place in the list."""
    fresh = copy_state(state)
    for index, goal in enumerate(fresh.goals):
        if goal.position != index:
            goal.position = index
    for index, action in enumerate(fresh.actions):
        if action.position != index:
            action.position = index
    return fresh


def with_values(record: R, values: Mapping[str, Any]) -> R:
    """Return ``record`` with ``values`` set; dotted names (``metric.target``) reach nested models.

    Raises pydantic's ValidationError when a value does not fit the model.
    """
    data = record.model_dump()
    for name, value in values.items():
        target = data
        *path, last = name.split(".")
        for part in path:
            target = target[part]
        target[last] = value
    return type(record).model_validate(data)


def next_status(status: ActionStatus) -> ActionStatus:
    """Return the status after ``status`` in ``STATUS_CYCLE``."""
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


def goal_actions(state: PlanState, goal_id: str | None) -> list[Action]:
    """Return the actions linked to ``goal_id`` (None: the actions linked to no goal), in order."""
    return [action for action in state.actions if action.goal_id == goal_id]


def replace(state: PlanState, record: Goal | Action | CheckIn) -> PlanState:
    """Return the state with the record of the same id replaced by ``record``."""
    fresh = copy_state(state)
    items: list[Any] = _list_of(fresh, record)
    index = next(i for i, item in enumerate(items) if item.id == record.id)
    items[index] = record
    return fresh


def insert_goal(state: PlanState, goal: Goal, after_id: str | None = None) -> PlanState:
    """Return the state with ``goal`` after the goal ``after_id`` (None: before every goal)."""
    fresh = copy_state(state)
    index = _index(fresh.goals, after_id) + 1 if after_id else 0
    fresh.goals.insert(index, goal)
    return fresh


def insert_action(state: PlanState, action: Action, after_id: str | None = None) -> PlanState:
    """Return the state with ``action`` after the action ``after_id``, or after its goal's last action."""
    fresh = copy_state(state)
    if after_id is None:
        siblings = goal_actions(fresh, action.goal_id)
        after_id = siblings[-1].id if siblings else None
    index = _index(fresh.actions, after_id) + 1 if after_id else len(fresh.actions)
    fresh.actions.insert(index, action)
    return fresh


def insert_checkin(state: PlanState, checkin: CheckIn, after_id: str | None = None) -> PlanState:
    """Return the state with ``checkin`` after the check-in ``after_id`` (None: first)."""
    fresh = copy_state(state)
    index = _index(fresh.checkins, after_id) + 1 if after_id else 0
    fresh.checkins.insert(index, checkin)
    return fresh


def delete_goal(state: PlanState, goal_id: str) -> tuple[PlanState, list[Action]]:
    """Return the state without the goal and its actions, and the actions removed with it."""
    fresh = copy_state(state)
    removed = goal_actions(fresh, goal_id)
    fresh.goals = [goal for goal in fresh.goals if goal.id != goal_id]
    fresh.actions = [action for action in fresh.actions if action.goal_id != goal_id]
    return fresh, removed


def delete_action(state: PlanState, action_id: str) -> PlanState:
    fresh = copy_state(state)
    fresh.actions = [action for action in fresh.actions if action.id != action_id]
    return fresh


def delete_checkin(state: PlanState, checkin_id: str) -> PlanState:
    fresh = copy_state(state)
    fresh.checkins = [checkin for checkin in fresh.checkins if checkin.id != checkin_id]
    return fresh


def move(
    state: PlanState, record: Goal | Action | CheckIn, step: int, same_cycle: int | None = None
) -> PlanState | None:
    """Return the state with ``record`` swapped with its previous (-1) or next (+1) sibling, or None.

    Siblings are the goals (of ``same_cycle`` when given), the actions of the same goal, or the check-ins.
    None when the record is already first or last among its siblings.
    """
    fresh = copy_state(state)
    items: list[Any] = _list_of(fresh, record)
    if isinstance(record, Action):
        siblings = [i for i, item in enumerate(items) if item.goal_id == record.goal_id]
    elif isinstance(record, Goal) and same_cycle is not None:
        siblings = [i for i, item in enumerate(items) if item.cycle == same_cycle]
    else:
        siblings = list(range(len(items)))
    here = siblings.index(_index(items, record.id))
    there = here + step
    if not 0 <= there < len(siblings):
        return None
    a, b = siblings[here], siblings[there]
    items[a], items[b] = items[b], items[a]
    return fresh


def sibling_place(state: PlanState, record: Goal | Action | CheckIn) -> int:
    """Return the 1-based place of ``record`` among its siblings, as a revision shows a move."""
    if isinstance(record, Action):
        siblings: list[Any] = goal_actions(state, record.goal_id)
    elif isinstance(record, Goal):
        siblings = [goal for goal in state.goals if goal.cycle == record.cycle]
    else:
        siblings = state.checkins
    return next(i for i, item in enumerate(siblings, 1) if item.id == record.id)


def _list_of(state: PlanState, record: Goal | Action | CheckIn) -> list[Any]:
    if isinstance(record, Goal):
        return state.goals
    if isinstance(record, Action):
        return state.actions
    return state.checkins


def _index(items: list[Any], item_id: str | None) -> int:
    return next(i for i, item in enumerate(items) if item.id == item_id)


def close_cycle(
    state: PlanState,
    closures: Mapping[str, tuple[GoalStatus, str]],
    future: list[str],
    client_id: str,
    new_cycle: int,
) -> tuple[PlanState, list[Goal]]:
    """Return the state with goals closed (status, outcome by goal id) and the future goals added.

    The closed goals keep their cycle number, so they stay in the plan as the earlier cycle's goals.
    """
    fresh = copy_state(state)
    for goal in fresh.goals:
        if goal.id in closures:
            status, outcome = closures[goal.id]
            goal.status = status
            if outcome:
                goal.outcome = outcome
    added = [Goal(client_id=client_id, title=title, cycle=new_cycle) for title in future]
    fresh.goals.extend(added)
    return fresh, added
