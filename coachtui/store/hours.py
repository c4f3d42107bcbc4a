"""Provides the repository's part for the ICF hours log: its settings and the anonymous rows.

The settings live in practice.json's ``settings`` table under two keys, ``coach_training_started``
(an ISO date) and ``prior_hours`` (a list of ``PriorYear`` documents), so that the keys read as what
they are to anyone opening the file. Anonymous rows (an erased client's hours, kept for an ICF audit)
live in their own table, ``anonymous_hours``, validated as ``AnonymousHours``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from coachtui.domain.hours import HoursLog, hours_log
from coachtui.domain.models import Payment
from coachtui.domain.models.hours import AnonymousHours, HoursSettings
from coachtui.store.atomic import corrupt, read_tinydb_file
from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.documents import Setting
from coachtui.store.errors import StoreError
from coachtui.store.hours_cache import ClientHours, HoursCache, SessionPayment, files_stamp

if TYPE_CHECKING:
    from coachtui.store.repository import Repository


TRAINING_KEY = "coach_training_started"
PRIOR_KEY = "prior_hours"
ANONYMOUS_TABLE = "anonymous_hours"


class HoursRecords(RepositoryBase):
    """Reads and writes of the hours log's settings and anonymous rows, each one write of practice.json."""

    def _setting(self, key: str) -> Any:
        setting = self._practice.find("settings", Setting, "key", key)
        return None if setting is None else setting.value

    @synchronized
    def hours_settings(self) -> HoursSettings:
        """The training start and prior totals; StoreError naming practice.json if they are invalid."""
        values = {
            "training_started": self._setting(TRAINING_KEY),
            "prior_years": self._setting(PRIOR_KEY) or [],
        }
        try:
            return HoursSettings.model_validate(values)
        except ValidationError as error:
            raise StoreError(
                f"The hours log's settings in {self._practice.path} are invalid: {error.errors()[0]['msg']}."
            ) from error

    @synchronized
    def save_hours_settings(self, settings: HoursSettings) -> None:
        """Store both settings in one write; an unset training start or no prior year removes the key."""
        self._writable()
        dumped = settings.model_dump(mode="json")
        with self._practice.batch():
            for key, value in (
                (TRAINING_KEY, dumped["training_started"]),
                (PRIOR_KEY, dumped["prior_years"]),
            ):
                if value:
                    self._practice.put("settings", Setting(key=key, value=value), key="key")
                else:
                    self._practice.delete("settings", "key", key)

    @synchronized
    def list_anonymous_hours(self) -> list[AnonymousHours]:
        """The anonymous rows of the log, oldest first."""
        rows = self._practice.records(ANONYMOUS_TABLE, AnonymousHours)
        return sorted(rows, key=lambda row: (row.start, row.end))

    @synchronized
    def reflection_payments(self) -> list[SessionPayment]:
        """Every reflection's session and whether it was paid or pro bono, read without the rest of it."""
        # An older coachtui kept reflections in practice.json (moved out when a folder opens for writing).
        found = _payments(self._practice.path, self._practice.documents("reflections"))
        for client_id in self._practice.values("clients", "id"):
            found += self._client_payments(str(client_id))
        return found

    def _client_payments(self, client_id: str) -> list[SessionPayment]:
        path = self._reflections_path(client_id)
        loaded = self._reflection_files.get(client_id)
        if loaded is not None:
            return _payments(path, loaded.documents("reflections"))
        data = read_tinydb_file(path, self.cipher) or {}
        return _payments(path, list(data.get("reflections", {}).values()))

    def hours_of_clients(
        self, client_ids: Sequence[str]
    ) -> tuple[dict[str, ClientHours], list[SessionPayment]]:
        """What the log needs of these clients' files (their held sessions, their reflections' payments),
        from the cache where their files are unchanged (``coachtui.store.hours_cache``), and the payments
        of the reflections an older coachtui left in practice.json.

        The lock is taken client by client, as the palette's reads take it: a log read from the files
        (a second or two the first time) holds up a save for one client's file at most."""
        # An encrypted practice keeps nothing readable on disk: read from the files each time.
        cache = HoursCache(self.data_dir) if self.cipher is None else None
        found = {client_id: self._client_hours(client_id, cache) for client_id in client_ids}
        with self._mutex:
            if cache is not None:
                # A client erased meanwhile is no longer in practice.json: not written back.
                present = {str(client_id) for client_id in self._practice.values("clients", "id")}
                cache.keep_only(client_id for client_id in client_ids if client_id in present)
                cache.save()
            return found, _payments(self._practice.path, self._practice.documents("reflections"))

    @synchronized
    def _client_hours(self, client_id: str, cache: HoursCache | None) -> ClientHours:
        # A file loaded here may hold changes a failed save left unwritten: read as it is, not cached.
        loaded = client_id in self._clients or client_id in self._reflection_files
        stamp = None
        if cache is not None and not loaded:
            # Stamped before reading: a write that lands in between makes the next log read it again.
            stamp = files_stamp([self._client_path(client_id), self._reflections_path(client_id)])
            cached = cache.get(client_id, stamp)
            if cached is not None:
                return cached
        hours = ClientHours(
            self.client_index(client_id, strict=True).sessions,  # type: ignore[attr-defined]
            self._client_payments(client_id),
        )
        if cache is not None and stamp is not None:
            cache.put(client_id, stamp, hours)
        return hours

    @synchronized
    def add_anonymous_hours(self, row: AnonymousHours) -> None:
        """Keep a relationship's hours without the client (at erasure, if the coach chooses so)."""
        self._writable()
        self._practice.put(ANONYMOUS_TABLE, row)


def read_hours_log(repo: Repository, today: date, since: date | None = None) -> HoursLog:
    """The practice's hours log on ``today``: every client's held sessions, the reflections' payment,
    the settings. Sessions are read as headings (no notes validated), as the practice view reads them,
    and only from the files that changed since the last log (``coachtui.store.hours_cache``): the log
    of a 10-year practice takes a tenth of a second, where reading every file takes one or two."""
    clients = repo.list_clients()
    of_clients, payments = repo.hours_of_clients([client.id for client in clients])
    for hours in of_clients.values():
        payments += hours.payments
    return hours_log(
        [(client, of_clients[client.id].sessions) for client in clients],
        payments,
        repo.hours_settings(),
        today,
        anonymous=repo.list_anonymous_hours(),
        since=since,
    )


def anonymous_row_of(repo: Repository, client_id: str, today: date) -> AnonymousHours | None:
    """The client's hours as the log counts them on ``today``, as an anonymous row to keep at erasure."""
    from coachtui.domain.hours import anonymous_hours

    client = repo.get_client(client_id)
    reflections = [r for r in repo.list_reflections() if r.client_id == client_id]
    return anonymous_hours(client, repo.list_sessions(client_id), reflections, repo.hours_settings(), today)


def _payments(path: Path, documents: Iterable[dict[str, Any]]) -> list[SessionPayment]:
    found = []
    for document in documents:
        try:
            found.append(
                SessionPayment(str(document["session_id"]), Payment(document.get("payment", "paid")))
            )
        except (KeyError, TypeError, ValueError) as error:
            raise corrupt(path, f"a reflection's session or payment is unreadable ({error!r})") from error
    return found
