"""Creating and editing a client with their agreement, by keyboard, asserting on what the store holds."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from coachtui.domain.models import Payment
from coachtui.ui.home.client_form import ClientFormScreen
from coachtui.ui.home.home import HomeScreen


async def _fill(pilot, field_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text) if text else None


async def test_create_client_by_keyboard(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, ClientFormScreen)
        await pilot.press(*"Sam Okafor")
        await pilot.press("tab", *"sam@example.org")
        await _fill(pilot, "start_date", "mon")
        await _fill(pilot, "sessions_planned", "8")
        await _fill(pilot, "fee", "pro bono")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [client] = repo.list_clients()
    assert client.name == "Sam Okafor"
    assert client.email == "sam@example.org"
    assert client.agreement.sessions_planned == 8
    assert client.agreement.start_date == date(2026, 11, 30)  # the Monday after the fixed clock's Monday
    assert client.agreement.fee == "pro bono"


async def test_empty_name_and_bad_date_are_shown_inline_and_nothing_saved(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await _fill(pilot, "start_date", "someday soon")
        await _fill(pilot, "sessions_planned", "0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClientFormScreen)
        errors = {
            f.field.id: str(f.query_one(".field-error").render())
            for f in screen.query("FormField")
            if f.has_class("-invalid")
        }
        assert set(errors) == {"name", "start_date", "sessions_planned"}
        assert "name" in errors["name"].lower()
        assert "someday soon" in errors["start_date"]
        assert app.focused is screen.query_one("#name")
        # Fixing the fields saves, and what was typed in the others was kept.
        await pilot.press(*"Priya Raman")
        await _fill(pilot, "start_date", "2026-12-01")
        await _fill(pilot, "sessions_planned", "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [client] = repo.list_clients()
    assert client.name == "Priya Raman"
    assert client.agreement.start_date == date(2026, 12, 1)


async def test_edit_client_and_agreement(make_app, repo, dana) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, ClientFormScreen)
        assert screen.query_one("#name", Input).value == "Dana Ortiz"
        await _fill(pilot, "session_minutes", "45")
        await _fill(pilot, "confidentiality_consent", "2026-11-20")
        screen.query_one("#payment").value = Payment.PRO_BONO
        await pilot.press("ctrl+s")
        await pilot.pause()
    client = repo.get_client(dana.id)
    assert client.id == dana.id
    assert client.agreement.session_minutes == 45
    assert client.agreement.confidentiality_consent == date(2026, 11, 20)
    assert client.agreement.payment is Payment.PRO_BONO
    assert len(repo.list_clients()) == 1


async def test_escape_with_changes_asks_before_discarding(make_app, repo, dana) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("e")
        await _fill(pilot, "email", "new@example.org")
        await pilot.press("escape")
        await pilot.pause()
        assert "Discard" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")
        assert isinstance(app.screen, ClientFormScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert repo.get_client(dana.id).email == "dana@example.org"
