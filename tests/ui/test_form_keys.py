"""Every form, typed in one burst: letters, then at once the key that moves on (Enter, Tab) or saves
(ctrl+s), then the next field's letters. Every letter must be found in the field it was typed for,
read back from the repository or the form's result. And the hints follow the coach's keymap."""

from __future__ import annotations

from datetime import date

import pytest

from coachtui.config import Settings
from coachtui.domain.models import ActionStatus, Goal, GoalStatus, RatingKind
from coachtui.ui.app import make_app as app_factory
from coachtui.ui.home.client_form import ClientFormScreen
from coachtui.ui.live.action_builder import ActionBuilderScreen
from coachtui.ui.live.live_session import LiveSessionScreen
from coachtui.ui.live.scaling import ScalingScreen
from coachtui.ui.plan.plan_outline import RowKey
from coachtui.ui.shared.reason_prompt import ReasonPrompt
from tests.ui.burst import burst
from tests.ui.plan_data import PORTFOLIO, ROLE, build_plan, stored
from tests.ui.test_plan_editor import go_to, open_plan

PLAN_SIZE = (100, 40)


@pytest.fixture
def goal(repo, dana) -> Goal:
    goal = Goal(client_id=dana.id, title="Move into UX research")
    repo.save_goal(goal)
    return goal


async def _live(pilot, *keys) -> LiveSessionScreen:
    await burst(pilot, "s", ["ctrl+s"], *keys)
    screen = pilot.app.screen
    assert isinstance(screen, LiveSessionScreen)
    return screen


# --- the client form -------------------------------------------------------------------------


async def test_the_name_error_goes_once_a_name_is_typed_and_the_others_stay(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await burst(pilot, "n")
        form = app.screen
        assert isinstance(form, ClientFormScreen)
        form.query_one("#start_date").value = "someday"
        await burst(pilot, ["ctrl+s"])
        assert form.query_one("#field-name").has_class("-invalid")
        await burst(pilot, "Sam")
        assert not form.query_one("#field-name").has_class("-invalid")
        assert form.query_one("#field-start_date").has_class("-invalid")
        await burst(pilot, ["tab"], "sam@example.org", ["tab"], "0700")
        form.query_one("#start_date").value = "mon"
        await burst(pilot, ["ctrl+s"])
    [client] = repo.list_clients()
    assert (client.name, client.email, client.phone) == ("Sam", "sam@example.org", "0700")


# --- the live session's dialogs ----------------------------------------------------------------


async def test_start_session_goal_enter_past_the_model_then_minutes(make_app, dana) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "s", "A clear next step", ["enter", "enter"], "45", ["ctrl+s"], "first note")
        screen = app.screen
        assert isinstance(screen, LiveSessionScreen)
        session = screen.live.session
        assert (session.goal, session.planned_minutes, session.framework) == ("A clear next step", 45, "grow")
        assert screen.notes.text.endswith("\nfirst note")


async def test_action_builder_enter_visits_every_field_the_goal_too(make_app, dana, goal) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live(pilot)
        fields = [
            "Send my CV", ["enter"], "fri", ["enter"], ["enter"], "Both emails sent", ["enter"],
            "Learn the work", ["enter"], "Maya's intro", ["enter"], "Fear of bothering", ["enter"],
            "Ask Maya", ["enter"], "Message the coach", ["enter"], "8",
        ]  # fmt: skip
        await burst(pilot, ["ctrl+l"], *fields, ["ctrl+s"], "after")
        assert app.screen is screen
        assert screen.notes.text.endswith("\nafter")
        [action] = screen.live.agreed
    assert (action.text, action.due, action.goal_id) == ("Send my CV", date(2026, 11, 27), goal.id)
    assert (action.measure, action.expected, action.support) == (
        "Both emails sent",
        "Learn the work",
        "Maya's intro",
    )
    assert (action.barriers, action.backup, action.accountability, action.commitment) == (
        "Fear of bothering",
        "Ask Maya",
        "Message the coach",
        8,
    )


async def test_scaling_enter_records_from_the_number_and_from_a_choice(make_app, dana, goal) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live(pilot)
        await burst(pilot, ["ctrl+g"], "7", ["enter"], ["ctrl+g"], "4", ["tab", "enter"], "noted")
        assert app.screen is screen
        ratings = [(r.kind, r.value, r.goal_id) for r in screen.live.session.ratings]
        assert ratings == [(RatingKind.PROGRESS, 7, goal.id), (RatingKind.PROGRESS, 4, goal.id)]
        assert screen.notes.text.endswith("\nnoted")


async def test_closing_takes_the_check_in_date_typed_right_after_f10(make_app, repo, dana) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _live(pilot)
        await burst(pilot, "last words", ["f10"], "+2w", ["enter"])
    [session] = repo.list_sessions(dana.id)
    assert [note.text for note in session.notes] == ["last words"]
    assert session.next_checkin == date(2026, 12, 7)


