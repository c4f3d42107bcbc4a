"""Provides the command palette's providers: clients, reflections and the CPD journal."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from coachtui.store.errors import StoreError
from coachtui.ui.home.erase_client import ask_to_erase
from coachtui.ui.seam import coach_of

Command = tuple[str, str, Callable[[], object]]
"""A palette entry: its title, its help line, and what it does."""


class CommandList(Provider):
    """A provider whose commands are a list of (title, help, callback), matched by title."""

    @abstractmethod
    def _commands(self) -> list[Command]:
        """The commands on offer now (read each time the palette asks, so they are never stale)."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)


class ClientCommands(CommandList):
    """Per client: the things a coach does with one client."""

    def _commands(self) -> list[Command]:
        app = coach_of(self.app)
        commands: list[Command] = []
        for client in app.repository.list_clients():
            commands += [
                (
                    f"Start session: {client.name}",
                    "Open the live session screen",
                    partial(app.start_session, client.id),
                ),
                (
                    f"Edit client: {client.name}",
                    "Contact details and agreement",
                    partial(app.edit_client, client.id),
                ),
                (
                    f"Open plan: {client.name}",
                    "Vision, goals, actions, check-ins and the agreement",
                    partial(app.open_plan, client.id),
                ),
                (
                    f"Overview: {client.name}",
                    "Prepare the next session: last goal and focus, open actions, goals, next check-in",
                    partial(app.open_overview, client.id),
                ),
                (
                    f"Session history: {client.name}",
                    "Every session, newest first; Enter reads one",
                    partial(app.open_history, client.id),
                ),
                (
                    f"Progress: {client.name}",
                    "Each goal's ratings over sessions and its actions, as charts",
                    partial(app.open_progress, client.id),
                ),
                (
                    f"Erase client: {client.name}",
                    "Remove every trace of them, backups included; you type their name to confirm",
                    partial(ask_to_erase, self.app, client.id),
                ),
            ]
        return commands


class ReflectionCommands(CommandList):
    """The CPD journal, and a reflection to write for every session still without one."""

    def _commands(self) -> list[Command]:
        app = coach_of(self.app)
        repo = app.repository
        commands: list[Command] = [
            ("CPD journal", "Your reflections across all clients, by date and competency", app.open_journal),
            (
                "Accountability dashboard",
                "Every open action of every client, overdue first",
                app.open_dashboard,
            ),
            (
                "Practice progress",
                "Sessions per week and hours per month over 12 months, active clients, action outcomes",
                app.open_practice,
            ),
            (
                "ICF hours log",
                "Coaching hours per relationship, totals and progress toward ACC, PCC and MCC",
                app.open_hours,
            ),
        ]
        summaries = repo.summaries()
        for client in repo.list_clients():
            pending = set(summaries[client.id].sessions_without_reflection)
            if not pending:
                continue
            # Only clients with a pending reflection have their file opened, for the session numbers.
            try:
                sessions = repo.list_sessions(client.id)
            except StoreError:
                continue  # an unreadable file is reported when the client is opened, not in the palette
            for session in sessions:
                if session.id in pending:
                    commands.append(
                        (
                            f"Reflect on session {session.number} with {client.name}",
                            f"Held {session.started_at:%a %d %b %Y}; no reflection yet",
                            partial(app.open_reflection, client.id, session.id),
                        )
                    )
        return commands
