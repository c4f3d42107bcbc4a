"""Provides what a data folder holds without a readable practice.json, and rebuilding practice.json from it.

practice.json lists the clients (name, contact, agreement), the home screen's summaries and the
settings; each client's plan, goals, actions, check-ins, revisions and sessions live in
``clients/<id>.json``, which names the client only by id. A folder whose practice.json is missing
but which holds client files, backups of practice.json or drafts is a practice that lost its index,
not a new one: ``Repository.open`` refuses it (PracticeMissingError) and ``rebuild_practice``
(``coachtui repair``) writes a new practice.json from

- the newest backup of practice.json that can be read (its clients, settings, reflections), else nothing;
- a client for every id found in a client file, a reflections file or a draft but not in that
  backup, named "Recovered client <id>" (no client file holds the name), for the coach to rename;

then recomputes every summary from the client files. An unreadable practice.json is kept beside it
as ``practice.broken-<time>.json``; one from a newer coachtui, or a link to nothing, is left alone.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coachtui.domain.models import Client
from coachtui.store import backups
from coachtui.store.atomic import (
    Data,
    atomic_write_bytes,
    corrupt,
    dangling_link_reason,
    encode_json,
    fsync_dir,
    read_tinydb_file,
    sealed,
)
from coachtui.store.base import CLIENTS_DIR, DRAFTS_DIR, PRACTICE_FILE, REFLECTIONS_SUFFIX, Clock
from coachtui.store.documents import check_id, load_document_file, to_document
from coachtui.store.drafts import REFLECTIONS_DIR, DraftFolder
from coachtui.store.errors import CorruptFileError, PracticeMissingError, StoreError
from coachtui.store.lock import DataDirLock
from coachtui.store.migrations import migrate_file

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher

RECOVERED_NAME = "Recovered client {id}"


def repair_command(data_dir: Path) -> str:
    return f"coachtui --data-dir {shlex.quote(str(data_dir))} repair"


def _json_files(folder: Path) -> list[Path]:
    try:
        names = sorted(e.name for e in os.scandir(folder) if e.is_file() and e.name.endswith(".json"))
    except OSError:
        return []
    return [folder / name for name in names if not name.startswith(".")]


def _client_ids_of_files(data_dir: Path) -> list[str]:
    """Ids named by client files and reflections files, in name order, each once."""
    ids: dict[str, None] = {}
    for path in _json_files(data_dir / CLIENTS_DIR):
        stem = path.name.removesuffix(REFLECTIONS_SUFFIX).removesuffix(".json")
        with suppress(ValueError):
            ids[check_id(stem)] = None
    return list(ids)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def check_practice_present(data_dir: Path) -> None:
    """Refuse to start a new practice where practice.json is missing but a practice's files remain."""
    practice = data_dir / PRACTICE_FILE
    if practice.exists() or os.path.islink(practice):
        return  # a file to read, or a link to nothing, which reading reports
    found = []
    clients = _client_ids_of_files(data_dir)
    if clients:
        found.append(f"the files of {_plural(len(clients), 'client')} ({data_dir / CLIENTS_DIR})")
    taken = backups.list_backups(practice)
    if taken:
        found.append(f"{_plural(len(taken), 'backup')} of practice.json (the latest {taken[-1]})")
    drafts = _json_files(data_dir / DRAFTS_DIR) + _json_files(data_dir / DRAFTS_DIR / REFLECTIONS_DIR)
    if drafts:
        found.append(f"{_plural(len(drafts), 'unsaved draft')} ({data_dir / DRAFTS_DIR})")
    if found:
        raise PracticeMissingError(data_dir, found, repair_command(data_dir))


@dataclass
class RepairReport:
    """What ``rebuild_practice`` did, one sentence a line, for the coach."""

    lines: list[str] = field(default_factory=list)
    changed: bool = False

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines)


def _readable_practice(path: Path, report: RepairReport, cipher: Cipher | None) -> Data | None:
    """practice.json's data if it can be used; a broken one is reported (and set aside by the caller)."""
    try:
        data, _ = load_document_file(path, "practice", read_tinydb_file(path, cipher))
    except CorruptFileError as error:
        report.lines.append(f"{path} cannot be read ({error.reason}).")
        return None
    return data


def _newest_readable_backup(
    path: Path, report: RepairReport, cipher: Cipher | None
) -> tuple[Data, Path] | None:
    for backup in reversed(backups.list_backups(path)):
        try:
            data, _ = load_document_file(backup, "practice", read_tinydb_file(backup, cipher))
        except StoreError as error:
            report.lines.append(f"Skipped the backup {backup}: {error}")
            continue
        return data, backup
    return None


