"""Provides the client form: a client's details and their coaching agreement, by keyboard."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Header, Input, Select, Static, TextArea

from coachtui.domain.dates import DateParseError, parse_date
from coachtui.domain.models import Agreement, Client, ClientStatus, CoachingFormat, Payment
from coachtui.store.errors import StoreError
from coachtui.ui.shared.form_dialog import FormScreen
from coachtui.ui.shared.form_field import FormField
from coachtui.ui.shared.tick_box import TickBox
from coachtui.ui.styles import style

DATE_HINT = "e.g. 2026-12-01, today, mon, +3d"

# (field, label, hint): text inputs of the agreement, in the order a coach agrees them.
AGREEMENT_TEXT = [
    ("cadence", "Cadence", "e.g. every 2 weeks"),
    ("channel_in_session", "Channel in session", "e.g. video call, phone, in person"),
    ("channel_between_sessions", "Channel between sessions", "e.g. email only"),
    ("response_time", "Response time between sessions", ""),
    ("cancellation_policy", "Cancellation policy", ""),
    ("fee", "Fee", "e.g. 150 EUR a session, paid by employer"),
]


class ClientFormScreen(FormScreen[Client]):
    """Create or edit a client and their agreement; ctrl+s saves, escape leaves."""

    CSS_PATH = style("client_form")
    AUTO_FOCUS = "#name"
    KEY_PREFIX = "client_form"
    DISCARD = ("Discard your changes?", "Press n to go back to the form, then {save} to save.")

    def __init__(self, client: Client | None) -> None:
        super().__init__()
        self.client = client
        self.title = f"Edit {client.name}" if client else "New client"

    def compose(self) -> ComposeResult:
        client = self.client or Client(name="new")
        agreement = client.agreement
        yield Header()
        with VerticalScroll(id="client-form"):
            yield Static("Client", classes="form-section")
            yield FormField("Name *", Input(self.client.name if self.client else "", id="name"))
            yield FormField("Email", Input(client.email, id="email"))
            yield FormField("Phone", Input(client.phone, id="phone"))
            yield FormField("Status", _select("status", ClientStatus, client.status))
            yield FormField(
                "ICF log",
                TickBox("May be named in the ICF coaching log", client.consent_named_in_log, id="consent"),
            )
            yield Static("Agreement", classes="form-section")
            yield FormField("Start date", Input(_iso(agreement.start_date), id="start_date"), hint=DATE_HINT)
            yield FormField(
                "Sessions planned *", Input(str(agreement.sessions_planned), id="sessions_planned")
            )
            yield FormField(
                "Session length (minutes) *", Input(str(agreement.session_minutes), id="session_minutes")
            )
            for field, label, hint in AGREEMENT_TEXT:
                yield FormField(label, Input(str(getattr(agreement, field)), id=field), hint=hint)
            yield FormField("Paid or pro bono", _select("payment", Payment, agreement.payment))
            yield FormField("Individual or group", _select("format", CoachingFormat, agreement.format))
            yield FormField("Group size", Input(str(agreement.group_size), id="group_size"))
            yield FormField(
                "Confidentiality consent given on",
                Input(_iso(agreement.confidentiality_consent), id="confidentiality_consent"),
                hint=DATE_HINT,
            )
            yield FormField(
                "Other boundaries",
                TextArea(agreement.boundaries, id="boundaries", soft_wrap=True, tab_behavior="focus"),
            )
        yield Footer()

    # --- reading the form -----------------------------------------------------------------

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The form's values as Client fields, and an error message per field id."""
        errors: dict[str, str] = {}
        today = self.coach.today()
        if not self._text("name"):
            errors["name"] = "A client needs a name."

        def integer(field_id: str, low: int, high: int) -> int | None:
            raw = self._text(field_id)
            if not raw.isdigit() or not low <= int(raw) <= high:
                errors[field_id] = f"Enter a whole number from {low} to {high}."
                return None
            return int(raw)

        def when(field_id: str) -> date | None:
            raw = self._text(field_id)
            if not raw:
                return None
            try:
                return parse_date(raw, today)
            except DateParseError as error:
                errors[field_id] = str(error)
                return None

        agreement: dict[str, Any] = {field: self._text(field) for field, _, _ in AGREEMENT_TEXT}
        agreement.update(
            start_date=when("start_date"),
            sessions_planned=integer("sessions_planned", 1, 200),
            session_minutes=integer("session_minutes", 5, 480),
            group_size=integer("group_size", 1, 500),
            confidentiality_consent=when("confidentiality_consent"),
            payment=self.query_one("#payment", Select).value,
            format=self.query_one("#format", Select).value,
            boundaries=self.query_one("#boundaries", TextArea).text.strip(),
        )
        values: dict[str, Any] = {
            "name": self._text("name"),
            "email": self._text("email"),
            "phone": self._text("phone"),
            "status": self.query_one("#status", Select).value,
            "consent_named_in_log": self.query_one("#consent", Checkbox).value,
            "agreement": agreement,
        }
        return values, errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in self.query(FormField):
            field_id = field.field.id or ""
            field.set_error(errors.get(field_id))
        if errors:
            first = next(f for f in self.query(FormField) if (f.field.id or "") in errors)
            first.field.focus()
            first.scroll_visible()

    @on(Input.Changed)
    def _recheck(self, event: Input.Changed) -> None:
        # An error shown on save goes as soon as the field is right; a new one waits for the next save.
        field = self.query_one(f"#field-{event.input.id}", FormField)
        if field.has_class("-invalid"):
            field.set_error(self._read()[1].get(event.input.id or ""))

    # --- the form's answer ----------------------------------------------------------------

    def submit(self) -> Client | None:
        values, errors = self._read()
        self._show_errors(errors)
        if errors:
            self.notify(f"{len(errors)} field(s) need a look before saving.", severity="warning")
            return None
        try:
            values["agreement"] = Agreement(**values["agreement"])
            client = self.client.model_copy(update=values) if self.client is not None else Client(**values)
            client = Client.model_validate(client.model_dump())
        except ValidationError as error:
            self.notify(f"Can't save: {error.errors()[0]['msg']}", severity="error")
            return None
        try:
            self.coach.repository.save_client(client)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None
        self.notify(f"Saved {client.name}.")
        return client

    def changed(self) -> bool:
        values, _ = self._read()
        if self.client is None:
            return bool(values["name"] or values["email"] or values["phone"])
        try:
            edited = self.client.model_copy(update={**values, "agreement": Agreement(**values["agreement"])})
        except (ValidationError, TypeError):
            return True
        return edited.model_dump() != self.client.model_dump()


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _select(field_id: str, enum: Any, value: Any) -> Widget:
    options = [(member.value.replace("_", " "), member) for member in enum]
    return Select(options, value=value, allow_blank=False, id=field_id)
