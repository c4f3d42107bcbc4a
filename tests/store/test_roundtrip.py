"""Tests that every kind of record comes back from the files exactly as it was saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from coachtui.domain.models import (
    Action,
    CheckIn,
    Client,
    CoachingPlan,
    Goal,
    LiveDraft,
    PlanRevision,
    Reflection,
    Session,
    new_id,
)
from coachtui.store.repository import Repository
from tests.domain.strategies import model_strategy

EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def comparable(record: BaseModel) -> Any:
    """The record's JSON form without schema versions, which the store stamps on save."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "schema_version"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(record.model_dump(mode="json"))


def owned(record: BaseModel, client_id: str) -> Any:
    fields: dict[str, Any] = {"client_id": client_id}
    for unique in ("id", "session_id"):  # a reflection is stored by its session
        if unique in type(record).model_fields:
            fields[unique] = new_id()
    return type(record).model_validate({**record.model_dump(), **fields})


def test_every_record_kind_round_trips(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    saved: list[tuple[str, BaseModel]] = []
    with Repository.open(data_dir) as repo:
        anchor = Client(name="Anchor")
        repo.save_client(anchor)

        @EXAMPLES
        @given(
            kind=st.sampled_from(
                ["client", "plan", "goal", "action", "checkin", "revision", "session", "reflection"]
            ),
            data=st.data(),
        )
        def check(kind: str, data: st.DataObject) -> None:
            model = {
                "client": Client,
                "plan": CoachingPlan,
                "goal": Goal,
                "action": Action,
                "checkin": CheckIn,
                "revision": PlanRevision,
                "session": Session,
                "reflection": Reflection,
            }[kind]
            record = data.draw(model_strategy(model))
            if kind == "client":
                record = record.model_copy(update={"id": new_id()})
                repo.save_client(record)
                back: BaseModel = repo.get_client(record.id)
            else:
                record = owned(record, anchor.id)
                back = save_and_read(repo, kind, record)
            assert comparable(back) == comparable(record)
            saved.append((kind, record))

        check()
    with Repository.open(data_dir) as reopened:
        for kind, record in saved:
            if kind == "client":
                assert comparable(reopened.get_client(record.id)) == comparable(record)
            elif kind != "plan":  # one plan per client: only the last one stays
                assert comparable(read(reopened, kind, record)) == comparable(record)


def save_and_read(repo: Repository, kind: str, record: Any) -> BaseModel:
    {
        "plan": repo.save_plan,
        "goal": repo.save_goal,
        "action": repo.save_action,
        "checkin": repo.save_checkin,
        "revision": repo.add_revision,
        "session": repo.save_session,
        "reflection": repo.save_reflection,
    }[kind](record)
    return read(repo, kind, record)


def read(repo: Repository, kind: str, record: Any) -> BaseModel:
    client_id = record.client_id
    if kind == "plan":
        return repo.get_plan(client_id)
    if kind == "session":
        return repo.get_session(client_id, record.id)
    if kind == "reflection":
        found = repo.get_reflection(record.session_id)
        assert found is not None
        return found
    listing = {
        "goal": repo.list_goals,
        "action": repo.list_actions,
        "checkin": repo.list_checkins,
        "revision": repo.list_revisions,
    }[kind](client_id)
    return next(r for r in listing if r.id == record.id)


@EXAMPLES
@given(draft=model_strategy(LiveDraft))
def test_drafts_round_trip(tmp_path_factory: Any, draft: LiveDraft) -> None:
    data_dir = tmp_path_factory.mktemp("drafts")
    with Repository.open(data_dir) as repo:
        client = Client(name="Ann")
        repo.save_client(client)
        session = owned(draft.session, client.id)
        draft = draft.model_copy(update={"session": session})
        repo.save_draft(draft)
        (back,) = repo.list_drafts()
        assert comparable(back) == comparable(draft)


def test_hard_text_round_trips(repo: Repository, client: Client) -> None:
    text = (
        "emoji 🙂👩🏽‍💻, right-to-left שלום مرحبا, controls \x00\x07\x1b[31m\t\r\n, quotes \"'\\ "
        + "x" * 1_000_000
    )
    goal = Goal(client_id=client.id, title=text)
    repo.save_goal(goal)
    repo.close()
    with Repository.open(repo.data_dir) as reopened:
        assert reopened.list_goals(client.id)[0].title == text
