"""No error shows a note: a broken draft is set aside and the app opens; an unexpected error prints a
short message and writes a crash report holding no record contents, and the exit code is 1."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coachtui.config import Settings
from coachtui.store.repository import Repository
from tests.conftest import FakeClock
from tests.store.test_broken_drafts import SECRET, two_drafts

_CRASHING = """
import sys
import coachtui.ui.app as ui_app
from coachtui import cli

run = ui_app.CoachApp.run
ui_app.CoachApp.run = lambda self: run(self, headless=True, size=(80, 24))
{patch}
raise SystemExit(cli.main(["--data-dir", sys.argv[1]]))
"""

IN_THE_APP = """
from coachtui.domain.models import Note
from coachtui.ui.home.home import HomeScreen

def on_mount(self):
    note = {secret!r}  # in the locals of the frame that raises, and in the error's message
    Note.model_validate({{"text": note, "at": "not a time", "stage": "goal"}})

HomeScreen.on_mount = on_mount
"""

BEFORE_THE_APP = """
import coachtui.store.repository as repository

def open_(*args, **kwargs):
    note = {secret!r}
    raise ValueError("cannot file " + note)

repository.Repository.open = open_
"""


@pytest.mark.parametrize("patch", [IN_THE_APP, BEFORE_THE_APP], ids=["in the app", "before the app"])
def test_an_unexpected_error_never_prints_a_note(tmp_path: Path, patch: str) -> None:
    data = tmp_path / "data"
    Repository.open(data).close()
    script = _CRASHING.format(patch=textwrap.dedent(patch.format(secret=SECRET)))
    done = subprocess.run(
        [sys.executable, "-c", script, str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert "an unexpected error" in done.stderr and "Traceback" not in done.stderr
    assert SECRET not in done.stderr and SECRET not in done.stdout
    (report,) = data.glob("crash-*.txt")
    assert str(report) in done.stderr.replace("\n", "")
    assert report.stat().st_mode & 0o777 == 0o600
    text = report.read_text()
    assert SECRET not in text and ("ValueError" in text or "ValidationError" in text)
    assert ".py:" in text  # file:line:function frames


async def test_a_broken_draft_is_set_aside_and_the_app_opens(tmp_path: Path, clock: FakeClock) -> None:
    from coachtui.ui.app import make_app
    from coachtui.ui.home.home import HomeScreen

    data = tmp_path / "data"
    broken, _ = two_drafts(data, clock)
    with Repository.open(data, clock=clock) as repository:
        app = make_app(Settings(), repository, clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert isinstance(app.screen_stack[1], HomeScreen)
    kept = list(data.glob("drafts/*.broken-*.json"))
    assert not broken.exists() and len(kept) == 1
    assert any(broken.name in m and str(kept[0]) in m for m in messages)
    assert not any(SECRET in m for m in messages)
