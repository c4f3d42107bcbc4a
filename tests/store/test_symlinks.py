"""Tests symbolic links in the data folder: written through to their target, a link to nothing reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachtui.domain.models import Client
from coachtui.store.atomic import atomic_write_bytes
from coachtui.store.errors import CorruptFileError, SaveError
from coachtui.store.repository import Repository
from tests.store.conftest import make_session, mode


@pytest.fixture
def synced(tmp_path: Path) -> Path:
    folder = tmp_path / "synced"
    folder.mkdir()
    return folder


def test_a_linked_practice_file_is_written_through_and_stays_a_link(data_dir: Path, synced: Path) -> None:
    with Repository.open(data_dir) as repo:
        repo.save_client(Client(id="c0ffee000001", name="Ann"))
    target = synced / "practice.json"
    (data_dir / "practice.json").rename(target)
    (data_dir / "practice.json").symlink_to(target)
    with Repository.open(data_dir) as repo:
        assert [c.name for c in repo.list_clients()] == ["Ann"]
        repo.save_client(Client(id="c0ffee000002", name="Ben"))
    link = data_dir / "practice.json"
    assert link.is_symlink() and link.resolve() == target
    saved = json.loads(target.read_text())
    assert sorted(doc["name"] for doc in saved["clients"].values()) == ["Ann", "Ben"]
    assert mode(target) == 0o600
    assert [p.name for p in synced.iterdir()] == ["practice.json"]  # no temp file left beside the target


def test_a_linked_client_file_is_written_through(data_dir: Path, synced: Path) -> None:
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann")
        repo.save_client(ann)
        repo.save_session(make_session(ann.id, 1))
    client_file = data_dir / "clients" / f"{ann.id}.json"
    target = synced / client_file.name
    client_file.rename(target)
    client_file.symlink_to(target)
    with Repository.open(data_dir) as repo:
        repo.save_session(make_session(ann.id, 2))
    assert client_file.is_symlink()
    assert len(json.loads(target.read_text())["sessions"]) == 2


def test_a_link_through_a_linked_folder_chain_is_followed(tmp_path: Path, synced: Path) -> None:
    final = synced / "f.json"
    final.write_bytes(b"old")
    middle = tmp_path / "middle.json"
    middle.symlink_to(final)
    link = tmp_path / "f.json"
    link.symlink_to(middle)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and middle.is_symlink() and final.read_bytes() == b"new"


def test_a_dangling_practice_link_is_reported_and_never_replaced(data_dir: Path, synced: Path) -> None:
    data_dir.mkdir()
    missing = synced / "practice.json"
    link = data_dir / "practice.json"
    link.symlink_to(missing)
    with pytest.raises(CorruptFileError) as raised:
        Repository.open(data_dir)
    assert "symbolic link" in str(raised.value) and str(missing) in str(raised.value)
    assert link.is_symlink() and not missing.exists()
    with pytest.raises(CorruptFileError):
        Repository.open(data_dir, read_only=True)
    # The lock was released: the folder can be opened once the link is repaired.
    missing.write_bytes(b"{}")
    Repository.open(data_dir).close()


def test_a_link_that_dangles_during_a_session_fails_the_save_and_stays(data_dir: Path, synced: Path) -> None:
    with Repository.open(data_dir):
        pass
    target = synced / "practice.json"
    (data_dir / "practice.json").rename(target)
    (data_dir / "practice.json").symlink_to(target)
    with Repository.open(data_dir) as repo:
        target.unlink()  # the synced folder went away
        with pytest.raises(SaveError) as raised:
            repo.save_client(Client(name="Ann"))
        assert "symbolic link" in str(raised.value)
        target.write_bytes(b"{}")  # it is back: the change held in memory is saved
    assert (data_dir / "practice.json").is_symlink()
    assert [d["name"] for d in json.loads(target.read_text())["clients"].values()] == ["Ann"]


def test_atomic_write_refuses_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "f.json"
    link.symlink_to(tmp_path / "gone" / "f.json")
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(link, b"new")
    assert link.is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]
