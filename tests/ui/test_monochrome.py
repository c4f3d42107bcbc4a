"""Ticked and unticked differ in shape, not only in colour (a colour-blind coach, a monochrome terminal)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from coachtui.domain.models import Competency
from coachtui.ui.reflection.competency_picker import CompetencyPicker
from coachtui.ui.shared.tick_box import TickBox


class _Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield TickBox("ticked", True, id="on")
        yield TickBox("unticked", False, id="off")
        yield CompetencyPicker([Competency.LISTENING], id="picker")


def _text(widget) -> str:
    return "".join(
        segment.text for line in widget.render_lines(widget.region.reset_offset) for segment in line
    )


async def test_a_tick_box_shows_its_state_in_its_glyph() -> None:
    app = _Boxes()
    async with app.run_test() as pilot:
        on, off = app.query_one("#on", TickBox), app.query_one("#off", TickBox)
        assert "✓" in _text(on) and "✓" not in _text(off)
        off.toggle()
        await pilot.pause()
        assert "✓" in _text(off)


async def test_a_ticked_competency_is_marked_in_its_words() -> None:
    app = _Boxes()
    async with app.run_test() as pilot:
        picker = app.query_one(CompetencyPicker)
        prompts = [str(picker.get_option_at_index(i).prompt) for i in range(8)]
        assert prompts[5].startswith("✓ 6") and not prompts[0].startswith("✓")
        picker.toggle(Competency.ETHICS)
        await pilot.pause()
        assert str(picker.get_option_at_index(0).prompt).startswith("✓ 1")
