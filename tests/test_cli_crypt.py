"""Tests the encryption commands: encrypt, use every command, change the passphrase, decrypt; the
messages of a wrong passphrase, of the app holding the folder, and of a passphrase too short."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachtui.cli import main
from coachtui.store import keyfile
from coachtui.store.lock import DataDirLock
from tests.crypt_helpers import CLIENT_NAMES, PASSPHRASE, demo_practice, hashes, leaks, records


@pytest.fixture(autouse=True)
def _fast_and_isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap scrypt; main() installs coachtui.crash's hooks, the test process keeps its own."""

    from coachtui import cli_crypt

    monkeypatch.setattr(keyfile, "SCRYPT_N", 2**10)
    monkeypatch.setattr("coachtui.store.conversion.keyfile.SCRYPT_N", 2**10)
    monkeypatch.setattr(cli_crypt, "_unlocked", {})
    monkeypatch.delenv("COACHTUI_PASSPHRASE_FILE", raising=False)
    yield


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """getpass answers these, in order; returns the prompts shown."""
    prompts: list[str] = []
    queue = list(answers)

    def fake(prompt: str = "") -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr(getpass, "getpass", fake)
    return prompts


def cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_encrypt_use_change_decrypt(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_practice(data_dir)
    before = records(data_dir)
    typed(monkeypatch, PASSPHRASE, PASSPHRASE)
    assert cli(data_dir, "encrypt") == 0
    out = capsys.readouterr().out
    assert "cannot be recovered" in out and "Recovery key" in out and PASSPHRASE not in out
    assert leaks(data_dir, list(CLIENT_NAMES)) == []

    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("COACHTUI_PASSPHRASE_FILE", str(secret))
    archive = tmp_path / "practice.zip"
    assert cli(data_dir, "backup", str(archive)) == 0
    assert leaks(tmp_path, list(CLIENT_NAMES)) == []  # the archive too
    capsys.readouterr()
    assert cli(data_dir, "hours") == 0  # a command that reads the practice, unlocked by the file
    assert "hours" in capsys.readouterr().out.casefold()

    monkeypatch.delenv("COACHTUI_PASSPHRASE_FILE")
    typed(monkeypatch, PASSPHRASE, "a brand new passphrase", "a brand new passphrase")
    assert cli(data_dir, "passphrase") == 0
    typed(monkeypatch, "a brand new passphrase")
    assert cli(data_dir, "decrypt") == 0
    assert not (data_dir / "keys.json").exists()
    assert records(data_dir) == before


def test_wrong_passphrase_three_times_changes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_practice(data_dir)
    typed(monkeypatch, PASSPHRASE, PASSPHRASE)
    cli(data_dir, "encrypt")
    capsys.readouterr()
    before = hashes(data_dir)
    prompts = typed(monkeypatch, "guess one", "guess two", "correct horse battery stapel")
    assert cli(data_dir, "decrypt") == 1
    err = capsys.readouterr().err
    assert len(prompts) == 3 and err.count("That passphrase does not open this practice.") == 3
    assert "stapel" not in err and "guess" not in err
    assert hashes(data_dir) == before


def test_encrypt_refuses_while_the_app_is_open_and_a_short_passphrase(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_practice(data_dir)
    before = hashes(data_dir)
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        prompts = typed(monkeypatch)
        assert cli(data_dir, "encrypt") == 1 and prompts == []
        assert "is using" in capsys.readouterr().err
    finally:
        lock.release()
    typed(monkeypatch, "short", "short")
    assert cli(data_dir, "encrypt") == 1
    assert "too short" in capsys.readouterr().err
    typed(monkeypatch, PASSPHRASE, PASSPHRASE + "x")
    assert cli(data_dir, "encrypt") == 1
    assert "differ" in capsys.readouterr().err
    assert hashes(data_dir) == before


def test_the_app_does_not_open_an_encrypted_folder_without_unlocking(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_practice(data_dir)
    typed(monkeypatch, PASSPHRASE, PASSPHRASE)
    cli(data_dir, "encrypt")
    capsys.readouterr()
    secret = tmp_path / "passphrase"
    secret.write_text("not the passphrase\n")
    monkeypatch.setenv("COACHTUI_PASSPHRASE_FILE", str(secret))
    before = hashes(data_dir)
    assert cli(data_dir) == 1
    assert capsys.readouterr().err == "coachtui: That passphrase does not open this practice.\n"
    assert hashes(data_dir) == before
