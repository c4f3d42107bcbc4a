"""Provides every measurement of ``make bench``, each against its reference measured in the same run.

Real processes: start-up (time to first frame, peak RSS) and idle CPU run ``coachtui --data-dir``
and the bare reference apps in pseudo-terminals, exactly alike. Headless probes
(``benchmarks.probes``) run one fresh process per run. App and reference runs alternate, so that
both see the same machine load, and figures are medians.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from benchmarks import practices
from benchmarks.practices import Practice
from benchmarks.reference_apps import FIRST_ROW

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_APPS = Path(__file__).resolve().parent / "reference_apps.py"
COLUMNS, LINES = 120, 40
SEARCH_QUERY = "try delegation"
SEARCH_SCREEN = 30
"""Hits on a first screen of results."""
KEYS = 500
AUTOSAVE_REFERENCE = 100
"""Autosave at every size is compared with the same save in the 100-session practice."""
IDLE_SECONDS = 30.0
_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


@dataclass(frozen=True)
class Row:
    """One line of the table and of ``results/latest.json``."""

    name: str
    size: int
    value: float | None
    reference: float | None
    ratio: float | None
    target: str
    unit: str
    ok: bool | None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Settings:
    """How much to measure: runs per figure, keys typed, seconds of idle.

    The slow rows (keystrokes, stall, opening a client) take ``runs`` runs on the largest size, the
    one their targets are about, and ``side_runs`` on the others; idle CPU takes 3 runs of
    ``idle_seconds`` on the largest and 2 on the others (at most ``runs``); the rest take ``runs``.
    """

    runs: int = 5
    side_runs: int = 2
    keys: int = KEYS
    idle_seconds: float = IDLE_SECONDS
    stall_seconds: float = 3.0
    paste_kilobytes: tuple[int, ...] = (50, 200)


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _ratio(value: float | None, reference: float | None) -> float | None:
    if value is None or reference is None or reference <= 0:
        return None
    return value / reference


def ratio_row(name: str, size: int, value: float, reference: float, limit: float, unit: str) -> Row:
    ratio = _ratio(value, reference)
    return Row(
        name, size, value, reference, ratio, f"≤ {limit:g}×", unit, ratio is not None and ratio <= limit
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


def probe(name: str, env: dict[str, str], **arguments: Any) -> dict[str, Any]:
    """Run one headless probe in a fresh process; its result is the last line it prints."""
    return Probe(name, env, **arguments).result()


class Probe:
    """A headless probe running in its own process (``result()`` waits for it)."""

    def __init__(self, name: str, env: dict[str, str], **arguments: Any) -> None:
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.probes", name, json.dumps(arguments)],
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


# --- the measurements ------------------------------------------------------------------------------


def first_client_name(practice: Practice) -> str:
    from coachtui.store.repository import Repository

    with Repository.open(practice.data_dir, read_only=True) as repo:
        return repo.list_clients()[0].name


def startup(practice: Practice, env: dict[str, str], settings: Settings) -> list[Row]:
    """Exec to the first frame that shows the first client (or row), and peak RSS, over runs."""
    marker = first_client_name(practice)
    times: dict[str, list[float]] = {"app": [], "ref": []}
    memory: dict[str, list[float]] = {"app": [], "ref": []}
    commands = {"ref": (reference_command("home", str(practices.CLIENTS)), FIRST_ROW)}
    commands["app"] = (coachtui_command(practice.data_dir), marker)
    for _ in range(settings.runs):
        for which in ("ref", "app"):
            argv, shown = commands[which]
            with running(argv, env) as app:
                times[which].append(app.wait_for(shown))
                time.sleep(0.2)  # whatever start-up still does just after the first frame
                memory[which].append(app.peak_rss_mb())
                app.quit()
    size = practice.size
    return [
        ratio_row(
            "start-up to first frame",
            size,
            _median(times["app"]) * 1000,
            _median(times["ref"]) * 1000,
            1.25,
            "ms",
        ),
        ratio_row("start-up peak RSS", size, _median(memory["app"]), _median(memory["ref"]), 1.3, "MB"),
    ]


def keystrokes(practice: Practice, env: dict[str, str], runs: int, settings: Settings, scratch: Path) -> Row:
    """CPU per key over ``keys`` keys typed into 6 KB of notes: the live session vs a bare TextArea
    of the same size as its notes area.

    After the first run, which learns that size, the two run at once (one core each): CPU time does
    not count waiting for the other, and both see the same machine.
    """
    app: list[float] = []
    ref: list[float] = []
    text_file = scratch / "notes.txt"
    size: list[int] | None = None
    for _ in range(runs):
        with practices.resumable_session(practice) as draft:
            text_file.write_text(draft.editor_text, encoding="utf-8")
            typing = Probe(
                "keys", env, app_name="coachtui", target=str(practice.data_dir), count=settings.keys
            )
            if size is None:
                typed = typing.result()
                size = typed["size"]
                bare = Probe(
                    "keys", env, app_name="bare", target=str(text_file), count=settings.keys, size=size
                )
            else:
                bare = Probe(
                    "keys", env, app_name="bare", target=str(text_file), count=settings.keys, size=size
                )
                typed = typing.result()
            app.append(typed["cpu_per_key"])
            ref.append(bare.result()["cpu_per_key"])
    name = f"keystroke CPU, notes of 6 KB ({settings.keys} keys)"
    return ratio_row(name, practice.size, _median(app) * 1000, _median(ref) * 1000, 1.15, "ms/key")


def paste(practice: Practice, env: dict[str, str], settings: Settings, scratch: Path) -> list[Row]:
    """A paste sent as keystrokes (tmux paste-buffer without -p, some SSH and Windows terminals), into
    the live session's notes and into a bare TextArea of the same size: seconds until all of it is in.

    One run each: the bare TextArea takes minutes for 200 KB. Typed bursts are one edit in coachtui.
    """
    rows = []
    text_file = scratch / "notes.txt"
    for kilobytes in settings.paste_kilobytes:
        with practices.resumable_session(practice) as draft:
            text_file.write_text(draft.editor_text, encoding="utf-8")
            typed = Probe(
                "paste", env, app_name="coachtui", target=str(practice.data_dir), kilobytes=kilobytes
            )
            result = typed.result()
        bare = probe(
            "paste", env, app_name="bare", target=str(text_file), kilobytes=kilobytes, size=result["size"]
        )
        name = f"paste of {kilobytes} KB sent as keys, until all in"
        rows.append(ratio_row(name, practice.size, result["seconds"], bare["seconds"], 0.5, "s"))
    return rows


def autosave(
    practice: Practice, smallest: Practice, env: dict[str, str], settings: Settings, scratch: Path
) -> Row:
    """One ``save_draft`` of a live session in this practice vs in the 100-session one, interleaved."""
    chosen = [practice] if practice.size == smallest.size else [practice, smallest]
    files = []
    for index, each in enumerate(chosen):
        file = scratch / f"draft-{index}.json"
        file.write_text(practices.live_draft(each).model_dump_json(), encoding="utf-8")
        files.append(str(file))
    result = probe(
        "autosave",
        env,
        data_dirs=[str(p.data_dir) for p in chosen],
        draft_files=files,
        saves=max(20, 8 * settings.runs),
    )
    value = result["seconds"][0] * 1000
    reference = result["seconds"][-1] * 1000
    ratio = _ratio(value, reference)
    ok = ratio is not None and ratio <= 1.5 and value < 20
    name = f"autosave: one save of the live session (vs {smallest.size} sessions)"
    return Row(name, practice.size, value, reference, ratio, "≤ 1.5× and < 20 ms", "ms", ok)


def stall(practice: Practice, env: dict[str, str], runs: int, settings: Settings, scratch: Path) -> Row:
    """Longest gap of a 5 ms ticker while the live session changes 4 times a second (F8 marks a
    question asked), each change followed by an autosave; the reference is the same ticker and key
    in a bare TextArea app."""
    saving: list[float] = []
    quiet: list[float] = []
    text_file = scratch / "notes.txt"
    arguments = {"seconds": settings.stall_seconds, "every": 0.25}
    for _ in range(runs):
        with practices.resumable_session(practice) as draft:
            text_file.write_text(draft.editor_text, encoding="utf-8")
            result = probe("stall", env, app_name="coachtui", target=str(practice.data_dir), **arguments)
        if result["saves"] < 2:
            raise RuntimeError(f"the stall probe saved only {result['saves']} times")
        saving.append(result["longest"] * 1000)
        quiet.append(
            probe("stall", env, app_name="bare", target=str(text_file), **arguments)["longest"] * 1000
        )
    value, reference = _median(saving), _median(quiet)
    name = "event-loop stall while autosaving (longest gap of a 5 ms tick)"
    return Row(name, practice.size, value, reference, _ratio(value, reference), "≤ 16 ms", "ms", value <= 16)


def open_client(practice: Practice, env: dict[str, str], runs: int) -> Row:
    """Key p on the home screen to the rendered plan editor of the biggest client, vs a bare screen."""
    app: list[float] = []
    ref: list[float] = []
    for _ in range(runs):
        app.append(
            probe(
                "open",
                env,
                app_name="coachtui",
                data_dir=str(practice.data_dir),
                client_id=practice.big_client_id,
            )["seconds"]
        )
        ref.append(probe("open", env, app_name="bare", data_dir="", client_id="")["seconds"])
    value, reference = _median(app) * 1000, _median(ref) * 1000
    name = f"open a client with {practice.big_client_sessions} sessions: key to rendered plan editor"
    return Row(
        name, practice.size, value, reference, _ratio(value, reference), "≤ 100 ms", "ms", value <= 100
    )


def open_charts(practice: Practice, env: dict[str, str], runs: int) -> Row:
    """Key g on the home screen to the biggest client's rendered progress charts, vs a page of texts."""
    app: list[float] = []
    ref: list[float] = []
    for _ in range(runs):
        arguments = {"data_dir": str(practice.data_dir), "client_id": practice.big_client_id}
        result = probe("charts", env, app_name="coachtui", **arguments)
        app.append(result["seconds"])
        ref.append(
            probe("charts", env, app_name="bare", data_dir="", client_id="", texts=result["texts"])["seconds"]
        )
    value, reference = _median(app) * 1000, _median(ref) * 1000
    name = f"progress charts of a client with {practice.big_client_sessions} sessions: key to rendered"
    return ratio_row(name, practice.size, value, reference, 1.5, "ms")


