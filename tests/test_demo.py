"""Tests the sample practices: the demo is complete, believable and current; synthetic ones are sound."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest

from coachtui.domain.frameworks import load_framework
from coachtui.domain.models import (
    ActionStatus,
    Competency,
    NoteKind,
    Payment,
    Reflection,
    Session,
    SessionStatus,
)
from coachtui.sample import build_sample_practice, build_synthetic_practice
from coachtui.store.repository import Repository

TODAY = date(2026, 11, 25)
"""A Wednesday; the sample's dates are all relative to it."""


def _build(folder: Path, today: date = TODAY, seed: int = 7) -> Path:
    with Repository.open(folder) as repo:
        build_sample_practice(repo, today=today, seed=seed)
    return folder


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("sample") / "data")


@pytest.fixture
def repo(sample_dir: Path) -> Iterator[Repository]:
    """The sample, reopened from disk: everything below was really written and reads back valid."""
    with Repository.open(sample_dir, read_only=True) as repository:
        yield repository


def _sessions(repo: Repository) -> list[Session]:
    return [s for c in repo.list_clients() for s in repo.list_sessions(c.id)]


def _assert_session_is_coherent(session: Session) -> None:
    """A closed session whose timeline, notes, prompts and ratings fit its framework and its clock."""
    framework = load_framework(session.framework)
    stages = set(framework.stage_ids)
    assert session.status == SessionStatus.CLOSED
    assert session.ended_at is not None and session.ended_at > session.started_at
    assert session.visits, session.id
    assert session.visits[0].started_at == session.started_at
    assert session.visits[-1].ended_at == session.ended_at
    for before, after in zip(session.visits, session.visits[1:], strict=False):
        assert before.ended_at == after.started_at, "visits follow each other without gaps"
    assert {v.stage for v in session.visits} <= stages
    for note in session.notes:
        assert note.stage in stages, (session.framework, note.stage)
        assert session.started_at <= note.at <= session.ended_at
        assert note.text.strip()
    for prompt in session.prompts:
        assert prompt.stage in stages
        assert prompt.text in framework.stage(prompt.stage).questions
    for rating in session.ratings:
        assert rating.stage in stages
        assert 0 <= rating.value <= 10


# --- the demo -------------------------------------------------------------------------------


def test_demo_has_three_clients_each_with_a_full_agreement(repo: Repository) -> None:
    clients = repo.list_clients()
    assert [c.name for c in clients] == ["Dana Ortiz", "Priya Raman", "Sam Okafor"]
    for client in clients:
        agreement = client.agreement
        assert agreement.sessions_planned >= 6
        assert agreement.start_date is not None and agreement.start_date < TODAY
        assert agreement.confidentiality_consent is not None
        assert agreement.confidentiality_consent <= agreement.start_date
        assert agreement.boundaries and agreement.cadence and agreement.cancellation_policy
        assert agreement.channel_in_session and agreement.channel_between_sessions
        assert agreement.response_time
        assert bool(agreement.fee) == (agreement.payment == Payment.PAID), client.name
    assert {c.agreement.payment for c in clients} == {Payment.PAID, Payment.PRO_BONO}


def test_every_client_has_a_plan_with_smart_goals(repo: Repository) -> None:
    for client in repo.list_clients():
        plan = repo.get_plan(client.id)
        assert plan.vision.startswith(("A year", "My", "I")), "the vision is in the client's voice"
        assert 3 <= len(plan.values) <= 5
        goals = repo.list_goals(client.id)
        assert 2 <= len(goals) <= 3
        assert {g.horizon for g in goals} == {"proximal", "distal"}
        for goal in goals:
            assert goal.specific and goal.measure and goal.relevant and goal.target_date
            assert goal.planned_sessions is not None
            metric = goal.metric
            assert metric.unit and metric.baseline is not None and metric.target is not None
            assert metric.current is not None


def test_demo_has_a_dozen_closed_sessions_across_the_three_frameworks(repo: Repository) -> None:
    sessions = _sessions(repo)
    assert len(sessions) >= 12
    assert all(s.status == SessionStatus.CLOSED for s in sessions)
    frameworks = [s.framework for s in sessions]
    assert frameworks.count("clear") == 1 and frameworks.count("oskar") == 1
    assert frameworks.count("grow") == len(sessions) - 2


def test_every_session_is_coherent_and_realistically_timed(repo: Repository) -> None:
    for client in repo.list_clients():
        sessions = repo.list_sessions(client.id)
        assert [s.number for s in sessions] == list(range(1, len(sessions) + 1))
        assert len(sessions) < client.agreement.sessions_planned, "each engagement is still under way"
        for earlier, later in zip(sessions, sessions[1:], strict=False):
            assert earlier.started_at < later.started_at
            assert earlier.next_checkin == later.started_at.date()
        for session in sessions:
            _assert_session_is_coherent(session)
            assert session.started_at.date() < TODAY
            assert 7 <= session.started_at.hour <= 20
            assert session.started_at.weekday() < 5
            assert 45 <= session.duration_minutes() <= 60, (client.name, session.number)
            assert session.goal
            assert 8 <= len(session.notes) <= 20, (client.name, session.number, len(session.notes))
            assert session.prompts
            assert {r.kind for r in session.ratings} == {"progress", "confidence", "commitment"}
        assert sessions[-1].next_checkin is not None and sessions[-1].next_checkin > TODAY


