"""Tests an encrypted practice: nothing readable on disk, every feature as before, and every failure
(wrong passphrase, tampered, truncated, swapped or future file) a clear message that changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from coachtui.domain.models import LiveDraft, Note, Reflection, Session
from coachtui.domain.search_query import parse_query
from coachtui.store import keyfile
from coachtui.store.archive import ArchiveError, read_backup, write_backup
from coachtui.store.conversion import change_passphrase, decrypt_folder
from coachtui.store.crypt import HEADER_SIZE
from coachtui.store.errors import CorruptFileError, EncryptedError
from coachtui.store.repository import Repository
from coachtui.store.restore import restore_backup
from tests.closing import as_closed
from tests.crypt_helpers import (
    CLIENT_NAMES,
    PASSPHRASE,
    demo_practice,
    encrypt,
    hashes,
    leaks,
    note_phrases,
    records,
    unlock,
)

SECRET = "the merger with Halvorsen stays between us"


@pytest.fixture
def practice(data_dir: Path) -> Path:
    demo_practice(data_dir)
    return data_dir


def live_session(data_dir: Path, clock: object) -> str:
    """A live session typed, autosaved, closed and reflected on; a search; a backup into the folder."""
    cipher = unlock(data_dir)
    with Repository.open(data_dir, cipher=cipher, clock=clock) as repo:  # type: ignore[arg-type]
        dana = repo.find_client("dana")
        started = clock()  # type: ignore[operator]
        session = Session(client_id=dana.id, number=repo.next_session_number(dana.id), started_at=started)
        session.notes.append(Note(at=started, stage="goal", text=SECRET))
        repo.save_draft(LiveDraft(session=session, editor_text=SECRET + " and more", saved_at=started))
        repo.close_session(as_closed(session, started + timedelta(minutes=50)), [])
        repo.save_reflection(
            Reflection(session_id=session.id, client_id=dana.id, what_worked=SECRET, learned=SECRET)
        )
        repo.save_reflection_draft("s" + session.id[1:], {"learned": SECRET})
        hits = repo.search(parse_query("Halvorsen", date(2026, 3, 2)))
        assert [hit.session_id for hit in hits] == [session.id, session.id, session.id]
    write_backup(data_dir, data_dir / "backups" / "by-hand.zip", now=clock(), cipher=cipher)  # type: ignore[operator]
    return session.id


def test_nothing_of_a_note_or_a_name_is_readable_on_disk(practice: Path, clock: object) -> None:
    phrases = note_phrases(practice)
    assert len(phrases) > 100 and leaks(practice, [*CLIENT_NAMES, *phrases])  # the grep finds plain text
    encrypt(practice)
    live_session(practice, clock)
    assert not (practice / "index").exists()  # the search index lived in memory only
    assert list((practice / "backups").glob("*.json")), "daily backups were taken, encrypted"
    assert leaks(practice, [*CLIENT_NAMES, *phrases, SECRET, "Halvorsen"]) == []


def test_round_trip_keeps_every_record(practice: Path, clock: object) -> None:
    before = records(practice)
    recovery = encrypt(practice)
    assert records(practice, unlock(practice)) == before
    live_session(practice, clock)
    used = records(practice, unlock(practice))
    change_passphrase(practice, unlock(practice), "a new and longer passphrase", scrypt_n=2**10)
    with pytest.raises(keyfile.WrongPassphrase):
        unlock(practice)
    found = keyfile.read_keyfile(practice)
    assert found is not None
    by_recovery = keyfile.unlock(practice, found, recovery=keyfile.parse_recovery_key(recovery.lower()))
    decrypt_folder(practice, unlock(practice, "a new and longer passphrase"))
    assert not (practice / "keys.json").exists()
    assert records(practice) == used
    assert by_recovery.key_id == found.key_id


def test_wrong_passphrase_changes_nothing(practice: Path) -> None:
    encrypt(practice)
    before = hashes(practice)
    found = keyfile.read_keyfile(practice)
    assert found is not None
    with pytest.raises(keyfile.WrongPassphrase, match="^That passphrase does not open this practice.$"):
        keyfile.unlock(practice, found, passphrase=PASSPHRASE + "!")
    with pytest.raises(EncryptedError, match="is encrypted"):
        Repository.open(practice)
    assert hashes(practice) == before


def _client_file(practice: Path) -> Path:
    return sorted((practice / "clients").glob("*[0-9a-f].json"))[0]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]), "fails its authentication check"),
        (lambda raw: raw[: HEADER_SIZE + 40], "fails its authentication check"),
        (lambda raw: raw[:20], "truncated"),
        (lambda raw: raw[:12] + b"\x02" + raw[13:], "format 2, written by a newer coachtui"),
        (lambda raw: b'{"_meta": {}}', "not encrypted, though this practice is"),
    ],
    ids=["tampered", "truncated", "cut-in-header", "future-version", "plain-swapped-in"],
)
def test_a_damaged_file_is_refused_by_name(
    practice: Path, clock: object, damage: object, reason: str
) -> None:
    encrypt(practice)
    with Repository.open(practice, cipher=unlock(practice), clock=clock) as repo:  # type: ignore[arg-type]
        clients = repo.list_clients()
        for client in clients:
            repo.list_sessions(client.id)  # reading a client's file takes its daily backup
    path = _client_file(practice)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    before = hashes(practice)
    with Repository.open(practice, cipher=unlock(practice), clock=clock) as repo:  # type: ignore[arg-type]
        for client in clients:
            try:
                repo.list_sessions(client.id)
            except CorruptFileError as error:
                assert error.path == path and reason in str(error)
                assert error.latest_backup is not None  # the backup offered, as for a corrupt plain file
                assert SECRET not in str(error) and PASSPHRASE not in str(error)
                break
        else:
            pytest.fail("the damaged file was read")
    assert hashes(practice) == before


def test_a_file_put_in_another_ones_place_is_refused(practice: Path) -> None:
    encrypt(practice)
    first, second = sorted((practice / "clients").glob("*[0-9a-f].json"))[:2]
    second.write_bytes(first.read_bytes())
    cipher = unlock(practice)
    with pytest.raises(CorruptFileError, match="put in another file's place"):
        records(practice, cipher)


def test_an_altered_keyfile_is_refused(practice: Path) -> None:
    encrypt(practice)
    path = practice / "keys.json"
    path.write_text(path.read_text().replace('"encrypted"', '"encrypting"'))
    found = keyfile.read_keyfile(practice)
    assert found is not None
    with pytest.raises(keyfile.KeyfileError, match="was altered"):
        keyfile.unlock(practice, found, passphrase=PASSPHRASE)


def test_an_encrypted_backup_archive_restores_with_the_passphrase(
    practice: Path, clock: object, tmp_path: Path
) -> None:
    encrypt(practice)
    cipher = unlock(practice)
    archive = tmp_path / "practice.zip"
    write_backup(practice, archive, now=clock(), cipher=cipher)  # type: ignore[operator]
    assert leaks(tmp_path, list(CLIENT_NAMES)) == []

    def by_passphrase(keys: bytes) -> object:
        elsewhere = tmp_path / "restored"
        elsewhere.mkdir(exist_ok=True)
        (elsewhere / "keys.json").write_bytes(keys)
        return unlock(elsewhere)

    expected = {name for name in records(practice, cipher) if not name.startswith("backups/")}
    assert {m.path for m in read_backup(archive, by_passphrase)} == expected | {"keys.json"}
    with pytest.raises(ArchiveError, match="encrypted backup"):
        read_backup(archive)
    target = tmp_path / "restored"
    restore_backup(archive, target, now=clock(), unlock=by_passphrase)  # type: ignore[operator,arg-type]
    assert records(target, unlock(target)) == {
        name: data for name, data in records(practice, cipher).items() if not name.startswith("backups/")
    }


def test_erasing_a_client_of_an_encrypted_practice(practice: Path, clock: object) -> None:
    encrypt(practice)
    with Repository.open(practice, cipher=unlock(practice), clock=clock) as repo:  # type: ignore[arg-type]
        sam = repo.find_client("sam")
        report = repo.erase_client(sam.id)
    assert report.leftovers == []
    assert "Sam Okafor" not in str(records(practice, unlock(practice)))
