"""Provides reads of a few records of a client's file without loading the whole file.

``coachtui export recap dana last`` needs one session of Dana's 200, the actions it agreed and
reviewed, and the plan's check-ins. Loading her file through ``TinyFile`` validates every record
of it into the models (and ``list_sessions`` validates the 200 sessions again): 130 ms where the
standard json module reads the file in 30. Here the file is parsed and migrated as the repository
reads it (``migrate_file``: a file of a newer coachtui is refused the same way), and only the
records asked for are validated, each with the message that names the file and the record. A file
already loaded is read from memory, where its documents are the truth (a failed save may have left
them newer than the file).

The last file read raw is kept while it is unchanged on disk (its size, time and inode), so that
finding a session and then its recap read it once; reading never writes, so nothing is kept stale.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from coachtui.domain.models import Action, CheckIn, Client, Session
from coachtui.store.atomic import Data, read_tinydb_file
from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.documents import validate_document
from coachtui.store.errors import RecordNotFound
from coachtui.store.finder import numbered_session
from coachtui.store.migrations import migrate_file

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class _Numbered:
    """A session document by its number, for ``numbered_session`` to pick among before validating."""

    number: int
    doc_id: str
    document: dict[str, Any]


class ClientReads(RepositoryBase):
    """A session by number or id, and the records its recap shows, each validated alone."""

    def _raw_client(self, client_id: str) -> Data:
        """The client's tables, migrated, unvalidated: from memory if the file is loaded, else read."""
        file = self._clients.get(client_id)
        if file is not None:
            return file.storage.read() or {}
        self.get_client(client_id)
        path = self._client_path(client_id)
        try:
            stat = os.stat(path)
            signature: tuple[str, int, int, int] | None = (
                client_id,
                stat.st_mtime_ns,
                stat.st_size,
                stat.st_ino,
            )
        except OSError:
            signature = None
        kept = self.__dict__.get("_raw_kept")
        if signature is not None and kept is not None and kept[0] == signature:
            return kept[1]
        migrated, _ = migrate_file(read_tinydb_file(path, self.cipher), "client", path)
        # Made on first use, so that the repository's constructor (shared by every part) stays as it is.
        self.__dict__["_raw_kept"] = (signature, migrated)
        return migrated

    def _validated(self, client_id: str, table: str, model: type[M], doc_id: str, document: Any) -> M:
        return validate_document(self._client_path(client_id), table, doc_id, model, document)

    @synchronized
    def numbered_session_of(self, client: Client, which: str, ref: str) -> Session:
        """The client's session numbered ``which`` (or the latest, ``last``), as ``finder.numbered_session``
        picks it among ``list_sessions``; only that session is validated."""
        sessions = self._raw_client(client.id).get("sessions", {})
        numbered = []
        for doc_id, document in sessions.items():
            number = document.get("number")
            if not isinstance(number, int) or isinstance(number, bool):
                # A broken record: the whole file's reading names it.
                everything = self._client_file(client.id).records("sessions", Session)
                return numbered_session(client.name, everything, which, ref)
            numbered.append(_Numbered(number, doc_id, document))
        found = numbered_session(client.name, numbered, which, ref)
        return self._validated(client.id, "sessions", Session, found.doc_id, found.document)

    @synchronized
    def session_of(self, client_id: str, session_id: str) -> Session:
        """``get_session``, validating only that session."""
        for doc_id, document in self._raw_client(client_id).get("sessions", {}).items():
            if document.get("id") == session_id:
                return self._validated(client_id, "sessions", Session, doc_id, document)
        raise RecordNotFound("session", session_id)

    @synchronized
    def recap_records(self, session: Session) -> tuple[list[Action], list[CheckIn]]:
        """The actions the session agreed or reviewed (the recap shows no other) and the plan's check-ins."""
        tables = self._raw_client(session.client_id)
        wanted = set(session.action_ids) | {review.action_id for review in session.reviews}
        actions = self._records(session.client_id, tables, "actions", Action, wanted)
        return actions, self._records(session.client_id, tables, "checkins", CheckIn, None)

    def _records(
        self, client_id: str, tables: Data, table: str, model: type[M], ids: set[str] | None
    ) -> list[M]:
        return [
            self._validated(client_id, table, model, doc_id, document)
            for doc_id, document in tables.get(table, {}).items()
            if ids is None or document.get("id") in ids
        ]
