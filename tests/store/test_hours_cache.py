"""The hours log's cache (``DATA/index/hours.json``): a second log reads no client file; a changed,
unreadable or foreign cache never gives a wrong log; erasure, restore and encryption leave none of
a client behind; it holds no note, goal or name."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from coachtui.demo import build_demo_practice
from coachtui.domain.hours import HoursLog
from coachtui.domain.models import Payment, SessionStatus
from coachtui.store import client_index, hours
from coachtui.store.archive import write_backup
from coachtui.store.hours import read_hours_log
from coachtui.store.hours_cache import cache_path
from coachtui.store.repository import Repository
from coachtui.store.restore import restore_backup
from tests.crypt_helpers import encrypt, unlock

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 18, 0)


@pytest.fixture
def demo(data_dir: Path) -> Path:
    with Repository.open(data_dir, clock=lambda: NOW) as repo:
        build_demo_practice(repo, today=TODAY)
    return data_dir


def log_of(data_dir: Path) -> HoursLog:
    """``coachtui hours``: the log from a read-only repository, in a fresh one each time."""
    with Repository.open(data_dir, read_only=True) as repo:
        return read_hours_log(repo, TODAY)


def test_a_second_log_reads_no_client_file(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = log_of(demo)
    assert first.rows and cache_path(demo).exists()
    with monkeypatch.context() as patched:
        patched.setattr(client_index, "read_tinydb_file", lambda *a: pytest.fail("a client file was read"))
        patched.setattr(hours, "read_tinydb_file", lambda *a: pytest.fail("a reflections file was read"))
        assert log_of(demo) == first


def test_the_cache_holds_no_note_goal_or_name(demo: Path) -> None:
    log_of(demo)
    cached = cache_path(demo).read_bytes()
    with Repository.open(demo, read_only=True) as repo:
        clients = repo.list_clients()
        words = [c.name for c in clients] + [c.email for c in clients if c.email]
        for client in clients:
            for session in repo.list_sessions(client.id):
                words += [session.goal] + [note.text for note in session.notes]
    for word in {w for w in words if len(w) > 3}:
        assert word.encode() not in cached, word
    assert cache_path(demo).stat().st_mode & 0o777 == 0o600


def test_a_closed_session_and_a_changed_payment_are_counted_at_once(demo: Path) -> None:
    before = log_of(demo)
    with Repository.open(demo, clock=lambda: NOW) as repo:
        dana = repo.find_client("dana")
        last = repo.list_sessions(dana.id)[-1]
        start = last.started_at + timedelta(days=7)
        repo.save_session(
            last.model_copy(
                update={
                    "id": "added0000001",
                    "number": last.number + 1,
                    "started_at": start,
                    "ended_at": start + timedelta(minutes=60),
                    "status": SessionStatus.CLOSED,
                    "reviews": [],
                    "action_ids": [],
                }
            )
        )
        reflection = repo.list_reflections()[0]
        flipped = Payment.PRO_BONO if reflection.payment is Payment.PAID else Payment.PAID
        repo.save_reflection(reflection.model_copy(update={"payment": flipped}))
        expected = read_hours_log(repo, TODAY)
    after = log_of(demo)
    assert after == expected
    assert after.hours == pytest.approx(before.hours + 1)
    assert after.paid_hours != pytest.approx(before.paid_hours + 1)  # the reflection's payment counted


@pytest.mark.parametrize(
    "damage",
    [
        "garbage",
        "another version",
        "not a dict of clients",
        "a session that does not read back",
        "a payment that does not read back",
    ],
)
def test_a_cache_that_does_not_read_back_is_ignored_and_written_again(demo: Path, damage: str) -> None:
    right = log_of(demo)
    cached = orjson.loads(cache_path(demo).read_bytes())
    entry = next(e for e in cached["clients"].values() if e["sessions"] and e["payments"])
    if damage == "garbage":
        cache_path(demo).write_bytes(b"\x00{not json")
    else:
        if damage == "another version":
            cached["version"] = 99
            entry["sessions"] = []
        elif damage == "not a dict of clients":
            cached["clients"] = [entry]
        elif damage == "a session that does not read back":
            entry["sessions"][0][1] = "yesterday"
        else:
            entry["payments"][0][1] = "free"
        cache_path(demo).write_bytes(orjson.dumps(cached))
    assert log_of(demo) == right
    assert orjson.loads(cache_path(demo).read_bytes())["version"] == 1


def test_erasing_a_client_leaves_no_cache_of_them(demo: Path) -> None:
    log_of(demo)
    with Repository.open(demo, clock=lambda: NOW) as repo:
        report = repo.erase_client(repo.find_client("dana").id)
        assert not cache_path(demo).exists()
        assert report.leftovers == []
        after = read_hours_log(repo, TODAY)
    assert log_of(demo) == after
    assert "Dana" not in {row.client.split()[0] for row in after.rows}


def test_a_restore_leaves_no_cache_of_the_old_files(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    write_backup(demo, archive, now=NOW)
    log_of(demo)
    assert cache_path(demo).exists()
    restore_backup(archive, demo, now=NOW)
    assert not cache_path(demo).exists()


def test_an_encrypted_practice_keeps_no_cache(demo: Path) -> None:
    log_of(demo)
    encrypt(demo)
    assert not cache_path(demo).exists()  # deleted with the index when the folder was encrypted
    with Repository.open(demo, read_only=True, cipher=unlock(demo)) as repo:
        assert read_hours_log(repo, TODAY).rows
    assert not cache_path(demo).exists()


def test_a_folder_that_cannot_hold_the_cache_still_gives_the_log(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    right = log_of(demo)
    cache_path(demo).unlink()
    monkeypatch.setattr("coachtui.store.hours_cache.atomic_write_bytes", full_disk)
    assert log_of(demo) == right
    assert not cache_path(demo).exists()


def test_a_file_replaced_by_one_of_the_same_size_and_time_is_read_again(demo: Path) -> None:
    # A session's end edited by a minute, written within the clock's resolution: only the inode differs.
    with Repository.open(demo, read_only=True) as repo:
        before = read_hours_log(repo, TODAY)
        dana = repo.find_client("dana")
        path = demo / "clients" / f"{dana.id}.json"
        held = repo.client_index(dana.id).sessions[0]
        old_end = held.ended_at
        assert old_end is not None and old_end.minute < 59
        new_end = old_end + timedelta(minutes=1)
        status = path.stat()
        edited = path.read_bytes().replace(old_end.isoformat().encode(), new_end.isoformat().encode())
        assert len(edited) == status.st_size
        replacement = path.with_name("replacement.tmp")
        replacement.write_bytes(edited)
        os.utime(replacement, ns=(status.st_atime_ns, status.st_mtime_ns))
        os.replace(replacement, path)
        assert repo.client_index(dana.id).sessions[0].ended_at == new_end
        assert read_hours_log(repo, TODAY).hours == pytest.approx(before.hours + 1 / 60)
    assert log_of(demo).hours == pytest.approx(before.hours + 1 / 60)


def test_a_client_erased_while_the_log_was_read_is_not_written_back(demo: Path) -> None:
    # The log takes the lock client by client: a client erased meanwhile (no longer in practice.json)
    # may have been read, and its entry must not outlive the erasure.
    with Repository.open(demo, clock=lambda: NOW) as repo:
        ids = [client.id for client in repo.list_clients()]
        repo.hours_of_clients([*ids, "erased000001"])
    cached = orjson.loads(cache_path(demo).read_bytes())["clients"]
    assert sorted(cached) == sorted(ids)
