"""Tests the backup archive and restore: a round trip reproduces every record; a tampered or invalid
archive is refused, naming the file and record, and nothing on disk changes; a failure half-way
leaves the old data."""

from __future__ import annotations

import hashlib
import os
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest

from coachtui.demo import build_demo_practice
from coachtui.domain.models import Client, LiveDraft
from coachtui.store import archive as archive_module
from coachtui.store import restore as restore_module
from coachtui.store.archive import MANIFEST, ArchiveError, read_backup, write_backup
from coachtui.store.errors import StoreLockedError
from coachtui.store.repository import Repository
from coachtui.store.restore import restore_backup
from tests.store.conftest import mode

NOW = datetime(2026, 3, 2, 9, 0, 0)


def hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its sha256, to prove a refusal changed nothing."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def everything(data_dir: Path) -> dict[str, object]:
    """Every record of the practice, read through the repository."""
    with Repository.open(data_dir, read_only=True) as repo:
        clients = repo.list_clients()
        return {
            "clients": clients,
            "summaries": repo.summaries(),
            "reflections": repo.list_reflections(),
            "drafts": repo.list_drafts(),
            "plans": [repo.load_plan_state(c.id) for c in clients],
            "sessions": [repo.list_sessions(c.id) for c in clients],
            "settings": repo.get_setting("theme"),
        }


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with Repository.open(data_dir, clock=lambda: NOW) as repo:
        build_demo_practice(repo, today=date(2026, 3, 2))
        dana = repo.find_client("dana")
        session = repo.list_sessions(dana.id)[-1]
        repo.save_draft(LiveDraft(session=session.model_copy(update={"id": "live00000001"}), saved_at=NOW))
        repo.save_reflection_draft(session.id, {"learning": "slow down"})
        repo.set_setting("theme", "dark")
    return data_dir


