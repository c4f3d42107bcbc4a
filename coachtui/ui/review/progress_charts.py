"""Provides how the progress charts are drawn: a goal's ratings with its metric's lines, and bar charts.

Charts are plotext figures inside ``PlotextPlot`` widgets, which take no focus: the page they sit in
scrolls with the arrow keys.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # plotext takes 20-50 ms to import: only a page that draws a chart imports it
    from textual_plotext import PlotextPlot

from coachtui.domain.charts import GoalChart

RATING_COLOR = "cyan"
LINE_COLORS = {"baseline": "orange", "target": "green", "now": "magenta"}


def draw_goal(plot: PlotextPlot, chart: GoalChart, last_session: int) -> None:
    """The goal's ratings over sessions 1..``last_session``, on 0–10, with the metric's lines labelled."""
    plt = plot.plt
    plt.clear_figure()
    levels = [line.level for line in chart.lines]
    plt.ylim(min([0.0, *levels]), max([10.0, *levels]))
    plt.yticks([0, 5, 10])
    if chart.lines:
        # The lines belong to the right axis, whose labels are the metric's own values, level with them.
        # plotext's stubs type ``yside`` as a number; its code takes "left" or "right".
        plt.ylim(min([0.0, *levels]), max([10.0, *levels]), yside="right")  # type: ignore[arg-type]
        plt.yticks(levels, [line.label for line in chart.lines], yside="right")  # type: ignore[arg-type]
    for line in chart.lines:
        plt.hline(line.level, LINE_COLORS[line.label.split()[0]], yside="right")
    xs = [number for number, _ in chart.points]
    ys = [value for _, value in chart.points]
    if chart.lines:
        # plotext draws an axis's labels only when a series is on it: the ratings, once more, unseen.
        plt.scatter(xs, ys, yside="right", marker=" ")
    # The line on the same grid of cells as the points (braille would draw it half a cell off them).
    plt.plot(xs, ys, color=RATING_COLOR, marker="dot")
    plt.scatter(xs, ys, color=RATING_COLOR, marker="●")
    plt.xlim(0.5, max(last_session, *xs) + 0.5)
    step = max(1, (last_session + 11) // 12)  # at most a dozen session labels
    sessions = [float(n) for n in range(1, last_session + 1, step)]
    plt.xticks(sessions, [f"{n:g}" for n in sessions])
    plt.xlabel("session")
    plot.refresh()


def draw_bars(plot: PlotextPlot, values: Sequence[float], labels: dict[int, str], title: str) -> None:
    """Bars for ``values`` in order, the x axis labelled only where ``labels`` says (index → label)."""
    plt = plot.plt
    plt.clear_figure()
    xs = list(range(len(values)))
    plt.bar(xs, list(values), color=RATING_COLOR, width=0.6, marker="sd")
    plt.xlim(-0.5, len(values) - 0.5)  # else plotext lets the last bar spill past the frame
    plt.xticks([float(i) for i in labels], list(labels.values()))
    # Whole-number steps, about four of them: sessions are counted, and hours read best whole.
    step = max(1, math.ceil(max([1.0, *values]) / 4))
    ticks = [float(t) for t in range(0, math.ceil(max([1.0, *values]) / step) * step + 1, step)]
    plt.ylim(0, ticks[-1])
    plt.yticks(ticks)
    plt.title(title)
    plot.refresh()