def open_review(practice: Practice, env: dict[str, str], runs: int) -> list[Row]:
    """h on home to the biggest client's history, and Enter on its newest session to the record, each
    against the bare screen with a 200-row table that the plan editor is measured against."""
    arguments = {"data_dir": str(practice.data_dir), "client_id": practice.big_client_id}
    rows = []
    for name, what in (("history", "session history"), ("record", "newest session's record")):
        app = [probe(name, env, app_name="coachtui", **arguments)["seconds"] for _ in range(runs)]
        ref = [probe(name, env, app_name="bare", data_dir="", client_id="")["seconds"] for _ in range(runs)]
        title = f"open the {what} of a client with {practice.big_client_sessions} sessions"
        rows.append(ratio_row(title, practice.size, _median(app) * 1000, _median(ref) * 1000, 1.25, "ms"))
    return rows


def search_typing(practice: Practice, env: dict[str, str], runs: int) -> Row:
    """One keystroke in the search box to its hits drawn, vs one keystroke in a bare Input."""
    keystrokes = max(3, runs)
    app = probe("typing", env, app_name="coachtui", data_dir=str(practice.data_dir), runs=keystrokes)
    ref = probe("typing", env, app_name="bare", data_dir="", runs=keystrokes)
    value, reference = _median(app["seconds"]) * 1000, _median(ref["seconds"]) * 1000
    name = "search as you type: a keystroke to its hits drawn, vs a bare Input"
    return ratio_row(name, practice.size, value, reference, 1.5, "ms")


