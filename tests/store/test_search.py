"""Tests the notes search: what it finds and in which order, and that its index stays a faithful cache
of the client files (rebuilt when missing, stale, corrupt or unwritable; private; erased with a client)."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

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
from coachtui.domain.search_query import parse_query
from coachtui.store import search
from coachtui.store.repository import Repository
from coachtui.store.search_hits import SearchHit
from tests.closing import as_closed
from tests.store.conftest import T0, make_session, mode


def find(repo: Repository, text: str, limit: int = 50) -> list[SearchHit]:
    """What the search box finds for ``text``."""
    return repo.search(parse_query(text, T0.date()), limit)


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
        hits = find(repo, "negotiat")
        assert [(h.client_id, h.session_number, h.text) for h in hits] == [
            (ann.id, 3, "negotiation went well"),
            (bob.id, 2, "NEGOTIATING the raise"),
            (ann.id, 1, "Wants a Negotiation plan"),
        ]
        first = hits[0]
        assert first.session_started_at == T0 + timedelta(weeks=3)
        assert (first.note_index, first.stage, first.kind) == (0, "reality", NoteKind.NOTE)
        assert first.at == first.session_started_at
        assert [h.session_number for h in find(repo, "NEGOTIAT", limit=2)] == [3, 2]
        # Every word in one note, in any order; a word keeps its punctuation; a phrase is as written.
        assert [h.text for h in find(repo, "hope, not")] == ["Hope, not time"]
        assert [h.text for h in find(repo, "time hope")] == ["Hope, not time", "hope not time"]
        assert [h.text for h in find(repo, '"hope not"')] == ["hope not time"]
        assert find(repo, "hope sleep") == []  # two notes of one session are not one hit
        assert find(repo, "gotiat") == []  # words are found from their beginning
        assert find(repo, "  ") == find(repo, "?!") == []
        assert find(repo, "negotiation", limit=0) == []


def test_index_follows_the_client_files(data_dir: Path, practice: tuple[Client, Client]) -> None:
    ann, bob = practice
    with Repository.open(data_dir) as repo:
        assert repo.refresh_search_index() == 2
        assert repo.refresh_search_index() == 0
        repo.save_session(with_notes(ann.id, 4, "a new negotiation"))
        rewritten = with_notes(ann.id, 1, "rewritten: no more sleep talk")
        rewritten.id = repo.list_sessions(ann.id)[0].id
        repo.close_session(as_closed(rewritten), [])
        assert find(repo, "sleep")[0].text == "rewritten: no more sleep talk"
        assert [h.text for h in find(repo, "negotiation")] == [
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
        assert [h.client_id for h in find(repo, "boundaries")] == [bob.id]
        assert find(repo, "raise") == []


def test_the_index_is_private_and_erased_with_a_client(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    ann, bob = practice
    old = os.umask(0)
    try:
        with Repository.open(data_dir) as repo:
            assert find(repo, "hope")
            index = data_dir / "index" / "notes.sqlite3"
            assert oct(mode(index)) == "0o600" and oct(mode(index.parent)) == "0o700"
            repo.erase_client(ann.id)
            assert not index.exists()  # nothing of Ann's notes is left in it
            assert [h.client_id for h in find(repo, "hope")] == [bob.id]
    finally:
        os.umask(old)
    assert {oct(mode(p)) for p in (data_dir / "index").iterdir()} == {"0o600"}


def test_a_corrupt_or_older_index_is_rebuilt(data_dir: Path, practice: tuple[Client, Client]) -> None:
    with Repository.open(data_dir) as repo:
        repo.refresh_search_index()
    index = data_dir / "index" / "notes.sqlite3"
    index.write_bytes(b"not a database at all" * 100)
    with Repository.open(data_dir) as repo:
        assert len(find(repo, "negotiat")) == 3
    import sqlite3

    with sqlite3.connect(index) as db:
        db.execute(f"PRAGMA user_version = {search.INDEX_VERSION + 1}")
    with Repository.open(data_dir) as repo:
        assert repo.refresh_search_index() == 2
        assert len(find(repo, "negotiat")) == 3


def test_an_unusable_index_folder_falls_back_to_memory(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    (data_dir / "index").mkdir(mode=0o700)
    (data_dir / "index" / "notes.sqlite3").mkdir()  # cannot be opened as a file
    with Repository.open(data_dir) as repo:
        assert len(find(repo, "negotiat")) == 3


def test_read_only_searches_in_memory_and_writes_nothing(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    with Repository.open(data_dir, read_only=True) as viewer:
        assert len(find(viewer, "negotiat")) == 3
    assert not (data_dir / "index").exists()


def test_an_unreadable_client_file_is_skipped_until_it_changes(
    data_dir: Path, practice: tuple[Client, Client]
) -> None:
    ann, bob = practice
    (data_dir / "clients" / f"{bob.id}.json").write_text('{"sessions": ')
    with Repository.open(data_dir) as repo:
        assert [h.client_id for h in find(repo, "negotiat")] == [ann.id, ann.id]
    data = {"_meta": {"1": {"kind": "client", "schema_version": 1}}, "sessions": {"1": {"id": "x"}}}
    (data_dir / "clients" / f"{bob.id}.json").write_text(json.dumps(data))  # valid JSON, odd session
    with Repository.open(data_dir) as repo:
        assert [h.client_id for h in find(repo, "negotiat")] == [ann.id, ann.id]


@pytest.fixture
def everything(data_dir: Path, practice: tuple[Client, Client]) -> tuple[Client, Client]:
    """Ann's and Bob's notes, plus an insight, a quote, a private note, actions (one agreed in a session,
    one added in the plan), their reviews (in a session and between sessions) and a reflection."""
    ann, bob = practice
    with Repository.open(data_dir) as repo:
        session = with_notes(ann.id, 5, "plain note about the budget")
        session.notes += [
            Note(
                at=session.started_at,
                stage="options",
                text="I could delegate the budget",
                kind=NoteKind.INSIGHT,
            ),
            Note(at=session.started_at, stage="will", text="my manager trusts me", kind=NoteKind.QUOTE),
            Note(at=session.started_at, stage="reality", text="budget anxiety again", kind=NoteKind.PRIVATE),
        ]
        agreed = Action(client_id=ann.id, text="Draft the budget memo", session_id=session.id, created_at=T0)
        planned = Action(client_id=bob.id, text="Ask the manager about the budget", created_at=T0)
        later = session.started_at + timedelta(days=3)
        planned.reviews = [
            ActionReview(
                action_id=planned.id,
                at=later,
                outcome=ReviewOutcome.PARTLY,
                learning="budget talk went half way",
            )
        ]
        repo.close_session(as_closed(session), [agreed])
        repo.save_action(planned)
        repo.save_reflection(
            Reflection(
                session_id=session.id,
                client_id=ann.id,
                created_at=session.started_at,
                what_worked="silence after the budget question",
                next_focus="revisit the budget memo",
            )
        )
    return ann, bob


def test_finds_actions_reviews_and_reflections_of_every_client(
    data_dir: Path, everything: tuple[Client, Client]
) -> None:
    ann, bob = everything
    with Repository.open(data_dir) as repo:
        hits = find(repo, "budget")
        assert {(h.kind, h.client_id) for h in hits} == {
            ("note", ann.id),
            ("insight", ann.id),
            ("private", ann.id),
            ("action", ann.id),
            ("action", bob.id),
            ("review", bob.id),
            ("reflection", ann.id),
        }
        review = next(h for h in hits if h.kind == "review")
        assert (review.session_id, review.detail) == (None, "Ask the manager about the budget")
        assert review.anchor.startswith("review:")
        reflection = next(h for h in hits if h.text == "revisit the budget memo")
        assert (reflection.session_number, reflection.detail) == (5, "focus for next session")
        assert reflection.anchor == "reflection:next_focus"
        agreed = next(h for h in hits if h.text == "Draft the budget memo")
        assert agreed.session_number == 5 and agreed.note_index is None
        # Newest first: session 5's entries, then Bob's plan action (created at T0) last.
        assert hits[-1].text == "Ask the manager about the budget"


def test_each_filter_narrows(data_dir: Path, everything: tuple[Client, Client]) -> None:
    ann, bob = everything
    with Repository.open(data_dir) as repo:

        def texts(query: str) -> list[str]:
            return sorted(h.text for h in find(repo, query))

        assert {h.client_id for h in find(repo, "budget client:bob")} == {bob.id}
        assert find(repo, "budget client:nobody") == []
        assert texts("budget kind:insight") == ["I could delegate the budget"]
        assert texts("kind:quote") == ["my manager trusts me"]  # a filter alone lists what it names
        assert texts("budget kind:private") == ["budget anxiety again"]
        assert texts("budget kind:action|review") == [
            "Ask the manager about the budget",
            "Draft the budget memo",
            "budget talk went half way",
        ]
        assert texts("budget stage:opt") == ["I could delegate the budget"]
        assert texts('"manager trusts"') == ["my manager trusts me"]
        assert texts('"trusts manager"') == []
        # since: session 5 is 5 weeks after T0; Bob's plan action was written at T0.
        since = (T0 + timedelta(weeks=4)).date().isoformat()
        assert "Ask the manager about the budget" not in texts(f"budget since:{since}")
        assert "budget talk went half way" in texts(f"budget since:{since}")
        assert texts(f"negotiat since:{since}") == []


def test_a_changed_client_file_indexes_again_only_what_changed(
    data_dir: Path, practice: tuple[Client, Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, _ = practice
    dropped: list[int] = []
    real_drop = search.drop
    monkeypatch.setattr(search, "drop", lambda db, doc_id: (dropped.append(doc_id), real_drop(db, doc_id)))
    with Repository.open(data_dir) as repo:
        repo.refresh_search_index()
        db = repo._search_index()._connect()

        def ann_docs() -> dict[str, bytes]:
            rows = db.execute("SELECT key, digest FROM docs WHERE client_id = ?", (ann.id,))
            return dict(rows.fetchall())

        before = ann_docs()
        repo.save_session(with_notes(ann.id, 7, "a brand new quokka note"))
        assert repo.refresh_search_index() == 1
        assert dropped == []  # Ann's other sessions are not indexed again
        after = ann_docs()
        assert {k: v for k, v in after.items() if k in before} == before and len(after) == len(before) + 1
        assert [h.text for h in find(repo, "quokka")] == ["a brand new quokka note"]
        first = next(s for s in repo.list_sessions(ann.id) if s.number == 1)
        first.notes[0] = first.notes[0].model_copy(update={"text": "Wants a wombat plan"})
        repo.save_session(first)
        assert repo.refresh_search_index() == 1
        changed = ann_docs()
        assert sum(changed[k] != after[k] for k in after) == 1 and len(dropped) == 1  # session 1's only
        assert [h.text for h in find(repo, "wombat")] == ["Wants a wombat plan"]
        assert find(repo, '"negotiation plan"') == []
