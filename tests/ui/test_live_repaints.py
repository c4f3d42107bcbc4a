"""What the live screen repaints: a change repaints the widget that shows it, never the whole screen.

A layout or a full repaint of the live screen draws the notes too (15-25 ms at 120x40 with 6 KB of
notes), and the event loop handles no key meanwhile: the event-loop stall row of ``make bench``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App, ComposeResult

from coachtui.domain.models import Agreement, Client
from coachtui.ui.live.prompt_deck import PromptDeck
from coachtui.ui.live.session_clock import SessionClock
from tests.ui.test_live_session import start


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"autosave_seconds": 0.2})


@pytest.fixture
def client(repo) -> Client:
    client = Client(name="Dana Ortiz", agreement=Agreement(sessions_planned=8, session_minutes=50))
    repo.save_client(client)
    return client


class WholeScreen:
    """Counts the layouts and full repaints of one screen."""

    def __init__(self, screen: Any) -> None:
        self.layouts = self.full_repaints = 0
        self._wrap(screen, "_refresh_layout", "layouts")
        self._wrap(screen._compositor, "render_full_update", "full_repaints")

    def _wrap(self, owner: Any, name: str, counter: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            setattr(self, counter, getattr(self, counter) + 1)
            return original(*args, **kwargs)

        setattr(owner, name, counted)


async def test_marking_questions_asked_repaints_the_deck_alone(make_app, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        await pilot.pause()
        deck = screen.query_one(PromptDeck)
        height = deck.size.height
        count = len(screen.live.questions)
        drawn = WholeScreen(screen)
        for asked in range(1, count + 1):  # every turn of the stage's questions, and back to the first
            await pilot.press("f8")
            await pilot.pause()
            assert f"{asked % count + 1}/{count}" in str(deck.render())
        await pilot.press("ctrl+f", "ctrl+r")  # another question offered, and back
        await pilot.pause()
        assert (drawn.layouts, drawn.full_repaints) == (0, 0)
        assert deck.size.height == height
        assert len(screen.live.asked) == count


async def test_an_autosave_does_not_repaint_the_whole_screen(make_app, repo, client, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        await pilot.pause()
        drawn = WholeScreen(screen)
        clock.advance(seconds=1)  # "saved 10:00:01": a sub-title other than the first save's
        screen._saved(None)  # what a finished autosave calls, several times a second while it changes
        await pilot.pause()
        assert screen.sub_title == f"saved {clock():%H:%M:%S}"
        assert (drawn.layouts, drawn.full_repaints) == (0, 0)
        await pilot.press("ctrl+n")  # a new stage: the notes and the deck change, so a layout is right
        await pilot.pause()
        assert drawn.layouts >= 1


QUESTIONS = ["Short?", "A question long enough to wrap over two lines of the deck?", "Also short?"]


class DeckApp(App[None]):
    def compose(self) -> ComposeResult:
        deck = PromptDeck()
        deck.styles.width = 40
        yield deck


async def test_the_deck_keeps_the_height_of_its_tallest_turn_within_a_stage() -> None:
    app = DeckApp()
    async with app.run_test(size=(60, 20)) as pilot:
        deck = app.query_one(PromptDeck)
        deck.show("Goal", QUESTIONS, 0, set(), rows=1)
        await pilot.pause()
        heights = []
        for index in (0, 1, 2, 0):
            deck.show("Goal", QUESTIONS, index, set(QUESTIONS[:index]), rows=1)
            await pilot.pause()
            heights.append(deck.size.height)
        assert heights == [3, 3, 3, 3]  # the title, and the long question's two lines
        deck.show("Will", ["One?", "Two?"], 0, set(), rows=1)
        await pilot.pause()
        assert deck.size.height == 2  # a new stage is measured again
        deck.styles.width = 80  # wider: the long question fits on one line
        deck.show("Goal", QUESTIONS, 0, set(), rows=1)
        await pilot.pause()
        await pilot.pause()
        assert deck.size.height == 2


class ClockApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SessionClock()


async def test_the_clock_is_drawn_again_only_when_its_text_changes() -> None:
    app = ClockApp()
    async with app.run_test() as pilot:
        clock = app.query_one(SessionClock)
        clock.show(61.2, 50, 5, "Will")
        await pilot.pause()
        refreshes = []
        original = clock.refresh
        clock.refresh = lambda *a, **k: (refreshes.append(k), original(*a, **k))[1]  # type: ignore[method-assign]
        clock.show(61.7, 50, 5, "Will")  # a key in the same second: the same text
        assert refreshes == []
        clock.show(62.0, 50, 5, "Will")
        assert refreshes == [{"layout": False}]
        assert "00:01:02 / 50:00" in str(clock.render())
