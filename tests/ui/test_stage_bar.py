"""The stage bar's minutes: a stage held for seconds says so, instead of a misleading 0m."""

from __future__ import annotations

from coachtui.ui.live.stage_bar import minutes


def test_a_stage_held_for_seconds_reads_under_a_minute() -> None:
    assert [minutes(s) for s in (0, 1, 59.9, 60, 119, 540)] == ["0m", "<1m", "<1m", "1m", "1m", "9m"]
