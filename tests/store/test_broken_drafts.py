"""Tests a live-session draft that cannot be read: set aside under a new name, kept, named, never blocking."""

from __future__ import annotations

import json
from pathlib import Path

from coachtui.domain.models import Client, LiveDraft, Note
from coachtui.store.repository import Repository
from tests.conftest import FakeClock
from tests.store.conftest import make_session

SECRET = "Dana fears her manager will find out about the interview"


def two_drafts(data_dir: Path, clock: FakeClock) -> tuple[Path, Path]:
    """Two drafts of Ann's sessions; the first has one invalid field (a note's time)."""
    with Repository.open(data_dir, clock=clock) as repo:
        ann = Client(name="Ann Lee")
        repo.save_client(ann)
        broken, good = make_session(ann.id, 1), make_session(ann.id, 2)
        broken.notes.append(Note(at=broken.started_at, stage="goal", text=SECRET))
        repo.save_draft(LiveDraft(session=broken, saved_at=broken.started_at))
        repo.save_draft(LiveDraft(session=good, saved_at=good.started_at))
    path = data_dir / "drafts" / f"{broken.id}.json"
    data = json.loads(path.read_text())
    data["draft"]["1"]["session"]["notes"][0]["at"] = "not a time"
    path.write_text(json.dumps(data))
    return path, data_dir / "drafts" / f"{good.id}.json"


def test_a_broken_draft_is_set_aside_and_named(data_dir: Path, clock: FakeClock) -> None:
    broken, good = two_drafts(data_dir, clock)
    original = broken.read_bytes()
    with Repository.open(data_dir, clock=clock) as repo:
        assert [d.session.number for d in repo.list_drafts()] == [2]
        notices = repo.take_draft_notices()
        assert repo.take_draft_notices() == []  # said once
        assert [d.session.number for d in repo.list_drafts()] == [2]  # and not found again
        assert repo.take_draft_notices() == []
        assert repo.next_session_number(repo.list_clients()[0].id) == 3
    kept = data_dir / "drafts" / f"{broken.stem}.broken-20261123-100000.json"
    assert not broken.exists() and kept.read_bytes() == original and good.exists()
    assert len(notices) == 1 and broken.name in notices[0] and str(kept) in notices[0]
    assert "notes.0.at" in notices[0]
    assert SECRET not in notices[0]


def test_read_only_leaves_a_broken_draft_where_it_is(data_dir: Path, clock: FakeClock) -> None:
    broken, _ = two_drafts(data_dir, clock)
    with Repository.open(data_dir, read_only=True, clock=clock) as repo:
        assert [d.session.number for d in repo.list_drafts()] == [2]
        (notice,) = repo.take_draft_notices()
    assert broken.exists() and "left as it is" in notice


def test_a_draft_from_a_newer_coachtui_is_left_untouched(data_dir: Path, clock: FakeClock) -> None:
    broken, _ = two_drafts(data_dir, clock)
    data = json.loads(broken.read_text())
    data["_meta"]["1"]["schema_version"] = 99
    broken.write_text(json.dumps(data))
    with Repository.open(data_dir, clock=clock) as repo:
        repo.list_drafts()
        (notice,) = repo.take_draft_notices()
    assert broken.exists() and "newer coachtui" in notice
