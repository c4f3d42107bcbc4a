"""Provides SessionClock: elapsed and planned time, with a quiet cue near the end."""

from __future__ import annotations

import math

from textual.content import Content
from textual.widgets import Static


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


class SessionClock(Static):
    """Shows "00:23:10 / 60:00"; in the last minutes a short amber word says it is time to close."""

    DEFAULT_CSS = """
    SessionClock { width: auto; padding: 0 1; }
    """

    _shown: list[str | tuple[str, str]] | None = None
    _shown_width = -1

    def show(self, elapsed: float, planned_minutes: int, warning_minutes: int, closing_stage: str) -> None:
        left = planned_minutes * 60 - elapsed
        parts: list[str | tuple[str, str]] = [f"{clock_text(elapsed)} / {planned_minutes}:00"]
        if left <= 0:
            parts.append((f"  over by {math.ceil(-left / 60)}m", "bold $warning"))
        elif left <= warning_minutes * 60:
            parts.append((f"  {math.ceil(left / 60)}m left · {closing_stage}", "bold $warning"))
        if parts == self._shown:
            return  # shown again by every key that changes the session: the same second, nothing to draw
        self._shown = parts
        content = Content.assemble(*parts)
        # Shown every second: while the width stays the same, repaint the clock alone, without a
        # layout of the whole screen (which would repaint the notes too, once a second, for nothing).
        width = content.cell_length
        self.update(content, layout=width != self._shown_width)
        self._shown_width = width
