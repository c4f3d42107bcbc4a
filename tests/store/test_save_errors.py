"""Tests that a failed write (read-only folder, full disk) is reported, loses nothing and can be retried."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coachtui.domain.models import Client, Goal, LiveDraft, Reflection
from coachtui.store.errors import SaveError, StoreError
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session, snapshot, writes_are_blocked


def failing_replace(code: int) -> Callable[..., None]:
    def replace(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return replace


@pytest.fixture
def chmod_read_only(data_dir: Path) -> Iterator[Callable[[bool], None]]:
    """Make the data folder and its subfolders read-only (True) or writable again (False)."""
    folders = [data_dir, data_dir / "clients", data_dir / "drafts"]

    def apply(read_only: bool) -> None:
        for folder in folders:
            os.chmod(folder, 0o500 if read_only else 0o700)

    yield apply
    apply(False)


def test_read_only_folder_then_retry(
    data_dir: Path, repo: Repository, client: Client, chmod_read_only: Callable[[bool], None]
) -> None:
    chmod_read_only(True)
    if not writes_are_blocked(data_dir):
        pytest.skip("chmod does not stop writes for this user (root); the os.replace variants cover it")
    session = make_session(client.id, 1, notes=3)
    before = snapshot(data_dir)
    with pytest.raises(SaveError) as caught:
        repo.save_session(session)
    assert "Permission denied" in str(caught.value) and "Nothing was lost" in str(caught.value)
    with pytest.raises(SaveError):
        repo.save_draft(LiveDraft(session=session))
    assert snapshot(data_dir) == before
    chmod_read_only(False)
    repo.save_session(session)
    repo.save_draft(LiveDraft(session=session))
    repo.close()
    with Repository.open(data_dir) as reopened:
        assert reopened.get_session(client.id, session.id) == session
        assert len(reopened.list_drafts()) == 1


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_failed_client_save_then_retry(
    data_dir: Path, repo: Repository, client: Client, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    repo.save_goal(Goal(client_id=client.id, title="First"))
    session = make_session(client.id, 1, notes=2)
    before = snapshot(data_dir)
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", failing_replace(code))
    with pytest.raises(SaveError) as caught:
        repo.close_session(as_closed(session), [])
    message = str(caught.value)
    assert f"clients/{client.id}.json" in message and os.strerror(code) in message
    assert "Nothing was lost" in message and "retried" in message
    assert snapshot(data_dir) == before  # no temp file left, nothing half-written
    assert repo.get_session(client.id, session.id).status == "closed"  # memory still has it
    monkeypatch.setattr(os, "replace", real_replace)
    repo.close_session(as_closed(session), [])  # the same save again
    repo.close()
    with Repository.open(data_dir) as reopened:
        assert reopened.get_session(client.id, session.id).notes == session.notes
        assert reopened.summary(client.id).sessions_held == 1
        assert [g.title for g in reopened.list_goals(client.id)] == ["First"]


def test_failed_practice_save_then_retry(
    data_dir: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", failing_replace(errno.ENOSPC))
    ann = Client(name="Ann")
    with pytest.raises(SaveError, match="practice.json"):
        repo.save_client(ann)
    with pytest.raises(SaveError):
        repo.save_reflection(Reflection(session_id="s1", client_id=ann.id))
    monkeypatch.setattr(os, "replace", real_replace)
    repo.save_client(ann)
    repo.close()
    with Repository.open(data_dir) as reopened:
        assert reopened.list_clients() == [ann]
        assert reopened.get_reflection("s1") is not None


def test_close_saves_what_a_failed_write_left(
    data_dir: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", failing_replace(errno.EIO))
    ann = Client(name="Ann")
    with pytest.raises(SaveError):
        repo.save_client(ann)
    monkeypatch.setattr(os, "replace", real_replace)
    repo.close()
    with Repository.open(data_dir) as reopened:
        assert reopened.list_clients() == [ann]


def test_close_releases_the_lock_even_if_the_last_save_fails(
    data_dir: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", failing_replace(errno.ENOSPC))
    with pytest.raises(SaveError):
        repo.save_client(Client(name="Ann"))
    with pytest.raises(SaveError):
        repo.close()
    monkeypatch.undo()
    Repository.open(data_dir).close()


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(Exception, match="Cannot create the data folder") as caught:
        Repository.open(blocker / "data")
    assert str(blocker / "data") in str(caught.value)


def test_folder_that_cannot_be_locked(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refuse_lock(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("coachtui.lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse_lock)
    with pytest.raises(StoreError, match="Cannot open .* for writing: Read-only file system"):
        Repository.open(data_dir)
    monkeypatch.undo()
    with Repository.open(data_dir, read_only=True) as viewer:
        assert viewer.list_clients() == []


def test_client_folder_removed_while_running(data_dir: Path, repo: Repository, client: Client) -> None:
    repo.save_goal(Goal(client_id=client.id, title="Kept in memory"))
    (data_dir / "clients" / f"{client.id}.json").unlink()
    (data_dir / "clients").rmdir()
    repo.save_goal(Goal(client_id=client.id, title="Second"))
    repo.close()
    with Repository.open(data_dir) as reopened:
        assert [g.title for g in reopened.list_goals(client.id)] == ["Kept in memory", "Second"]
