"""Provides burst(): keys delivered to the app all at once, as a terminal sends a fast typist's keys.

Pilot's `press` waits for the app to go idle after each key, which hides every ordering bug. A burst
posts every key to the app's queue before the app has handled the first, then waits until the app's
key router has nothing left to hand out and the screen has settled.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.pilot import Pilot

NAMED = {"enter": "\r", "tab": "\t", "space": " ", "backspace": "\x7f", "escape": "\x1b"}
PUNCTUATION = {
    " ": "space",
    "-": "minus",
    "+": "plus",
    ",": "comma",
    ".": "full_stop",
    "/": "slash",
    "'": "apostrophe",
    ":": "colon",
    "!": "exclamation_mark",
    "?": "question_mark",
    ">": "greater_than_sign",
    "~": "tilde",
}


def key_events(*parts: str | Iterable[str]) -> list[events.Key]:
    """Events for `parts`: a str of text is typed letter by letter; a list holds key names."""
    found: list[events.Key] = []
    for part in parts:
        if isinstance(part, str):
            found += [events.Key(PUNCTUATION.get(char, char), char) for char in part]
        else:
            for key in part:
                found.append(events.Key(key, NAMED.get(key)))
    return found


async def burst(pilot: Pilot[object], *parts: str | Iterable[str]) -> None:
    """Send every key of `parts` at once, then wait until the app has handled them all."""
    app = pilot.app
    for event in key_events(*parts):
        event.set_sender(app)
        app.post_message(event)
    for _ in range(200):
        await pilot.pause()
        if app.keys.idle:  # type: ignore[attr-defined]
            break
    await pilot.pause()
    await pilot.pause()
