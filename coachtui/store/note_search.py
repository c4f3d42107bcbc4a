"""Provides the repository's search across every client's notes, backed by an index of the client files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.errors import SearchIndexError

if TYPE_CHECKING:
    from coachtui.store.search import NoteHit, SearchIndex


class NoteSearch(RepositoryBase):
    """Searching notes: the index file (in memory when read-only, or when the file cannot be used)."""

    @synchronized
    def search_notes(self, query: str, limit: int = 50) -> list[NoteHit]:
        """Up to ``limit`` notes, across every client's saved sessions, that contain ``query``
        (ignoring case), newest session first; the words of ``query`` may begin longer words.

        Backed by an index of the client files (see ``coachtui.store.search``): the first search of
        a folder without one builds it (seconds for a 10-year practice), later ones re-read only the
        client files changed since.
        """
        clients = [str(client_id) for client_id in self._practice.values("clients", "id")]
        try:
            return self._search_index().search(clients, query, limit)
        except SearchIndexError:
            # The index file cannot be used (a full or read-only disk): search from memory instead.
            return self._search_in_memory().search(clients, query, limit)

    @synchronized
    def refresh_search_index(self) -> int:
        """Bring the notes index up to date now (a worker may do it before the first search);
        returns how many client files were read."""
        clients = [str(client_id) for client_id in self._practice.values("clients", "id")]
        try:
            return self._search_index().refresh(clients)
        except SearchIndexError:
            return self._search_in_memory().refresh(clients)

    def _search_index(self) -> SearchIndex:
        from coachtui.store.search import SearchIndex

        if self._search is None:
            self._search = SearchIndex(self.data_dir, in_memory=self.read_only)
        return self._search

    def _search_in_memory(self) -> SearchIndex:
        from coachtui.store.search import SearchIndex

        if self._search is not None:
            self._search.close()
        self._search = SearchIndex(self.data_dir, in_memory=True)
        return self._search
