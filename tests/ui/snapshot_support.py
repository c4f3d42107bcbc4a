"""Provides helpers for snapshot tests: steady cursors and the two terminal sizes every screen is checked at."""

from __future__ import annotations

from textual.pilot import Pilot

SIZES = [(80, 24), (120, 40)]
SIZE_IDS = ["80x24", "120x40"]


async def steady(pilot: Pilot) -> None:
    """Stop every cursor blinking, so a screenshot never catches a cursor half-way."""
    for screen in pilot.app.screen_stack:
        for widget in screen.query("TextArea, Input"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()
