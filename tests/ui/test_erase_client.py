"""Erasing a client from home: the coach types the client's name; a wrong name erases nothing."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from coachtui.domain.models import Client
from coachtui.store.repository import Repository
from coachtui.ui.home.erase_client import EraseClientDialog
from coachtui.ui.home.home import HomeScreen


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


async def test_typing_the_name_erases_and_a_wrong_name_does_not(
    make_app, repo: Repository, dana: Client
) -> None:
    keep = Client(name="Ann Lee")
    repo.save_client(keep)
    repo.record_export(Path("/home/coach/dana-plan.md"), dana.id)
    app = make_app()
    said: list[str] = []
    app.notify = lambda message, **_: said.append(message)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one(DataTable)
        table.move_cursor(row=1)  # Ann Lee, then Dana Ortiz
        assert home.selected_client_id == dana.id
        await pilot.press("E")
        assert isinstance(app.screen, EraseClientDialog)
        await pilot.press(*"Dana", "enter")
        assert isinstance(app.screen, EraseClientDialog)
        assert "Nothing was erased" in str(app.screen.query_one("#form-error").render())
        assert [c.name for c in repo.list_clients()] == ["Ann Lee", "Dana Ortiz"]
        await pilot.press(*" Ortiz", "enter")
        await pilot.pause()
        assert app.screen is home
        assert [c.name for c in repo.list_clients()] == ["Ann Lee"]
        assert home.query_one(DataTable).row_count == 1
        assert any("  /home/coach/dana-plan.md" in message for message in said)
    assert b"Dana Ortiz" not in every_byte(repo.data_dir)


async def test_escape_erases_nothing_and_the_palette_offers_it(
    make_app, repo: Repository, dana: Client
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from coachtui.ui.commands import ClientCommands

        titles = [title for title, _, _ in ClientCommands(app.screen)._commands()]
        assert f"Erase client: {dana.name}" in titles
        await pilot.press("E", *"Dana Ortiz", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert [c.name for c in repo.list_clients()] == ["Dana Ortiz"]


async def test_the_hours_can_stay_in_the_icf_log_anonymous(make_app, repo: Repository, clock) -> None:
    from coachtui.demo import build_demo_practice
    from coachtui.store.hours import read_hours_log

    build_demo_practice(repo, today=clock.now.date())
    before = read_hours_log(repo, clock.now.date())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.selected_client_id == repo.find_client("Dana").id
        await pilot.press("E")
        dialog = app.screen
        assert isinstance(dialog, EraseClientDialog) and dialog.hours is not None
        await pilot.press(*"Dana Ortiz", "tab", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [kept] = repo.list_anonymous_hours()
    after = read_hours_log(repo, clock.now.date())
    # The same hours and clients; Dana's row is now "Client N (erased)", with nothing that names her.
    assert (round(after.hours, 2), after.clients) == (round(before.hours, 2), before.clients)
    assert any(row.client.endswith("(erased)") for row in after.rows)
    assert kept.paid_hours + kept.pro_bono_hours > 0
    assert b"Dana Ortiz" not in every_byte(repo.data_dir) and b"Ortiz" not in every_byte(repo.data_dir)
