"""Snapshot of the recap screen (m in Dana's first session's record) on the demo practice, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_recap_of_danas_first_session(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # Dana's first session
        await pilot.pause()
        await pilot.press("m")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
