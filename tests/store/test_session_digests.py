"""Tests opening a client by its sessions' headings: digests without notes, the notes validated after,
a damaged note refusing the file as a whole, and digests never stale after a save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachtui.domain.models import Client, Goal, NoteKind
from coachtui.store import backups
from coachtui.store.errors import CorruptFileError
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session, snapshot

SECRET = "she said something private"


def _practice(data_dir: Path) -> tuple[str, Path]:
    """Ann with three closed sessions of notes (the second with an insight); her file's path."""
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann")
        repo.save_client(ann)
        for number in (1, 2, 3):
            session = make_session(ann.id, number, notes=number + 1)
            if number == 2:
                session.notes[0].kind = NoteKind.INSIGHT
                session.notes[1].text = SECRET
            repo.save_session(as_closed(session))
    return ann.id, data_dir / "clients" / f"{ann.id}.json"


def _damage_a_note(path: Path) -> None:
    data = json.loads(path.read_bytes())
    session = next(s for s in data["sessions"].values() if s["number"] == 2)
    session["notes"][1]["at"] = "not a time"
    path.write_text(json.dumps(data))


def test_digests_count_what_the_sessions_hold(data_dir: Path) -> None:
    ann, _ = _practice(data_dir)
    with Repository.open(data_dir) as repo:
        digests = repo.list_session_digests(ann)
        sessions = repo.list_sessions(ann)
    assert [d.id for d in digests] == [s.id for s in sessions]
    assert [d.note_count for d in digests] == [len(s.notes) for s in sessions] == [2, 3, 4]
    assert [d.kind_counts for d in digests] == [s.kind_counts for s in sessions]
    assert digests[1].kind_counts == {NoteKind.INSIGHT: 1, NoteKind.NOTE: 2}
    assert not hasattr(digests[0], "notes")  # a digest cannot be saved in place of a session


def test_a_digest_is_never_stale_after_a_save(data_dir: Path) -> None:
    ann, _ = _practice(data_dir)
    with Repository.open(data_dir) as repo:
        assert repo.list_session_digests(ann)[-1].note_count == 4
        repo.save_session(as_closed(make_session(ann, 4, notes=7)))
        last = repo.get_session(ann, repo.list_session_digests(ann)[-1].id)
        last.notes.pop()
        repo.save_session(last)
        assert [d.note_count for d in repo.list_session_digests(ann)] == [2, 3, 4, 6]


def test_a_damaged_note_is_found_after_the_headings_and_the_file_is_then_refused(data_dir: Path) -> None:
    ann, path = _practice(data_dir)
    _damage_a_note(path)
    before = snapshot(data_dir / "clients")
    with Repository.open(data_dir) as repo:
        # The history, the charts and the plan open: they show no note.
        assert [d.number for d in repo.list_session_digests(ann)] == [1, 2, 3]
        with pytest.raises(CorruptFileError) as caught:
            repo.validate_client_file(ann)
        message = str(caught.value)
        assert str(path) in message and "notes.1.at" in message and SECRET not in message
        for attempt in (
            lambda: repo.list_goals(ann),
            lambda: repo.list_session_digests(ann),
            lambda: repo.save_goal(Goal(client_id=ann, title="new")),
        ):
            with pytest.raises(CorruptFileError):
                attempt()
        assert [c.name for c in repo.list_clients()] == ["Ann"]
    assert snapshot(data_dir / "clients") == before  # never written, never backed up
    assert not backups.list_backups(path)


def test_a_save_validates_the_notes_first(data_dir: Path) -> None:
    ann, path = _practice(data_dir)
    _damage_a_note(path)
    content = path.read_bytes()
    with Repository.open(data_dir) as repo:
        repo.list_session_digests(ann)
        with pytest.raises(CorruptFileError, match="notes"):
            repo.save_goal(Goal(client_id=ann, title="new"))
        with pytest.raises(CorruptFileError):
            repo.list_goals(ann)
    assert path.read_bytes() == content


def test_reading_a_damaged_session_refuses_the_file(data_dir: Path) -> None:
    ann, path = _practice(data_dir)
    _damage_a_note(path)
    with Repository.open(data_dir) as repo:
        second = repo.list_session_digests(ann)[1].id
        with pytest.raises(CorruptFileError):
            repo.get_session(ann, second)
        with pytest.raises(CorruptFileError):
            repo.list_session_digests(ann)


def test_the_client_file_is_backed_up_once_validated_whole(data_dir: Path) -> None:
    ann, path = _practice(data_dir)
    with Repository.open(data_dir) as repo:
        repo.list_session_digests(ann)
        assert not backups.list_backups(path)
        repo.validate_client_file(ann)
        assert len(backups.list_backups(path)) == 1


def test_the_session_order_is_by_number_whatever_the_order_saved(data_dir: Path) -> None:
    ann, _ = _practice(data_dir)
    with Repository.open(data_dir) as repo:
        repo.save_session(as_closed(make_session(ann, 5)))
        repo.save_session(as_closed(make_session(ann, 4)))
        assert repo.session_order(ann) == [s.id for s in repo.list_sessions(ann)]
        assert [s.number for s in repo.list_sessions(ann)] == [1, 2, 3, 4, 5]


def test_a_strict_index_names_a_damaged_heading_by_file_and_record(data_dir: Path) -> None:
    """The hours log reads headings only: one the store's own heading does not check (its end) still
    gives the error that names the file and the record, never pydantic's with the value in it."""
    ann, path = _practice(data_dir)
    data = json.loads(path.read_bytes())
    next(s for s in data["sessions"].values() if s["number"] == 2)["ended_at"] = SECRET
    path.write_text(json.dumps(data))
    with Repository.open(data_dir) as repo, pytest.raises(CorruptFileError) as caught:
        repo.client_index(ann, strict=True)
    assert str(path) in str(caught.value) and "ended_at" in str(caught.value)
    assert SECRET not in str(caught.value)
