"""Provides the live session screen: stage cockpit, question deck, stage-tagged notes and commitments.

The screen owns the session's state. Every live key is a priority binding on a key the notes area
does not use, so it works while the coach types. Saving never runs on the keystroke path: a quiet
timer collapses a burst of typing into one autosave of a small draft file, written in a thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

from coachtui.domain.accountability import review_action
from coachtui.domain.frameworks import Framework, load_framework
from coachtui.domain.models import (
    Action,
    Client,
    Goal,
    LiveDraft,
    NoteKind,
    PromptAsked,
    RatingKind,
    ScalingRating,
    Session,
    SessionStatus,
    StageVisit,
)
from coachtui.domain.notes import parse_notes, stage_header
from coachtui.store.errors import StoreError
from coachtui.ui.live.accountability import AccountabilityScreen, Reviewed
from coachtui.ui.live.action_builder import ActionBuilderScreen
from coachtui.ui.live.autosave import Autosaver
from coachtui.ui.live.closing import CloseChoice, ClosingScreen, closing_summary
from coachtui.ui.live.collector import live_session_ended, live_session_started
from coachtui.ui.live.notes_area import NotesArea
from coachtui.ui.live.prompt_deck import PromptDeck
from coachtui.ui.live.scaling import RatingInput, ScalingScreen
from coachtui.ui.live.session_actions import SessionActions
from coachtui.ui.live.session_clock import SessionClock
from coachtui.ui.live.stage_bar import StageBar, StageView
from coachtui.ui.pending_keys import when_keys_handled
from coachtui.ui.styles import style

if TYPE_CHECKING:
    from coachtui.ui.app import CoachApp

STAGE_KEYS = ("f2", "f3", "f4", "f5", "f6")
KIND_LABEL = {
    NoteKind.NOTE: "note",
    NoteKind.INSIGHT: "! insight",
    NoteKind.QUOTE: "> client quote",
    NoteKind.PRIVATE: "~ coach-private",
}
RETRY_SECONDS = 5.0
MAX_UNSAVED_SECONDS = 1.5
"""While typing goes on without a pause, a save still happens this often: a crash loses at most this much."""


def _live(
    key: str, action: str, description: str, binding_id: str, tooltip: str, show: bool = True
) -> Binding:
    # priority: the key must work while the notes area has focus.
    return Binding(
        key, action, description, show=show, priority=True, id=f"live.{binding_id}", tooltip=tooltip
    )


class LiveSessionScreen(Screen[None]):
    """The screen a coach keeps open beside the video call."""

    CSS_PATH = style("live")
    AUTO_FOCUS = "#notes"
    BINDINGS = [
        _live("ctrl+n", "next_stage", "Next stage", "next_stage", "move to the next stage of the model"),
        _live("ctrl+b", "previous_stage", "Prev stage", "previous_stage", "back to the previous stage"),
        *[
            _live(
                key,
                f"go_stage({index})",
                f"Stage {index + 1}",
                f"stage_{index + 1}",
                f"go straight to stage {index + 1}",
                show=False,
            )
            for index, key in enumerate(STAGE_KEYS)
        ],
        _live(
            "ctrl+o",
            "ask_question",
            "Ask",
            "ask_question",
            "put the suggested question into the notes, marked asked",
        ),
        _live("ctrl+f", "next_question", "Next Q", "next_question", "offer another question for this stage"),
        _live(
            "ctrl+r", "previous_question", "Prev Q", "previous_question", "the question before", show=False
        ),
        _live(
            "f8",
            "mark_asked",
            "Mark asked",
            "mark_asked",
            "mark the question asked without inserting it",
            show=False,
        ),
        _live(
            "ctrl+t", "cycle_kind", "Kind", "cycle_kind", "this line: note → insight → client quote → private"
        ),
        _live(
            "ctrl+l",
            "new_action",
            "Action",
            "new_action",
            "commitment builder: a new action in the client's words",
        ),
        _live("ctrl+g", "rate", "Scale", "rate", "record a 0-10 scaling rating"),
        _live(
            "f7",
            "focus_actions",
            "Actions list",
            "focus_actions",
            "the session's actions: e edit, d remove",
            show=False,
        ),
        _live(
            "f9",
            "toggle_side",
            "Side pane",
            "toggle_side",
            "show or hide the questions and actions",
            show=False,
        ),
        _live("ctrl+s", "save", "Save now", "save", "save now (it autosaves anyway)", show=False),
        _live(
            "f10", "end_session", "End", "end_session", "end the session: summary, next check-in, reflection"
        ),
    ]

    def __init__(
        self,
        client: Client,
        session: Session,
        *,
        goals: list[Goal],
        editor_text: str = "",
        actions: list[Action] | None = None,
        due_actions: list[Action] | None = None,
    ) -> None:
        super().__init__()
        self.client = client
        self.session = session
        self.framework: Framework = load_framework(session.framework)
        self.goals = goals
        agreed = set(session.action_ids)
        self.actions = [a for a in actions or [] if a.id in agreed]
        """Actions agreed in this session."""
        self.reviewed = [a for a in actions or [] if a.id not in agreed]
        """Earlier actions reviewed in this session."""
        self._due_actions = due_actions or []
        self._initial_text = editor_text or stage_header(self.framework.stages[0].name, 0) + "\n"
        self._question_index: dict[str, int] = {}
        self._last_rating = (RatingKind.PROGRESS, goals[0].id if goals else None)
        self._autosaver = Autosaver(
            self,
            snapshot=self.snapshot,
            write=lambda draft: self.coach_app.repository.save_draft(draft),
            on_result=self._show_save_state,
            retry_seconds=RETRY_SECONDS,
            max_unsaved_seconds=MAX_UNSAVED_SECONDS,
        )
        self._shown_kind: NoteKind | None = None
        self._side_wanted = True
        self.title = f"{client.name} · session {session.number}/{client.agreement.sessions_planned}"

    @property
    def coach_app(self) -> CoachApp:
        return cast("CoachApp", self.app)

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="live-top"):
            yield Static(self._heading(), id="live-title")
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

    def _heading(self) -> str:
        goal = f" · {self.session.goal}" if self.session.goal else ""
        return f"[b]{self.client.name}[/b] · session {self.session.number}/{self.client.agreement.sessions_planned} · {self.framework.name}{goal}"

    @property
    def notes(self) -> NotesArea:
        return self.query_one("#notes", NotesArea)

    def on_mount(self) -> None:
        self.call_after_refresh(live_session_started)  # keeps garbage collections off the typing path
        self._autosaver.quiet_seconds = self.coach_app.settings.autosave_seconds
        notes = self.notes
        notes.move_cursor(notes.document.end)
        self.set_interval(1.0, self._tick)
        self._refresh_all()
        if self._due_actions:
            self.app.push_screen(
                AccountabilityScreen(self._due_actions, self.coach_app.today()), self._reviews_done
            )
        self._autosaver.save_in_background()  # a crash from the first second on can be resumed

    def on_unmount(self) -> None:
        live_session_ended()

    def on_resize(self, event: Resize) -> None:
        self._fit_side(event.size.width)

    def _fit_side(self, width: int) -> None:
        self.query_one("#side").display = self._side_wanted and width >= 70
        self.set_class(width < 100, "-narrow")

    # --- what the screen shows ----------------------------------------------------------------

    @property
    def stage_id(self) -> str:
        return self.session.visits[-1].stage

    def _now(self) -> datetime:
        return self.coach_app.clock()

    def _tick(self) -> None:
        now = self._now()
        closing = self.framework.stages[-1].name
        self.query_one(SessionClock).show(
            (now - self.session.started_at).total_seconds(),
            self.session.planned_minutes,
            self.coach_app.settings.end_warning_minutes,
            closing,
        )
        self._show_stages(now)

    def _show_stages(self, now: datetime) -> None:
        seconds = self.session.stage_seconds(until=now)
        views = [
            StageView(
                name=stage.name,
                key=STAGE_KEYS[index].upper() if index < len(STAGE_KEYS) else "",
                seconds=seconds.get(stage.id, 0.0),
                timebox_seconds=self.framework.timebox_seconds(stage.id, self.session.planned_minutes),
                current=stage.id == self.stage_id,
            )
            for index, stage in enumerate(self.framework.stages)
        ]
        self.query_one(StageBar).show(views, compact=self.size.width < 100)

    def _questions(self) -> list[str]:
        return list(self.framework.stage(self.stage_id).questions)

    def _show_deck(self) -> None:
        questions = self._questions()
        index = self._question_index.get(self.stage_id, 0) % max(1, len(questions))
        asked = {prompt.text for prompt in self.session.prompts}
        rows = 4 if self.size.height >= 30 else 2
        self.query_one(PromptDeck).show(
            self.framework.stage(self.stage_id).name, questions, index, asked, rows
        )

    def _show_actions(self) -> None:
        self.query_one("#actions-title", Static).update(
            f"[b]Actions ({len(self.actions)})[/b]  [dim]ctrl+l add · F7 edit[/dim]"
        )
        self.query_one(SessionActions).show(self.actions, self.coach_app.today())

    def _show_status(self, force: bool = False) -> None:
        kind = self.notes.current_kind()
        if kind == self._shown_kind and not force:
            return
        self._shown_kind = kind
        self.query_one("#notes-status", Static).update(
            f"[b]{KIND_LABEL[kind]}[/b] [dim]· ctrl+t kind: ! insight  > quote  ~ private[/dim]"
        )

    def _refresh_all(self) -> None:
        self._tick()
        self._show_deck()
        self._show_actions()
        self._show_status(force=True)
        self._fit_side(self.size.width)

    # --- notes and saving ---------------------------------------------------------------------

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self) -> None:
        self._changed()
        self._show_status()

    @on(TextArea.SelectionChanged, "#notes")
    def _cursor_moved(self) -> None:
        self._show_status()

    def _changed(self) -> None:
        self._autosaver.changed()

    def _parse_notes(self) -> str:
        """Bring session.notes up to date with the editor; return the editor's text."""
        text = self.notes.text
        self.session.notes = parse_notes(
            text,
            self.framework.stage_names_to_ids(),
            self.framework.stages[0].id,
            self.session.notes,
            self._now(),
        )
        return text

    def snapshot(self) -> LiveDraft:
        """The session as it stands, notes parsed from the editor, detached from the screen's state."""
        text = self._parse_notes()
        return LiveDraft(
            session=self.session.model_copy(deep=True),
            editor_text=text,
            actions=[a.model_copy(deep=True) for a in [*self.actions, *self.reviewed]],
            saved_at=self._now(),
        )

    def _show_save_state(self, error: str | None) -> None:
        warning = self.query_one("#save-warning", Static)
        warning.display = error is not None
        if error is not None:
            warning.update(
                f"⚠ NOT SAVED: {error}  Keep typing: everything stays here and saving is retried every "
                f"{self._autosaver.retry_seconds:.0f} s."
            )
        self.query_one("#notes-status", Static).set_class(error is not None, "-unsaved")
        self.sub_title = f"saved {self._now():%H:%M:%S}" if error is None else "NOT SAVED"

    def save_now(self) -> None:
        """Save synchronously (quit, screen change, SIGHUP/SIGTERM); raises StoreError if it cannot."""
        self._autosaver.save_now()

    def on_screen_suspend(self) -> None:
        try:
            self.save_now()
        except (StoreError, OSError):
            return  # shown on screen, and retried

    def action_save(self) -> None:
        when_keys_handled(self, self._save_now)

    def _save_now(self) -> None:
        try:
            self.save_now()
        except (StoreError, OSError):
            return
        self.notify("Saved.", timeout=2)

    # --- stages -------------------------------------------------------------------------------

    def _enter_stage(self, stage_id: str) -> None:
        if stage_id == self.stage_id:
            return
        self._parse_notes()  # notes typed so far keep the stage and time they were written in
        now = self._now()
        self.session.visits[-1].ended_at = now
        self.session.visits.append(StageVisit(stage=stage_id, started_at=now))
        header = stage_header(
            self.framework.stage(stage_id).name, (now - self.session.started_at).total_seconds()
        )
        self.notes.start_stage(header)
        self._changed()
        self._tick()
        self._show_deck()

    def action_next_stage(self) -> None:
        when_keys_handled(self, self._next_stage_now)

    def _next_stage_now(self) -> None:
        following = self.framework.next_stage(self.stage_id)
        if following is None:
            self.notify(
                f"{self.framework.stages[-1].name} is the last stage. F10 ends the session.", timeout=3
            )
            return
        self._enter_stage(following.id)

    def action_previous_stage(self) -> None:
        when_keys_handled(self, self._previous_stage_now)

    def _previous_stage_now(self) -> None:
        previous = self.framework.previous_stage(self.stage_id)
        if previous is not None:
            self._enter_stage(previous.id)

    def action_go_stage(self, index: int) -> None:
        when_keys_handled(self, lambda: self._go_stage_now(index))

    def _go_stage_now(self, index: int) -> None:
        if index < len(self.framework.stages):
            self._enter_stage(self.framework.stages[index].id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "go_stage" and parameters:
            return int(cast(int, parameters[0])) < len(self.framework.stages)
        return True

    # --- questions ----------------------------------------------------------------------------

    def _move_question(self, step: int) -> None:
        count = max(1, len(self._questions()))
        self._question_index[self.stage_id] = (self._question_index.get(self.stage_id, 0) + step) % count
        self._show_deck()

    def action_next_question(self) -> None:
        self._move_question(1)

    def action_previous_question(self) -> None:
        self._move_question(-1)

    def _current_question(self) -> str | None:
        questions = self._questions()
        if not questions:
            return None
        return questions[self._question_index.get(self.stage_id, 0) % len(questions)]

    def action_mark_asked(self) -> None:
        question = self._current_question()
        if question is None:
            return
        self.session.prompts.append(PromptAsked(at=self._now(), stage=self.stage_id, text=question))
        self._move_question(1)
        self._changed()

    def action_ask_question(self) -> None:
        when_keys_handled(self, self._ask_question_now)

    def _ask_question_now(self) -> None:
        question = self._current_question()
        if question is None:
            return
        self.notes.add_line_below(f"Q: {question}")
        self.action_mark_asked()

    # --- note kinds ---------------------------------------------------------------------------

    def action_cycle_kind(self) -> None:
        if self.notes.cycle_kind() is None:
            self.notify("That line is a stage header; move to a note line to change its kind.", timeout=3)
            return
        self._show_status(force=True)

    # --- accountability, actions, ratings -------------------------------------------------------

    def _reviews_done(self, reviewed: Reviewed | None) -> None:
        for action in self._due_actions:
            if reviewed is None or action.id not in reviewed:
                continue
            outcome, learning = reviewed[action.id]
            review, updated = review_action(
                action, outcome, learning, session_id=self.session.id, at=self._now()
            )
            self.session.reviews.append(review)
            self.reviewed = [a for a in self.reviewed if a.id != action.id] + [updated]
        count = len(reviewed or {})
        if count:
            self.notify(f"Recorded {count} action review{'s' if count != 1 else ''}.", timeout=3)
        self._changed()
        self.notes.focus()

    def action_new_action(self) -> None:
        self._open_builder(None)

    def _open_builder(self, action: Action | None) -> None:
        def done(result: Action | None) -> None:
            self.notes.focus()
            if result is None:
                return
            if any(a.id == result.id for a in self.actions):
                self.actions = [result if a.id == result.id else a for a in self.actions]
            else:
                result = result.model_copy(update={"position": len(self.actions)})
                self.actions.append(result)
                self.session.action_ids.append(result.id)
            self._show_actions()
            self._changed()

        self.app.push_screen(
            ActionBuilderScreen(self.client.id, self.session.id, self.goals, self.coach_app.today(), action),
            done,
        )

    @on(SessionActions.EditRequested)
    def _edit_action(self, event: SessionActions.EditRequested) -> None:
        action = next((a for a in self.actions if a.id == event.action_id), None)
        if action is not None:
            self._open_builder(action)

    @on(SessionActions.RemoveRequested)
    def _remove_action(self, event: SessionActions.RemoveRequested) -> None:
        self.actions = [a for a in self.actions if a.id != event.action_id]
        self.session.action_ids = [i for i in self.session.action_ids if i != event.action_id]
        self._show_actions()
        self._changed()
        if not self.actions:
            self.notes.focus()

    @on(SessionActions.LeaveRequested)
    def _leave_actions(self) -> None:
        self.notes.focus()

    def action_focus_actions(self) -> None:
        if not self.actions:
            self.notify("No actions yet: ctrl+l adds one.", timeout=3)
            return
        self._side_wanted = True
        self._fit_side(self.size.width)
        self.query_one(SessionActions).focus()

    def action_rate(self) -> None:
        kind, goal_id = self._last_rating

        def done(result: RatingInput | None) -> None:
            self.notes.focus()
            if result is None:
                return
            self._last_rating = (result.kind, result.goal_id)
            self.session.ratings.append(
                ScalingRating(
                    at=self._now(),
                    stage=self.stage_id,
                    kind=result.kind,
                    value=result.value,
                    goal_id=result.goal_id,
                )
            )
            self.notify(f"Recorded {result.kind.value} {result.value}/10.", timeout=3)
            self._changed()

        self.app.push_screen(ScalingScreen(self.goals, kind, goal_id), done)

    def action_toggle_side(self) -> None:
        self._side_wanted = not self._side_wanted
        self._fit_side(self.size.width)

    # --- closing ------------------------------------------------------------------------------

    def action_end_session(self) -> None:
        when_keys_handled(self, self._end_session_now)

    def _end_session_now(self) -> None:
        now = self._now()
        self._tick()  # the clock behind the summary agrees with it
        self.snapshot()
        summary = closing_summary(self.session, self.framework, self.actions, now, self.coach_app.today())
        title = f"End session {self.session.number} with {self.client.name}?"
        self.app.push_screen(
            ClosingScreen(title, summary, self.coach_app.today(), self.session.next_checkin), self._close
        )

    def _close(self, choice: CloseChoice | None) -> None:
        if choice is None:
            self.notes.focus()
            return
        now = self._now()
        draft = self.snapshot()
        session = draft.session
        session.visits[-1].ended_at = now
        session.ended_at = now
        session.next_checkin = choice.next_checkin
        session.status = SessionStatus.CLOSED
        try:
            self.coach_app.repository.close_session(session, draft.actions)
        except StoreError as error:
            self.notify(f"The session is not closed yet: {error}", severity="error", timeout=15)
            return
        self._autosaver.stop()  # the client's file has it all now: no draft may be written after this
        self.coach_app.session_closed(self, session)
