"""Provides the command palette's providers: one for clients, and the active screen's own keys as commands."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from coachtui.ui.app import CoachApp


class ClientCommands(Provider):
    """Per client: the things a coach does with one client."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: CoachApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for client in app.repository.list_clients():
            commands += [
                (f"Start session: {client.name}", "Open the live session screen", partial(app.start_session, client.id)),
                (f"Edit client: {client.name}", "Contact details and agreement", partial(app.edit_client, client.id)),
            ]
        return commands

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)
