"""Tests a folder that lost its practice.json: refused as a new practice, rebuilt by `repair`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coachtui.domain.models import Client
from coachtui.store import backups
from coachtui.store.errors import CorruptFileError, NewerSchemaError, PracticeMissingError
from coachtui.store.repair import rebuild_practice
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.conftest import FakeClock
from tests.store.conftest import make_session, snapshot

ANN = Client(id="a00000000001", name="Ann Lee")
BEN = Client(id="b00000000002", name="Ben Ode")
CY = Client(id="c00000000003", name="Cy Park")


@pytest.fixture
def practice(data_dir: Path, clock: FakeClock) -> Path:
    """Ann (1 session) and Ben (no client file) in a backup; Cy (2 sessions) added the day after it."""
    with Repository.open(data_dir, clock=clock) as repo:
        repo.save_client(ANN)
        repo.save_client(BEN)
        repo.save_session(make_session(ANN.id, 1))
    clock.advance(days=1)
    with Repository.open(data_dir, clock=clock) as repo:  # takes the day's backup of practice.json
        repo.save_client(CY)
        repo.save_sessions(CY.id, [as_closed(make_session(CY.id, 1)), as_closed(make_session(CY.id, 2))])
    assert len(backups.list_backups(data_dir / "practice.json")) == 1
    return data_dir / "practice.json"


@pytest.mark.parametrize("read_only", [False, True])
def test_a_missing_practice_file_beside_client_files_is_not_started_afresh(
    practice: Path, read_only: bool
) -> None:
    practice.unlink()
    before = snapshot(practice.parent)
    with pytest.raises(PracticeMissingError) as raised:
        Repository.open(practice.parent, read_only=read_only)
    message = str(raised.value)
    assert "no practice.json" in message and "2 clients" in message and "1 backup" in message
    assert "repair" in message and "\n" not in message
    assert snapshot(practice.parent) == before
    assert not practice.exists()


def test_backups_alone_also_refuse_a_new_practice(practice: Path) -> None:
    practice.unlink()
    for client_file in (practice.parent / "clients").iterdir():
        client_file.unlink()
    with pytest.raises(PracticeMissingError, match="1 backup of practice.json"):
        Repository.open(practice.parent)


def test_an_empty_folder_still_starts_a_new_practice(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        assert repo.list_clients() == []
    assert (data_dir / "practice.json").exists()


def test_repair_rebuilds_from_the_backup_and_the_client_files(practice: Path, clock: FakeClock) -> None:
    practice.unlink()
    report = rebuild_practice(practice.parent, clock=clock)
    text = "\n".join(report)
    assert report.changed and "Rebuilt" in text and "3 clients" in text
    assert CY.id in text and "Ben Ode" in text  # added from a client file; in the backup without one
    with Repository.open(practice.parent, clock=clock) as repo:
        names = {c.id: c.name for c in repo.list_clients()}
        assert names == {ANN.id: "Ann Lee", BEN.id: "Ben Ode", CY.id: f"Recovered client {CY.id}"}
    stored = json.loads(practice.read_text())  # the summaries were saved, not only recomputed in memory
    held = {d["client_id"]: d["sessions_held"] for d in stored["summaries"].values()}
    assert held == {ANN.id: 0, BEN.id: 0, CY.id: 2}


def test_repair_keeps_an_unreadable_practice_file_aside(practice: Path, clock: FakeClock) -> None:
    practice.write_bytes(b'{"clients": {"1": {"name": ')
    with pytest.raises(CorruptFileError):
        Repository.open(practice.parent)
    report = rebuild_practice(practice.parent, clock=clock)
    kept = list(practice.parent.glob("practice.broken-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"clients": {"1": {"name": '
    assert str(kept[0]) in "\n".join(report)
    with Repository.open(practice.parent, clock=clock) as repo:
        assert len(repo.list_clients()) == 3


def test_repair_skips_a_broken_newest_backup(practice: Path, clock: FakeClock) -> None:
    older = backups.list_backups(practice)[0]
    newest = older.with_name("practice.20990101-000000.json")
    newest.write_bytes(b"not json")
    practice.unlink()
    text = "\n".join(rebuild_practice(practice.parent, clock=clock))
    assert f"Skipped the backup {newest}" in text and str(older) in text
    with Repository.open(practice.parent, clock=clock) as repo:
        assert {c.name for c in repo.list_clients()} >= {"Ann Lee", "Ben Ode"}


def test_repair_adds_the_clients_of_orphan_client_files_to_a_readable_practice(
    practice: Path, clock: FakeClock
) -> None:
    assert "nothing to repair" in "\n".join(rebuild_practice(practice.parent, clock=clock))
    data = json.loads(practice.read_text())
    data["clients"] = {k: v for k, v in data["clients"].items() if v["id"] != CY.id}
    practice.write_text(json.dumps(data))
    text = "\n".join(rebuild_practice(practice.parent, clock=clock))
    assert "Completed" in text and CY.id in text and "Ben Ode" not in text


def test_repair_without_any_backup_names_every_client_from_its_file(data_dir: Path, clock: FakeClock) -> None:
    with Repository.open(data_dir, clock=clock) as repo:
        repo.save_client(ANN)
        repo.save_session(make_session(ANN.id, 1))
    (data_dir / "practice.json").unlink()
    text = "\n".join(rebuild_practice(data_dir, clock=clock))
    assert "no readable backup" in text
    with Repository.open(data_dir, clock=clock) as repo:
        assert [c.name for c in repo.list_clients()] == [f"Recovered client {ANN.id}"]


def test_repair_leaves_a_dangling_link_and_a_newer_file_alone(
    practice: Path, tmp_path: Path, clock: FakeClock
) -> None:
    newer = json.loads(practice.read_text())
    newer["_meta"]["1"]["schema_version"] = 99
    practice.write_text(json.dumps(newer))
    before = snapshot(practice.parent)
    with pytest.raises(NewerSchemaError):
        rebuild_practice(practice.parent, clock=clock)
    assert snapshot(practice.parent) == before
    practice.unlink()
    practice.symlink_to(tmp_path / "gone" / "practice.json")
    with pytest.raises(CorruptFileError, match="symbolic link"):
        rebuild_practice(practice.parent, clock=clock)
    assert os.path.islink(practice)
