"""Keys in order: a burst of letters followed at once by a key that saves, moves focus or changes screen
puts every letter where it was typed, and the keys after it where the next screen or field wants them."""

from __future__ import annotations

from datetime import date

from coachtui.ui.home.client_form import ClientFormScreen
from coachtui.ui.live.start_session import StartSessionScreen
from tests.ui.burst import burst


async def test_letters_after_ctrl_s_on_the_client_form_act_on_home(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "n")
        assert isinstance(app.screen, ClientFormScreen)
        await burst(pilot, "Dana Ortiz", ["ctrl+s"], "s")
        assert isinstance(app.screen, StartSessionScreen)
    [client] = repo.list_clients()
    assert client.name == "Dana Ortiz"


async def test_letters_after_tab_land_in_the_next_field(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "n", "Sam Okafor", ["tab"], "sam@example.org", ["tab"], "0700", ["ctrl+s"])
    [client] = repo.list_clients()
    assert (client.name, client.email, client.phone) == ("Sam Okafor", "sam@example.org", "0700")


# --- the live session: letters, then at once each live key ------------------------------------


async def _live(pilot, goal: str = ""):
    from coachtui.ui.live.live_session import LiveSessionScreen

    await burst(pilot, "s")
    assert isinstance(pilot.app.screen, StartSessionScreen)
    await burst(pilot, goal, ["ctrl+s"])
    assert isinstance(pilot.app.screen, LiveSessionScreen)
    return pilot.app.screen


def _notes(repo, client_id: str) -> list[tuple[str, str]]:
    [draft] = [d for d in repo.list_drafts() if d.session.client_id == client_id]
    return [(note.stage, note.text) for note in draft.session.notes]


async def test_letters_before_and_after_ctrl_n_keep_their_stages(make_app, repo, dana) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live(pilot, "A clear next step")
        await burst(pilot, "wants clarity", ["ctrl+n"], "no time since May", ["ctrl+s"])
        assert screen.live.stage.id == "reality"
    assert _notes(repo, dana.id) == [("goal", "wants clarity"), ("reality", "no time since May")]
    [draft] = repo.list_drafts()
    assert draft.session.goal == "A clear next step"


async def test_letters_around_ctrl_o_stay_on_their_lines(make_app, repo, dana) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live(pilot)
        question = screen.live.current_question
        await burst(pilot, "before", ["ctrl+o"], "after", ["ctrl+s"])
    assert _notes(repo, dana.id) == [("goal", "before"), ("goal", f"Q: {question}"), ("goal", "after")]


async def test_letters_after_ctrl_l_and_enter_fill_the_action_builder(make_app, repo, dana, clock) -> None:
    from coachtui.ui.live.action_builder import ActionBuilderScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live(pilot)
        keys = ["enter"], "fri", ["enter", "enter"], "A date set"  # Enter visits the goal after the date
        await burst(pilot, "she commits", ["ctrl+l"], "Call Maya", *keys)
        assert isinstance(app.screen, ActionBuilderScreen)
        await burst(pilot, ["ctrl+s"], "and more notes")
        assert app.screen is screen
        [action] = screen.live.agreed
        await burst(pilot, ["ctrl+s"])
    assert (action.text, action.due, action.measure) == ("Call Maya", date(2026, 11, 27), "A date set")
    assert _notes(repo, dana.id) == [("goal", "she commitsand more notes")]


async def test_letters_before_f10_are_in_the_closed_session(make_app, repo, dana) -> None:
    from coachtui.ui.live.closing import ClosingScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _live(pilot)
        await burst(pilot, "the last words", ["f10"], "+7d")
        assert isinstance(app.screen, ClosingScreen)
        await burst(pilot, ["enter"])
    [session] = repo.list_sessions(dana.id)
    assert [n.text for n in session.notes] == ["the last words"]
    assert session.next_checkin == date(2026, 11, 30)


async def test_letters_before_ctrl_q_are_saved_on_quit(make_app, repo, dana) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _live(pilot)
        await burst(pilot, "typed just before quitting", ["ctrl+q"])
    assert _notes(repo, dana.id) == [("goal", "typed just before quitting")]


async def test_a_paste_sent_as_keys_is_inserted_in_few_edits(make_app, repo, dana) -> None:
    """A terminal that sends a paste as keystrokes: 3,000 keys queued at once become a handful of edits
    (one key dispatch and one re-render per letter made a 200 KB paste take minutes)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live(pilot)
        edits = 0
        changed = screen.changed

        def counting() -> None:
            nonlocal edits
            edits += 1
            changed()

        screen.changed = counting  # type: ignore[method-assign]
        line = "Pasted from her email: what worked and what she wants next.\n"
        text = line * 50
        await burst(pilot, *[part for row in text.split("\n") if row for part in (row, ["enter"])])
        await burst(pilot, ["ctrl+s"])
        assert screen.notes.text.endswith(text)
        assert edits < 20, edits
    [draft] = repo.list_drafts()
    assert draft.editor_text.endswith(text)
