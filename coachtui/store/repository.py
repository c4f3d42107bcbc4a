"""Provides ``Repository``: the one door to the coach's data, used by the UI and the command line.

Layout of a data folder (all folders 0700, all files 0600)::

    practice.json                         clients, summaries, settings, _meta
    clients/<client_id>.json              plan, goals, actions, checkins, revisions, sessions, _meta
    clients/<client_id>.reflections.json  the coach's reflections on the client's sessions, _meta
    drafts/<session_id>.json              a live session's autosave
    drafts/reflections/<session_id>.json  a reflection left unfinished when the app quit
    backups/                  daily copies, the newest 7 per file
    index/                    caches of the client files: notes.sqlite3 (search), hours.json (hours log)
    coachtui.lock             the single-writer lock

Opening reads only ``practice.json``; a client's file is read the first time
it is needed and then kept in memory. Every public method holds one
re-entrant lock, so the UI may save from worker threads.
"""

from __future__ import annotations

import os
import shutil
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from coachtui.domain.models import Client, ClientSummary, Session, now
from coachtui.store import backups
from coachtui.store.atomic import TEMP_SUFFIX, read_tinydb_file
from coachtui.store.base import CLIENTS_DIR, DRAFTS_DIR, Clock, synchronized
from coachtui.store.client_index import ClientIndexing
from coachtui.store.client_reads import ClientReads
from coachtui.store.client_records import ClientRecords
from coachtui.store.documents import Setting
from coachtui.store.drafts import REFLECTIONS_DIR, check_id
from coachtui.store.erasure import ClientErasure
from coachtui.store.errors import EncryptedError, RecordNotFound, StoreError, read_only_command
from coachtui.store.finder import Candidate, pick, split_session_ref
from coachtui.store.hours import HoursRecords
from coachtui.store.lock import DataDirLock
from coachtui.store.note_search import NoteSearch
from coachtui.store.paths import INDEX_DIR, KEYFILE, ensure_private_dir
from coachtui.store.reflections import ReflectionRecords, draft_session_id
from coachtui.store.repair import check_practice_present

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher


