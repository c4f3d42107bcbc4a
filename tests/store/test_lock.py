"""Tests the single-writer lock: a second coachtui is told clearly why it cannot write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachtui.domain.models import Client
from coachtui.store.errors import ReadOnlyError, StoreLockedError
from coachtui.store.lock import DataDirLock
from coachtui.store.repository import Repository
from tests.store.conftest import mode

ROOT = Path(__file__).resolve().parents[2]


def test_second_lock_is_refused_with_pid_and_folder(tmp_path: Path) -> None:
    first = DataDirLock(tmp_path)
    first.acquire()
    assert (tmp_path / "coachtui.lock").read_text().strip() == str(os.getpid())
    assert mode(tmp_path / "coachtui.lock") == 0o600
    with pytest.raises(StoreLockedError) as caught:
        DataDirLock(tmp_path).acquire()
    assert caught.value.pid == os.getpid()
    assert str(caught.value) == (
        f"Another coachtui (pid {os.getpid()}) is using {tmp_path}. Close it first, "
        f"or run coachtui --data-dir {tmp_path} --read-only to look without saving."
    )
    first.release()
    again = DataDirLock(tmp_path)
    again.acquire()
    again.release()


def test_repository_opened_twice(data_dir: Path) -> None:
    with Repository.open(data_dir) as first:
        first.save_client(Client(name="Ann"))
        with pytest.raises(StoreLockedError, match=f"pid {os.getpid()}"):
            Repository.open(data_dir)
        with Repository.open(data_dir, read_only=True) as viewer:
            assert [c.name for c in viewer.list_clients()] == ["Ann"]
            with pytest.raises(ReadOnlyError, match="read-only"):
                viewer.save_client(Client(name="Bob"))
    with Repository.open(data_dir) as reopened:
        assert [c.name for c in reopened.list_clients()] == ["Ann"]


def test_lock_held_by_another_process(data_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from coachtui.store.repository import Repository\n"
        "r = Repository.open(Path(sys.argv[1])); print('ready', flush=True); sys.stdin.read()"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        with pytest.raises(StoreLockedError, match=f"pid {child.pid}"):
            Repository.open(data_dir)
    finally:
        child.kill()
        child.wait()
    # The kernel drops a dead process's flock: no stale lock.
    Repository.open(data_dir).close()