# --- the plan's forms ----------------------------------------------------------------------------


async def test_goal_form_enter_down_the_fields(make_app, repo, data_dir) -> None:
    client = build_plan(repo)
    app = make_app()
    async with app.run_test(size=PLAN_SIZE) as pilot:
        screen = await open_plan(pilot, client.id)
        await go_to(pilot, screen, RowKey("goal", ROLE))
        fields = [
            "Speak at a meetup", ["enter"], "One talk", ["enter"], "A talk given", ["enter"],
            "Has presented before", ["enter"], "Growth", ["enter"], "2027-03-01", ["enter"],
            ["enter"], "3",
        ]  # fmt: skip
        await burst(pilot, "a", *fields, ["ctrl+s"])
        if isinstance(app.screen, ReasonPrompt):  # whether a new goal asks why is the editor's rule
            await burst(pilot, ["escape"])
        assert app.screen is screen
    state, revisions, _ = stored(data_dir, client.id)
    added = state.goals[1]
    assert (added.title, added.specific, added.measure) == ("Speak at a meetup", "One talk", "A talk given")
    assert (added.achievable, added.relevant) == ("Has presented before", "Growth")
    assert (added.target_date, added.planned_sessions) == (date(2027, 3, 1), 3)
    assert revisions[-1].summary == "Added goal 'Speak at a meetup'"


async def test_reason_prompt_letters_around_ctrl_t_stay_in_the_reason(make_app, repo, data_dir) -> None:
    client = build_plan(repo)
    app = make_app()
    async with app.run_test(size=PLAN_SIZE) as pilot:
        screen = await open_plan(pilot, client.id)
        await go_to(pilot, screen, RowKey("goal", ROLE))
        await burst(pilot, ["enter", "end"], " soon", ["ctrl+s"], "Dana", ["ctrl+t"], " chose it", ["enter"])
        assert app.screen is screen
    _, revisions, _ = stored(data_dir, client.id)
    assert revisions[-1].changes[0].after == "Land a UX research role soon"
    assert (revisions[-1].reason, revisions[-1].client_decided) == ("Dana chose it", False)


async def test_new_cycle_statuses_outcomes_and_future_goals_in_one_burst(make_app, repo, data_dir) -> None:
    client = build_plan(repo)
    app = make_app()
    async with app.run_test(size=PLAN_SIZE) as pilot:
        screen = await open_plan(pilot, client.id)
        await burst(
            pilot,
            "n",
            ["down", "down", "enter", "enter"],  # the first goal's menu: achieved; on to its outcome
            "Offer signed",
            ["enter", "space", "down", "down", "down", "down", "enter"],  # the second goal: dropped
            ["enter", "enter"],  # no outcome: on to the first future goal
            "Lead a research guild",
            ["enter"],
            "Mentor a junior",
            ["ctrl+s"],
            "D",  # the wrap-up of the closed goals' open actions: drop them all
            ["ctrl+s"],
        )
        assert app.screen is screen
    state, _, client = stored(data_dir, client.id)
    assert client.cycle == 2
    closed = {ROLE, PORTFOLIO}
    assert [a.text for a in state.actions if a.goal_id in closed and a.status is ActionStatus.OPEN] == []
    assert any(a.status is ActionStatus.DROPPED for a in state.actions if a.goal_id in closed)
    statuses = {g.id: (g.status, g.outcome) for g in state.goals}
    assert statuses[ROLE] == (GoalStatus.ACHIEVED, "Offer signed")
    assert statuses[PORTFOLIO][0] is GoalStatus.DROPPED
    assert [g.title for g in state.goals if g.cycle == 2] == ["Lead a research guild", "Mentor a junior"]


# --- hints follow the keymap ---------------------------------------------------------------------


async def test_a_remapped_save_key_is_shown_in_the_hint_and_saves(repo, clock, dana) -> None:
    settings = Settings(keymap={"builder.save": "ctrl+r", "scaling.save": "f9"})
    app = app_factory(settings, repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live(pilot)
        await burst(pilot, ["ctrl+l"])
        assert isinstance(app.screen, ActionBuilderScreen)
        keys = str(app.screen.query_one("#form-hint").render())
        assert "^r save" in keys and "^s" not in keys
        assert "enter next field" in keys and "esc cancel" in keys
        await burst(pilot, "Call Maya", ["ctrl+r"], ["ctrl+g"])
        assert [a.text for a in screen.live.agreed] == ["Call Maya"]
        assert isinstance(app.screen, ScalingScreen)
        assert "enter or f9 record" in str(app.screen.query_one("#form-hint").render())
