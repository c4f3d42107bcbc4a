"""Provides ``ClientIndex``: a client's held sessions (as headings), actions and goals, read cheaply.

The command palette offers every session and every open action of the practice, and the practice
view counts every session's hours and every action's outcome. Loading every
client's file through the models would parse and keep ~150 MB for a 10-year practice; instead a
client's file is read raw (as ``Repository.find_session`` does), only the few fields shown are
validated, and the result is kept until the file changes on disk (its size, modification time and
inode).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from coachtui.domain.models import Action, ActionStatus, Goal, NoteKind, ScalingRating, SessionStatus
from coachtui.domain.models.session import Attendance, minutes_held
from coachtui.store.atomic import read_tinydb_file
from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.errors import StoreError


class SessionHeading(BaseModel):
    """What a list of sessions shows of one: its number, day, length and goal (never its notes)."""

    model_config = ConfigDict(defer_build=True, extra="ignore")

    id: str
    number: int
    started_at: datetime
    ended_at: datetime | None = None
    status: SessionStatus = SessionStatus.LIVE
    attendance: Attendance = Attendance.HELD
    goal: str = ""

    def duration_minutes(self) -> float:
        """As ``Session.duration_minutes``: from start to end, 0 while the session is open."""
        return minutes_held(self.started_at, self.ended_at)


class SessionDigest(SessionHeading):
    """A session without the text of its notes: what the history, the charts and the plan show of it.

    Frozen, and not a ``Session``: it cannot be saved in place of one (its notes would be lost).
    """

    model_config = ConfigDict(defer_build=True, extra="ignore", frozen=True)

    framework: str = "grow"
    note_count: int = 0
    kind_counts: dict[NoteKind, int] = {}
    """How many of its notes are of each kind (counted from the notes, whose text is left out)."""
    ratings: list[ScalingRating] = []
    action_ids: list[str] = []

    @model_validator(mode="before")
    @classmethod
    def _count_notes(cls, data: Any) -> Any:
        # Counted here rather than one model per note: 9,000 notes in 1 ms instead of 19.
        if isinstance(data, dict) and isinstance(data.get("notes"), list):
            notes = data["notes"]
            kinds = Counter(
                note.get("kind", NoteKind.NOTE) if isinstance(note, dict) else None for note in notes
            )
            return {**data, "note_count": len(notes), "kind_counts": kinds}
        return data


@dataclass(frozen=True)
class ClientIndex:
    """A client's held sessions (by number) and actions (in plan order), with the goals they link to."""

    sessions: list[SessionHeading]
    actions: list[Action]
    goals: list[Goal]

    @property
    def open_actions(self) -> list[Action]:
        return [action for action in self.actions if action.status is ActionStatus.OPEN]


class ClientIndexing(RepositoryBase):
    """``client_index``: the palette's view of one client, cached while the client's file is unchanged."""

    @synchronized
    def client_index(self, client_id: str, *, strict: bool = False) -> ClientIndex:
        """The client's held sessions and actions. An unreadable file gives an empty index (it is
        reported when the client is opened, not in the palette); with ``strict``, the StoreError that
        names the file and the record (a log that leaves a client out must not look complete)."""
        # Made on first use, so that the repository's constructor (shared by every part) stays as it is.
        cache = self.__dict__.setdefault("_index_cache", {})
        try:
            stat = os.stat(self._client_path(client_id))
            # The inode too: a file replaced within the clock's resolution by one of the same size
            # (an ended_at edited by a minute) is another file (writes are renames, see atomic.py).
            signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except OSError:
            return ClientIndex([], [], [])
        cached = cache.get(client_id)
        if cached is not None and cached[0] == signature:
            return cached[1]
        try:
            index = self._read_index(client_id)
        except (StoreError, ValidationError):
            if strict:
                self._client_file(client_id).validate_all()  # the error that names the file and the record
                raise
            return ClientIndex([], [], [])
        cache[client_id] = (signature, index)
        return index

    def _read_index(self, client_id: str) -> ClientIndex:
        file = self._clients.get(client_id)
        if file is not None:  # already loaded (and migrated): its documents are the truth
            tables = {name: file.documents(name) for name in ("sessions", "actions", "goals")}
        else:
            data = read_tinydb_file(self._client_path(client_id), self.cipher) or {}
            tables = {name: list(data.get(name, {}).values()) for name in ("sessions", "actions", "goals")}
        try:
            return _index_of(tables)
        except ValidationError:
            # A file of an older schema: read it the slow way, through its migrations.
            loaded = self._client_file(client_id)
            return _index_of({name: loaded.documents(name) for name in ("sessions", "actions", "goals")})


def _index_of(tables: dict[str, list[Any]]) -> ClientIndex:
    sessions = [SessionHeading.model_validate(doc) for doc in tables["sessions"]]
    held = sorted((s for s in sessions if s.status is SessionStatus.CLOSED), key=lambda s: s.number)
    actions = sorted((Action.model_validate(doc) for doc in tables["actions"]), key=lambda a: a.position)
    goals = [Goal.model_validate(doc) for doc in tables["goals"]]
    return ClientIndex(held, actions, goals)
