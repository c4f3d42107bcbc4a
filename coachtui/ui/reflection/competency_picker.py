"""Provides CompetencyPicker: the eight ICF core competencies to tick, by space or by their digit."""

from __future__ import annotations

from textual import events
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from coachtui.domain.models import Competency

COMPETENCIES = list(Competency)
"""The competencies in the ICF's own order, so that digit n is always competency n."""

SHORT_NAMES: dict[Competency, str] = {
    Competency.ETHICS: "Ethics",
    Competency.MINDSET: "Mindset",
    Competency.AGREEMENTS: "Agreements",
    Competency.TRUST: "Trust",
    Competency.PRESENCE: "Presence",
    Competency.LISTENING: "Listening",
    Competency.AWARENESS: "Awareness",
    Competency.GROWTH: "Growth",
}
"""One word a competency, for tables where the ICF's full names do not fit."""


def short_names(competencies: list[Competency]) -> str:
    """The competencies as one-word names in the ICF's order, e.g. "Listening, Awareness"."""
    return ", ".join(SHORT_NAMES[c] for c in COMPETENCIES if c in competencies)


def _prompt(number: int, competency: Competency, ticked: bool) -> str:
    return f"{'✓' if ticked else ' '} {number} {competency.value}"


class CompetencyPicker(SelectionList[Competency]):
    """A compact list of the eight competencies; space toggles the highlighted one, 1-8 toggle by number."""

    def __init__(self, chosen: list[Competency], *, id: str | None = None) -> None:
        selections = [
            Selection(_prompt(number, competency, competency in chosen), competency, competency in chosen)
            for number, competency in enumerate(COMPETENCIES, start=1)
        ]
        super().__init__(*selections, id=id, compact=True)

    def on_selection_list_selected_changed(self) -> None:
        # The tick is in the words too: the list's own box differs only in colour.
        picked = set(self.selected)
        for index, competency in enumerate(COMPETENCIES):
            self.replace_option_prompt_at_index(index, _prompt(index + 1, competency, competency in picked))

    @property
    def chosen(self) -> list[Competency]:
        """The ticked competencies in the ICF's order, whatever order they were ticked in."""
        picked = set(self.selected)
        return [c for c in COMPETENCIES if c in picked]

    def on_key(self, event: events.Key) -> None:
        # Keys are handled here, in the order they arrive, not by bindings: Textual resolves bindings only
        # once a key has bubbled up to the app, and by then a quick Tab may have moved the focus on.
        moves = {"up": self.action_cursor_up, "down": self.action_cursor_down}
        if event.key in moves:
            moves[event.key]()
        elif event.key in ("space", "enter") and self.highlighted is not None:
            self.toggle(COMPETENCIES[self.highlighted])
        elif event.key.isdigit() and 1 <= int(event.key) <= len(COMPETENCIES):
            self.highlighted = int(event.key) - 1
            self.toggle(COMPETENCIES[int(event.key) - 1])
        else:
            return
        event.stop()
        event.prevent_default()
