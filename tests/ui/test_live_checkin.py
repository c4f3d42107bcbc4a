"""A check-in point that falls on the session is held in the live session: the four questions, recorded
in the plan, and shown there."""

from __future__ import annotations

from coachtui.domain.models import CheckIn
from coachtui.ui.live.live_session import LiveSessionScreen
from coachtui.ui.plan.plan_item_form import PlanItemForm
from tests.conftest import FIXED_NOW
from tests.ui.burst import burst


async def test_the_check_in_of_this_session_is_held_by_f12(make_app, repo, dana) -> None:
    repo.save_checkin(CheckIn(client_id=dana.id, at_session=1, focus="Halfway: still the right goal?"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "s")
        await burst(pilot, ["ctrl+s"])
        screen = app.screen
        assert isinstance(screen, LiveSessionScreen)
        assert any("check-in point on this session" in n.message for n in app._notifications)
        await burst(pilot, ["f12"])
        assert isinstance(app.screen, PlanItemForm)
        await burst(
            pilot, "Saying no more often", ["enter"], "Evenings", ["enter"], "Fewer actions", ["enter"]
        )
        await burst(pilot, "6", ["ctrl+s"])
        assert app.screen is screen and screen.notes.has_focus
        await burst(pilot, ["f12"])  # held now: nothing more falls on this session
        assert app.screen is screen
    [held] = repo.list_checkins(dana.id)
    assert (held.done, held.held_on, held.client_progress) == (True, FIXED_NOW.date(), 6)
    assert (held.working, held.not_working, held.adjust) == (
        "Saying no more often",
        "Evenings",
        "Fewer actions",
    )
    assert any(r.summary == "Held check-in in session 1" for r in repo.list_revisions(dana.id))
