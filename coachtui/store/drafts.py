"""Provides the live-session drafts: ``DATA/drafts/<session_id>.json``, one small atomic write per autosave.

A draft is a TinyDB-format file (``_meta`` and a one-document ``draft``
table) but is written directly, without a TinyDB instance: an autosave must
cost one small write and never touch the client's file.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path

from coachtui.domain.models import LiveDraft
from coachtui.store.atomic import atomic_write_bytes, corrupt, encode_json, fsync_dir, read_tinydb_file
from coachtui.store.documents import load_document_file, to_document, validate_document
from coachtui.store.errors import SaveError, StoreError
from coachtui.store.migrations import META_TABLE, meta_document
from coachtui.store.paths import ensure_private_dir

DRAFT_TABLE = "draft"
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def check_id(record_id: str) -> str:
    """Refuse ids that cannot safely name a file (they would escape the data folder)."""
    if not _SAFE_ID.match(record_id):
        raise ValueError(f"{record_id!r} is not a valid record id (letters, digits, '-' and '_' only)")
    return record_id


class DraftFolder:
    """The drafts of one data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, session_id: str) -> Path:
        return self.folder / f"{check_id(session_id)}.json"

    def paths(self) -> list[Path]:
        try:
            names = sorted(e.name for e in os.scandir(self.folder) if e.name.endswith(".json"))
        except FileNotFoundError:
            return []
        except OSError as error:
            raise StoreError(
                f"Cannot read the drafts folder {self.folder}: {error.strerror or error}."
            ) from error
        return [self.folder / name for name in names if not name.startswith(".")]

    def save(self, draft: LiveDraft) -> None:
        path = self.path(draft.session.id)
        data = {META_TABLE: {"1": meta_document("draft")}, DRAFT_TABLE: {"1": to_document(draft)}}
        try:
            ensure_private_dir(self.folder)
            atomic_write_bytes(path, encode_json(data))
        except OSError as error:
            raise SaveError(path, error) from error

    def load(self, path: Path) -> LiveDraft:
        """Read one draft; CorruptFileError or NewerSchemaError if it cannot be used."""
        data, _ = load_document_file(path, "draft", read_tinydb_file(path))
        documents = data.get(DRAFT_TABLE, {})
        if len(documents) != 1:
            raise corrupt(path, f"a draft holds one session, this one holds {len(documents)}")
        doc_id, document = next(iter(documents.items()))
        return validate_document(path, DRAFT_TABLE, doc_id, LiveDraft, document)

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

    def remove(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
            if self.folder.exists():
                fsync_dir(self.folder)
        except OSError as error:
            raise SaveError(path, error) from error
