"""The data-rights commands: backup, restore and erase, their questions, and their one-line errors."""

from __future__ import annotations

import errno
import io
import sys
from pathlib import Path

import pytest

from coachtui.cli import main
from coachtui.demo import build_demo_practice
from coachtui.store.repository import Repository
from tests.store.conftest import snapshot, writes_are_blocked


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with Repository.open(data_dir) as repo:
        build_demo_practice(repo)
        dana = repo.find_client("dana")
        repo.record_export(tmp_path / "dana-recap.md", dana.id)
    return data_dir


def cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def one_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("coachtui: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_backup_then_restore_into_a_new_folder(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "practice.zip"
    assert cli(demo, "backup", str(archive)) == 0
    assert capsys.readouterr().out.startswith(f"Backed up 7 files of {demo} to {archive}")
    fresh = tmp_path / "fresh"
    assert cli(fresh, "restore", str(archive)) == 0  # nothing to replace: nothing to ask
    assert snapshot(fresh / "clients") == snapshot(demo / "clients")
    assert (fresh / "practice.json").read_bytes() == (demo / "practice.json").read_bytes()


@pytest.mark.parametrize(("answer", "code"), [("y\n", 0), ("n\n", 1), ("", 1)])
def test_restore_over_data_asks(
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
) -> None:
    archive = tmp_path / "practice.zip"
    cli(demo, "backup", str(archive))
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    assert cli(demo, "restore", str(archive)) == code
    captured = capsys.readouterr()
    assert "Replace the practice" in captured.err
    kept = list((demo / "backups").glob("before-restore-*.zip"))
    if code == 0:
        assert len(kept) == 1 and str(kept[0]) in captured.out
    else:
        assert kept == [] and "Nothing was changed." in captured.err


def test_restore_yes_asks_nothing(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "practice.zip"
    cli(demo, "backup", str(archive))
    assert cli(demo, "restore", "--yes", str(archive)) == 0
    assert "Replace" not in capsys.readouterr().err


def test_restore_of_a_file_that_is_no_backup(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    before = snapshot(demo)
    assert cli(demo, "restore", "--yes", str(notes)) == 1
    assert f"{notes} is not a coachtui backup" in one_error(capsys)
    assert snapshot(demo) == before


def test_backup_to_an_unwritable_path(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(demo, "backup", str(tmp_path / "no-such-folder" / "b.zip")) == 1
    assert "Cannot write the backup" in one_error(capsys)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if writes_are_blocked(locked):
        assert cli(demo, "backup", str(locked / "b.zip")) == 1
        assert "Permission denied" in one_error(capsys)
    assert cli(demo, "backup", str(tmp_path)) == 1
    assert "is a folder" in one_error(capsys)


def test_backup_on_a_full_disk_leaves_no_file(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("coachtui.store.atomic.os.fsync", full)
    assert cli(demo, "backup", str(out / "b.zip")) == 1
    assert "No space left on device" in one_error(capsys)
    assert list(out.iterdir()) == []


def test_writing_commands_refuse_while_the_app_is_open(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "practice.zip"
    with Repository.open(demo):
        assert cli(demo, "backup", str(archive)) == 0  # reading needs no lock
        capsys.readouterr()
        before = snapshot(demo)
        for args in (("restore", "--yes", str(archive)), ("erase", "--yes", "dana")):
            assert cli(demo, *args) == 1
            assert one_error(capsys).startswith("coachtui: Another coachtui")
        assert snapshot(demo) == before


def test_erase_lists_the_exports_to_delete(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(demo, "erase", "--yes", "dana") == 0
    out = capsys.readouterr().out
    assert out.startswith("Erased Dana Ortiz") and f"  {tmp_path / 'dana-recap.md'}" in out
    assert b"Dana Ortiz" not in b"".join(p.read_bytes() for p in demo.rglob("*") if p.is_file())


def test_erase_asks_and_a_no_changes_nothing(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(demo)
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    assert cli(demo, "erase", "sam") == 1
    assert "Erase Sam Okafor" in capsys.readouterr().err
    assert snapshot(demo) == before


@pytest.mark.parametrize(
    ("ref", "message"), [("zz", "No client matches 'zz'"), ("dana", "'dana' matches 2 clients")]
)
def test_erase_of_an_unknown_or_ambiguous_client(
    demo: Path, capsys: pytest.CaptureFixture[str], ref: str, message: str
) -> None:
    from coachtui.domain.models import Client

    with Repository.open(demo) as repo:
        repo.save_client(Client(name="Dana Lee"))
    assert cli(demo, "erase", "--yes", ref) == 1
    assert message in one_error(capsys)


def test_erase_in_a_folder_without_a_practice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(tmp_path / "none", "erase", "--yes", "dana") == 1
    assert "holds no practice" in one_error(capsys) and not (tmp_path / "none").exists()


def test_erase_asks_whether_to_keep_the_hours_and_keep_hours_keeps_them(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y\nn\n"))  # erase: yes; keep the hours: no
    assert cli(demo, "erase", "sam") == 0
    assert "Keep their" in capsys.readouterr().err
    assert cli(demo, "erase", "Dana Ortiz", "--yes", "--keep-hours") == 0
    out = capsys.readouterr().out
    assert "coaching hours stay in the ICF hours log as an anonymous row" in out
    assert cli(demo, "hours") == 0
    log = capsys.readouterr().out
    assert "(erased)" in log and "Dana Ortiz" not in log and "Sam Okafor" not in log
    assert b"Dana Ortiz" not in b"".join(p.read_bytes() for p in demo.rglob("*") if p.is_file())
