"""Provides the reflection screen: the coach's reflective practice on one session, in under a minute."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Input, Select, Static, TextArea

from coachtui.domain.models import Action, Client, Payment, Reflection, Session
from coachtui.domain.session_deletion import delete_session
from coachtui.store.errors import StoreError
from coachtui.store.repository import Repository
from coachtui.ui.reflection.competency_picker import COMPETENCIES, CompetencyPicker
from coachtui.ui.reflection.reflection_fields import (
    AFTER,
    BEFORE,
    TEXT_FIELDS,
    actions_text,
    draft_key,
    form_values,
    heading,
    prefilled,
    progress_error,
    to_reflection,
)
from coachtui.ui.seam import CoachScreen
from coachtui.ui.shared.confirm import ConfirmScreen
from coachtui.ui.shared.form_row import FormRow
from coachtui.ui.styles import style


class _Form(VerticalScroll, can_focus=False):
    """The fields; it scrolls on small terminals, and Tab skips it so that Tab goes field to field."""


class ReflectionScreen(CoachScreen[Reflection | None]):
    """One session's reflection: Tab moves field to field, ctrl+s saves and leaves, escape finishes later."""

    CSS_PATH = style("reflection")
    AUTO_FOCUS = "#what_worked"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save & close", id="reflection.save", tooltip="Save, leave"),
        Binding("escape", "later", "Finish later", id="reflection.later", tooltip="Home lists it to finish"),
        Binding("tab", "next_field", "Next field", id="reflection.next_field", show=False),
        Binding("shift+tab", "previous_field", "Previous field", id="reflection.previous_field", show=False),
        # An F-key: the reflection's text areas take every letter. Right after F10, the recap is due.
        Binding("f9", "recap", "Recap", id="reflection.recap", tooltip="The session's recap for the client"),
        Binding(
            "f8",
            "delete_session",
            "Delete session",
            id="reflection.delete_session",
            show=False,
            tooltip="A session held by mistake: take it out of the record",
        ),
    ]

    def __init__(
        self,
        client: Client,
        session: Session,
        actions: list[Action],
        base: Reflection,
        draft: dict[str, Any] | None,
    ) -> None:
        super().__init__()
        self.client = client
        self.session = session
        self.actions = actions
        self.base = base
        """The saved reflection, or a new one prefilled from the session and the agreement."""
        self._initial = form_values(base)
        self._shown = {**self._initial, **(draft or {})}
        self._has_draft = draft is not None
        self._deleted = False
        self.title = f"Reflection · {client.name}"

    @classmethod
    def load(cls, repository: Repository, client_id: str, session_id: str) -> ReflectionScreen:
        """The screen for a session, its saved reflection and any draft left by a quit; raises StoreError."""
        client = repository.get_client(client_id)
        session = repository.get_session(client_id, session_id)
        agreed = set(session.action_ids)
        actions = [a for a in repository.list_actions(client_id) if a.id in agreed]
        base = repository.get_reflection(session_id, client_id) or prefilled(client, session)
        draft = repository.get_setting(draft_key(session_id))
        return cls(client, session, actions, base, draft if isinstance(draft, dict) else None)

    def compose(self) -> ComposeResult:
        today = self.coach.today()
        yield Static(
            heading(self.client, self.session, self.base, len(self.actions), today),
            id="reflection-title",
            markup=False,
        )
        yield Static(actions_text(self.actions, today), id="reflection-actions", markup=False)
        shown = self._shown
        with _Form(id="reflection-form"):
            for field, label, hint in BEFORE:
                yield FormRow(label, self._text_area(field, hint))
            with Vertical(id="progress-block"):
                yield FormRow(
                    "Client's progress",
                    Input(
                        shown["client_progress"],
                        placeholder="0-10",
                        restrict=r"\d{0,2}",
                        max_length=2,
                        compact=True,
                        id="client_progress",
                    ),
                )
                yield Static("", id="progress-error", classes="error")
            chosen = [c for c in COMPETENCIES if c.value in shown["competencies"]]
            yield FormRow("ICF competencies\nspace or 1-8", CompetencyPicker(chosen, id="competencies"))
            for field, label, hint in AFTER:
                yield FormRow(label, self._text_area(field, hint))
            payments = [("paid", Payment.PAID), ("pro bono", Payment.PRO_BONO)]
            payment = Payment(shown["payment"])
            yield FormRow(
                "Paid or pro bono",
                Select(payments, value=payment, allow_blank=False, compact=True, id="payment"),
            )
        yield Footer(compact=True)  # at 80 columns quit and help stay in view

    def on_mount(self) -> None:
        if self._has_draft:
            self.notify("Restored what you typed before coachtui closed. ctrl+s saves it.", timeout=6)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual restyles a focused widget's ancestors, not their other children: a class lights the label.
        for row in self.query(FormRow):
            row.set_class(event.widget.parent is row, "-current")

    def _text_area(self, field: str, hint: str) -> TextArea:
        return TextArea(
            self._shown[field],
            id=field,
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            placeholder=hint,
            highlight_cursor_line=False,
        )

    # --- reading the form ---------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {field: self.query_one(f"#{field}", TextArea).text for field in TEXT_FIELDS}
        values["client_progress"] = self.query_one("#client_progress", Input).value.strip()
        values["competencies"] = [c.value for c in self.query_one(CompetencyPicker).chosen]
        payment = self.query_one("#payment", Select).value
        # allow_blank=False: the select always holds one of the two Payment values.
        values["payment"] = payment.value if isinstance(payment, Payment) else Payment.PAID.value
        return values

    def _show_progress_error(self, message: str | None) -> None:
        error = self.query_one("#progress-error", Static)
        error.update(message or "")
        error.display = message is not None
        self.query_one("#row-client_progress", FormRow).set_invalid(message is not None)

    @on(Input.Changed, "#client_progress")
    def _check_progress(self, event: Input.Changed) -> None:
        self._show_progress_error(progress_error(event.value.strip()))

    def action_next_field(self) -> None:
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    @on(Input.Submitted, "#client_progress")
    def _progress_entered(self) -> None:
        """Enter in the progress field moves on to the next field."""
        self.focus_next()

    def changed(self) -> bool:
        """Whether the form differs from the saved (or prefilled) reflection."""
        return self._values() != self._initial

    # --- saving and leaving -------------------------------------------------------------------

    def action_save(self) -> None:
        values = self._values()
        error = progress_error(values["client_progress"])
        self._show_progress_error(error)
        if error is not None:
            self.query_one("#client_progress", Input).focus()
            self.notify(f"Not saved: {error}", severity="warning")
            return
        if self.coach.repository.get_reflection(self.session.id, self.client.id) is None:
            values["created_at"] = self.coach.clock()
        try:
            reflection = to_reflection(self.base, values)
        except ValidationError as problem:
            self.notify(f"Not saved: {problem.errors()[0]['msg']}", severity="error")
            return
        try:
            self.coach.repository.save_reflection(reflection)
            self._forget_draft()
        except StoreError as problem:
            self.notify(str(problem), title="Not saved", severity="error", timeout=10)
            return
        self.notify(f"Reflection on session {self.session.number} with {self.client.name} saved.")
        self.dismiss(reflection)

    def action_later(self) -> None:
        if not self.changed():
            self._leave_for_later()
            return

        def decide(discard: bool | None) -> None:
            if discard:
                self._leave_for_later()

        self.app.push_screen(
            ConfirmScreen(
                "Discard what you typed?",
                "y discards it; the session stays under Needs reflection on the home screen.\n"
                "n goes back to the reflection, where ctrl+s saves it.",
                yes="Discard and finish later",
                no="Back to the reflection",
            ),
            decide,
        )

    def _leave_for_later(self) -> None:
        try:
            self._forget_draft()
        except StoreError as problem:
            self.notify(str(problem), severity="warning")
        if self.coach.repository.get_reflection(self.session.id, self.client.id) is None:
            self.notify("Reflection left for later: press r on the home screen to finish it.")
        self.dismiss(None)

    def _forget_draft(self) -> None:
        if self._has_draft:
            self.coach.repository.set_setting(draft_key(self.session.id), None)
            self._has_draft = False

    def action_recap(self) -> None:
        self.coach.open_recap(self.client.id, self.session.id)

    def action_delete_session(self) -> None:
        session, client = self.session, self.client

        def decide(delete: bool | None) -> None:
            if not delete:
                return
            repository = self.coach.repository
            try:
                actions = repository.list_actions(client.id)
                at = self.coach.clock()
                repository.delete_session(delete_session(session, actions, at, "Held by mistake"))
            except StoreError as problem:
                self.notify(str(problem), title="Not deleted", severity="error", timeout=10)
                return
            self._deleted = True
            self.notify(f"Session {session.number} with {client.name} deleted; the plan's history says so.")
            self.coach.refresh_home()
            self.dismiss(None)

        question = f"Delete session {session.number} with {client.name} of {session.started_at:%d %b}?"
        detail = (
            "For a session held by mistake. Its notes, ratings, the actions agreed in it and this reflection "
            "go; the reviews it made of earlier actions are withdrawn. The plan's history records it."
        )
        self.app.push_screen(ConfirmScreen(question, detail, yes="Delete the session", no="Keep it"), decide)

    def save_now(self) -> None:
        """Keep what was typed as a draft when the app quits; the session still counts as unreflected."""
        if self.is_mounted and self.changed() and not self._deleted:
            self.coach.repository.set_setting(draft_key(self.session.id), self._values())
            self._has_draft = True
