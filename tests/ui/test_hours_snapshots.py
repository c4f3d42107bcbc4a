"""Snapshot tests of the ICF hours log on the demo practice (fixed clock), at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@sizes
def test_hours_log(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("i")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@sizes
def test_hours_settings_form(snap_compare, make_app, practice, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("e")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
