"""Tests that every folder the store creates is 0700 and every file 0600, whatever the umask."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachtui.domain.models import Client, Goal, LiveDraft, Reflection
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session, mode


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o000)
    yield
    os.umask(old)


@pytest.mark.usefixtures("open_umask")
def test_every_folder_0700_every_file_0600(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        client = Client(name="Ann")
        repo.save_client(client)
        repo.save_goal(Goal(client_id=client.id, title="Grow"))
        repo.save_draft(LiveDraft(session=make_session(client.id, 2)))
        done = make_session(client.id, 1)
        repo.close_session(as_closed(done), [])
        repo.save_reflection(Reflection(session_id=done.id, client_id=client.id))
    with Repository.open(data_dir) as repo:
        repo.list_goals(client.id)  # backs up its reflections
        repo.validate_client_file(client.id)  # and the client file, once validated whole
    folders = [data_dir, *(p for p in data_dir.rglob("*") if p.is_dir())]
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in folders} >= {"data", "clients", "drafts", "backups"}
    kinds = {p.parent.name for p in files}
    assert kinds == {"data", "clients", "drafts", "backups"}
    assert len(list((data_dir / "backups").iterdir())) == 3
    assert {str(p): oct(mode(p)) for p in folders} == {str(p): "0o700" for p in folders}
    assert {str(p): oct(mode(p)) for p in files} == {str(p): "0o600" for p in files}
