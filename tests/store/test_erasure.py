"""Tests erasure: after it, no byte of the data folder (backups, archives and the index included) holds
the client's name or a phrase of their notes, and the other clients are intact and searchable."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coachtui.demo import build_demo_practice
from coachtui.domain.models import LiveDraft
from coachtui.domain.search_query import parse_query
from coachtui.store.repository import Repository
from coachtui.store.restore import restore_backup
from tests.conftest import FakeClock

DAY1 = datetime(2026, 3, 2, 9, 0, 0)


def every_byte(folder: Path) -> dict[Path, bytes]:
    """What ``grep -a -r`` reads, plus the members of the zip archives, which it would see compressed."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[path] = path.read_bytes()
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as zipped:
                    found[path] += b"".join(zipped.read(name) for name in zipped.namelist())
    return found


def holding(folder: Path, needle: str) -> list[str]:
    return [str(p.relative_to(folder)) for p, data in every_byte(folder).items() if needle.encode() in data]


def a_phrase_of(repo: Repository, client_id: str) -> str:
    """Some words of the client's notes that no other client's records hold."""
    for session in repo.list_sessions(client_id):
        for note in session.notes:
            if len(note.text) > 30:
                return note.text[:30]
    raise AssertionError("the demo client has no note")


@pytest.fixture
def practice(data_dir: Path) -> FakeClock:
    """The demo practice, opened on three days (so practice.json has three backups), with every kind
    of trace of Dana: drafts, a broken draft, a reflection draft, a setting, an export, the index and
    the archive a restore keeps."""
    clock = FakeClock(DAY1)
    with Repository.open(data_dir, clock=clock) as repo:
        build_demo_practice(repo, today=DAY1.date())
    for day in range(1, 3):
        clock.now = DAY1 + timedelta(days=day)
        with Repository.open(data_dir, clock=clock) as repo:
            dana = repo.find_client("dana")
            sessions = repo.list_sessions(dana.id)  # loads her file: its daily backup
            repo.set_setting(f"opened.{day}", {"client": dana.id})
            repo.search(parse_query("career", DAY1.date()))  # writes the index
    from coachtui.store.archive import write_backup

    write_backup(data_dir, data_dir.parent / "a.zip", now=clock.now)
    restore_backup(data_dir.parent / "a.zip", data_dir, now=clock.now)  # keeps backups/before-restore-*.zip
    with Repository.open(data_dir, clock=clock) as repo:
        dana = repo.find_client("dana")
        last = sessions[-1]
        repo.search(parse_query("career", DAY1.date()))  # the restore dropped the index
        repo.save_draft(LiveDraft(session=last.model_copy(update={"id": "live00000001"}), saved_at=clock.now))
        repo.save_reflection_draft(last.id, {"learning": a_phrase_of(repo, dana.id)})
        repo.set_setting("favourite", f"{dana.name} likes mornings")
        repo.record_export(Path("/home/coach/recaps/dana-ortiz-session-3.md"), dana.id)
        repo.record_export(Path("/home/coach/all.ics"), [c.id for c in repo.list_clients()])
    (data_dir / "drafts" / f"{last.id}.broken-20260303-090000.json").write_bytes(
        b"{broken " + dana.name.encode()
    )
    return clock


def test_erasure_leaves_no_byte_of_the_client(data_dir: Path, practice: FakeClock) -> None:
    with Repository.open(data_dir, clock=practice) as repo:
        dana = repo.find_client("dana")
        phrase = a_phrase_of(repo, dana.id)
        others = {c.id: (c, repo.list_sessions(c.id)) for c in repo.list_clients() if c.id != dana.id}
        assert len(holding(data_dir, dana.name)) == 5  # practice.json, its 2 backups, the archive, a draft
        assert len(holding(data_dir, phrase)) >= 5  # her file, its backup, the archive, the index, a draft
        report = repo.erase_client(dana.id)
        assert report.leftovers == []
        assert [str(p) for p in report.exports] == [
            "/home/coach/recaps/dana-ortiz-session-3.md",
            "/home/coach/all.ics",
        ]
        assert repo.exports_of(dana.id) == []
        assert len(repo.exports_of(next(iter(others)))) == 1
        assert sorted(c.id for c in repo.list_clients()) == sorted(others)
        for client, sessions in others.values():
            assert repo.get_client(client.id) == client
            assert repo.list_sessions(client.id) == sessions
        sam_words = a_phrase_of(repo, repo.find_client("sam").id).split()[:2]
        hits = repo.search(parse_query(" ".join(sam_words), DAY1.date()))
        assert hits and {hit.client_id for hit in hits} <= set(others)
    assert (data_dir / "index" / "notes.sqlite3").exists()  # rebuilt without her
    for needle in (dana.name, phrase, dana.id):
        assert holding(data_dir, needle) == [], needle
    assert len(list((data_dir / "backups").glob("practice.*.json"))) == 2  # rewritten, not deleted


def test_erased_backups_keep_their_order(data_dir: Path, practice: FakeClock) -> None:
    """The rotation orders backups by modification time: a rewrite must not make the oldest look new."""
    practice_backups = sorted(
        (data_dir / "backups").glob("practice.*.json"), key=lambda p: p.stat().st_mtime_ns
    )
    before = [p.stat().st_mtime_ns for p in practice_backups]
    with Repository.open(data_dir, clock=practice) as repo:
        report = repo.erase_client(repo.find_client("dana").id)
    assert set(practice_backups) <= set(report.rewritten)
    assert [p.stat().st_mtime_ns for p in practice_backups] == before


def test_an_unreadable_copy_of_practice_naming_the_client_is_deleted(
    data_dir: Path, practice: FakeClock
) -> None:
    with Repository.open(data_dir, clock=practice) as repo:
        dana = repo.find_client("dana")
        broken = data_dir / "practice.broken-20260301-090000.json"
        broken.write_bytes(b'{"clients": {"1": {"name": "' + dana.name.encode())
        report = repo.erase_client(dana.id)
    assert broken in report.deleted and not broken.exists()
