"""Tests the rotating daily backups."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from pathlib import Path

from coachtui.store import backups
from tests.store.conftest import mode

DAY = datetime(2026, 3, 2, 8, 30, 0)


def test_one_backup_a_day(tmp_path: Path) -> None:
    practice = tmp_path / "practice.json"
    practice.write_bytes(b"{}")
    first = backups.take_backup(practice, now=DAY)
    assert first == tmp_path / "backups" / "practice.20260302-083000.json"
    assert first.read_bytes() == b"{}"
    assert mode(first) == 0o600
    assert mode(first.parent) == 0o700
    assert backups.take_backup(practice, now=DAY + timedelta(hours=5)) is None
    second = backups.take_backup(practice, now=DAY + timedelta(days=1))
    assert second is not None and backups.latest_backup(practice) == second


def test_forced_backup_same_day(tmp_path: Path) -> None:
    practice = tmp_path / "practice.json"
    practice.write_bytes(b"{}")
    backups.take_backup(practice, now=DAY)
    forced = backups.take_backup(practice, now=DAY + timedelta(minutes=1), force=True)
    assert forced is not None
    assert len(backups.list_backups(practice)) == 2


def test_rotation_keeps_the_newest_seven(tmp_path: Path) -> None:
    practice = tmp_path / "practice.json"
    for day in range(10):
        practice.write_bytes(f"day {day}".encode())
        backups.take_backup(practice, now=DAY + timedelta(days=day))
    kept = backups.list_backups(practice)
    assert len(kept) == 7
    assert [p.read_text() for p in kept] == [f"day {day}" for day in range(3, 10)]


def test_client_files_back_up_into_the_data_folders_backups(tmp_path: Path) -> None:
    client_file = tmp_path / "clients" / "abc.json"
    client_file.parent.mkdir()
    client_file.write_bytes(b"{}")
    other = tmp_path / "clients" / "abcd.json"
    other.write_bytes(b"{}")
    made = backups.take_backup(client_file, now=DAY)
    backups.take_backup(other, now=DAY)
    assert made is not None and made.parent == tmp_path / "backups"
    assert backups.list_backups(client_file) == [made]
    backups.remove_backups(client_file)
    assert backups.list_backups(client_file) == []
    assert len(backups.list_backups(other)) == 1


def test_nothing_to_back_up(tmp_path: Path) -> None:
    assert backups.take_backup(tmp_path / "practice.json", now=DAY) is None
    assert backups.latest_backup(tmp_path / "practice.json") is None


def test_a_clock_set_back_never_deletes_the_backup_just_made(tmp_path: Path) -> None:
    practice = tmp_path / "practice.json"
    practice.write_bytes(b"later days")
    for day in range(10, 17):
        made = backups.take_backup(practice, now=DAY + timedelta(days=day))
        assert made is not None
        # Written day by day, weeks ago: the mtime says so, whatever the filesystem's timestamp granularity.
        written = time.time() - (30 - day) * 86400
        os.utime(made, (written, written))
    oldest_written = backups.list_backups(practice)[0]
    practice.write_bytes(b"today, after the clock went back")
    made = backups.take_backup(practice, now=DAY)
    assert made is not None and made.exists()
    kept = backups.list_backups(practice)
    assert len(kept) == 7 and made in kept and oldest_written not in kept
    assert backups.latest_backup(practice) == made
    assert made.read_bytes() == b"today, after the clock went back"
