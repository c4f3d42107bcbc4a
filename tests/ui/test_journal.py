"""The CPD journal: every reflection by date, narrowed by competency or a word, opened for editing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable

from coachtui.domain.models import Competency
from coachtui.ui.reflection import journal
from coachtui.ui.reflection.journal import JournalScreen
from coachtui.ui.reflection.reflection import ReflectionScreen
from tests.conftest import FIXED_NOW
from tests.ui.reflection_data import add_client, hold_session, reflect


@pytest.fixture
def practice(repo):
    """Four reflections over three months and two clients, saved out of date order."""
    dana, sam = add_client(repo, "Dana Ortiz"), add_client(repo, "Sam Okafor")
    plan = [
        (sam, 1, 60, "Sam found his why", (Competency.AWARENESS,)),
        (dana, 1, 40, "Agreement was clear", (Competency.AGREEMENTS, Competency.TRUST)),
        (dana, 2, 3, "Dana named the fear", (Competency.LISTENING, Competency.AWARENESS)),
        (sam, 2, 20, "Sam chose his first step", (Competency.GROWTH,)),
    ]
    for client, number, days_ago, worked, competencies in plan:
        session = hold_session(repo, client, number, FIXED_NOW - timedelta(days=days_ago))
        reflect(repo, session, worked=worked, competencies=competencies, progress=number + 4)
    return repo


def rows(screen: JournalScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def settle(pilot) -> None:
    """Wait for the session numbers, read in a thread."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_journal(pilot) -> JournalScreen:
    await pilot.pause()
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, JournalScreen)
    return pilot.app.screen


async def test_newest_first_grouped_by_month(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_journal(pilot)
        shown = rows(screen)
        assert [(r[0], r[1], r[2], r[3]) for r in shown] == [
            ("Nov 2026", "Fri 20", "Dana Ortiz", "2"),
            ("", "Tue 03", "Sam Okafor", "2"),
            ("Oct 2026", "Wed 14", "Dana Ortiz", "1"),
            ("Sep 2026", "Thu 24", "Sam Okafor", "1"),
        ]
        assert shown[0][4:] == ["6/10", "Listening, Awareness"]
        detail = str(screen.query_one("#journal-detail-text").render())
        assert "Dana named the fear" in detail and "Listens actively, Evokes awareness" in detail
        assert screen.sub_title == "4 reflections"


async def test_filter_by_competency_with_c_and_digits(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("7")  # Evokes awareness
        assert [r[2] for r in rows(screen)] == ["Dana Ortiz", "Sam Okafor"]
        assert screen.sub_title == "2 of 4 reflections"
        await pilot.press("c")  # on to Facilitates client growth
        assert [(r[2], r[5]) for r in rows(screen)] == [("Sam Okafor", "Growth")]
        await pilot.press("c")  # back to every competency
        assert len(rows(screen)) == 4
        await pilot.press("1")  # Ethics: nobody
        assert rows(screen) == []
        assert "No reflection matches" in str(screen.query_one("#journal-detail-text").render())
        await pilot.press("0")
        assert len(rows(screen)) == 4


async def test_search_by_a_word_then_back_to_the_list(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("slash", *"step", "enter")
        assert [r[2] for r in rows(screen)] == ["Sam Okafor"]
        assert app.focused is screen.query_one(DataTable)
        await pilot.press("slash", "ctrl+u", "escape")
        await pilot.pause()
        assert len(rows(screen)) == 4 and not screen.query_one("#journal-search").display
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, JournalScreen)


async def test_months_jump_and_enter_edits(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_journal(pilot)
        table = screen.query_one(DataTable)
        await pilot.press("right_square_bracket")
        assert table.cursor_row == 2
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert table.cursor_row == 3
        await pilot.press("left_square_bracket")
        assert table.cursor_row == 2
        await pilot.press("left_square_bracket")
        assert table.cursor_row == 0
        await pilot.press("down", "enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ReflectionScreen) and editor.session.number == 2
        await pilot.press("end", *" at last", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "Sam chose his first step at last" in str(screen.query_one("#journal-detail-text").render())
        assert table.cursor_row == 1


async def test_a_long_journal_draws_the_newest_rows_and_more_on_demand(
    make_app, practice, monkeypatch
) -> None:
    monkeypatch.setattr(journal, "ROW_LIMIT", 2)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_journal(pilot)
        assert len(rows(screen)) == 2
        assert screen.sub_title == "newest 2 of 4 reflections (] for older)"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert len(rows(screen)) == 4 and screen.query_one(DataTable).cursor_row == 2
        assert [r[3] for r in rows(screen)] == ["2", "2", "1", "1"]
