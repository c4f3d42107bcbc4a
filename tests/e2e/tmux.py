"""Provides TmuxApp: the real coachtui binary in a detached tmux session, driven by keys like a person."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

COACHTUI = Path(sys.executable).with_name("coachtui")

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class TmuxApp:
    """One coachtui process in its own tmux server (its own -L socket), killed on close."""

    def __init__(self, data_dir: Path, size: tuple[int, int] = (80, 24), args: tuple[str, ...] = ()) -> None:
        self.socket = f"coachtui-test-{uuid.uuid4().hex[:8]}"
        self.data_dir = data_dir
        self.size = size
        self.args = args

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)

    def start(self, env: dict[str, str] | None = None) -> TmuxApp:
        environment = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        command = " ".join([str(COACHTUI), "--data-dir", str(self.data_dir), *self.args])
        # Keep the pane after exit so a crash's message can be read.
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "app",
                "-x",
                str(self.size[0]),
                "-y",
                str(self.size[1]),
                f"{command}; echo '[exited '$?']'; sleep 600",
            ],
            env=environment,
            check=True,
        )
        self._tmux("set-option", "-g", "escape-time", "50", check=False)
        return self

    # --- sending keys ------------------------------------------------------------------------
    #
    # Keys are sent as fast as tmux takes them, the way a fast typist or a paste sends them: the
    # app must take keys in order (DESIGN.md). Nothing here sleeps afterwards, so every step that
    # depends on the app having acted must be followed by one of the waits below. `pause` exists
    # only for a test that measures wall time on purpose; such a test says so where it passes it.

    def keys(self, *keys: str, pause: float = 0.0) -> None:
        """Send tmux key names (``Enter``, ``Escape``, ``C-s``, ``F10``, ``j``) one after another."""
        for key in keys:
            self._tmux("send-keys", "-t", "app", key)
            if pause:
                time.sleep(pause)

    def type(self, text: str, pause: float = 0.0) -> None:
        """Type ``text`` literally, all at once."""
        self._tmux("send-keys", "-t", "app", "-l", text)
        if pause:
            time.sleep(pause)

    # --- waiting -------------------------------------------------------------------------------
    #
    # A wait must wait for something the app did: the next screen, the old screen gone, or the file
    # on disk. Never wait for text that was just typed (the field being typed into already shows it,
    # so the wait proves nothing about the next step) nor for a word that also appears in an error
    # message ("closed" is in "The session is not closed yet").

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "app", check=False).stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is on screen and return that screen.

        Only for text that the NEXT screen shows and the current one does not: a title, a row, a
        header count ("Clients — 1 client"), a prompt. Not for what was just typed.
        """
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() >= deadline:
                raise AssertionError(f"{text!r} not on screen after {timeout}s; the screen shows:\n{screen}")
            time.sleep(0.1)

    def wait_for_all(self, *texts: str, timeout: float = 15.0) -> str:
        """Wait until every one of ``texts`` is on one screen, and return that screen.

        A terminal draws a new screen line by line, so a capture can hold the next screen's title and
        not yet its body: to check what a screen shows, wait for all of it at once, never for its
        title and then assert on the rest. The first text must be one only the next screen shows.
        """
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            if time.monotonic() >= deadline:
                missing = [text for text in texts if text not in screen]
                raise AssertionError(
                    f"{missing!r} not on screen after {timeout}s; the screen shows:\n{screen}"
                )
            time.sleep(0.1)

    def wait_gone(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` has left the screen (the old screen or a warning closed); return the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text not in screen:
                return screen
            if time.monotonic() >= deadline:
                raise AssertionError(
                    f"{text!r} still on screen after {timeout}s; the screen shows:\n{screen}"
                )
            time.sleep(0.1)

    def wait_until(self, predicate: Callable[[], object], timeout: float = 15.0, what: str = "") -> object:
        """Poll ``predicate`` (e.g. reading the JSON files on disk) until it returns something true.

        A predicate that raises (a file not written yet, a key not there yet) counts as not yet; if
        time runs out, the assertion names ``what`` was awaited, the last exception and the screen.
        """
        deadline = time.monotonic() + timeout
        while True:
            problem: BaseException | None = None
            try:
                result = predicate()
            except Exception as error:  # noqa: BLE001 - not yet; reported below if it never succeeds
                result, problem = None, error
            if result:
                return result
            if time.monotonic() >= deadline:
                because = f" (last: {problem!r})" if problem is not None else ""
                raise AssertionError(
                    f"not true after {timeout}s: {what or predicate!r}{because}; the screen shows:\n{self.screen()}"
                )
            time.sleep(0.1)

    def pid(self) -> int:
        """The pid of coachtui itself (the pane's shell runs it as a child)."""
        shell = int(self._tmux("display-message", "-p", "-t", "app", "#{pane_pid}").stdout.strip())
        for child in _children(shell):
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="replace")
            if "coachtui" in cmdline:
                return int(child)
        raise AssertionError(f"coachtui is not running; the screen shows:\n{self.screen()}")

    def exited(self) -> bool:
        return "[exited" in self.screen()

    def wait_exit(self, timeout: float = 10.0) -> str:
        return self.wait_for("[exited", timeout)

    def close(self) -> None:
        self._tmux("kill-server", check=False)

    def __enter__(self) -> TmuxApp:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _children(parent: int) -> list[int]:
    """Pids whose parent is `parent`, read from /proc (no procps needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: the ppid is the 2nd field after it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
            found.append(int(entry.name))
    return found
