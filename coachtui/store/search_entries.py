"""Provides what the search index holds of one client: every searchable entry, grouped into documents.

An entry is one thing a coach may look for: a note (of any kind), an action in the client's words,
the learning of an action's review, or one answer of a reflection. Entries are grouped by the
session they belong to (notes, reviews recorded in it, actions agreed in it, its reflection), so a
search can walk sessions newest first; an action added in the plan or reviewed between sessions,
with no session, is a document of its own, dated when it was written.

Files are read without validating them (the repository validates a client when it opens it): a
file that cannot be read, or a document of an unexpected shape, gives what could be read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coachtui.store.atomic import read_tinydb_file
from coachtui.store.crypt import Cipher
from coachtui.store.errors import StoreError
from coachtui.store.migrations import FileKind, migrate_file

REFLECTION_ANSWERS = (
    ("what_worked", "what worked"),
    ("what_did_not", "what did not"),
    ("adjust_next_time", "adjust next time"),
    ("learned", "what I learned"),
    ("next_focus", "focus for next session"),
)
"""A reflection's answers that are searched, and how a hit names each one."""

KIND_BITS = {
    kind: 1 << bit
    for bit, kind in enumerate(("note", "insight", "quote", "private", "action", "review", "reflection"))
}
"""Each kind of entry as a bit, so the index can skip documents without the kinds asked for."""

Entry = tuple[str, str, str, str, str, str]
"""(at, stage, kind, text, anchor, detail): when and in which stage it was written, its kind, its text,
where it stands in the session record (``note:3``, ``action:ID``, ``review:ID``, ``reflection:FIELD``),
and a line that tells more (the action a review is about, the reflection's question)."""


@dataclass
class Document:
    """A session's entries, or an entry that belongs to no session."""

    at: str
    session_id: str | None = None
    number: int | None = None
    entries: list[Entry] = field(default_factory=list)

    @property
    def kinds(self) -> int:
        bits = 0
        for entry in self.entries:
            bits |= KIND_BITS.get(entry[2], 0)
        return bits

    @property
    def text(self) -> str:
        """What the full-text index holds: every entry's text."""
        return "\n".join(entry[3] for entry in self.entries)


def _read(path: Path, kind: FileKind, cipher: Cipher | None) -> dict[str, Any]:
    try:
        data, _ = migrate_file(read_tinydb_file(path, cipher), kind, path)
    except StoreError:
        return {}
    return data


def _table(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    table = data.get(name)
    if not isinstance(table, dict):
        return []
    return [document for document in table.values() if isinstance(document, dict)]


def client_documents(
    client_path: Path, reflections_path: Path, cipher: Cipher | None = None
) -> Iterator[Document]:
    """The documents of one client: one per session, one per entry that belongs to no session."""
    data = _read(client_path, "client", cipher)
    sessions: dict[str, Document] = {}
    for session in _table(data, "sessions"):
        try:
            document = Document(str(session["started_at"]), str(session["id"]), int(session["number"]))
            document.entries = [
                (str(n["at"]), str(n["stage"]), str(n.get("kind", "note")), str(n["text"]), f"note:{i}", "")
                for i, n in enumerate(session.get("notes", []))
            ]
        except (KeyError, TypeError, ValueError):
            continue
        sessions[document.session_id or ""] = document
    loose: list[Document] = []

    def place(session_id: Any, at: str, entry: Entry) -> None:
        owner = sessions.get(str(session_id)) if session_id else None
        if owner is not None:
            owner.entries.append(entry)
        else:
            loose.append(Document(at, entries=[entry]))

    for action in _table(data, "actions"):
        try:
            action_id, text = str(action["id"]), str(action["text"])
            for review in action.get("reviews", []):
                if str(review.get("learning", "")).strip():
                    at = str(review["at"])
                    entry = (at, "", "review", str(review["learning"]), f"review:{action_id}", text)
                    place(review.get("session_id"), at, entry)
            at = str(action.get("created_at", ""))
            place(action.get("session_id"), at, (at, "", "action", text, f"action:{action_id}", ""))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    for reflection in _table(_read(reflections_path, "reflections", cipher), "reflections"):
        owner = sessions.get(str(reflection.get("session_id")))
        if owner is None:
            continue  # a reflection is found through its session
        at = str(reflection.get("created_at", owner.at))
        for name, question in REFLECTION_ANSWERS:
            answer = reflection.get(name)
            if isinstance(answer, str) and answer.strip():
                owner.entries.append((at, "", "reflection", answer, f"reflection:{name}", question))
    yield from sessions.values()
    yield from loose
