"""Provides the store tests' fixtures and helpers: a data folder in tmp_path, records, file modes."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coachtui.domain.models import Client, Note, Session
from coachtui.store.repository import Repository

T0 = datetime(2026, 3, 2, 9, 0, 0)


# `data_dir` and `repo` come from tests/conftest.py.


@pytest.fixture
def client(repo: Repository) -> Client:
    dana = Client(name="Dana Ortiz", email="dana@example.org")
    repo.save_client(dana)
    return dana


def make_session(client_id: str, number: int = 1, notes: int = 0, **fields: object) -> Session:
    """A live session with ``notes`` numbered notes, started ``number`` weeks after T0."""
    started = T0 + timedelta(weeks=number)
    session = Session(client_id=client_id, number=number, started_at=started, **fields)  # type: ignore[arg-type]
    for index in range(notes):
        session.notes.append(Note(at=started + timedelta(minutes=index), stage="goal", text=f"note {index}"))
    return session


def mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes, to prove a failure changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def writes_are_blocked(folder: Path) -> bool:
    """Whether chmod 0500 really stops writes here (it does not for root)."""
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return True
    probe.unlink()
    return False
