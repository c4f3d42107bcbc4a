"""Tests the schema migrations: version 0 documents upgrade, newer ones are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachtui.domain.models import SCHEMA_VERSION, Client, LiveDraft, Session
from coachtui.store.errors import CorruptFileError, NewerSchemaError
from coachtui.store.migrations import CURRENT_VERSION, document_version, migrate, migrate_file

V0_CLIENT = {"id": "c1", "name": "Ann", "consent_to_be_named": True}
V0_SESSION = {
    "id": "s1",
    "client_id": "c1",
    "number": 1,
    "started_at": "2025-01-06T10:00:00",
    "notes": [{"at": "2025-01-06T10:01:00", "stage": "goal", "tag": "insight", "text": "aha"}],
}


def test_current_version_is_the_models() -> None:
    assert CURRENT_VERSION == SCHEMA_VERSION == 1


def test_v0_client_consent_is_renamed() -> None:
    upgraded = migrate(V0_CLIENT, "client")
    assert upgraded["consent_named_in_log"] is True
    assert "consent_to_be_named" not in upgraded
    assert upgraded["schema_version"] == 1
    assert Client.model_validate(upgraded).consent_named_in_log
    assert "consent_to_be_named" in V0_CLIENT  # the input is not changed


def test_v0_note_tag_becomes_kind() -> None:
    session = Session.model_validate(migrate(V0_SESSION, "session"))
    assert session.notes[0].kind == "insight"


def test_v0_draft_upgrades_its_session() -> None:
    draft = {"session": V0_SESSION, "editor_text": "x", "actions": []}
    assert LiveDraft.model_validate(migrate(draft, "draft")).session.notes[0].kind == "insight"


def test_current_document_is_unchanged() -> None:
    document = {**V0_CLIENT, "schema_version": 1}
    assert migrate(document, "client") == document


def test_newer_document_is_refused() -> None:
    with pytest.raises(NewerSchemaError, match="upgrade coachtui"):
        migrate({**V0_CLIENT, "schema_version": CURRENT_VERSION + 1}, "client")


@pytest.mark.parametrize("bad", ["1", -1, True, 1.5])
def test_invalid_version_number(bad: object) -> None:
    with pytest.raises(ValueError, match="not a version number"):
        document_version({"schema_version": bad})


def test_file_without_meta_is_version_0(tmp_path: Path) -> None:
    data, oldest = migrate_file({"clients": {"1": V0_CLIENT}}, "practice", tmp_path / "p.json")
    assert oldest == 0
    assert data["_meta"] == {"1": {"kind": "practice", "schema_version": 1}}
    assert data["clients"]["1"]["consent_named_in_log"] is True


def test_new_file_gets_meta(tmp_path: Path) -> None:
    assert migrate_file(None, "client", tmp_path / "c.json") == (
        {"_meta": {"1": {"kind": "client", "schema_version": 1}}},
        1,
    )


def test_newer_file_is_refused(tmp_path: Path) -> None:
    data = {"_meta": {"1": {"kind": "practice", "schema_version": 9}}}
    with pytest.raises(NewerSchemaError) as caught:
        migrate_file(data, "practice", tmp_path / "p.json")
    assert "version 9" in str(caught.value) and str(tmp_path / "p.json") in str(caught.value)


def test_newer_document_in_current_file_is_refused(tmp_path: Path) -> None:
    data = {
        "_meta": {"1": {"kind": "practice", "schema_version": 1}},
        "clients": {"1": {"schema_version": 2}},
    }
    with pytest.raises(NewerSchemaError):
        migrate_file(data, "practice", tmp_path / "p.json")


def test_wrong_kind_of_file(tmp_path: Path) -> None:
    data = {"_meta": {"1": {"kind": "client", "schema_version": 1}}}
    with pytest.raises(CorruptFileError, match="is a 'client' file, not a 'practice' file"):
        migrate_file(data, "practice", tmp_path / "p.json")


def test_unknown_tables_are_kept(tmp_path: Path) -> None:
    data, _ = migrate_file({"_default": {"1": {"x": 1}}}, "practice", tmp_path / "p.json")
    assert data["_default"] == {"1": {"x": 1}}
