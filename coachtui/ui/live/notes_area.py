"""Provides NotesArea: the live session's one typing area, with the few edits the session keys make.

It knows lines, stage headers and kind prefixes (from domain.notes), not sessions: the screen
decides when a stage starts or a question is asked, and the notes area edits the text.
"""

from __future__ import annotations

from textual.widgets import TextArea

from coachtui.domain.models import NoteKind
from coachtui.domain.notes import line_kind, next_kind, parse_header, set_line_kind


class NotesArea(TextArea):
    """A soft-wrapped TextArea for notes; every edit goes through TextArea, so ctrl+z undoes it."""

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="indent")
        # A steady cursor: beside a video call a blink is one more thing moving, and its two repaints a
        # second cost more CPU than the session clock itself (0.7 % instead of 0.3 % of a core).
        self.cursor_blink = False

    def current_kind(self) -> NoteKind:
        return line_kind(self.document.get_line(self.cursor_location[0]))[0]

    def start_stage(self, header: str) -> None:
        """Put a stage header at the end and the cursor under it.

        If nothing was written under the previous header, it is replaced rather than stacked.
        """
        document = self.document
        last = document.line_count - 1
        while last > 0 and not document.get_line(last).strip():
            last -= 1
        if parse_header(document.get_line(last)) is not None:
            self.replace(header + "\n", (last, 0), document.end)
        else:
            ending = document.get_line(document.line_count - 1)
            self.insert(("\n" if ending.strip() else "") + "\n" + header + "\n", document.end)
        self.move_cursor(self.document.end)
        self.scroll_cursor_visible()

    def add_line_below(self, text: str) -> None:
        """Put `text` on a line of its own after the cursor's line (or on it, if it is empty)."""
        row = self.cursor_location[0]
        line = self.document.get_line(row)
        self.insert(("\n" if line.strip() else "") + text + "\n", (row, len(line)))

    def cycle_kind(self) -> NoteKind | None:
        """Mark the cursor's line as the next kind; None if the line is a stage header."""
        row, column = self.cursor_location
        line = self.document.get_line(row)
        if parse_header(line) is not None:
            return None
        kind = next_kind(line_kind(line)[0])
        changed = set_line_kind(line, kind)
        self.replace(changed, (row, 0), (row, len(line)))
        self.move_cursor((row, max(0, column + len(changed) - len(line))))
        return kind
