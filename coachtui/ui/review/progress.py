"""Provides one client's progress over time: per active goal, its ratings as a chart and its actions."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coachtui.domain.charts import GoalChart, goal_charts
from coachtui.domain.models import SessionStatus
from coachtui.store.errors import StoreError
from coachtui.ui.live.live_keys import LIVE_BINDINGS
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.client_check import check_client_file
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style


class ClientProgressScreen(CoachScreen[None]):
    """Each active goal: title, action outcomes, ratings over sessions with baseline and target lines."""

    CSS_PATH = style("review_progress")
    TITLE = "Progress"
    AUTO_FOCUS = "#progress-body"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.progress_back", tooltip="Back to where you were"),
    ]

    def __init__(self, client_id: str) -> None:
        super().__init__()
        self.client_id = client_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="progress-body")
        yield Static("", id="progress-hint", classes="hint")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    async def on_mount(self) -> None:
        repo = self.coach.repository
        try:
            client = repo.get_client(self.client_id)
            sessions = repo.list_session_digests(self.client_id)
            charts = goal_charts(repo.list_goals(self.client_id), repo.list_actions(self.client_id), sessions)
        except StoreError as error:
            self.notify(str(error), title="Progress not opened", severity="error", timeout=15)
            self.dismiss(None)
            return
        self.sub_title = client.name
        check_client_file(self, self.client_id)
        held = [s.number for s in sessions if s.status is SessionStatus.CLOSED]
        body = self.query_one("#progress-body", VerticalScroll)
        if not charts:
            await body.mount(Static(Text("No active goals: the plan (p on home) adds one.", style="dim")))
        for index, chart in enumerate(charts):
            await body.mount(Static(self._heading(chart), id=f"goal-{index}", classes="goal-heading"))
            if chart.points:
                # Imported here: a page without a rating to draw (no active goal, or none rated yet)
                # does not pay for plotext's import (20-50 ms).
                from textual_plotext import PlotextPlot

                from coachtui.ui.review.progress_charts import draw_goal

                plot = PlotextPlot(id=f"chart-{index}", classes="goal-chart")
                await body.mount(plot)
                draw_goal(plot, chart, max(held, default=1))
            else:
                await body.mount(Static(self._no_ratings(), classes="goal-empty"))
        self.query_one("#progress-hint", Static).update(
            hint(self, ("review.progress_back", "back"), "[b]↑↓[/b] scroll")
            + "  [dim]rating 0–10 · [/dim][#ffa500]baseline[/] [dim]·[/dim] [green]target[/]"
            " [dim]·[/dim] [magenta]now[/]"
        )

    @staticmethod
    def _heading(chart: GoalChart) -> Text:
        text = Text(" ".join(chart.goal.title.split()), style="bold")
        text.append("\n" + chart.actions.line(), style="dim")
        return text

    def _no_ratings(self) -> Text:
        """Says which key records a rating in a live session, as the coach's keymap binds it."""
        default = next(b for b in LIVE_BINDINGS if getattr(b, "id", None) == "live.rate")
        assert isinstance(default, Binding)
        key = self.coach.settings.keymap.get("live.rate", default.key).split(",")[0]
        label = self.app.get_key_display(Binding(key, default.action))
        return Text(f"No ratings yet: {label} in a live session records one", style="dim")

    def action_back(self) -> None:
        self.dismiss(None)
