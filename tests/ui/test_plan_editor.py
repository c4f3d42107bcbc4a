"""The plan editor, key by key, checked against what the repository stored (read back from disk)."""

from __future__ import annotations

from datetime import date

import pytest
from textual.pilot import Pilot

from coachtui.domain.models import ActionStatus, GoalStatus
from coachtui.store.errors import SaveError
from coachtui.ui.home.client_form import ClientFormScreen
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.plan.new_cycle import NewCycleScreen
from coachtui.ui.plan.plan_editor import PlanEditorScreen
from coachtui.ui.plan.plan_item_form import PlanItemForm
from coachtui.ui.plan.plan_outline import RowKey
from coachtui.ui.plan.revision_history import RevisionHistoryScreen
from coachtui.ui.shared.help import HelpScreen
from coachtui.ui.shared.reason_prompt import ReasonPrompt
from tests.conftest import FIXED_NOW
from tests.ui.plan_data import (
    MESSAGE,
    MIDPOINT,
    OUTLINE,
    PORTFOLIO,
    READ,
    ROLE,
    SHORTLIST,
    WRAPUP,
    build_plan,
    stored,
)

SIZE = (100, 40)


@pytest.fixture
def dana(repo):
    return build_plan(repo)


async def open_plan(pilot: Pilot, client_id: str) -> PlanEditorScreen:
    pilot.app.open_plan(client_id)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlanEditorScreen)
    return screen


async def go_to(pilot: Pilot, screen: PlanEditorScreen, key: RowKey) -> None:
    """Walk down from the top with j until the row of ``key`` is highlighted."""
    await pilot.press("g")
    for _ in range(30):
        if screen.current() == key:
            return
        await pilot.press("j")
    raise AssertionError(f"{key} is not in the outline")


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


def outline_text(screen: PlanEditorScreen) -> str:
    """The outline's words, wrapped lines joined again, so a test does not depend on the width."""
    lines = "\n".join(option.prompt.plain for option in screen.outline.options)  # type: ignore[union-attr]
    return " ".join(lines.split())


async def test_j_k_and_arrows_move_the_cursor_and_d_deletes_the_item_under_it(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        assert screen.current() == RowKey("vision")
        await pilot.press("j", "j", "j")
        assert screen.current() == RowKey("action", SHORTLIST)
        await pilot.press("k")
        assert screen.current() == RowKey("goal", ROLE)
        await pilot.press("down", "down", "up")
        assert screen.current() == RowKey("action", SHORTLIST)
        await pilot.press("d")
    state, revisions, _ = stored(data_dir, dana.id)
    assert [a.id for a in state.actions] == [MESSAGE, OUTLINE, READ]
    assert revisions[-1].summary == "Deleted action 'Shortlist five research roles'"
    assert revisions[-1].target_id == SHORTLIST


async def test_enter_edits_a_goal_and_the_reason_is_recorded(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("goal", ROLE))
        await pilot.press("enter")
        assert isinstance(app.screen, PlanItemForm)
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "Land a UX research role by April")
        for _ in range(5):  # title, specific, measure, achievable, relevant: on to the target date
            await pilot.press("enter")
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "2027-05-31")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReasonPrompt)
        await type_text(pilot, "Dana chose a later date")
        await pilot.press("ctrl+t", "enter")
        assert app.screen is screen
    state, revisions, _ = stored(data_dir, dana.id)
    goal = state.goals[0]
    assert goal.title == "Land a UX research role by April"
    assert goal.target_date == date(2027, 5, 31)
    last = revisions[-1]
    assert last.target_kind == "goal" and last.target_id == ROLE
    assert [(c.field, c.before, c.after) for c in last.changes] == [
        ("title", "Land a UX research role", "Land a UX research role by April"),
        ("target_date", "2027-04-22", "2027-05-31"),
    ]
    assert last.reason == "Dana chose a later date"
    assert last.client_decided is False  # ctrl+t turned "the client decided" off
    assert last.at.isoformat() == "2026-11-23T10:00:00"


