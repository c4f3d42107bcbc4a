"""Provides search everywhere: an SQLite FTS5 index kept as a cache of the client files.

The index lives in ``DATA/index/notes.sqlite3`` (0600, like every file of the data folder). It is a
cache, never the truth: before each search, every client file's (and reflections file's) size,
modification time and inode are compared with those it was indexed from, changed clients are read
again, and a missing, corrupt or older-format index is rebuilt from the TinyDB files. A read-only
repository (a second coachtui) builds its index in memory instead.

One row per document (a session with its notes, reviews, actions and reflection, or an entry that
belongs to no session; see ``search_entries``): its entries, compressed, and a contentless
full-text index of their words. The query's words, each of which may begin a longer word, pick the
candidate documents, newest first, within the client and date asked for; each candidate's entries
are then checked for every term, kind and stage as ``SearchQuery.matches`` says. Only the documents
needed for ``limit`` hits are decompressed: a search never holds every session in memory.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import orjson

from coachtui.domain.search_query import SearchQuery
from coachtui.store.atomic import PRIVATE_FILE_MODE
from coachtui.store.base import REFLECTIONS_SUFFIX
from coachtui.store.crypt import Cipher
from coachtui.store.errors import SearchIndexError
from coachtui.store.paths import ensure_private_dir
from coachtui.store.search_entries import KIND_BITS, client_documents

INDEX_DIR = "index"
INDEX_FILE = "notes.sqlite3"
INDEX_VERSION = 2
"""Stored as the database's user_version; an index of another version is rebuilt (1: notes only)."""

T = TypeVar("T")
_SCHEMA = """
CREATE TABLE files(client_id TEXT PRIMARY KEY, stamp TEXT);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY, client_id TEXT, session_id TEXT, number INTEGER, at TEXT, kinds INTEGER,
    entries BLOB
);
CREATE INDEX docs_by_client ON docs(client_id);
CREATE INDEX docs_by_at ON docs(at);
CREATE VIRTUAL TABLE docs_text USING fts5(text, content='');
"""


@dataclass(frozen=True)
class SearchHit:
    """One entry that matches a search: a note, an action, a review's learning or a reflection's answer."""

    client_id: str
    session_id: str | None
    """The session it belongs to; None for an action added in the plan or reviewed between sessions."""
    session_number: int | None
    session_started_at: datetime | None
    at: datetime
    """When the entry was written."""
    stage: str
    kind: str
    """note, insight, quote, private, action, review or reflection."""
    text: str
    anchor: str
    """Where it stands in the session record: ``note:3``, ``action:ID``, ``review:ID``, ``reflection:FIELD``."""
    detail: str = ""
    """The action a review is about, or the reflection's question."""

    @property
    def note_index(self) -> int | None:
        """The note's position in the session's notes; None if the hit is not a note."""
        kind, _, value = self.anchor.partition(":")
        return int(value) if kind == "note" and value.isdigit() else None


def _stamp(path: Path) -> str:
    """What identifies a version of a file: size, modification time (ns) and inode; "-" if absent."""
    try:
        status = os.stat(path)
    except OSError:
        return "-"
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ino}"


def match_expression(query: SearchQuery) -> str | None:
    """The FTS5 query for the terms of ``query``: every term a phrase whose last word may begin a longer one."""
    terms = query.index_terms()
    return " AND ".join('"' + " ".join(words) + '"*' for words in terms) if terms else None


