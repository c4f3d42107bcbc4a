"""Autosaver's snapshot is written in a thread and never turned into text on the event loop."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from coachtui.ui.live.autosave import Autosaver


class Unprintable:
    """A snapshot that may not be repr()'d: that would cost the loop time and copy the notes' text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        raise AssertionError("the snapshot was turned into text")


class Owner(App[None]):
    def compose(self) -> ComposeResult:
        yield Static()


async def test_a_background_save_writes_the_snapshot_without_printing_it() -> None:
    written: list[str] = []
    results: list[str | None] = []
    app = Owner()
    async with app.run_test() as pilot:
        saver = Autosaver(
            app.query_one(Static),
            snapshot=lambda: Unprintable("private note text"),
            write=lambda snapshot: written.append(snapshot.text),
            on_result=results.append,
        )
        saver.save_in_background()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [worker.description for worker in app.workers] in ([], ["autosave"])
    assert written == ["private note text"]
    assert results == [None]
