"""Tests that reflections live in one small file per client, move out of an older practice.json, and
that saving many sessions or reflections at once writes each file once."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from coachtui.domain.models import Client, Reflection, SessionStatus
from coachtui.store import atomic
from coachtui.store.errors import RecordNotFound
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session


def closed(client_id: str, number: int, notes: int = 0):
    return make_session(
        client_id, number, notes=notes, status=SessionStatus.CLOSED, ended_at=datetime(2026, 9, 1)
    )


def count_writes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    written: list[str] = []
    real = atomic.atomic_write_bytes
    monkeypatch.setattr(
        atomic, "atomic_write_bytes", lambda p, d: (written.append(Path(p).name), real(p, d))[1]
    )
    return written


def test_reflections_live_beside_the_client_file(data_dir: Path, repo: Repository, client: Client) -> None:
    session = closed(client.id, 1)
    repo.close_session(as_closed(session), [])
    reflection = Reflection(session_id=session.id, client_id=client.id, what_worked="silence")
    repo.save_reflection(reflection)
    stored = json.loads((data_dir / "clients" / f"{client.id}.reflections.json").read_bytes())
    assert [d["what_worked"] for d in stored["reflections"].values()] == ["silence"]
    assert stored["_meta"]["1"]["kind"] == "reflections"
    assert "reflections" not in json.loads((data_dir / "practice.json").read_bytes())
    assert repo.summary(client.id).sessions_without_reflection == []
    repo.close()
    with Repository.open(data_dir, read_only=True) as viewer:
        assert viewer.get_reflection(session.id) == reflection
        assert viewer.get_reflection(session.id, client.id) == reflection
        assert viewer.list_reflections() == [reflection]
        assert viewer.summary(client.id).sessions_without_reflection == []


def test_get_reflection_reads_only_the_clients_file_it_needs(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        ann, bob = Client(name="Ann"), Client(name="Bob")
        for c in (ann, bob):
            repo.save_client(c)
            s = closed(c.id, 1)
            repo.close_session(as_closed(s), [])
            repo.save_reflection(Reflection(session_id=s.id, client_id=c.id, learned=c.name))
        ann_session = repo.list_sessions(ann.id)[0]
    with Repository.open(data_dir) as repo:
        repo.get_session(ann.id, ann_session.id)  # as the reflection screen does first
        assert repo.get_reflection(ann_session.id).learned == "Ann"
        assert set(repo._reflection_files) == {ann.id}
        assert repo.get_reflection("no-such-session") is None  # not in a loaded file: every client is asked


def test_a_ghost_clients_reflection_is_refused(repo: Repository, client: Client) -> None:
    with pytest.raises(RecordNotFound):
        repo.save_reflections(
            [Reflection(session_id="s1", client_id=client.id), Reflection(session_id="s2", client_id="ghost")]
        )
    assert repo.list_reflections() == []  # nothing was written


def test_batch_saves_write_each_file_once(
    data_dir: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, bob = Client(name="Ann"), Client(name="Bob")
    for c in (ann, bob):
        repo.save_client(c)
    written = count_writes(monkeypatch)
    sessions = [closed(ann.id, n, notes=2) for n in range(1, 31)]
    repo.save_sessions(ann.id, sessions)
    assert written == [f"{ann.id}.json", "practice.json"]
    assert repo.list_sessions(ann.id) == sessions
    assert repo.summary(ann.id).sessions_held == 30
    written.clear()
    bob_session = closed(bob.id, 1)
    repo.save_sessions(bob.id, [bob_session])
    written.clear()
    reflections = [Reflection(session_id=s.id, client_id=ann.id) for s in sessions[:20]]
    reflections.append(Reflection(session_id=bob_session.id, client_id=bob.id))
    repo.save_reflections(reflections)
    assert sorted(written) == sorted(
        [f"{ann.id}.reflections.json", f"{bob.id}.reflections.json", "practice.json"]
    )
    assert repo.summary(ann.id).sessions_without_reflection == [s.id for s in sessions[20:]]
    assert repo.summary(bob.id).sessions_without_reflection == []
    with pytest.raises(ValueError, match="another client"):
        repo.save_sessions(ann.id, [closed(bob.id, 2)])


def _legacy_folder(data_dir: Path) -> tuple[Client, Reflection]:
    """A folder as an earlier coachtui wrote it: the reflection in practice.json's reflections table."""
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann")
        repo.save_client(ann)
        session = closed(ann.id, 1)
        repo.close_session(as_closed(session), [])
    reflection = Reflection(
        session_id=session.id, client_id=ann.id, learned="pause", created_at=datetime(2026, 9, 2)
    )
    practice = json.loads((data_dir / "practice.json").read_bytes())
    practice["reflections"] = {"1": reflection.model_dump(mode="json")}
    orphan = Reflection(session_id="s-erased", client_id="erased0client", created_at=datetime(2026, 1, 1))
    practice["reflections"]["2"] = orphan.model_dump(mode="json")
    (data_dir / "practice.json").write_bytes(json.dumps(practice).encode())
    return ann, reflection


