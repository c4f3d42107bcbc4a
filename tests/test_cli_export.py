"""coachtui export recap|plan|ics: stdout or -o FILE, beside a running app, and one clear line on every error."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from icalendar import Calendar

from coachtui.cli import main
from coachtui.demo import build_demo_practice
from coachtui.domain.models import Client, NoteKind
from coachtui.store.repository import Repository
from tests.conftest import FIXED_NOW


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "practice"
    with Repository.open(data) as repo:
        build_demo_practice(repo, today=FIXED_NOW.date())
        repo.save_client(Client(id="dd0000000001", name="Dan Moss"))
    return data


def export(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "export", *args])


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert captured.err.startswith("coachtui: ")
    return captured.err


def test_recap_to_stdout_has_the_goal_and_no_private_note(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(folder, read_only=True) as repo:
        dana = repo.find_client("dana")
        last = max(repo.list_sessions(dana.id), key=lambda s: s.number)
    assert export(folder, "recap", "dana", "last") == 0  # unquoted: the words are one reference
    text = capsys.readouterr().out
    assert text.startswith("# Recap of our session on") and "Hi Dana," in text
    assert " ".join(last.goal.split()) in text
    for note in last.notes:
        if note.kind in (NoteKind.PRIVATE, NoteKind.NOTE):
            assert note.text not in text
    for prompt in last.prompts:
        assert prompt.text not in text
    assert export(folder, "recap", f"dana {last.number}") == 0
    assert capsys.readouterr().out == text


def test_output_file_is_private_and_equals_stdout(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(folder, "plan", "priya") == 0
    shown = capsys.readouterr().out
    assert shown.startswith("# Coaching plan: Priya Raman")
    target = tmp_path / "plan.md"
    assert export(folder, "plan", "priya", "-o", str(target)) == 0
    assert capsys.readouterr().err == f"coachtui: wrote {target}\n"
    assert target.read_text(encoding="utf-8") == shown
    assert target.stat().st_mode & 0o777 == 0o600
    with Repository.open(folder, read_only=True) as repo:  # listed for `coachtui erase` to name
        assert repo.exports_of(repo.find_client("priya").id) == [target]


def test_ics_for_everyone_or_one_client_parses_and_keeps_its_uids(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(folder, "ics", "-o", str(tmp_path / "all.ics")) == 0
    assert export(folder, "ics", "-o", str(tmp_path / "again.ics")) == 0
    assert export(folder, "ics", "sam") == 0
    sam = Calendar.from_ical(capsys.readouterr().out)

    def uids(calendar: Calendar) -> list[str]:
        return sorted(str(event["uid"]) for event in calendar.walk("VEVENT"))

    everyone = Calendar.from_ical((tmp_path / "all.ics").read_bytes())
    assert uids(everyone) == uids(Calendar.from_ical((tmp_path / "again.ics").read_bytes()))
    assert uids(sam) and set(uids(sam)) < set(uids(everyone))
    assert all(
        str(event["summary"]).startswith(("Sam Okafor", "Check-in with Sam", "Next check-in with Sam"))
        for event in sam.walk("VEVENT")
    )


def test_works_while_the_app_holds_the_folder(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(folder):
        assert export(folder, "plan", "dana") == 0
        assert capsys.readouterr().out.startswith("# Coaching plan: Dana Ortiz")
        # Written all the same; only the list of exports that `erase` names cannot be updated.
        assert export(folder, "plan", "dana", "-o", str(tmp_path / "p.md")) == 0
        assert "is not in the list of exports" in capsys.readouterr().err
    assert (tmp_path / "p.md").read_text(encoding="utf-8").startswith("# Coaching plan: Dana Ortiz")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("plan", "zed"),
            "coachtui: No client matches 'zed'. Known clients: Dan Moss (dd0000000001); Dana Ortiz",
        ),
        (("ics", "zed"), "coachtui: No client matches 'zed'."),
        (("recap", "zed", "1"), "coachtui: No client matches 'zed'."),
        (("plan", "da"), "coachtui: 'da' matches 2 clients: Dan Moss (dd0000000001); Dana Ortiz"),
        (("recap", "da", "last"), "coachtui: 'da' matches 2 clients"),
        (
            ("recap", "dana", "9"),
            "coachtui: No session matches 'dana 9'. Dana Ortiz's sessions are numbered 1, 2, 3",
        ),
        (
            ("recap", "dan", "moss", "last"),
            "coachtui: No session matches 'dan moss last'. Dan Moss has no session yet.",
        ),
        (("recap", "sam"), "coachtui: No session matches 'sam'. Sam Okafor is a client: say which session"),
    ],
)
def test_unknown_or_ambiguous_references(
    folder: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert export(folder, *args) == 1
    assert one_error_line(capsys).startswith(message)


def test_an_unwritable_output_path(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(folder, "plan", "dana", "-o", str(tmp_path / "missing" / "plan.md")) == 1
    assert "the folder" in one_error_line(capsys) and not (tmp_path / "missing").exists()
    assert export(folder, "plan", "dana", "-o", str(tmp_path)) == 1
    assert "it is a folder" in one_error_line(capsys)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert export(folder, "plan", "dana", "-o", str(blocker / "plan.md")) == 1
    assert "Nothing was written." in one_error_line(capsys)


def test_a_full_disk_leaves_no_partial_file_and_the_old_file_as_it_was(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.md").write_text("the plan sent last month\n")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("coachtui.store.atomic.os.fsync", no_space)
    for name in ("plan.md", "recap.md"):
        args = ("plan", "dana") if name == "plan.md" else ("recap", "dana", "1")
        assert export(folder, *args, "-o", str(out / name)) == 1
        assert "no space left on device. Nothing was written." in one_error_line(capsys)
    assert sorted(p.name for p in out.iterdir()) == ["plan.md"]  # no temp file, no partial recap
    assert (out / "plan.md").read_text() == "the plan sent last month\n"


def test_a_missing_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(tmp_path / "nowhere", "ics") == 1
    assert "does not exist" in one_error_line(capsys) and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("what", ["recap", "plan", "ics"])
def test_help(what: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", what, "--help"])
    assert exit_.value.code == 0
    assert f"usage: coachtui export {what}" in capsys.readouterr().out
