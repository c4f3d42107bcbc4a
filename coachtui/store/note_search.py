"""Provides the repository's search everywhere: every client's notes, actions, reviews and reflections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coachtui.domain.search_query import SearchQuery
from coachtui.store.base import RepositoryBase, synchronized
from coachtui.store.errors import SearchIndexError

if TYPE_CHECKING:
    from coachtui.store.search import SearchIndex
    from coachtui.store.search_hits import SearchHit


class NoteSearch(RepositoryBase):
    """Searching: the index file (in memory when read-only, or when the file cannot be used)."""

    @synchronized
    def search(self, query: SearchQuery, limit: int = 50) -> list[SearchHit]:
        """Up to ``limit`` entries, across every client's saved sessions, plans and reflections, that
        match ``query`` (see ``coachtui.domain.search_query``), newest first.

        Backed by an index of the client files (see ``coachtui.store.search``): the first search of
        a folder without one builds it (seconds for a 10-year practice), later ones re-read only the
        client files changed since.
        """
        narrowed = query.client is not None
        # The raw documents (validated when practice.json was read): no model built per keystroke.
        clients = [
            str(doc.get("id"))
            for doc in self._practice.documents("clients")
            if query.names_client(str(doc.get("id")), str(doc.get("name", "")))
        ]
        try:
            return self._search_index().search(clients, query, limit, narrowed=narrowed)
        except SearchIndexError:
            # The index file cannot be used (a full or read-only disk): search from memory instead.
            return self._search_in_memory().search(clients, query, limit, narrowed=narrowed)

    @synchronized
    def refresh_search_index(self) -> int:
        """Bring the index up to date now (a worker may do it before the first search);
        returns how many clients were read."""
        clients = self._client_ids()
        try:
            return self._search_index().refresh(clients)
        except SearchIndexError:
            return self._search_in_memory().refresh(clients)

    def _client_ids(self) -> list[str]:
        return [str(client_id) for client_id in self._practice.values("clients", "id")]

    def _search_index(self) -> SearchIndex:
        from coachtui.store.search import SearchIndex

        if self._search is None:
            # An encrypted practice's index lives in memory only: SQLite's pages cannot be sealed
            # with the standard library, and the index holds every note's words.
            in_memory = self.read_only or self.cipher is not None
            self._search = SearchIndex(self.data_dir, in_memory=in_memory, cipher=self.cipher)
        return self._search

    def _search_in_memory(self) -> SearchIndex:
        from coachtui.store.search import SearchIndex

        if self._search is not None:
            self._search.close()
        self._search = SearchIndex(self.data_dir, in_memory=True, cipher=self.cipher)
        return self._search
