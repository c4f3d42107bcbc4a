"""Provides PlanOutline: the coaching plan as an outline of rows, with SMART gaps and progress inline.

The outline is dumb: it renders the plan it is given (rows from ``plan_rows``) and says which row
is highlighted. The plan editor screen owns the keys, the plan and the saving.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from coachtui.domain.models import Client, PlanState
from coachtui.domain.progress import RatedSession
from coachtui.ui.plan.plan_rows import PlanRows, RowKey, layout

__all__ = ["PlanOutline", "RowKey"]


class PlanOutline(OptionList, inherit_bindings=False):
    """Vision and values, goals with their actions, other actions, check-in points, the agreement."""

    # No keys of its own: the plan editor screen owns every key, so each is in the footer, the help
    # and the palette, and enter edits instead of selecting.

    DEFAULT_CSS = """
    PlanOutline { scrollbar-size-vertical: 1; }
    PlanOutline > .option-list--option { padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[PlanState, Client, Sequence[RatedSession], date, str] | None = None
        self._width = 0

    def show(
        self, state: PlanState, client: Client, sessions: Sequence[RatedSession], today: date, query: str = ""
    ) -> None:
        """Render the plan; the highlighted row stays on the same item when it is still shown."""
        self._shown = (state, client, sessions, today, query)
        # Wrapped by hand, so that a long line continues under its text and not under its glyph.
        self._width = self.size.width or self.app.size.width
        text_width = max(20, self._width - 3)  # the scrollbar and the option's padding
        keep = self.current
        rows = PlanRows(state, client, sessions, today, query.strip().casefold()).build()
        old_index = self.highlighted
        self.set_options([Option(layout(blocks, text_width), id=key.option_id) for key, blocks in rows])
        if not rows:
            return
        ids = [key.option_id for key, _ in rows]
        if keep is not None and keep.option_id in ids:
            self.highlighted = ids.index(keep.option_id)
        else:
            self.highlighted = min(old_index or 0, len(rows) - 1)

    def on_resize(self) -> None:
        if self._shown is not None and self.size.width != self._width:
            self.show(*self._shown)

    @property
    def current(self) -> RowKey | None:
        option = self.highlighted_option
        return RowKey.parse(option.id) if option is not None and option.id else None

    def go_to(self, key: RowKey) -> bool:
        """Highlight the row of ``key``; False when it is not shown (e.g. filtered out)."""
        try:
            self.highlighted = self.get_option_index(key.option_id)
        except OptionDoesNotExist:
            return False
        return True
