"""Provides what every row of ``make bench`` is made of: the row, the settings, and the processes.

coachtui and its references run as real processes: in pseudo-terminals (``PtyApp``) for start-up and
idle CPU, and as headless probes in fresh interpreters (``Probe``) for the rest. The rows themselves
are in ``rows_app``, ``rows_review`` and ``rows_paperwork``; ``measure`` runs them.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.practices import Practice

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_APPS = Path(__file__).resolve().parent / "reference_apps.py"
COLUMNS, LINES = 120, 40
KEYS = 300
"""Keys typed per run: the median of 300 costs per key is as steady as of 500, in 40% less time."""
IDLE_SECONDS = 20.0
"""Seconds of idle per run: 20 ticks of the clock, each pair of processes measured over the same 20 s."""
_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


def target_text(target: float | None, ok: bool | None) -> str:
    """How a target reads in the table: ``≤ 1.25×``; in brackets where it is shown but not judged
    (another size than the one it is set for); ``information`` where there is none."""
    if target is None:
        return "information"
    shown = f"≤ {target:g}×"
    return shown if ok is not None else f"({shown})"


@dataclass(frozen=True)
class Row:
    """One line of the table and of ``results/latest.json``.

    ``target`` is the limit on ``ratio`` (coachtui's figure over the reference measured in the same
    run), so that the table means the same on any machine; None for a row shown as information.
    ``ok`` is None at the sizes the target is not set for.
    """

    name: str
    size: int
    value: float | None
    reference: float | None
    ratio: float | None
    target: float | None
    unit: str
    ok: bool | None

    @property
    def target_text(self) -> str:
        return target_text(self.target, self.ok)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Settings:
    """How much to measure: runs per figure, keys typed, seconds of idle.

    The slow rows (keystrokes, stall, opening a client) take ``runs`` runs on the largest size, the
    one their targets are about, and ``side_runs`` on the others; idle CPU takes 3 runs of
    ``idle_seconds`` on the largest and 2 on the others (at most ``runs``); the paperwork rows over
    the whole practice (hours log, backup: 5-12 s a run at 10,000 sessions) take ``heavy_runs`` at
    most; the rest take ``runs``.
    """

    runs: int = 5
    side_runs: int = 2
    heavy_runs: int = 2
    keys: int = KEYS
    idle_seconds: float = IDLE_SECONDS
    stall_seconds: float = 3.0
    paste_kilobytes: tuple[int, ...] = (50,)
    """One paste: 200 KB took the bare TextArea over two minutes, a third of the run, and said no more."""


@dataclass(frozen=True)
class Context:
    """What every measurement of one size is given."""

    practice: Practice
    smallest: Practice
    env: dict[str, str]
    settings: Settings
    scratch: Path
    main: bool
    """Whether this is the largest size of the run (the one most targets are about)."""

    @property
    def runs(self) -> int:
        """Runs of a slow row: all of them on the largest size, ``side_runs`` on the others."""
        return self.settings.runs if self.main else min(self.settings.runs, self.settings.side_runs)


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio(value: float | None, reference: float | None) -> float | None:
    if value is None or reference is None or reference <= 0:
        return None
    return value / reference


def ratio_row(name: str, size: int, value: float, reference: float, limit: float, unit: str) -> Row:
    """A row judged by its ratio (``measure`` clears ``ok`` at the sizes the target is not for)."""
    measured = ratio(value, reference)
    return Row(
        name, size, value, reference, measured, limit, unit, measured is not None and measured <= limit
    )


# --- processes -----------------------------------------------------------------------------------


def environment(scratch: Path) -> dict[str, str]:
    """The same environment for coachtui and every reference: a terminal, no user config or data."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COACHTUI_"))}
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        LC_ALL="C.UTF-8",
        COACHTUI_CONFIG=str(scratch / "no-config.toml"),
    )
    return env


def compile_bytecode() -> None:
    """Byte-compile coachtui's modules, as installing it from a wheel does, before anything is timed.

    The reference apps import Textual, which pip compiled when it installed it; coachtui is installed
    editable (``make``), and where ``PYTHONDONTWRITEBYTECODE`` is set (it is on the shared bench
    machine) Python never caches its bytecode, so every start compiled each of its modules from
    source: start-up measured the compiler (1.66x where the compiled coachtui took 1.15x), not the app.
    """
    import compileall

    import coachtui

    compileall.compile_dir(Path(coachtui.__file__).parent, quiet=1)


