"""Provides the client overview: everything that prepares the next session, on one screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coachtui.domain.models import Reflection
from coachtui.domain.review import client_overview
from coachtui.store.errors import StoreError
from coachtui.ui.review import overview_view as view
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style


class ClientOverviewScreen(CoachScreen[None]):
    """Engagement, next check-in, last session and focus, open actions, goals, boundaries."""

    CSS_PATH = style("review_overview")
    TITLE = "Overview"
    AUTO_FOCUS = "#overview-body"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.overview_back", tooltip="Back to where you were"),
        Binding("s", "start_session", "Session", id="review.start_session", tooltip="Start the session"),
        Binding("p", "open_plan", "Plan", id="review.open_plan", tooltip="Open the coaching plan"),
        Binding("h", "history", "History", id="review.history", tooltip="Every session, newest first"),
        Binding(
            "g",
            "progress",
            "Progress",
            id="review.progress",
            tooltip="Ratings and actions per goal, as charts",
        ),
    ]

    def __init__(self, client_id: str) -> None:
        super().__init__()
        self.client_id = client_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="overview-body"):
            yield Static("", id="overview-engagement", classes="overview-block")
            yield Static("", id="overview-last", classes="overview-block")
            yield Static("", id="overview-actions", classes="overview-block")
            yield Static("", id="overview-reviewed", classes="overview-block")
            yield Static("", id="overview-goals", classes="overview-block")
            yield Static("", id="overview-boundaries")
        yield Static("", id="overview-hint", classes="hint")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_screen_resume(self) -> None:
        # Also sent when the screen first opens; after a session or a plan edit it shows what changed.
        self.load()

    def load(self) -> None:
        repo = self.coach.repository
        today = self.coach.today()
        try:
            client = repo.get_client(self.client_id)
            sessions = repo.list_sessions(self.client_id)
            overview = client_overview(
                client.agreement,
                repo.list_goals(self.client_id),
                repo.list_actions(self.client_id),
                repo.list_checkins(self.client_id),
                sessions,
                self._latest_reflection([s.id for s in sorted(sessions, key=lambda s: -s.number)]),
                today,
                cycle=client.cycle,
            )
        except StoreError as error:
            self.notify(str(error), title="Overview not opened", severity="error", timeout=15)
            self.dismiss(None)
            return
        self.sub_title = client.name
        self.query_one("#overview-engagement", Static).update(view.engagement_text(client, overview, today))
        self.query_one("#overview-last", Static).update(view.last_time_text(overview))
        self.query_one("#overview-actions", Static).update(view.actions_text(overview, today))
        self.query_one("#overview-reviewed", Static).update(view.reviewed_text(overview))
        self.query_one("#overview-goals", Static).update(view.goals_text(overview))
        self.query_one("#overview-boundaries", Static).update(view.boundaries_text(overview))
        self.query_one("#overview-hint", Static).update(
            hint(
                self,
                ("review.start_session", "start the session"),
                ("review.open_plan", "plan"),
                ("review.history", "history"),
                ("review.progress", "progress"),
                "[b]↑↓[/b] scroll",
            )
        )

    def _latest_reflection(self, newest_first: list[str]) -> list[Reflection]:
        """The reflection on the latest session that has one; the summary says which have none."""
        pending = set(self.coach.repository.summary(self.client_id).sessions_without_reflection)
        for session_id in (s for s in newest_first if s not in pending):
            found = self.coach.repository.get_reflection(session_id, self.client_id)
            if found is not None:
                return [found]
        return []

    def action_back(self) -> None:
        self.dismiss(None)

    def action_start_session(self) -> None:
        self.coach.start_session(self.client_id)

    def action_open_plan(self) -> None:
        self.coach.open_plan(self.client_id)

    def action_history(self) -> None:
        self.coach.open_history(self.client_id)

    def action_progress(self) -> None:
        self.coach.open_progress(self.client_id)
