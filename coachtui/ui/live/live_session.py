"""Provides the live session screen: stage cockpit, question deck, stage-tagged notes and commitments.

The session in progress is a `LiveSession` (domain/live.py), which holds every rule; the screen shows
it and turns keys into its calls. Saving never runs on the keystroke path: a quiet timer collapses a
burst of typing into one autosave of a small draft file, written in a thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import var
from textual.widgets import Footer, Static, TextArea

from coachtui.domain.live import LiveSession
from coachtui.domain.models import Action, Client, Goal, NoteKind
from coachtui.store.errors import StoreError
from coachtui.ui.live import views
from coachtui.ui.live.closing import CloseChoice, ClosingScreen, closing_summary
from coachtui.ui.live.collector import live_session_ended, live_session_started
from coachtui.ui.live.commitments import LiveCommitments
from coachtui.ui.live.live_keys import LIVE_BINDINGS
from coachtui.ui.live.notes_area import NotesArea
from coachtui.ui.live.prompt_deck import PromptDeck
from coachtui.ui.live.session_actions import SessionActions
from coachtui.ui.live.session_clock import SessionClock
from coachtui.ui.live.stage_bar import StageBar
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style


class LiveSessionScreen(LiveCommitments):
    """The screen a coach keeps open beside the video call."""

    CSS_PATH = style("live")
    AUTO_FOCUS = "#notes"
    BINDINGS: ClassVar[list[BindingType]] = LIVE_BINDINGS

    # Plain vars: their watchers repaint the one widget that shows them. A reactive would also
    # repaint the whole screen, the notes included (15-25 ms at 120x40), on every change.
    note_kind: var[NoteKind] = var(NoteKind.NOTE, init=False)
    """The kind of the line the cursor is on."""
    deck: var[tuple[str, int, int]] = var(("", 0, 0), init=False)
    """What the question deck shows: stage, question index and how many were asked."""
    side_wanted: var[bool] = var(True, init=False)

    def __init__(
        self,
        client: Client,
        live: LiveSession,
        *,
        goals: list[Goal],
        editor_text: str = "",
        due_actions: list[Action] | None = None,
    ) -> None:
        super().__init__()
        self.client = client
        self.live = live
        self.goals = goals
        self._due_actions = due_actions or []
        self._initial_text = editor_text or live.first_editor_text()
        session = live.session
        self.title = f"{client.name} · session {session.number}/{client.agreement.sessions_planned}"

    def compose(self) -> ComposeResult:
        with Horizontal(id="live-top"):
            yield Static(views.heading(self.client, self.live), id="live-title")
            yield SessionClock(id="live-clock")
        yield StageBar(id="stages")
        yield Static("", id="save-warning")
        with Horizontal(id="live-body"):
            with Vertical(id="notes-column"):
                yield NotesArea(self._initial_text, id="notes")
                yield Static("", id="notes-status")
            with Vertical(id="side"):
                yield PromptDeck(id="deck")
                yield Static("", id="actions-title")
                yield SessionActions(id="session-actions")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.call_after_refresh(live_session_started)  # keeps garbage collections off the typing path
        self.notes.move_cursor(self.notes.document.end)
        self.set_interval(1.0, self._tick)
        self._show_live()
        self.watch_note_kind(self.note_kind)
        self.review_homework(self._due_actions)
        self.offer_checkin()
        self.start_saving()

    def on_unmount(self) -> None:
        live_session_ended()

    def on_resize(self, event: Resize) -> None:
        self._fit_side()
        self._show_live(force=True)

    # --- showing the model --------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.coach.clock()

    def _show_live(self, force: bool = False) -> None:
        """Bring the reactives up to date with the model; their watchers repaint what changed."""
        live = self.live
        self._show_deck()
        self.agreed = tuple(live.agreed)
        if force:
            self.watch_deck()
            self.watch_agreed()
        self._tick()

    def _show_deck(self) -> None:
        live = self.live
        self.deck = (live.stage.id, live.deck_index, len(live.session.prompts))

    def _tick(self) -> None:
        now = self._now()
        live, settings = self.live, self.coach.settings
        closing = live.framework.stages[-1].name
        self.query_one(SessionClock).show(
            live.elapsed_seconds(now), live.session.planned_minutes, settings.end_warning_minutes, closing
        )
        self.query_one(StageBar).show(views.stage_views(live, now), self.size.width)

    def watch_deck(self) -> None:
        rows = 4 if self.size.height >= 30 else 2
        live = self.live
        self.query_one(PromptDeck).show(live.stage.name, live.questions, live.deck_index, live.asked, rows)

    def watch_agreed(self) -> None:
        keys = hint(self, ("live.new_action", "add"), ("live.focus_actions", "edit"))
        self.query_one("#actions-title", Static).update(views.actions_title(len(self.agreed), keys))
        self.query_one(SessionActions).show(list(self.agreed), self.coach.today())

    def watch_note_kind(self, kind: NoteKind) -> None:
        keys = hint(self, ("live.cycle_kind", "kind: ! insight  > quote  ~ private"))
        self.query_one("#notes-status", Static).update(views.kind_status(kind, keys))

    def watch_side_wanted(self) -> None:
        self._fit_side()

    def _fit_side(self) -> None:
        self.query_one("#side").display = self.side_wanted and self.size.width >= 70
        self.set_class(self.size.width < 100, "-narrow")

    # --- notes ---------------------------------------------------------------------------------

    @on(TextArea.Changed, "#notes")
    @on(TextArea.SelectionChanged, "#notes")
    def _notes_moved(self, event: TextArea.Changed | TextArea.SelectionChanged) -> None:
        if isinstance(event, TextArea.Changed):
            self.changed()
        self.note_kind = self.notes.current_kind()

    # --- stages and questions -----------------------------------------------------------------

    def _enter_stage(self, stage_id: str) -> None:
        now = self._now()
        self.live.update_notes(self.notes.text, now)  # notes typed so far keep their stage and time
        header = self.live.enter_stage(stage_id, now)
        if header is None:
            return
        self.notes.start_stage(header)
        self.changed()
        self._show_live()

    def action_next_stage(self) -> None:
        following = self.live.next_stage()
        if following is None:
            ends = hint(self, ("live.end_session", "ends the session"))
            self.notify(f"{self.live.stage.name} is the last stage. {ends}.", timeout=3)
            return
        self._enter_stage(following.id)

    def action_previous_stage(self) -> None:
        previous = self.live.previous_stage()
        if previous is not None:
            self._enter_stage(previous.id)

    def action_go_stage(self, index: int) -> None:
        stage = self.live.stage_at(index)
        if stage is not None:
            self._enter_stage(stage.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "go_stage" and parameters:
            return self.live.stage_at(int(str(parameters[0]))) is not None
        return True

    # A question moved to or marked changes the deck alone: the clock and the stages keep their tick.
    def action_next_question(self) -> None:
        self.live.move_question(1)
        self._show_deck()

    def action_previous_question(self) -> None:
        self.live.move_question(-1)
        self._show_deck()

    def action_mark_asked(self) -> None:
        if self.live.mark_asked(self._now()) is not None:
            self.changed()
            self._show_deck()

    def action_ask_question(self) -> None:
        question = self.live.current_question
        if question is not None:
            self.notes.add_line_below(f"Q: {question}")
            self.action_mark_asked()

    def action_cycle_kind(self) -> None:
        if self.notes.cycle_kind() is None:
            self.notify("That line is a stage header; move to a note line to change its kind.", timeout=3)

    # --- the actions list ---------------------------------------------------------------------

    def action_focus_actions(self) -> None:
        if not self.live.agreed:
            self.notify(f"No actions yet: {hint(self, ('live.new_action', 'adds one'))}.", timeout=3)
            return
        self.side_wanted = True
        self._fit_side()
        self.query_one(SessionActions).focus()

    def action_toggle_side(self) -> None:
        self.side_wanted = not self.side_wanted

    # --- closing ------------------------------------------------------------------------------

    def action_end_session(self) -> None:
        now = self._now()
        self._tick()  # the clock behind the summary agrees with it
        self.live.update_notes(self.notes.text, now)
        live, today = self.live, self.coach.today()
        summary = closing_summary(live.session, live.framework, live.agreed, now, today)
        title = f"End session {live.session.number} with {self.client.name}?"
        self.app.push_screen(ClosingScreen(title, summary, today, live.session.next_checkin), self._close)

    def _close(self, choice: CloseChoice | None) -> None:
        if choice is None:
            self.notes.focus()
            return
        closed = self.live.close(self.notes.text, self._now(), choice.next_checkin)
        try:
            self.coach.repository.close_session(closed.session, closed.actions)
        except StoreError as error:
            self.notify(f"The session is not closed yet: {error}", severity="error", timeout=15)
            return
        self.stop_saving()
        self.coach.session_closed(self, closed.session)
