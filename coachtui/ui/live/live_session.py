"""Provides the live session screen: stage cockpit, question deck, stage-tagged notes and commitments.

The session in progress is a `LiveSession` (domain/live.py), which holds every rule; the screen shows
it and turns keys into its calls. Saving never runs on the keystroke path: a quiet timer collapses a
burst of typing into one autosave of a small draft file, written in a thread.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Footer, Static, TextArea

from coachtui.domain.live import LiveSession
from coachtui.domain.models import Action, Client, Goal, LiveDraft, NoteKind
from coachtui.store.errors import StoreError
from coachtui.ui.live.accountability import AccountabilityScreen, Reviewed
from coachtui.ui.live.action_builder import ActionBuilderScreen
from coachtui.ui.live.autosave import Autosaver
from coachtui.ui.live.closing import CloseChoice, ClosingScreen, closing_summary
from coachtui.ui.live.collector import live_session_ended, live_session_started
from coachtui.ui.live.live_keys import LIVE_BINDINGS, STAGE_KEYS
from coachtui.ui.live.notes_area import NotesArea
from coachtui.ui.live.prompt_deck import PromptDeck
from coachtui.ui.live.scaling import RatingInput, ScalingScreen
from coachtui.ui.live.session_actions import SessionActions
from coachtui.ui.live.session_clock import SessionClock
from coachtui.ui.live.stage_bar import StageBar, StageView
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

KIND_LABEL = {
    NoteKind.NOTE: "note",
    NoteKind.INSIGHT: "! insight",
    NoteKind.QUOTE: "> client quote",
    NoteKind.PRIVATE: "~ coach-private",
}
RETRY_SECONDS = 5.0
MAX_UNSAVED_SECONDS = 1.5
"""While typing goes on without a pause, a save still happens this often: a crash loses at most this much."""


class LiveSessionScreen(CoachScreen[None]):
    """The screen a coach keeps open beside the video call."""

    CSS_PATH = style("live")
    AUTO_FOCUS = "#notes"
    BINDINGS: list[Binding] = LIVE_BINDINGS  # type: ignore[assignment]

    note_kind: reactive[NoteKind] = reactive(NoteKind.NOTE, init=False)
    """The kind of the line the cursor is on."""
    stage_id: reactive[str] = reactive("", init=False)
    deck: reactive[tuple[str, int, int]] = reactive(("", 0, 0), init=False)
    """What the question deck shows: stage, question index and how many were asked."""
    agreed: reactive[tuple[Action, ...]] = reactive((), init=False)
    side_wanted: reactive[bool] = reactive(True, init=False)
    save_error: reactive[str | None] = reactive(None, init=False)

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
        self._autosaver: Autosaver[LiveDraft] | None = None
        session = live.session
        self.title = f"{client.name} · session {session.number}/{client.agreement.sessions_planned}"

    def compose(self) -> ComposeResult:
        session = self.live.session
        goal = f" · {session.goal}" if session.goal else ""
        heading = f"[b]{self.client.name}[/b] · session {session.number}/{self.client.agreement.sessions_planned} · {self.live.framework.name}{goal}"
        with Horizontal(id="live-top"):
            yield Static(heading, id="live-title")
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
        yield Footer()

    @property
    def notes(self) -> NotesArea:
        return self.query_one("#notes", NotesArea)

    def on_mount(self) -> None:
        self.call_after_refresh(live_session_started)  # keeps garbage collections off the typing path
        repository = self.coach.repository  # read here: the autosave writes from a thread
        self._autosaver = Autosaver(
            self,
            snapshot=self.snapshot,
            write=repository.save_draft,
            on_result=self._saved,
            quiet_seconds=self.coach.settings.autosave_seconds,
            retry_seconds=RETRY_SECONDS,
            max_unsaved_seconds=MAX_UNSAVED_SECONDS,
        )
        self.notes.move_cursor(self.notes.document.end)
        self.set_interval(1.0, self._tick)
        self._show_live()
        self.watch_note_kind(self.note_kind)
        self.watch_save_error(None)
        if self._due_actions:
            self.app.push_screen(AccountabilityScreen(self._due_actions, self.coach.today()), self._reviewed)
        self._autosaver.save_in_background()  # a crash from the first second on can be resumed

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
        self.stage_id = live.stage.id
        self.deck = (live.stage.id, live.deck_index, len(live.session.prompts))
        self.agreed = tuple(live.agreed)
        if force:
            self.watch_deck()
            self.watch_agreed()
        self._tick()

    def _tick(self) -> None:
        now = self._now()
        live, settings = self.live, self.coach.settings
        closing = live.framework.stages[-1].name
        self.query_one(SessionClock).show(
            live.elapsed_seconds(now), live.session.planned_minutes, settings.end_warning_minutes, closing
        )
        seconds = live.session.stage_seconds(until=now)
        views = [
            StageView(
                name=stage.name,
                key=STAGE_KEYS[index].upper() if index < len(STAGE_KEYS) else "",
                seconds=seconds.get(stage.id, 0.0),
                timebox_seconds=live.framework.timebox_seconds(stage.id, live.session.planned_minutes),
                current=stage.id == live.stage.id,
            )
            for index, stage in enumerate(live.framework.stages)
        ]
        self.query_one(StageBar).show(views, compact=self.size.width < 100)

    def watch_deck(self) -> None:
        rows = 4 if self.size.height >= 30 else 2
        live = self.live
        self.query_one(PromptDeck).show(live.stage.name, live.questions, live.deck_index, live.asked, rows)

    def watch_agreed(self) -> None:
        keys = hint(self, ("live.new_action", "add"), ("live.focus_actions", "edit"))
        self.query_one("#actions-title", Static).update(
            f"[b]Actions ({len(self.agreed)})[/b]  [dim]{keys}[/dim]"
        )
        self.query_one(SessionActions).show(list(self.agreed), self.coach.today())

    def watch_note_kind(self, kind: NoteKind) -> None:
        keys = hint(self, ("live.cycle_kind", "kind: ! insight  > quote  ~ private"))
        self.query_one("#notes-status", Static).update(f"[b]{KIND_LABEL[kind]}[/b] [dim]· {keys}[/dim]")

    def watch_side_wanted(self) -> None:
        self._fit_side()

    def _fit_side(self) -> None:
        self.query_one("#side").display = self.side_wanted and self.size.width >= 70
        self.set_class(self.size.width < 100, "-narrow")

    # --- notes and saving ---------------------------------------------------------------------

    @on(TextArea.Changed, "#notes")
    @on(TextArea.SelectionChanged, "#notes")
    def _notes_moved(self, event: TextArea.Changed | TextArea.SelectionChanged) -> None:
        if isinstance(event, TextArea.Changed):
            self._changed()
        self.note_kind = self.notes.current_kind()

    def _changed(self) -> None:
        if self._autosaver is not None:
            self._autosaver.changed()

    def snapshot(self) -> LiveDraft:
        """The session as it stands, notes parsed from the editor, detached from the screen's state."""
        return self.live.draft(self.notes.text, self._now())

    def _saved(self, error: str | None) -> None:
        self.save_error = error
        self.sub_title = f"saved {self._now():%H:%M:%S}" if error is None else "NOT SAVED"

    def watch_save_error(self, error: str | None) -> None:
        warning = self.query_one("#save-warning", Static)
        warning.display = error is not None
        if error is not None:
            warning.update(
                f"⚠ NOT SAVED: {error}  Keep typing: everything stays here and saving is retried every "
                f"{RETRY_SECONDS:.0f} s."
            )
        self.query_one("#notes-status", Static).set_class(error is not None, "-unsaved")

    def save_now(self) -> None:
        """Save synchronously (quit, screen change, SIGHUP/SIGTERM); raises StoreError if it cannot."""
        if self._autosaver is not None:
            self._autosaver.save_now()

    def on_screen_suspend(self) -> None:
        try:
            self.save_now()
        except (StoreError, OSError):
            return  # shown on screen, and retried

    def action_save(self) -> None:
        try:
            self.save_now()
        except (StoreError, OSError):
            return
        self.notify("Saved.", timeout=2)

    # --- stages and questions -----------------------------------------------------------------

    def _enter_stage(self, stage_id: str) -> None:
        now = self._now()
        self.live.update_notes(self.notes.text, now)  # notes typed so far keep their stage and time
        header = self.live.enter_stage(stage_id, now)
        if header is None:
            return
        self.notes.start_stage(header)
        self._changed()
        self._show_live()

    def action_next_stage(self) -> None:
        following = self.live.next_stage()
        if following is None:
            self.notify(f"{self.live.stage.name} is the last stage. F10 ends the session.", timeout=3)
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

    def action_next_question(self) -> None:
        self.live.move_question(1)
        self._show_live()

    def action_previous_question(self) -> None:
        self.live.move_question(-1)
        self._show_live()

    def action_mark_asked(self) -> None:
        if self.live.mark_asked(self._now()) is not None:
            self._changed()
            self._show_live()

    def action_ask_question(self) -> None:
        question = self.live.current_question
        if question is not None:
            self.notes.add_line_below(f"Q: {question}")
            self.action_mark_asked()

    def action_cycle_kind(self) -> None:
        if self.notes.cycle_kind() is None:
            self.notify("That line is a stage header; move to a note line to change its kind.", timeout=3)

    # --- accountability, actions, ratings -------------------------------------------------------

    def _reviewed(self, reviewed: Reviewed | None) -> None:
        for action in self._due_actions:
            if reviewed is not None and action.id in reviewed:
                outcome, learning = reviewed[action.id]
                self.live.review(action, outcome, learning, self._now())
        if reviewed:
            count = len(reviewed)
            self.notify(f"Recorded {count} action review{'s' if count != 1 else ''}.", timeout=3)
        self._changed()
        self.notes.focus()

    def action_new_action(self) -> None:
        self._open_builder(None)

    def _open_builder(self, action: Action | None) -> None:
        def done(result: Action | None) -> None:
            self.notes.focus()
            if result is not None:
                self.live.agree(result)
                self._changed()
                self._show_live()

        session = self.live.session
        builder = ActionBuilderScreen(self.client.id, session.id, self.goals, self.coach.today(), action)
        self.app.push_screen(builder, done)

    @on(SessionActions.EditRequested)
    def _edit_action(self, event: SessionActions.EditRequested) -> None:
        action = self.live.agreed_action(event.action_id)
        if action is not None:
            self._open_builder(action)

    @on(SessionActions.RemoveRequested)
    def _remove_action(self, event: SessionActions.RemoveRequested) -> None:
        self.live.remove(event.action_id)
        self._changed()
        self._show_live()
        if not self.live.agreed:
            self.notes.focus()

    @on(SessionActions.LeaveRequested)
    def _leave_actions(self) -> None:
        self.notes.focus()

    def action_focus_actions(self) -> None:
        if not self.live.agreed:
            self.notify(f"No actions yet: {hint(self, ('live.new_action', 'adds one'))}.", timeout=3)
            return
        self.side_wanted = True
        self._fit_side()
        self.query_one(SessionActions).focus()

    def action_rate(self) -> None:
        def done(result: RatingInput | None) -> None:
            self.notes.focus()
            if result is not None:
                self.live.rate(result.kind, result.value, result.goal_id, self._now())
                self.notify(f"Recorded {result.kind.value} {result.value}/10.", timeout=3)
                self._changed()

        kind, goal_id = self.live.last_rating
        self.app.push_screen(ScalingScreen(self.goals, kind, goal_id), done)

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
        if self._autosaver is not None:
            self._autosaver.stop()  # the client's file has it all now: no draft may be written after this
        self.coach.session_closed(self, closed.session)
