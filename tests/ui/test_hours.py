"""The hours log screen and attendance in the session history, on the demo practice (Pilot)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from coachtui.domain.models.session import Attendance
from coachtui.store.repository import Repository
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.review.hours import HoursLogScreen
from tests.ui.history_cells import history_cells
from tests.ui.test_review import on_home_at, shown


async def open_hours(pilot) -> HoursLogScreen:
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("i")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, HoursLogScreen)
    return screen


async def test_the_log_opens_from_home_with_its_totals(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_hours(pilot)
        summary = shown(screen.query_one("#hours-summary", Static))
        # The demo coach: training from 1 Sep 2024, 40.5 h in 2025 before coachtui, 5 clients then.
        assert "Counted: held sessions from 01 Sep 2024" in summary and "2025 40.50 h" in summary
        assert "8 clients" in summary  # Dana, Sam and Priya, and the 5 of 2025
        table = screen.query_one(DataTable)
        clients = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        # Only Dana consented to be named in the log.
        assert sorted(clients) == ["Client 1 (name withheld)", "Client 2 (name withheld)", "Dana Ortiz"]
        credentials = shown(screen.query_one("#hours-credentials", Static))
        assert "ACC (not yet)" in credentials and "8/8 met" in credentials
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_editing_the_training_start_changes_the_totals(make_app, practice, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_hours(pilot)
        before = screen.sub_title
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#training-started", Input)
        field.value = ""
        await pilot.press(*"2026-11-01", "enter")  # on to the prior years
        await pilot.press("ctrl+u", *"2026: 2 paid, 1 clients", "enter")  # the last field saves
        await pilot.pause()
        assert app.screen is screen
        assert screen.sub_title != before
        summary = shown(screen.query_one("#hours-summary", Static))
        assert "from 01 Nov 2026" in summary and "2026 2.00 h" in summary
    # Read back from disk, as the next start of coachtui would.
    practice.close()
    with Repository.open(data_dir, read_only=True) as again:
        settings = again.hours_settings()
    assert settings.training_started == date(2026, 11, 1)
    assert [(p.year, p.paid_hours, p.clients) for p in settings.prior_years] == [(2026, 2.0, 1)]


async def test_a_bad_training_start_is_refused_in_the_form(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_hours(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#training-started", Input).value = "2030-01-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not screen
        assert "after today" in shown(app.screen.query_one("#form-error", Static))


async def test_w_writes_the_csv_and_names_it(make_app, practice, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    (tmp_path / "Documents").mkdir()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_hours(pilot)
        await pilot.press("w")
        await pilot.pause()
        written = tmp_path / "Documents" / "icf-hours-2026-11-23.csv"
        assert written.read_text().startswith("Client,Contact,")
        assert any(str(written) in str(n.message) for n in app._notifications)
    # It names the clients who consented: listed for the coach to delete if one of them is erased.
    named = [c for c in practice.list_clients() if c.consent_named_in_log]
    assert named and all(practice.exports_of(c.id) == [written] for c in named)


async def test_attendance_set_in_the_history_is_saved(make_app, practice, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await on_home_at(pilot, "Priya Raman")
        await pilot.press("h")
        await pilot.pause()
        newest = history_cells(app.screen.query_one(DataTable), 0)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("down", "enter")  # held → late-cancelled
        await pilot.pause()
        assert history_cells(app.screen.query_one(DataTable), 0)[3] == "cxl"
        assert "late-cancelled" in shown(app.screen.query_one("#sessions-detail", Static))
        await pilot.press("c")  # today's session did not take place
        await pilot.pause()
        await pilot.press("down", "enter")  # no-show (held is not offered)
        await pilot.pause()
        row = history_cells(app.screen.query_one(DataTable), 0)
        assert row[1] == str(int(newest[1]) + 1) and row[3] == "n/s"
    practice.close()
    with Repository.open(data_dir, read_only=True) as again:
        priya = next(c for c in again.list_clients() if c.name == "Priya Raman")
        sessions = again.list_sessions(priya.id)
        summary = again.summary(priya.id)
    assert [s.attendance for s in sessions[-2:]] == [Attendance.LATE_CANCELLED, Attendance.NO_SHOW]
    # Neither was held: neither is counted nor waits for a reflection.
    assert summary.sessions_held == len(sessions) - 2
    assert not {s.id for s in sessions[-2:]} & set(summary.sessions_without_reflection)


async def test_the_palette_opens_the_log(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_command_palette()
        await pilot.pause()
        await pilot.press(*"ICF hours")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HoursLogScreen)
