"""Snapshot tests of the plan editor, its forms and the revision history, at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.ui.plan_data import build_plan
from tests.ui.snapshot_support import SIZE_IDS, SIZES, steady

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@pytest.fixture
def dana(repo):
    return build_plan(repo)


def opening(*keys: str):
    """A run_before that opens Dana's plan, presses ``keys``, and steadies the cursors."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        pilot.app.open_plan("c1dana000001")
        await pilot.pause()
        await pilot.press(*keys)
        await steady(pilot)

    return run_before


@sizes
def test_plan_editor_with_smart_hints(snap_compare, make_app, dana, size) -> None:
    # Down to the goal with every SMART gap, so its hints are on screen at 80x24 too.
    keys = ("j",) * 5
    assert snap_compare(make_app(), terminal_size=size, run_before=opening(*keys))


@sizes
def test_plan_editor_filtered(snap_compare, make_app, dana, size) -> None:
    keys = ("slash", *"case", "enter")
    assert snap_compare(make_app(), terminal_size=size, run_before=opening(*keys))


@sizes
def test_revision_history_of_a_goal(snap_compare, make_app, dana, size) -> None:
    # Mark an action done first: the history shows the new change above the earlier one.
    keys = ("j", "j", "j", "space", "h")
    assert snap_compare(make_app(), terminal_size=size, run_before=opening(*keys))


@sizes
def test_goal_form_with_an_unreadable_date(snap_compare, make_app, dana, size) -> None:
    keys = ("j", "j", "enter", *("enter",) * 5, "end", "ctrl+u", *"soon", "ctrl+s")
    assert snap_compare(make_app(), terminal_size=size, run_before=opening(*keys))


@sizes
def test_reason_prompt_after_a_goal_change(snap_compare, make_app, dana, size) -> None:
    keys = ("j", "j", "enter", *("enter",) * 5, "end", "ctrl+u", *"2027-05-31", "ctrl+s")
    assert snap_compare(make_app(), terminal_size=size, run_before=opening(*keys))


@sizes
def test_new_cycle_dialog(snap_compare, make_app, dana, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=opening("n"))
