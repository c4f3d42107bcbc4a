"""Tests of revision records and the plan's pure edits: what a change changed, and undo-safe copies."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from coachtui.domain.models import (
    Action,
    ActionStatus,
    CheckIn,
    CoachingPlan,
    FieldChange,
    Goal,
    GoalStatus,
    Horizon,
    Metric,
    PlanState,
)
from coachtui.domain.plan_edits import (
    STATUS_CYCLE,
    close_cycle,
    copy_state,
    delete_goal,
    insert_action,
    insert_checkin,
    insert_goal,
    move,
    next_status,
    renumber,
    sibling_place,
    with_values,
)
from coachtui.domain.revisions import (
    describe_change,
    diff_records,
    field_label,
    format_value,
    make_revision,
    needs_reason,
    short,
)


def goal(title: str = "Land a research role", **values: object) -> Goal:
    return Goal(client_id="c1", title=title, **values)  # type: ignore[arg-type]


def state_with(goals: list[Goal], actions: list[Action] | None = None) -> PlanState:
    return PlanState(plan=CoachingPlan(client_id="c1"), goals=goals, actions=actions or [])


# --- diffing records ---------------------------------------------------------------------------


def test_diff_lists_each_changed_field_with_its_text_before_and_after() -> None:
    before = goal(target_date=date(2027, 2, 21), metric=Metric(baseline=0, target=5))
    after = before.model_copy(
        update={
            "target_date": date(2027, 4, 22),
            "horizon": Horizon.DISTAL,
            "metric": Metric(baseline=0, target=6.5, unit="talks"),
        }
    )
    assert diff_records(before, after) == [
        FieldChange(field="target_date", before="2027-02-21", after="2027-04-22"),
        FieldChange(field="horizon", before="proximal", after="distal"),
        FieldChange(field="metric.target", before="5", after="6.5"),
        FieldChange(field="metric.unit", before="", after="talks"),
    ]


def test_diff_ignores_bookkeeping_fields() -> None:
    before = goal()
    after = before.model_copy(update={"position": 4, "created_at": datetime(2020, 1, 1)})
    assert diff_records(before, after) == []


def test_diff_of_an_added_record_lists_what_was_filled_in() -> None:
    added = Action(client_id="c1", text="Call Mei", due=date(2026, 11, 27), commitment=8)
    fields = [change.field for change in diff_records(None, added)]
    assert fields == ["text", "due", "commitment", "status"]
    assert all(change.before == "" for change in diff_records(None, added))


def test_diff_of_a_deleted_record_empties_every_filled_field() -> None:
    changes = diff_records(goal(measure="an offer"), None)
    assert ("measure", "an offer", "") in [(c.field, c.before, c.after) for c in changes]


def test_values_are_stored_as_readable_text() -> None:
    assert format_value(None) == ""
    assert format_value(2.0) == "2"
    assert format_value(True) == "yes"
    assert format_value(["curiosity", "craft"]) == "curiosity, craft"
    assert format_value(ActionStatus.NOT_DONE) == "not_done"
    assert format_value(datetime(2026, 11, 23, 10, 0)) == "2026-11-23T10:00:00"


def test_a_change_reads_in_coaching_words_with_goal_titles_for_ids() -> None:
    change = FieldChange(field="goal_id", before="g1", after="")
    assert describe_change(change, {"g1": "Land a role"}) == "goal: Land a role → (empty)"
    assert describe_change(FieldChange(field="metric.baseline", before="0", after="2")) == "baseline: 0 → 2"
    status = FieldChange(field="status", before="active", after="partly_achieved")
    assert describe_change(status) == "status: active → partly achieved"
    assert field_label("at_session") == "at session"
    assert field_label("some_new.field") == "some new field"


def test_a_reason_is_asked_when_something_the_client_agreed_changes() -> None:
    due = [FieldChange(field="due", before="2026-11-27", after="2026-12-04")]
    words = [FieldChange(field="text", before="a", after="b")]
    title = [FieldChange(field="title", before="a", after="b")]
    target = [FieldChange(field="metric.target", before="5", after="8")]
    assert needs_reason("goal", title) and needs_reason("goal", target)
    assert needs_reason("goal", [FieldChange(field="target_date", before="", after="2027-01-31")])
    assert not needs_reason("goal", title, added=True)  # a new goal is its own reason
    assert not needs_reason("goal", [FieldChange(field="position", before="0", after="1")])
    assert needs_reason("action", due)
    assert not needs_reason("action", words)
    assert not needs_reason("action", due, added=True)
    assert not needs_reason("checkin", due)


def test_make_revision_and_short() -> None:
    revision = make_revision(
        "c1", datetime(2026, 11, 23, 10), "goal", "g1", "Changed", [], client_decided=False
    )
    assert (revision.target_kind, revision.client_decided, revision.reason) == ("goal", False, "")
    assert short("a  long\ntitle", 40) == "a long title"
    assert short("x" * 50, 10) == "x" * 9 + "…"


@given(st.text(max_size=30), st.text(max_size=30))
def test_diff_finds_a_title_change_exactly_when_the_title_changed(old: str, new: str) -> None:
    before = goal(title=old or "-")
    after = before.model_copy(update={"title": new or "-"})
    changes = diff_records(before, after)
    assert bool(changes) == ((old or "-") != (new or "-"))


# --- pure edits --------------------------------------------------------------------------------


def test_edits_never_touch_the_state_they_were_given() -> None:
    original = state_with([goal("A"), goal("B")])
    kept = original.model_dump()
    insert_goal(original, goal("C"), original.goals[0].id)
    move(original, original.goals[0], 1)
    delete_goal(original, original.goals[1].id)
    copy_state(original).goals[0].title = "changed"
    assert original.model_dump() == kept


def test_insert_goal_after_another_or_first() -> None:
    a, b = goal("A"), goal("B")
    state = insert_goal(state_with([a, b]), goal("C"), a.id)
    assert [g.title for g in state.goals] == ["A", "C", "B"]
    assert [g.title for g in insert_goal(state, goal("D")).goals] == ["D", "A", "C", "B"]


def test_insert_action_goes_after_its_goals_last_action_by_default() -> None:
    a, b = goal("A"), goal("B")
    actions = [Action(client_id="c1", text=t, goal_id=g.id) for t, g in (("a1", a), ("b1", b), ("a2", a))]
    state = insert_action(state_with([a, b], actions), Action(client_id="c1", text="a3", goal_id=a.id))
    assert [x.text for x in state.actions] == ["a1", "b1", "a2", "a3"]
    state = insert_action(state, Action(client_id="c1", text="a1½", goal_id=a.id), actions[0].id)
    assert [x.text for x in state.actions] == ["a1", "a1½", "b1", "a2", "a3"]


def test_move_swaps_siblings_and_refuses_past_the_ends() -> None:
    a, b = goal("A"), goal("B")
    actions = [Action(client_id="c1", text=t, goal_id=g.id) for t, g in (("a1", a), ("b1", b), ("a2", a))]
    state = state_with([a, b], actions)
    moved = move(state, actions[0], 1)
    assert moved is not None
    assert [x.text for x in moved.actions] == ["a2", "b1", "a1"]
    assert sibling_place(state, actions[0]) == 1 and sibling_place(moved, actions[0]) == 2
    assert move(moved, actions[0], 1) is None
    assert move(state, a, -1) is None


def test_move_keeps_goals_within_their_cycle() -> None:
    old, new1, new2 = goal("old", cycle=1), goal("new1", cycle=2), goal("new2", cycle=2)
    state = state_with([old, new1, new2])
    assert move(state, new1, -1, same_cycle=2) is None
    moved = move(state, new1, 1, same_cycle=2)
    assert moved is not None and [g.title for g in moved.goals] == ["old", "new2", "new1"]


def test_delete_goal_takes_its_actions_with_it() -> None:
    a, b = goal("A"), goal("B")
    actions = [
        Action(client_id="c1", text="a1", goal_id=a.id),
        Action(client_id="c1", text="b1", goal_id=b.id),
    ]
    state, removed = delete_goal(state_with([a, b], actions), a.id)
    assert [g.title for g in state.goals] == ["B"]
    assert [x.text for x in state.actions] == ["b1"] and [x.text for x in removed] == ["a1"]


def test_insert_checkin_first_or_after_another() -> None:
    state = state_with([])
    first = CheckIn(client_id="c1", at_session=4)
    state = insert_checkin(insert_checkin(state, first), CheckIn(client_id="c1", at_session=8), first.id)
    state = insert_checkin(state, CheckIn(client_id="c1", at_session=2))
    assert [c.at_session for c in state.checkins] == [2, 4, 8]


def test_renumber_writes_the_list_order_into_position() -> None:
    state = renumber(state_with([goal("A", position=7), goal("B", position=3)]))
    assert [g.position for g in state.goals] == [0, 1]


def test_status_cycle_starts_with_done_and_comes_back_to_open() -> None:
    assert next_status(ActionStatus.OPEN) is ActionStatus.DONE
    status = ActionStatus.OPEN
    for _ in STATUS_CYCLE:
        status = next_status(status)
    assert status is ActionStatus.OPEN
    assert set(STATUS_CYCLE) == set(ActionStatus)


def test_with_values_sets_nested_fields_and_validates() -> None:
    changed = with_values(goal(), {"metric.target": 5.0, "title": "New title", "planned_sessions": 3})
    assert (changed.metric.target, changed.title, changed.planned_sessions) == (5.0, "New title", 3)
    with pytest.raises(ValidationError):
        with_values(goal(), {"planned_sessions": 0})


def test_close_cycle_closes_goals_keeps_their_cycle_and_adds_future_goals() -> None:
    a, b = goal("A"), goal("B")
    closures = {a.id: (GoalStatus.ACHIEVED, "Offer signed"), b.id: (GoalStatus.DROPPED, "")}
    state, added = close_cycle(state_with([a, b]), closures, ["Lead a guild"], "c1", 2)
    assert [(g.status, g.outcome, g.cycle) for g in state.goals[:2]] == [
        (GoalStatus.ACHIEVED, "Offer signed", 1),
        (GoalStatus.DROPPED, "", 1),
    ]
    assert [(g.title, g.cycle, g.status) for g in added] == [("Lead a guild", 2, GoalStatus.ACTIVE)]
    assert state.goals[2] == added[0]
