"""Provides the repository's shared machinery: state, the lock decorator, loading and saving client files."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from coachtui.domain.models import Client, ClientSummary, now
from coachtui.store import backups
from coachtui.store.drafts import DraftFolder, check_id
from coachtui.store.errors import ReadOnlyError, RecordNotFound, StoreError
from coachtui.store.lock import DataDirLock
from coachtui.store.migrations import CURRENT_VERSION
from coachtui.store.summary import ActionHead, CheckInHead, SessionHead, compute_summary
from coachtui.store.tiny_file import TinyFile

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher
    from coachtui.store.search import SearchIndex

P = ParamSpec("P")
R = TypeVar("R")
B = TypeVar("B", bound="RepositoryBase")

PRACTICE_FILE = "practice.json"
CLIENTS_DIR = "clients"
DRAFTS_DIR = "drafts"
REFLECTIONS_SUFFIX = ".reflections.json"
"""A client's reflections live beside the client's file: ``clients/<client_id>.reflections.json``."""

Clock = Callable[[], datetime]
"""Where the store reads the time (backups' days, draft times, a closed session's end, what is due
today): the app's clock, a fake one in tests; the domain's ``now`` by default. The store never
reads the wall clock itself."""


def synchronized(method: Callable[Concatenate[B, P], R]) -> Callable[Concatenate[B, P], R]:
    """Run a public method under the repository's re-entrant lock, refusing once it is closed."""

    @functools.wraps(method)
    def wrapper(self: B, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._mutex:
            if self._closed:
                raise StoreError(f"The data folder {self.data_dir} was closed; reopen it to continue.")
            return method(self, *args, **kwargs)

    return wrapper


class RepositoryBase:
    """State shared by the repository's parts: the practice file, the cached client and reflection files, drafts."""

    def __init__(
        self,
        data_dir: Path,
        *,
        read_only: bool,
        lock: DataDirLock | None,
        clock: Clock = now,
        cipher: Cipher | None = None,
    ) -> None:
        """Use ``Repository.open``; this only sets up the object."""
        self.data_dir = Path(data_dir)
        self.cipher = cipher
        """The unlocked key of an encrypted practice (see ``coachtui.store.crypt``); None when plain."""
        self.read_only = read_only
        self._clock = clock
        self._lock = lock
        self._mutex = threading.RLock()
        self._closed = False
        self._practice = TinyFile(
            self.data_dir / PRACTICE_FILE, "practice", read_only=read_only, cipher=cipher
        )
        self._clients: dict[str, TinyFile] = {}
        self._reflection_files: dict[str, TinyFile] = {}
        self._search: SearchIndex | None = None
        """The notes index, opened by the first search (its module imports sqlite3, which start-up never needs)."""
        self._drafts = DraftFolder(self.data_dir / DRAFTS_DIR, cipher)
        self._draft_notices: list[str] = []
        """Drafts that could not be used, set aside or left by ``list_drafts``, for the coach to read."""

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(self.data_dir)

    def _after_load(self, file: TinyFile) -> None:
        """Read and validate ``file``, then take its daily backup (never of a file that failed to load)."""
        file.load()
        if self.read_only or not file.path.exists():
            return
        if file.validated:
            self._back_up(file)
        else:  # a client file validated by its headings: backed up once it is validated whole
            file.on_validated = lambda: self._back_up(file)

    def _back_up(self, file: TinyFile) -> None:
        taken = None
        with suppress(OSError):
            # A failed backup must not stop the coach from working; saves report disk problems.
            taken = backups.take_backup(file.path, now=self._clock())
        if file.oldest_version < CURRENT_VERSION and taken is None:
            path = file.path

            def backup_before_migrating() -> None:
                backups.take_backup(path, now=self._clock(), force=True)

            file.storage.before_first_write = backup_before_migrating

    @synchronized
    def get_client(self, client_id: str) -> Client:
        client = self._practice.find("clients", Client, "id", client_id)
        if client is None:
            raise RecordNotFound("client", client_id)
        return client

    def _client_path(self, client_id: str) -> Path:
        return self.data_dir / CLIENTS_DIR / f"{check_id(client_id)}.json"

    def _reflections_path(self, client_id: str) -> Path:
        return self.data_dir / CLIENTS_DIR / f"{check_id(client_id)}{REFLECTIONS_SUFFIX}"

    def _reflection_file(self, client_id: str) -> TinyFile:
        """The client's reflections, read (and backed up) the first time they are needed, then kept.

        They are not in practice.json: a 10-year practice has some 9,000 reflections, which would make
        every start read, validate and hold megabytes the home screen never shows.
        """
        file = self._reflection_files.get(client_id)
        if file is None:
            file = TinyFile(
                self._reflections_path(client_id), "reflections", read_only=self.read_only, cipher=self.cipher
            )
            self._after_load(file)
            self._reflection_files[client_id] = file
        return file

    def _reflected_ids(self, client_id: str) -> set[str]:
        """Ids of the client's sessions that have a reflection (including any still in practice.json)."""
        reflected = set(self._reflection_file(client_id).values("reflections", "session_id"))
        reflected.update(
            document.get("session_id")
            for document in self._practice.documents("reflections")
            if document.get("client_id") == client_id
        )
        return reflected

    def _client_file(self, client_id: str) -> TinyFile:
        """The client's file, read (and backed up) the first time it is needed, then kept in memory."""
        file = self._clients.get(client_id)
        if file is None:
            self.get_client(client_id)
            file = TinyFile(
                self._client_path(client_id), "client", read_only=self.read_only, cipher=self.cipher
            )
            self._after_load(file)
            self._clients[client_id] = file
            # The summary is written just after the client file: a crash in between leaves it
            # stale, so it is checked whenever the file is read. Reading never writes, so the
            # repair goes out with the next save of practice.json.
            with self._practice.storage.memory_only():
                self._refresh_summary(client_id)
        return file

    def _save_to_client(self, client_id: str, change: Callable[[TinyFile], object]) -> None:
        """Apply ``change`` to a client's file in one atomic write, then refresh the client's summary."""
        self._writable()
        file = self._client_file(client_id)
        with file.batch():
            change(file)
        self._refresh_summary(client_id)

    def _refresh_summary(self, client_id: str) -> None:
        """Recompute a client's summary from its loaded file; practice.json is written only if it changed."""
        file = self._client_file(client_id)
        fresh = compute_summary(
            client_id,
            file.records("sessions", SessionHead),
            file.records("actions", ActionHead),
            file.records("checkins", CheckInHead),
            self._reflected_ids(client_id),
        )
        if self._practice.find("summaries", ClientSummary, "client_id", client_id) != fresh:
            self._practice.put("summaries", fresh, key="client_id")