def rebuilt(archive: Path, target: Path, change: dict[str, bytes], *, fix_manifest: bool) -> Path:
    """A copy of ``archive`` with some members replaced, its manifest fixed to match or not."""
    with zipfile.ZipFile(archive) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members.update(change)
    if fix_manifest:
        manifest = orjson.loads(members[MANIFEST])
        for entry in manifest["files"]:
            data = members[entry["path"]]
            entry.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        members[MANIFEST] = orjson.dumps(manifest)
    with zipfile.ZipFile(target, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return target


def test_backup_then_restore_into_an_empty_folder_reproduces_every_record(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "out" / "practice.zip"
    archive.parent.mkdir()
    members = write_backup(demo, archive, now=NOW)
    assert mode(archive) == 0o600 and not [p for p in archive.parent.iterdir() if p != archive]
    names = {m.path for m in members}
    assert "practice.json" in names and "drafts/live00000001.json" in names
    assert any(n.endswith(".reflections.json") for n in names) and any(
        n.startswith("drafts/reflections/") for n in names
    )
    assert not any(n.startswith(("backups/", "index/")) for n in names)
    target = tmp_path / "fresh"
    report = restore_backup(archive, target, now=NOW)
    assert report.kept is None and sorted(report.restored) == sorted(names)
    for name in names:
        assert (target / name).read_bytes() == (demo / name).read_bytes()
        assert mode(target / name) == 0o600
    assert everything(target) == everything(demo)


def test_an_altered_member_is_refused_naming_it_and_nothing_changes(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    members = write_backup(demo, archive, now=NOW)
    client_file = next(m for m in members if m.kind == "client")
    altered = (
        client_file.data.replace(b"Dana", b"Dina", 1)
        if b"Dana" in client_file.data
        else client_file.data + b" "
    )
    tampered = rebuilt(archive, tmp_path / "t.zip", {client_file.path: altered}, fix_manifest=False)
    before = hashes(demo)
    with pytest.raises(ArchiveError, match=rf"^{client_file.path}: sha256 mismatch"):
        restore_backup(tampered, demo, now=NOW)
    assert hashes(demo) == before


def test_a_flipped_byte_in_the_archive_is_refused(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    write_backup(demo, archive, now=NOW)
    raw = bytearray(archive.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    archive.write_bytes(bytes(raw))
    before = hashes(demo)
    with pytest.raises(ArchiveError):
        read_backup(archive)
    with pytest.raises(ArchiveError):
        restore_backup(archive, demo, now=NOW)
    assert hashes(demo) == before


def test_an_invalid_record_with_a_matching_manifest_is_refused_naming_it(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    members = write_backup(demo, archive, now=NOW)
    client_file = next(m for m in members if m.kind == "client")
    data = orjson.loads(client_file.data)
    doc_id, session = next(iter(data["sessions"].items()))
    session["number"] = "seven"
    bad = rebuilt(archive, tmp_path / "bad.zip", {client_file.path: orjson.dumps(data)}, fix_manifest=True)
    before = hashes(demo)
    with pytest.raises(ArchiveError) as refused:
        restore_backup(bad, demo, now=NOW)
    message = str(refused.value)
    assert (
        message.startswith(f"{client_file.path}: the 'sessions' record '{session['id']}'")
        and "number" in message
    )
    assert hashes(demo) == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"hello", "it is not a zip archive"),
        (None, f"no readable {MANIFEST}"),
    ],
)
def test_a_file_that_is_no_backup_is_refused(tmp_path: Path, content: bytes | None, reason: str) -> None:
    path = tmp_path / "x.zip"
    if content is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("notes.txt", "hi")
    else:
        path.write_bytes(content)
    with pytest.raises(ArchiveError, match=f"is not a coachtui backup \\({reason}"):
        restore_backup(path, tmp_path / "data", now=NOW)
    assert not (tmp_path / "data").exists()


def test_a_member_outside_the_data_folder_is_refused(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    write_backup(demo, archive, now=NOW)
    evil = rebuilt(archive, tmp_path / "evil.zip", {"../escape.json": b"{}"}, fix_manifest=False)
    with pytest.raises(ArchiveError, match="escape.json is not in the manifest"):
        read_backup(evil)


def test_restore_over_data_keeps_an_archive_of_what_it_replaces(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    write_backup(demo, archive, now=NOW)
    with Repository.open(demo) as repo:
        repo.save_client(Client(name="Added After The Backup"))
    replaced = everything(demo)
    report = restore_backup(archive, demo, now=NOW)
    assert report.kept is not None and report.kept.parent == demo / "backups" and mode(report.kept) == 0o600
    assert "Added After The Backup" not in [c.name for c in everything(demo)["clients"]]  # type: ignore[attr-defined]
    restore_backup(report.kept, demo, now=NOW)
    assert everything(demo) == replaced
    assert not [p.name for p in demo.iterdir() if p.name.startswith(".restore")]


def test_restore_refuses_while_the_app_holds_the_folder(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    write_backup(demo, archive, now=NOW)
    with Repository.open(demo):
        before = hashes(demo)
        with pytest.raises(StoreLockedError):
            restore_backup(archive, demo, now=NOW)
        assert hashes(demo) == before


@pytest.mark.parametrize("failing", ["stage", "swap"])
def test_a_failure_half_way_leaves_the_old_data(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    archive = tmp_path / "practice.zip"
    write_backup(demo, archive, now=NOW)
    with Repository.open(demo) as repo:
        repo.save_client(Client(name="Added After The Backup"))
    before = {k: v for k, v in hashes(demo).items() if not k.startswith("backups/")}
    if failing == "stage":
        real_fsync, calls = os.fsync, []

        def fsync(fd: int) -> None:
            calls.append(fd)
            if len(calls) == 3:
                raise OSError(28, "No space left on device")
            real_fsync(fd)

        monkeypatch.setattr(restore_module.os, "fsync", fsync)
    else:
        real_replace = os.replace

        def replace(src: object, dst: object) -> None:
            if str(src).endswith("clients") and ".restore-new" in str(src):
                raise OSError(5, "Input/output error")
            real_replace(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(restore_module.os, "replace", replace)
    with pytest.raises(OSError):
        restore_backup(archive, demo, now=NOW)
    monkeypatch.undo()
    after = {k: v for k, v in hashes(demo).items() if not k.startswith("backups/")}
    assert after == before
    assert not [p.name for p in demo.iterdir() if p.name.startswith(".restore")]


def test_a_backup_of_a_broken_practice_is_refused_naming_the_file(demo: Path, tmp_path: Path) -> None:
    (demo / "practice.json").write_bytes(b"{not json")
    with pytest.raises(ArchiveError, match=r"^practice\.json: it is not valid JSON"):
        write_backup(demo, tmp_path / "b.zip", now=NOW)
    assert not (tmp_path / "b.zip").exists()


def test_a_backup_with_one_invalid_client_file_among_many_writes_nothing(demo: Path, tmp_path: Path) -> None:
    # The archive is deflated on another thread while the files are checked: a file that fails its
    # check (here the last client file) still means no archive at all.
    last = sorted((demo / "clients").glob("*.json"))[-1]
    last.write_bytes(b'{"_meta": {"1": {"kind": "client", "schema_version": 1}}, "sessions": {"1": {}}}')
    with pytest.raises(ArchiveError, match=rf"^clients/{last.name}: "):
        write_backup(demo, tmp_path / "b.zip", now=NOW)
    assert not (tmp_path / "b.zip").exists()
    assert not list(tmp_path.glob(".*b.zip*"))


def test_members_are_deflated_at_the_archive_level(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    members = write_backup(demo, archive, now=NOW)
    with zipfile.ZipFile(archive) as opened:
        for member in members:
            deflate = zlib.compressobj(archive_module.COMPRESS_LEVEL, zlib.DEFLATED, -15)
            expected = len(deflate.compress(member.data) + deflate.flush())
            assert opened.getinfo(member.path).compress_size == expected, member.path


def test_a_damaged_deflate_stream_is_refused_as_a_damaged_member(demo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "practice.zip"
    write_backup(demo, archive, now=NOW)
    raw = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as opened:
        info = next(i for i in opened.infolist() if i.filename.startswith("clients/"))
    # The member's data follows its 30-byte local header, its name and its extra field.
    name_length = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    raw[start] = 0xFF  # a deflate block of the reserved type: zlib refuses it outright
    archive.write_bytes(bytes(raw))
    with pytest.raises(ArchiveError, match=rf"^{info.filename}: damaged in the archive"):
        read_backup(archive)
