"""Provides the palette's providers of records: every held session and every open action of the practice.

Both lists are built once per opening of the palette, in a thread (``Provider.startup``), from
``Repository.client_index``, which reads a client's file only when it changed since the last
opening. A keystroke then matches words in memory (``palette_match``): it never reads a file.
"""

from __future__ import annotations

import asyncio
from abc import abstractmethod
from datetime import date, datetime
from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from coachtui.domain.models import GoalStatus
from coachtui.domain.revisions import short
from coachtui.store.repository import Repository
from coachtui.ui.palette_match import PaletteEntry, best_matches, spans
from coachtui.ui.seam import Coach, coach_of


class EntryList(Provider):
    """A provider over a list of entries made once when the palette opens."""

    _entries: list[PaletteEntry]

    @abstractmethod
    def _build(self, coach: Coach, repository: Repository, today: date) -> list[PaletteEntry]:
        """The entries on offer, read from the repository (called in a thread)."""

    async def startup(self) -> None:
        coach = coach_of(self.app)
        # In a thread: the first opening of a large practice reads every client's file once (~0.9 s
        # for 10,000 sessions); the palette stays responsive and the other providers answer meanwhile.
        self._entries = await asyncio.to_thread(self._build, coach, coach.repository, coach.today())

    async def search(self, query: str) -> Hits:
        style = self.matcher(query).match_style
        for score, entry in best_matches(self._entries, query):
            # Content, not markup: a session's goal or an action may hold square brackets.
            shown = Content(entry.title)
            for start, end in spans(entry.title, query):
                shown = shown.stylize(style, start, end)
            yield Hit(score, shown, entry.run, help=entry.help)


class SessionCommands(EntryList):
    """Every held session of every client, found by client, number or date; opens its record."""

    def _build(self, coach: Coach, repository: Repository, today: date) -> list[PaletteEntry]:
        entries: list[tuple[datetime, PaletteEntry]] = []
        for client in repository.list_clients():
            for session in repository.client_index(client.id).sessions:
                day = session.started_at
                goal = f" · {short(session.goal, 50)}" if session.goal.strip() else ""
                title = f"Session {session.number} · {client.name} · {day:%a} {day.day} {day:%b %Y}{goal}"
                run = partial(coach.open_session_record, client.id, session.id)
                iso = day.date().isoformat()
                entries.append((day, PaletteEntry(title, f"{iso} · read the session's record", run, iso)))
        # Newest first: among equal matches the latest session is the likeliest one wanted.
        entries.sort(key=lambda pair: pair[0], reverse=True)
        return [entry for _, entry in entries]


class ActionCommands(EntryList):
    """Every open action of every client; opens the accountability dashboard on it."""

    def _build(self, coach: Coach, repository: Repository, today: date) -> list[PaletteEntry]:
        entries: list[PaletteEntry] = []
        for client in repository.list_clients():
            index = repository.client_index(client.id)
            goals = {goal.id: goal for goal in index.goals}
            for action in index.open_actions:
                due = action.due
                when = f"due {due:%a} {due.day} {due:%b}" if due else "no due date"
                title = f"Action: {short(action.text, 50)} · {client.name} · {when}"
                goal = goals.get(action.goal_id or "")
                if goal is None:
                    about = "not linked to a goal"
                elif goal.status in (GoalStatus.ACTIVE, GoalStatus.FUTURE):
                    about = f"goal: {short(goal.title)}"
                else:
                    about = f"goal {short(goal.title)!r} is {goal.status.value.replace('_', ' ')}"
                late = "overdue · " if due is not None and due < today else ""
                run = partial(coach.open_dashboard, client.id, action.id)
                extra = f"{action.text} {due.isoformat() if due else ''} {goal.title if goal else ''}"
                entries.append(PaletteEntry(title, f"{late}{about} · record an outcome", run, extra))
        return entries
