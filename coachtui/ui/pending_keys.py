"""Provides when_keys_handled: run an action only after the keys typed before it have landed.

A priority key (ctrl+s, ctrl+n, F10...) is handled by the app as soon as it arrives, while the
letters typed just before it may still wait in a text field's queue. Saving or moving on at once
would lose or misplace those letters, so such actions wait for every field's queue first.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

TEXT_FIELDS = "Input, TextArea, Select, SelectionList"


def when_keys_handled(
    screen: Screen[object], action: Callable[[], object], fields: str = TEXT_FIELDS
) -> None:
    """Call `action` once every widget matching `fields` has handled the messages already sent to it."""
    widgets = list(screen.query(fields))

    def step(index: int) -> None:
        if index < len(widgets):
            widgets[index].call_later(step, index + 1)
        elif screen.is_attached:
            action()

    step(0)
