"""Provides the review screens' headless probes (run by ``benchmarks.probes`` in a fresh process).

- ``history``: from h on the home screen (the biggest client highlighted) to the session history drawn.
- ``record``: from Enter on the history's newest session to its record drawn.
- ``typing``: one keystroke in the search box to its hits drawn, on the whole practice.

Each has a bare reference in the same process kind: the home screen's widgets pushing a screen with a
200-row table (``probes.bare_open``, the plan editor's reference), and an Input above a static 30-row list.
"""

from __future__ import annotations

import asyncio
from time import perf_counter
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Static

from benchmarks.probes import SCREEN, _open, _press, _until, bare_open, coachtui_at_home

TYPED = "hiring pla"
"""What the search box holds before the keystroke that is timed (an "n", completing the word). Its
hits fill the list at every size (76 at 100 sessions), so that the growth row compares drawing the
same 50 hits, not 6 with 50."""


class BareSearch(App[None]):
    """An Input above 30 static rows: a keystroke repaints the box and nothing else."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(TYPED, id="box")
        for index in range(30):
            yield Static(f"row {index}: a line of context where a hit would be shown")
        yield Footer()


def _history_drawn(app: App[Any]) -> bool:
    screen = app.screen
    return type(screen).__name__ == "SessionHistoryScreen" and screen.query_one(DataTable).row_count > 0


async def history_probe(app_name: str, data_dir: str, client_id: str) -> dict[str, Any]:
    """Seconds from h on the home screen to the history's first refresh with its rows."""
    if app_name == "bare":
        return await bare_open()
    async with coachtui_at_home(data_dir, client_id) as app:
        return {"seconds": await _open(app, lambda: _history_drawn(app), "h")}


async def record_probe(app_name: str, data_dir: str, client_id: str) -> dict[str, Any]:
    """Seconds from Enter on the history's newest session to the record's first refresh."""
    if app_name == "bare":
        return await bare_open()
    async with coachtui_at_home(data_dir, client_id) as app:
        await _press(app, "h", "h", app.screen)
        await _until(lambda: _history_drawn(app))

        def opened() -> bool:
            screen = app.screen
            return type(screen).__name__ == "SessionRecordScreen" and bool(screen.query(".record-entry"))

        return {"seconds": await _open(app, opened, "enter")}


async def typing_probe(app_name: str, data_dir: str, runs: int) -> dict[str, Any]:
    """Seconds from a keystroke in the search box to the screen repainted with that text's hits (median
    of ``runs`` keystrokes, each an "n" after ``TYPED`` typed afresh)."""
    timings: list[float] = []
    if app_name == "bare":
        bare = BareSearch()
        async with bare.run_test(size=SCREEN):
            box = bare.query_one(Input)
            await _until(lambda: box.has_focus)
            for _ in range(runs):
                box.value = TYPED
                box.cursor_position = len(TYPED)
                await box.wait_for_refresh()
                started = perf_counter()
                await _press(bare, "n", "n", box)
                await _until(lambda: box.value == TYPED + "n")
                await bare.screen.wait_for_refresh()
                timings.append(perf_counter() - started)
        return {"seconds": timings}
    async with coachtui_at_home(data_dir) as app:
        await _press(app, "slash", "/", app.screen)
        await _until(lambda: type(app.screen).__name__ == "SearchScreen")
        screen: Any = app.screen
        await app.workers.wait_for_complete()  # the index brought up to date once
        for _ in range(runs):
            screen.box.value = TYPED
            screen.box.cursor_position = len(TYPED)
            await _until(lambda: screen._shown == TYPED, timeout=60)
            await asyncio.sleep(0.05)
            started = perf_counter()
            await _press(app, "n", "n", screen.box)
            await _until(lambda: screen._shown == TYPED + "n", timeout=60)
            await screen.wait_for_refresh()
            timings.append(perf_counter() - started)
        return {"seconds": timings, "hits": len(screen._hits)}
