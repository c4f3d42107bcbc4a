"""Search everywhere (Pilot): what a word finds across clients and kinds, the filters, and where Enter goes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, Static

from coachtui.domain.models import (
    Action,
    ActionReview,
    Client,
    Note,
    NoteKind,
    Reflection,
    ReviewOutcome,
    Session,
)
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.review.hit_list import HitList
from coachtui.ui.review.record import EntryLine, SessionRecordScreen
from coachtui.ui.review.search import SearchScreen
from tests.closing import as_closed
from tests.conftest import FIXED_NOW
from tests.ui.burst import burst
from tests.ui.test_review import shown

WORD = "zephyr"


def session(client: Client, number: int, *notes: tuple[str, NoteKind, str]) -> Session:
    started = FIXED_NOW - timedelta(weeks=10 - number)
    made = Session(client_id=client.id, number=number, started_at=started)
    made.notes = [
        Note(at=started + timedelta(minutes=i), stage=stage, text=text, kind=kind)
        for i, (text, kind, stage) in enumerate(notes)
    ]
    return made


@pytest.fixture
def practice(repo):
    """The word in a note of Ann's, an insight and a private note of Bob's, an action Bob agreed, the
    learning of Ann's review and Bob's reflection; each in a different session."""
    ann, bob = Client(name="Ann Lee"), Client(name="Bob Marsh")
    for client in (ann, bob):
        repo.save_client(client)
    first = session(
        ann, 1, ("warm up", NoteKind.NOTE, "goal"), (f"the {WORD} project stalls", NoteKind.NOTE, "reality")
    )
    task = Action(
        client_id=ann.id, text="Ask Kim for the budget", session_id=first.id, created_at=first.started_at
    )
    repo.close_session(as_closed(first), [task])
    second = session(ann, 2, ("quiet session", NoteKind.NOTE, "goal"))
    task.reviews = [
        ActionReview(
            action_id=task.id,
            at=second.started_at,
            session_id=second.id,
            outcome=ReviewOutcome.DONE,
            learning=f"Kim said yes to {WORD}",
        )
    ]
    second.reviews = list(task.reviews)
    repo.close_session(as_closed(second), [task])
    third = session(
        bob,
        3,
        (f"{WORD.upper()} is the team's name for it", NoteKind.INSIGHT, "options"),
        (f"is {WORD} a way to avoid the conflict?", NoteKind.PRIVATE, "reality"),
    )
    agreed = Action(
        client_id=bob.id, text=f"Write the {WORD} memo", session_id=third.id, created_at=third.started_at
    )
    repo.close_session(as_closed(third), [agreed])
    repo.save_reflection(
        Reflection(
            session_id=third.id,
            client_id=bob.id,
            created_at=third.started_at,
            next_focus=f"ask about {WORD} first",
        )
    )
    return repo


async def search_for(pilot, text: str) -> list[str]:
    """Open the search from home, type ``text``, wait for the hits; each hit's two lines as text."""
    await pilot.pause()
    if not isinstance(pilot.app.screen, SearchScreen):
        await pilot.press("slash")
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    screen.box.value = ""
    await pilot.press(*text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    results = screen.query_one("#search-results", HitList)
    return ["\n".join(str(line) for line in results.lines(i)) for i in range(results.count)]


def status(pilot) -> str:
    return shown(pilot.app.screen.query_one("#search-status", Static))


async def test_a_word_is_found_in_every_kind_of_entry_of_every_client(make_app, practice) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        hits = await search_for(pilot, WORD)
        # Newest first: Bob's session 3 (insight, private, action, reflection), Ann's 2, Ann's 1.
        assert [h.split("\n")[0].split(" · ")[0] for h in hits] == ["Bob Marsh"] * 4 + ["Ann Lee"] * 2
        marks = ["! INSIGHT", "~ PRIVATE", "→ action", "✎ reflection", "✓ review", "· note"]
        for hit, mark in zip(hits, marks, strict=True):
            assert mark in hit.split("\n")[0]
        assert "session 3 · Options" in hits[0]
        assert "of Ask Kim for the budget" in hits[4]  # a review names its action
        assert "focus for next session" in hits[3]
        assert hits[5].split("\n")[1].strip() == f"the {WORD} project stalls"
        assert status(pilot).startswith("6 matches")


async def test_each_filter_narrows_and_says_so(make_app, practice) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        assert len(await search_for(pilot, f"{WORD} client:ann")) == 2
        assert "Ann Lee" in status(pilot)
        hits = await search_for(pilot, f"{WORD} kind:private")
        assert len(hits) == 1 and "~ PRIVATE" in hits[0]
        hits = await search_for(pilot, f"{WORD} stage:real")
        assert [h.split("\n")[1].strip() for h in hits] == [
            f"is {WORD} a way to avoid the conflict?",
            f"the {WORD} project stalls",
        ]
        since = (FIXED_NOW - timedelta(weeks=7, days=3)).date().isoformat()
        assert len(await search_for(pilot, f"{WORD} since:{since}")) == 4  # session 3 only
        assert len(await search_for(pilot, f'"{WORD} project"')) == 1
        assert await search_for(pilot, f"{WORD} client:zoe") == []
        assert "No client's name begins with “zoe”" in status(pilot)
        assert await search_for(pilot, "nowhere") == []
        assert status(pilot).startswith("Nothing found")


async def test_enter_opens_the_session_at_the_note(make_app, practice) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await search_for(pilot, f"{WORD} kind:note")
        await pilot.press("enter")
        await pilot.pause()
        record = pilot.app.screen
        assert isinstance(record, SessionRecordScreen)
        assert record.session.number == 1 and record.note_index == 1
        picked = [line for line in record.query(EntryLine) if line.has_class("-picked")]
        assert [line.body.plain for line in picked] == [f"the {WORD} project stalls"]
        # / goes back to the results as they were.
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchScreen)
        assert pilot.app.screen.box.value == f"{WORD} kind:note"


