"""Provides the drafts folder: live-session drafts and unfinished reflections, one small file each.

``DATA/drafts/<session_id>.json`` is a live session's autosave;
``DATA/drafts/reflections/<session_id>.json`` is what the coach typed in a
reflection on that session before the app quit (in a folder of its own, which
an earlier coachtui's scan of ``drafts/*.json`` passes over rather than
taking it for a broken live draft). Either is a TinyDB-format file
(``_meta`` and a one-document ``draft`` table) but is written directly, with
one small atomic write and without a TinyDB instance: an autosave must never
touch the client's file, and a reflection left unfinished must not rewrite
practice.json (where an earlier coachtui kept it, among the settings).
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from coachtui.domain.models import LiveDraft
from coachtui.store.atomic import (
    atomic_write_bytes,
    corrupt,
    encode_json,
    fsync_dir,
    read_tinydb_file,
    sealed,
)
from coachtui.store.documents import (
    ReflectionDraft,
    check_id,
    load_document_file,
    to_document,
    validate_document,
)
from coachtui.store.errors import SaveError, StoreError
from coachtui.store.migrations import META_TABLE, FileKind, meta_document
from coachtui.store.paths import ensure_private_dir

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher

DRAFT_TABLE = "draft"
REFLECTIONS_DIR = "reflections"
"""Unfinished reflections: ``drafts/reflections/<session_id>.json``."""
BROKEN_MARK = ".broken-"
"""A draft that cannot be read is kept as ``<session_id>.broken-<YYYYmmdd-HHMMSS>.json`` and skipped."""

__all__ = ["DRAFT_TABLE", "REFLECTIONS_DIR", "DraftFolder", "check_id"]


class DraftFolder:
    """The drafts of one data folder."""

    def __init__(self, folder: Path, cipher: Cipher | None = None) -> None:
        self.folder = Path(folder)
        self.cipher = cipher

    def path(self, session_id: str) -> Path:
        return self.folder / f"{check_id(session_id)}.json"

    def paths(self) -> list[Path]:
        """The live-session drafts."""
        try:
            names = sorted(e.name for e in os.scandir(self.folder) if e.name.endswith(".json"))
        except FileNotFoundError:
            return []
        except OSError as error:
            raise StoreError(
                f"Cannot read the drafts folder {self.folder}: {error.strerror or error}."
            ) from error
        return [self.folder / name for name in names if not name.startswith(".") and BROKEN_MARK not in name]

    def set_aside(self, path: Path, stamp: str) -> Path:
        """Keep an unreadable draft under a name no scan reads again: ``<stem>.broken-<stamp>.json``."""
        kept = path.with_name(f"{path.stem}{BROKEN_MARK}{stamp}.json")
        attempt = 1
        while kept.exists():
            attempt += 1
            kept = path.with_name(f"{path.stem}{BROKEN_MARK}{stamp}-{attempt}.json")
        try:
            os.replace(path, kept)
            fsync_dir(path.parent)
        except OSError as error:
            raise SaveError(path, error) from error
        return kept

    def _write(self, path: Path, kind: FileKind, record: BaseModel) -> None:
        data = {META_TABLE: {"1": meta_document(kind)}, DRAFT_TABLE: {"1": to_document(record)}}
        try:
            ensure_private_dir(path.parent)
            atomic_write_bytes(path, sealed(path, encode_json(data), self.cipher))
        except OSError as error:
            raise SaveError(path, error) from error

    def save(self, draft: LiveDraft) -> None:
        self._write(self.path(draft.session.id), "draft", draft)

    def load(self, path: Path) -> LiveDraft:
        """Read one draft; CorruptFileError or NewerSchemaError if it cannot be used."""
        return _read_one(path, "draft", LiveDraft, self.cipher)

    def load_all(self) -> list[LiveDraft]:
        return [self.load(path) for path in self.paths()]

    def readable(self) -> list[LiveDraft]:
        """Every draft that can be read, skipping the others (used where a bad draft must not block)."""
        drafts = []
        for path in self.paths():
            with suppress(StoreError):
                drafts.append(self.load(path))
        return drafts

    def discard(self, session_id: str) -> None:
        self.remove(self.path(session_id))

    # --- unfinished reflections ---------------------------------------------------------------

    @property
    def reflections_folder(self) -> Path:
        return self.folder / REFLECTIONS_DIR

    def reflection_path(self, session_id: str) -> Path:
        return self.reflections_folder / f"{check_id(session_id)}.json"

    def save_reflection(self, draft: ReflectionDraft) -> None:
        self._write(self.reflection_path(draft.session_id), "reflection_draft", draft)

    def load_reflection(self, session_id: str) -> ReflectionDraft | None:
        """The unfinished reflection on a session, or None; CorruptFileError if it cannot be used."""
        path = self.reflection_path(session_id)
        if not path.exists():
            return None
        return _read_one(path, "reflection_draft", ReflectionDraft, self.cipher)

    def discard_reflection(self, session_id: str) -> None:
        path = self.reflection_path(session_id)
        if path.exists():
            self.remove(path)

    def remove(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
            if path.parent.exists():
                fsync_dir(path.parent)
        except OSError as error:
            raise SaveError(path, error) from error


M = TypeVar("M", bound=BaseModel)


def _read_one(path: Path, kind: FileKind, model: type[M], cipher: Cipher | None) -> M:
    data, _ = load_document_file(path, kind, read_tinydb_file(path, cipher))
    documents = data.get(DRAFT_TABLE, {})
    if len(documents) != 1:
        raise corrupt(path, f"a draft holds one record, this one holds {len(documents)}")
    doc_id, document = next(iter(documents.items()))
    return validate_document(path, DRAFT_TABLE, doc_id, model, document)
