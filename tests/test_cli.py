"""The command line: help, version, demo, and clear messages when the data folder cannot be used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coachtui import __version__
from coachtui.cli import main
from coachtui.store.repository import Repository


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachtui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"coachtui {__version__}"
    help_text = run("--help").stdout
    assert "--data-dir" in help_text and "demo" in help_text and "repair" in help_text
    assert "--read-only" in help_text


def test_second_instance_is_refused_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(tmp_path):
        assert main(["--data-dir", str(tmp_path)]) == 1
    message = capsys.readouterr().err
    assert message.startswith("coachtui: Another coachtui") and str(tmp_path) in message
    assert f"coachtui --data-dir {tmp_path} --read-only" in message


def test_read_only_opens_beside_a_running_coachtui_without_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachtui.domain.models import Client

    with Repository.open(tmp_path) as running:
        running.save_client(Client(name="Ann Lee"))
        seen = []
        monkeypatch.setattr(
            "coachtui.ui.app.CoachApp.run",
            lambda self: seen.append(
                (self.repository.read_only, [c.name for c in self.repository.list_clients()])
            ),
        )
        before = sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
        assert main(["--data-dir", str(tmp_path), "--read-only"]) == 0
        assert seen == [(True, ["Ann Lee"])]
        assert sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before


def test_read_only_needs_an_existing_folder_and_goes_with_no_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "--read-only"]) == 1
    assert "does not exist" in capsys.readouterr().err and not (tmp_path / "none").exists()
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "--read-only", "repair"])


def test_corrupt_practice_file_is_named_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(tmp_path):
        pass
    practice = tmp_path / "practice.json"
    practice.write_text('{"clients": {"1": {"name": ')
    assert main(["--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert (
        "practice.json" in err and err.startswith("coachtui: Cannot read") and "coachtui: coachtui" not in err
    )
    assert practice.read_text() == '{"clients": {"1": {"name": '


def test_bad_config_file_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("autosave_seconds = 'soon'\n")
    monkeypatch.setenv("COACHTUI_CONFIG", str(config))
    assert main(["--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "config.toml" in err and "autosave_seconds" in err


def test_demo_builds_the_sample_practice_in_the_given_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = []
    monkeypatch.setattr(
        "coachtui.ui.app.CoachApp.run", lambda self: ran.append(len(self.repository.list_clients()))
    )
    assert main(["--data-dir", str(tmp_path), "demo"]) == 0
    assert ran == [3]
    with Repository.open(tmp_path, read_only=True) as repository:
        assert len(repository.list_clients()) == 3


def test_data_folder_is_created_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("coachtui.ui.app.CoachApp.run", lambda self: None)
    folder = tmp_path / "new" / "coach"
    assert main(["--data-dir", str(folder)]) == 0
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in folder.rglob("*") if p.is_file())


def _lost_practice(folder: Path) -> Path:
    """A folder with one client's file and a backup of practice.json, whose practice.json was lost."""
    from coachtui.domain.models import Client, Session, now

    with Repository.open(folder) as repository:
        ann = Client(name="Ann Lee")
        repository.save_client(ann)
        repository.save_session(Session(client_id=ann.id, number=1, started_at=now()))
    Repository.open(folder).close()  # the day's backup
    practice = folder / "practice.json"
    practice.unlink()
    return practice


def test_a_lost_practice_file_is_not_replaced_by_an_empty_practice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("coachtui.ui.app.CoachApp.run", lambda self: pytest.fail("the app must not start"))
    practice = _lost_practice(tmp_path)
    assert main(["--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("coachtui: ") and "coachtui: coachtui" not in err
    assert "no practice.json" in err and f"coachtui --data-dir {tmp_path} repair" in err
    assert not practice.exists()


def test_repair_rebuilds_the_practice_file_and_says_what_it_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    practice = _lost_practice(tmp_path)
    assert main(["--data-dir", str(tmp_path), "repair"]) == 0
    out = capsys.readouterr().out
    assert f"Rebuilt {practice}" in out and "1 client" in out
    ran = []
    monkeypatch.setattr(
        "coachtui.ui.app.CoachApp.run", lambda self: ran.append(self.repository.list_clients())
    )
    assert main(["--data-dir", str(tmp_path)]) == 0
    assert [c.name for c in ran[0]] == ["Ann Lee"]


def test_a_corrupt_practice_file_offers_the_repair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Repository.open(tmp_path).close()
    (tmp_path / "practice.json").write_text("{")
    assert main(["--data-dir", str(tmp_path)]) == 1
    assert "repair" in capsys.readouterr().err


async def test_a_read_only_app_says_so_and_refuses_to_save(tmp_path: Path) -> None:
    from coachtui.config import Settings
    from coachtui.domain.models import Client
    from coachtui.ui.app import make_app

    with Repository.open(tmp_path) as running:
        running.save_client(Client(name="Ann Lee"))
        with Repository.open(tmp_path, read_only=True) as looking:
            app = make_app(Settings(), looking)
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                assert "read-only" in str(
                    app.format_title(app.screen.title or "", app.screen.sub_title or "")
                )
                for key in ("n", "e", "s"):
                    app.clear_notifications()
                    await pilot.press(key)
                    await pilot.pause()
                    assert any("read-only" in n.message for n in app._notifications), key
                    assert app.screen.__class__.__name__ == "HomeScreen"
