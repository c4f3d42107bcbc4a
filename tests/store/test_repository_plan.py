"""Tests the repository's plan records: plan, goals, actions, check-ins, revisions, plan state."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from coachtui.domain.models import (
    Action,
    ActionStatus,
    CheckIn,
    Client,
    CoachingPlan,
    Goal,
    PlanRevision,
    PlanState,
)
from coachtui.store import atomic
from coachtui.store.errors import RecordNotFound
from coachtui.store.repository import Repository


def test_empty_plan_until_saved(repo: Repository, client: Client) -> None:
    plan = repo.get_plan(client.id)
    assert (plan.id, plan.client_id, plan.vision) == (client.id, client.id, "")
    repo.save_plan(CoachingPlan(id=client.id, client_id=client.id, vision="Lead with calm", values=["care"]))
    repo.save_plan(CoachingPlan(id=client.id, client_id=client.id, vision="Lead with courage"))
    assert repo.get_plan(client.id).vision == "Lead with courage"


def test_unknown_client_has_no_plan(repo: Repository) -> None:
    with pytest.raises(RecordNotFound):
        repo.get_plan("ghost")
    with pytest.raises(RecordNotFound):
        repo.save_goal(Goal(client_id="ghost", title="x"))


def test_goals_by_position_update_delete(repo: Repository, client: Client) -> None:
    second = Goal(client_id=client.id, title="Second", position=2)
    first = Goal(client_id=client.id, title="First", position=1)
    repo.save_goal(second)
    repo.save_goal(first)
    assert [g.title for g in repo.list_goals(client.id)] == ["First", "Second"]
    second.title = "Second, sharper"
    repo.save_goal(second)
    assert [g.title for g in repo.list_goals(client.id)] == ["First", "Second, sharper"]
    repo.delete_goal(client.id, first.id)
    assert repo.list_goals(client.id) == [second]
    with pytest.raises(RecordNotFound, match="goal"):
        repo.delete_goal(client.id, first.id)


def test_actions_by_position_update_delete(repo: Repository, client: Client) -> None:
    late = Action(client_id=client.id, text="Later", position=5)
    early = Action(client_id=client.id, text="Sooner", position=0)
    repo.save_action(late)
    repo.save_action(early)
    assert repo.list_actions(client.id) == [early, late]
    early.status = ActionStatus.DONE
    repo.save_action(early)
    assert repo.list_actions(client.id)[0].status == ActionStatus.DONE
    repo.delete_action(client.id, late.id)
    assert repo.list_actions(client.id) == [early]
    with pytest.raises(RecordNotFound, match="action"):
        repo.delete_action(client.id, "nope")


def test_checkins_update_delete(repo: Repository, client: Client) -> None:
    one = CheckIn(client_id=client.id, at_session=3, focus="what works")
    two = CheckIn(client_id=client.id, on_date=date(2026, 6, 1))
    repo.save_checkin(one)
    repo.save_checkin(two)
    one.done = True
    repo.save_checkin(one)
    assert repo.list_checkins(client.id) == [one, two]
    repo.delete_checkin(client.id, two.id)
    assert repo.list_checkins(client.id) == [one]
    with pytest.raises(RecordNotFound, match="check-in"):
        repo.delete_checkin(client.id, two.id)


def test_revisions_oldest_first_and_by_target(repo: Repository, client: Client) -> None:
    later = PlanRevision(
        client_id=client.id, at=datetime(2026, 3, 2), target_kind="goal", target_id="g1", summary="b"
    )
    earlier = PlanRevision(
        client_id=client.id, at=datetime(2026, 3, 1), target_kind="goal", target_id="g2", summary="a"
    )
    repo.add_revision(later)
    repo.add_revision(earlier)
    assert repo.list_revisions(client.id) == [earlier, later]
    assert repo.list_revisions(client.id, target_id="g1") == [later]
    assert repo.list_revisions(client.id, target_id="zz") == []


def test_plan_state_round_trip_in_one_write(
    data_dir: Path, repo: Repository, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save_goal(Goal(client_id=client.id, title="Dropped later"))
    state = PlanState(
        plan=CoachingPlan(id=client.id, client_id=client.id, vision="v", values=["a", "b"]),
        goals=[Goal(client_id=client.id, title=f"G{i}", position=i) for i in range(3)],
        actions=[Action(client_id=client.id, text=f"A{i}", position=i) for i in range(4)],
        checkins=[CheckIn(client_id=client.id, at_session=n) for n in (3, 6)],
    )
    revisions = [
        PlanRevision(client_id=client.id, target_kind="goal", summary="Reworded", reason="client asked"),
        PlanRevision(client_id=client.id, target_kind="plan", summary="New vision", client_decided=False),
    ]
    written: list[Path] = []
    real = atomic.atomic_write_bytes
    monkeypatch.setattr(atomic, "atomic_write_bytes", lambda p, d: (written.append(Path(p)), real(p, d))[1])
    repo.save_plan_state(client.id, state, revisions)
    assert written.count(data_dir / "clients" / f"{client.id}.json") == 1
    assert repo.load_plan_state(client.id) == state
    assert repo.list_revisions(client.id) == revisions
    repo.close()
    with Repository.open(data_dir) as reopened:
        assert reopened.load_plan_state(client.id) == state
        assert len(reopened.list_revisions(client.id)) == 2


def test_plan_state_of_another_client_is_refused(repo: Repository, client: Client) -> None:
    state = PlanState(plan=CoachingPlan(client_id=client.id), goals=[Goal(client_id="other", title="x")])
    with pytest.raises(ValueError, match="another client"):
        repo.save_plan_state(client.id, state)
    assert repo.list_goals(client.id) == []
