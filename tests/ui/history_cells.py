"""Provides ``history_cells``: a history row's columns as plain texts (the row is one laid-out cell)."""

from __future__ import annotations

from textual.widgets import DataTable

from coachtui.ui.review.history import COLUMNS


def history_cells(table: DataTable, index: int) -> list[str]:
    """The texts of row ``index``'s columns, cut where the header's labels are laid out."""
    line = str(table.get_row_at(index)[0])
    goal = len(line) - sum(width + 2 for _, _, width in COLUMNS) + 2
    cells, start = [], 0
    for _, _, width in COLUMNS:
        width = width or goal
        cells.append(line[start : start + width].strip())
        start += width + 2
    return cells
