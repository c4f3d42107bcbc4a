"""Provides erasing a client on request, and the register of files coachtui wrote outside the data folder.

Erasure removes every trace of the client from the data folder, so that afterwards no byte of it
holds their name or a phrase of their notes (``grep -a -r``):

- their client and reflections files and every backup of them; live-session and reflection drafts
  of their sessions, readable or set aside as broken; the notes index and the hours log's cache
  (dropped whole, so no SQLite free page or journal keeps a note; the next search or log rebuilds them);
- in practice.json and in every backup of it: any document whose ``client_id`` (or, in ``clients``,
  ``id``) is theirs, whatever the table, any setting whose key or value names them or their
  sessions, their entries in the export register. Backups are rewritten atomically and keep their
  modification time, which orders the rotation;
- the archives a restore kept in ``backups/``: rewritten without them;
- copies of practice.json set aside as unreadable that mention them: deleted (they cannot be rewritten).

Exports the coach saved elsewhere are outside coachtui's reach: ``record_export`` registers each one
and the erasure lists those of the client for the coach to delete. ICF may audit a credential's
hours, so the coach may keep the client's hours in the log as an anonymous row (``keep``):
start and end dates, paid and pro bono hours and group size, nothing that names them.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from coachtui.domain.models import Client
from coachtui.domain.models.hours import AnonymousHours
from coachtui.store import archive, backups
from coachtui.store.atomic import (
    Data,
    atomic_write_bytes,
    encode_json,
    parse_tinydb_bytes,
    read_tinydb_file,
    sealed,
)
from coachtui.store.base import PRACTICE_FILE, synchronized
from coachtui.store.client_traces import Traces, leftovers
from coachtui.store.documents import ExportRecord
from coachtui.store.errors import RecordNotFound, SaveError, StoreError
from coachtui.store.hours import ANONYMOUS_TABLE
from coachtui.store.hours_cache import drop_hours_cache
from coachtui.store.migrations import META_TABLE
from coachtui.store.note_search import NoteSearch

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher

EXPORTS_TABLE = "exports_written"


@dataclass
class ErasureReport:
    """What an erasure did, for the coach."""

    name: str
    exports: list[Path] = field(default_factory=list)
    """Files coachtui wrote outside the data folder holding the client: for the coach to delete."""
    rewritten: list[Path] = field(default_factory=list)
    """Backups rewritten without the client."""
    deleted: list[Path] = field(default_factory=list)
    kept_hours: float | None = None
    """With ``keep_hours``: the hours kept in the log as an anonymous row (None: none kept)."""
    leftovers: list[Path] = field(default_factory=list)
    """Files of the data folder that still contain the client's name or id (another client's notes
    may name them); empty after a complete erasure."""


def scrub_practice(data: Data, traces: Traces) -> Data | None:
    """practice.json's data without the client; None if nothing in it was theirs."""
    changed = False
    scrubbed: Data = {}
    for table, documents in data.items():
        kept: dict[str, Any] = {}
        for doc_id, document in documents.items():
            if table == META_TABLE:
                kept[doc_id] = document
            elif table == EXPORTS_TABLE and traces.client_id in document.get("client_ids", []):
                others = [c for c in document["client_ids"] if c != traces.client_id]
                changed = True
                if others:
                    kept[doc_id] = {**document, "client_ids": others}
            elif _is_theirs(table, document, traces):
                changed = True
            else:
                kept[doc_id] = document
        scrubbed[table] = kept
    return scrubbed if changed else None


def _is_theirs(table: str, document: dict[str, Any], traces: Traces) -> bool:
    if table == "clients" and document.get("id") == traces.client_id:
        return True
    if table == "settings":
        # A setting names the client by id, by a session's id (an older coachtui's reflection
        # drafts) or by name; no setting is worth a trace left behind.
        return traces.in_bytes(orjson.dumps(document))
    return traces.owns(document)


