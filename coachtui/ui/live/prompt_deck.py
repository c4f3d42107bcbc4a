"""Provides PromptDeck: the current stage's powerful questions, the one to ask next first."""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.events import Resize
from textual.widgets import Static


class PromptDeck(Static):
    """Dumb: shows the questions it is given, the current one bold, asked ones ticked.

    Within a stage it keeps one height, that of its tallest turn of the questions (blank lines below
    a shorter one): a question marked or skipped then repaints the deck alone. A deck whose height
    changed would take a layout of the whole screen, the notes repainted too, 15-25 ms at 120x40
    during which no key is handled; and the actions list under it no longer jumps up and down.
    """

    DEFAULT_CSS = """
    PromptDeck { height: auto; padding: 0 1; }
    """

    _shown: tuple[str, list[str], int, set[str], int] | None = None
    _shape: tuple[str, tuple[str, ...], int, int] | None = None
    """The stage's questions, rows and width that `_heights` were measured for."""
    _heights: tuple[int, ...] = ()
    """The height of each turn of the questions (the deck starting at each one), at that width."""
    _height = -1
    """The height of what is shown, at `_width` columns."""
    _width = 0

    def show(self, stage_name: str, questions: list[str], index: int, asked: set[str], rows: int = 4) -> None:
        self._shown = (stage_name, questions, index, set(asked), rows)
        content = _deck(stage_name, questions, index, asked, rows)
        width = self.content_size.width
        height = -1
        if width:
            shape = (stage_name, tuple(questions), rows, width)
            if shape != self._shape:
                self._shape = shape
                # Ticks take the width of the blank they replace: the heights do not depend on them.
                turns = [_deck(stage_name, questions, turn, set(), rows) for turn in range(len(questions))]
                self._heights = tuple(self._height_of(turn, width) for turn in turns)
            if self._heights:
                height = max(self._heights)
                short = height - self._heights[index % len(self._heights)]
                if short > 0:
                    content = Content.assemble(content, "\n" * short)
            else:
                height = self._height_of(content, width)
        # While the height stays the same, repaint the deck alone: no layout of the whole screen.
        self.update(content, layout=height < 0 or (height, width) != (self._height, self._width))
        self._height, self._width = height, width

    def _height_of(self, content: Content, width: int) -> int:
        return content.get_height(cast(RulesMap, self.styles), width)  # as Textual's own Static does

    def on_resize(self, event: Resize) -> None:
        # The height the deck keeps depends on its width: measured again at the new one.
        if self._shown is not None and event.size.width != self._width + self.styles.gutter.width:
            self.show(*self._shown)


def _deck(stage_name: str, questions: list[str], index: int, asked: set[str], rows: int) -> Content:
    parts: list[str | tuple[str, str]] = [(f"Ask next · {stage_name}", "bold")]
    if questions:
        parts.append((f"  {index + 1}/{len(questions)}", "dim"))
    for offset in range(min(rows, len(questions))):
        question = questions[(index + offset) % len(questions)]
        parts.append("\n")
        parts.append(("✓ ", "$success") if question in asked else "  ")
        parts.append((question, "bold" if offset == 0 else "dim"))
    if not questions:
        parts.append(("\nNo questions for this stage.", "dim"))
    return Content.assemble(*parts)
