"""The engagement's last session: the wrap-up says so, and goals for afterwards have their own status."""

from __future__ import annotations

import io
from datetime import timedelta

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from coachtui.domain.models import ActionStatus, Agreement, Client, Goal, GoalStatus, ReviewOutcome
from coachtui.ui.plan.plan_editor import PlanEditorScreen
from coachtui.ui.plan.wrap_up_actions import WrapUpActionsScreen
from coachtui.ui.reflection.reflection import ReflectionScreen
from coachtui.ui.review.overview import ClientOverviewScreen
from tests.conftest import FIXED_NOW
from tests.ui.burst import burst
from tests.ui.plan_data import OUTLINE, PORTFOLIO, ROLE, SHORTLIST, build_plan, stored
from tests.ui.reflection_data import hold_session


async def test_closing_the_last_agreed_session_offers_the_wrap_up(make_app, repo) -> None:
    client = Client(name="Sam Okafor", agreement=Agreement(sessions_planned=2))
    repo.save_client(client)
    hold_session(repo, client, 1, FIXED_NOW - timedelta(days=14))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "s")
        await burst(pilot, ["ctrl+s"])
        await burst(pilot, "closing words", ["f10"])
        await burst(pilot, ["enter"])
        assert isinstance(app.screen, ReflectionScreen)
        messages = [n.message for n in app._notifications]
        assert any("last of the 2 sessions agreed" in m and "'future'" in m for m in messages)


def test_a_goal_for_after_the_engagement_is_future_not_active(repo) -> None:
    client = Client(name="Priya Raman")
    repo.save_client(client)
    repo.save_goal(Goal(client_id=client.id, title="Mentor a junior colleague", status=GoalStatus.FUTURE))
    [goal] = repo.list_goals(client.id)
    assert goal.status is GoalStatus.FUTURE and goal.status.value == "future"


# --- a new cycle asks what becomes of the open actions of the goals it closes -----------------------


async def close_both_goals(pilot: Pilot, client_id: str) -> PlanEditorScreen:
    """Open Dana's plan, n, the first goal achieved, the second dropped, ctrl+s: the wrap-up dialog."""
    pilot.app.open_plan(client_id)
    await pilot.pause()
    plan = pilot.app.screen
    assert isinstance(plan, PlanEditorScreen)
    await pilot.press("n")
    await pilot.press("down", "down", "enter", "enter", "enter")  # achieved; no outcome written
    await pilot.press("space", "down", "down", "down", "down", "enter", "enter")  # dropped
    await pilot.press("ctrl+s")
    dialog = pilot.app.screen
    assert isinstance(dialog, WrapUpActionsScreen)
    listed = [str(option.prompt) for option in dialog.query_one(OptionList).options]
    assert [line.split("] ", 1)[1][:20] for line in listed] == [
        "Shortlist five resea",
        "Outline the case stu",
    ]
    return plan


def plan_text(screen: PlanEditorScreen) -> str:
    lines = "\n".join(str(option.prompt) for option in screen.outline.options)
    return " ".join(lines.split())


async def test_carry_over_and_drop_by_keys_are_saved_with_revisions(make_app, repo, data_dir) -> None:
    dana = build_plan(repo)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await close_both_goals(pilot, dana.id)
        await pilot.press("c", "d")  # the first carried over (the cursor moves on), the second dropped
        await pilot.press("ctrl+s")
        assert app.screen is plan
        text = plan_text(plan)
        assert "Other actions (not linked to a goal) ○ Shortlist five research roles" in text
        assert "Open actions of closed goals" not in text
    state, revisions, client = stored(data_dir, dana.id)
    actions = {a.id: a for a in state.actions}
    assert client.cycle == 2
    assert (actions[SHORTLIST].status, actions[SHORTLIST].goal_id) == (ActionStatus.OPEN, None)
    assert (actions[OUTLINE].status, actions[OUTLINE].goal_id) == (ActionStatus.DROPPED, PORTFOLIO)
    about = {r.target_id: r for r in revisions if r.target_kind == "action"}
    assert about[SHORTLIST].summary.startswith("Carried over 'Shortlist five research roles' into cycle 2")
    assert about[SHORTLIST].changes[0].model_dump() == {"field": "goal_id", "before": ROLE, "after": ""}
    assert about[OUTLINE].summary.startswith("Dropped 'Outline the case study'")
    assert {about[SHORTLIST].reason, about[OUTLINE].reason} == {"wrap-up of cycle 1"}


async def test_shift_x_closes_every_one_as_not_done_and_u_undoes_it_all(make_app, repo, data_dir) -> None:
    dana = build_plan(repo)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await close_both_goals(pilot, dana.id)
        await pilot.press("X", "ctrl+s")
        assert app.screen is plan
        actions = {a.id: a for a in repo.list_actions(dana.id)}
        for action_id in (SHORTLIST, OUTLINE):
            assert actions[action_id].status is ActionStatus.NOT_DONE
            assert actions[action_id].reviews[-1].outcome is ReviewOutcome.NOT_DONE
        assert "✗ Shortlist five research roles" not in plan_text(plan)  # under an earlier goal: not listed
        await pilot.press("u")
    state, _, client = stored(data_dir, dana.id)
    assert client.cycle == 1
    assert {a.id: a.status for a in state.actions}[SHORTLIST] is ActionStatus.OPEN


async def test_escape_decides_later_and_the_plan_and_overview_show_them(make_app, repo, data_dir) -> None:
    dana = build_plan(repo)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await close_both_goals(pilot, dana.id)
        await pilot.press("escape")
        assert app.screen is plan
        text = plan_text(plan)
        assert "Open actions of closed goals ○ Shortlist five research roles" in text
        assert "goal 'Land a UX research role' · cycle 1 · achieved" in text
        assert "Outline the case study" in text
        await pilot.press("escape")
        app.open_overview(dana.id)
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, ClientOverviewScreen)
        console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
        console.print(overview.query_one("#overview-actions", Static).content)
        shown = console.export_text()
        assert "Open actions (1), overdue first" in shown  # Read Just Enough Research, linked to no goal
        assert "Open actions of closed goals (2): carry over, close or drop" in shown
        assert "goal 'Land a UX research role': achieved (cycle 1)" in shown
    state, _, client = stored(data_dir, dana.id)
    assert client.cycle == 2
    assert {a.id: a.status for a in state.actions}[OUTLINE] is ActionStatus.OPEN
