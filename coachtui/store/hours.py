"""Provides the repository's part for the ICF hours log: its settings and the anonymous rows.

The settings live in practice.json's ``settings`` table under two keys, ``coach_training_started``
(an ISO date) and ``prior_hours`` (a list of ``PriorYear`` documents), so that the keys read as what
they are to anyone opening the file. Anonymous rows (an erased client's hours, kept for an ICF audit)
live in their own table, ``anonymous_hours``, validated as ``AnonymousHours``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from coachtui.domain.hours import HoursLog, hours_log
from coachtui.domain.models import Payment
from coachtui.domain.models.hours import AnonymousHours, HoursSettings
from coachtui.store.atomic import corrupt, read_tinydb_file
from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.documents import Setting
from coachtui.store.errors import StoreError

if TYPE_CHECKING:
    from coachtui.store.repository import Repository


@dataclass(frozen=True)
class SessionPayment:
    """A reflection's gist for the hours log: its session, paid or pro bono."""

    session_id: str
    payment: Payment


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
        found = []
        # An older coachtui kept reflections in practice.json (moved out when a folder opens for writing).
        sources = [(self._practice.path, self._practice.documents("reflections"))]
        for client_id in self._practice.values("clients", "id"):
            path = self._reflections_path(str(client_id))
            loaded = self._reflection_files.get(str(client_id))
            if loaded is not None:
                sources.append((path, loaded.documents("reflections")))
            else:
                data = read_tinydb_file(path, self.cipher) or {}
                sources.append((path, list(data.get("reflections", {}).values())))
        for path, documents in sources:
            for document in documents:
                try:
                    found.append(
                        SessionPayment(str(document["session_id"]), Payment(document.get("payment", "paid")))
                    )
                except (KeyError, TypeError, ValueError) as error:
                    raise corrupt(
                        path, f"a reflection's session or payment is unreadable ({error!r})"
                    ) from error
        return found

    @synchronized
    def add_anonymous_hours(self, row: AnonymousHours) -> None:
        """Keep a relationship's hours without the client (at erasure, if the coach chooses so)."""
        self._writable()
        self._practice.put(ANONYMOUS_TABLE, row)


def read_hours_log(repo: Repository, today: date, since: date | None = None) -> HoursLog:
    """The practice's hours log on ``today``: every client's held sessions, the reflections' payment,
    the settings. Sessions are read as headings (no notes validated), as the practice view reads them:
    the log of a 10-year practice takes about a second, not ten."""
    practice = [
        (client, repo.client_index(client.id, strict=True).sessions) for client in repo.list_clients()
    ]
    return hours_log(
        practice,
        repo.reflection_payments(),
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
