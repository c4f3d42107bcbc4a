"""The real coachtui in tmux on an encrypted practice: unlock, a live session killed mid-typing with
nothing readable on disk, reopen with the passphrase, resume, close, and find the note again."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from coachtui.demo import build_demo_practice
from coachtui.store import keyfile
from coachtui.store.conversion import encrypt_folder
from coachtui.store.repository import Repository
from tests.e2e.tmux import TmuxApp, needs_tmux

pytestmark = [needs_tmux, pytest.mark.e2e]

PASSPHRASE = "correct horse battery staple"
PHRASE = "zanzibar confidential phrase"


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def readable(data_dir: Path) -> Repository:
    """The practice as coachtui reads it, with the passphrase (read-only, beside the app)."""
    found = keyfile.read_keyfile(data_dir)
    assert found is not None
    return Repository.open(
        data_dir, read_only=True, cipher=keyfile.unlock(data_dir, found, passphrase=PASSPHRASE)
    )


def unlock(app: TmuxApp) -> None:
    app.wait_for("This practice is encrypted.")
    app.type(PASSPHRASE)
    app.keys("Enter")


def test_unlock_live_session_kill_reopen_resume(tmp_path: Path) -> None:
    data = tmp_path / "practice"
    with Repository.open(data) as repo:
        build_demo_practice(repo)
    encrypt_folder(data, PASSPHRASE, on_recovery_key=lambda _key: None, scrypt_n=2**14)
    with TmuxApp(data, size=(80, 24)) as app:
        app.wait_for("This practice is encrypted.")
        app.type("not the passphrase")
        app.keys("Enter")
        app.wait_for("does not open this practice. 2 tries left.")
        app.type(PASSPHRASE)
        app.keys("Enter")
        app.wait_for("Clients — 3 clients")
        app.keys("s")
        app.wait_for("Session goal")
        app.type("An encrypted session")
        app.keys("C-s")
        app.wait_for("Homework from earlier sessions")
        app.keys("s")  # skip the review
        app.wait_for("f10 End")
        app.type(PHRASE)

        def draft_saved() -> bool:
            with readable(data) as repo:
                return any(PHRASE in draft.editor_text for draft in repo.list_drafts())

        app.wait_until(draft_saved, what="the autosaved draft holding the phrase")
        os.kill(app.pid(), signal.SIGKILL)
        app.wait_exit()
    on_disk = every_byte(data)
    assert (
        b"zanzibar" not in on_disk and b"Dana Ortiz" not in on_disk and b"An encrypted session" not in on_disk
    )

    with TmuxApp(data, size=(80, 24)) as app:
        unlock(app)
        app.wait_for("Resume session 4 with Dana Ortiz?")
        app.keys("y")
        app.wait_for_all("f10 End", PHRASE)  # the resumed notes
        app.keys("F10")
        app.wait_for("End session 4 with Dana Ortiz?")
        app.keys("Enter")
        app.wait_for("Reflection")
        app.keys("Escape")
        app.wait_for("Clients — 3 clients")
        app.keys("/")
        app.wait_for("Narrow with")
        app.type("zanzibar")
        app.wait_for("1 match")  # found by the search index, held in memory only
        app.keys("C-q")
        app.wait_exit()
    with readable(data) as repo:
        dana = repo.find_client("dana")
        [closed] = [s for s in repo.list_sessions(dana.id) if s.number == 4]
        assert closed.ended_at is not None and PHRASE in [n.text for n in closed.notes]
    on_disk = every_byte(data)
    assert b"zanzibar" not in on_disk and b"Dana Ortiz" not in on_disk
    assert not (data / "index").exists()
