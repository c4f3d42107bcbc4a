"""Tests that killing ``coachtui encrypt`` / ``decrypt`` at any instant leaves a folder that opens, with
every record as it was, and that a rerun finishes the conversion."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachtui.store import keyfile
from coachtui.store.atomic import ENCRYPTED_MAGIC
from coachtui.store.conversion import practice_files
from coachtui.store.repository import Repository
from tests.crypt_helpers import PASSPHRASE, demo_practice, records
from tests.store import conversion_writer

ROOT = Path(__file__).resolve().parents[2]
KILLS = 36


def check(data_dir: Path, expected: dict[str, object]) -> str:
    """Open the folder as the app would after a kill; every record must be the original. Its state."""
    found = keyfile.read_keyfile(data_dir)
    cipher = None if found is None else keyfile.unlock(data_dir, found, passphrase=PASSPHRASE)
    with Repository.open(data_dir, read_only=True, cipher=cipher) as repo:
        for client in repo.list_clients():
            repo.list_sessions(client.id)
    assert records(data_dir, cipher) == expected
    return "plain" if found is None else found.state


@pytest.mark.slow
def test_conversion_killed_at_random_moments(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    demo_practice(data_dir)
    expected = records(data_dir)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(20261204)
    seen: set[str] = set()
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, conversion_writer.__file__, str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline() == b"ready\n", child.stderr.read() if child.stderr else ""
            time.sleep(rng.uniform(0.0, 0.15))  # the kill's moment, not a wait for anything
        finally:
            child.send_signal(signal.SIGKILL)
            _, stderr = child.communicate()
        assert child.returncode == -signal.SIGKILL, stderr.decode()
        seen.add(check(data_dir, expected))
    assert {"encrypting", "decrypting"} & seen, f"no kill landed mid-conversion: {seen}"
    print(f"{KILLS} kills, states seen after them: {sorted(seen)}")
    # A rerun finishes: to the end of the conversion under way, then one more to encrypted.
    while (found := keyfile.read_keyfile(data_dir)) is None or found.state != "encrypted":
        conversion_writer.step(data_dir)
    assert check(data_dir, expected) == "encrypted"
    assert all(
        p.read_bytes().startswith(ENCRYPTED_MAGIC) for p in practice_files(data_dir) if p.suffix == ".json"
    )
