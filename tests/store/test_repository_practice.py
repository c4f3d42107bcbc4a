"""Tests the repository's practice file: opening, clients, summaries, reflections, settings, erasure."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from coachtui.domain.models import Action, CheckIn, Client, LiveDraft, Reflection, Session
from coachtui.store.errors import AmbiguousReference, ReadOnlyError, RecordNotFound, StoreError
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session


def test_open_creates_the_layout(tmp_path: Path) -> None:
    data_dir = tmp_path / "deep" / "data"
    with Repository.open(data_dir) as repo:
        assert repo.data_dir == data_dir and not repo.read_only
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "clients",
        "coachtui.lock",
        "drafts",
        "practice.json",
    ]
    assert json.loads((data_dir / "practice.json").read_bytes()) == {
        "_meta": {"1": {"kind": "practice", "schema_version": 1}}
    }


def test_read_only_open_creates_nothing(tmp_path: Path) -> None:
    with Repository.open(tmp_path / "none", read_only=True) as repo:
        assert repo.read_only and repo.list_clients() == []
        with pytest.raises(ReadOnlyError):
            repo.save_client(Client(name="Ann"))
    assert not (tmp_path / "none").exists()


def test_closed_repository_refuses_calls(data_dir: Path) -> None:
    repo = Repository.open(data_dir)
    repo.close()
    repo.close()
    with pytest.raises(StoreError, match="closed"):
        repo.list_clients()


def test_clients_sorted_by_name_case_insensitive(repo: Repository) -> None:
    for name in ["bob", "Ann", "carla", "Bea"]:
        repo.save_client(Client(name=name))
    assert [c.name for c in repo.list_clients()] == ["Ann", "Bea", "bob", "carla"]


def test_save_client_inserts_then_updates(repo: Repository, client: Client) -> None:
    client.email = "new@example.org"
    repo.save_client(client)
    assert len(repo.list_clients()) == 1
    assert repo.get_client(client.id).email == "new@example.org"


def test_get_unknown_client(repo: Repository) -> None:
    with pytest.raises(RecordNotFound, match="No client matches 'nope'"):
        repo.get_client("nope")


def test_client_ids_must_be_safe_file_names(repo: Repository) -> None:
    with pytest.raises(ValueError, match="not a valid record id"):
        repo.save_client(Client(id="../evil", name="X"))


def test_find_client(repo: Repository) -> None:
    dana = Client(id="aa11bb22cc33", name="Dana Ortiz")
    dan = Client(id="aa99bb22cc33", name="Dan")
    eve = Client(id="ee11bb22cc33", name="Eve Stone")
    for c in (dana, dan, eve):
        repo.save_client(c)
    assert repo.find_client("ee11bb22cc33") == eve
    assert repo.find_client("ee1") == eve
    assert repo.find_client("eve") == eve
    assert repo.find_client("DAN") == dan  # an exact name wins over the longer names it prefixes
    assert repo.find_client("dana o") == dana
    with pytest.raises(AmbiguousReference) as caught:
        repo.find_client("aa")
    assert "Dana Ortiz (aa11bb22cc33)" in str(caught.value) and "Dan (aa99bb22cc33)" in str(caught.value)
    with pytest.raises(RecordNotFound):
        repo.find_client("zed")
    with pytest.raises(RecordNotFound):
        repo.find_client("  ")


def test_summary_follows_the_client_file(repo: Repository, client: Client) -> None:
    assert repo.summary(client.id).sessions_held == 0
    first = make_session(client.id, 1)
    repo.close_session(
        as_closed(first), [Action(client_id=client.id, text="Call Sam", due=date(2026, 3, 20))]
    )
    repo.save_action(Action(client_id=client.id, text="Undated"))
    repo.save_checkin(CheckIn(client_id=client.id, at_session=4, on_date=date(2026, 5, 1)))
    repo.save_checkin(CheckIn(client_id=client.id, at_session=2, on_date=date(2026, 4, 1), done=True))
    repo.save_session(make_session(client.id, 2))  # live: not held yet
    summary = repo.summary(client.id)
    assert summary.sessions_held == 1
    assert summary.last_session_at == first.started_at
    assert summary.open_action_due_dates == [date(2026, 3, 20), None]
    assert (summary.next_checkin, summary.next_checkin_session) == (date(2026, 5, 1), 4)
    assert summary.sessions_without_reflection == [first.id]
    repo.save_reflection(Reflection(session_id=first.id, client_id=client.id, what_worked="silence"))
    assert repo.summary(client.id).sessions_without_reflection == []
    assert repo.summaries() == {client.id: repo.summary(client.id)}


def test_summaries_are_read_without_opening_client_files(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Repository.open(data_dir) as repo:
        for name in ["Ann", "Bob"]:
            c = Client(name=name)
            repo.save_client(c)
            repo.close_session(as_closed(make_session(c.id, 1)), [])
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (read.append(self.name), real(self))[1])
    with Repository.open(data_dir) as repo:
        assert [s.sessions_held for s in repo.summaries().values()] == [1, 1]
        repo.list_clients()
    assert set(read) == {"practice.json"}


def test_summary_of_unknown_client(repo: Repository) -> None:
    with pytest.raises(RecordNotFound):
        repo.summary("nope")


def test_reflections(repo: Repository, client: Client) -> None:
    older = Reflection(session_id="s1", client_id=client.id, created_at=datetime(2026, 1, 1, 10))
    newer = Reflection(session_id="s2", client_id=client.id, created_at=datetime(2026, 2, 1, 10))
    repo.save_reflection(older)
    repo.save_reflection(newer)
    assert repo.list_reflections() == [newer, older]
    assert repo.get_reflection("s1") == older
    assert repo.get_reflection("s3") is None
    older.learned = "slow down"
    repo.save_reflection(older)  # one reflection per session: replaced
    assert len(repo.list_reflections()) == 2 and repo.get_reflection("s1") == older
    with pytest.raises(RecordNotFound):
        repo.save_reflection(Reflection(session_id="s9", client_id="ghost"))


def test_settings(repo: Repository) -> None:
    assert repo.get_setting("framework", "grow") == "grow"
    repo.set_setting("framework", "oskar")
    repo.set_setting("framework", "clear")
    assert repo.get_setting("framework") == "clear"
    repo.set_setting("framework", None)
    assert repo.get_setting("framework", "grow") == "grow"
    assert "framework" not in (repo.data_dir / "practice.json").read_text()
    value = {"what_worked": "pauses", "competencies": ["Listens actively"]}
    repo.set_setting("draft:s1", value)
    repo.close()
    with Repository.open(repo.data_dir) as reopened:
        assert reopened.get_setting("draft:s1") == value


def test_erase_client(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        keep, gone = Client(name="Keep"), Client(name="Gone")
        for c in (keep, gone):
            repo.save_client(c)
            closed = make_session(c.id, 1, notes=2)
            repo.close_session(as_closed(closed), [])
            repo.save_reflection(Reflection(session_id=closed.id, client_id=c.id))
            repo.save_draft(LiveDraft(session=make_session(c.id, 2)))
    with Repository.open(data_dir) as repo:
        repo.list_sessions(gone.id)  # loads the file, which takes its daily backup
        assert list((data_dir / "backups").glob(f"{gone.id}.*.json"))
        repo.erase_client(gone.id)
        assert [c.name for c in repo.list_clients()] == ["Keep"]
        assert [r.client_id for r in repo.list_reflections()] == [keep.id]
        assert [d.session.client_id for d in repo.list_drafts()] == [keep.id]
        assert set(repo.summaries()) == {keep.id}
        with pytest.raises(RecordNotFound):
            repo.erase_client(gone.id)
    assert not (data_dir / "clients" / f"{gone.id}.json").exists()
    assert not list((data_dir / "backups").glob(f"{gone.id}.*.json"))
    assert gone.id not in (data_dir / "practice.json").read_text()
    assert (data_dir / "clients" / f"{keep.id}.json").exists()


def test_find_session(repo: Repository) -> None:
    ann, bob = Client(name="Ann"), Client(name="Bob")
    for c in (ann, bob):
        repo.save_client(c)
    s1 = make_session(ann.id, 1, id="ab0000000001")
    s2 = make_session(ann.id, 2, id="ab0000000002")
    s3 = make_session(bob.id, 1, id="cd0000000003")
    for s in (s1, s2, s3):
        repo.save_session(s)
    assert repo.find_session("cd0000000003") == s3
    assert repo.find_session("cd") == s3
    assert repo.find_session("ann#2") == s2
    assert repo.find_session("bob #1") == s3
    with pytest.raises(AmbiguousReference, match="Ann #1"):
        repo.find_session("ab")
    for missing in ("zz", "ann#7", "ann#x", "nobody#1"):
        with pytest.raises(RecordNotFound):
            repo.find_session(missing)


def test_find_session_after_reopening(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann")
        repo.save_client(ann)
        target = make_session(ann.id, 1)
        repo.save_session(target)
    with Repository.open(data_dir) as repo:
        assert repo.find_session(target.id[:6]) == target
        assert isinstance(repo.find_session(f"{ann.id}#1"), Session)


def test_stale_summary_is_repaired_when_the_client_file_is_read(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann")
        repo.save_client(ann)
        before_close = (data_dir / "practice.json").read_bytes()
        repo.close_session(as_closed(make_session(ann.id, 1)), [])
    # As if coachtui died between writing the client file and practice.json.
    (data_dir / "practice.json").write_bytes(before_close)
    with Repository.open(data_dir, read_only=True) as viewer:
        assert viewer.summary(ann.id).sessions_held == 0
        viewer.list_sessions(ann.id)
        assert viewer.summary(ann.id).sessions_held == 1
    with Repository.open(data_dir) as repo:
        repo.list_sessions(ann.id)
        assert repo.summary(ann.id).sessions_held == 1
        assert (data_dir / "practice.json").read_bytes() == before_close  # reading wrote nothing
        repo.set_setting("theme", "dark")
    with Repository.open(data_dir) as repo:
        assert repo.summary(ann.id).sessions_held == 1


def test_temp_files_left_by_a_crash_are_swept(data_dir: Path) -> None:
    Repository.open(data_dir).close()
    leftovers = [
        data_dir / ".practice.json.1a2b3c4d.tmp",
        data_dir / "clients" / ".abc.json.1a2b3c4d.tmp",
        data_dir / "drafts" / ".s1.json.1a2b3c4d.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b'{"half": ')
    keep = data_dir / "clients" / "notes.tmp"  # not one of ours
    keep.write_bytes(b"")
    Repository.open(data_dir).close()
    assert not any(path.exists() for path in leftovers)
    assert keep.exists()
