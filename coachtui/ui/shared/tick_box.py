"""Provides TickBox: a checkbox whose ticked and unticked states differ in shape, not only in colour.

Textual's Checkbox draws the same "X" either way, coloured differently: invisible to a colour-blind
coach and in a monochrome terminal. A TickBox shows ✓ when ticked and nothing when not.

Space ticks it; Enter does what Enter does in the form around it (the next field, or save), as on
every other field: a coach who ticks a box and presses Enter to finish must not untick it instead.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Checkbox


class TickBox(Checkbox, inherit_bindings=False):
    """A Checkbox drawing ✓ when ticked, a blank when not; space ticks and unticks it."""

    BINDINGS = [Binding("space", "toggle_button", "Tick", show=False)]

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 (Textual's own name for the glyph)
        return "✓" if self.value else " "
