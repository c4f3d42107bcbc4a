"""Snapshot tests of search everywhere on the demo practice (fixed clock), at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@sizes
def test_search_before_typing(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("slash")
        await pilot.app.workers.wait_for_complete()
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_search_results_for_manager(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("slash", *"manager")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("down")  # the second hit picked
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_search_filtered_to_one_clients_insights(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("slash", *"client:dana kind:insight")
        await pilot.app.workers.wait_for_complete()
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
