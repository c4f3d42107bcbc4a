"""Provides the hours log's cache: what the log needs of each client's files, kept beside the search index.

The ICF hours log counts every held session of the practice: reading every client's file for it
means parsing 140 MB of JSON for a 10-year practice (1-2 s), of which it needs some 60 bytes a
session. ``DATA/index/hours.json`` (0600) keeps, for each client, those bytes: every held session's
id, start, end, status and attendance, and every reflection's session id and payment (never a note,
a goal or a name), under the size, modification time and inode of the client's file and of its
reflections file when they were read. It is a cache, never the truth: an entry whose files changed
since, or that does not read back whole, is ignored and the files are read again; a cache file that
is missing, unreadable or of another version is as if empty. Like the search index, it is left out
of backups, deleted with the index at restore and encryption, and deleted when a client is erased
(``drop_hours_cache``); an encrypted practice has none (its log is computed from the files).

Written after every log that read a file, by any coachtui, a read-only one too (``coachtui hours``
opens the folder read-only): the file is replaced atomically, and each entry is true of the files
it is stamped with, so two coachtuis writing it in turn leave a cache that is right or stale,
never wrong. A write that fails (a read-only disk) is ignored: the log was computed anyway.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from coachtui.domain.hours import LoggedSession
from coachtui.domain.models import Payment, SessionStatus
from coachtui.domain.models.session import Attendance, minutes_held
from coachtui.store.atomic import atomic_write_bytes
from coachtui.store.paths import INDEX_DIR, ensure_private_dir

CACHE_FILE = "hours.json"
CACHE_VERSION = 1
_UNREADABLE = (TypeError, ValueError, KeyError, IndexError, AttributeError)
"""What decoding an entry that is not as written raises: the entry is then read from the files."""


@dataclass(frozen=True, slots=True)
class HeldSession:
    """A held session as the log needs it (``LoggedSession``): no goal, no notes."""

    id: str
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    attendance: Attendance

    def duration_minutes(self) -> float:
        """As ``Session.duration_minutes``: from start to end, 0 while the session is open."""
        return minutes_held(self.started_at, self.ended_at)


@dataclass(frozen=True)
class SessionPayment:
    """A reflection's gist for the hours log: its session, paid or pro bono."""

    session_id: str
    payment: Payment


@dataclass(frozen=True)
class ClientHours:
    """What the log needs of one client's files: the held sessions and the reflections' payments."""

    sessions: Sequence[LoggedSession]
    payments: Sequence[SessionPayment]


def files_stamp(paths: Iterable[Path]) -> str:
    """What identifies these versions of the files: size, modification time (ns) and inode of each."""
    parts = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{status.st_size}:{status.st_mtime_ns}:{status.st_ino}")
    return "|".join(parts)


def cache_path(data_dir: Path) -> Path:
    return Path(data_dir) / INDEX_DIR / CACHE_FILE


def drop_hours_cache(data_dir: Path) -> None:
    """Delete the cache (a client was erased): the next log reads every file and writes it again."""
    with suppress(FileNotFoundError):
        os.unlink(cache_path(data_dir))


class HoursCache:
    """The cache file of one data folder, read when made and written by ``save`` if it changed."""

    def __init__(self, data_dir: Path) -> None:
        self.path = cache_path(data_dir)
        self._entries = self._load()
        self._changed = False

    def _load(self) -> dict[str, Any]:
        try:
            data = orjson.loads(self.path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("clients")
        return entries if isinstance(entries, dict) else {}

    def get(self, client_id: str, stamp: str) -> ClientHours | None:
        """The client's entry if it was made from the files ``stamp`` names and reads back whole."""
        entry = self._entries.get(client_id)
        if not isinstance(entry, dict) or entry.get("stamp") != stamp:
            return None
        try:
            return ClientHours(
                [_session(row) for row in entry["sessions"]],
                [SessionPayment(_text(row[0]), Payment(row[1])) for row in entry["payments"]],
            )
        except _UNREADABLE:
            return None

    def put(self, client_id: str, stamp: str, hours: ClientHours) -> None:
        self._entries[client_id] = {
            "stamp": stamp,
            "sessions": [
                [
                    s.id,
                    s.started_at.isoformat(),
                    None if s.ended_at is None else s.ended_at.isoformat(),
                    s.status.value,
                    s.attendance.value,
                ]
                for s in hours.sessions
            ],
            "payments": [[p.session_id, p.payment.value] for p in hours.payments],
        }
        self._changed = True

    def keep_only(self, client_ids: Iterable[str]) -> None:
        """Forget the clients that are no longer in the practice."""
        kept = set(client_ids)
        for client_id in [c for c in self._entries if c not in kept]:
            del self._entries[client_id]
            self._changed = True

    def save(self) -> None:
        """Write the cache if it changed; a failure (a read-only disk) leaves it as it was."""
        if not self._changed:
            return
        payload = orjson.dumps({"version": CACHE_VERSION, "clients": self._entries})
        with suppress(OSError):
            ensure_private_dir(self.path.parent)
            atomic_write_bytes(self.path, payload)
        self._changed = False


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {type(value).__name__}")
    return value


def _session(row: list[Any]) -> HeldSession:
    session_id, started, ended, status, attendance = row
    return HeldSession(
        _text(session_id),
        datetime.fromisoformat(_text(started)),
        None if ended is None else datetime.fromisoformat(_text(ended)),
        SessionStatus(status),
        Attendance(attendance),
    )
