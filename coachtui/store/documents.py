"""Provides the schemas of coachtui's files and the validation of their documents.

Each kind of file has a model per table (``SCHEMAS``); a document that does not validate raises
CorruptFileError naming the file and the record. Ids that name a file (a client's id names
``clients/<id>.json``, a session's its draft) are checked too: ``../../etc/x`` in practice.json is an
invalid record, not a path. ``to_document`` is the way back: the JSON stored for a record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from coachtui.domain import models as m
from coachtui.domain.models.hours import AnonymousHours
from coachtui.store.atomic import Data, corrupt
from coachtui.store.migrations import CURRENT_VERSION, FileKind, migrate_file

M = TypeVar("M", bound=BaseModel)

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def check_id(record_id: str) -> str:
    """Refuse ids that cannot safely name a file (they would escape the data folder)."""
    if not isinstance(record_id, str) or not _SAFE_ID.match(record_id):
        raise ValueError(f"{record_id!r} is not a valid record id (letters, digits, '-' and '_' only)")
    return record_id


FILE_NAMING_FIELDS: dict[str, tuple[str, ...]] = {
    "clients": ("id",),
    "summaries": ("client_id",),
    "sessions": ("id",),
    "reflections": ("client_id", "session_id"),
}
"""Per table, the fields whose value becomes part of a file's name (clients/<id>.json, drafts/<id>.json)."""


class Setting(BaseModel):
    """One entry of the practice's settings table: a key and any JSON value."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    key: str
    value: Any = None
    schema_version: int = CURRENT_VERSION


class ReflectionDraft(BaseModel):
    """What the coach typed in a reflection left unfinished (the app quit): the screen's field values."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    session_id: str
    values: dict[str, Any]
    saved_at: datetime
    """When the store wrote it, by the repository's clock."""
    schema_version: int = CURRENT_VERSION


class ExportRecord(BaseModel):
    """A file coachtui wrote outside the data folder (an export), so that erasing a client can list it."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    path: str
    client_ids: list[str]
    """The clients whose records the file holds."""
    at: datetime
    schema_version: int = CURRENT_VERSION


SCHEMAS: dict[str, dict[str, type[BaseModel]]] = {
    "practice": {
        "clients": m.Client,
        "summaries": m.ClientSummary,
        "reflections": m.Reflection,
        "settings": Setting,
        "exports_written": ExportRecord,
        "anonymous_hours": AnonymousHours,
    },
    "client": {
        "plan": m.CoachingPlan,
        "goals": m.Goal,
        "actions": m.Action,
        "checkins": m.CheckIn,
        "revisions": m.PlanRevision,
        "sessions": m.Session,
    },
    "reflections": {"reflections": m.Reflection},
    "draft": {"draft": m.LiveDraft},
    "reflection_draft": {"draft": ReflectionDraft},
}
"""The model each table's documents are validated into, per kind of file."""


def to_document(model: BaseModel) -> dict[str, Any]:
    """The JSON document stored for ``model``, stamped with the current ``schema_version``.

    The records are built by this coachtui's models, so whatever version a
    record object claims, what is written is the current format; nested records
    (a client's agreement, a draft's session and actions) are stamped too.
    """
    document = model.model_dump(mode="json")
    _stamp(document)
    return document


def _stamp(value: Any, top: bool = True) -> None:
    if isinstance(value, dict):
        if top or "schema_version" in value:
            value["schema_version"] = CURRENT_VERSION
        for item in value.values():
            if isinstance(item, dict | list):
                _stamp(item, top=False)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list):
                _stamp(item, top=False)


def _without_version(model: type[BaseModel], document: dict[str, Any]) -> dict[str, Any]:
    # Some records (summaries) have no schema_version field; the store adds it to the document.
    if (
        "schema_version" in document
        and "schema_version" not in model.model_fields
        and model.model_config.get("extra") == "forbid"
    ):
        return {key: value for key, value in document.items() if key != "schema_version"}
    return document


def _describe(error: ValidationError) -> str:
    parts = []
    for detail in error.errors()[:3]:
        where = ".".join(str(part) for part in detail["loc"]) or "record"
        parts.append(f"{where}: {detail['msg']}")
    more = f" (and {error.error_count() - 3} more problems)" if error.error_count() > 3 else ""
    return "; ".join(parts) + more


def validate_document(path: Path, table: str, doc_id: str, model: type[M], document: dict[str, Any]) -> M:
    """Validate one document into ``model``; CorruptFileError naming the file and the record."""
    try:
        record = model.model_validate(_without_version(model, document))
        _check_file_names(table, record)
        return record
    except (ValidationError, ValueError) as error:
        name = document.get("id") or document.get("client_id") or document.get("key") or doc_id
        named = f", {document['name']}" if isinstance(document.get("name"), str) else ""
        problem = _describe(error) if isinstance(error, ValidationError) else str(error)
        raise corrupt(
            path,
            f"the {table!r} record {name!r} (document {doc_id}{named}) is invalid: {problem}",
        ) from error


def _check_file_names(table: str, record: BaseModel) -> None:
    for field in FILE_NAMING_FIELDS.get(table, ()):
        value = getattr(record, field, None)
        if value is not None:
            check_id(value)
    if isinstance(record, m.LiveDraft):
        # A draft embeds its session, whose id names the draft and the session's files.
        check_id(record.session.id)


def validate_tables(
    path: Path, kind: FileKind, data: Data, headings: Mapping[str, type[BaseModel]] | None = None
) -> None:
    """Validate every document of the known tables of a parsed file (those in ``headings`` by their
    heading model only)."""
    for table, model in SCHEMAS[kind].items():
        model = (headings or {}).get(table, model)
        for doc_id, document in data.get(table, {}).items():
            validate_document(path, table, doc_id, model, document)


def load_document_file(path: Path, kind: FileKind, data: Data | None) -> tuple[Data, int]:
    """Migrate and validate parsed file data; return it with the oldest version it held."""
    migrated, oldest = migrate_file(data, kind, path)
    validate_tables(path, kind, migrated)
    return migrated, oldest
