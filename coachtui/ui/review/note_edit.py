"""Provides the correction of a mistyped note after the session: the record keeps the mark and the original."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from coachtui.domain.models import Note
from coachtui.domain.notes import clean_text
from coachtui.ui.seam import CoachModal
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

MAX_NOTE = 4000
"""A note is one line of the session's notes; a correction is not the place for a whole page."""


class NoteEditScreen(CoachModal[str | None]):
    """Enter keeps the corrected text (the record marks it as edited after the session); escape cancels."""

    CSS_PATH = style("review_note_edit")
    AUTO_FOCUS = "#note-edit-text"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="review.edit_cancel", tooltip="Keep the note as it is")
    ]

    def __init__(self, note: Note, number: int) -> None:
        super().__init__()
        self._note = note
        self._number = number

    def compose(self) -> ComposeResult:
        note = self._note
        with Vertical(id="note-edit-box"):
            yield Static(f"Correct a {note.kind.value} of session {self._number}", id="note-edit-title")
            written = note.original or note.text
            yield Static(
                Text(f"Written at {note.at:%H:%M} as: {written}", style="dim"), id="note-edit-original"
            )
            yield Input(note.text, max_length=MAX_NOTE, id="note-edit-text")
            yield Static(
                "The record keeps what was written and marks the note as edited after the session.",
                classes="hint",
            )
            yield Static(
                hint(self, "[b]enter[/b] keep the correction", ("review.edit_cancel", "cancel")),
                classes="hint",
            )

    @on(Input.Submitted, "#note-edit-text")
    def _submitted(self) -> None:
        text = " ".join(clean_text(self.query_one("#note-edit-text", Input).value).split())
        if not text:
            self.notify("A note cannot be emptied here: press escape to keep it.", severity="warning")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
