"""Tests that an unfinished reflection is a small file in drafts/, beside the live-session drafts, and
that one an earlier coachtui kept in practice.json's settings moves there on open."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coachtui.domain.models import Client, LiveDraft, SessionStatus
from coachtui.store.errors import CorruptFileError, ReadOnlyError
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.conftest import FakeClock
from tests.store.conftest import make_session, mode

START = datetime(2031, 5, 6, 9, 15, 0)
VALUES = {"what_worked": "the pause before the question", "competencies": ["Listens actively"]}


def draft_file(data_dir: Path, session_id: str) -> Path:
    return data_dir / "drafts" / "reflections" / f"{session_id}.json"


def test_an_unfinished_reflection_is_its_own_file_in_drafts(data_dir: Path) -> None:
    clock = FakeClock(START)
    with Repository.open(data_dir, clock=clock) as repo:
        practice_before = (data_dir / "practice.json").read_bytes()
        repo.save_reflection_draft("s1", VALUES)
        assert (data_dir / "practice.json").read_bytes() == practice_before  # practice.json untouched
    path = draft_file(data_dir, "s1")
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    stored = json.loads(path.read_bytes())
    assert stored["_meta"]["1"]["kind"] == "reflection_draft"
    [document] = stored["draft"].values()
    assert document["values"] == VALUES
    assert document["saved_at"] == START.isoformat()  # dated by the repository's clock
    with Repository.open(data_dir, read_only=True) as viewer:
        assert viewer.get_reflection_draft("s1") == VALUES
        with pytest.raises(ReadOnlyError):
            viewer.discard_reflection_draft("s1")
    with Repository.open(data_dir) as repo:
        repo.discard_reflection_draft("s1")
        assert repo.get_reflection_draft("s1") is None
        repo.discard_reflection_draft("s1")  # discarding twice is fine
    assert not path.exists()


def test_the_reflection_screens_settings_key_is_answered_from_drafts(data_dir: Path) -> None:
    from coachtui.ui.reflection.reflection_fields import draft_key

    key = draft_key("s1")
    with Repository.open(data_dir) as repo:
        assert repo.get_setting(key) is None
        repo.set_setting(key, VALUES)
        assert draft_file(data_dir, "s1").exists()
        assert "reflection_draft" not in (data_dir / "practice.json").read_text()
        assert repo.get_setting(key) == VALUES == repo.get_reflection_draft("s1")
        with pytest.raises(ValueError, match="dict"):
            repo.set_setting(key, "not a reflection")
        repo.set_setting(key, None)
        assert not draft_file(data_dir, "s1").exists()
        assert repo.get_setting(key, "none") == "none"
        # A key that cannot name a file is an ordinary setting.
        repo.set_setting("reflection_draft.not/an-id", {"x": 1})
        assert repo.get_setting("reflection_draft.not/an-id") == {"x": 1}


def test_live_drafts_are_not_confused_with_unfinished_reflections(repo: Repository, client: Client) -> None:
    live = LiveDraft(session=make_session(client.id, 2))
    repo.save_draft(live)
    repo.save_reflection_draft(live.session.id, VALUES)
    assert [d.session.id for d in repo.list_drafts()] == [live.session.id]
    assert repo.next_session_number(client.id) == 3
    repo.discard_draft(live.session.id)
    assert repo.list_drafts() == []
    assert repo.get_reflection_draft(live.session.id) == VALUES


def test_a_broken_reflection_draft_is_reported_and_left_in_place(data_dir: Path, repo: Repository) -> None:
    path = draft_file(data_dir, "s1")
    path.parent.mkdir()
    path.write_bytes(b"{not json")
    with pytest.raises(CorruptFileError) as error:
        repo.get_reflection_draft("s1")
    assert str(path) in str(error.value)
    assert path.read_bytes() == b"{not json"


def test_temp_files_left_by_a_crash_are_swept(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        repo.save_reflection_draft("s1", VALUES)
    leftover = draft_file(data_dir, "s1").with_name(".s1.json.1a2b3c4d.tmp")
    leftover.write_bytes(b"{")
    Repository.open(data_dir).close()
    assert not leftover.exists() and draft_file(data_dir, "s1").exists()


def test_erasing_a_client_removes_the_unfinished_reflections_on_its_sessions(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        keep, gone = Client(name="Keep"), Client(name="Gone")
        sessions = {}
        for c in (keep, gone):
            repo.save_client(c)
            sessions[c.id] = make_session(c.id, 1, status=SessionStatus.CLOSED)
            repo.close_session(as_closed(sessions[c.id]), [])
            repo.save_reflection_draft(sessions[c.id].id, VALUES)
        repo.erase_client(gone.id)
        assert not draft_file(data_dir, sessions[gone.id].id).exists()
        assert repo.get_reflection_draft(sessions[keep.id].id) == VALUES


# --- the move out of an earlier coachtui's practice.json ----------------------------------------


def _legacy_folder(data_dir: Path) -> bytes:
    """A folder as an earlier coachtui wrote it: unfinished reflections among practice.json's settings."""
    with Repository.open(data_dir) as repo:
        repo.set_setting("theme", "nord")
    practice = json.loads((data_dir / "practice.json").read_bytes())
    settings = practice.setdefault("settings", {})
    settings["10"] = {"key": "reflection_draft.s1", "value": VALUES, "schema_version": 1}
    settings["11"] = {"key": "reflection_draft.s2", "value": {"learned": "x"}, "schema_version": 1}
    # Not a reflection's fields: the screen ignores it, and the move leaves it where it is.
    settings["12"] = {"key": "reflection_draft.s3", "value": "junk", "schema_version": 1}
    raw = json.dumps(practice).encode()
    (data_dir / "practice.json").write_bytes(raw)
    return raw


