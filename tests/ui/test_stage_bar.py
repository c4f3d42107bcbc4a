"""The stage bar's minutes: a stage held for seconds says so, instead of a misleading 0m."""

from __future__ import annotations

from coachtui.ui.live.stage_bar import minutes


def test_a_stage_held_for_seconds_reads_under_a_minute() -> None:
    assert [minutes(s) for s in (0, 1, 59.9, 60, 119, 540)] == ["0m", "<1m", "<1m", "1m", "1m", "9m"]


def _bar(width: int, names: list[str]) -> str:
    from coachtui.ui.live.stage_bar import StageBar, StageView

    bar = StageBar()
    views = [StageView(n, f"F{i + 2}", 300.0 if i == 0 else 0.0, 540.0, i == 0) for i, n in enumerate(names)]
    bar.update = lambda content: setattr(bar, "shown_text", str(content))  # type: ignore[method-assign]
    bar.show(views, width)
    return bar.shown_text  # type: ignore[attr-defined]


def test_the_stage_keys_stay_on_the_bar_while_they_fit() -> None:
    grow = ["Goal", "Reality", "Options", "Will"]
    assert "F2 ▶ Goal 5m/9m  F3 ○ Reality" in _bar(80, grow)
    oskar = ["Outcome", "Scaling", "Know-how", "Affirm + Action", "Review"]
    assert _bar(80, oskar).count("F") >= 5  # keys kept, gaps narrowed
    assert "F2" not in _bar(50, oskar)  # too narrow even so: names and times only
