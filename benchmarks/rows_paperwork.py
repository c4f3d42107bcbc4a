"""Provides the rows of the store's work over the files: search, its index, the hours log, the recap
and the backup, each against a plain tool doing the least the same job needs.

- Search and its index against ``grep -r -i -F`` over the data files: what finding a phrase costs
  without coachtui.
- The hours log and the recap against reading the files they need with the standard json module:
  what any program must do before it has the data.
- The backup against ``tar -czf`` of the files it holds.

coachtui's side is a probe in a fresh process (``benchmarks.probes`` or
``benchmarks.paperwork_probes``); grep and tar are their own processes, timed from the outside. A
figure and its reference alternate run by run, and the files are read once before, so that both
find them in the page cache.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

from benchmarks import practices
from benchmarks.common import PAPERWORK_PROBES, Context, Row, median, probe, ratio_row
from benchmarks.practices import Practice

SEARCH_QUERY = "try delegation"
SEARCH_SCREEN = 30
"""Hits on a first screen of results."""
ARCHIVED = ("practice.json", "clients", "drafts")
"""What a backup archive holds (``coachtui.store.archive``): not the index, a cache, nor backups/."""


def grep_seconds(practice: Practice, query: str, env: dict[str, str]) -> float:
    """``grep -r -i -F`` over the data folder's TinyDB files, output read to the end."""
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


def _grep(ctx: Context) -> float:
    """The median of grep over ``runs`` runs, the first read of the files not counted."""
    grep_seconds(ctx.practice, SEARCH_QUERY, ctx.env)
    return median([grep_seconds(ctx.practice, SEARCH_QUERY, ctx.env) for _ in range(ctx.settings.runs)])


def search(ctx: Context) -> list[Row]:
    """The first screen of hits from a fresh process (index up to date) vs grep."""
    practice, env = ctx.practice, ctx.env
    arguments: dict[str, Any] = {
        "data_dir": str(practice.data_dir),
        "query": f'"{SEARCH_QUERY}"',
        "limit": SEARCH_SCREEN,
    }
    probe("search", env, runs=1, **arguments)  # the index brought up to date, not timed
    grep_seconds(practice, SEARCH_QUERY, env)  # both read the files from the page cache
    app: list[float] = []
    ref: list[float] = []
    hits = 0
    for _ in range(ctx.settings.runs):
        result = probe("search", env, runs=1, **arguments)
        app.append(result["seconds"][0])
        hits = result["hits"]
        ref.append(grep_seconds(practice, SEARCH_QUERY, env))
    name = f'full-text search "{SEARCH_QUERY}": first {hits} hits vs grep -r -i'
    return [ratio_row(name, practice.size, median(app) * 1000, median(ref) * 1000, 0.1, "ms")]


def index(ctx: Context) -> list[Row]:
    """The search index built from nothing (the cached practice's index is deleted and built again),
    and brought up to date after one session of the biggest client closed (in a working copy)."""
    practice, env = ctx.practice, ctx.env
    built = probe("index", env, data_dir=str(practice.data_dir))["seconds"]
    grep = _grep(ctx)
    copy = practices.working_copy(practice, ctx.scratch / f"copy-{practice.size}")
    arguments = {"data_dir": str(copy.data_dir), "client_id": copy.big_client_id}
    updated = [probe("update", env, module=PAPERWORK_PROBES, **arguments)["seconds"] for _ in range(ctx.runs)]
    sessions = practice.big_client_sessions
    return [
        ratio_row("search index: built from nothing", practice.size, built * 1000, grep * 1000, 5.0, "ms"),
        ratio_row(
            f"search index: brought up to date after a session of a {sessions}-session client closed",
            practice.size,
            median(updated) * 1000,
            grep * 1000,
            0.2,
            "ms",
        ),
    ]


def _read_all(paths: list[Path]) -> None:
    """Read the files once, so that the first timed run does not pay for the disk."""
    for path in paths:
        path.read_bytes()


def _heavy_runs(ctx: Context) -> int:
    """Runs of a row that reads the whole practice: seconds each at 10,000 sessions."""
    return min(ctx.runs, ctx.settings.heavy_runs)


def _against_json(ctx: Context, name: str, files: list[Path], runs: int, **arguments: object) -> list[float]:
    """Seconds of coachtui's probe ``name`` and of json.load of ``files``, alternated: (app, json)."""
    _read_all(files)
    app: list[float] = []
    ref: list[float] = []
    for _ in range(runs):
        app.append(probe(name, ctx.env, module=PAPERWORK_PROBES, **arguments)["seconds"])
        ref.append(probe("json", ctx.env, module=PAPERWORK_PROBES, files=[str(f) for f in files])["seconds"])
    return [median(app), median(ref)]


def hours(ctx: Context) -> list[Row]:
    """The ICF hours log of the whole practice (``coachtui hours``) vs json.load of practice.json
    and every client file (sessions and reflections), which is what the log is computed from.

    The log's cache (``coachtui.store.hours_cache``) is first brought up to date by a log that is not
    timed, as the coach's last ``coachtui hours`` left it (as the search row's index is)."""
    practice = ctx.practice
    files = [practice.data_dir / "practice.json"] + sorted(
        Path(entry.path)
        for entry in os.scandir(practice.data_dir / "clients")
        if entry.name.endswith(".json")
    )
    arguments = {"data_dir": str(practice.data_dir), "today": practice.today}
    probe("hours", ctx.env, module=PAPERWORK_PROBES, **arguments)
    app, ref = _against_json(ctx, "hours", files, _heavy_runs(ctx), **arguments)
    name = f"ICF hours log of the whole practice vs json.load of its {len(files)} files"
    return [ratio_row(name, practice.size, app * 1000, ref * 1000, 0.5, "ms")]


def recap(ctx: Context) -> list[Row]:
    """The recap of the biggest client's last session (``coachtui export recap CLIENT last``) vs
    json.load of that client's file."""
    practice = ctx.practice
    files = [practice.data_dir / "clients" / f"{practice.big_client_id}.json"]
    app, ref = _against_json(
        ctx, "recap", files, ctx.runs, data_dir=str(practice.data_dir), client_id=practice.big_client_id
    )
    name = f"recap of the last session of a {practice.big_client_sessions}-session client vs json.load of its file"
    return [ratio_row(name, practice.size, app * 1000, ref * 1000, 1.25, "ms")]


def backup(ctx: Context) -> list[Row]:
    """The backup archive of the practice (``coachtui backup FILE``) vs ``tar -czf`` of the same files,
    each written into the scratch folder and removed."""
    practice, env = ctx.practice, ctx.env
    _read_all([practice.data_dir / "practice.json"])
    _read_all([Path(e.path) for e in os.scandir(practice.data_dir / "clients") if e.is_file()])
    zip_file, tar_file = ctx.scratch / "backup.zip", ctx.scratch / "backup.tar.gz"
    present = [name for name in ARCHIVED if (practice.data_dir / name).exists()]
    app: list[float] = []
    ref: list[float] = []
    for _ in range(_heavy_runs(ctx)):
        result = probe(
            "backup", env, module=PAPERWORK_PROBES, data_dir=str(practice.data_dir), target=str(zip_file)
        )
        app.append(result["seconds"])
        started = time.perf_counter()
        subprocess.run(
            ["tar", "-czf", str(tar_file), "-C", str(practice.data_dir), *present], env=env, check=True
        )
        ref.append(time.perf_counter() - started)
        tar_file.unlink()
    name = "backup of the whole practice vs tar -czf of the same files"
    return [ratio_row(name, practice.size, median(app) * 1000, median(ref) * 1000, 1.5, "ms")]
