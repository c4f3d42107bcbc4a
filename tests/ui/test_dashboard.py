"""The accountability dashboard on the demo practice: an outcome recorded between sessions, filters (Pilot)."""

from __future__ import annotations

from textual.widgets import DataTable

from coachtui.domain.models import ActionStatus, ReviewOutcome
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.review.dashboard import AccountabilityDashboardScreen


async def open_dashboard(pilot) -> AccountabilityDashboardScreen:
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("a")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AccountabilityDashboardScreen)
    return screen


async def test_an_outcome_recorded_on_the_dashboard_is_on_disk(practice, make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_dashboard(pilot)
        await pilot.press("down")  # row 0 is the first group's heading
        row = screen.highlighted()
        assert row is not None
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*"tried twice")
        await pilot.press("enter")
        await pilot.pause()
        saved = next(a for a in practice.list_actions(row.action.client_id) if a.id == row.action.id)
        assert saved.status is ActionStatus.PARTLY
        assert saved.reviews[-1].outcome is ReviewOutcome.PARTLY
        assert saved.reviews[-1].learning == "tried twice"
        assert saved.reviews[-1].session_id is None
        assert row.action.id not in screen._rows  # no longer open, no longer on the dashboard


async def test_filters_narrow(practice, make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_dashboard(pilot)
        table = screen.query_one(DataTable)
        everything = len(screen._rows)
        await pilot.press("down")
        row = screen.highlighted()
        assert row is not None
        await pilot.press("f")
        await pilot.pause()
        assert {r.client_name for r in screen._rows.values()} == {row.client_name}
        assert len(screen._rows) < everything
        await pilot.press("x", "o")
        await pilot.pause()
        assert all(r.group == "Overdue" for r in screen._rows.values())
        assert len(screen._rows) < everything
        await pilot.press("x")
        await pilot.pause()
        assert len(screen._rows) == everything
        assert table.row_count > everything


async def test_the_next_live_review_shows_what_the_dashboard_recorded(practice, make_app):
    """The live review opens on the OPEN actions only: one reviewed on the dashboard is not asked again."""
    from textual.widgets import OptionList

    from coachtui.ui.live.accountability import AccountabilityScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_dashboard(pilot)
        await pilot.press("down")
        row = screen.highlighted()
        assert row is not None
        client_id = row.action.client_id
        await pilot.press("n", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        names = [c.name for c in practice.list_clients()]
        for _ in range(names.index(row.client_name)):
            await pilot.press("down")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        review = app.screen
        still_open = [
            a
            for a in practice.list_actions(client_id)
            if a.status is ActionStatus.OPEN and a.created_at < app.clock()
        ]
        assert isinstance(review, AccountabilityScreen)
        ids = [o.id for o in review.query_one("#review-list", OptionList).options]
        assert row.action.id not in ids
        assert ids and set(ids) == {a.id for a in still_open}
