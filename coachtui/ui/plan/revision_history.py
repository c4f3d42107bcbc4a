"""Provides the revision history: how a goal (or the whole plan) changed, when, why, and who decided.

Newest first. Each entry shows its time, what changed (each field as before → after), the
reason, and whether the client decided it: the review-and-adapt history of a living plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from coachtui.domain.models import PlanRevision
from coachtui.domain.revisions import describe_change
from coachtui.ui.styles import style

KINDS = {
    "plan": "vision & values",
    "goal": "goal",
    "action": "action",
    "checkin": "check-in",
    "agreement": "agreement",
    "cycle": "engagement cycle",
}


def decision(revision: PlanRevision) -> tuple[str, str]:
    """Whether the client decided the change, as words and a style class."""
    if revision.client_decided:
        return "client decided: yes", "decided"
    if revision.reason:
        return "client decided: no", "not-decided"
    return "reason and decision not recorded", "not-decided"


class RevisionHistoryScreen(Screen[None]):
    """A read-only, scrollable list of revisions; escape goes back to the plan."""

    CSS_PATH = style("revision_history")
    AUTO_FOCUS = "#history-list"
    BINDINGS = [
        Binding("j,down", "scroll('down')", "Scroll down", id="history.down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", id="history.up", show=False),
        Binding("pagedown,space", "scroll('page_down')", "Page down", id="history.page_down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", id="history.page_up", show=False),
        Binding("g,home", "scroll('home')", "Newest", id="history.first", show=False),
        Binding("G,end", "scroll('end')", "Oldest", id="history.last", show=False),
        Binding("escape,q", "back", "Back to the plan", id="history.back"),
    ]

    def __init__(self, heading: str, revisions: Sequence[PlanRevision], names: Mapping[str, str]) -> None:
        super().__init__()
        self.title = "Revision history"
        self.sub_title = heading
        self._revisions = sorted(revisions, key=lambda r: r.at, reverse=True)
        self._names = names
        self._heading = heading

    def compose(self) -> ComposeResult:
        yield Header()
        count = len(self._revisions)
        plural = "change" if count == 1 else "changes"
        yield Static(f"{self._heading} · {count} {plural}, newest first", id="history-heading")
        with VerticalScroll(id="history-list"):
            if not self._revisions:
                yield Static("No changes recorded yet.", classes="history-empty")
            for revision in self._revisions:
                with Vertical(classes="history-entry"):
                    words, decided = decision(revision)
                    kind = KINDS.get(revision.target_kind, revision.target_kind)
                    yield Static(
                        Content.assemble(
                            (f"{revision.at:%a} {revision.at.day} {revision.at:%b %Y %H:%M}", "bold"),
                            (f" · {kind} · ", "dim"),
                        ).append(Content(words)),
                        classes=f"history-when {decided}",
                    )
                    yield Static(Content(revision.summary), classes="history-summary")
                    for change in revision.changes:
                        yield Static(Content(describe_change(change, self._names)), classes="history-change")
                    if revision.reason:
                        yield Static(Content(f"reason: {revision.reason}"), classes="history-reason")
        yield Footer()

    def action_scroll(self, where: str) -> None:
        history = self.query_one("#history-list", VerticalScroll)
        moves = {
            "down": history.scroll_down,
            "up": history.scroll_up,
            "page_down": history.scroll_page_down,
            "page_up": history.scroll_page_up,
            "home": history.scroll_home,
            "end": history.scroll_end,
        }
        moves[where]()

    def action_back(self) -> None:
        self.dismiss(None)
