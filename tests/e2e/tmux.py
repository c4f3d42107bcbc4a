"""Provides TmuxApp: the real coachtui binary in a detached tmux session, driven by keys like a person."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
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

    def keys(self, *keys: str, pause: float = 0.15) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "app", key)
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.2) -> None:
        self._tmux("send-keys", "-t", "app", "-l", text)
        time.sleep(pause)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "app", check=False).stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on screen after {timeout}s; the screen shows:\n{self.screen()}")

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
