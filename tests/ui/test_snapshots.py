"""Snapshot tests of the home screen, the client form and every state of the live session, at 80x24 and 120x40."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachtui.domain.models import Action, Agreement, Client, Goal, Session, SessionStatus
from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@pytest.fixture
def dana_with_history(repo, clock) -> Client:
    client = Client(name="Dana Ortiz", agreement=Agreement(sessions_planned=8))
    repo.save_client(client)
    repo.save_goal(Goal(client_id=client.id, title="Move into UX research within 6 months"))
    for number in (1, 2):
        repo.save_session(
            Session(
                client_id=client.id,
                number=number,
                status=SessionStatus.CLOSED,
                started_at=clock.now - timedelta(days=28 - 14 * number),
            )
        )
    agreed = clock.now - timedelta(days=14)  # in session 2: homework for this one
    for text, due in (
        ("Update my CV with the research projects", date(2026, 11, 20)),
        ("Talk to two UX researchers", date(2026, 11, 22)),
    ):
        repo.save_action(Action(client_id=client.id, text=text, due=due, created_at=agreed))
    return client


@sizes
def test_home_with_a_practice(snap_compare, make_app, practice, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=steady)


@sizes
def test_home_empty(snap_compare, make_app, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=steady)


@sizes
def test_client_form_with_errors(snap_compare, make_app, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("n")
        pilot.app.screen.query_one("#start_date").value = "someday"
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


async def _start(pilot, clock) -> None:
    await pilot.press("s")
    await pilot.pause()
    await pilot.press(*"Decide between two offers", "ctrl+s")
    await pilot.pause()


@sizes
def test_live_accountability_review(snap_compare, make_app, dana_with_history, clock, size) -> None:
    async def run_before(pilot) -> None:
        await _start(pilot, clock)
        await pilot.press("d", *"It took ten minutes, not a weekend", "enter")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
@pytest.mark.parametrize("stage", ["goal", "reality", "options", "will"])
def test_live_each_stage(snap_compare, make_app, dana_with_history, clock, size, stage) -> None:
    stages = ["goal", "reality", "options", "will"]

    async def run_before(pilot) -> None:
        await _start(pilot, clock)
        await pilot.press("s")  # skip the review
        await pilot.press(*"Two offers: a UX research role and a senior PM role", "enter")
        await pilot.press(*"I keep choosing what looks safe", "ctrl+t", "ctrl+t", "enter")
        for _ in range(stages.index(stage)):
            clock.advance(minutes=12)
            await pilot.press("ctrl+n")
            await pilot.press(*f"Notes in this stage, {clock.now:%H:%M}", "enter")
        await pilot.press("ctrl+o")
        clock.advance(minutes=9)
        pilot.app.screen._tick()
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_live_builder_open(snap_compare, make_app, dana_with_history, clock, size) -> None:
    async def run_before(pilot) -> None:
        await _start(pilot, clock)
        await pilot.press("s", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+l")
        await pilot.press(*"Email Maya about the research role", "enter", *"fri", "enter", "enter")
        await pilot.press(*"Email sent")  # after the goal, which Enter visits too
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_live_closing(snap_compare, make_app, dana_with_history, clock, size) -> None:
    async def run_before(pilot) -> None:
        await _start(pilot, clock)
        await pilot.press("s", *"Chose the research role", "ctrl+t", "enter")
        await pilot.press("ctrl+l", *"Email Maya about the research role", "enter", *"fri", "ctrl+s")
        clock.advance(minutes=55)
        await pilot.press("f10")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_help_on_the_live_screen(snap_compare, make_app, dana_with_history, clock, size) -> None:
    async def run_before(pilot) -> None:
        await _start(pilot, clock)
        await pilot.press("s", "f1")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
