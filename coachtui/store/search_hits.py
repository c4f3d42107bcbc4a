"""Provides how a search walks the index: newest first, decompressing only documents that hold a hit.

Every entry is a row of the full-text index whose rowid says where it stands and when: a document's
id is its minute (since 1970) and a sequence number, and an entry's rowid is its document's id
followed by its place in the document. So rowids sort by date, and FTS5 hands out the entries that
hold every word newest first, stopping as soon as a screen of hits is found (a common word costs no
more than a rare one). A search within a few clients, or with filters only, walks the documents by
date instead and reads each one's entries.
"""

from __future__ import annotations

import sqlite3
import zlib
from calendar import timegm
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import orjson

from coachtui.domain.search_query import SearchQuery
from coachtui.store.search_entries import KIND_BITS

ENTRY_BITS = 12
"""Entries of one document: 4,096 (a longer document is stored as several)."""
SEQUENCE_BITS = 16
"""Documents within one minute."""
MAX_MINUTE = (1 << 27) - 1
"""The last minute a document id can hold (the year 2225); later dates are stored as that minute."""


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


def match_expression(query: SearchQuery) -> str | None:
    """The FTS5 query for the terms of ``query``: every term a phrase whose last word may begin a longer one."""
    terms = query.index_terms()
    return " AND ".join('"' + " ".join(words) + '"*' for words in terms) if terms else None


def minute_of(at: str) -> int:
    """The document's minute since 1970 (its date read as UTC: only the order matters)."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return 0
    return max(0, min(MAX_MINUTE, timegm(moment.utctimetuple()) // 60))


def first_id(day: date) -> int:
    """The smallest document id of ``day``."""
    return minute_of(day.isoformat()) << SEQUENCE_BITS


_DOC = "SELECT id, client_id, session_id, number, at, kinds, entries FROM docs"


def first_hits(
    db: sqlite3.Connection, client_ids: Sequence[str], query: SearchQuery, limit: int, *, narrowed: bool
) -> Iterator[SearchHit]:
    """Up to ``limit`` hits, newest first. ``narrowed``: ``client_ids`` are a few clients asked for."""
    expression = match_expression(query)
    documents: Iterator[tuple[Row, set[int] | None]]
    if expression is not None and not narrowed:
        documents = _by_entries(db, set(client_ids), query, expression)
    else:
        documents = _by_documents(db, client_ids, query, narrowed=narrowed)
    found = 0
    for row, wanted in documents:
        for hit in _hits(row, wanted, query):
            yield hit
            found += 1
            if found >= limit:
                return


Row = tuple[int, str, str | None, int | None, str, int, bytes]


def _by_entries(
    db: sqlite3.Connection, clients: set[str], query: SearchQuery, expression: str
) -> Iterator[tuple[Row, set[int]]]:
    """Documents with their matching entries, from the index's newest matching entry down."""
    since = first_id(query.since) << ENTRY_BITS if query.since else -1
    rowids = db.execute(
        "SELECT rowid FROM docs_text WHERE docs_text MATCH ? AND rowid >= ? ORDER BY rowid DESC",
        (expression, since),
    )
    kinds = sum(KIND_BITS[kind] for kind in query.kinds)
    current: Row | None = None
    wanted: set[int] = set()
    skipped: int | None = None
    for (rowid,) in rowids:
        doc_id, index = rowid >> ENTRY_BITS, rowid & ((1 << ENTRY_BITS) - 1)
        if doc_id == skipped:
            continue
        if current is None or current[0] != doc_id:
            if current is not None and wanted:
                yield current, wanted
            current, wanted = db.execute(_DOC + " WHERE id = ?", (doc_id,)).fetchone(), set()
            if current is None or current[1] not in clients or (kinds and not current[5] & kinds):
                skipped, current = doc_id, None
                continue
        wanted.add(index)
    if current is not None and wanted:
        yield current, wanted


def _by_documents(
    db: sqlite3.Connection, client_ids: Sequence[str], query: SearchQuery, *, narrowed: bool
) -> Iterator[tuple[Row, set[int] | None]]:
    """The documents newest first, within the filters; each one's entries are checked as they come.

    For a few clients (``narrowed``) even with words: their documents are few, and reading them
    beats asking the index about each one (a common word's index entries are long).
    """
    where: list[str] = ["1"]
    values: list[object] = []
    if narrowed:
        where.append("client_id IN (SELECT value FROM json_each(?))")
        values.append(orjson.dumps(list(client_ids)).decode())
    if query.kinds:
        where.append("kinds & ? != 0")
        values.append(sum(KIND_BITS[kind] for kind in query.kinds))
    if query.since is not None:
        where.append("id >= ?")
        values.append(first_id(query.since))
    clients = set(client_ids)
    order = "INDEXED BY docs_by_client" if narrowed else ""
    for row in db.execute(f"{_DOC} {order} WHERE {' AND '.join(where)} ORDER BY id DESC", values):
        if row[1] in clients:
            yield row, None


def _hits(row: Row, wanted: set[int] | None, query: SearchQuery) -> Iterator[SearchHit]:
    _, client_id, session_id, number, started_at, _, blob = row
    entries = orjson.loads(zlib.decompress(blob))
    for index, (at, stage, kind, text, anchor, detail) in enumerate(entries):
        if wanted is not None and index not in wanted:
            continue
        if not (query.matches_kind(kind) and query.matches_stage(stage) and query.matches(text)):
            continue
        try:
            yield SearchHit(
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
