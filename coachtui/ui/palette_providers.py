"""Provides the command palette's providers for ``App.COMMANDS``, each imported when the palette opens.

The providers' modules import the dialogs they open (erasing a client, a record's screens): paid at
start-up, before the first frame, for a palette most starts never open. Textual accepts a callable
that returns the provider class in ``COMMANDS`` and calls it when the palette gathers its commands.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.command import Provider

Loader = Callable[[], "type[Provider]"]


def _later(module: str, name: str) -> Loader:
    def load() -> type[Provider]:
        return cast("type[Provider]", getattr(import_module(module), name))

    load.__qualname__ = load.__name__ = f"load_{name}"
    return load


COACH_PROVIDERS: frozenset[Loader] = frozenset(
    {
        _later("coachtui.ui.commands", "ClientCommands"),
        _later("coachtui.ui.commands", "ReflectionCommands"),
        _later("coachtui.ui.record_commands", "SessionCommands"),
        _later("coachtui.ui.record_commands", "ActionCommands"),
    }
)
