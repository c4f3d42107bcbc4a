"""Provides the recap screen: a session's recap for the client, to copy into an email or save as a file.

The text is the one ``coachtui export recap`` prints (``coachtui.store.exports.recap_text``): the
session's goal, insights and the client's words, reviews, actions and what comes next; never a
private note, a question asked or the reflection. The screen writes no file itself: the write key
hands the text to ``write_export``, the command line's writer.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown, Static

from coachtui.domain.models import Client, Session
from coachtui.store.errors import StoreError
from coachtui.store.exports import export_folder, recap_file_name, recap_text, write_export
from coachtui.store.repository import Repository
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style


class RecapScreen(CoachScreen[None]):
    """The recap as it will read; c copies it, w writes it to a file, escape goes back."""

    CSS_PATH = style("review_recap")
    TITLE = "Recap for the client"
    AUTO_FOCUS = "#recap-body"
    BINDINGS = [
        Binding("escape", "back", "Back", id="recap.back", tooltip="Back to where the recap was opened"),
        Binding("c", "copy", "Copy", id="recap.copy", tooltip="Copy the recap, ready to paste into an email"),
        Binding(
            "w", "write", "Write file", id="recap.write", tooltip="Save the recap as a Markdown file (0600)"
        ),
    ]

    def __init__(self, client: Client, session: Session, text: str) -> None:
        super().__init__()
        self.client = client
        self.session = session
        self.text = text
        self.sub_title = f"{client.name} · session {session.number}"

    @classmethod
    def load(cls, repo: Repository, client_id: str, session_id: str) -> RecapScreen:
        """The recap of one session; raises StoreError."""
        session = repo.get_session(client_id, session_id)
        return cls(repo.get_client(client_id), session, recap_text(repo, session))

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="recap-body"):
            yield Markdown(self.text, id="recap-text")
        yield Static("", id="recap-hint", classes="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#recap-hint", Static).update(
            hint(
                self,
                ("recap.copy", "copy for an email"),
                ("recap.write", "save as a file"),
                "[b]↑↓[/b] scroll",
            )
        )

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify("Recap copied: paste it into your email to the client.", timeout=4)

    def action_write(self) -> None:
        self._write(export_folder() / recap_file_name(self.client, self.session))

    @work(thread=True, exclusive=True, group="recap-write")
    def _write(self, path: Path) -> None:
        try:
            written = write_export(path, self.text)
            if not self.coach.repository.read_only:
                # Listed for the coach to delete if the client is ever erased.
                self.coach.repository.record_export(written, self.client.id)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Recap not written", severity="error", timeout=15
            )
            return
        self.app.call_from_thread(self.notify, f"Recap written to {written}", timeout=10)

    def action_back(self) -> None:
        self.dismiss(None)
