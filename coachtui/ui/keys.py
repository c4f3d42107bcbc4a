"""Provides KeyRouter: every key reaches the widget that has focus once the key before it has settled.

Textual forwards a key to whatever has focus at the moment the app reads it. A key that moves focus
(Enter or Tab in a form) or changes screen (ctrl+s on a form, F10 in the live session) does so a few
messages later: it bubbles from the focused widget up to the app, whose bindings then act. Letters
typed right behind it were read in the meantime and went to the old field: "Dana Ortizs", a due date
that became part of the action's text. The router holds each key until the one before it has been
handled to the end (its bindings run, the focus moved, a new screen mounted and focused), then
forwards it to what has focus then. Priority bindings are checked at that moment too, so even they
act in typing order.

A run of printable keys queued behind each other for one text field (a fast typist, or a paste that
the terminal sends as keystrokes) is inserted as one edit: the cost of a burst no longer grows with
one full key dispatch per character.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from time import monotonic
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.widget import Widget
from textual.widgets import Input, TextArea

from coachtui.ui.live.notes_area import NotesArea

Dispatch = Callable[[events.Event], Awaitable[None]]

SETTLE_ROUNDS = 12
"""How many times the router waits for the screen to process what a key caused (a screen pushed,
then mounted, then focused takes three or four)."""

STUCK_SECONDS = 2.0
"""A key still settling after this long is let go when the next key arrives: a widget that closed
with the router's callback unread must not hold the keyboard."""


def _insert_into_text_area(area: Widget, text: str) -> None:
    assert isinstance(area, TextArea)
    area.replace(text, *area.selection, maintain_selection_offset=False)


def _insert_into_input(field: Widget, text: str) -> None:
    assert isinstance(field, Input)
    if field.selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *field.selection)


def _burst_sink(widget: Widget | None) -> tuple[Callable[[Widget, str], None], frozenset[str]] | None:
    """How a run of typed keys can be put into `widget` as one edit, and which keys may join the run.

    Only Textual's own text widgets (exact classes, whose key handling is known: a printable key is
    inserted where the cursor is) and the notes area qualify; an Input that restricts what may be
    typed takes its keys one at a time, so each is checked as it would be.
    """
    kind = type(widget)
    if kind in (TextArea, NotesArea):
        assert isinstance(widget, TextArea)
        return None if widget.read_only else (_insert_into_text_area, frozenset({"enter"}))
    if kind is Input:
        assert isinstance(widget, Input)
        plain = widget.restrict is None and not widget.max_length and widget.type == "text"
        return (_insert_into_input, frozenset()) if plain else None
    return None


