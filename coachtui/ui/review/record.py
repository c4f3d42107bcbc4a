"""Provides a session's record, read like a page; [ and ] turn to the client's previous and next session.

Read-only, except for one thing: a mistyped note can be corrected (j/k pick the note, e corrects
it). The record then shows the note as edited after the session, with what was written.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from coachtui.domain.models import Action, Goal, Reflection, Session
from coachtui.domain.session_record import correct_note, neighbours, record_passages
from coachtui.store.errors import StoreError
from coachtui.store.repository import Repository
from coachtui.ui.review import record_view as view
from coachtui.ui.review.note_edit import NoteEditScreen
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import hint, key_label
from coachtui.ui.styles import style

BLOCK_OF_ANCHOR = {"review": "record-reviews", "action": "record-agreed", "reflection": "record-reflection"}
"""Where a search hit that is not a note stands in the record (see ``SearchHit.anchor``)."""


class EntryLine(Static):
    """One note or question: the time and kind on the left, the text on the right (wrapped under itself).

    One widget per entry (one renderable inside, not a row of widgets): a long session lays out in a blink.
    """

    def __init__(self, mark: Text, body: Text, note_index: int | None) -> None:
        super().__init__(
            view.MarkAndBody(mark, body),
            classes="record-entry" + (" -question" if note_index is None else ""),
        )
        self.note_index = note_index
        self.mark = mark
        self.body = body


class SessionRecordScreen(CoachScreen[None]):
    """Stages in the order visited with their notes and questions; reviews, ratings, actions, reflection."""

    CSS_PATH = style("review_record")
    TITLE = "Session record"
    AUTO_FOCUS = "#record-body"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.record_back", tooltip="Back"),
        Binding(
            "left_square_bracket",
            "turn(-1)",
            "Previous",
            id="review.previous_session",
            tooltip="The client's previous session",
        ),
        Binding(
            "right_square_bracket",
            "turn(1)",
            "Next",
            id="review.next_session",
            tooltip="The client's next session",
        ),
        Binding("j", "pick(1)", "Next note", id="review.next_note", show=False, tooltip="Pick the next note"),
        Binding(
            "k", "pick(-1)", "Prev note", id="review.previous_note", show=False, tooltip="Pick the note above"
        ),
        Binding("e", "edit_note", "Correct", id="review.edit_note", tooltip="Correct the picked note's typo"),
        Binding(
            "m", "recap", "Recap", id="review.recap", tooltip="The recap for the client: copy it or save it"
        ),
    ]

    def __init__(
        self,
        client_name: str,
        order: list[str],
        session: Session,
        actions: list[Action],
        goals: list[Goal],
        anchor: str | None = None,
    ) -> None:
        super().__init__()
        self._client_name = client_name
        self._sessions = {session.id: session}
        """The sessions read so far: this one, and those the coach turned to (each read when turned to)."""
        self._order = order
        """The client's session ids by number, for [ and ]."""
        self.session_id = session.id
        self._actions = {a.id: a for a in actions}
        self._goals = {g.id: g for g in goals}
        kind, _, value = (anchor or "").partition(":")
        self.note_index = int(value) if kind == "note" and value.isdigit() else None
        self._block = BLOCK_OF_ANCHOR.get(kind)
        self._reflections: dict[str, Reflection | None] = {}

    @classmethod
    def load(
        cls, repo: Repository, client_id: str, session_id: str, anchor: str | None = None
    ) -> SessionRecordScreen:
        """Read what the record shows: the session, and the order of the client's sessions for [ and ]
        (their headings: a session is read whole when turned to); raises StoreError."""
        client = repo.get_client(client_id)
        session = repo.get_session(client_id, session_id)  # RecordNotFound if it is not the client's
        return cls(
            client.name,
            repo.session_order(client_id),
            session,
            repo.list_actions(client_id),
            repo.list_goals(client_id),
            anchor,
        )

    @property
    def session(self) -> Session:
        return self._sessions[self.session_id]

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="record-body")
        yield Static("", id="record-hint", classes="hint")
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    async def on_mount(self) -> None:
        await self._show()
        # Scrolled once the blocks are laid out: before that, where a note stands is not known.
        self.call_after_refresh(self._go_to_anchor)

    def _go_to_anchor(self) -> None:
        if self.note_index is not None:
            self._pick_note(self.note_index, scroll=True)
        elif self._block is not None:
            # A search hit in the reviews, the actions agreed or the reflection: that block, marked.
            block = self.query_one(f"#{self._block}", Static)
            block.add_class("-picked")
            self.query_one("#record-body", VerticalScroll).scroll_to_widget(block, animate=False, top=True)

    def _reflection(self, session: Session) -> Reflection | None:
        if session.id not in self._reflections:
            self._reflections[session.id] = self.coach.repository.get_reflection(
                session.id, session.client_id
            )
        return self._reflections[session.id]

    def _blocks(self, session: Session) -> list[Widget]:
        names = view.stage_names(session.framework)
        blocks: list[Widget] = [
            Static(view.heading_text(session, self._client_name), classes="record-block"),
            Static(view.reviews_text(session, self._actions), classes="record-block", id="record-reviews"),
        ]
        for passage in record_passages(session):
            blocks.append(Static(view.passage_heading(passage, names), classes="record-stage"))
            for entry in passage.entries:
                note = session.notes[entry.note_index] if entry.note_index is not None else None
                blocks.append(
                    EntryLine(view.entry_mark(entry, note), view.entry_body(entry, note), entry.note_index)
                )
            if not passage.entries:
                blocks.append(
                    Static(Text("nothing written in this stage", style="dim"), classes="record-empty")
                )
        blocks += [
            Static(view.ratings_text(session, self._goals, names), classes="record-block -first"),
            Static(view.agreed_text(session, self._actions), classes="record-block", id="record-agreed"),
            Static(view.summary_text(session, names), classes="record-block"),
            Static(
                view.reflection_text(self._reflection(session)),
                classes="record-block",
                id="record-reflection",
            ),
        ]
        return blocks

    async def _show(self) -> None:
        """Draw the current session's record from the top."""
        session = self.session
        body = self.query_one("#record-body", VerticalScroll)
        await body.remove_children()
        await body.mount_all(self._blocks(session))
        body.scroll_home(animate=False)
        position = self._order.index(session.id) + 1 if session.id in self._order else session.number
        self.sub_title = f"{self._client_name} · session {session.number} ({position} of {len(self._order)})"
        self.query_one("#record-hint", Static).update(
            hint(
                self,
                self._key_hint("review.previous_session", "previous"),
                self._key_hint("review.next_session", "next session"),
                "[b]↑↓[/b] scroll",
                "[b]j/k[/b] pick a note",
                ("review.edit_note", "correct it"),
            )
        )

    def _key_hint(self, binding_id: str, what: str) -> str:
        """A hint part for a key whose label is markup itself ("[" would open a tag): escaped here."""
        label = key_label(self, binding_id).replace("[", "\\[")
        return f"[b]{label}[/b] {what}" if label else ""

    # --- the note cursor and correcting a note -------------------------------------------------

    def _note_lines(self) -> list[EntryLine]:
        return [line for line in self.query(EntryLine) if line.note_index is not None]

    def _pick_note(self, note_index: int | None, scroll: bool) -> None:
        self.note_index = note_index
        for line in self._note_lines():
            line.set_class(line.note_index == note_index, "-picked")
            if line.note_index == note_index and scroll:
                self.query_one("#record-body", VerticalScroll).scroll_to_widget(line, animate=False)

    def action_pick(self, step: int) -> None:
        order = [line.note_index for line in self._note_lines()]
        if not order:
            self.notify("This session has no notes.", timeout=2)
            return
        if self.note_index not in order:
            index = 0 if step > 0 else len(order) - 1
        else:
            index = max(0, min(len(order) - 1, order.index(self.note_index) + step))
        self._pick_note(order[index], scroll=True)

    def action_edit_note(self) -> None:
        session = self.session
        if self.coach.repository.read_only:
            self.notify("Read-only: nothing can be corrected here.", title="Read-only", severity="warning")
            return
        if session.ended_at is None:
            self.notify(
                "This session is still open: correct the note in the live session.", severity="warning"
            )
            return
        index = self.note_index
        if index is None or not 0 <= index < len(session.notes):
            self.notify("Press j to pick the note to correct, then e.", timeout=4)
            return

        async def corrected(text: str | None) -> None:
            if text is None:
                return
            updated = correct_note(self.session, index, text, self.coach.clock())
            if updated is self.session:
                return
            self._sessions[updated.id] = updated
            await self._show()
            self._pick_note(index, scroll=True)
            self._save(updated)

        self.app.push_screen(NoteEditScreen(session.notes[index], session.number), corrected)

    @work(thread=True, group="record-save")
    def _save(self, session: Session) -> None:
        try:
            self.coach.repository.save_session(session)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, f"{error}", title="The correction was not saved", severity="error", timeout=15
            )
            return
        self.app.call_from_thread(
            self.notify, f"Note corrected in session {session.number} and saved.", timeout=3
        )

    # --- turning the pages ------------------------------------------------------------------------

    async def action_turn(self, step: int) -> None:
        before, after = neighbours(self._order, self.session_id)
        target = before if step < 0 else after
        if target is None:
            self.notify(
                "This is the first session." if step < 0 else "This is the latest session.", timeout=2
            )
            return
        if target not in self._sessions:
            try:
                self._sessions[target] = self.coach.repository.get_session(self.session.client_id, target)
            except StoreError as error:
                self.notify(str(error), title="Session not opened", severity="error", timeout=15)
                return
        self.session_id = target
        self.note_index = None
        self._block = None
        await self._show()

    def action_recap(self) -> None:
        self.coach.open_recap(self.session.client_id, self.session_id)

    def action_back(self) -> None:
        self.dismiss(None)