def grep_seconds(practice: Practice, query: str, env: dict[str, str]) -> float:
    """``grep -r -i`` over the data folder's TinyDB files, output read to the end."""
    argv = [
        "grep",
        "-r",
        "-i",
        "-F",
        query,
        str(practice.data_dir),
        "--exclude-dir=index",
        "--exclude-dir=backups",
    ]
    started = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.PIPE, env=env) as grep:
        assert grep.stdout is not None
        while grep.stdout.read(1 << 20):
            pass
    return time.perf_counter() - started


def search(practice: Practice, env: dict[str, str], settings: Settings) -> list[Row]:
    """The first screen of hits from a fresh process (index built) vs grep; and the index build."""
    built = probe("index", env, data_dir=str(practice.data_dir))
    grep_seconds(practice, SEARCH_QUERY, env)  # both read the files from the page cache
    app: list[float] = []
    ref: list[float] = []
    hits = 0
    for _ in range(settings.runs):
        result = probe(
            "search",
            env,
            data_dir=str(practice.data_dir),
            query=f'"{SEARCH_QUERY}"',
            limit=SEARCH_SCREEN,
            runs=1,
        )
        app.append(result["seconds"][0])
        hits = result["hits"]
        ref.append(grep_seconds(practice, SEARCH_QUERY, env))
    grep = _median(ref)
    rows = [
        ratio_row(
            f'full-text search "{SEARCH_QUERY}": first {hits} hits vs grep -r -i',
            practice.size,
            _median(app) * 1000,
            grep * 1000,
            1.0,
            "ms",
        )
    ]
    seconds = built["seconds"]
    rows.append(
        Row(
            "search index: built from nothing (once)",
            practice.size,
            seconds * 1000,
            grep * 1000,
            _ratio(seconds, grep),
            "(information)",
            "ms",
            None,
        )
    )
    return rows


