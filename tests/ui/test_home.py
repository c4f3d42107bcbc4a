"""The home screen: clients with progress, what needs attention, the help screen and the palette."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from coachtui.domain.models import Action, Agreement, Client
from coachtui.ui.shared.help import HelpScreen


async def test_lists_clients_with_progress_and_overdue(make_app, repo) -> None:
    client = Client(name="Dana Ortiz", agreement=Agreement(sessions_planned=8))
    repo.save_client(client)
    repo.save_action(Action(client_id=client.id, text="Update my CV", due=date(2026, 11, 20)))
    repo.save_action(Action(client_id=client.id, text="Call Maya", due=date(2026, 11, 30)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[0] == "Dana Ortiz"
        assert row[2] == "0 of 8"
        assert row[5:] == ["2", "1"]
        assert "Overdue actions: Dana Ortiz (1)" in str(app.screen.query_one("#home-attention").render())


async def test_empty_practice_explains_the_first_step(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No clients yet" in str(app.screen.query_one("#home-empty").render())


async def test_help_lists_every_key_with_its_id(make_app, dana) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        ids = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert {"home.new_client", "home.edit_client", "home.start_session", "app.quit", "app.help"} <= ids
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_home_key_is_a_palette_command(make_app, dana) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any(t.startswith("New (n)") for t in titles)
        assert any(t.startswith("Start (s)") for t in titles)
        assert any(t.startswith("Edit (e)") for t in titles)


async def test_j_and_k_move_between_clients(make_app, repo) -> None:
    for name in ("Ana", "Ben", "Cleo"):
        repo.save_client(Client(name=name))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "k")
        assert repo.get_client(app.screen.selected_client_id).name == "Ben"
