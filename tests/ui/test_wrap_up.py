"""The engagement's last session: the wrap-up says so, and goals for afterwards have their own status."""

from __future__ import annotations

from datetime import timedelta

from coachtui.domain.models import Agreement, Client, Goal, GoalStatus
from coachtui.ui.reflection.reflection import ReflectionScreen
from tests.conftest import FIXED_NOW
from tests.ui.burst import burst
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
