"""The command palette finds any held session and any open action by typing part of it (Pilot)."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable

from coachtui.ui.palette_match import PaletteEntry, best_matches, spans
from coachtui.ui.review.dashboard import AccountabilityDashboardScreen
from coachtui.ui.review.record import SessionRecordScreen


async def choose(pilot, typed: str) -> list[str]:
    """ctrl+p, type ``typed``, wait for the palette's search to finish; the options' prompts, best first."""
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*typed)
    await palette.workers.wait_for_complete()
    await pilot.pause()
    options = palette.query_one("CommandList").options  # type: ignore[attr-defined]
    return [str(option.prompt) for option in options]


async def test_typing_a_client_and_a_number_opens_that_sessions_record(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await choose(pilot, "session 2 sam")
        assert "Session 2 · Sam Okafor · Fri 16 Oct 2026" in shown[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionRecordScreen)
        assert app.screen.sub_title.startswith("Sam Okafor · session 2")


@pytest.mark.parametrize("typed", ["13 nov", "2026-11-13"])
async def test_a_date_either_way_finds_the_session_held_that_day(make_app, practice, typed) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await choose(pilot, typed)
        assert "Session 3 · Dana Ortiz · Fri 13 Nov 2026" in shown[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionRecordScreen)
        assert app.screen.sub_title.startswith("Dana Ortiz · session 3")


async def test_part_of_an_open_action_opens_the_dashboard_on_it(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await choose(pilot, "crunch card")
        assert shown[0].startswith("Action: Write my crunch-week rule on one card")
        assert "Sam Okafor · due Sat 28 Nov" in shown[0]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AccountabilityDashboardScreen)
        assert screen.client_filter == next(c.id for c in practice.list_clients() if c.name == "Sam Okafor")
        row = screen.highlighted()
        assert row is not None and row.action.text.startswith("Write my crunch-week rule")
        table = screen.query_one(DataTable)
        clients = {str(table.get_row_at(i)[1]) for i in range(table.row_count)} - {""}
        assert clients == {"Sam Okafor"}


async def test_a_session_saved_since_the_last_opening_is_offered(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Session 5 · Priya Raman" in (await choose(pilot, "priya 5"))[0]
        await pilot.press("escape")
        priya = next(c for c in practice.list_clients() if c.name == "Priya Raman")
        latest = practice.list_sessions(priya.id)[-1]
        practice.save_session(latest.model_copy(update={"id": "s0palette0006", "number": 6}))
        assert "Session 6 · Priya Raman" in (await choose(pilot, "priya 6"))[0]


def test_words_match_in_any_order_whole_words_first_and_ties_keep_the_given_order() -> None:
    entries = [
        PaletteEntry("Session 12 · Dana Ortiz · Thu 3 Dec 2026", "", print, "2026-12-03"),
        PaletteEntry("Session 3 · Dana Ortiz · Fri 13 Nov 2026", "", print, "2026-11-13"),
        PaletteEntry("Session 3 · Sam Okafor · Fri 30 Oct 2026", "", print, "2026-10-30"),
    ]
    found = [entry.title for _, entry in best_matches(entries, "dana 3")]
    assert found[0].startswith("Session 3 · Dana")  # "3" whole and early beats the 3rd of December
    assert [e.title for _, e in best_matches(entries, "2026-11-13")] == [entries[1].title]
    assert best_matches(entries, "dana zzz") == [] and best_matches(entries, "  ") == []
    assert len(best_matches(entries * 30, "session", limit=40)) == 40
    assert spans("Session 3 · Dana", "dana 3") == [(12, 16), (8, 9)]