def _setting_keys(data_dir: Path) -> list[str]:
    practice = json.loads((data_dir / "practice.json").read_bytes())
    return sorted(d["key"] for d in practice.get("settings", {}).values())


def test_reflection_drafts_in_an_older_practice_file_move_to_drafts_on_open(data_dir: Path) -> None:
    raw = _legacy_folder(data_dir)
    with Repository.open(data_dir, read_only=True) as viewer:
        assert viewer.get_reflection_draft("s1") == VALUES  # read where it is
        assert viewer.get_setting("reflection_draft.s2") == {"learned": "x"}
    assert (data_dir / "practice.json").read_bytes() == raw  # read-only moved nothing
    assert not (data_dir / "drafts" / "reflections").exists()
    clock = FakeClock(START)
    with Repository.open(data_dir, clock=clock) as repo:
        assert repo.get_reflection_draft("s1") == VALUES
        assert repo.get_setting("reflection_draft.s2") == {"learned": "x"}
        assert repo.get_setting("theme") == "nord"
    assert _setting_keys(data_dir) == ["reflection_draft.s3", "theme"]
    moved = json.loads(draft_file(data_dir, "s1").read_bytes())
    [document] = moved["draft"].values()
    assert document["values"] == VALUES and document["saved_at"] == START.isoformat()
    assert draft_file(data_dir, "s2").exists() and not draft_file(data_dir, "s3").exists()


def test_a_move_interrupted_before_practice_json_is_finished_next_time(data_dir: Path) -> None:
    raw = _legacy_folder(data_dir)
    clock = FakeClock(START)
    Repository.open(data_dir, clock=clock).close()
    (data_dir / "practice.json").write_bytes(raw)  # as if coachtui died before rewriting practice.json
    clock.advance(minutes=5)
    with Repository.open(data_dir, clock=clock) as repo:
        assert repo.get_reflection_draft("s1") == VALUES
        repo.save_reflection_draft("s1", {**VALUES, "learned": "later"})
    assert _setting_keys(data_dir) == ["reflection_draft.s3", "theme"]
    [document] = json.loads(draft_file(data_dir, "s1").read_bytes())["draft"].values()
    assert document["values"]["learned"] == "later"
    assert document["saved_at"] == (START + timedelta(minutes=5)).isoformat()
