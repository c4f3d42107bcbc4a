"""Provides the plan editor's keys that change the item under the cursor at once.

Delete (d), move among its siblings (J/K) and step an action's status (space). Each function takes
the ``PlanEditorScreen`` (which binds them as its actions); each change is one undoable commit with
its revision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from coachtui.domain.models import Action, CheckIn, FieldChange, Goal
from coachtui.domain.plan_edits import (
    delete_action,
    delete_checkin,
    delete_goal,
    move,
    next_status,
    sibling_place,
)
from coachtui.domain.plan_edits import replace as replace_item
from coachtui.domain.revisions import TargetKind, diff_records, short
from coachtui.ui.plan.plan_forms import ask_reason, hold_checkin_form
from coachtui.ui.plan.plan_outline import RowKey

if TYPE_CHECKING:
    from coachtui.ui.plan.plan_editor import PlanEditorScreen


def _item(screen: PlanEditorScreen) -> tuple[TargetKind, Goal | Action | CheckIn] | None:
    key = screen.current()
    finder = {
        "goal": screen.plan.find_goal,
        "action": screen.plan.find_action,
        "checkin": screen.plan.find_checkin,
    }
    item = finder[key.kind](key.item_id) if key.kind in finder else None
    return (cast(TargetKind, key.kind), item) if item is not None else None


def delete(screen: PlanEditorScreen) -> None:
    found = _item(screen)
    if found is None:
        screen.notify("Only goals, actions and check-in points can be deleted here.", severity="warning")
        return
    kind, item = found
    label = _label(item)
    changes = diff_records(item, None)
    if isinstance(item, Goal):
        state, removed = delete_goal(screen.plan.state, item.id)
        if removed:
            label += f" and its {len(removed)} action{'s' if len(removed) != 1 else ''}"
            texts = "; ".join(a.text for a in removed)
            changes.append(FieldChange(field="actions", before=texts, after=""))
    elif isinstance(item, Action):
        state = delete_action(screen.plan.state, item.id)
    else:
        state = delete_checkin(screen.plan.state, item.id)
    revision = screen.plan.revision(kind, item.id, f"Deleted {kind} {label}", changes, asked=kind == "goal")
    screen.commit(state, [revision], None)
    screen.notify(f"Deleted {kind} {label}. u undoes.")
    if kind == "goal":
        ask_reason(screen, revision)


def _move(screen: PlanEditorScreen, step: int) -> None:
    found = _item(screen)
    if found is None:
        screen.notify("Only goals, actions and check-in points can be moved.", severity="warning")
        return
    kind, item = found
    moved = move(screen.plan.state, item, step, same_cycle=screen.plan.client.cycle)
    if moved is None:
        screen.notify(f"Already the {'last' if step > 0 else 'first'} one.")
        return
    before, after = sibling_place(screen.plan.state, item), sibling_place(moved, item)
    place = FieldChange(field="position", before=str(before), after=str(after))
    summary = f"Moved {kind} {_label(item)} {'down' if step > 0 else 'up'}"
    screen.commit(moved, [screen.plan.revision(kind, item.id, summary, [place])], RowKey(kind, item.id))


def move_down(screen: PlanEditorScreen) -> None:
    _move(screen, 1)


def move_up(screen: PlanEditorScreen) -> None:
    _move(screen, -1)


def cycle_status(screen: PlanEditorScreen) -> None:
    found = _item(screen)
    item = found[1] if found else None
    changed: Action | CheckIn
    if isinstance(item, Action):
        changed = item.model_copy(update={"status": next_status(item.status)})
        summary = f"Marked action {_label(item)} {changed.status.value.replace('_', ' ')}"
    elif isinstance(item, CheckIn):
        hold_checkin_form(screen, item)  # held means asked: the client's answers are the check-in
        return
    elif isinstance(item, Goal):
        screen.notify(
            "A goal is achieved when the client says so, not when its actions are done: "
            "press enter and set its status.",
            severity="warning",
        )
        return
    else:
        screen.notify(
            "Space steps an action through its statuses: move to an action first.", severity="warning"
        )
        return
    kind: TargetKind = "action" if isinstance(item, Action) else "checkin"
    revision = screen.plan.revision(kind, item.id, summary, diff_records(item, changed))
    screen.commit(replace_item(screen.plan.state, changed), [revision], RowKey(kind, item.id))


def _label(item: Goal | Action | CheckIn) -> str:
    if isinstance(item, Goal):
        return repr(short(item.title))
    if isinstance(item, Action):
        return repr(short(item.text))
    when = f"session {item.at_session}" if item.at_session else ""
    when = when or (item.on_date.isoformat() if item.on_date else "")
    return f"{when} {short(item.focus, 30)}".strip()
