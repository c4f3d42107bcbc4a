"""Provides ``TinyFile``: one TinyDB file of a known kind, read through migration and validation.

Records go in as pydantic models and come out validated; a file whose
documents do not validate is refused as a whole (CorruptFileError naming the
file and the record), and is then never written. Ids that name a file (a
client's id names ``clients/<id>.json``, a session's its draft) are checked
too: ``../../etc/x`` in practice.json is an invalid record, not a path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, ItemsView, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from tinydb import Query, TinyDB

from coachtui.domain import models as m
from coachtui.domain.models.hours import AnonymousHours
from coachtui.store.atomic import AtomicJSONStorage, Data, corrupt
from coachtui.store.errors import CorruptFileError
from coachtui.store.migrations import CURRENT_VERSION, FileKind, migrate_file
from coachtui.store.summary import SessionHead

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher

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

HEADINGS_FIRST: dict[str, dict[str, type[BaseModel]]] = {"client": {"sessions": SessionHead}}
"""Tables a ``TinyFile`` validates by their headings when it is read, and whole just after (``validate_all``).

A 200-session client file holds 9,000 notes: validating them takes 30 ms, and 20 ms more to build the
session's validator the first time, on the way to a screen that shows none of them (history, charts,
plan). The rest is validated before the file's first write, by ``validate_all`` (which the screens
run in a worker once drawn), and by every read that returns whole sessions.
"""


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


class TinyFile:
    """One TinyDB file (practice, client or a client's reflections): loaded lazily, validated, written atomically."""

    def __init__(
        self, path: Path, kind: FileKind, *, read_only: bool = False, cipher: Cipher | None = None
    ) -> None:
        self.path = Path(path)
        self.kind = kind
        self.oldest_version = CURRENT_VERSION
        """The oldest schema version found in the file when it was read; older means it was migrated."""
        self._unchecked: dict[str, type[BaseModel]] = {}
        """Tables read by their headings only (``HEADINGS_FIRST``), and the model ``validate_all`` checks."""
        self._broken: CorruptFileError | None = None
        """What ``validate_all`` found: from then on the file is refused as a whole, as if it failed to load."""
        self.on_validated: Callable[[], None] | None = None
        """Called once the whole file has been validated (the repository takes its daily backup then)."""
        self.db = TinyDB(
            self.path, storage=AtomicJSONStorage, read_only=read_only, on_load=self._on_load, cipher=cipher
        )
        storage = self.db.storage
        assert isinstance(storage, AtomicJSONStorage)
        self.storage: AtomicJSONStorage = storage

    def _on_load(self, data: Data | None) -> Data:
        migrated, self.oldest_version = migrate_file(data, self.kind, self.path)
        headings = HEADINGS_FIRST.get(self.kind, {})
        validate_tables(self.path, self.kind, migrated, headings)
        self._unchecked = {table: SCHEMAS[self.kind][table] for table in headings}
        return migrated

    def load(self) -> None:
        """Read, migrate and validate the file now (some tables by their headings: ``validate_all``
        checks the rest); raises CorruptFileError or NewerSchemaError."""
        self.storage.read()
        if self._broken is not None:
            raise self._broken

    @property
    def validated(self) -> bool:
        """Whether the whole file was read and validated (not only its headings)."""
        return self.storage.read() is not None and not self._unchecked and self._broken is None

    def validate_all(self) -> None:
        """Validate what the read left to check; CorruptFileError naming the record if one is invalid,
        and then the file is refused as a whole (never written) until the app reopens it."""
        self.load()
        if not self._unchecked:
            return
        data = self.storage.read() or {}
        try:
            for table, model in self._unchecked.items():
                for doc_id, document in data.get(table, {}).items():
                    validate_document(self.path, table, doc_id, model, document)
        except CorruptFileError as error:
            self._broken = error
            raise
        for table in list(self._unchecked):
            self._checked(table)

    def _checked(self, table: str) -> None:
        del self._unchecked[table]
        if not self._unchecked:
            validated, self.on_validated = self.on_validated, None
            if validated is not None:
                validated()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every change inside is written to the file in one atomic write at the end; a file is only
        written once all of it has been validated."""
        self.validate_all()
        with self.storage.batch():
            yield

    def _stored(self, table: str) -> ItemsView[str, dict[str, Any]]:
        # The storage's own documents, not TinyDB's per-document copies: reading a 10,000-entry
        # table must not copy it. Callers only read them, under the repository's lock.
        data = self.storage.read() or {}
        if self._broken is not None:
            raise self._broken
        return data.get(table, {}).items()

    def documents(self, table: str) -> list[dict[str, Any]]:
        """Shallow copies of the raw documents of ``table`` (validated when the file was read)."""
        return [dict(document) for _, document in self._stored(table)]

    def values(self, table: str, key: str) -> list[Any]:
        """The ``key`` field of every document of ``table``, without validating or copying them."""
        return [document.get(key) for _, document in self._stored(table)]

    def records(self, table: str, model: type[M]) -> list[M]:
        """Every record of ``table``, in stored order."""
        with self._refused_if_invalid(table):
            records = [
                validate_document(self.path, table, doc_id, model, document)
                for doc_id, document in self._stored(table)
            ]
        if self._unchecked.get(table) is model:  # the whole table, validated on the way
            self._checked(table)
        return records

    def find(self, table: str, model: type[M], key: str, value: str) -> M | None:
        """The first record whose ``key`` is ``value``; only that one is validated."""
        with self._refused_if_invalid(table):
            for doc_id, document in self._stored(table):
                if document.get(key) == value:
                    return validate_document(self.path, table, doc_id, model, document)
        return None

    @contextmanager
    def _refused_if_invalid(self, table: str) -> Iterator[None]:
        # A record the read did not check whole, found invalid now: the file is refused from now on.
        try:
            yield
        except CorruptFileError as error:
            if table in self._unchecked:
                self._broken = error
            raise

    def put(self, table: str, record: BaseModel, key: str = "id") -> None:
        """Insert ``record`` or replace the stored one with the same ``key``."""
        document = to_document(record)

        def replace(stored: MutableMapping[str, Any]) -> None:
            stored.clear()
            stored.update(document)

        with self.batch():
            if not self.db.table(table).update(replace, Query()[key] == document[key]):
                self.db.table(table).insert(document)

    def delete(self, table: str, key: str, value: str) -> bool:
        """Delete the records whose ``key`` is ``value``; whether any was there."""
        with self.batch():
            return bool(self.db.table(table).remove(Query()[key] == value))

    def replace_all(self, table: str, records: Sequence[BaseModel]) -> None:
        """Make ``records`` the whole content of ``table``, in this order."""
        documents = [to_document(record) for record in records]
        with self.batch():
            self.db.table(table).truncate()
            if documents:
                self.db.table(table).insert_multiple(documents)
