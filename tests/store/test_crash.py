"""Tests that killing coachtui at any instant leaves every file valid, with a prefix of what was written."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachtui.domain.models import SessionStatus
from coachtui.store.repository import Repository
from tests.store import crash_writer
from tests.store.crash_writer import CLIENT_ID, NOTES_PER_SESSION

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


def notes_are_a_prefix(texts: list[str]) -> bool:
    return texts == [f"n{i}" for i in range(len(texts))]


def check(data_dir: Path) -> int:
    """Reopen after a kill, check every file, and return how far the writer got (notes kept)."""
    with Repository.open(data_dir) as repo:
        clients = repo.list_clients()
        if not clients:
            assert not (data_dir / "clients" / f"{CLIENT_ID}.json").exists()
            return 0
        assert [c.id for c in clients] == [CLIENT_ID]
        sessions = repo.list_sessions(CLIENT_ID)
        assert [s.number for s in sessions] == list(range(1, len(sessions) + 1))
        drafts = {d.session.id: d for d in repo.list_drafts()}
        assert len(drafts) <= 1
        progress = 0
        for session in sessions:
            texts = [n.text for n in session.notes]
            assert notes_are_a_prefix(texts), texts
            if session.status == SessionStatus.CLOSED:
                assert len(texts) == NOTES_PER_SESSION
                assert session.id not in drafts
            progress += len(texts)
        for draft in drafts.values():
            texts = [n.text for n in draft.session.notes]
            assert notes_are_a_prefix(texts), texts
            assert draft.editor_text == (texts[-1] if texts else "")
            saved = [s for s in sessions if s.id == draft.session.id]
            already = len(saved[0].notes) if saved else 0
            assert len(texts) >= already
            progress += len(texts) - already
        closed = [s for s in sessions if s.status == SessionStatus.CLOSED]
        assert sorted(a.text for a in repo.list_actions(CLIENT_ID)) == sorted(f"a{s.number}" for s in closed)
        reflected = {r.session_id for r in repo.list_reflections()}
        assert reflected <= {s.id for s in closed}
        summary = repo.summary(CLIENT_ID)
        assert summary.sessions_held == len(closed)
        assert summary.sessions_without_reflection == [s.id for s in closed if s.id not in reflected]
    leftovers = [p for p in data_dir.rglob(".*.tmp")]
    assert leftovers == []  # swept when the repository opened
    return progress


@pytest.mark.slow
def test_killed_writer_never_leaves_a_broken_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(20261123)
    progress = 0
    started = time.monotonic()
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, crash_writer.__file__, str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            if kill % 5 == 4:
                time.sleep(rng.uniform(0.0, 0.4))  # sometimes while it opens and resumes
            else:
                assert child.stdout is not None
                assert child.stdout.readline() == b"ready\n", child.stderr.read() if child.stderr else ""
                time.sleep(rng.uniform(0.0, 0.08))
        finally:
            child.send_signal(signal.SIGKILL)
            _, stderr = child.communicate()
        assert child.returncode == -signal.SIGKILL, stderr.decode()
        now = check(data_dir)
        assert now >= progress, f"kill {kill}: notes went back from {progress} to {now}"
        progress = now
    assert progress > 3 * NOTES_PER_SESSION, "the writer barely wrote: the test proved little"
    assert time.monotonic() - started < 60
    print(f"{KILLS} kills, {progress} notes kept, {time.monotonic() - started:.1f} s")