def test_notes_use_every_kind(repo: Repository) -> None:
    kinds = {note.kind for session in _sessions(repo) for note in session.notes}
    assert kinds == set(NoteKind)


def test_progress_ratings_tell_a_story(repo: Repository) -> None:
    for client in repo.list_clients():
        progress = [
            next(r.value for r in s.ratings if r.kind == "progress") for s in repo.list_sessions(client.id)
        ]
        assert progress[-1] > progress[0], (client.name, progress)


def test_actions_are_complete_and_reviewed_with_varied_outcomes(repo: Repository) -> None:
    statuses: set[ActionStatus] = set()
    for client in repo.list_clients():
        sessions = {s.id: s for s in repo.list_sessions(client.id)}
        goal_ids = {g.id for g in repo.list_goals(client.id)}
        for action in repo.list_actions(client.id):
            statuses.add(action.status)
            assert action.due is not None and action.commitment is not None
            assert action.measure and action.expected and action.barriers and action.backup
            assert action.accountability
            assert action.goal_id is None or action.goal_id in goal_ids
            assert action.session_id in sessions
            assert action.id in sessions[action.session_id].action_ids
            assert (action.status == ActionStatus.OPEN) == (not action.reviews), action.text
            for review in action.reviews:
                reviewing = sessions[review.session_id or ""]
                assert reviewing.number > sessions[action.session_id].number
                assert review in reviewing.reviews
                assert review.learning
    assert {"open", "done", "partly", "not_done", "changed"} <= statuses


def test_at_least_one_open_action_is_overdue(repo: Repository) -> None:
    overdue = [
        a
        for c in repo.list_clients()
        for a in repo.list_actions(c.id)
        if a.status == ActionStatus.OPEN and a.due is not None and a.due < TODAY
    ]
    assert overdue
    assert sum(repo.summary(c.id).overdue_actions(TODAY) for c in repo.list_clients()) == len(overdue)


def test_one_or_two_recent_sessions_wait_for_a_reflection(repo: Repository) -> None:
    sessions = _sessions(repo)
    pending = [s for s in sessions if repo.get_reflection(s.id) is None]
    assert 1 <= len(pending) <= 2
    assert all(s.started_at.date() >= TODAY - timedelta(days=10) for s in pending)
    waiting = [sid for c in repo.list_clients() for sid in repo.summary(c.id).sessions_without_reflection]
    assert sorted(waiting) == sorted(s.id for s in pending)


def test_reflections_are_complete(repo: Repository) -> None:
    reflections = repo.list_reflections()
    assert len(reflections) >= 10
    by_session = {s.id: s for s in _sessions(repo)}
    for reflection in reflections:
        session = by_session[reflection.session_id]
        assert reflection.client_id == session.client_id
        assert reflection.session_date == session.started_at.date()
        assert reflection.duration_minutes == pytest.approx(session.duration_minutes(), abs=0.1)
        assert session.ended_at is not None and reflection.created_at > session.ended_at
        assert reflection.what_worked and reflection.what_did_not and reflection.adjust_next_time
        assert reflection.learned and reflection.next_focus
        assert reflection.client_progress is not None
        assert reflection.competencies and all(isinstance(c, Competency) for c in reflection.competencies)
        assert reflection.payment == repo.get_client(session.client_id).agreement.payment


def test_plan_revisions_have_reasons_and_point_at_real_records(repo: Repository) -> None:
    decided_by = set()
    for client in repo.list_clients():
        revisions = repo.list_revisions(client.id)
        assert revisions, client.name
        targets = {g.id for g in repo.list_goals(client.id)}
        targets |= {a.id for a in repo.list_actions(client.id)}
        targets |= {c.id for c in repo.list_checkins(client.id)}
        for revision in revisions:
            assert revision.reason and revision.summary and revision.changes
            assert revision.target_id in targets
            decided_by.add(revision.client_decided)
    assert decided_by == {True, False}


def test_check_ins_include_past_and_upcoming(repo: Repository) -> None:
    for client in repo.list_clients():
        checkins = repo.list_checkins(client.id)
        assert any(c.done for c in checkins) and any(not c.done for c in checkins)
        summary = repo.summary(client.id)
        assert summary.next_checkin is not None and summary.next_checkin > TODAY


def test_demo_is_deterministic_and_follows_today(tmp_path: Path) -> None:
    later = TODAY + timedelta(days=200)
    folders = [_build(tmp_path / "a"), _build(tmp_path / "b"), _build(tmp_path / "c", today=later)]
    dumps = []
    for folder in folders:
        with Repository.open(folder, read_only=True) as repo:
            dumps.append([s.model_dump() for s in _sessions(repo)])
            newest = max(s.started_at.date() for s in _sessions(repo))
            today = later if folder.name == "c" else TODAY
            assert today - timedelta(days=5) <= newest < today
    assert dumps[0] == dumps[1]
    assert dumps[0] != dumps[2]


# --- synthetic practices --------------------------------------------------------------------


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
            assert repo.summary(client.id).sessions_held == len(own)
        for session in sessions:
            _assert_session_is_coherent(session)
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
