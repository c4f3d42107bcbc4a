"""Finding a session and its recap read the client's file without loading it: only the session and the
actions it shows are validated, a changed file is read again, an older file is migrated, a newer or
broken one is refused naming it, and the recap is the one the loaded file gives."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from coachtui.domain.models import Action, ActionReview, CheckIn, Client, ReviewOutcome, SessionStatus
from coachtui.store.errors import CorruptFileError, NewerSchemaError
from coachtui.store.exports import recap_text
from coachtui.store.repository import Repository
from tests.store.conftest import T0, make_session

DANA = "aa0000000001"


@pytest.fixture
def practice(data_dir: Path) -> Path:
    with Repository.open(data_dir) as repo:
        repo.save_client(Client(id=DANA, name="Dana Ortiz"))
        agreed = Action(id="act000000001", client_id=DANA, text="Draft the CV", position=0)
        reviewed = Action(id="act000000002", client_id=DANA, text="Call the mentor", position=1)
        other = Action(id="act000000003", client_id=DANA, text="Unrelated", position=2)
        for action in (agreed, reviewed, other):
            repo.save_action(action)
        repo.save_checkin(CheckIn(client_id=DANA, at_session=4, focus="midway"))
        for number in (1, 2):
            repo.save_session(make_session(DANA, number, notes=2, status=SessionStatus.CLOSED))
        last = make_session(
            DANA,
            3,
            notes=2,
            status=SessionStatus.CLOSED,
            action_ids=[agreed.id],
            reviews=[ActionReview(action_id=reviewed.id, at=T0, outcome=ReviewOutcome.DONE, learning="ok")],
        )
        repo.save_session(last)
    return data_dir


def client_file(data_dir: Path) -> Path:
    return data_dir / "clients" / f"{DANA}.json"


def edit(data_dir: Path, change: object) -> None:
    """Rewrite Dana's file by hand (as another program, or a broken disk, would)."""
    data = orjson.loads(client_file(data_dir).read_bytes())
    change(data)  # type: ignore[operator]
    client_file(data_dir).write_bytes(orjson.dumps(data))


def test_the_recap_of_the_last_session_leaves_the_client_file_unloaded(practice: Path) -> None:
    with Repository.open(practice, read_only=True) as repo:
        session = repo.find_session("dana last")
        text = recap_text(repo, session)
        assert repo._clients == {}  # noqa: SLF001 - nothing loaded and validated whole
        assert session.number == 3
        assert "Draft the CV" in text and "Call the mentor" in text and "Unrelated" not in text
    with Repository.open(practice, read_only=True) as repo:
        repo.list_sessions(DANA)  # the file loaded: the recap from memory is the same
        assert recap_text(repo, repo.find_session("dana last")) == text


def test_the_recap_only_validates_what_it_shows(practice: Path) -> None:
    # An action the recap does not show, and an older session, are broken: the recap is still written
    # (opening the client in the app reports the file).
    def break_others(data: dict[str, dict[str, dict[str, object]]]) -> None:
        for document in data["actions"].values():
            if document["id"] == "act000000003":
                document["text"] = ""
        for document in data["sessions"].values():
            if document["number"] == 1:
                document["planned_minutes"] = 1

    edit(practice, break_others)
    with Repository.open(practice, read_only=True) as repo:
        assert "Draft the CV" in recap_text(repo, repo.find_session("dana last"))
        with pytest.raises(CorruptFileError):
            repo.list_sessions(DANA)


def test_a_session_changed_on_disk_is_read_again(practice: Path) -> None:
    with Repository.open(practice, read_only=True) as looking:
        assert looking.find_session("dana last").number == 3
        with Repository.open(practice) as writing:
            writing.save_session(make_session(DANA, 4, status=SessionStatus.CLOSED))
        assert looking.find_session("dana last").number == 4
        assert looking.find_session(looking.find_session("dana 4").id).number == 4


def test_a_broken_session_is_refused_naming_the_file_and_record(practice: Path) -> None:
    def break_last(data: dict[str, dict[str, dict[str, object]]]) -> None:
        for document in data["sessions"].values():
            if document["number"] == 3:
                document["started_at"] = "yesterday"

    edit(practice, break_last)
    with Repository.open(practice, read_only=True) as repo, pytest.raises(CorruptFileError) as refused:
        repo.find_session("dana last")
    assert refused.value.path == client_file(practice)
    assert "'sessions' record" in str(refused.value) and "started_at" in str(refused.value)


def test_a_session_number_that_is_no_number_is_refused_as_the_loaded_file_refuses_it(practice: Path) -> None:
    def break_number(data: dict[str, dict[str, dict[str, object]]]) -> None:
        next(iter(data["sessions"].values()))["number"] = "seven"

    edit(practice, break_number)
    with Repository.open(practice, read_only=True) as repo, pytest.raises(CorruptFileError) as refused:
        repo.find_session("dana 2")
    assert "number" in str(refused.value)


def test_an_older_file_is_migrated_before_its_session_is_read(practice: Path) -> None:
    def to_v0(data: dict[str, dict[str, dict[str, object]]]) -> None:
        data["_meta"]["1"]["schema_version"] = 0
        for document in data["sessions"].values():
            del document["schema_version"]
            for note in document["notes"]:  # type: ignore[attr-defined]
                note["tag"] = note.pop("kind")

    edit(practice, to_v0)
    with Repository.open(practice, read_only=True) as repo:
        assert len(repo.find_session("dana last").notes) == 2


def test_a_file_of_a_newer_coachtui_is_refused(practice: Path) -> None:
    edit(practice, lambda data: data["_meta"]["1"].update(schema_version=99))
    with Repository.open(practice, read_only=True) as repo, pytest.raises(NewerSchemaError):
        repo.find_session("dana last")
