"""The reflection after a session: by keyboard alone, skipped and finished later, edited, validated."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, TextArea

from coachtui.domain.models import Competency, Payment
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.live.closing import ClosingScreen
from coachtui.ui.live.live_session import LiveSessionScreen
from coachtui.ui.reflection.reflection import ReflectionScreen
from coachtui.ui.shared.confirm import ConfirmScreen
from tests.conftest import FIXED_NOW
from tests.ui.burst import burst
from tests.ui.reflection_data import add_client, hold_session, reflect


@pytest.fixture
def dana(repo):
    return add_client(repo, "Dana Ortiz")


@pytest.fixture
def session(repo, dana):
    hold_session(repo, dana, 1, FIXED_NOW - timedelta(days=28))
    hold_session(repo, dana, 2, FIXED_NOW - timedelta(days=14))
    return hold_session(
        repo, dana, 3, FIXED_NOW - timedelta(hours=1), actions=("Draft the CV", "Call Maya"), progress=6
    )


def attention(app) -> str:
    return str(app.screen.query_one("#home-attention").render())


async def open_on(pilot, session) -> ReflectionScreen:
    pilot.app.open_reflection(session.client_id, session.id)
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReflectionScreen)
    return pilot.app.screen


async def test_a_reflection_is_completed_by_keyboard_alone(make_app, repo, dana, session) -> None:
    for older in repo.list_sessions(dana.id)[:2]:
        reflect(repo, older, worked="earlier")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        heading = str(screen.query_one("#reflection-title").render())
        assert heading == "Reflection · Dana Ortiz · session 3 of 8 · 52 min · 2 actions agreed"
        assert "Draft the CV" in str(screen.query_one("#reflection-actions").render())
        await pilot.press(*"Scaling opened her up", "enter", *"She named the fear")
        await pilot.press("tab", *"I rushed Options")
        await pilot.press("tab", *"Pause after the first option")
        await pilot.press("tab", "backspace", *"7", "enter")  # Enter in the progress field moves on
        await pilot.press("down", "down", "down", "down", "down", "space", "down", "space")
        await pilot.press("tab", *"Silence works better than a second question")
        await pilot.press("tab", *"Her first step after the interview")
        await pilot.press("tab", "enter", "down", "enter")  # paid -> pro bono
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Needs reflection" not in attention(app)
    saved = repo.get_reflection(session.id)
    assert saved is not None
    assert saved.what_worked == "Scaling opened her up\nShe named the fear"
    assert saved.what_did_not == "I rushed Options"
    assert saved.adjust_next_time == "Pause after the first option"
    assert saved.client_progress == 7
    assert saved.competencies == [Competency.LISTENING, Competency.AWARENESS]
    assert saved.learned == "Silence works better than a second question"
    assert saved.next_focus == "Her first step after the interview"
    assert saved.payment is Payment.PRO_BONO
    assert (saved.session_date, saved.duration_minutes) == (session.started_at.date(), 52.0)
    assert saved.created_at == FIXED_NOW
    assert repo.summary(dana.id).sessions_without_reflection == []


async def test_prefilled_from_the_session_and_the_agreement(make_app, repo, session) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_on(pilot, session)
        assert screen.query_one("#client_progress", Input).value == "6"
        assert screen.query_one("#payment").value is Payment.PAID
        assert not screen.changed()


async def test_skipped_shows_on_home_and_r_finishes_the_oldest(make_app, repo, dana, session) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_on(pilot, session)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Needs reflection: Dana Ortiz (3)" in attention(app)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.session.number == 1
    assert repo.get_reflection(session.id) is None
    assert session.id in repo.summary(dana.id).sessions_without_reflection


async def test_typed_text_is_never_dropped_without_asking(make_app, repo, session) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_on(pilot, session)
        await pilot.press(*"half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#what_worked", TextArea).text == "half a thought"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert repo.get_reflection(session.id) is None


async def test_reopening_edits_the_same_record(make_app, repo, session) -> None:
    agreements = (Competency.AGREEMENTS,)
    first = reflect(repo, session, worked="Good contracting", competencies=agreements, progress=5)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_on(pilot, session)
        assert screen.query_one("#what_worked", TextArea).text == "Good contracting"
        assert screen.query_one("#client_progress", Input).value == "5"
        await pilot.press("end", *" and a clear close")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = repo.list_reflections()
    assert (saved.id, saved.created_at) == (first.id, first.created_at)
    assert saved.what_worked == "Good contracting and a clear close"
    assert saved.competencies == [Competency.AGREEMENTS]


async def test_progress_out_of_range_shows_a_message_and_saves_nothing(make_app, repo, session) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_on(pilot, session)
        screen.query_one("#client_progress", Input).focus()
        await pilot.press("backspace", "1", "2")
        await pilot.pause()
        error = str(screen.query_one("#progress-error").render())
        assert "whole number from 0 to 10" in error
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and app.focused is screen.query_one("#client_progress")
        await pilot.press("backspace")
        await pilot.pause()
        assert not screen.query_one("#progress-error").display
    assert repo.get_reflection(session.id) is None


async def test_closing_a_live_session_leads_to_its_reflection(make_app, repo, dana, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
        await pilot.press(*"She wants the research role")
        clock.advance(minutes=45)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        assert [type(s) for s in app.screen_stack[1:]] == [HomeScreen, ReflectionScreen]
        heading = str(screen.query_one("#reflection-title").render())
        assert "session 1 of 8 · 45 min · 0 actions agreed" in heading
        await pilot.press(*"Listening held", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [session] = repo.list_sessions(dana.id)
    assert repo.get_reflection(session.id).what_worked == "Listening held"


async def test_quitting_keeps_a_draft_that_reopening_restores(make_app, repo, dana, session) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_on(pilot, session)
        await pilot.press(*"typed before the laptop died", "ctrl+q")
        await pilot.pause()
    assert repo.get_reflection(session.id) is None
    assert session.id in repo.summary(dana.id).sessions_without_reflection
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_on(pilot, session)
        assert screen.query_one("#what_worked", TextArea).text == "typed before the laptop died"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert repo.get_reflection(session.id).what_worked == "typed before the laptop died"


async def test_palette_offers_the_journal_and_each_missing_reflection(make_app, repo, session) -> None:
    from coachtui.ui.commands import ReflectionCommands

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        provider = ReflectionCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        assert titles[0] == "CPD journal"
        assert "Reflect on session 3 with Dana Ortiz" in titles
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.title == "CPD journal"


async def test_a_burst_of_keys_lands_in_the_right_fields(make_app, repo, session) -> None:
    """Keys sent faster than the app handles them (fast typing, a busy moment) land where they were aimed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_on(pilot, session)
        await burst(
            pilot,
            "fast",
            ["tab"],
            "typist",
            ["tab", "tab", "backspace"],
            "8",
            ["enter", "down", "space", "tab"],
            "learned",
            ["ctrl+s"],
        )
        assert isinstance(app.screen, HomeScreen)
    saved = repo.get_reflection(session.id)
    assert (saved.what_worked, saved.what_did_not, saved.adjust_next_time) == ("fast", "typist", "")
    assert (saved.client_progress, saved.competencies, saved.learned) == (8, [Competency.MINDSET], "learned")


async def test_a_session_held_by_mistake_is_deleted_from_its_reflection(
    make_app, repo, dana, session
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_on(pilot, session)
        await burst(pilot, "typed then thought better of it", ["f8"])
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete session 3 with Dana Ortiz" in str(app.screen.query_one("#confirm-question").render())
        await burst(pilot, "y")
        assert isinstance(app.screen, HomeScreen)
    assert [s.number for s in repo.list_sessions(dana.id)] == [1, 2]
    assert {a.text for a in repo.list_actions(dana.id)}.isdisjoint({"Draft the CV", "Call Maya"})
    [revision] = [r for r in repo.list_revisions(dana.id) if r.target_kind == "session"]
    assert revision.summary.startswith("Deleted session 3 of ") and revision.reason == "Held by mistake"
    assert session.id not in repo.summaries()[dana.id].sessions_without_reflection
