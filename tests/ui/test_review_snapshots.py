"""Snapshot tests of the review screens on the demo practice (fixed clock), at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@sizes
def test_overview_of_dana(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("o")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_history_of_priya(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("down", "h", "down")  # Priya, her history, session 4
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_record_of_danas_first_session(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # Dana's first session
        await pilot.pause()
        await pilot.press("j", "j")  # the second note picked
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
