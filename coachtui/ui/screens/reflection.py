"""Provides the reflection screen: the coach's reflective practice on one session, in under a minute."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Select, Static, TextArea

from coachtui.domain.dates import format_due
from coachtui.domain.models import Action, Client, Payment, RatingKind, Reflection, Session
from coachtui.store.errors import StoreError
from coachtui.store.repository import Repository
from coachtui.ui.screens.confirm import ConfirmScreen
from coachtui.ui.styles import style
from coachtui.ui.widgets.competency_picker import COMPETENCIES, CompetencyPicker
from coachtui.ui.widgets.form_row import FormRow

if TYPE_CHECKING:
    from coachtui.ui.app import CoachApp

# (field, label, placeholder) of the free-text fields, split around progress and competencies (tab order).
BEFORE = [
    ("what_worked", "What worked", "what helped the client move forward?"),
    ("what_did_not", "What did not", "where did the conversation stall, or you lead?"),
    ("adjust_next_time", "Adjust next time", "one thing to do differently"),
]
AFTER = [
    ("learned", "What I learned", "for your CPD log"),
    ("next_focus", "Next focus", "where to start next session"),
]
TEXT_FIELDS = [field for field, _, _ in BEFORE + AFTER]
PROGRESS_ERROR = "The client's progress is a whole number from 0 to 10, or empty."
SHOWN_ACTIONS = 2


def draft_key(session_id: str) -> str:
    """The settings key under which an unfinished reflection waits when the app quits."""
    return f"reflection_draft.{session_id}"


def form_values(reflection: Reflection) -> dict[str, Any]:
    """A reflection as the form's raw values: what is compared to tell whether anything was typed."""
    values: dict[str, Any] = {field: getattr(reflection, field) for field in TEXT_FIELDS}
    progress = reflection.client_progress
    values["client_progress"] = "" if progress is None else str(progress)
    values["competencies"] = [c.value for c in reflection.competencies]
    values["payment"] = reflection.payment.value
    return values


class _Form(VerticalScroll, can_focus=False):
    """The fields; it scrolls on small terminals, and Tab skips it so that Tab goes field to field."""


