"""Tests broken, newer and older files: reported by name, never overwritten, old ones migrated."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from coachtui.domain.models import Client, Goal, LiveDraft
from coachtui.store.errors import CorruptFileError, NewerSchemaError
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session, snapshot

BROKEN = {
    "garbage": b"\x89PNG\r\n\x1a\n\x00\x00 not json at all",
    "truncated": b'{"_meta": {"1": {"kind": "practice", "schema_version": 1}}, "clients": {"1": {"id": "a',
    "invalid record": json.dumps(
        {
            "_meta": {"1": {"kind": "practice", "schema_version": 1}},
            "clients": {"1": {"id": "abc", "name": "", "schema_version": 1}},
        }
    ).encode(),
}


@pytest.fixture
def practice(data_dir: Path) -> Path:
    """A valid data folder with one client and a backup of practice.json."""
    with Repository.open(data_dir) as repo:
        repo.save_client(Client(id="c0ffee000001", name="Ann"))
    Repository.open(data_dir).close()  # reopening takes the daily backup
    return data_dir / "practice.json"


@pytest.mark.parametrize("kind", BROKEN)
def test_corrupt_practice_file(data_dir: Path, practice: Path, kind: str) -> None:
    practice.write_bytes(BROKEN[kind])
    before = snapshot(data_dir)
    with pytest.raises(CorruptFileError) as caught:
        Repository.open(data_dir)
    message = str(caught.value)
    assert str(practice) in message and "left untouched" in message
    assert caught.value.latest_backup is not None and str(caught.value.latest_backup) in message
    if kind == "invalid record":
        assert "'clients' record 'abc'" in message and "name" in message
    assert snapshot(data_dir) == before
    # The lock was released: a fixed file opens again.
    practice.write_bytes(caught.value.latest_backup.read_bytes())
    with Repository.open(data_dir) as repo:
        assert [c.name for c in repo.list_clients()] == ["Ann"]


@pytest.mark.parametrize("kind", BROKEN)
def test_corrupt_client_file_is_never_written(data_dir: Path, practice: Path, kind: str) -> None:
    client_file = data_dir / "clients" / "c0ffee000001.json"
    content = BROKEN[kind].replace(b'"practice"', b'"client"').replace(b'"clients"', b'"goals"')
    client_file.write_bytes(content)
    with Repository.open(data_dir) as repo:
        for attempt in (
            lambda: repo.list_goals("c0ffee000001"),
            lambda: repo.save_goal(Goal(client_id="c0ffee000001", title="new")),
            lambda: repo.close_session(as_closed(make_session("c0ffee000001", 1)), []),
        ):
            with pytest.raises(CorruptFileError) as caught:
                attempt()
            assert str(client_file) in str(caught.value)
            assert client_file.read_bytes() == content
        assert [c.name for c in repo.list_clients()] == ["Ann"]  # the rest of the practice still works
    assert client_file.read_bytes() == content
    assert not list((data_dir / "backups").glob("c0ffee000001.*"))  # a broken file is never backed up


def test_corrupt_draft_is_reported_and_kept(data_dir: Path, practice: Path) -> None:
    draft = data_dir / "drafts" / "abc123.json"
    draft.write_bytes(b'{"draft": ')
    with Repository.open(data_dir) as repo:
        assert repo.list_drafts() == []
        (notice,) = repo.take_draft_notices()
    (kept,) = (data_dir / "drafts").glob("abc123.broken-*.json")
    assert "abc123.json" in notice and str(kept) in notice
    assert kept.read_bytes() == b'{"draft": ' and not draft.exists()


@pytest.mark.parametrize("where", ["file", "record"])
def test_newer_practice_file_is_refused(data_dir: Path, practice: Path, where: str) -> None:
    data = json.loads(practice.read_bytes())
    if where == "file":
        data["_meta"]["1"]["schema_version"] = 2
    else:
        data["clients"]["1"]["schema_version"] = 2
    practice.write_bytes(json.dumps(data).encode())
    before = snapshot(data_dir)
    with pytest.raises(NewerSchemaError) as caught:
        Repository.open(data_dir)
    assert str(practice) in str(caught.value) and "upgrade coachtui" in str(caught.value).lower()
    assert "version 2" in str(caught.value) and "left untouched" in str(caught.value)
    assert snapshot(data_dir) == before


def test_newer_client_file_is_refused(data_dir: Path, practice: Path) -> None:
    client_file = data_dir / "clients" / "c0ffee000001.json"
    client_file.write_bytes(b'{"_meta": {"1": {"kind": "client", "schema_version": 5}}}')
    with Repository.open(data_dir) as repo, pytest.raises(NewerSchemaError, match="version 5"):
        repo.save_goal(Goal(client_id="c0ffee000001", title="x"))
    assert client_file.read_bytes() == b'{"_meta": {"1": {"kind": "client", "schema_version": 5}}}'


def test_newer_draft_is_refused(data_dir: Path, practice: Path) -> None:
    with Repository.open(data_dir) as repo:
        repo.save_draft(LiveDraft(session=make_session("c0ffee000001", 1, id="5e5510000001")))
    draft = data_dir / "drafts" / "5e5510000001.json"
    draft.write_bytes(draft.read_bytes().replace(b'"schema_version":1', b'"schema_version":3'))
    with Repository.open(data_dir) as repo:
        assert repo.list_drafts() == []
        (notice,) = repo.take_draft_notices()
    assert "newer coachtui" in notice and draft.exists()


V0_PRACTICE = {
    "clients": {"1": {"id": "c1", "name": "Ann", "consent_to_be_named": True}},
    "summaries": {"1": {"client_id": "c1", "sessions_held": 1}},
}
V0_CLIENT = {
    "sessions": {
        "1": {
            "id": "s1",
            "client_id": "c1",
            "number": 1,
            "started_at": "2025-01-06T10:00:00",
            "status": "closed",
            "notes": [{"at": "2025-01-06T10:01:00", "stage": "goal", "tag": "insight", "text": "aha"}],
        }
    }
}


def test_version_0_files_migrate_and_are_written_back_on_next_save(data_dir: Path) -> None:
    (data_dir / "clients").mkdir(parents=True)
    practice, client_file = data_dir / "practice.json", data_dir / "clients" / "c1.json"
    practice.write_text(json.dumps(V0_PRACTICE))
    client_file.write_text(json.dumps(V0_CLIENT))
    original = practice.read_bytes(), client_file.read_bytes()
    with Repository.open(data_dir) as repo:
        assert repo.get_client("c1").consent_named_in_log is True
        assert repo.list_sessions("c1")[0].notes[0].kind == "insight"
        assert (practice.read_bytes(), client_file.read_bytes()) == original  # reading writes nothing
        repo.save_client(repo.get_client("c1").model_copy(update={"email": "ann@example.org"}))
        repo.save_goal(Goal(client_id="c1", title="Grow"))
    for path, old in zip((practice, client_file), original, strict=True):
        data = json.loads(path.read_bytes())
        assert data["_meta"]["1"]["schema_version"] == 1
        assert all(doc["schema_version"] == 1 for table in data.values() for doc in table.values())
        backups = sorted((data_dir / "backups").glob(f"{path.stem}.*.json"))
        assert backups and backups[0].read_bytes() == old  # the old file is kept before the first write
    text = client_file.read_text()
    assert '"tag"' not in text and '"kind":"insight"' in text
    assert "consent_to_be_named" not in practice.read_text()
    with Repository.open(data_dir) as repo:
        assert repo.get_client("c1").email == "ann@example.org"


def test_migrated_file_is_backed_up_before_its_first_write_even_after_todays_backup(data_dir: Path) -> None:
    data_dir.mkdir()
    practice = data_dir / "practice.json"
    practice.write_text(json.dumps(V0_PRACTICE))
    original = practice.read_bytes()
    (data_dir / "backups").mkdir()
    earlier_today = data_dir / "backups" / f"practice.{datetime.now():%Y%m%d}-000001.json"
    earlier_today.write_bytes(b"an older state of the day")
    with Repository.open(data_dir) as repo:
        assert sorted((data_dir / "backups").iterdir()) == [earlier_today]  # no second daily backup
        repo.set_setting("theme", "dark")
    backups = sorted((data_dir / "backups").iterdir())
    assert len(backups) == 2 and backups[-1].read_bytes() == original
