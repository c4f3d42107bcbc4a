"""Provides TickBox: a checkbox whose ticked and unticked states differ in shape, not only in colour.

Textual's Checkbox draws the same "X" either way, coloured differently: invisible to a colour-blind
coach and in a monochrome terminal. A TickBox shows ✓ when ticked and nothing when not.
"""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A Checkbox drawing ✓ when ticked, a blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 (Textual's own name for the glyph)
        return "✓" if self.value else " "