def coachtui_command(data_dir: Path) -> list[str]:
    return [str(Path(sys.executable).with_name("coachtui")), "--data-dir", str(data_dir)]


def reference_command(*args: str) -> list[str]:
    return [sys.executable, str(REFERENCE_APPS), *args]


class PtyApp:
    """A program running in a pseudo-terminal of 120x40 whose screen output is collected."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True
        )
        os.close(slave)
        self._master = master
        self._output = bytearray()
        self._seen = threading.Condition()
        self._closed = False
        self.rusage: Any = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self._master], [], [], 0.5)
                if not ready:
                    if self.process.poll() is not None:
                        break
                    continue
                chunk = os.read(self._master, 65536)
            except OSError:
                break
            if not chunk:
                break
            with self._seen:
                self._output.extend(chunk)
                self._seen.notify_all()
        with self._seen:
            self._closed = True
            self._seen.notify_all()

    def text(self) -> str:
        with self._seen:
            return _ANSI.sub(b"", bytes(self._output)).decode("utf-8", "replace")

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds from the exec to the first output that shows ``marker`` (escape codes removed)."""
        wanted = marker.encode()
        deadline = time.perf_counter() + timeout
        checked = 0
        with self._seen:
            while True:
                # Only the new output, with some overlap for a marker cut by a chunk boundary.
                window = bytes(self._output[max(0, checked - 4096) :])
                if wanted in _ANSI.sub(b"", window):
                    return time.perf_counter() - self.started
                checked = len(self._output)
                left = deadline - time.perf_counter()
                if self._closed or left <= 0:
                    tail = _ANSI.sub(b"", bytes(self._output[-2000:])).decode("utf-8", "replace")
                    raise TimeoutError(f"{marker!r} never appeared; the screen ended with: {tail!r}")
                self._seen.wait(min(left, 0.5))

    def send(self, keys: bytes) -> None:
        os.write(self._master, keys)

    def cpu_seconds(self) -> float:
        """CPU time of all the process's threads so far (nanosecond schedstat, else clock ticks)."""
        pid = self.process.pid
        try:
            total = 0
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/schedstat") as handle:
                    total += int(handle.read().split()[0])
            return total / 1e9
        except (OSError, ValueError, IndexError):
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory so far (VmHWM).

        Not ``ru_maxrss`` from wait4: on Linux a child's ru_maxrss starts from its parent's at fork,
        so every child of a benchmark that has read a 10,000-session practice would look as big.
        """
        with open(f"/proc/{self.process.pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        raise RuntimeError("no VmHWM in /proc: peak memory cannot be measured here")

    def quit(self, timeout: float = 20.0) -> None:
        """ctrl+q, then reap the process (``rusage`` holds its resource use)."""
        if self.process.poll() is None and self.rusage is None:
            self.send(b"\x11")
        self._reap(timeout)

    def _reap(self, timeout: float) -> None:
        deadline = time.perf_counter() + timeout
        while self.rusage is None:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.process.returncode = os.waitstatus_to_exitcode(status)
                self.rusage = usage
                break
            if time.perf_counter() > deadline:
                os.killpg(self.process.pid, 9)
                deadline = time.perf_counter() + 5
            time.sleep(0.01)
        self._reader.join(timeout=5)
        os.close(self._master)

    def kill(self) -> None:
        if self.rusage is None:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, 9)
            self._reap(5)


@contextmanager
def running(argv: list[str], env: dict[str, str]) -> Iterator[PtyApp]:
    app = PtyApp(argv, env)
    try:
        yield app
    finally:
        app.kill()


APP_PROBES = "benchmarks.probes"
PAPERWORK_PROBES = "benchmarks.paperwork_probes"


def probe(name: str, env: dict[str, str], *, module: str = APP_PROBES, **arguments: Any) -> dict[str, Any]:
    """Run one headless probe in a fresh process; its result is the last line it prints."""
    return Probe(name, env, module=module, **arguments).result()


class Probe:
    """A headless probe running in its own process (``result()`` waits for it).

    ``module`` is the probes' module: ``benchmarks.probes`` for the screens (it imports Textual), the
    lighter ``benchmarks.paperwork_probes`` for the store's work and its json reference.
    """

    def __init__(self, name: str, env: dict[str, str], *, module: str = APP_PROBES, **arguments: Any) -> None:
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, name, json.dumps(arguments)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )

    def result(self) -> dict[str, Any]:
        try:
            out, err = self.process.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        if self.process.returncode != 0:
            raise RuntimeError(f"probe {self.name} failed:\n{err[-3000:]}")
        result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
        return result
