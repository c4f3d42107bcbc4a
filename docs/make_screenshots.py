"""Provides the README's screenshots: the real app, headless, on the sample practice, saved as SVG.

Run with `make screenshots`; tests/test_readme.py checks that the committed files are current.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from coachtui.config import Settings
from coachtui.demo import build_demo_practice
from coachtui.store.repository import Repository
from coachtui.ui.app import make_app

DOCS = Path(__file__).resolve().parent
MOMENT = datetime(2026, 11, 23, 10, 0, 0)


class _Clock:
    def __init__(self) -> None:
        self.now = MOMENT

    def __call__(self) -> datetime:
        return self.now


async def _live_session(folder: Path, out: Path) -> None:
    clock = _Clock()
    with Repository.open(folder) as repository:
        build_demo_practice(repository, today=MOMENT.date())
        app = make_app(Settings(), repository, clock)
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            await pilot.press(*"Choose which offer to explore first", "ctrl+s")
            await pilot.pause()
            await pilot.press("s")  # the accountability review, for this picture
            await pilot.press(*"Two paths open: research role at Lumen, senior PM at her company", "enter")
            await pilot.press(*"I keep choosing what looks safe", "ctrl+t", "ctrl+t", "enter")
            clock.now += timedelta(minutes=8)
            await pilot.press("ctrl+n", "ctrl+o")
            await pilot.press(*"Has talked to two researchers; both said the portfolio matters most", "enter")
            await pilot.press(*"Notices she lights up talking about interviews", "ctrl+t", "enter")
            clock.now += timedelta(minutes=14)
            await pilot.press("ctrl+n", "ctrl+f")
            await pilot.press(
                *"Options: portfolio first, ask Lumen for a trial project, or wait a quarter", "enter"
            )
            await pilot.press("ctrl+l", *"Draft one portfolio case study", "enter", *"fri", "ctrl+s")
            await pilot.pause()
            clock.now += timedelta(minutes=4)
            screen = pilot.app.screen
            for widget in screen.query("TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]
            screen._tick()  # type: ignore[attr-defined]
            await pilot.pause()
            app.save_screenshot(filename=out.name, path=str(out.parent))


def main(target: Path = DOCS) -> list[Path]:
    out = target / "live-session.svg"
    with tempfile.TemporaryDirectory(prefix="coachtui-shots-") as folder:
        asyncio.run(_live_session(Path(folder), out))
    return [out]


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS):
        print(path)