def _draft_client_ids(data_dir: Path, cipher: Cipher | None) -> list[str]:
    ids = []
    for draft in DraftFolder(data_dir / DRAFTS_DIR, cipher).readable():
        with suppress(ValueError):
            ids.append(check_id(draft.session.client_id))
    return ids


def _set_aside(path: Path, clock: Clock) -> Path:
    kept = path.with_name(f"{path.stem}.broken-{clock():%Y%m%d-%H%M%S}{path.suffix}")
    os.replace(path, kept)
    fsync_dir(path.parent)
    return kept


def rebuild_practice(data_dir: Path, *, clock: Clock, cipher: Cipher | None = None) -> RepairReport:
    """Rebuild practice.json (see the module's docstring) and say what was done.

    Raises StoreLockedError if another coachtui holds the folder, NewerSchemaError for a practice.json
    from a newer coachtui, CorruptFileError for a practice.json that is a link to nothing (both left
    untouched), StoreError if the folder cannot be written.
    """
    data_dir = Path(data_dir)
    report = RepairReport()
    if not data_dir.is_dir():
        report.lines.append(f"{data_dir} does not exist: nothing to repair.")
        return report
    path = data_dir / PRACTICE_FILE
    dangling = dangling_link_reason(path)
    if dangling is not None:
        raise corrupt(path, f"{dangling}. Reconnect what it points to, or remove the link, then repair")
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        present = path.exists()
        data = _readable_practice(path, report, cipher) if present else None
        intact = data is not None
        source = f"the existing {path}" if intact else None
        if data is None:
            found = _newest_readable_backup(path, report, cipher)
            if found is not None:
                data, backup = found
                source = f"the backup {backup}"
        if data is None:
            data, _ = migrate_file(None, "practice", path)
        clients = data.setdefault("clients", {})
        known = {str(document.get("id")) for document in clients.values()}
        with_files = set(_client_ids_of_files(data_dir))
        candidates = [*_client_ids_of_files(data_dir), *_draft_client_ids(data_dir, cipher)]
        added = [cid for cid in dict.fromkeys(candidates) if cid not in known]
        if intact and not added:
            report.lines.append(f"{path} is readable and lists every client file: nothing to repair.")
            return report
        next_key = max((int(key) for key in clients if key.isdigit()), default=0) + 1
        for offset, client_id in enumerate(added):
            client = Client(id=client_id, name=RECOVERED_NAME.format(id=client_id), created_at=clock())
            clients[str(next_key + offset)] = to_document(client)
        data["summaries"] = {}  # recomputed from the client files below
        try:
            if present and not intact:
                kept = _set_aside(path, clock)
                report.lines.append(f"The unreadable practice.json was kept as {kept}.")
            atomic_write_bytes(path, sealed(path, encode_json(data), cipher))
        except OSError as error:
            raise StoreError(f"Cannot write {path}: {error.strerror or error}.") from error
        report.changed = True
        names = sorted(str(document.get("name")) for document in clients.values())
        built = "Completed" if intact else "Rebuilt"
        report.lines.append(
            f"{built} {path} from {source or 'the client files alone (no readable backup)'}: "
            f"{_plural(len(names), 'client')}."
        )
        if added:
            report.lines.append(
                f"{_plural(len(added), 'client was', 'clients were')} found only in client files or "
                f"drafts and added as '{RECOVERED_NAME.format(id='<id>')}' (client files hold no name): "
                f"{', '.join(added)}. Rename them in coachtui (e on the home screen)."
            )
        without_file = sorted(
            str(document.get("name"))
            for document in clients.values()
            if document.get("id") not in with_files and document.get("id") not in added
        )
        if without_file and not intact:
            report.lines.append(
                f"From the backup without a client file (nothing saved for them yet, or erased after "
                f"the backup, which brings back their name and contact only; check them): "
                f"{', '.join(without_file)}."
            )
    finally:
        lock.release()
    report.lines.extend(_recompute_summaries(data_dir, clock, cipher))
    return report


def _recompute_summaries(data_dir: Path, clock: Clock, cipher: Cipher | None) -> list[str]:
    """Read every client file so each summary is recomputed, then save practice.json with them."""
    from coachtui.store.repository import Repository  # the repository opens folders through this module

    problems = []
    with Repository.open(data_dir, clock=clock, cipher=cipher) as repository:
        for client in repository.list_clients():
            try:
                repository.list_sessions(client.id)
            except StoreError as error:
                problems.append(f"The summary of {client.name} was not recomputed: {error}")
        storage = repository._practice.storage
        storage.write(storage.read() or {})
    return [*problems, "Summaries were recomputed from the client files."]
