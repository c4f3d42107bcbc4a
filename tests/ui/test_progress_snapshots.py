"""Snapshot tests of the progress charts on the demo practice (fixed clock), at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@sizes
def test_progress_of_priya(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("down", "g")  # Priya: two active goals, one rated, one not yet
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_practice(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("t")
        await pilot.app.workers.wait_for_complete()
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
