"""Provides ClientCard: the highlighted client's agreement at a glance, from the practice file alone."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from coachtui.domain.dates import format_due
from coachtui.domain.models import Client, ClientSummary, CoachingFormat, Payment


class ClientCard(Static):
    """Dumb: shows one client's agreement and what is due; reads no client file, so moving stays instant."""

    DEFAULT_CSS = """
    ClientCard { height: auto; padding: 0 1; border-top: hkey $primary 40%; color: $text-muted; }
    """

    def show(self, client: Client | None, summary: ClientSummary | None, today: date) -> None:
        if client is None or summary is None:
            self.update("")
            return
        agreement = client.agreement
        paid = "paid" if agreement.payment is Payment.PAID else "pro bono"
        group = (
            f"group of {agreement.group_size}" if agreement.format is CoachingFormat.GROUP else "individual"
        )
        started = f"since {agreement.start_date:%d %b %Y}" if agreement.start_date else "no start date"
        consent = (
            f"confidentiality agreed {agreement.confidentiality_consent:%d %b %Y}"
            if agreement.confidentiality_consent
            else "confidentiality consent not recorded"
        )
        if summary.next_checkin:
            checkin = f"next check-in {format_due(summary.next_checkin, today)}"
        elif summary.next_checkin_session:
            checkin = f"check-in at session {summary.next_checkin_session}"
        else:
            checkin = "no check-in planned"
        contact = " · ".join(part for part in (client.email, client.phone) if part)
        lines: list[str | tuple[str, str]] = [
            (client.name, "bold $text"),
            f"  {contact}" if contact else "",
            f"\n{agreement.sessions_planned} × {agreement.session_minutes} min, {agreement.cadence} · {started} · "
            f"{paid}{', ' + agreement.fee if agreement.fee else ''} · {group}",
            f"\n{agreement.channel_in_session}; between sessions {agreement.channel_between_sessions}, "
            f"{agreement.response_time} · {checkin}",
            f"\n{consent}",
        ]
        if not agreement.confidentiality_consent:
            lines[-1] = (f"\n{consent}", "$warning")
        self.update(Content.assemble(*lines))
