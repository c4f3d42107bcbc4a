"""The live session, one capability at a time, asserting on what the store holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from textual import events
from textual.widgets import Input, Select, TextArea

from coachtui.domain.models import (
    Action,
    ActionStatus,
    Agreement,
    Client,
    Goal,
    NoteKind,
    RatingKind,
    ReviewOutcome,
    Session,
    SessionStatus,
)
from coachtui.store.errors import SaveError
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.live import saving
from coachtui.ui.live.accountability import AccountabilityScreen
from coachtui.ui.live.action_builder import ActionBuilderScreen
from coachtui.ui.live.closing import ClosingScreen
from coachtui.ui.live.live_session import LiveSessionScreen
from coachtui.ui.live.stage_bar import StageBar
from coachtui.ui.live.start_session import StartSessionScreen


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"autosave_seconds": 0.2})


@pytest.fixture
def client(repo) -> Client:
    client = Client(name="Dana Ortiz", agreement=Agreement(sessions_planned=8, session_minutes=50))
    repo.save_client(client)
    return client


@pytest.fixture
def goal(repo, client) -> Goal:
    goal = Goal(client_id=client.id, title="Move into UX research")
    repo.save_goal(goal)
    return goal


async def start(
    pilot, *, framework: str | None = None, minutes: str | None = None, goal: str = ""
) -> LiveSessionScreen:
    """From home: s, fill the set-up dialog, start."""
    await pilot.press("s")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, StartSessionScreen)
    if goal:
        await pilot.press(*goal)
    if framework:
        dialog.query_one("#framework", Select).value = framework
    if minutes:
        dialog.query_one("#minutes", Input).value = minutes
    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = next(s for s in pilot.app.screen_stack if isinstance(s, LiveSessionScreen))
    return screen


def draft_of(repo, client_id: str):
    [draft] = [d for d in repo.list_drafts() if d.session.client_id == client_id]
    return draft


async def end(pilot, next_checkin: str = "") -> None:
    await pilot.press("f10")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ClosingScreen)
    if next_checkin:
        pilot.app.screen.query_one("#next-checkin", Input).value = next_checkin
    await pilot.press("enter")
    await pilot.pause()


# 1. Start -----------------------------------------------------------------------------------


async def test_start_numbers_the_session_and_uses_the_agreement(make_app, repo, client) -> None:
    for number in (1, 2):
        repo.save_session(Session(client_id=client.id, number=number, status=SessionStatus.CLOSED))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert "session 3 of 8" in str(dialog.query_one("#start-title").render())
        assert dialog.query_one("#minutes", Input).value == "50"
        await pilot.press(*"Decide on the offer")
        dialog.query_one("#framework", Select).value = "oskar"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveSessionScreen)
        assert "session 3/8" in str(screen.query_one("#live-title").render())
        await pilot.pause(0.3)
    session = draft_of(repo, client.id).session
    assert (session.number, session.framework, session.goal, session.planned_minutes) == (
        3,
        "oskar",
        "Decide on the offer",
        50,
    )
    assert session.visits[0].stage == "outcome"


async def test_start_from_the_command_palette(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.start_session(client.id)
        await pilot.pause()
        assert isinstance(app.screen, StartSessionScreen)


# 2. Accountability ----------------------------------------------------------------------------


async def test_session_opens_on_accountability_and_records_reviews(make_app, repo, client, clock) -> None:
    earlier = Session(
        client_id=client.id, number=1, status=SessionStatus.CLOSED, started_at=clock.now - timedelta(days=14)
    )
    repo.save_session(earlier)
    cv = Action(
        client_id=client.id,
        text="Update my CV",
        due=date(2026, 11, 20),
        created_at=clock.now - timedelta(days=14),
    )
    calls = Action(
        client_id=client.id,
        text="Call two researchers",
        due=date(2026, 11, 21),
        created_at=clock.now - timedelta(days=14),
    )
    later = Action(client_id=client.id, text="Portfolio draft", due=date(2026, 12, 20))
    for action in (cv, calls, later):
        repo.save_action(action)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.pause()
        review = app.screen
        assert isinstance(review, AccountabilityScreen)
        await pilot.press("d", *"Easier than I thought", "enter")
        await pilot.press("n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
        assert app.focused is app.screen.query_one("#notes")
        await end(pilot)
    actions = {a.text: a for a in repo.list_actions(client.id)}
    assert actions["Update my CV"].status is ActionStatus.DONE
    assert actions["Update my CV"].reviews[0].learning == "Easier than I thought"
    assert actions["Call two researchers"].status is ActionStatus.NOT_DONE
    assert actions["Portfolio draft"].status is ActionStatus.OPEN
    [session] = [s for s in repo.list_sessions(client.id) if s.number == 2]
    assert {(r.action_id, r.outcome) for r in session.reviews} == {
        (cv.id, ReviewOutcome.DONE),
        (calls.id, ReviewOutcome.NOT_DONE),
    }


async def test_accountability_review_is_skippable_with_one_key(make_app, repo, client, clock) -> None:
    agreed = clock.now - timedelta(days=7)
    repo.save_action(
        Action(client_id=client.id, text="Update my CV", due=date(2026, 11, 20), created_at=agreed)
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        assert isinstance(app.screen, AccountabilityScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
    assert repo.list_actions(client.id)[0].status is ActionStatus.OPEN


# 3. Stage cockpit -----------------------------------------------------------------------------


async def test_stages_move_by_one_key_and_time_is_counted(make_app, repo, client, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        clock.advance(minutes=6)
        await pilot.press("ctrl+n")  # Reality
        clock.advance(minutes=9)
        await pilot.press("f5")  # Will, directly
        clock.advance(minutes=2)
        await pilot.press("ctrl+b")  # back to Options
        clock.advance(minutes=3)
        await pilot.press("f2")  # and back to Goal
        assert screen.live.stage.id == "goal"
        await end(pilot)
    [session] = repo.list_sessions(client.id)
    assert [v.stage for v in session.visits] == ["goal", "reality", "will", "options", "goal"]
    seconds = session.stage_seconds()
    assert seconds == {"goal": 360.0, "reality": 540.0, "will": 120.0, "options": 180.0}


async def test_timebox_and_end_cues_are_quiet_text(make_app, client, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot, minutes="60")
        clock.advance(minutes=10)  # Goal's time-box is a share of 60 minutes
        screen._tick()
        bar = str(screen.query_one(StageBar).render())
        assert "Goal 10m/" in bar
        clock.advance(minutes=46)
        screen._tick()
        assert "4m left · Will" in str(screen.query_one("#live-clock").render())


# 4. Question deck -----------------------------------------------------------------------------


async def test_questions_are_asked_inserted_and_recorded(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        first, second = screen.live.framework.stage("goal").questions[:2]
        await pilot.press("ctrl+f", "ctrl+r", "ctrl+o")  # forward, back, ask the first
        assert f"Q: {first}" in screen.notes.text
        await pilot.press("f8")  # mark the second asked without inserting it
        assert f"Q: {second}" not in screen.notes.text
        await pilot.press("ctrl+n", "ctrl+o")
        await end(pilot)
    [session] = repo.list_sessions(client.id)
    assert [(p.stage, p.text) for p in session.prompts][:2] == [("goal", first), ("goal", second)]
    assert session.prompts[2].stage == "reality"


# 5. Notes -------------------------------------------------------------------------------------


async def test_notes_carry_stage_kind_and_time(make_app, repo, client, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press(*"wants a role in research", "enter")
        await pilot.press(*"I keep waiting for permission", "ctrl+t", "ctrl+t", "enter")  # quote
        await pilot.pause(0.4)
        clock.advance(minutes=5)
        await pilot.press("ctrl+n")
        await pilot.press(*"sees her pattern of waiting", "ctrl+t", "enter")  # insight
        await pilot.press(*"check energy next time", "ctrl+t", "ctrl+t", "ctrl+t", "enter")  # private
        await pilot.pause(0.5)
        saved = draft_of(repo, client.id).session.notes  # autosaved, before any close
        assert [(n.stage, n.kind, n.text) for n in saved] == [
            ("goal", NoteKind.NOTE, "wants a role in research"),
            ("goal", NoteKind.QUOTE, "I keep waiting for permission"),
            ("reality", NoteKind.INSIGHT, "sees her pattern of waiting"),
            ("reality", NoteKind.PRIVATE, "check energy next time"),
        ]
        assert saved[0].at == datetime(2026, 11, 23, 10, 0) and saved[2].at == datetime(2026, 11, 23, 10, 5)
        await end(pilot)
    [session] = repo.list_sessions(client.id)
    assert len(session.notes) == 4


async def test_autosave_collapses_a_burst_into_few_saves(make_app, repo, client, monkeypatch) -> None:
    calls = []
    original = repo.save_draft
    monkeypatch.setattr(repo, "save_draft", lambda draft: (calls.append(draft), original(draft)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.pause(0.3)
        calls.clear()
        burst = "a quick burst of typing that should be saved once"
        await pilot.press(*burst)
        for _ in range(30):
            await pilot.pause(0.1)
            if calls and calls[-1].session.notes[-1].text == burst:
                break
    # One save per quiet moment (or per 1.5 s of non-stop typing), never one per key.
    assert 1 <= len(calls) <= len(burst) // 10
    assert calls[-1].session.notes[-1].text == burst


# 6. Commitment builder -------------------------------------------------------------------------


async def test_builder_captures_an_action_and_returns_to_notes(make_app, repo, client, goal) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        await pilot.press(*"note before", "ctrl+l")
        assert isinstance(app.screen, ActionBuilderScreen)
        builder = app.screen
        assert builder.query_one("#goal", Select).value == goal.id  # the only active goal
        await pilot.press(*"Send my CV to two researchers", "enter")
        await pilot.press(*"fri", "enter")  # due, on to the goal
        assert "Fri 27 Nov" in str(builder.query_one("#form-error").render())
        assert app.focused is builder.query_one("#goal")
        await pilot.press("enter")  # the goal stays the only active one
        await pilot.press(*"Both emails sent", "enter")  # measure
        await pilot.press(*"Learn what the work is really like", "enter")
        await pilot.press(*"Maya's intro", "enter")
        await pilot.press(*"Fear of bothering them", "enter")
        await pilot.press(*"Ask Maya to forward it", "enter")
        await pilot.press(*"Message the coach on Friday", "enter")
        await pilot.press(*"8", "enter")  # commitment, last field: submits
        await pilot.pause()
        assert app.screen is screen
        assert app.focused is screen.notes
        await pilot.press(*" after")
        assert screen.notes.text.rstrip().endswith("note before after")
        await end(pilot)
    [action] = repo.list_actions(client.id)
    assert action.text == "Send my CV to two researchers"
    assert action.due == date(2026, 11, 27)
    assert (action.goal_id, action.measure, action.barriers, action.backup) == (
        goal.id,
        "Both emails sent",
        "Fear of bothering them",
        "Ask Maya to forward it",
    )
    assert action.accountability == "Message the coach on Friday" and action.commitment == 8
    [session] = repo.list_sessions(client.id)
    assert session.action_ids == [action.id]


async def test_smart_gaps_are_hints_not_blocks(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+l", *"Think about it")
        hints = str(app.screen.query_one("#builder-hints").render())
        assert "no date" in hints and "no measure" in hints
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
        assert [a.text for a in app.screen.live.agreed] == ["Think about it"]


async def test_unparseable_due_date_keeps_the_form_and_everything_typed(make_app, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+l", *"Call Maya", "enter", *"fryday-ish")
        assert "fryday-ish" in str(app.screen.query_one("#form-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        builder = app.screen
        assert isinstance(builder, ActionBuilderScreen)
        assert builder.query_one("#text", Input).value == "Call Maya"
        assert app.focused is builder.query_one("#due")
        builder.query_one("#due", Input).value = "+3d"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.live.agreed[0].due == date(2026, 11, 26)


async def test_session_actions_can_be_edited_and_removed(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        for text in ("First action", "Second action"):
            await pilot.press("ctrl+l", *text, "ctrl+s")
            await pilot.pause()
        await pilot.press("f7", "e")
        await pilot.pause()
        builder = app.screen
        assert builder.query_one("#text", Input).value == "First action"
        builder.query_one("#text", Input).value = "First action, reworded"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f7", "down", "d")
        assert [a.text for a in screen.live.agreed] == ["First action, reworded"]
        await pilot.press("escape")
        assert app.focused is screen.notes
        await end(pilot)
    assert [a.text for a in repo.list_actions(client.id)] == ["First action, reworded"]
    assert len(repo.list_sessions(client.id)[0].action_ids) == 1


# 7. Scaling ------------------------------------------------------------------------------------


async def test_scaling_rating_is_recorded_with_its_goal(make_app, repo, client, goal) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+n", "ctrl+g", "7", "enter")
        await pilot.press("ctrl+g")
        app.screen.query_one("#rating-kind", Select).value = RatingKind.CONFIDENCE
        await pilot.press("1", "1", "enter")  # 11 is refused, and nothing is lost
        assert "0 to 10" in str(app.screen.query_one("#form-error").render())
        await pilot.press("backspace", "enter")
        await end(pilot)
    [session] = repo.list_sessions(client.id)
    assert [(r.kind, r.value, r.goal_id, r.stage) for r in session.ratings] == [
        (RatingKind.PROGRESS, 7, goal.id, "reality"),
        (RatingKind.CONFIDENCE, 1, goal.id, "reality"),
    ]


# 8. Close ---------------------------------------------------------------------------------------


async def test_closing_summary_then_home_and_the_session_is_closed(make_app, repo, client, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+l", *"Draft the CV", "enter", *"fri", "ctrl+s")
        clock.advance(minutes=48)
        await pilot.press("f10")
        await pilot.pause()
        closing = app.screen
        assert isinstance(closing, ClosingScreen)
        text = str(closing.query_one("#closing-summary Static").render())
        assert "00:48:00" in text and "Draft the CV" in text and "Fri 27 Nov" in text
        await pilot.press("escape")  # not yet: back to the session
        assert isinstance(app.screen, LiveSessionScreen)
        await end(pilot, next_checkin="2026-12-07")
        assert not isinstance(app.screen, LiveSessionScreen)
    [session] = repo.list_sessions(client.id)
    assert session.status is SessionStatus.CLOSED
    assert session.ended_at == datetime(2026, 11, 23, 10, 48)
    assert session.next_checkin == date(2026, 12, 7)
    assert repo.list_drafts() == []


async def test_quit_mid_session_keeps_everything_and_offers_resumption(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press(*"typed just before quitting")
        await pilot.press("ctrl+q")
    draft = draft_of(repo, client.id)
    assert draft.session.notes[-1].text == "typed just before quitting"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Resume session 1 with Dana Ortiz" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveSessionScreen)
        assert "typed just before quitting" in screen.notes.text
        await pilot.press(*" and after")
        await end(pilot)
    [session] = repo.list_sessions(client.id)
    assert session.notes[-1].text == "typed just before quitting and after"


async def test_a_left_session_can_be_closed_as_it_is(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press(*"kept")
        await pilot.press("ctrl+q")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [session] = repo.list_sessions(client.id)
    assert session.status is SessionStatus.CLOSED and session.notes[-1].text == "kept"
    assert repo.list_drafts() == []


async def test_escape_on_the_resume_question_means_not_now(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press(*"kept for later")
        await pilot.press("ctrl+q")
    for _ in range(2):  # asked again at the next start, and the draft is still whole
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "Resume session 1" in str(app.screen.query_one("#confirm-question").render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert repo.list_sessions(client.id) == []
        assert draft_of(repo, client.id).session.notes[-1].text == "kept for later"


async def test_a_left_session_with_nothing_written_is_deleted_not_held(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+q")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "n deletes it" in str(app.screen.query_one("#confirm-detail").render())
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert repo.list_sessions(client.id) == [] and repo.list_drafts() == []
    assert repo.next_session_number(client.id) == 1


# Never losing a word -----------------------------------------------------------------------------


async def test_failed_save_warns_typing_continues_and_retry_succeeds(
    make_app, repo, client, monkeypatch
) -> None:
    monkeypatch.setattr(saving, "RETRY_SECONDS", 0.3)  # read when the screen is built
    original = repo.save_draft
    broken = {"on": False}

    def save_draft(draft):
        if broken["on"]:
            raise SaveError(repo.data_dir / "drafts", OSError(30, "Read-only file system"))
        original(draft)

    monkeypatch.setattr(repo, "save_draft", save_draft)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        broken["on"] = True
        await pilot.press(*"first words")
        await pilot.pause(0.5)
        warning = screen.query_one("#save-warning")
        assert warning.display and "NOT SAVED" in str(warning.render())
        await pilot.press(*" and more")
        assert screen.notes.text.rstrip().endswith("first words and more")
        broken["on"] = False
        await pilot.pause(0.8)
        assert not warning.display
        assert draft_of(repo, client.id).session.notes[-1].text == "first words and more"


async def test_hostile_input_is_kept_and_cleaned(make_app, repo, client) -> None:
    big = ("The client spoke at length about the reorganisation. " * 20 + "\n") * 1000  # about 1 MB
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        screen.notes.post_message(events.Paste(big))
        await pilot.pause()
        screen.notes.insert("مرحبا 👋🏽 ok\n")
        screen.notes.insert("bell\x07 and\x1b[31m escape\n")
        await pilot.pause(0.5)
        assert len(screen.notes.text) > 1_000_000
        await end(pilot)
    [session] = repo.list_sessions(client.id)
    texts = [n.text for n in session.notes]
    assert sum(len(t) for t in texts) > 1_000_000
    assert any("مرحبا 👋🏽 ok" in t for t in texts)
    assert "bell and[31m escape" in texts


async def test_usable_in_a_40x12_terminal(make_app, repo, client) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await start(pilot)
        assert not screen.query_one("#side").display
        await pilot.press(*"tiny", "ctrl+n", "ctrl+l", *"Act", "ctrl+s", "ctrl+g", "5", "enter")
        await pilot.press("f9")
        await end(pilot)
    [session] = repo.list_sessions(client.id)
    assert session.notes[0].text == "tiny" and len(session.ratings) == 1


def test_every_live_binding_has_an_id_and_works_while_typing() -> None:
    text_area_keys = {key for b in TextArea.BINDINGS for key in b.key.split(",")}  # type: ignore[union-attr]
    for binding in LiveSessionScreen.BINDINGS:
        assert binding.id and binding.id.startswith("live."), binding
        # Ordinary bindings arrive in typing order; priority only where the notes area would take the key.
        assert binding.priority == (binding.key in text_area_keys), binding
        assert binding.description
        for key in binding.key.split(","):
            # Keys a notes area needs, or a terminal swallows, must never be live keys.
            assert key not in {
                "ctrl+a",
                "ctrl+e",
                "ctrl+w",
                "ctrl+u",
                "ctrl+k",
                "ctrl+d",
                "ctrl+x",
                "ctrl+c",
                "ctrl+v",
                "ctrl+z",
                "ctrl+y",
                "ctrl+h",
                "ctrl+i",
                "ctrl+j",
                "ctrl+m",
            }
            assert not key.startswith(("ctrl+shift", "alt+")) and not key[-1].isdigit() or key.startswith("f")
