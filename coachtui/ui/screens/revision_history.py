"""Provides the revision history: how a goal (or the whole plan) changed, when, why, and who decided.

Newest first. Each entry shows its time, what changed (each field as before → after), the
reason, and whether the client decided it: the review-and-adapt history of a living plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

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


def entry(revision: PlanRevision, names: Mapping[str, str]) -> Content:
    """One revision as a few lines: heading, changes, reason and decision."""
    if revision.client_decided:
        decided: tuple[str, str] = ("client decided: yes", "$text-success")
    elif revision.reason:
        decided = ("client decided: no", "$text-warning")
    else:
        decided = ("reason and decision not recorded", "$text-warning")
    parts: list[str | tuple[str, str]] = [
        (f"{revision.at:%a %d %b %Y %H:%M}", "bold"),
        (f" · {KINDS.get(revision.target_kind, revision.target_kind)} · ", "dim"),
        decided,
        "\n  ",
        (revision.summary, "bold"),
    ]
    for change in revision.changes:
        parts.append(f"\n    {describe_change(change, names)}")
    if revision.reason:
        parts += ["\n  ", ("reason: ", "dim"), revision.reason]
    return Content.assemble(*parts)


class RevisionHistoryScreen(Screen[None]):
    """A read-only list of revisions; escape goes back to the plan."""

    CSS_PATH = style("revision_history")
    AUTO_FOCUS = "#history-list"
    BINDINGS = [
        Binding("j,down", "down", "Next", id="history.down", show=False),
        Binding("k,up", "up", "Previous", id="history.up", show=False),
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
        yield OptionList(id="history-list")
        yield Footer()

    def on_mount(self) -> None:
        history = self.query_one("#history-list", OptionList)
        if not self._revisions:
            history.add_option(Option("No changes recorded yet.", disabled=True))
            return
        options: list[Option | None] = []
        for revision in self._revisions:
            if options:
                options.append(None)
            options.append(Option(entry(revision, self._names), id=revision.id))
        history.add_options(options)
        history.highlighted = 0

    def action_down(self) -> None:
        self.query_one("#history-list", OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#history-list", OptionList).action_cursor_up()

    def action_back(self) -> None:
        self.dismiss(None)
