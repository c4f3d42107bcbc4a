"""The review between sessions on the demo practice: the overview, the history and a session's record (Pilot)."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta

from rich.console import Console
from textual.widgets import DataTable, Static

from coachtui.domain.models import Note, NoteKind, Session, SessionStatus
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.review.history import SessionHistoryScreen
from coachtui.ui.review.overview import ClientOverviewScreen
from coachtui.ui.review.record import EntryLine, SessionRecordScreen
from coachtui.ui.shared import client_check
from tests.ui.history_cells import history_cells

MARKS = {NoteKind.NOTE: "· note", NoteKind.INSIGHT: "! INSIGHT", NoteKind.QUOTE: "» QUOTE"}
MARKS[NoteKind.PRIVATE] = "~ PRIVATE"


def client_id(repo, name: str) -> str:
    return next(c.id for c in repo.list_clients() if c.name == name)


def shown(widget: Static, width: int = 200) -> str:
    """What a Static shows, as plain text (wide enough that nothing wraps)."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


async def on_home_at(pilot, name: str) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    names = [c.name for c in pilot.app.repository.list_clients()]
    for _ in range(names.index(name)):
        await pilot.press("down")


async def open_record(pilot, name: str, number: int) -> SessionRecordScreen:
    """From home: h for the history, down to session ``number``, Enter."""
    await on_home_at(pilot, name)
    await pilot.press("h")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SessionHistoryScreen)
    table = screen.query_one(DataTable)
    newest = table.row_count
    for _ in range(newest - number):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    record = pilot.app.screen
    assert isinstance(record, SessionRecordScreen)
    return record


def entries(screen: SessionRecordScreen) -> list[tuple[str, str]]:
    """Each note and question on the record, in order, as (mark, text)."""
    return [(line.mark.plain, line.body.plain) for line in screen.query(EntryLine)]


def heading(screen: SessionRecordScreen) -> str:
    return shown(screen.query_one("#record-body").query(Static).first())


# --- the overview ---------------------------------------------------------------------------------


