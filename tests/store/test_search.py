"""Tests the notes search: what it finds and in which order, and that its index stays a faithful cache
of the client files (rebuilt when missing, stale, corrupt or unwritable; private; erased with a client)."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from coachtui.domain.models import Client, Note, NoteKind, Session
from coachtui.store import search
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import T0, make_session, mode


def with_notes(client_id: str, number: int, *texts: str) -> Session:
    session = make_session(client_id, number)
    session.notes = [
        Note(at=session.started_at + timedelta(minutes=i), stage="reality", text=text, kind=NoteKind.NOTE)
        for i, text in enumerate(texts)
    ]
    return session


@pytest.fixture
def practice(data_dir: Path) -> tuple[Client, Client]:
    with Repository.open(data_dir) as repo:
        ann, bob = Client(name="Ann"), Client(name="Bob")
        for c in (ann, bob):
            repo.save_client(c)
        repo.save_sessions(
            ann.id,
            [
                with_notes(ann.id, 1, "Wants a Negotiation plan", "talked about sleep"),
                with_notes(ann.id, 3, "negotiation went well", "Hope, not time"),
            ],
        )
        repo.save_sessions(bob.id, [with_notes(bob.id, 2, "NEGOTIATING the raise", "hope not time")])
    return ann, bob


def test_finds_words_and_word_beginnings_ignoring_case_newest_session_first(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    ann, bob = practice
    with Repository.open(data_dir) as repo:
        hits = repo.search_notes("negotiat")
        assert [(h.client_id, h.session_number, h.text) for h in hits] == [
            (ann.id, 3, "negotiation went well"),
            (bob.id, 2, "NEGOTIATING the raise"),
            (ann.id, 1, "Wants a Negotiation plan"),
        ]
        first = hits[0]
        assert first.session_started_at == T0 + timedelta(weeks=3)
        assert (first.note_index, first.stage, first.kind) == (0, "reality", NoteKind.NOTE)
        assert first.at == first.session_started_at
        assert [h.session_number for h in repo.search_notes("NEGOTIAT", limit=2)] == [3, 2]
        # The query as typed, punctuation included, like grep -i.
        assert [h.text for h in repo.search_notes("hope, not")] == ["Hope, not time"]
        assert [h.text for h in repo.search_notes("hope not")] == ["hope not time"]
        assert repo.search_notes("gotiat") == []  # words are found from their beginning
        assert repo.search_notes("  ") == repo.search_notes("?!") == []
        assert repo.search_notes("negotiation", limit=0) == []


def test_index_follows_the_client_files(data_dir: Path, practice: tuple[Client, Client]) -> None:
    ann, bob = practice
    with Repository.open(data_dir) as repo:
        assert repo.refresh_search_index() == 2
        assert repo.refresh_search_index() == 0
        repo.save_session(with_notes(ann.id, 4, "a new negotiation"))
        rewritten = with_notes(ann.id, 1, "rewritten: no more sleep talk")
        rewritten.id = repo.list_sessions(ann.id)[0].id
        repo.close_session(as_closed(rewritten), [])
        assert repo.search_notes("sleep")[0].text == "rewritten: no more sleep talk"
        assert [h.text for h in repo.search_notes("negotiation")] == [
            "a new negotiation",
            "negotiation went well",
        ]
        assert repo.refresh_search_index() == 0  # only Ann's file was read again, by the search
    # Written while the index was closed (a later run of coachtui, a restored backup): noticed too.
    with Repository.open(data_dir) as repo:
        changed = with_notes(bob.id, 2, "now about boundaries")
        changed.id = repo.list_sessions(bob.id)[0].id
        repo.save_sessions(bob.id, [changed])
    with Repository.open(data_dir) as repo:
        assert [h.client_id for h in repo.search_notes("boundaries")] == [bob.id]
        assert repo.search_notes("raise") == []


def test_the_index_is_private_and_erased_with_a_client(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    ann, bob = practice
    old = os.umask(0)
    try:
        with Repository.open(data_dir) as repo:
            assert repo.search_notes("hope")
            index = data_dir / "index" / "notes.sqlite3"
            assert oct(mode(index)) == "0o600" and oct(mode(index.parent)) == "0o700"
            repo.erase_client(ann.id)
            assert not index.exists()  # nothing of Ann's notes is left in it
            assert [h.client_id for h in repo.search_notes("hope")] == [bob.id]
    finally:
        os.umask(old)
    assert {oct(mode(p)) for p in (data_dir / "index").iterdir()} == {"0o600"}


def test_a_corrupt_or_older_index_is_rebuilt(data_dir: Path, practice: tuple[Client, Client]) -> None:
    with Repository.open(data_dir) as repo:
        repo.refresh_search_index()
    index = data_dir / "index" / "notes.sqlite3"
    index.write_bytes(b"not a database at all" * 100)
    with Repository.open(data_dir) as repo:
        assert len(repo.search_notes("negotiat")) == 3
    import sqlite3

    with sqlite3.connect(index) as db:
        db.execute(f"PRAGMA user_version = {search.INDEX_VERSION + 1}")
    with Repository.open(data_dir) as repo:
        assert repo.refresh_search_index() == 2
        assert len(repo.search_notes("negotiat")) == 3


def test_an_unusable_index_folder_falls_back_to_memory(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    (data_dir / "index").mkdir(mode=0o700)
    (data_dir / "index" / "notes.sqlite3").mkdir()  # cannot be opened as a file
    with Repository.open(data_dir) as repo:
        assert len(repo.search_notes("negotiat")) == 3


def test_read_only_searches_in_memory_and_writes_nothing(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    with Repository.open(data_dir, read_only=True) as viewer:
        assert len(viewer.search_notes("negotiat")) == 3
    assert not (data_dir / "index").exists()


def test_an_unreadable_client_file_is_skipped_until_it_changes(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    ann, bob = practice
    (data_dir / "clients" / f"{bob.id}.json").write_text('{"sessions": ')
    with Repository.open(data_dir) as repo:
        assert [h.client_id for h in repo.search_notes("negotiat")] == [ann.id, ann.id]
    data = {"_meta": {"1": {"kind": "client", "schema_version": 1}}, "sessions": {"1": {"id": "x"}}}
    (data_dir / "clients" / f"{bob.id}.json").write_text(json.dumps(data))  # valid JSON, odd session
    with Repository.open(data_dir) as repo:
        assert [h.client_id for h in repo.search_notes("negotiat")] == [ann.id, ann.id]
