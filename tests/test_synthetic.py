"""Tests the synthetic practices the benchmarks run on (``benchmarks/synthetic.py``): sound and deterministic."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from benchmarks.synthetic import build_synthetic_practice
from coachtui.domain.accountability import STATUS_AFTER_REVIEW
from coachtui.domain.models import ActionStatus, Reflection, Session
from coachtui.store.repository import Repository
from tests.test_demo import TODAY, assert_session_is_coherent


def _sessions(repo: Repository) -> list[Session]:
    return [s for c in repo.list_clients() for s in repo.list_sessions(c.id)]


def _build_synthetic(folder: Path, **options: int) -> None:
    with Repository.open(folder) as repo:
        build_synthetic_practice(repo, today=TODAY, **options)


def test_small_synthetic_practice_builds_and_validates(tmp_path: Path) -> None:
    _build_synthetic(tmp_path / "data", clients=5, sessions=40, seed=3, notes_bytes=1500)
    with Repository.open(tmp_path / "data", read_only=True) as repo:
        clients = repo.list_clients()
        assert len(clients) == 5
        sessions = _sessions(repo)
        assert len(sessions) == 40
        for client in clients:
            own = repo.list_sessions(client.id)
            assert [s.number for s in own] == list(range(1, len(own) + 1))
            assert all(a.started_at < b.started_at for a, b in zip(own, own[1:], strict=False))
            assert repo.list_goals(client.id) and repo.get_plan(client.id).vision
            actions = repo.list_actions(client.id)
            assert len(actions) >= 2 * len(own)
            reviews = {(r.action_id, r.session_id) for s in own for r in s.reviews}
            for action in actions:
                if action.reviews:
                    assert action.status == STATUS_AFTER_REVIEW[action.reviews[-1].outcome]
                    assert {(action.id, r.session_id) for r in action.reviews} <= reviews
                else:
                    assert action.status in (ActionStatus.OPEN, ActionStatus.DROPPED)
            assert repo.summary(client.id).sessions_held == len(own)
        for session in sessions:
            assert_session_is_coherent(session)
            size = sum(len(n.text) + 1 for n in session.notes)
            assert 1500 <= size <= 1500 + 500
            assert TODAY - timedelta(days=3660) <= session.started_at.date() < TODAY
        reflections = repo.list_reflections()
        assert 0.7 * len(sessions) <= len(reflections) < len(sessions)


def test_synthetic_practice_is_deterministic(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        _build_synthetic(tmp_path / name, clients=2, sessions=6, seed=11, notes_bytes=400)
        with Repository.open(tmp_path / name, read_only=True) as repo:
            dumps.append([s.model_dump() for s in _sessions(repo)])
    assert dumps[0] == dumps[1]


class _BatchingRepository(Repository):
    """A repository with the batch calls the synthetic builder prefers, counting how they are used.

    Each call is passed on to the store's own batch call where it has one, else record by record.
    """

    calls: list[str]

    def save_sessions(self, client_id: str, sessions: Sequence[Session]) -> None:
        self.calls.append(f"sessions:{len(sessions)}")
        batch = getattr(super(), "save_sessions", None)
        if batch is not None:
            batch(client_id, sessions)
            return
        for session in sessions:
            super().save_session(session)

    def save_session(self, session: Session) -> None:
        self.calls.append("session")
        super().save_session(session)

    def save_reflections(self, reflections: Sequence[Reflection]) -> None:
        self.calls.append(f"reflections:{len(reflections)}")
        batch = getattr(super(), "save_reflections", None)
        if batch is not None:
            batch(reflections)
            return
        for reflection in reflections:
            super().save_reflection(reflection)


def test_synthetic_practice_uses_batch_calls_when_the_store_has_them(tmp_path: Path) -> None:
    repo = _BatchingRepository.open(tmp_path / "data")
    assert isinstance(repo, _BatchingRepository)
    repo.calls = []
    with repo:
        build_synthetic_practice(repo, clients=3, sessions=12, seed=5, today=TODAY, notes_bytes=300)
    batches = [c for c in repo.calls if c.startswith("sessions:")]
    assert len(batches) == 3 and sum(int(c.split(":")[1]) for c in batches) == 12
    assert "session" not in repo.calls, "no session is saved on its own"
    assert len([c for c in repo.calls if c.startswith("reflections:")]) == 1
    assert repo.calls[-1].startswith("reflections:"), "reflections come after every session"
