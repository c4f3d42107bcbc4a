"""Provides ``TinyFile``: one TinyDB file of a known kind, read through migration and validation.

Records go in as pydantic models and come out validated (the schemas of ``coachtui.store.documents``);
a file whose documents do not validate is refused as a whole (CorruptFileError naming the file and
the record), and is then never written.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel
from tinydb import Query, TinyDB

from coachtui.store.atomic import AtomicJSONStorage, Data
from coachtui.store.documents import SCHEMAS, to_document, validate_document, validate_tables
from coachtui.store.errors import CorruptFileError
from coachtui.store.migrations import CURRENT_VERSION, FileKind, migrate_file
from coachtui.store.summary import SessionHead

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher

M = TypeVar("M", bound=BaseModel)

HEADINGS_FIRST: dict[str, dict[str, type[BaseModel]]] = {"client": {"sessions": SessionHead}}
"""Tables a ``TinyFile`` validates by their headings when it is read, and whole just after (``validate_all``).

A 200-session client file holds 9,000 notes: validating them takes 30 ms, and 20 ms more to build the
session's validator the first time, on the way to a screen that shows none of them (history, charts,
plan). The rest is validated before the file's first write, by ``validate_all`` (which the screens
run in a worker once drawn), and by every read that returns whole sessions.
"""


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
