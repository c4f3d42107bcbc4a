"""Provides ResumePrompt: the question asked for a live session left open by a crash or a closed terminal.

y resumes it, n closes it as it is (or deletes it when nothing was written in it), and escape means
"not now": the draft is kept and the question comes again next time. A coach who presses escape to
think must never find the session closed.
"""

from __future__ import annotations

from textual.binding import Binding

from coachtui.domain.models import LiveDraft
from coachtui.ui.shared.confirm import ConfirmScreen


def nothing_written(draft: LiveDraft) -> bool:
    """No note, rating, question or action: the session was opened, not held."""
    session = draft.session
    return not (session.notes or session.ratings or session.prompts or session.reviews or draft.actions)


class ResumePrompt(ConfirmScreen):
    """y resume · n close as it is (delete, when empty) · escape not now; dismisses True, False or None."""

    BINDINGS = [Binding("escape", "not_now", "Not now", id="resume.not_now")]

    def __init__(self, draft: LiveDraft, client_name: str) -> None:
        session = draft.session
        empty = nothing_written(draft)
        saved = f"{draft.saved_at:%H:%M:%S} on {draft.saved_at:%d %b}"
        detail = f"It was left open; everything up to {saved} is here.\n" + (
            "y resumes it. n deletes it: nothing was written in it. esc: not now, ask again next time."
            if empty
            else "y resumes it. n closes it as it is, keeping every note (you can reflect on it later). "
            "esc: not now, ask again next time."
        )
        super().__init__(
            f"Resume session {session.number} with {client_name}?",
            detail,
            yes="Resume",
            no="Delete it" if empty else "Close it as it is",
        )
        self.empty = empty

    def action_not_now(self) -> None:
        self.dismiss(None)