class Repository(
    ClientRecords, ReflectionRecords, ClientErasure, NoteSearch, ClientIndexing, ClientReads, HoursRecords
):
    """The coach's data folder: clients, plans, sessions, reflections and live-session drafts."""

    # --- opening and closing ------------------------------------------------------------------

    @classmethod
    def open(
        cls, data_dir: Path, *, read_only: bool = False, clock: Clock = now, cipher: Cipher | None = None
    ) -> Repository:
        """Open a data folder: create it as needed, take the lock, validate practice.json, back it up.

        Every time the store records or decides by (backups' days, draft times, a closed session's
        end, what is due today) comes from ``clock``; pass the app's clock.

        Raises StoreLockedError if another coachtui holds the folder (read-only
        needs no lock and creates nothing), CorruptFileError or
        NewerSchemaError if practice.json cannot be used, PracticeMissingError
        if it is missing beside client files, backups or drafts (see
        ``coachtui.store.repair``), StoreError if the folder cannot be created.

        An encrypted folder (it holds keys.json) is opened only with its ``cipher``
        (``coachtui.store.keyfile.unlock``); without it, EncryptedError before anything is touched.
        """
        data_dir = Path(data_dir)
        if cipher is None and (data_dir / KEYFILE).exists():
            raise EncryptedError(data_dir)
        lock = None
        if not read_only:
            try:
                for folder in (data_dir, data_dir / CLIENTS_DIR, data_dir / DRAFTS_DIR):
                    ensure_private_dir(folder)
            except OSError as error:
                raise StoreError(
                    f"Cannot create the data folder {data_dir}: {error.strerror or error}."
                ) from error
            lock = DataDirLock(data_dir)
            try:
                lock.acquire()
            except OSError as error:
                raise StoreError(
                    f"Cannot open {data_dir} for writing: {error.strerror or error}. "
                    f"It can still be opened read-only: {read_only_command(data_dir)}"
                ) from error
        repository = cls(data_dir, read_only=read_only, lock=lock, clock=clock, cipher=cipher)
        try:
            if not read_only:
                repository._sweep_temp_files()
                if cipher is not None:
                    # A plain index left by a conversion cut short holds notes' words: never kept.
                    shutil.rmtree(data_dir / INDEX_DIR, ignore_errors=True)
            check_practice_present(data_dir)
            existed = repository._practice.path.exists()
            repository._after_load(repository._practice)
            if not existed and not read_only:
                storage = repository._practice.storage
                storage.write(storage.read() or {})
            if not read_only:
                repository._move_reflections_out_of_practice()
                repository._move_reflection_drafts_out_of_settings()
        except BaseException:
            repository._release()
            raise
        return repository

    def _sweep_temp_files(self) -> None:
        # Temp files are only left by a crash mid-write; we hold the lock, so none is in use.
        folders = (CLIENTS_DIR, DRAFTS_DIR, f"{DRAFTS_DIR}/{REFLECTIONS_DIR}", backups.BACKUP_DIR_NAME)
        for folder in (self.data_dir, *(self.data_dir / name for name in folders)):
            with suppress(OSError):
                for entry in os.scandir(folder):
                    if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
                        with suppress(OSError):
                            os.unlink(entry.path)

    def close(self) -> None:
        """Save what a failed write left in memory, then release the lock (even if that save fails)."""
        with self._mutex:
            if self._closed:
                return
            try:
                if not self.read_only:
                    for file in [self._practice, *self._clients.values(), *self._reflection_files.values()]:
                        file.storage.flush()
            finally:
                self._release()

    def _release(self) -> None:
        self._closed = True
        if self._search is not None:
            self._search.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- clients, summaries, settings ---------------------------------------------------------

    @synchronized
    def list_clients(self) -> list[Client]:
        """Clients sorted by name, case-insensitive."""
        return sorted(self._practice.records("clients", Client), key=lambda c: (c.name.casefold(), c.id))

    @synchronized
    def save_client(self, client: Client) -> None:
        self._writable()
        check_id(client.id)
        with self._practice.batch():
            self._practice.put("clients", client)
            if self._practice.find("summaries", ClientSummary, "client_id", client.id) is None:
                self._practice.put("summaries", ClientSummary(client_id=client.id), key="client_id")

    @synchronized
    def find_client(self, ref: str) -> Client:
        """A client by exact id, id prefix, or case-insensitive unique name or name prefix."""
        clients = self.list_clients()
        return pick("client", ref, [Candidate(c.id, c.name, f"{c.name} ({c.id})", c) for c in clients])

    @synchronized
    def summary(self, client_id: str) -> ClientSummary:
        self.get_client(client_id)
        found = self._practice.find("summaries", ClientSummary, "client_id", client_id)
        return found or ClientSummary(client_id=client_id)

    @synchronized
    def summaries(self) -> dict[str, ClientSummary]:
        stored = {s.client_id: s for s in self._practice.records("summaries", ClientSummary)}
        return {c.id: stored.get(c.id) or ClientSummary(client_id=c.id) for c in self.list_clients()}

    @synchronized
    def get_setting(self, key: str, default: Any = None) -> Any:
        """A value of the practice's settings table, or ``default``.

        ``reflection_draft.<session_id>`` is answered from the drafts folder (``get_reflection_draft``).
        """
        session_id = draft_session_id(key)
        if session_id is not None:
            values = self.get_reflection_draft(session_id)
            return default if values is None else values
        setting = self._practice.find("settings", Setting, "key", key)
        return default if setting is None else setting.value

    @synchronized
    def set_setting(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value in the practice's settings table; None removes the key.

        ``reflection_draft.<session_id>`` (a dict of the reflection's fields) goes to the drafts folder
        instead (``save_reflection_draft``), never to practice.json.
        """
        self._writable()
        session_id = draft_session_id(key)
        if session_id is not None:
            if value is None:
                self.discard_reflection_draft(session_id)
            elif isinstance(value, dict):
                self.save_reflection_draft(session_id, value)
            else:
                raise ValueError(f"a reflection draft is a dict of the reflection's fields, not {value!r}")
            return
        if value is None:
            if key in self._practice.values("settings", "key"):
                self._practice.delete("settings", "key", key)
            return
        self._practice.put("settings", Setting(key=key, value=value), key="key")

    # --- finding sessions ---------------------------------------------------------------------

    @synchronized
    def find_session(self, ref: str) -> Session:
        """A session by id or id prefix across all clients, or by client and number: ``dana 3``,
        ``dana#3``, ``dana last`` (her latest). A bare client reference is refused with how to name one."""
        split = split_session_ref(ref)
        if split is not None:
            client = self.find_client(split[0])
            return self.numbered_session_of(client, split[1], ref)
        candidates: list[Candidate[tuple[str, str]]] = []
        for client in self.list_clients():
            for session_id, number in self._session_ids(client.id):
                label = f"{client.name} #{number} ({session_id})"
                candidates.append(Candidate(session_id, "", label, (client.id, session_id)))
        hint = "Name a session by its id, or by its client and number: 'dana 3' or 'dana last'."
        try:
            client_id, session_id = pick("session", ref, candidates, hint)
        except RecordNotFound:
            try:
                client = self.find_client(ref)
            except StoreError:
                raise RecordNotFound("session", ref, hint) from None
            raise RecordNotFound(
                "session",
                ref,
                f"{client.name} is a client: say which session, e.g. '{ref} last' or '{ref} 1'.",
            ) from None
        return self.session_of(client_id, session_id)

    def _session_ids(self, client_id: str) -> list[tuple[str, Any]]:
        """Ids and numbers of a client's sessions, from memory or from a raw read that caches nothing."""
        file = self._clients.get(client_id)
        if file is not None:
            documents = file.documents("sessions")
        else:
            try:
                data = read_tinydb_file(self._client_path(client_id), self.cipher) or {}
            except StoreError:
                # An unreadable file is reported when that client is opened, not while searching.
                return []
            documents = list(data.get("sessions", {}).values())
        return [(str(d.get("id")), d.get("number")) for d in documents]