async def test_overview_shows_the_last_focus_and_open_actions_overdue_first(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await on_home_at(pilot, "Dana Ortiz")
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClientOverviewScreen)
        assert screen.sub_title == "Dana Ortiz"
        last = shown(screen.query_one("#overview-last", Static))
        assert "Focus for next session: Mid-point check-in: what is working, what is not" in last
        assert "(reflection on session 3)" in last
        assert "Last session (3," in last and "Get the case study over the line" in last
        actions = shown(screen.query_one("#overview-actions", Static)).splitlines()
        assert actions[0].strip() == "Open actions (3), overdue first"
        due = [line.split()[0] for line in actions[1:] if line.strip() and "↳" not in line]
        assert due == ["overdue", "Wed", "Fri"]  # 18 Nov (5 days late), 25 Nov, 27 Nov
        assert "Send the case study to Mei and Ana for feedback" in actions[1]
        assert "Calendar reminder; tell my coach at the next session · never reviewed" in actions[2]
        engagement = shown(screen.query_one("#overview-engagement", Static))
        assert "Next: session 4 of 8 · 3 held" in engagement
        assert "Next check-in: at session 4 (the next one)" in engagement and "Mid-point" in engagement
        # Did she do what she committed to? The reviews of the last weeks, newest first.
        reviewed = shown(screen.query_one("#overview-reviewed", Static)).splitlines()
        assert reviewed[0].strip() == "Reviewed in the last 5 weeks (5)"
        outcomes = [line.split()[0] for line in reviewed[1:] if line.strip() and "↳" not in line[:20]]
        assert outcomes[:4] == ["changed", "done", "done", "partly"]
        assert "Write to Tomás" in reviewed[3] and "The fear was much bigger than the task." in reviewed[4]
        goals = shown(screen.query_one("#overview-goals", Static))
        assert "Land a UX research role  ▂▃▅ progress 2 → 3 → 5/10" in goals
        assert "Hiring-manager conversations: 0 → 1 → 5 conversations" in goals
        assert shown(screen.query_one("#overview-boundaries", Static)).startswith(
            "Boundaries: Coaching, not recruiting"
        )
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, SessionHistoryScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_overview_says_when_the_latest_session_has_no_reflection(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await on_home_at(pilot, "Sam Okafor")
        await pilot.press("o")
        await pilot.pause()
        last = shown(app.screen.query_one("#overview-last", Static))
        assert "(reflection on session 3; session 4 has none yet)" in last


async def test_the_palette_lists_the_overview_and_history(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_command_palette()
        await pilot.pause()
        await pilot.press(*"Overview: Priya")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClientOverviewScreen)
        assert app.screen.sub_title == "Priya Raman"


# --- the history and the record ---------------------------------------------------------------------


async def test_history_newest_first_and_enter_opens_that_session(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await on_home_at(pilot, "Priya Raman")
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [history_cells(table, i) for i in range(table.row_count)]
        assert [r[1] for r in rows] == ["5", "4", "3", "2", "1"]
        assert rows[0][2:4] == ["GROW", "47m"] and rows[1][2] == "OSKAR"
        assert [r[-1] for r in rows] == ["no", "yes", "yes", "yes", "yes"]
        assert rows[1][5:9] == ["11", "1", "2", "2"]  # notes, insights, quotes, actions of session 4
        await pilot.press("end")  # the first session, at the bottom
        assert table.cursor_row == 4
        await pilot.press("home", "down", "enter")
        await pilot.pause()
        record = app.screen
        assert isinstance(record, SessionRecordScreen)
        assert record.session.number == 4
        assert "Priya Raman · session 4 ·" in heading(record) and "OSKAR" in heading(record)


async def test_record_shows_every_note_in_order_marked_with_its_kind(make_app, practice) -> None:
    dana = client_id(practice, "Dana Ortiz")
    session = next(s for s in practice.list_sessions(dana) if s.number == 1)
    assert {note.kind for note in session.notes} == set(NoteKind)  # all four kinds
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        record = await open_record(pilot, "Dana Ortiz", 1)
        notes = [(mark, text) for mark, text in entries(record) if "? asked" not in mark]
        expected = sorted(session.notes, key=lambda n: n.at)
        assert len(notes) == len(session.notes)
        for (mark, text), note in zip(notes, expected, strict=True):
            assert mark == f"{note.at:%H:%M} {MARKS[note.kind]}"
            assert text.strip("“”") == note.text
        questions = [text for mark, text in entries(record) if "? asked" in mark]
        assert questions == [p.text for p in sorted(session.prompts, key=lambda p: p.at)]
        # Stages in the order visited, Reality twice; the closing summary and the reflection below.
        stages = [str(w.content).split()[0] for w in record.query(".record-stage").results(Static)]
        assert stages == ["Goal", "Reality", "Options", "Reality", "Will"]
        page = "\n".join(shown(w) for w in record.query(".record-block").results(Static))
        assert "Ratings (3)" in page and "progress 2/10 · Land a UX research role" in page
        assert "Actions agreed (2)" in page and "Closing summary" in page
        assert "13 notes: 2 insights, 2 client quotes, 1 private · 10 questions asked" in page
        assert "What worked:" in page and "Focus for next session:" in page


async def test_brackets_turn_to_the_previous_and_next_session(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await open_record(pilot, "Dana Ortiz", 2)
        assert record.sub_title == "Dana Ortiz · session 2 (2 of 3)"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert record.session.number == 1 and "Dana Ortiz · session 1 ·" in heading(record)
        await pilot.press("left_square_bracket")  # no session before the first: it stays
        await pilot.pause()
        assert record.session.number == 1
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert record.session.number == 3
        page = "\n".join(shown(w) for w in record.query(".record-block").results(Static))
        assert "Actions reviewed (3)" in page
        assert "learning: It took ten minutes. The fear was much bigger than the task." in page
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionHistoryScreen)


async def test_a_corrected_note_is_marked_and_saved_with_its_original(make_app, practice, data_dir) -> None:
    dana = client_id(practice, "Dana Ortiz")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await open_record(pilot, "Dana Ortiz", 1)
        first = record.session.notes[0].text
        await pilot.press("j", "e")  # pick the first note, correct it
        await pilot.pause()
        await pilot.press("end", *" (typo)", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = [text for mark, text in entries(record) if "note" in mark]
        assert notes[0].startswith(f"{first} (typo)\n✎ edited after the session, 23 Nov 2026 10:00")
        assert notes[0].endswith(f"written as: {first}")
        await pilot.press("escape")
        await pilot.pause()
    stored = json.loads((data_dir / "clients" / f"{dana}.json").read_text())
    saved = next(s for s in stored["sessions"].values() if s["number"] == 1)
    assert saved["notes"][0]["text"] == f"{first} (typo)"
    assert saved["notes"][0]["original"] == first
    assert re.match(r"2026-11-23T10:00", saved["notes"][0]["edited_at"])


async def test_escape_leaves_the_note_as_it_was(make_app, practice) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await open_record(pilot, "Dana Ortiz", 1)
        before = entries(record)
        await pilot.press("e")  # nothing picked yet: says how
        await pilot.pause()
        assert isinstance(app.screen, SessionRecordScreen)
        await pilot.press("j", "e", *"xyz", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionRecordScreen)
        assert entries(record) == before
        assert all(note.edited_at is None for note in record.session.notes)


async def test_a_200_session_client_history_and_record(make_app, repo, dana, clock) -> None:
    start = clock.now - timedelta(days=7 * 200)
    sessions = [
        Session(
            client_id=dana.id,
            number=n,
            status=SessionStatus.CLOSED,
            started_at=start + timedelta(days=7 * n),
            ended_at=start + timedelta(days=7 * n, minutes=50),
            goal=f"Goal of session {n}",
            notes=[Note(at=start + timedelta(days=7 * n, minutes=5), stage="goal", text=f"Note of {n}")],
        )
        for n in range(1, 201)
    ]
    repo.save_sessions(dana.id, sessions)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 200 and history_cells(table, 0)[1] == "200"
        await pilot.press("end", "enter")
        await pilot.pause()
        record = app.screen
        assert isinstance(record, SessionRecordScreen)
        assert record.sub_title == "Dana Ortiz · session 1 (1 of 200)"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert entries(record) == [(f"{sessions[1].notes[0].at:%H:%M} · note", "Note of 2")]


def test_the_overview_text_reads_the_last_check_in() -> None:
    from datetime import date

    from coachtui.domain.models import Agreement, CheckIn, Client
    from coachtui.domain.review import client_overview
    from coachtui.ui.review.overview_view import engagement_text

    held = CheckIn(
        client_id="c1", done=True, held_on=date(2026, 11, 1), working="speaking up", adjust="fewer actions"
    )
    overview = client_overview(Agreement(), [], [], [held], [], [], date(2026, 11, 23))
    text = engagement_text(Client(name="Dana"), overview, date(2026, 11, 23)).plain
    assert "Last check-in (01 Nov): working: speaking up · adjust: fewer actions" in text


async def test_a_damaged_note_is_told_once_the_history_is_drawn(
    practice, data_dir, settings, clock, monkeypatch
) -> None:
    """The history opens on the sessions' headings; the notes are validated in a worker just after, and
    a damaged one is told (the file named, never the note's text)."""
    from coachtui.store.repository import Repository
    from coachtui.ui.app import make_app as factory

    dana = client_id(practice, "Dana Ortiz")
    practice.close()
    path = data_dir / "clients" / f"{dana}.json"
    data = json.loads(path.read_bytes())
    session = max(data["sessions"].values(), key=lambda s: s["number"])
    text = session["notes"][0]["text"]
    session["notes"][0]["at"] = "not a time"
    path.write_text(json.dumps(data))
    monkeypatch.setattr(client_check, "SETTLE_SECONDS", 0.001)
    with Repository.open(data_dir) as repo:
        app = factory(settings, repo, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await on_home_at(pilot, "Dana Ortiz")
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, SessionHistoryScreen)
            assert app.screen.query_one(DataTable).row_count == len(data["sessions"])
            for _ in range(100):  # until the check has run and told its finding (a few frames)
                told = [str(n.message) for n in app._notifications]
                if told:
                    break
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert any(str(path) in message and "notes.0.at" in message for message in told)
            assert not any(text in message for message in told)


def test_a_history_line_keeps_its_columns_with_wide_characters() -> None:
    from rich.text import Text

    from coachtui.ui.review.history import _line

    line = _line(["日本語の目標です", Text("7", justify="right"), Text("no", style="dim")], [6, 3, 4])
    assert line.cell_len == 6 + 2 + 3 + 2 + 4
    assert line.plain == "日本語    7  no  "
    assert [(line.plain[span.start : span.end], span.style) for span in line.spans] == [("no", "dim")]


def test_a_record_entry_draws_what_a_two_column_grid_drew() -> None:
    """An entry is one cheap renderable; it wraps and pads its text as the Table.grid it replaced."""
    from rich.table import Table
    from rich.text import Text

    from coachtui.ui.review.record_view import MARK_WIDTH, MarkAndBody

    mark = Text("18:51 ~ PRIVATE", style="dim")
    body = Text("She wants to speak up earlier in the meeting, not after it.\nTried it twice. 日本語 ok.")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=MARK_WIDTH, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(mark, body)
    for width in (40, 61, 100):
        drawn = []
        for renderable in (grid, MarkAndBody(mark, body)):
            console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
            console.print(renderable)
            drawn.append(console.export_text())
        assert drawn[0] == drawn[1]