async def test_a_adds_a_goal_with_a_metric_below_and_asks_no_reason(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("goal", ROLE))
        await pilot.press("a")
        assert isinstance(app.screen, PlanItemForm)
        await type_text(pilot, "Speak at a meetup")
        form = app.screen
        form.query_one("#f-metric-baseline").value = "0"
        form.query_one("#f-metric-target").value = "1"
        form.query_one("#f-metric-name").value = "talks given"
        await pilot.press("ctrl+s")  # a new goal is its own reason: no "why this change?"
        assert app.screen is screen
        assert "Speak at a meetup · proximal ⚠" not in outline_text(screen)
        assert "⚠ achievable? · not linked to vision · no date · no planned sessions" in outline_text(screen)
        assert "talks given: 0 → 1" in outline_text(screen)
    state, revisions, _ = stored(data_dir, dana.id)
    assert [g.title for g in state.goals] == ["Land a UX research role", "Speak at a meetup", "Portfolio"]
    added = state.goals[1]
    assert (added.metric.baseline, added.metric.target, added.cycle) == (0, 1, 1)
    assert revisions[-1].summary == "Added goal 'Speak at a meetup'"
    assert (revisions[-1].reason, revisions[-1].client_decided) == ("", True)  # set with the client


async def test_shift_a_adds_an_action_under_the_goal(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("goal", PORTFOLIO))
        await pilot.press("A")
        await type_text(pilot, "Ask Ana to review it")
        await pilot.press("enter", "enter")  # past the goal (already this one) to the due date
        await type_text(pilot, "fri")
        await pilot.press("ctrl+s")
        assert app.screen is screen
    state, revisions, _ = stored(data_dir, dana.id)
    added = [a for a in state.actions if a.text == "Ask Ana to review it"]
    assert len(added) == 1 and added[0].goal_id == PORTFOLIO
    assert added[0].due == date(2026, 11, 27)
    assert [a.id for a in state.actions if a.goal_id == PORTFOLIO] == [OUTLINE, added[0].id]
    assert revisions[-1].summary == "Added action 'Ask Ana to review it'"