class SearchIndex:
    """The notes index of one data folder; methods are called under the repository's lock."""

    def __init__(self, data_dir: Path, *, in_memory: bool = False, cipher: Cipher | None = None) -> None:
        self.cipher = cipher
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
        """Re-read the clients whose files changed since they were indexed; return how many were read."""
        return self._retrying(lambda: self._refresh(self._connect(), list(client_ids)))

    def _paths(self, client_id: str) -> tuple[Path, Path]:
        return (
            self.clients_dir / f"{client_id}.json",
            self.clients_dir / f"{client_id}{REFLECTIONS_SUFFIX}",
        )

    def _stamp(self, client_id: str) -> str | None:
        client, reflections = self._paths(client_id)
        stamp = _stamp(client)
        return None if stamp == "-" else f"{stamp}|{_stamp(reflections)}"

    def _refresh(self, db: sqlite3.Connection, client_ids: list[str]) -> int:
        indexed: dict[str, str] = {row[0]: row[1] for row in db.execute("SELECT * FROM files")}
        current = {client_id: self._stamp(client_id) for client_id in client_ids}
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
        old = db.execute("SELECT id, entries FROM docs WHERE client_id = ?", (client_id,)).fetchall()
        db.executemany(
            "INSERT INTO docs_text(docs_text, rowid, text) VALUES ('delete', ?, ?)",
            ((row_id, "\n".join(e[3] for e in orjson.loads(zlib.decompress(blob)))) for row_id, blob in old),
        )
        db.execute("DELETE FROM docs WHERE client_id = ?", (client_id,))
        db.execute("DELETE FROM files WHERE client_id = ?", (client_id,))

    def _index(self, db: sqlite3.Connection, client_id: str) -> None:
        # Stamped before reading: a write that lands in between makes the next search read it again.
        stamp = self._stamp(client_id)
        if stamp is None:
            return
        for document in client_documents(*self._paths(client_id), self.cipher):
            if not document.entries:
                continue
            cursor = db.execute(
                "INSERT INTO docs(client_id, session_id, number, at, kinds, entries) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    client_id,
                    document.session_id,
                    document.number,
                    document.at,
                    document.kinds,
                    zlib.compress(orjson.dumps(document.entries), 1),
                ),
            )
            db.execute("INSERT INTO docs_text(rowid, text) VALUES (?, ?)", (cursor.lastrowid, document.text))
        db.execute("INSERT INTO files VALUES (?, ?)", (client_id, stamp))

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

    def search(self, client_ids: Iterable[str], query: SearchQuery, limit: int) -> list[SearchHit]:
        """Up to ``limit`` entries of these clients that match ``query``, newest first."""
        if query.is_empty or limit <= 0:
            return []
        ids = list(client_ids)

        def run() -> list[SearchHit]:
            db = self._connect()
            self._refresh(db, ids)
            return list(_first_hits(db, ids, query, limit))

        return self._retrying(run)


def _candidates(db: sqlite3.Connection, client_ids: list[str], query: SearchQuery) -> sqlite3.Cursor:
    """The documents that may hold a hit, newest first."""
    # Walking the date index newest first and stopping early beats sorting every candidate (with
    # its entries) when a common word matches every session: 2 ms instead of 40 at 10,000.
    where = ["client_id IN (SELECT value FROM json_each(?))"]
    values: list[object] = [orjson.dumps(client_ids).decode()]
    expression = match_expression(query)
    if expression is not None:
        where.append("id IN (SELECT rowid FROM docs_text WHERE docs_text MATCH ?)")
        values.append(expression)
    if query.kinds:
        where.append("kinds & ? != 0")
        values.append(sum(KIND_BITS[kind] for kind in query.kinds))
    if query.since is not None:
        where.append("at >= ?")
        values.append(query.since.isoformat())
    return db.execute(
        "SELECT client_id, session_id, number, at, entries FROM docs INDEXED BY docs_by_at"
        f" WHERE {' AND '.join(where)} ORDER BY at DESC, id DESC",
        values,
    )


def _first_hits(
    db: sqlite3.Connection, client_ids: list[str], query: SearchQuery, limit: int
) -> Iterator[SearchHit]:
    found = 0
    for client_id, session_id, number, started_at, blob in _candidates(db, client_ids, query):
        for at, stage, kind, text, anchor, detail in orjson.loads(zlib.decompress(blob)):
            if not (query.matches_kind(kind) and query.matches_stage(stage) and query.matches(text)):
                continue
            try:
                hit = SearchHit(
                    client_id=client_id,
                    session_id=session_id,
                    session_number=number,
                    session_started_at=datetime.fromisoformat(started_at) if session_id else None,
                    at=datetime.fromisoformat(at),
                    stage=stage,
                    kind=kind,
                    text=text,
                    anchor=anchor,
                    detail=detail,
                )
            except (TypeError, ValueError):
                continue
            yield hit
            found += 1
            if found >= limit:
                return
