"""Provides the practice over the last 12 months: sessions per week, hours per month, clients, actions."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from coachtui.domain.charts import ACTIVE_WEEKS, MONTHS, WEEKS, PracticeFigures, practice_figures
from coachtui.domain.models import Action, Goal
from coachtui.store.client_index import SessionHeading
from coachtui.ui.review.progress_charts import draw_bars
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style


class PracticeProgressScreen(CoachScreen[None]):
    """The figures first (they fit at 80x24), then the two charts."""

    CSS_PATH = style("review_practice")
    TITLE = "Practice"
    AUTO_FOCUS = "#practice-body"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.practice_back", tooltip="Back to where you were"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="practice-body"):
            yield Static("", id="practice-figures")
            yield PlotextPlot(id="practice-weeks", classes="practice-chart")
            yield PlotextPlot(id="practice-months", classes="practice-chart")
        yield Static("", id="practice-hint", classes="hint")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_mount(self) -> None:
        self.query_one("#practice-figures", Static).update(Text("Counting the practice…", style="dim"))
        self.query_one("#practice-hint", Static).update(
            hint(self, ("review.practice_back", "back"), "[b]↑↓[/b] scroll")
        )
        self._count()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _count(self) -> None:
        """Read every client's index (sessions without their notes, not the sessions themselves) off
        the event loop: the first time on a 10-year practice reads 150 MB (about 2 s), later ones
        only the files that changed (milliseconds)."""
        repo = self.coach.repository
        sessions: dict[str, list[SessionHeading]] = {}
        goals: dict[str, list[Goal]] = {}
        actions: list[Action] = []
        for client in repo.list_clients():
            index = repo.client_index(client.id)
            sessions[client.id] = index.sessions
            goals[client.id] = index.goals
            actions += index.actions
        figures = practice_figures(sessions, goals, actions, self.coach.today())
        self.app.call_from_thread(self._show, figures)

    def _show(self, figures: PracticeFigures) -> None:
        self.sub_title = f"{figures.clients} client{'s' if figures.clients != 1 else ''}"
        self.query_one("#practice-figures", Static).update(self._figures(figures))
        weeks = [count for _, count in figures.weeks]
        # A label where a month begins, every other month so the labels never run into each other.
        starts = [i for i, (monday, _) in enumerate(figures.weeks) if monday.day <= 7]
        week_labels = {i: f"{figures.weeks[i][0]:%b}" for i in starts[::2]}
        draw_bars(self.query_one("#practice-weeks", PlotextPlot), weeks, week_labels, "Sessions per week")
        hours = [h for _, h in figures.months]
        month_labels = {i: f"{month:%b}" for i, (month, _) in enumerate(figures.months)}
        draw_bars(self.query_one("#practice-months", PlotextPlot), hours, month_labels, "Hours per month")

    @staticmethod
    def _figures(figures: PracticeFigures) -> Text:
        text = Text()
        text.append("Active clients: ", style="bold")
        text.append(f"{figures.active_clients} of {figures.clients}")
        text.append(f"  (an active goal, or a session in {ACTIVE_WEEKS} weeks)\n", style="dim")
        text.append("Held: ", style="bold")
        text.append(f"{figures.sessions_in_weeks} sessions in {WEEKS} weeks · ")
        text.append(f"{figures.hours_in_months:.1f} hours in {MONTHS} months")
        text.append("  (actual length)\n", style="dim")
        outcome = figures.actions
        text.append("Actions: ", style="bold")
        text.append(f"{outcome.done} done · {outcome.partly} partly · {outcome.not_done} not done")
        text.append(f"  ({outcome.changed} changed · {outcome.open} open)", style="dim")
        return text

    def action_back(self) -> None:
        self.dismiss(None)
