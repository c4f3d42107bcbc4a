"""Tests the demo practice: its story is data, it loads and validates, and it is complete, believable and current."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from coachtui.data.demo import ClientStory, load_story
from coachtui.demo import build_client, build_demo_practice
from coachtui.domain.accountability import STATUS_AFTER_REVIEW
from coachtui.domain.frameworks import load_framework
from coachtui.domain.models import (
    ActionStatus,
    Competency,
    NoteKind,
    Payment,
    Session,
    SessionStatus,
)
from coachtui.store.repository import Repository

TODAY = date(2026, 11, 25)
"""A Wednesday; the demo's dates are all relative to it."""


def _build(folder: Path, today: date = TODAY, seed: int = 7) -> Path:
    with Repository.open(folder) as repo:
        build_demo_practice(repo, today=today, seed=seed)
    return folder


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("demo") / "data")


@pytest.fixture
def repo(demo_dir: Path) -> Iterator[Repository]:
    """The demo, reopened from disk: everything below was really written and reads back valid."""
    with Repository.open(demo_dir, read_only=True) as repository:
        yield repository


def _sessions(repo: Repository) -> list[Session]:
    return [s for c in repo.list_clients() for s in repo.list_sessions(c.id)]


def assert_session_is_coherent(session: Session) -> None:
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
            assert_session_is_coherent(session)
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
            if action.reviews:
                assert action.status == STATUS_AFTER_REVIEW[action.reviews[-1].outcome], action.text
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
        goals = {g.id: g for g in repo.list_goals(client.id)}
        for revision in revisions:
            for change in revision.changes:
                if change.field == "target_date" and revision.target_id in goals:
                    # The last move of a target date lands on the goal's target date, relative to today.
                    assert change.after == str(goals[revision.target_id].target_date)
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


# --- the story as data ----------------------------------------------------------------------


def test_the_story_is_shipped_as_one_json_file_a_client_with_no_calendar_dates() -> None:
    files = sorted(
        f.name for f in resources.files("coachtui.data.demo").iterdir() if f.name.endswith(".json")
    )
    assert files == ["1-dana-ortiz.json", "2-sam-okafor.json", "3-priya-raman.json"]
    for name in files:
        text = resources.files("coachtui.data.demo").joinpath(name).read_text(encoding="utf-8")
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text), f"{name}: dates are relative to today"
    assert [story.client["name"] for story in load_story()] == ["Dana Ortiz", "Sam Okafor", "Priya Raman"]


def test_the_story_is_told_whole(repo: Repository) -> None:
    """What the story files hold, counted: a change to them shows here first."""
    told = {}
    for client in repo.list_clients():
        sessions = repo.list_sessions(client.id)
        told[client.name] = (
            [s.framework for s in sessions],
            len(repo.list_goals(client.id)),
            len(repo.list_actions(client.id)),
            sum(len(s.reviews) for s in sessions),
            len(repo.list_checkins(client.id)),
            len(repo.list_revisions(client.id)),
            sum(len(s.notes) for s in sessions),
        )
    assert told == {
        "Dana Ortiz": (["grow"] * 3, 3, 8, 5, 3, 2, 37),
        "Priya Raman": (["grow", "grow", "grow", "oskar", "grow"], 3, 10, 9, 2, 4, 45),
        "Sam Okafor": (["clear", "grow", "grow", "grow"], 3, 9, 7, 3, 2, 43),
    }
    assert len(repo.list_reflections()) == 10


def _dump(folder: Path) -> list[Any]:
    with Repository.open(folder, read_only=True) as repo:
        records: list[Any] = [r.model_dump() for r in repo.list_reflections()]
        for client in repo.list_clients():
            records += [client.model_dump(), repo.get_plan(client.id).model_dump()]
            for listed in (repo.list_goals, repo.list_actions, repo.list_checkins, repo.list_revisions):
                records += [r.model_dump() for r in listed(client.id)]
            records += [s.model_dump() for s in repo.list_sessions(client.id)]
    return records


def _shifted(value: Any, by: timedelta) -> Any:
    """``value`` with every date, timestamp and ISO date text in it moved by ``by``."""
    if isinstance(value, date | datetime):
        return value + by
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (date.fromisoformat(value) + by).isoformat()
    if isinstance(value, dict):
        return {key: _shifted(item, by) for key, item in value.items()}
    if isinstance(value, list):
        return [_shifted(item, by) for item in value]
    return value


def test_every_date_is_relative_to_today(tmp_path: Path) -> None:
    """Four weeks later (the same weekday) the same demo comes out, every date four weeks on."""
    weeks = timedelta(days=28)
    now, later = _dump(_build(tmp_path / "now")), _dump(_build(tmp_path / "later", today=TODAY + weeks))
    assert later != now
    assert later == _shifted(now, weeks)


def test_a_mistake_in_the_story_fails_loudly() -> None:
    story = load_story()[0].model_dump()
    rng = random.Random(1)
    misspelt = {**story, "goals": [{**story["goals"][0], "titel": "typo"}, *story["goals"][1:]]}
    with pytest.raises(ValidationError, match="titel"):
        build_client(ClientStory.model_validate(misspelt), TODAY, rng)
    [first, *rest] = story["sessions"]
    unknown_goal = {
        **story,
        "sessions": [{**first, "actions": [{**first["actions"][0], "goal": "nope"}]}, *rest],
    }
    with pytest.raises(ValueError, match="unknown goal 'nope'"):
        build_client(ClientStory.model_validate(unknown_goal), TODAY, rng)
    with pytest.raises(ValidationError, match="started_days"):
        ClientStory.model_validate({**story, "started_days": 3})
