"""Provides ``HitList``: the search's hits, two lines each, drawn only where they are in view.

A keystroke in the search box replaces every hit, so what matters is what a new list costs to draw.
An OptionList builds and measures every option's text, wraps it and pads it through the general
visual machinery; this list asks for a hit's two lines only when they come into view, already cut
to the width, and keeps their strips until the hits or the width change (the Line API). The search
box keeps the focus: the screen moves the highlight (↑↓ PgUp PgDn) and a click picks a hit.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

LINES = 2
"""Lines a hit takes: where and when, then the text around the match."""

Draw = Callable[[int, int], tuple[Content, Content]]
"""A hit's two lines, by its index and the width they are cut to."""


class HitList(ScrollView, can_focus=False):
    """Hits drawn on demand, one highlighted; a click posts ``HitList.Picked``."""

    COMPONENT_CLASSES = {"hit-list--highlighted"}
    DEFAULT_CSS = """
    HitList {
        height: 1fr;
        color: $foreground;
        background: $surface;
        overflow-x: hidden;
        padding: 0 1;
        & > .hit-list--highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    class Picked(Message):
        """A hit was clicked."""

        def __init__(self, hit_list: HitList, index: int) -> None:
            super().__init__()
            self.hit_list = hit_list
            self.index = index

        @property
        def control(self) -> HitList:
            return self.hit_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._count = 0
        self._draw: Draw = _nothing
        self._strips: dict[tuple[int, bool, int], tuple[Strip, Strip]] = {}

    @property
    def count(self) -> int:
        """How many hits the list holds."""
        return self._count

    def lines(self, index: int) -> tuple[Content, Content]:
        """Hit ``index``'s two lines as they are drawn at the list's width (before they are cut)."""
        return self._draw(index, max(1, self.scrollable_content_region.width - 2))

    def show(self, count: int, draw: Draw) -> None:
        """Replace the hits: ``count`` of them, each drawn by ``draw`` when it comes into view."""
        self._count = count
        self._draw = draw
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, count * LINES)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.highlighted = 0 if count else None
        self.refresh()

    def move(self, step: int) -> None:
        """Move the highlight ``step`` hits down (up if negative), within the list."""
        if self._count:
            current = self.highlighted if self.highlighted is not None else -1
            self.highlighted = max(0, min(self._count - 1, current + step))

    def watch_highlighted(self, index: int | None) -> None:
        if index is not None:
            self.scroll_to_region(
                Region(0, index * LINES, 1, LINES), animate=False, immediate=True, force=True
            )
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._count * LINES)

    def on_click(self, event: events.Click) -> None:
        index = (event.y + self.scroll_offset.y) // LINES
        if 0 <= index < self._count:
            self.highlighted = index
            self.post_message(self.Picked(self, index))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index, part = divmod(scroll_y + y, LINES)
        if index >= self._count:
            return Strip.blank(width, self.rich_style)
        highlighted = index == self.highlighted
        key = (index, highlighted, width)
        strips = self._strips.get(key)
        if strips is None:
            strips = self._strips[key] = self._render_hit(index, highlighted, width)
        return strips[part].crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _render_hit(self, index: int, highlighted: bool, width: int) -> tuple[Strip, Strip]:
        style = self.get_visual_style("hit-list--highlighted") if highlighted else self.visual_style
        first, second = self.lines(index)
        return (_strip(first, style, width), _strip(second, style, width))


def _strip(line: Content, style: Style, width: int) -> Strip:
    """One line: a column of space each side, cut with "…" where it is too long."""
    cut = Content(" ") + line.truncate(width - 2, ellipsis=True) + Content(" ")
    return Strip(cut.render_segments(style)).extend_cell_length(width, style.rich_style)


def _nothing(index: int, width: int) -> tuple[Content, Content]:
    return Content(""), Content("")
