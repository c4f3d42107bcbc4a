"""Provides search everywhere: one box over every client's notes, actions, reviews and reflections.

Results come as the coach types, newest first, each with its client, date, session and stage and a
line of context with the matching words marked. The search runs in a worker, so typing never
waits for it; Enter opens the highlighted hit in its session's record, scrolled to it (a search not
yet run for what is in the box is run first, so a fast "word, Enter" opens that word's hit).
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, Static

from coachtui.domain.search_query import SearchQuery, parse_query
from coachtui.store.errors import StoreError
from coachtui.store.search_hits import SearchHit
from coachtui.ui.review import search_view as view
from coachtui.ui.review.hit_list import HitList
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

LIMIT = 50
"""Hits shown at most: the newest are the ones a coach is after, a longer list is read by narrowing
(client:, kind:, since:), and every hit drawn costs the keystroke that asked for it."""


class SearchScreen(CoachScreen[None]):
    """The search box, what it found, and where each hit stands."""

    CSS_PATH = style("review_search")
    TITLE = "Search"
    AUTO_FOCUS = "#search-box"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.search_back", tooltip="Back to where you were"),
        Binding("down", "move(1)", "Next hit", id="review.search_next", show=False, tooltip="The next hit"),
        Binding(
            "up", "move(-1)", "Previous hit", id="review.search_previous", show=False, tooltip="The hit above"
        ),
        Binding("pagedown", "move(10)", "Page down", id="review.search_page_down", show=False),
        Binding("pageup", "move(-10)", "Page up", id="review.search_page_up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []
        self._shown: str | None = None
        """The box's text the hits on screen are for; None before the first search."""
        self._error: str | None = None
        self._names: dict[str, str] = {}
        self._status: Text | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=view.PLACEHOLDER, id="search-box")
        yield Static("", id="search-status")
        yield HitList(id="search-results")
        yield Static("", id="search-hint", classes="hint")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_mount(self) -> None:
        self.query_one("#search-hint", Static).update(
            hint(
                self,
                "[b]enter[/b] open",
                "[b]↑↓[/b] pick",
                ("review.search_back", "back"),
                ("app.help", "help"),
            )
        )
        self._prepare()

    def on_screen_resume(self) -> None:
        # Also sent when the screen first opens; back from a record, a corrected note shows corrected.
        self._names = {client.id: client.name for client in self.coach.repository.list_clients()}
        if self._shown is not None:
            self._search(self.box.value)
        else:
            self._show_status()

    @property
    def box(self) -> Input:
        return self.query_one("#search-box", Input)

    def focus_box(self) -> None:
        self.box.focus()

    @work(thread=True, group="search-index", exit_on_error=False)
    def _prepare(self) -> None:
        """Bring the index up to date before the first keystroke needs it (seconds only the first time)."""
        try:
            self.coach.repository.refresh_search_index()
        except StoreError:
            return  # the search itself says what is wrong

    # --- searching -----------------------------------------------------------------------------

    def _query(self, text: str) -> SearchQuery:
        return parse_query(text, self.coach.today())

    @on(Input.Changed, "#search-box")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, text: str) -> None:
        if self._query(text).is_empty:
            self._show(text, [], None)
            return
        self._search_in_worker(text)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search_in_worker(self, text: str) -> None:
        hits, error = self._find(text)
        self.app.call_from_thread(self._show, text, hits, error)

    def _find(self, text: str) -> tuple[list[SearchHit], str | None]:
        try:
            return self.coach.repository.search(self._query(text), LIMIT + 1), None
        except StoreError as error:
            return [], str(error)

    def _show(self, text: str, hits: list[SearchHit], error: str | None) -> None:
        if text != self.box.value:
            return  # typing went on: the search for the newer text shows its own hits
        self._shown = text
        self._hits = hits
        self._error = error
        query = self._query(text)
        names = self._names
        shown = hits[:LIMIT]
        self.query_one("#search-results", HitList).show(
            len(shown),
            lambda index, width: view.hit_lines(
                shown[index], query, names.get(shown[index].client_id, "?"), width
            ),
        )
        self._show_status()

    def _show_status(self) -> None:
        text = self.box.value
        query = self._query(text)
        # From the names read when the screen showed: the repository is not asked on the keystroke
        # path (a search in its worker may hold it).
        named = [name for client_id, name in self._names.items() if query.names_client(client_id, name)]
        clients = named if query.client else []
        found = len(self._hits) if self._shown == text else None
        status = view.status_text(query, found, LIMIT, self._error, clients)
        if status != self._status:
            # Only when it reads differently: a new status may take another line (a layout of the
            # screen), and most keystrokes leave it as it was ("The newest 50 matches").
            self._status = status
            self.query_one("#search-status", Static).update(status)

    # --- moving and opening --------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.query_one("#search-results", HitList).move(step)

    @on(Input.Submitted, "#search-box")
    def _submitted(self) -> None:
        text = self.box.value
        if self._shown != text and not self._query(text).is_empty:
            # Enter came before the hits for what was typed: find them now, then open the first.
            hits, error = self._find(text)
            self._show(text, hits, error)
        highlighted = self.query_one("#search-results", HitList).highlighted
        if highlighted is not None:
            self._open(self._hits[highlighted])

    @on(HitList.Picked, "#search-results")
    def _picked(self, event: HitList.Picked) -> None:
        self._open(self._hits[event.index])

    def _open(self, hit: SearchHit) -> None:
        if hit.session_id is None:
            # An action added in the plan, or a review between sessions: both live in the plan.
            self.notify(view.plan_note(hit), timeout=6)
            self.coach.open_plan(hit.client_id)
            return
        self.coach.open_session_record(hit.client_id, hit.session_id, hit.anchor)

    def action_back(self) -> None:
        self.dismiss(None)
