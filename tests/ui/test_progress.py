"""Progress charts on the demo practice: a client's goals from home and the overview, the practice (Pilot)."""

from __future__ import annotations

from textual.widgets import Static
from textual_plotext import PlotextPlot

from coachtui.ui.commands import ClientCommands, ReflectionCommands
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.review.overview import ClientOverviewScreen
from coachtui.ui.review.practice import PracticeProgressScreen
from coachtui.ui.review.progress import ClientProgressScreen
from tests.ui.test_review import on_home_at, shown


def drawn(widget) -> str:
    """Every character a widget draws, line by line."""
    lines = widget.render_lines(widget.region.reset_offset)
    return "\n".join("".join(segment.text for segment in line) for line in lines)


def page(screen) -> str:
    return "\n".join(shown(static) for static in screen.query("#progress-body Static"))


async def test_g_on_home_shows_each_active_goal_with_its_actions_and_chart(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await on_home_at(pilot, "Dana Ortiz")
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClientProgressScreen)
        text = page(screen)
        for title in (
            "Land a UX research role",
            "Publish one research case study",
            "Talk to eight working researchers",
        ):
            assert title in text
        assert "0 of 1 action done · 1 open" in text
        assert "2 of 5 actions done · 1 changed · 2 open" in text
        assert "No ratings yet: ^g in a live session records one" in text
        chart = drawn(screen.query_one("#chart-0", PlotextPlot))
        assert "baseline 0 conversations" in chart and "target 5 conversations" in chart
        assert "session" in chart
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_g_on_the_overview_opens_that_clients_progress(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await on_home_at(pilot, "Sam Okafor")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ClientOverviewScreen)
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClientProgressScreen)
        assert screen.sub_title == "Sam Okafor"
        assert "Hand off the weekly release coordination" in page(screen)
        assert "1 of 5 actions done · 1 partly · 1 changed · 2 open" in page(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ClientOverviewScreen)


async def test_the_key_named_for_a_rating_is_the_coachs_own(make_app, practice, settings) -> None:
    settings.keymap = {"live.rate": "ctrl+r"}
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await on_home_at(pilot, "Dana Ortiz")
        await pilot.press("g")
        await pilot.pause()
        assert "No ratings yet: ^r in a live session records one" in page(app.screen)


async def test_t_on_home_shows_the_practice(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeProgressScreen)
        figures = shown(screen.query_one("#practice-figures", Static))
        assert "Active clients: 3 of 3" in figures
        assert "Held: 12 sessions in 52 weeks · 10.4 hours in 12 months" in figures
        assert "Actions: 11 done · 5 partly · 1 not done" in figures
        assert "Sessions per week" in drawn(screen.query_one("#practice-weeks", PlotextPlot))


async def test_the_palette_offers_both(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        clients = [title for title, _, _ in ClientCommands(screen)._commands()]
        practice_titles = [title for title, _, _ in ReflectionCommands(screen)._commands()]
        assert "Progress: Dana Ortiz" in clients
        assert "Practice progress" in practice_titles


_NO_GOAL_PAGE = """
import asyncio, sys
from pathlib import Path
from coachtui.config import Settings
from coachtui.domain.models import Client
from coachtui.store.repository import Repository
from coachtui.ui.app import make_app

async def main(data_dir):
    with Repository.open(Path(data_dir)) as repo:
        repo.save_client(Client(name="Ann"))
        app = make_app(Settings(), repo)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("g")
            await pilot.pause()
            assert type(app.screen).__name__ == "ClientProgressScreen", app.screen
            assert "No active goals" in str(app.screen.query_one("#progress-body Static").render())
    print("plotext" in sys.modules)

asyncio.run(main(sys.argv[1]))
"""


def test_a_page_without_a_chart_does_not_import_plotext(tmp_path) -> None:
    """plotext takes 20-50 ms to import, on the way from the key to the page: only a chart needs it."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", _NO_GOAL_PAGE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "False"
