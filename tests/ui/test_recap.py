"""The recap screen: m in a session's record, F9 in the reflection after the close; c copies, w writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachtui.domain.models import NoteKind
from coachtui.ui.reflection.reflection import ReflectionScreen
from coachtui.ui.review.recap import RecapScreen
from coachtui.ui.review.record import SessionRecordScreen
from tests.ui.test_review import open_record


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The recap's write key saves into the documents folder: here, one in tmp_path."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path))
    return folder


def shown_text(screen: RecapScreen) -> str:
    """The Markdown's text as laid out on screen, block by block."""
    return "\n".join(str(block.content) for block in screen.query("#recap-text > *"))


async def test_recap_from_the_record_copies_and_writes(make_app, practice, documents: Path) -> None:
    dana = practice.find_client("dana")
    session = practice.find_session("dana 1")
    private = [n.text for n in session.notes if n.kind is NoteKind.PRIVATE]
    assert private, "the demo's first session with Dana has a private note to keep out"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await open_record(pilot, "Dana Ortiz", 1)
        assert isinstance(record, SessionRecordScreen)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RecapScreen)
        text = shown_text(screen)
        assert " ".join(session.goal.split()) in text and "Hi Dana," in text
        assert all(note not in text and note not in screen.text for note in private)
        await pilot.press("c")
        assert app.clipboard == screen.text
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = documents / "coachtui-recap-dana-ortiz-1.md"
        assert written.read_text(encoding="utf-8") == screen.text
        assert written.stat().st_mode & 0o777 == 0o600
        assert any(str(written) in str(n.message) for n in app._notifications)
        assert practice.exports_of(session.client_id) == [written]  # named by an erasure
        await pilot.press("escape")
        assert isinstance(app.screen, SessionRecordScreen)
    assert dana.id == session.client_id


async def test_a_write_that_fails_says_why_and_leaves_nothing(
    make_app, practice, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents.rmdir()
    (documents.parent / "Documents").write_text("not a folder")  # the home folder is used instead
    monkeypatch.setenv("HOME", str(documents.parent / "gone"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_record(pilot, "Sam Okafor", 1)
        await pilot.press("m", "w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("Cannot write" in m and "Nothing was written." in m for m in messages)
        assert not (documents.parent / "gone").exists()


async def test_f9_in_the_reflection_after_the_close_opens_the_recap(make_app, practice) -> None:
    session = practice.find_session("sam last")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_reflection(session.client_id, session.id)
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen) and app.screen.session.id == session.id
        await pilot.press("escape")
        assert isinstance(app.screen, ReflectionScreen)
