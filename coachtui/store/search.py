"""Provides full-text search of session notes: an SQLite FTS5 index kept as a cache of the client files.

The index lives in ``DATA/index/notes.sqlite3`` (0600, like every file of the data folder). It is a
cache, never the truth: before each search, every client file's size, modification time and inode
are compared with those it was indexed from, changed files are read again, and a missing, corrupt
or older-format index is rebuilt from the TinyDB files. A read-only repository (a second coachtui)
builds its index in memory instead.

One row per session: its notes, compressed, and a contentless full-text index of their words and
positions (together about the size of the notes' text). A query's words, as a phrase whose last
word may be the beginning of a longer one (``negotiat`` finds "negotiation", ``try deleg`` finds
"try delegating"), pick the candidate sessions, newest first; each candidate's notes are then
checked for the query as typed, ignoring case, as ``grep -i`` would. Only the sessions needed for
``limit`` hits are decompressed.
"""

from __future__ import annotations

import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import orjson

from coachtui.domain.models import NoteKind
from coachtui.store.atomic import PRIVATE_FILE_MODE, read_tinydb_file
from coachtui.store.errors import SearchIndexError, StoreError
from coachtui.store.migrations import migrate_file
from coachtui.store.paths import ensure_private_dir

INDEX_DIR = "index"
INDEX_FILE = "notes.sqlite3"
INDEX_VERSION = 1
"""Stored as the database's user_version; an index of another version is rebuilt."""

T = TypeVar("T")
_WORD = re.compile(r"[^\W_]+")
_SCHEMA = """
CREATE TABLE files(client_id TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, inode INTEGER);
CREATE TABLE sessions(
    id INTEGER PRIMARY KEY, client_id TEXT, session_id TEXT, number INTEGER, started_at TEXT, notes BLOB
);
CREATE INDEX sessions_by_client ON sessions(client_id);
CREATE INDEX sessions_by_start ON sessions(started_at);
CREATE VIRTUAL TABLE sessions_text USING fts5(text, content='');
"""


@dataclass(frozen=True)
class NoteHit:
    """One note that matches a search, with the session it was taken in."""

    client_id: str
    session_id: str
    session_number: int
    session_started_at: datetime
    note_index: int
    """The note's position in the session's notes."""
    at: datetime
    stage: str
    kind: NoteKind
    text: str


Stamp = tuple[int, int, int]
"""What identifies a version of a client file: size, modification time (ns) and inode."""


def _stamp(path: Path) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino)


def _session_rows(path: Path) -> list[tuple[str, int, str, list[list[Any]]]]:
    """(session id, number, started at, notes as [at, stage, kind, text]) of a client file.

    Read without validating (the repository validates when the client is opened); a file that
    cannot be read or holds unexpected shapes yields what could be read, or nothing.
    """
    try:
        data, _ = migrate_file(read_tinydb_file(path), "client", path)
    except StoreError:
        return []
    rows = []
    for document in data.get("sessions", {}).values():
        try:
            notes = [
                [n["at"], n["stage"], n.get("kind", "note"), n["text"]] for n in document.get("notes", [])
            ]
            rows.append((str(document["id"]), int(document["number"]), str(document["started_at"]), notes))
        except (KeyError, TypeError, ValueError):
            continue
    return rows


def _fts_text(notes: list[list[Any]]) -> str:
    return "\n".join(str(note[3]) for note in notes)


def match_expression(query: str) -> str | None:
    """The FTS5 query for the words of ``query``: a phrase whose last word may begin a longer one."""
    words = _WORD.findall(query)
    return '"' + " ".join(words) + '"*' if words else None


