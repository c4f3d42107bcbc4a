"""What must stay on screen in a small terminal: the stage keys and times, the whole binding ids in help."""

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


async def test_help_shows_whole_binding_ids_at_100_columns(make_app, dana) -> None:
    """The ids are what a coach types into config.toml to remap a key: they are never cut."""
    from textual.widgets import DataTable

    from coachtui.ui.live.live_keys import LIVE_BINDINGS
    from tests.ui.burst import burst

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "s")
        await burst(pilot, ["ctrl+s"])
        await burst(pilot, ["f1"])
        table = app.screen.query_one(DataTable)
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        labels = [str(column.label) for column in table.ordered_columns]
        id_column = labels.index("Id (keymap)")
        longest = max(len(b.id or "") for b in LIVE_BINDINGS)  # type: ignore[union-attr]
        assert widths[id_column] >= longest
        assert sum(widths[: id_column + 1]) <= table.size.width  # the whole id column is on screen


async def test_the_closing_dialog_keeps_its_check_in_field_at_40x12(make_app, repo, dana) -> None:
    from textual.widgets import Input

    from coachtui.ui.live.closing import ClosingScreen
    from tests.ui.burst import burst

    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await burst(pilot, "s")
        await burst(pilot, ["ctrl+s"])
        await burst(pilot, "a first note", ["enter"], "and a second", ["f10"])
        assert isinstance(app.screen, ClosingScreen)
        field = app.screen.query_one("#next-checkin", Input)
        assert field.region.height > 0 and field.region.bottom <= 12
        assert app.screen.query_one("#form-hint").region.bottom <= 12
