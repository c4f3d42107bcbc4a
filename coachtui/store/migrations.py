"""Provides schema migrations: old documents and files are upgraded on read, step by step.

Every document carries ``schema_version`` and every file a ``_meta`` table
``{"kind": ..., "schema_version": N}``. Version 0 is the pre-release
development format: documents had no ``schema_version``, a note's ``kind`` was
called ``tag`` and a client's ``consent_named_in_log`` was called
``consent_to_be_named``. Migrated data lives in memory until the next normal
save, so the file on disk stays valid for the old coachtui until then.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from coachtui.domain.models import SCHEMA_VERSION
from coachtui.store.atomic import Data, corrupt
from coachtui.store.errors import NewerSchemaError

CURRENT_VERSION = SCHEMA_VERSION
META_TABLE = "_meta"
FileKind = Literal["practice", "client", "reflections", "draft", "reflection_draft"]
Document = dict[str, Any]

FILE_TABLES: dict[str, dict[str, str]] = {
    "practice": {
        "clients": "client",
        "summaries": "summary",
        "reflections": "reflection",
        "settings": "setting",
        "exports_written": "export",
        "anonymous_hours": "anonymous_hours",
    },
    "client": {
        "plan": "plan",
        "goals": "goal",
        "actions": "action",
        "checkins": "checkin",
        "revisions": "revision",
        "sessions": "session",
    },
    "reflections": {"reflections": "reflection"},
    "draft": {"draft": "draft"},
    "reflection_draft": {"draft": "reflection_draft"},
}
"""For each kind of file, its tables and the kind of record each holds."""


def _rename(document: Document, old: str, new: str) -> Document:
    if old not in document:
        return document
    renamed = {key: value for key, value in document.items() if key != old}
    renamed.setdefault(new, document[old])
    return renamed


def _v0_to_v1(document: Document, kind: str) -> Document:
    if kind == "client":
        document = _rename(document, "consent_to_be_named", "consent_named_in_log")
    elif kind == "session" and isinstance(document.get("notes"), list):
        notes = document["notes"]
        document = {
            **document,
            "notes": [_rename(n, "tag", "kind") if isinstance(n, dict) else n for n in notes],
        }
    return {**document, "schema_version": 1}


STEPS: dict[int, Callable[[Document, str], Document]] = {0: _v0_to_v1}
"""STEPS[n] upgrades a document from version n to n + 1."""


def document_version(document: Document) -> int:
    """The document's schema version; a document without one is version 0 (pre-release)."""
    version = document.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ValueError(f"schema_version {version!r} is not a version number")
    return version


def migrate(document: Document, kind: str, *, path: Path | None = None) -> Document:
    """Upgrade one document of record ``kind`` to the current version; NewerSchemaError if it is newer.

    ``path`` only names the file in the error message.
    """
    version = document_version(document)
    if version > CURRENT_VERSION:
        raise NewerSchemaError(path or Path(f"<{kind} record>"), version, CURRENT_VERSION)
    while version < CURRENT_VERSION:
        document = STEPS[version](document, kind)
        version += 1
    if kind == "draft":
        # A draft embeds a whole session and actions, which carry their own versions.
        if isinstance(document.get("session"), dict):
            document = {**document, "session": migrate(document["session"], "session", path=path)}
        if isinstance(document.get("actions"), list):
            actions = [
                migrate(a, "action", path=path) if isinstance(a, dict) else a for a in document["actions"]
            ]
            document = {**document, "actions": actions}
    return document


def meta_document(kind: FileKind) -> Document:
    return {"kind": kind, "schema_version": CURRENT_VERSION}


def file_version(data: Data, kind: FileKind, path: Path) -> int:
    """The version recorded in the file's ``_meta`` table (0 without one); checks the file's kind."""
    meta_table = data.get(META_TABLE)
    if not meta_table:
        return 0
    meta = next(iter(meta_table.values()))
    found_kind = meta.get("kind")
    if found_kind != kind:
        raise corrupt(path, f"it is a {found_kind!r} file, not a {kind!r} file")
    try:
        return document_version(meta)
    except ValueError as error:
        raise corrupt(path, f"its _meta table is invalid: {error}") from error


def migrate_file(data: Data | None, kind: FileKind, path: Path) -> tuple[Data, int]:
    """Upgrade a parsed file in memory; return it with the oldest version found in it on disk.

    A new file (``data`` None) comes back holding only its ``_meta``.
    Raises NewerSchemaError if the file or any document is newer than this coachtui.
    """
    if data is None:
        return {META_TABLE: {"1": meta_document(kind)}}, CURRENT_VERSION
    version = file_version(data, kind, path)
    if version > CURRENT_VERSION:
        raise NewerSchemaError(path, version, CURRENT_VERSION)
    oldest = version
    migrated: Data = {}
    for table_name, table in data.items():
        record_kind = FILE_TABLES[kind].get(table_name)
        if record_kind is None:
            migrated[table_name] = table
            continue
        upgraded: dict[str, Any] = {}
        for doc_id, document in table.items():
            try:
                oldest = min(oldest, document_version(document))
                upgraded[doc_id] = migrate(document, record_kind, path=path)
            except ValueError as error:
                raise corrupt(path, f"document {doc_id} of table {table_name!r}: {error}") from error
        migrated[table_name] = upgraded
    migrated[META_TABLE] = {"1": meta_document(kind)}
    return migrated, oldest