async def test_enter_on_a_reflection_or_review_marks_its_block(make_app, practice) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await search_for(pilot, f"{WORD} kind:reflection")
        await pilot.press("enter")
        await pilot.pause()
        record = pilot.app.screen
        assert isinstance(record, SessionRecordScreen) and record.session.number == 3
        block = record.query_one("#record-reflection", Static)
        assert block.has_class("-picked") and f"ask about {WORD} first" in shown(block)
        await pilot.press("escape")
        await search_for(pilot, f"{WORD} kind:review")
        await pilot.press("enter")
        await pilot.pause()
        record = pilot.app.screen
        assert isinstance(record, SessionRecordScreen) and record.session.number == 2
        assert record.query_one("#record-reviews", Static).has_class("-picked")


async def test_typed_then_enter_at_once_opens_what_was_typed(make_app, practice) -> None:
    """A fast "word, Enter" opens that word's hit, not the hits of its first letters."""
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "/", '"the zephyr p', ["enter"])  # an unfinished phrase: Ann's note
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        record = pilot.app.screen
        assert isinstance(record, SessionRecordScreen)
        assert record.session.number == 1 and record.note_index == 1


async def test_slash_is_typed_in_a_field_and_escape_goes_home(make_app, practice) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await search_for(pilot, "a/b")
        assert pilot.app.screen.query_one("#search-box", Input).value == "a/b"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_enter_before_the_hits_arrive_searches_first(make_app, practice) -> None:
    """Enter handled before the worker's hits for the box's text: the search runs there and then."""
    async with make_app().run_test(size=(80, 24)) as pilot:
        await search_for(pilot, WORD)  # hits for another text on screen
        screen = pilot.app.screen
        screen.box.value = f'"the {WORD} p'
        screen.query_one("#search-box", Input).post_message(Input.Submitted(screen.box, screen.box.value))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        record = pilot.app.screen
        assert isinstance(record, SessionRecordScreen)
        assert record.session.number == 1 and record.note_index == 1


async def test_the_record_is_scrolled_to_a_note_far_down(make_app, repo, clock) -> None:
    from coachtui.demo import build_demo_practice

    build_demo_practice(repo, today=clock.now.date())
    async with make_app().run_test(size=(80, 24)) as pilot:
        await search_for(pilot, '"hiring managers read"')
        await pilot.press("enter")
        await pilot.pause()
        record = pilot.app.screen
        assert isinstance(record, SessionRecordScreen)
        body = record.query_one("#record-body")
        [line] = [line for line in record.query(EntryLine) if line.has_class("-picked")]
        assert line.body.plain.startswith("“Mei told me hiring managers read")
        assert body.scroll_y > 0
        assert body.scroll_y <= line.virtual_region.y < body.scroll_y + body.size.height


@pytest.mark.parametrize("key", ["o", "h", "a", "g", "t"])
async def test_slash_opens_the_search_from_the_review_screens(make_app, practice, key) -> None:
    """The plan and the CPD journal keep their own / (a filter of what they show)."""
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        opened = pilot.app.screen
        assert not isinstance(opened, HomeScreen | SearchScreen)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is opened
