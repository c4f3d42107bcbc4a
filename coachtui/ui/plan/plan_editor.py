"""Provides the plan editor: one client's living coaching plan, edited by keyboard like an outliner.

The screen owns the plan being edited (an ``EditablePlan``: the state, its undo stack, its saving).
Each change is saved at once; a failed save keeps the edit in memory, says so until a save
succeeds, and is retried by the next change, ctrl+s, leaving the screen or quitting. The keys
that open a form (edit, add) live in ``plan_forms``, delete, move and status in ``plan_item_keys``,
the new engagement cycle in ``plan_cycle``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Header, Input, Label, Static

from coachtui.domain.models import (
    Client,
    PlanRevision,
    PlanState,
)
from coachtui.domain.progress import RatedSession, engagement_progress
from coachtui.store.errors import StoreError
from coachtui.ui.plan import plan_cycle, plan_forms, plan_item_keys
from coachtui.ui.plan.editable_plan import EditablePlan
from coachtui.ui.plan.plan_outline import PlanOutline, RowKey
from coachtui.ui.plan.revision_history import RevisionHistoryScreen
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.client_check import check_client_file
from coachtui.ui.shared.confirm import ConfirmScreen
from coachtui.ui.styles import style

if TYPE_CHECKING:
    from coachtui.store.repository import Repository

MOVE = Binding.Group("Move", compact=True)


class PlanEditorScreen(CoachScreen[None]):
    """Vision and values, goals and their actions, check-in points and the agreement of one client."""

    CSS_PATH = style("plan_editor")
    AUTO_FOCUS = "PlanOutline"
    BINDINGS = [
        Binding("enter", "edit", "Edit", id="plan.edit"),
        Binding("a", "add", "Add", id="plan.add", tooltip="Add an item below this one"),
        Binding("A", "add_child", "Add child", id="plan.add_child", tooltip="Add an action under this goal"),
        Binding("space", "cycle_status", "Status", id="plan.status", tooltip="Next status of the action"),
        Binding("d", "delete", "Delete", id="plan.delete"),
        Binding("u", "undo", "Undo", id="plan.undo"),
        Binding("J", "move_down", "Move down", id="plan.move_down", group=MOVE),
        Binding("K", "move_up", "Move up", id="plan.move_up", group=MOVE),
        Binding("h", "history", "History", id="plan.history", tooltip="Revision history of this goal"),
        Binding("slash", "filter", "Filter", id="plan.filter"),
        # Rare or universal keys stay out of the footer so that F1 (help) fits at 120 columns.
        Binding("n", "new_cycle", "New cycle", id="plan.new_cycle", show=False),
        Binding("escape", "back", "Back", id="plan.back", show=False),
        Binding("j,down", "cursor_down", "Next item", id="plan.down", show=False),
        Binding("k,up", "cursor_up", "Previous item", id="plan.up", show=False),
        Binding("g,home", "first", "First item", id="plan.first", show=False),
        Binding("G,end", "last", "Last item", id="plan.last", show=False),
        Binding("pagedown", "page_down", "Page down", id="plan.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="plan.page_up", show=False),
        Binding("ctrl+s", "save", "Save again", id="plan.save", show=False),
    ]

    def __init__(
        self, repository: Repository, client: Client, state: PlanState, sessions: Sequence[RatedSession]
    ) -> None:
        super().__init__()
        self.plan = EditablePlan(repository, client, state, self.now)
        self.sessions = sessions
        self.title = "Coaching plan"
        self._query = ""
        self.agreement_before: Client | None = None

    @classmethod
    def load(cls, repository: Repository, client_id: str) -> PlanEditorScreen:
        """Read the client's plan and sessions; raises StoreError when the client's file cannot be read."""
        client = repository.get_client(client_id)
        state = repository.load_plan_state(client_id)
        return cls(repository, client, state, repository.list_session_digests(client_id))

    @property
    def outline(self) -> PlanOutline:
        return self.query_one(PlanOutline)

    def now(self) -> datetime:
        return self.coach.clock()

    def today(self) -> date:
        return self.coach.today()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="plan-error")
        yield PlanOutline(id="plan-outline")
        with Horizontal(id="plan-filter-bar"):
            yield Label("Filter ")
            yield Input(
                placeholder="words in goals, actions, check-ins · enter keeps · esc clears",
                id="plan-filter",
                compact=True,
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#plan-error").display = False
        self.query_one("#plan-filter-bar").display = False
        self.render_plan()
        check_client_file(self, self.plan.client.id)

    def on_screen_resume(self) -> None:
        plan_forms.agreement_returned(self)

    # The keys that edit live beside this file; bound here as the screen's actions.
    action_edit = plan_forms.edit
    action_add = plan_forms.add
    action_add_child = plan_forms.add_child
    action_new_cycle = plan_cycle.new_cycle
    action_delete = plan_item_keys.delete
    action_move_down = plan_item_keys.move_down
    action_move_up = plan_item_keys.move_up
    action_cycle_status = plan_item_keys.cycle_status

    def render_plan(self, focus: RowKey | None = None) -> None:
        client = self.plan.client
        progress = engagement_progress(len(self.sessions), client.agreement.sessions_planned)
        self.sub_title = f"{client.name} · cycle {client.cycle} · {progress}"
        self.outline.show(self.plan.state, client, self.sessions, self.today(), self._query)
        if focus is not None and not self.outline.go_to(focus) and self._query:
            # The filter hides the item just added or edited: clear it rather than hide the coach's work.
            self._set_filter("")
            self.outline.go_to(focus)

    def current(self) -> RowKey:
        return self.outline.current or RowKey("goals")

    # --- saving and undo ----------------------------------------------------------------------

    def commit(
        self,
        state: PlanState,
        revisions: list[PlanRevision],
        focus: RowKey | None,
        *,
        cycle_before: int | None = None,
    ) -> None:
        """Make ``state`` the plan (undoable) and save it with ``revisions``, then show it."""
        self._saving(lambda: self.plan.commit(state, revisions, cycle_before=cycle_before))
        self.render_plan(focus)

    def record(self, revisions: list[PlanRevision]) -> None:
        """Save ``revisions`` (a revision already saved is replaced, e.g. when its reason comes in)."""
        self._saving(lambda: self.plan.record(revisions))

    def _saving(self, write: Callable[[], object]) -> None:
        banner = self.query_one("#plan-error", Static)
        try:
            write()
        except StoreError as error:
            banner.update(Content(f"Not saved. {error} Press ctrl+s to try again now."))
            banner.display = True
            return
        banner.display = False

    def save_now(self) -> None:
        """Write what is not saved yet; raises StoreError (the app calls this before quitting)."""
        self.plan.save()
        if self.is_mounted:
            self.query_one("#plan-error").display = False

    def action_save(self) -> None:
        if not self.plan.unsaved:
            self.notify("Everything is saved.")
            return
        self._saving(self.plan.save)
        if not self.plan.unsaved:
            self.notify("Saved.")

    def action_undo(self) -> None:
        try:
            step = self.plan.undo()
        except StoreError as error:
            self.notify(str(error), title="Not undone", severity="error", timeout=15)
            return
        if step is None:
            self.notify("Nothing to undo.")
            return
        self._saving(self.plan.save)
        focus = RowKey(step.kind, step.target_id) if step.kind in ("goal", "action", "checkin") else None
        self.render_plan(focus)
        self.notify(f"Undone: {step.label}")

    # --- keys: moving around ------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.outline.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.outline.action_cursor_up()

    def action_first(self) -> None:
        self.outline.action_first()

    def action_last(self) -> None:
        self.outline.action_last()

    def action_page_down(self) -> None:
        self.outline.action_page_down()

    def action_page_up(self) -> None:
        self.outline.action_page_up()

    # --- keys: filter, history, leaving --------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#plan-filter-bar").display = True
        self.query_one("#plan-filter", Input).focus()

    @on(Input.Changed, "#plan-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._query = event.value
        self.render_plan()

    @on(Input.Submitted, "#plan-filter")
    def _filter_kept(self) -> None:
        self.outline.focus()
        if not self._query.strip():
            self.query_one("#plan-filter-bar").display = False

    def _set_filter(self, text: str) -> None:
        box = self.query_one("#plan-filter", Input)
        with box.prevent(Input.Changed):
            box.value = text
        self.query_one("#plan-filter-bar").display = bool(text)
        self._query = text
        self.outline.show(self.plan.state, self.plan.client, self.sessions, self.today(), text)

    def action_history(self) -> None:
        key = self.current()
        goal = self.plan.find_goal(key.item_id) if key.kind == "goal" else None
        action = self.plan.find_action(key.item_id) if key.kind == "action" else None
        if action is not None and action.goal_id:
            goal = self.plan.find_goal(action.goal_id)
        try:
            revisions = self.plan.revisions()
        except StoreError as error:
            self.notify(str(error), title="History not read", severity="error", timeout=15)
            return
        if goal is not None:
            ids = {goal.id} | {a.id for a in self.plan.state.actions if a.goal_id == goal.id}
            heading = f"Goal: {goal.title}"
        elif action is not None:
            ids, heading = {action.id}, f"Action: {action.text}"
        else:
            ids, heading = set(), f"The whole plan of {self.plan.client.name}"
        shown = [r for r in revisions if not ids or r.target_id in ids]
        self.app.push_screen(RevisionHistoryScreen(heading, shown, self.plan.names()))

    def action_back(self) -> None:
        if self.query_one("#plan-filter-bar").display:
            self._set_filter("")
            self.outline.focus()
            return
        try:
            self.save_now()
        except StoreError as error:

            def leave(anyway: bool | None) -> None:
                if anyway:
                    self.dismiss(None)

            detail = f"{error}\n\nPress n to stay: your edits are kept here while this window is open."
            question = "The plan could not be saved. Leave it anyway?"
            self.app.push_screen(
                ConfirmScreen(question, detail, yes="Leave without saving", no="Stay"), leave
            )
            return
        self.dismiss(None)