class SearchIndex:
    """The notes index of one data folder; methods are called under the repository's lock."""

    def __init__(self, data_dir: Path, *, in_memory: bool = False) -> None:
        self.clients_dir = Path(data_dir) / "clients"
        self.path = None if in_memory else Path(data_dir) / INDEX_DIR / INDEX_FILE
        self._db: sqlite3.Connection | None = None

    # --- the database ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            db = self._open()
            try:
                if db.execute("PRAGMA user_version").fetchone()[0] != INDEX_VERSION:
                    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                        # Written by another coachtui version: start again from the client files.
                        db.close()
                        self.drop()
                        db = self._open()
                    db.executescript(_SCHEMA)
                    db.execute(f"PRAGMA user_version = {INDEX_VERSION}")
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        else:
            ensure_private_dir(self.path.parent)
            # Created 0600 before SQLite opens it; SQLite gives its journal the same mode.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, PRIVATE_FILE_MODE))
            os.chmod(self.path, PRIVATE_FILE_MODE)
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA secure_delete = ON")  # erased notes do not linger in free pages
        except sqlite3.Error:
            db.close()
            raise
        return db

    def close(self) -> None:
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def drop(self) -> None:
        """Delete the index (a client was erased, or it is corrupt); the next search rebuilds it."""
        self.close()
        if self.path is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with suppress(FileNotFoundError):
                    os.unlink(f"{self.path}{suffix}")

    # --- keeping it current ---------------------------------------------------------------------

    def refresh(self, client_ids: Iterable[str]) -> int:
        """Re-read the client files that changed since they were indexed; return how many were read."""
        return self._retrying(lambda: self._refresh(self._connect(), list(client_ids)))

    def _refresh(self, db: sqlite3.Connection, client_ids: list[str]) -> int:
        indexed: dict[str, Stamp] = {
            row[0]: (row[1], row[2], row[3]) for row in db.execute("SELECT * FROM files")
        }
        current = {client_id: _stamp(self.clients_dir / f"{client_id}.json") for client_id in client_ids}
        gone = [client_id for client_id in indexed if current.get(client_id) is None]
        changed = [c for c, stamp in current.items() if stamp is not None and indexed.get(c) != stamp]
        if not gone and not changed:
            return 0
        db.execute("BEGIN")
        try:
            for client_id in gone:
                self._forget(db, client_id)
            for client_id in changed:
                self._forget(db, client_id)
                self._index(db, client_id)
            db.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        return len(changed)

    def _forget(self, db: sqlite3.Connection, client_id: str) -> None:
        old = db.execute("SELECT id, notes FROM sessions WHERE client_id = ?", (client_id,)).fetchall()
        db.executemany(
            "INSERT INTO sessions_text(sessions_text, rowid, text) VALUES ('delete', ?, ?)",
            ((row_id, _fts_text(orjson.loads(zlib.decompress(blob)))) for row_id, blob in old),
        )
        db.execute("DELETE FROM sessions WHERE client_id = ?", (client_id,))
        db.execute("DELETE FROM files WHERE client_id = ?", (client_id,))

    def _index(self, db: sqlite3.Connection, client_id: str) -> None:
        path = self.clients_dir / f"{client_id}.json"
        # Stamped before reading: a write that lands in between makes the next search read it again.
        stamp = _stamp(path)
        if stamp is None:
            return
        for session_id, number, started_at, notes in _session_rows(path):
            cursor = db.execute(
                "INSERT INTO sessions(client_id, session_id, number, started_at, notes) VALUES (?, ?, ?, ?, ?)",
                (client_id, session_id, number, started_at, zlib.compress(orjson.dumps(notes), 1)),
            )
            db.execute(
                "INSERT INTO sessions_text(rowid, text) VALUES (?, ?)", (cursor.lastrowid, _fts_text(notes))
            )
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (client_id, *stamp))

    def _retrying(self, work: Callable[[], T]) -> T:
        """Run ``work``; if the index file fails (corrupt, say), rebuild it from scratch once.

        Raises SearchIndexError if that fails too.
        """
        try:
            try:
                return work()
            except sqlite3.DatabaseError:
                if self.path is None:
                    raise
                self.drop()
                return work()
        except (sqlite3.Error, OSError) as error:
            self.close()
            raise SearchIndexError(str(self.path or "in memory"), error) from error

    # --- searching ------------------------------------------------------------------------------

    def search(self, client_ids: Iterable[str], query: str, limit: int) -> list[NoteHit]:
        """Up to ``limit`` notes containing ``query`` (ignoring case), newest session first."""
        expression = match_expression(query)
        needle = query.strip().casefold()
        if expression is None or not needle or limit <= 0:
            return []
        ids = list(client_ids)

        def run() -> list[NoteHit]:
            db = self._connect()
            self._refresh(db, ids)
            return list(_first_hits(db, expression, needle, limit))

        return self._retrying(run)


def _first_hits(db: sqlite3.Connection, expression: str, needle: str, limit: int) -> Iterator[NoteHit]:
    # Walking the start-time index newest first and stopping early beats sorting every candidate
    # (with its notes) when a common word matches every session: 2 ms instead of 40 at 10,000.
    rows = db.execute(
        "SELECT client_id, session_id, number, started_at, notes FROM sessions INDEXED BY sessions_by_start"
        " WHERE id IN (SELECT rowid FROM sessions_text WHERE sessions_text MATCH ?)"
        " ORDER BY started_at DESC, id DESC",
        (expression,),
    )
    found = 0
    for client_id, session_id, number, started_at, blob in rows:
        for index, (at, stage, kind, text) in enumerate(orjson.loads(zlib.decompress(blob))):
            if needle not in str(text).casefold():
                continue
            try:
                hit = NoteHit(
                    client_id=client_id,
                    session_id=session_id,
                    session_number=number,
                    session_started_at=datetime.fromisoformat(started_at),
                    note_index=index,
                    at=datetime.fromisoformat(at),
                    stage=stage,
                    kind=NoteKind(kind) if kind in NoteKind._value2member_map_ else NoteKind.NOTE,
                    text=text,
                )
            except (TypeError, ValueError):
                continue
            yield hit
            found += 1
            if found >= limit:
                return
