"""Provides the repository's methods on the coach's reflections, kept in one small file per client.

A client's reflections live in ``clients/<client_id>.reflections.json``, not in practice.json: a
10-year practice holds some 9,000 of them (6 MB), which practice.json would make every start read,
validate and keep in memory, and every saved reflection rewrite. Folders written by an earlier
coachtui keep them in practice.json's ``reflections`` table; opening such a folder for writing moves
them out (each client's file first, practice.json last, so a crash in between only leaves copies
that the next open moves again). Until then they are read from both places, and practice.json's
copy wins: only an earlier coachtui writes there.

A reflection left unfinished when the app quit is a draft: ``drafts/reflections/<session_id>.json``,
beside the live-session drafts. An earlier coachtui kept it in practice.json's settings under
``reflection_draft.<session_id>``, the key the reflection screen still asks ``get_setting`` and
``set_setting`` for; those keys are answered from the drafts folder, and opening a folder for
writing moves any such setting there (the draft file first, the setting last, as above).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from coachtui.domain.models import Client, ClientSummary, Reflection
from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.documents import ReflectionDraft, Setting
from coachtui.store.drafts import check_id
from coachtui.store.errors import RecordNotFound

TABLE = "reflections"
DRAFT_SETTING_PREFIX = "reflection_draft."
"""The settings key of an unfinished reflection, ``reflection_draft.<session_id>`` (the reflection
screen's ``draft_key``): kept in practice.json by an earlier coachtui, now a file in drafts/."""


def draft_session_id(setting_key: str) -> str | None:
    """The session id of a reflection draft's settings key, or None for any other key."""
    if not setting_key.startswith(DRAFT_SETTING_PREFIX):
        return None
    session_id = setting_key.removeprefix(DRAFT_SETTING_PREFIX)
    try:
        return check_id(session_id)
    except ValueError:
        # Not an id that can name a file: an ordinary setting, left where it is.
        return None


class ReflectionRecords(RepositoryBase):
    """Reads and writes of reflections; a save writes the client's reflection file, then practice.json."""

    @synchronized
    def list_reflections(self) -> list[Reflection]:
        """The coach's reflections across clients, newest first (reads every client's reflection file)."""
        found: dict[str, Reflection] = {}
        for client_id in self._practice.values("clients", "id"):
            found.update(
                (r.session_id, r) for r in self._reflection_file(client_id).records(TABLE, Reflection)
            )
        found.update((r.session_id, r) for r in self._practice.records(TABLE, Reflection))
        return sorted(found.values(), key=lambda r: r.created_at, reverse=True)

    @synchronized
    def get_reflection(self, session_id: str, client_id: str | None = None) -> Reflection | None:
        """The reflection on a session, or None; ``client_id`` (when known) spares a search."""
        legacy = self._practice.find(TABLE, Reflection, "session_id", session_id)
        if legacy is not None:
            return legacy
        for owner in self._owners_of(session_id, client_id):
            found = self._reflection_file(owner).find(TABLE, Reflection, "session_id", session_id)
            if found is not None:
                return found
        return None

    def _owners_of(self, session_id: str, client_id: str | None) -> list[str]:
        """The clients whose reflection file may hold the session's reflection, likeliest first.

        The client whose loaded file holds the session, if any (the reflection screen has always
        read the session first); otherwise every client, which reads every reflection file once.
        """
        if client_id is not None:
            return [client_id]
        for owner, file in self._clients.items():
            if session_id in file.values("sessions", "id"):
                return [owner]
        return [str(owner) for owner in self._practice.values("clients", "id")]

    @synchronized
    def save_reflection(self, reflection: Reflection) -> None:
        """Insert or replace the reflection on a session: one write of the client's reflection file,
        then practice.json if the client's summary changed."""
        self._save_reflections([reflection])

    @synchronized
    def save_reflections(self, reflections: Sequence[Reflection]) -> None:
        """Insert or replace several reflections: one write per client's reflection file, then one of
        practice.json for the summaries (a whole practice imported or generated at once)."""
        self._save_reflections(reflections)

    def _save_reflections(self, reflections: Sequence[Reflection]) -> None:
        self._writable()
        by_client: dict[str, list[Reflection]] = defaultdict(list)
        for reflection in reflections:
            by_client[reflection.client_id].append(reflection)
        for client_id in by_client:
            if self._practice.find("clients", Client, "id", client_id) is None:
                raise RecordNotFound("client", client_id)
        for client_id, batch in by_client.items():
            file = self._reflection_file(client_id)
            with file.batch():
                for reflection in batch:
                    file.put(TABLE, reflection, key="session_id")
        with self._practice.batch():
            for client_id, batch in by_client.items():
                self._after_reflecting(client_id, [r.session_id for r in batch])

    def _after_reflecting(self, client_id: str, session_ids: Iterable[str]) -> None:
        """Take reflected sessions off the client's summary; drop copies left in practice.json."""
        done = set(session_ids)
        for session_id in done:
            if session_id in self._practice.values(TABLE, "session_id"):
                self._practice.delete(TABLE, "session_id", session_id)
        stored = self._practice.find("summaries", ClientSummary, "client_id", client_id)
        stored = stored or ClientSummary(client_id=client_id)
        # Updated in place rather than recomputed so that saving a reflection never reads the client's file.
        pending = [s for s in stored.sessions_without_reflection if s not in done]
        if pending != stored.sessions_without_reflection:
            fresh = stored.model_copy(update={"sessions_without_reflection": pending})
            self._practice.put("summaries", fresh, key="client_id")

    # --- unfinished reflections ---------------------------------------------------------------

    @synchronized
    def get_reflection_draft(self, session_id: str) -> dict[str, Any] | None:
        """The field values of the reflection on a session left unfinished when the app quit, or None.

        Raises CorruptFileError if the draft cannot be read (it is left in place).
        """
        draft = self._drafts.load_reflection(session_id)
        if draft is not None:
            return draft.values
        # Only a read-only repository finds one still in practice.json (opening for writing moves it).
        legacy = self._practice.find("settings", Setting, "key", DRAFT_SETTING_PREFIX + session_id)
        return legacy.value if legacy is not None and isinstance(legacy.value, dict) else None

    @synchronized
    def save_reflection_draft(self, session_id: str, values: dict[str, Any]) -> None:
        """Keep an unfinished reflection's field values: one small atomic write in drafts/."""
        self._writable()
        draft = ReflectionDraft(session_id=check_id(session_id), values=values, saved_at=self._clock())
        self._drafts.save_reflection(draft)

    @synchronized
    def discard_reflection_draft(self, session_id: str) -> None:
        self._writable()
        self._drafts.discard_reflection(session_id)

    def _move_reflection_drafts_out_of_settings(self) -> None:
        """Move unfinished reflections an earlier coachtui kept in practice.json's settings to drafts/.

        Every draft file is written before practice.json drops the settings, so a crash in between
        leaves settings that the next open moves again (over the files: they are the same drafts).
        Values that are not a reflection's fields (not a JSON object) stay where they are.
        """
        moved = []
        for setting in self._practice.records("settings", Setting):
            session_id = draft_session_id(setting.key)
            if session_id is not None and isinstance(setting.value, dict):
                draft = ReflectionDraft(session_id=session_id, values=setting.value, saved_at=self._clock())
                self._drafts.save_reflection(draft)
                moved.append(setting.key)
        if moved:
            with self._practice.batch():
                for key in moved:
                    self._practice.delete("settings", "key", key)

    def _move_reflections_out_of_practice(self) -> None:
        """Move reflections an earlier coachtui kept in practice.json to their clients' files.

        Each client's file is written before practice.json drops its copies, so a crash in between
        leaves copies that the next open moves again (they win over the moved ones: only an earlier
        coachtui writes to practice.json). Reflections on erased clients stay where they are.
        """
        legacy: dict[str, list[Reflection]] = defaultdict(list)
        clients = set(self._practice.values("clients", "id"))
        for reflection in self._practice.records(TABLE, Reflection):
            if reflection.client_id in clients:
                legacy[reflection.client_id].append(reflection)
        if not legacy:
            return
        for client_id, batch in legacy.items():
            file = self._reflection_file(client_id)
            with file.batch():
                for reflection in batch:
                    file.put(TABLE, reflection, key="session_id")
        with self._practice.batch():
            for client_id in legacy:
                self._practice.delete(TABLE, "client_id", client_id)