class ClientErasure(NoteSearch):
    """``erase_client``, and the register of exports it lists."""

    @synchronized
    def record_export(self, path: Path, client_ids: str | Iterable[str]) -> None:
        """Remember that coachtui wrote ``path`` (outside the data folder) holding these clients' records."""
        self._writable()
        ids = [client_ids] if isinstance(client_ids, str) else list(client_ids)
        record = ExportRecord(path=str(Path(path).absolute()), client_ids=ids, at=self._clock())
        self._practice.put(EXPORTS_TABLE, record, key="path")

    @synchronized
    def exports_of(self, client_id: str) -> list[Path]:
        """The files coachtui wrote outside the data folder that hold the client's records, oldest first."""
        found = self._practice.records(EXPORTS_TABLE, ExportRecord)
        return [Path(r.path) for r in sorted(found, key=lambda r: r.at) if client_id in r.client_ids]

    @synchronized
    def erase_client(self, client_id: str, *, keep: AnonymousHours | None = None) -> ErasureReport:
        """Erase a client and every trace of them in the data folder (see the module's docstring);
        ``keep``: their hours as an anonymous row for the ICF log (``store.hours.anonymous_row_of``).

        Files go first and practice.json last: if a write fails half-way, the client is still listed
        and can be erased again. Raises RecordNotFound, SaveError.
        """
        self._writable()
        path = self._client_path(client_id)
        client = self._practice.find("clients", Client, "id", client_id)
        if client is None and not path.exists() and not self._practice.storage.dirty:
            raise RecordNotFound("client", client_id)
        traces = Traces(
            client_id,
            frozenset(self._session_ids_ever(client_id)),
            client.name if client else "",
            self.cipher,
        )
        report = ErasureReport(client.name if client else client_id, exports=self.exports_of(client_id))
        self._clients.pop(client_id, None)
        self._reflection_files.pop(client_id, None)
        self._search_index().drop()
        drop_hours_cache(self.data_dir)
        try:
            self._erase_drafts(traces, report)
            for erased in (path, self._reflections_path(client_id)):
                erased.unlink(missing_ok=True)
                backups.remove_backups(erased)
        except OSError as error:
            raise SaveError(getattr(error, "filename", None) or self.data_dir, error) from error
        scrubbed = scrub_practice(self._practice.storage.read() or {}, traces)
        if scrubbed is not None:
            self._practice.storage.write(scrubbed)
            for table in self._practice.db.tables():
                self._practice.db.table(table).clear_cache()
        self._scrub_backups(traces, report)
        if keep is not None:
            # Last, once nothing of the client is left: the row holds nothing that names them.
            self._practice.put(ANONYMOUS_TABLE, keep)
            report.kept_hours = keep.paid_hours + keep.pro_bono_hours
        report.leftovers = leftovers(self.data_dir, traces)
        return report

    def _session_ids_ever(self, client_id: str) -> set[str]:
        """Ids of the client's sessions in their file and every backup of it (a deleted session's too)."""
        ids: set[str] = set()
        path = self._client_path(client_id)
        for source in [path, *backups.list_backups(path)]:
            with suppress(StoreError):
                data = read_tinydb_file(source, self.cipher) or {}
                ids.update(str(doc.get("id")) for doc in data.get("sessions", {}).values())
        return ids

    def _erase_drafts(self, traces: Traces, report: ErasureReport) -> None:
        for folder in (self._drafts.folder, self._drafts.reflections_folder):
            with suppress(FileNotFoundError):
                for entry in os.scandir(folder):
                    if not entry.is_file():
                        continue
                    # Broken drafts (<session_id>.broken-<time>.json) are named by their session too.
                    named = entry.name.split(".", 1)[0] in traces.session_ids
                    if named or traces.in_file(
                        Path(entry.path), Path(entry.path).read_bytes(), by_name=False
                    ):
                        self._drafts.remove(Path(entry.path))
                        report.deleted.append(Path(entry.path))

    def _scrub_backups(self, traces: Traces, report: ErasureReport) -> None:
        practice = self.data_dir / PRACTICE_FILE
        for backup in backups.list_backups(practice):
            try:
                data = parse_tinydb_bytes(backup, backup.read_bytes(), self.cipher)
            except StoreError:
                if traces.in_file(backup, backup.read_bytes()):
                    _delete(backup, report)
                continue
            scrubbed = scrub_practice(data, traces)
            if scrubbed is not None:
                _rewrite(backup, encode_json(scrubbed), report, self.cipher)
        folder = backups.backup_dir_for(practice)
        for kept in sorted(folder.glob("*.zip")):
            self._scrub_archive(kept, traces, report)
        for broken in sorted(self.data_dir.glob("practice.broken-*.json")):
            if traces.in_file(broken, broken.read_bytes()):
                _delete(broken, report)

    def _scrub_archive(self, path: Path, traces: Traces, report: ErasureReport) -> None:
        try:
            with zipfile.ZipFile(path) as zipped:
                created = orjson.loads(zipped.read(archive.MANIFEST))["created_at"]
                names = [n for n in zipped.namelist() if n != archive.MANIFEST]
                members = [
                    archive.Member(n, archive.member_kind(n) or "client", zipped.read(n)) for n in names
                ]
        except (zipfile.BadZipFile, KeyError, OSError, orjson.JSONDecodeError, TypeError):
            return  # not one of ours: ``leftovers`` reports it if it holds the client
        kept: list[archive.Member] = []
        for member in members:
            where = self.data_dir / member.path  # the name an encrypted member is sealed under
            if member.kind == "practice":
                scrubbed = scrub_practice(parse_tinydb_bytes(where, member.data, self.cipher), traces)
                plain = None if scrubbed is None else encode_json(scrubbed)
                plain = None if plain is None else sealed(where, plain, self.cipher)
                kept.append(member if plain is None else archive.Member(member.path, "practice", plain))
            elif not (
                member.path.startswith("clients/" + traces.client_id + ".")
                or traces.in_file(where, member.data, by_name=False)
            ):
                kept.append(member)
        if kept != members:
            _rewrite(path, archive.build(kept, now=datetime.fromisoformat(created)), report)


def _rewrite(path: Path, data: bytes, report: ErasureReport, cipher: Cipher | None = None) -> None:
    stat = path.stat()
    try:
        atomic_write_bytes(path, sealed(path, data, cipher))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    except OSError as error:
        raise SaveError(path, error) from error
    report.rewritten.append(path)


def _delete(path: Path, report: ErasureReport) -> None:
    try:
        path.unlink()
    except OSError as error:
        raise SaveError(path, error) from error
    report.deleted.append(path)
