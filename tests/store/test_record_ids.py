"""Tests ids that would name a file outside the data folder: an invalid record, reported by name at open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachtui.domain.models import Client
from coachtui.store.errors import CorruptFileError
from coachtui.store.repository import Repository
from tests.store.conftest import make_session, snapshot

BAD_ID = "../../etc/x"


def _edit(path: Path, table: str, field: str, value: str) -> None:
    data = json.loads(path.read_text())
    first = next(iter(data[table].values()))
    first[field] = value
    path.write_text(json.dumps(data))


def test_a_client_id_that_is_a_path_is_reported_at_open(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        repo.save_client(Client(name="Ann Lee"))
    practice = data_dir / "practice.json"
    _edit(practice, "clients", "id", BAD_ID)
    before = snapshot(data_dir)
    for read_only in (False, True):
        with pytest.raises(CorruptFileError) as raised:
            Repository.open(data_dir, read_only=read_only)
        message = str(raised.value)
        assert "practice.json" in message and BAD_ID in message and "Ann Lee" in message
        assert "not a valid record id" in message
    assert snapshot(data_dir) == before


def test_a_session_id_that_is_a_path_is_reported_when_the_client_is_opened(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann Lee")
        repo.save_client(ann)
        repo.save_session(make_session(ann.id, 1))
    client_file = data_dir / "clients" / f"{ann.id}.json"
    _edit(client_file, "sessions", "id", BAD_ID)
    with Repository.open(data_dir) as repo, pytest.raises(CorruptFileError) as raised:
        repo.list_sessions(ann.id)
    assert client_file.name in str(raised.value) and BAD_ID in str(raised.value)


def test_a_draft_whose_session_id_is_a_path_is_reported(data_dir: Path) -> None:
    from coachtui.domain.models import LiveDraft
    from coachtui.store.drafts import DraftFolder

    with Repository.open(data_dir) as repo:
        ann = Client(name="Ann Lee")
        repo.save_client(ann)
        session = make_session(ann.id, 1)
        repo.save_draft(LiveDraft(session=session, saved_at=session.started_at))
    draft = data_dir / "drafts" / f"{session.id}.json"
    data = json.loads(draft.read_text())
    data["draft"]["1"]["session"]["id"] = BAD_ID
    draft.write_text(json.dumps(data))
    with pytest.raises(CorruptFileError) as raised:
        DraftFolder(data_dir / "drafts").load(draft)
    assert BAD_ID in str(raised.value)