def test_reflections_in_an_older_practice_file_are_read_then_moved(data_dir: Path) -> None:
    ann, reflection = _legacy_folder(data_dir)
    with Repository.open(data_dir, read_only=True) as viewer:
        assert viewer.get_reflection(reflection.session_id) == reflection
        viewer.list_sessions(ann.id)
        assert viewer.summary(ann.id).sessions_without_reflection == []
    assert not (data_dir / "clients" / f"{ann.id}.reflections.json").exists()  # read-only moved nothing
    with Repository.open(data_dir) as repo:
        assert repo.get_reflection(reflection.session_id) == reflection
        assert [r.session_id for r in repo.list_reflections()] == [reflection.session_id, "s-erased"]
    moved = json.loads((data_dir / "clients" / f"{ann.id}.reflections.json").read_bytes())
    assert [d["learned"] for d in moved["reflections"].values()] == ["pause"]
    left = json.loads((data_dir / "practice.json").read_bytes())["reflections"]
    assert [d["session_id"] for d in left.values()] == ["s-erased"]  # its client is gone: left alone


def test_a_move_interrupted_before_practice_json_is_finished_next_time(data_dir: Path) -> None:
    ann, reflection = _legacy_folder(data_dir)
    before = (data_dir / "practice.json").read_bytes()
    Repository.open(data_dir).close()
    (data_dir / "practice.json").write_bytes(before)  # as if coachtui died before rewriting practice.json
    with Repository.open(data_dir) as repo:
        assert [r.session_id for r in repo.list_reflections()] == [reflection.session_id, "s-erased"]
        edited = reflection.model_copy(update={"learned": "pause longer"})
        repo.save_reflection(edited)
        assert repo.get_reflection(reflection.session_id) == edited
    assert b"pause longer" not in (data_dir / "practice.json").read_bytes()


def test_a_crash_between_the_reflection_and_practice_json_is_repaired(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann")
        repo.save_client(ann)
        session = closed(ann.id, 1)
        repo.close_session(as_closed(session), [])
        before = (data_dir / "practice.json").read_bytes()
        repo.save_reflection(Reflection(session_id=session.id, client_id=ann.id))
    (data_dir / "practice.json").write_bytes(before)
    with Repository.open(data_dir) as repo:
        assert repo.summary(ann.id).sessions_without_reflection == [session.id]  # stale until read
        repo.list_sessions(ann.id)
        assert repo.summary(ann.id).sessions_without_reflection == []


def test_erasure_removes_the_reflection_file_and_its_backups(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann")
        repo.save_client(ann)
        session = closed(ann.id, 1)
        repo.close_session(as_closed(session), [])
        repo.save_reflection(Reflection(session_id=session.id, client_id=ann.id))
    with Repository.open(data_dir) as repo:
        repo.list_sessions(ann.id)  # reads, and so backs up, both of the client's files
        assert list((data_dir / "backups").glob(f"{ann.id}.reflections.*.json"))
        repo.erase_client(ann.id)
        assert repo.list_reflections() == []
    assert not (data_dir / "clients" / f"{ann.id}.reflections.json").exists()
    assert not list((data_dir / "backups").glob(f"{ann.id}*"))
