"""Provides the search index's document rows: their keys, their ids by date, and removing one.

Split from ``search`` so that the index's upkeep reads as one page there.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Iterator

import orjson

from coachtui.store.search_entries import Document
from coachtui.store.search_hits import ENTRY_BITS, SEQUENCE_BITS, minute_of


def parts(documents: Iterable[Document]) -> Iterator[tuple[str, Document]]:
    """Each document under a key that stays its own while it changes (a session's id; a loose entry's
    anchor and time), split in parts of at most 4,096 entries (an entry's rowid holds its place)."""
    for document in documents:
        if document.session_id is not None:
            key = f"session:{document.session_id}"
        else:
            key = f"loose:{document.entries[0][4] if document.entries else ''}:{document.at}"
        for part_number, start in enumerate(range(0, len(document.entries), 1 << ENTRY_BITS)):
            part = Document(
                document.at,
                document.session_id,
                document.number,
                document.entries[start : start + (1 << ENTRY_BITS)],
            )
            yield f"{key}:{part_number}", part


def drop(db: sqlite3.Connection, doc_id: int) -> None:
    """Remove a document and its entries' words (a contentless index is told each text to delete)."""
    row = db.execute("SELECT entries FROM docs WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return
    db.executemany(
        "INSERT INTO docs_text(docs_text, rowid, text) VALUES ('delete', ?, ?)",
        (
            ((doc_id << ENTRY_BITS) + index, entry[3])
            for index, entry in enumerate(orjson.loads(zlib.decompress(row[0])))
        ),
    )
    db.execute("DELETE FROM docs WHERE id = ?", (doc_id,))


def free_id(db: sqlite3.Connection, at: str) -> int:
    """A document id of ``at``'s minute that no document has yet (an earlier minute's if it is full)."""
    minute = minute_of(at)
    while True:
        base = minute << SEQUENCE_BITS
        last = db.execute(
            "SELECT max(id) FROM docs WHERE id BETWEEN ? AND ?", (base, base + (1 << SEQUENCE_BITS) - 1)
        ).fetchone()[0]
        if last is None:
            return base
        if last < base + (1 << SEQUENCE_BITS) - 1:
            return last + 1
        minute = max(0, minute - 1)