class KeyRouter:
    """Holds keys (and pastes) in arrival order and hands them to the app one settled key at a time."""

    def __init__(self, app: App[Any], dispatch: Dispatch) -> None:
        self._app = app
        self._dispatch = dispatch
        """The app's own handling of an input event: priority bindings, then the focused widget."""
        self._pending: deque[events.Event] = deque()
        self._busy_since: float | None = None
        self._generation = 0

    @property
    def idle(self) -> bool:
        """No key is waiting or settling."""
        return self._busy_since is None and not self._pending

    async def accept(self, event: events.Event) -> None:
        """Take a key or paste the terminal sent; it is handled after every key before it."""
        self._pending.append(event)
        if self._busy_since is not None and monotonic() - self._busy_since > STUCK_SECONDS:
            self._busy_since = None  # see STUCK_SECONDS
        if self._busy_since is None:
            await self._next(self._generation)

    async def _next(self, generation: int) -> None:
        if generation != self._generation:
            return  # a settle that was let go finished late: the keys have moved on
        self._generation += 1
        while self._pending:
            event = self._pending.popleft()
            target = self._app.focused
            run = self._typed_run(event, target)
            if run is not None:
                insert, text = run
                assert target is not None
                insert(target, text)
                continue  # an edit in place: nothing to wait for
            self._busy_since = monotonic()
            await self._dispatch(event)
            self._settle(event, target)
            return
        self._busy_since = None

    # --- bursts -------------------------------------------------------------------------------

    def _typed_run(
        self, first: events.Event, target: Widget | None
    ) -> tuple[Callable[[Widget, str], None], str] | None:
        """The text of `first` and the typed keys queued right behind it, if they form one edit."""
        if not self._pending or not isinstance(first, events.Key):
            return None
        sink = _burst_sink(target)
        if sink is None:
            return None
        insert, also = sink
        priority = self._priority_keys()
        text = _typed_text(first, also, priority)
        if text is None:
            return None
        parts = [text]
        while self._pending:
            following = self._pending[0]
            more = _typed_text(following, also, priority) if isinstance(following, events.Key) else None
            if more is None:
                break
            parts.append(more)
            self._pending.popleft()
        if len(parts) == 1:
            return None  # a key on its own goes the ordinary way
        return insert, "".join(parts)

    def _priority_keys(self) -> frozenset[str]:
        bindings = self._app.screen.active_bindings
        return frozenset(key for key, active in bindings.items() if active.binding.priority)

    # --- settling -----------------------------------------------------------------------------

    def _settle(self, event: events.Event, target: Widget | None) -> None:
        generation = self._generation
        if target is not None and _stays_in(event, target):
            # A letter into a text field: it is done once the field has handled it.
            self._after([target], lambda: self._resume(generation))
            return
        # Everything else bubbles up to the app, whose bindings act; then wait for what they caused.
        chain: list[MessagePump] = [target] if target is not None else []
        chain += list(_ancestors(target)) if target is not None else [self._app.screen]
        chain.append(self._app)
        self._walk(chain, lambda: self._settle_rounds(generation, SETTLE_ROUNDS))

    def _settle_rounds(self, generation: int, rounds: int) -> None:
        app = self._app
        screen, focused = app.screen, app.focused
        nodes: list[MessagePump] = [app, *screen.walk_children(with_self=True)]

        def round_done() -> None:
            quiet = (
                app.screen is screen
                and app.focused is focused
                and not any(node.message_queue_size for node in nodes[1:])
            )
            if quiet or rounds <= 1:
                self._resume(generation)
            else:
                self._settle_rounds(generation, rounds - 1)

        self._after(nodes, round_done)

    def _resume(self, generation: int) -> None:
        self._app.call_later(self._next, generation)

    def _after(self, nodes: Iterable[MessagePump], then: Callable[[], None]) -> None:
        """Call `then` once each of `nodes` has processed the messages it holds now."""
        count = 0

        def one_done() -> None:
            nonlocal count
            count -= 1
            if count == 0:
                then()

        for node in nodes:
            if node.call_later(one_done):
                count += 1
        if count == 0:
            then()

    def _walk(self, chain: list[MessagePump], then: Callable[[], None]) -> None:
        """Call `then` once a bubbling message has passed each node of `chain`, in order."""
        if not chain:
            then()
            return
        head, rest = chain[0], chain[1:]
        if not head.call_later(self._walk, rest, then):
            self._walk(rest, then)


def _typed_text(event: events.Event, also: frozenset[str], priority: frozenset[str]) -> str | None:
    if not isinstance(event, events.Key) or event.key in priority:
        return None
    if event.key in also:
        return "\n" if event.key == "enter" else None
    if event.is_printable and event.character is not None:
        return event.character
    return None


def _stays_in(event: events.Event, target: Widget) -> bool:
    """Whether `target` consumes `event` itself (a printable key in a text field, or a paste)."""
    if not isinstance(target, Input | TextArea):
        return False
    if isinstance(event, events.Paste):
        return True
    return isinstance(event, events.Key) and event.is_printable


def _ancestors(node: DOMNode) -> Iterable[MessagePump]:
    parent = node.parent
    while parent is not None and not isinstance(parent, App):
        yield parent
        parent = parent.parent