def idle(practice: Practice, env: dict[str, str], runs: int, settings: Settings) -> Row:
    """CPU % of the live session with its timer running vs a bare app with a 1-second clock, both
    running at once for the same ``idle_seconds``; the median of ``runs`` such pairs."""
    app_cpu: list[float] = []
    ref_cpu: list[float] = []
    for _ in range(runs):
        with (
            practices.resumable_session(practice) as draft,
            running(coachtui_command(practice.data_dir), env) as app,
        ):
            app.wait_for("Resume session")
            app.send(b"y")
            app.wait_for(f"session {draft.session.number}/")
            with running(reference_command("clock"), env) as ref:
                ref.wait_for("00:00:0")
                time.sleep(2.0)
                cpu = (app.cpu_seconds(), ref.cpu_seconds())
                started = time.perf_counter()
                time.sleep(settings.idle_seconds)
                spent = time.perf_counter() - started
                app_cpu.append(100 * (app.cpu_seconds() - cpu[0]) / spent)
                ref_cpu.append(100 * (ref.cpu_seconds() - cpu[1]) / spent)
                ref.quit()
            app.quit()
    name = f"idle CPU, live session with its timer ({settings.idle_seconds:g} s)"
    return ratio_row(name, practice.size, _median(app_cpu), _median(ref_cpu), 1.1, "% CPU")


# --- the whole run -----------------------------------------------------------------------------------


MEASUREMENTS = (
    "startup",
    "keys",
    "paste",
    "autosave",
    "stall",
    "open",
    "review",
    "charts",
    "search",
    "typing",
    "idle",
    "crypt",
)
TARGET_SIZE = 10_000
JUDGED_AT_TARGET_SIZE = ("startup", "keys", "stall", "search")
"""The issue sets these targets for the 10,000-session practice; on the others they are shown, not
judged (on 100 sessions, grep reads 1.5 MB in 5 ms: the index's fixed cost is what is measured)."""


def judged(name: str, practice: Practice, rows: list[Row]) -> list[Row]:
    """The rows with ``ok`` left empty where the issue sets no target for this practice."""
    applies = practice.size == TARGET_SIZE if name in JUDGED_AT_TARGET_SIZE else True
    if name == "open":
        applies = practice.big_client_sessions == practices.BIG_CLIENT_SESSIONS
    if applies:
        return rows
    where = f"{TARGET_SIZE:,} sessions" if name != "open" else f"{practices.BIG_CLIENT_SESSIONS} sessions"
    return [
        replace(row, ok=None, target=f"({row.target} at {where})") if row.ok is not None else row
        for row in rows
    ]


def run(
    sizes: list[int],
    settings: Settings,
    log: Callable[[str], None] = print,
    only: tuple[str, ...] = MEASUREMENTS,
    cache: Path = practices.CACHE,
) -> list[Row]:
    """Every measurement on every size; rows in the order of the table."""
    made = {size: practices.ensure(size, cache, log) for size in sorted({*sizes, AUTOSAVE_REFERENCE})}
    smallest = made[AUTOSAVE_REFERENCE]
    rows: list[Row] = []
    scratch = Path(tempfile.mkdtemp(prefix="coachtui-bench-"))
    env = environment(scratch)
    try:
        for size in sizes:
            steps = _steps(made[size], smallest, env, settings, scratch, main=size == max(sizes))
            for name in only:
                started = time.perf_counter()
                new = judged(name, made[size], steps[name]())
                rows.extend(new)
                log(
                    f"  {size:>6,} {name:<9} {time.perf_counter() - started:5.1f} s  "
                    + "; ".join(_short(r) for r in new)
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return rows


def _steps(
    practice: Practice, smallest: Practice, env: dict[str, str], settings: Settings, scratch: Path, main: bool
) -> dict[str, Callable[[], list[Row]]]:
    runs = settings.runs if main else min(settings.runs, settings.side_runs)
    return {
        "startup": lambda: startup(practice, env, settings),
        "keys": lambda: [keystrokes(practice, env, runs, settings, scratch)],
        # The paste does not grow with the practice: measured once, on the largest.
        "paste": lambda: paste(practice, env, settings, scratch) if main else [],
        "autosave": lambda: [autosave(practice, smallest, env, settings, scratch)],
        "stall": lambda: [stall(practice, env, runs, settings, scratch)],
        "open": lambda: [open_client(practice, env, runs)],
        "review": lambda: open_review(practice, env, runs),
        "charts": lambda: [open_charts(practice, env, runs)],
        "typing": lambda: [search_typing(practice, env, runs)],
        "search": lambda: search(practice, env, settings),
        "idle": lambda: [idle(practice, env, min(settings.runs, 3 if main else 2), settings)],
        "crypt": lambda: __import__("benchmarks.crypt_rows").crypt_rows.crypt_rows(
            practice, scratch, Row, ratio_row
        ),
    }


def _short(row: Row) -> str:
    ratio = f" ({row.ratio:.2f}×)" if row.ratio is not None else ""
    return f"{row.value:.2f} {row.unit}{ratio}" if row.value is not None else "—"
