"""Snapshot tests of the accountability dashboard on the demo practice (fixed clock), at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@sizes
def test_dashboard(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("a", "down")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