class ReflectionScreen(Screen[Reflection | None]):
    """One session's reflection: Tab moves field to field, ctrl+s saves and leaves, escape finishes later."""

    CSS_PATH = style("reflection")
    AUTO_FOCUS = "#what_worked"
    BINDINGS = [
        Binding(
            "ctrl+s", "save", "Save & close", id="reflection.save", priority=True, tooltip="Save it and leave"
        ),
        Binding(
            "escape",
            "later",
            "Finish later",
            id="reflection.later",
            tooltip="Leave it: home lists it to finish",
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
        self.title = f"Reflection · {client.name}"

    @classmethod
    def load(cls, repository: Repository, client_id: str, session_id: str) -> ReflectionScreen:
        """The screen for a session, its saved reflection and any draft left by a quit; raises StoreError."""
        client = repository.get_client(client_id)
        session = repository.get_session(client_id, session_id)
        agreed = set(session.action_ids)
        actions = [a for a in repository.list_actions(client_id) if a.id in agreed]
        base = repository.get_reflection(session_id) or _prefilled(client, session)
        draft = repository.get_setting(draft_key(session_id))
        return cls(client, session, actions, base, draft if isinstance(draft, dict) else None)

    @property
    def coach_app(self) -> CoachApp:
        return cast("CoachApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="reflection-title", markup=False)
        yield Static(self._actions_text(), id="reflection-actions", markup=False)
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
        yield Footer()

    def on_mount(self) -> None:
        if self._has_draft:
            self.notify("Restored what you typed before coachtui closed. ctrl+s saves it.", timeout=6)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual restyles the focused widget's ancestors but not their other children: a class lights the label.
        for row in self.query(FormRow):
            row.set_class(event.widget.parent is row, "-current")

    def _text_area(self, field: str, hint: str) -> TextArea:
        return TextArea(
            self._shown[field], id=field, soft_wrap=True, tab_behavior="focus", compact=True, placeholder=hint
        )

    def _heading(self) -> str:
        session = self.session
        held = f"session {session.number} of {self.client.agreement.sessions_planned}"
        when, today = session.started_at, self.coach_app.today()
        if when.date() != today:
            held += f", {when:%d %b}" if when.year == today.year else f", {when:%d %b %Y}"
        parts = ["Reflection", self.client.name, held]
        parts.append(f"{round(self.base.duration_minutes or session.duration_minutes())} min")
        count = len(self.actions)
        parts.append(f"{count} action{'s' if count != 1 else ''} agreed")
        return " · ".join(parts)

    def _actions_text(self) -> str:
        if not self.actions:
            return "No actions agreed in this session."
        today = self.coach_app.today()
        lines = [
            f"• {action.text} · {format_due(action.due, today) if action.due else 'no date'}"
            for action in self.actions[:SHOWN_ACTIONS]
        ]
        if len(self.actions) > SHOWN_ACTIONS:
            lines[-1] += f"  (+{len(self.actions) - SHOWN_ACTIONS} more)"
        return "\n".join(lines)

    # --- reading the form ---------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {field: self.query_one(f"#{field}", TextArea).text for field in TEXT_FIELDS}
        values["client_progress"] = self.query_one("#client_progress", Input).value.strip()
        values["competencies"] = [c.value for c in self.query_one(CompetencyPicker).chosen]
        values["payment"] = Payment(self.query_one("#payment", Select).value).value
        return values

    def _progress_error(self, raw: str) -> str | None:
        return None if raw == "" or (raw.isdigit() and int(raw) <= 10) else PROGRESS_ERROR

    def _show_progress_error(self, message: str | None) -> None:
        error = self.query_one("#progress-error", Static)
        error.update(message or "")
        error.display = message is not None
        self.query_one("#row-client_progress", FormRow).set_invalid(message is not None)

    @on(Input.Changed, "#client_progress")
    def _check_progress(self, event: Input.Changed) -> None:
        self._show_progress_error(self._progress_error(event.value.strip()))

    @on(Input.Submitted, "#client_progress")
    def _next_field(self) -> None:
        self.focus_next()

    def changed(self) -> bool:
        """Whether the form differs from the saved (or prefilled) reflection."""
        return self._values() != self._initial

    # --- saving and leaving -------------------------------------------------------------------

    def action_save(self) -> None:
        values = self._values()
        error = self._progress_error(values["client_progress"])
        self._show_progress_error(error)
        if error is not None:
            self.query_one("#client_progress", Input).focus()
            self.notify(f"Not saved: {error}", severity="warning")
            return
        raw = values.pop("client_progress")
        values.update({field: values[field].strip() for field in TEXT_FIELDS})
        values["client_progress"] = int(raw) if raw else None
        if self.coach_app.repository.get_reflection(self.session.id) is None:
            values["created_at"] = self.coach_app.clock()
        try:
            reflection = Reflection.model_validate({**self.base.model_dump(), **values})
        except ValidationError as problem:
            self.notify(f"Not saved: {problem.errors()[0]['msg']}", severity="error")
            return
        try:
            self.coach_app.repository.save_reflection(reflection)
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
        if self.coach_app.repository.get_reflection(self.session.id) is None:
            self.notify("Reflection left for later: press r on the home screen to finish it.")
        self.dismiss(None)

    def _forget_draft(self) -> None:
        if self._has_draft:
            self.coach_app.repository.set_setting(draft_key(self.session.id), None)
            self._has_draft = False

    def save_now(self) -> None:
        """Keep what was typed as a draft when the app quits; the session still counts as unreflected."""
        if self.is_mounted and self.changed():
            self.coach_app.repository.set_setting(draft_key(self.session.id), self._values())
            self._has_draft = True


def _prefilled(client: Client, session: Session) -> Reflection:
    """A new reflection with what the session says: date, length, the client's last progress rating."""
    ratings = [r.value for r in session.ratings if r.kind == RatingKind.PROGRESS]
    return Reflection(
        session_id=session.id,
        client_id=client.id,
        session_date=session.started_at.date(),
        duration_minutes=round(session.duration_minutes(), 1),
        client_progress=ratings[-1] if ratings else None,
        payment=client.agreement.payment,
    )
