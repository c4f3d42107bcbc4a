"""Tests the repository's sessions and live-session drafts."""

from __future__ import annotations

import os
import threading
from datetime import datetime
from pathlib import Path

import pytest

from coachtui.domain.models import Action, Client, Goal, LiveDraft, SessionStatus
from coachtui.store import atomic
from coachtui.store.errors import ReadOnlyError, RecordNotFound
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session


def test_sessions_by_number(repo: Repository, client: Client) -> None:
    third, first = make_session(client.id, 3), make_session(client.id, 1, notes=2)
    repo.save_session(third)
    repo.save_session(first)
    assert repo.list_sessions(client.id) == [first, third]
    assert repo.get_session(client.id, third.id) == third
    first.goal = "Clarity on the move"
    repo.save_session(first)
    assert repo.get_session(client.id, first.id).goal == "Clarity on the move"
    assert len(repo.list_sessions(client.id)) == 2
    with pytest.raises(RecordNotFound, match="session"):
        repo.get_session(client.id, "nope")


def test_next_session_number_counts_drafts(repo: Repository, client: Client) -> None:
    assert repo.next_session_number(client.id) == 1
    repo.save_session(make_session(client.id, 1))
    assert repo.next_session_number(client.id) == 2
    repo.save_draft(LiveDraft(session=make_session(client.id, 2)))
    assert repo.next_session_number(client.id) == 3


def test_close_session_one_write_then_draft_gone(
    data_dir: Path, repo: Repository, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = make_session(client.id, 1, notes=3)
    actions = [Action(client_id=client.id, text=f"Do {i}", session_id=session.id) for i in range(3)]
    repo.save_draft(LiveDraft(session=session, actions=actions))
    written: list[Path] = []
    real = atomic.atomic_write_bytes
    monkeypatch.setattr(atomic, "atomic_write_bytes", lambda p, d: (written.append(Path(p)), real(p, d))[1])
    repo.close_session(as_closed(session), actions)
    assert written.count(data_dir / "clients" / f"{client.id}.json") == 1
    stored = repo.get_session(client.id, session.id)
    assert stored.status == SessionStatus.CLOSED and stored.ended_at is not None
    assert stored.notes == session.notes
    assert repo.list_actions(client.id) == actions
    assert not (data_dir / "drafts" / f"{session.id}.json").exists()
    assert repo.list_drafts() == []


def test_close_session_keeps_its_end_time(repo: Repository, client: Client) -> None:
    session = make_session(client.id, 1, ended_at=datetime(2026, 3, 9, 10, 0))
    repo.close_session(as_closed(session), [])
    assert repo.get_session(client.id, session.id).ended_at == datetime(2026, 3, 9, 10, 0)


def test_close_session_refuses_another_clients_actions(repo: Repository, client: Client) -> None:
    with pytest.raises(ValueError, match="client"):
        repo.close_session(as_closed(make_session(client.id, 1)), [Action(client_id="other", text="x")])


def test_drafts_round_trip_and_discard(repo: Repository, client: Client) -> None:
    first = LiveDraft(
        session=make_session(client.id, 1, notes=2), editor_text="Goal\n- x", saved_at=datetime(2026, 3, 1)
    )
    second = LiveDraft(session=make_session(client.id, 2), saved_at=datetime(2026, 3, 2))
    repo.save_draft(second)
    repo.save_draft(first)
    assert repo.list_drafts() == [first, second]
    first.editor_text += "\n- more"
    repo.save_draft(first)
    assert repo.list_drafts()[0].editor_text.endswith("more")
    repo.discard_draft(first.session.id)
    repo.discard_draft(first.session.id)  # already gone: fine
    assert repo.list_drafts() == [second]


def test_drafts_of_closed_sessions_are_dropped(data_dir: Path, repo: Repository, client: Client) -> None:
    session = make_session(client.id, 1)
    repo.close_session(as_closed(session), [])
    repo.save_draft(LiveDraft(session=session))  # e.g. a crash between closing and discarding
    assert repo.list_drafts() == []
    assert not (data_dir / "drafts" / f"{session.id}.json").exists()


def test_save_draft_never_touches_client_files(
    data_dir: Path, repo: Repository, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save_session(make_session(client.id, 1))
    touched: list[str] = []
    real_read, real_replace = Path.read_bytes, os.replace
    monkeypatch.setattr(Path, "read_bytes", lambda self: (touched.append(str(self)), real_read(self))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (touched.append(str(b)), real_replace(a, b))[1])
    session = make_session(client.id, 2)
    for n in range(20):
        session.notes = make_session(client.id, 2, notes=n).notes
        repo.save_draft(LiveDraft(session=session))
    assert len(touched) == 20
    assert all(path == str(data_dir / "drafts" / f"{session.id}.json") for path in touched)


def test_drafts_read_only(tmp_path: Path, data_dir: Path, repo: Repository, client: Client) -> None:
    repo.save_draft(LiveDraft(session=make_session(client.id, 1)))
    with Repository.open(data_dir, read_only=True) as viewer:
        assert len(viewer.list_drafts()) == 1
        with pytest.raises(ReadOnlyError):
            viewer.save_draft(LiveDraft(session=make_session(client.id, 2)))
        with pytest.raises(ReadOnlyError):
            viewer.discard_draft("anything")


def test_saves_from_many_threads(data_dir: Path, repo: Repository, client: Client) -> None:
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        session = make_session(client.id, 100 + worker)
        try:
            for index in range(15):
                repo.save_goal(Goal(client_id=client.id, title=f"w{worker} g{index}"))
                session.goal = f"goal {index}"
                repo.save_draft(LiveDraft(session=session))
                repo.list_goals(client.id)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(repo.list_goals(client.id)) == 90
    repo.close()
    with Repository.open(data_dir) as reopened:
        assert len(reopened.list_goals(client.id)) == 90
        assert len(reopened.list_drafts()) == 6


def test_the_check_in_agreed_at_the_close_reaches_the_summary(repo: Repository, client) -> None:
    from datetime import date

    from coachtui.domain.models import CheckIn

    first = as_closed(make_session(client.id, 1))
    first.next_checkin = date(2026, 12, 14)
    repo.close_session(first, [])
    assert repo.summaries()[client.id].next_checkin == date(2026, 12, 14)
    repo.save_checkin(CheckIn(client_id=client.id, focus="Halfway", on_date=date(2026, 12, 10)))
    assert repo.summaries()[client.id].next_checkin == date(2026, 12, 10)  # the sooner of the two
    second = as_closed(make_session(client.id, 2))  # the latest session set none: the plan's stands
    repo.close_session(second, [])
    assert repo.summaries()[client.id].next_checkin == date(2026, 12, 10)
