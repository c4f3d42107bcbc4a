"""Provides the plan editor's keys that open a form: edit, add below, add child, and the reason prompt.

Each function takes the ``PlanEditorScreen`` (which binds them as its actions). The screen holds the
plan, saving and undo; this part turns what a form returns into a change of the plan and its revision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from coachtui.domain.models import Action, CheckIn, FieldChange, Goal, PlanRevision
from coachtui.domain.plan_edits import (
    delete_action,
    insert_action,
    insert_checkin,
    insert_goal,
    with_values,
)
from coachtui.domain.plan_edits import replace as replace_item
from coachtui.domain.revisions import describe_change, diff_records, field_label, needs_reason, short
from coachtui.store.errors import StoreError
from coachtui.ui.plan.plan_fields import (
    CHECKIN_FIELDS,
    GOAL_FIELDS,
    VISION_FIELDS,
    action_fields,
    action_preview,
    goal_preview,
    held_checkin,
    hold_checkin_dialog,
    initial_values,
)
from coachtui.ui.plan.plan_item_form import PlanItemForm
from coachtui.ui.plan.plan_outline import RowKey
from coachtui.ui.shared.reason_prompt import ReasonAnswer, ReasonPrompt

R = TypeVar("R", bound=BaseModel)

if TYPE_CHECKING:
    from coachtui.ui.plan.plan_editor import PlanEditorScreen


def _changed(changes: list[FieldChange]) -> str:
    return ", ".join(dict.fromkeys(field_label(change.field) for change in changes))


def edit(screen: PlanEditorScreen) -> None:
    """Enter: edit the item under the cursor (on a section heading: add to that section)."""
    key = screen.current()
    if key.kind == "vision":
        _vision_form(screen)
    elif key.kind == "goal" and (goal := screen.plan.find_goal(key.item_id)):
        _goal_form(screen, goal)
    elif key.kind == "action" and (action := screen.plan.find_action(key.item_id)):
        _action_form(screen, action, action.goal_id)
    elif key.kind == "checkin" and (checkin := screen.plan.find_checkin(key.item_id)):
        _checkin_form(screen, checkin)
    elif key.kind == "agreement":
        # The client form owns the agreement; the change is recorded when the coach comes back.
        screen.agreement_before = screen.plan.client
        screen.coach.edit_client(screen.plan.client.id)
    else:
        add(screen)


def add(screen: PlanEditorScreen) -> None:
    """a: add an item of the same kind below the one under the cursor."""
    key = screen.current()
    if key.kind == "goal":
        _goal_form(screen, None, after_id=key.item_id)
    elif key.kind == "action" and (action := screen.plan.find_action(key.item_id)):
        _action_form(screen, None, action.goal_id, after_id=action.id)
    elif key.kind == "other":
        _action_form(screen, None, None)
    elif key.kind in ("checkins", "checkin"):
        _checkin_form(screen, None, after_id=key.item_id)
    elif key.kind == "agreement":
        screen.notify("The agreement is one record: press enter to edit it.")
    else:
        _goal_form(screen, None)


def add_child(screen: PlanEditorScreen) -> None:
    """A: add an item under the one under the cursor (an action under a goal)."""
    key = screen.current()
    if key.kind == "goal" and key.item_id:
        _action_form(screen, None, key.item_id)
    elif key.kind in ("goals", "other", "checkins", "earlier", "vision"):
        add(screen)
    elif key.kind == "action":
        screen.notify("An action has nothing under it: a adds another action below it.", severity="warning")
    else:
        screen.notify(
            "Nothing goes under this row: move to a goal to add an action to it.", severity="warning"
        )


# --- the forms ----------------------------------------------------------------------------


def _vision_form(screen: PlanEditorScreen) -> None:
    before = screen.plan.state.plan

    def done(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        fresh = screen.plan.state.model_copy(deep=True)
        fresh.plan = with_values(before, values)
        changes = diff_records(before, fresh.plan)
        if changes:
            revision = screen.plan.revision("plan", before.id, f"Changed {_changed(changes)}", changes)
            screen.commit(fresh, [revision], RowKey("vision"))

    initial = initial_values(before, VISION_FIELDS)
    screen.app.push_screen(PlanItemForm("Vision & values", VISION_FIELDS, initial, screen.today()), done)


def _applied(screen: PlanEditorScreen, base: R, values: dict[str, Any]) -> R | None:
    """`base` with the form's values, or None (and a message) if a value does not fit the record."""
    try:
        return with_values(base, values)
    except ValidationError as error:
        screen.notify(f"Not saved: {error.errors()[0]['msg']}", severity="error")
        return None