async def test_u_undoes_several_changes_and_restores_the_plan_exactly(make_app, dana, data_dir):
    before, revisions_before, _ = stored(data_dir, dana.id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", SHORTLIST))
        await pilot.press("space", "J", "d")  # done, moved down, deleted
        await go_to(pilot, screen, RowKey("checkin", MIDPOINT))
        await pilot.press("d")
        after, _, _ = stored(data_dir, dana.id)
        assert len(after.actions) == 3 and len(after.checkins) == 1
        await pilot.press("u", "u")
        middle, _, _ = stored(data_dir, dana.id)
        assert [a.id for a in middle.actions] == [MESSAGE, SHORTLIST, OUTLINE, READ]
        await pilot.press("u", "u")
        assert screen.current() == RowKey("action", SHORTLIST)
        await pilot.press("u")
        assert "Nothing to undo." in [n.message for n in app._notifications]
    state, revisions, _ = stored(data_dir, dana.id)
    assert state.model_dump() == before.model_dump()
    undone = [r.summary for r in revisions[len(revisions_before) :] if r.summary.startswith("Undid: ")]
    assert len(undone) == 4
    assert undone[-1] == "Undid: Marked action 'Shortlist five research roles' done"


async def test_shift_j_and_k_move_an_action_within_its_goal(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", SHORTLIST))
        await pilot.press("J")
        assert screen.current() == RowKey("action", SHORTLIST)
        moved, revisions, _ = stored(data_dir, dana.id)
        assert [a.id for a in moved.actions if a.goal_id == ROLE] == [MESSAGE, SHORTLIST]
        assert [(c.field, c.before, c.after) for c in revisions[-1].changes] == [("position", "1", "2")]
        await pilot.press("J")  # already last of its goal: nothing moves into the next goal
        await pilot.press("K")
    state, _, _ = stored(data_dir, dana.id)
    assert [a.id for a in state.actions if a.goal_id == ROLE] == [SHORTLIST, MESSAGE]


async def test_shift_j_moves_a_goal_and_its_actions_follow(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("goal", ROLE))
        await pilot.press("J")
        text = outline_text(screen)
        assert text.index("Portfolio") < text.index("Land a UX research role") < text.index("Shortlist")
    state, _, _ = stored(data_dir, dana.id)
    assert [g.id for g in state.goals] == [PORTFOLIO, ROLE]
    assert [g.position for g in state.goals] == [0, 1]


async def test_space_cycles_the_status_but_never_achieves_the_goal(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", SHORTLIST))
        await pilot.press("space")
        assert "all actions done: is the goal achieved?" in outline_text(screen)
        await go_to(pilot, screen, RowKey("goal", ROLE))
        await pilot.press("space")
        assert any("not when its actions are done" in n.message for n in app._notifications)
    state, revisions, _ = stored(data_dir, dana.id)
    assert state.actions[0].status is ActionStatus.DONE
    assert state.goals[0].status is GoalStatus.ACTIVE
    assert [(c.field, c.before, c.after) for c in revisions[-1].changes] == [("status", "open", "done")]


async def test_space_steps_through_every_status_and_holds_a_checkin_by_asking(make_app, dana, data_dir):
    from tests.ui.burst import burst

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", READ))
        await pilot.press("space", "space", "space")
        await go_to(pilot, screen, RowKey("checkin", MIDPOINT))
        await burst(pilot, ["space"])
        assert isinstance(app.screen, PlanItemForm)  # held means asked: the four questions
        await burst(pilot, "Interviews feel easier", ["enter"], "No portfolio yet", ["enter"])
        await burst(pilot, "Two sessions on the portfolio", ["enter"], "7", ["ctrl+s"])
        assert app.screen is screen
        assert "working: Interviews feel easier · not working: No portfolio yet" in outline_text(screen)
        assert "progress 7/10" in outline_text(screen)
    state, _, _ = stored(data_dir, dana.id)
    assert next(a for a in state.actions if a.id == READ).status is ActionStatus.NOT_DONE
    checkin = next(c for c in state.checkins if c.id == MIDPOINT)
    assert (checkin.done, checkin.held_on, checkin.client_progress) == (True, FIXED_NOW.date(), 7)
    assert (checkin.working, checkin.not_working, checkin.adjust) == (
        "Interviews feel easier",
        "No portfolio yet",
        "Two sessions on the portfolio",
    )


async def test_slash_filters_the_outline_and_escape_clears_it(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await pilot.press("slash")
        await type_text(pilot, "zebra")
        assert "Nothing matches 'zebra'" in outline_text(screen)
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "case study")
        assert "Outline the case study" in outline_text(screen)
        assert "Shortlist" not in outline_text(screen)
        await pilot.press("enter")  # keep the filter, back to the outline
        assert screen.outline.has_focus
        await go_to(pilot, screen, RowKey("action", OUTLINE))
        await pilot.press("d")
        await pilot.press("escape")
        assert "Shortlist" in outline_text(screen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    state, _, _ = stored(data_dir, dana.id)
    assert OUTLINE not in [a.id for a in state.actions]


async def test_h_shows_the_history_of_the_goal_with_its_actions(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", SHORTLIST))
        await pilot.press("space", "h")
        history = app.screen
        assert isinstance(history, RevisionHistoryScreen)
        texts = [str(s.render()) for s in history.query(".history-summary, .history-change, .history-reason")]
        assert "Marked action 'Shortlist five research roles' done" in texts
        assert "status: open → done" in texts
        assert "target date: 2027-02-21 → 2027-04-22" in texts
        assert "reason: Dana decided the case study comes first." in texts
        await pilot.press("j", "k", "escape")
        assert app.screen is screen
        await go_to(pilot, screen, RowKey("action", READ))  # not linked to a goal: its own history
        await pilot.press("h")
        assert "Action: Read Just Enough Research" in str(app.screen.query_one("#history-heading").render())


async def test_n_closes_the_cycle_sets_future_goals_and_u_undoes_it(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await pilot.press("n")
        assert isinstance(app.screen, NewCycleScreen)
        await pilot.press("ctrl+s")  # no statuses yet: refused with a message
        assert "has no status yet" in str(app.screen.query_one("#form-error").render())
        await pilot.press("down", "down", "enter", "enter")  # first goal's menu, achieved, on to its outcome
        await type_text(pilot, "Offer signed")
        await pilot.press("enter")
        await pilot.press("space", "down", "down", "down", "down", "enter")  # second goal: dropped
        await pilot.press("enter", "enter")  # no outcome written: on to the future goals
        await type_text(pilot, "Lead a research guild")
        await pilot.press("ctrl+s")
        await pilot.press("escape")  # the open actions of the closed goals: decided later (test_wrap_up)
        assert app.screen is screen
        assert "Earlier cycles" in outline_text(screen)
        assert screen.sub_title.startswith("Dana Ortiz · cycle 2")
        state, revisions, client = stored(data_dir, dana.id)
        assert client.cycle == 2
        statuses = {g.id: (g.status, g.outcome, g.cycle) for g in state.goals}
        assert statuses[ROLE] == (GoalStatus.ACHIEVED, "Offer signed", 1)
        assert statuses[PORTFOLIO][0] is GoalStatus.DROPPED
        future = [g for g in state.goals if g.cycle == 2]
        assert [(g.title, g.status) for g in future] == [("Lead a research guild", GoalStatus.ACTIVE)]
        cycle = next(r for r in revisions if r.target_kind == "cycle")
        assert cycle.changes[0].model_dump() == {"field": "cycle", "before": "1", "after": "2"}
        assert len(revisions) == 1 + 1 + 2 + 1  # the earlier one, the cycle, two closures, one future goal
        await pilot.press("u")
    state, _, client = stored(data_dir, dana.id)
    assert client.cycle == 1
    assert [g.status for g in state.goals] == [GoalStatus.ACTIVE, GoalStatus.ACTIVE]


async def test_escape_goes_back_home_and_p_opens_the_plan_from_home(make_app, dana):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        assert isinstance(app.screen, PlanEditorScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_on_check_ins_needs_a_session_or_a_date(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("checkin", WRAPUP))
        await pilot.press("a", "enter", "enter")
        await type_text(pilot, "Is Dana feeling progress?")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PlanItemForm)  # reopened: neither a session nor a date
        await type_text(pilot, "6")  # the form reopens on the session number
        await pilot.press("ctrl+s")
        assert app.screen is screen
    state, _, _ = stored(data_dir, dana.id)
    assert [(c.at_session, c.focus) for c in state.checkins][-1] == (6, "Is Dana feeling progress?")


async def test_enter_on_vision_edits_vision_and_values(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, dana.id)
        await pilot.press("enter", "enter", "end", "ctrl+u")
        await type_text(pilot, "curiosity, courage")
        await pilot.press("enter")  # enter on the last field saves
    state, revisions, _ = stored(data_dir, dana.id)
    assert state.plan.values == ["curiosity", "courage"]
    assert revisions[-1].target_kind == "plan"
    assert revisions[-1].changes[0].after == "curiosity, courage"


async def test_an_unreadable_date_is_shown_inline_and_nothing_is_saved(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", READ))
        await pilot.press("enter", "enter", "enter", "end", "ctrl+u")
        await type_text(pilot, "someday")
        await pilot.press("ctrl+s")
        form = app.screen
        assert isinstance(form, PlanItemForm)
        assert 'Can\'t read "someday" as a date' in str(form.query_one("#form-error").render())
        assert form.query_one("#row-f-due").has_class("-invalid")
        await pilot.press("escape", "y")
        assert app.screen is screen
    state, _, _ = stored(data_dir, dana.id)
    assert next(a for a in state.actions if a.id == READ).due == date(2026, 12, 4)


async def test_a_changed_due_date_asks_why_and_a_changed_text_does_not(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", READ))
        await pilot.press("enter", "end")
        await type_text(pilot, " again")
        await pilot.press("ctrl+s")
        assert app.screen is screen
        await pilot.press("enter", "enter", "enter", "end", "ctrl+u")
        await type_text(pilot, "+2w")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReasonPrompt)
        await type_text(pilot, "Dana is travelling")
        await pilot.press("enter")
    _, revisions, _ = stored(data_dir, dana.id)
    assert (revisions[-2].changes[0].field, revisions[-2].reason) == ("text", "")
    assert (revisions[-1].changes[0].field, revisions[-1].reason) == ("due", "Dana is travelling")
    assert revisions[-1].client_decided is True


async def test_a_failed_save_keeps_the_edit_and_ctrl_s_saves_it_later(
    make_app, dana, repo, data_dir, monkeypatch
):
    real_save = repo.save_plan_state

    def full_disk(*args, **kwargs):
        raise SaveError(data_dir / "clients" / f"{dana.id}.json", OSError(28, "No space left on device"))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("action", SHORTLIST))
        monkeypatch.setattr(repo, "save_plan_state", full_disk)
        await pilot.press("space")
        banner = screen.query_one("#plan-error")
        assert banner.display and "No space left on device" in str(banner.render())
        assert screen.plan.state.actions[0].status is ActionStatus.DONE  # kept in memory
        assert stored(data_dir, dana.id)[0].actions[0].status is ActionStatus.OPEN
        monkeypatch.setattr(repo, "save_plan_state", real_save)
        await pilot.press("ctrl+s")
        assert not banner.display
    state, revisions, _ = stored(data_dir, dana.id)
    assert state.actions[0].status is ActionStatus.DONE
    assert revisions[-1].summary == "Marked action 'Shortlist five research roles' done"


async def test_enter_on_the_agreement_opens_the_client_form_and_records_the_change(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await pilot.press("G")
        assert screen.current() == RowKey("agreement")
        await pilot.press("enter")
        assert isinstance(app.screen, ClientFormScreen)
        app.screen.query_one("#cadence").value = "every 3 weeks"
        await pilot.press("ctrl+s")
        assert app.screen is screen
        assert "every 3 weeks" in outline_text(screen)
    _, revisions, client = stored(data_dir, dana.id)
    assert client.agreement.cadence == "every 3 weeks"
    assert revisions[-1].target_kind == "agreement"
    assert [(c.field, c.before, c.after) for c in revisions[-1].changes] == [
        ("cadence", "every 2 weeks", "every 3 weeks")
    ]


async def test_smart_gaps_and_progress_are_shown_inline(make_app, dana):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        text = outline_text(await open_plan(pilot, dana.id))
    assert (
        "⚠ not specific · no measure · achievable? · not linked to vision · no date · no planned sessions"
        in text
    )
    assert "hiring-manager talks: 0 → 5 talks (now 1) · actions 1/2 · progress 2→3→5" in text
    assert "⚠ no date · no measure · no accountability · commitment not rated" in text
    assert "Message Mei about her move into research · Fri 20 Nov · done" in text  # not "overdue"


async def test_every_key_is_on_the_help_screen_and_in_the_palette(make_app, dana):
    keys = {"enter", "a", "A", "space", "d", "u", "J", "K", "h", "slash", "n", "escape", "j", "k"}
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        bound = {key for key, active in screen.active_bindings.items() if active.binding.id}
        assert keys <= bound
        ids = {active.binding.id for active in screen.active_bindings.values() if active.binding.id}
        titles = [command.title for command in app.get_system_commands(screen)]
        for description in ("Edit", "Add", "Add child", "Status", "Delete", "Undo", "Move up", "Move down"):
            assert any(title.startswith(f"{description} (") for title in titles), description
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("DataTable")
        listed = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert {i for i in ids if i.startswith("plan.")} <= listed
        await pilot.press("escape")
        palette_titles = [title for title in titles if title.startswith("Undo")]
        assert palette_titles == ["Undo (u)"]


async def test_the_palette_opens_a_clients_plan(make_app, dana):
    from coachtui.ui.commands import ClientCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = ClientCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        assert "Open plan: Dana Ortiz" in titles
        callback = next(cb for title, _, cb in provider._commands() if title == "Open plan: Dana Ortiz")
        callback()
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)


async def test_planned_sessions_take_a_range_as_the_hint_offers(make_app, dana, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, dana.id)
        await go_to(pilot, screen, RowKey("goal", ROLE))
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, PlanItemForm)
        await type_text(pilot, "Speak at a meetup")
        form.query_one("#f-planned_sessions").value = "3-2"
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "the smaller number first" in str(form.query_one("#form-error").render())
        form.query_one("#f-planned_sessions").value = "2-3"
        await pilot.press("ctrl+s")
        assert app.screen is screen
        assert "2-3 sessions" in outline_text(screen)
    state, _, _ = stored(data_dir, dana.id)
    added = next(g for g in state.goals if g.title == "Speak at a meetup")
    assert (added.planned_sessions, added.planned_sessions_max) == (2, 3)