def _goal_form(screen: PlanEditorScreen, goal: Goal | None, after_id: str | None = None) -> None:
    base = goal or Goal(client_id=screen.plan.client.id, title="-", cycle=screen.plan.client.cycle)

    def done(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        if (new := _applied(screen, base, values)) is None:
            return
        label = repr(short(new.title))
        if goal is None:
            state = insert_goal(screen.plan.state, new, after_id)
            revision = screen.plan.revision("goal", new.id, f"Added goal {label}", diff_records(None, new))
            asked = False
        else:
            changes = diff_records(goal, new)
            if not changes:
                return
            state = replace_item(screen.plan.state, new)
            asked = needs_reason("goal", changes)
            summary = f"Changed goal {label}: {_changed(changes)}"
            revision = screen.plan.revision("goal", new.id, summary, changes, asked=asked)
        screen.commit(state, [revision], RowKey("goal", new.id))
        if asked:
            ask_reason(screen, revision)

    initial = initial_values(base, GOAL_FIELDS)
    if goal is None:
        initial["title"] = ""
    heading = "Edit goal" if goal else f"New goal · cycle {screen.plan.client.cycle}"
    form = PlanItemForm(heading, GOAL_FIELDS, initial, screen.today(), goal_preview(base, screen.today()))
    screen.app.push_screen(form, done)


def _action_form(
    screen: PlanEditorScreen, action: Action | None, goal_id: str | None, after_id: str | None = None
) -> None:
    base = action or Action(client_id=screen.plan.client.id, text="-", goal_id=goal_id)
    goals = [
        g for g in screen.plan.state.goals if g.cycle >= screen.plan.client.cycle or g.id == base.goal_id
    ]
    specs = action_fields(goals)

    def done(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        if (new := _applied(screen, base, values)) is None:
            return
        label = repr(short(new.text))
        moved = new.goal_id != base.goal_id
        if action is None:
            state = insert_action(screen.plan.state, new, None if moved else after_id)
            revision = screen.plan.revision(
                "action", new.id, f"Added action {label}", diff_records(None, new)
            )
            asked = False
        else:
            changes = diff_records(action, new)
            if not changes:
                return
            state = (
                insert_action(delete_action(screen.plan.state, new.id), new)
                if moved
                else replace_item(screen.plan.state, new)
            )
            asked = needs_reason("action", changes)
            summary = f"Changed action {label}: {_changed(changes)}"
            revision = screen.plan.revision("action", new.id, summary, changes, asked=asked)
        screen.commit(state, [revision], RowKey("action", new.id))
        if asked:
            ask_reason(screen, revision)

    initial = initial_values(base, specs)
    if action is None:
        initial["text"] = ""
    heading = "Edit action" if action else "New action · in the client's words"
    form = PlanItemForm(heading, specs, initial, screen.today(), action_preview(base, screen.today()))
    screen.app.push_screen(form, done)


def _checkin_form(
    screen: PlanEditorScreen,
    checkin: CheckIn | None,
    after_id: str | None = None,
    typed: dict[str, Any] | None = None,
) -> None:
    base = checkin or CheckIn(client_id=screen.plan.client.id)

    def done(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        if values.get("at_session") is None and values.get("on_date") is None:
            screen.notify("A check-in point needs a session number or a date.", severity="warning")
            _checkin_form(screen, checkin, after_id, values)
            return
        if (new := _applied(screen, base, values)) is None:
            return
        if checkin is None:
            state = insert_checkin(screen.plan.state, new, after_id)
            revision = screen.plan.revision(
                "checkin", new.id, "Added a check-in point", diff_records(None, new)
            )
        else:
            changes = diff_records(checkin, new)
            if not changes:
                return
            state = replace_item(screen.plan.state, new)
            revision = screen.plan.revision(
                "checkin", new.id, f"Changed check-in: {_changed(changes)}", changes
            )
        screen.commit(state, [revision], RowKey("checkin", new.id))

    initial = typed or initial_values(base, CHECKIN_FIELDS)
    heading = "Edit check-in point" if checkin else "New check-in point"
    screen.app.push_screen(PlanItemForm(heading, CHECKIN_FIELDS, initial, screen.today()), done)


def hold_checkin_form(screen: PlanEditorScreen, checkin: CheckIn) -> None:
    """Hold a check-in with the client: what is working, what is not, how to adjust, progress 0-10."""

    def done(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        try:
            new = held_checkin(checkin, values)
        except ValidationError as error:
            screen.notify(f"Not saved: {error.errors()[0]['msg']}", severity="error")
            return
        changes = diff_records(checkin, new)
        if not changes:
            return
        summary = f"Held check-in {'on ' + str(new.held_on) if new.done else ': not held after all'}"
        revision = screen.plan.revision("checkin", new.id, summary, changes)
        screen.commit(replace_item(screen.plan.state, new), [revision], RowKey("checkin", new.id))

    screen.app.push_screen(hold_checkin_dialog(checkin, screen.today()), done)


# --- reasons, the agreement, a new cycle -------------------------------------------------


def ask_reason(screen: PlanEditorScreen, revision: PlanRevision) -> None:
    """Ask why (and whether the client decided); the answer completes the saved revision."""
    lines = [describe_change(change, screen.plan.names()) for change in revision.changes]

    def answered(answer: ReasonAnswer | None) -> None:
        if answer is not None:
            update = {"reason": answer.reason, "client_decided": answer.client_decided}
            screen.record([revision.model_copy(update=update)])

    screen.app.push_screen(ReasonPrompt(revision.summary, lines), answered)


def agreement_returned(screen: PlanEditorScreen) -> None:
    """Back from the client form: record what changed in the agreement as a revision."""
    before, screen.agreement_before = screen.agreement_before, None
    if before is None:
        return
    try:
        fresh = screen.coach.repository.get_client(screen.plan.client.id)
    except StoreError:
        return
    screen.plan.client = fresh
    changes = diff_records(before.agreement, fresh.agreement)
    if changes:
        screen.record(
            [
                screen.plan.revision(
                    "agreement", fresh.id, f"Changed the agreement: {_changed(changes)}", changes
                )
            ]
        )
    screen.render_plan()
