"""Provides the probes of the store's work over the files: ``python -m benchmarks.paperwork_probes NAME ARGS``.

Each runs in a fresh process, as a coach's ``coachtui hours`` or ``coachtui export recap`` would, and
prints one JSON object on its last line. The modules a probe needs are imported before its clock
starts, in coachtui's probes as in the json reference: the figures compare the work on the data,
not the interpreter's start-up. This module imports nothing heavy itself, so that the json
reference runs in a process as bare as ``python -c 'import json'``.

- ``json``: ``json.load`` of each of the given files, the reference of the hours log and the recap.
- ``hours``: open the repository and compute the ICF hours log of the whole practice.
- ``recap``: open the repository and build the recap of a client's last session, as the command
  line does (``coachtui export recap CLIENT last``).
- ``backup``: write the backup archive of the practice (``coachtui backup FILE``).
- ``update``: close one session of a client, then time bringing the search index up to date.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from time import perf_counter
from typing import Any


def _import_pydantic_plugin_loader() -> None:
    """Import what pydantic imports the first time a model is built, before the clock starts.

    pydantic imports its plugin loader (with ``importlib.metadata``, ``email``, ``csv`` and
    ``socket``: 8-9 ms) on the first validator it builds, which coachtui defers to first use. It is
    module loading, which these rows leave out as they leave out coachtui's own imports; building the
    validators, and pydantic's scan of the installed packages for plugins, stay in the timed work.
    """
    import pydantic.plugin._loader  # noqa: F401, PLC0415


def json_probe(files: Sequence[str]) -> dict[str, Any]:
    """Seconds to read and parse every file with the standard json module."""
    started = perf_counter()
    documents = 0
    for file in files:
        with open(file, encoding="utf-8") as handle:
            documents += len(json.load(handle))
    return {"seconds": perf_counter() - started, "files": len(files), "tables": documents}


def hours_probe(data_dir: str, today: str) -> dict[str, Any]:
    """Seconds from opening the folder to the hours log of ``today`` computed (what ``coachtui hours`` does)."""
    from datetime import date

    from coachtui.store.hours import read_hours_log
    from coachtui.store.repository import Repository

    day = date.fromisoformat(today)
    _import_pydantic_plugin_loader()
    started = perf_counter()
    with Repository.open(Path(data_dir), read_only=True) as repo:
        log = read_hours_log(repo, day)
    return {"seconds": perf_counter() - started, "rows": len(log.rows), "hours": log.hours}


def recap_probe(data_dir: str, client_id: str) -> dict[str, Any]:
    """Seconds from opening the folder to the recap of the client's last session (``export recap``)."""
    from coachtui.store.exports import recap_text
    from coachtui.store.repository import Repository

    _import_pydantic_plugin_loader()
    started = perf_counter()
    with Repository.open(Path(data_dir), read_only=True) as repo:
        text = recap_text(repo, repo.find_session(f"{client_id} last"))
    return {"seconds": perf_counter() - started, "characters": len(text)}


def backup_probe(data_dir: str, target: str) -> dict[str, Any]:
    """Seconds to write the backup archive of the folder into ``target`` (removed afterwards)."""
    from datetime import datetime

    from coachtui.store.archive import write_backup

    _import_pydantic_plugin_loader()
    started = perf_counter()
    members = write_backup(Path(data_dir), Path(target), now=datetime(2026, 11, 23, 18, 0))
    seconds = perf_counter() - started
    size = Path(target).stat().st_size
    Path(target).unlink()
    return {"seconds": seconds, "files": len(members), "bytes": size}


def update_probe(data_dir: str, client_id: str) -> dict[str, Any]:
    """Seconds of ``refresh_search_index`` just after one session of the client closed.

    The index is first brought up to date (not timed); then a session like the client's last one,
    notes and all, is closed as the live screen closes one (one write of the client's file), and the
    refresh that follows is timed: it finds that one file changed and indexes it again. ``data_dir``
    is a working copy of the practice: each run adds a session to it.
    """
    from datetime import timedelta

    from coachtui.domain.models import SessionStatus
    from coachtui.domain.models.base import new_id
    from coachtui.store.repository import Repository

    with Repository.open(Path(data_dir)) as repo:
        repo.refresh_search_index()
        last = repo.list_sessions(client_id)[-1]
        later = timedelta(days=14)
        closed = last.model_copy(
            update={
                "id": new_id(),
                "number": repo.next_session_number(client_id),
                "started_at": last.started_at + later,
                "ended_at": (last.ended_at or last.started_at) + later,
                "status": SessionStatus.CLOSED,
                "reviews": [],
                "action_ids": [],
            }
        )
        repo.close_session(closed, [])
        started = perf_counter()
        files = repo.refresh_search_index()
        seconds = perf_counter() - started
    if files != 1:
        raise RuntimeError(f"closing one session made the index read {files} client files, not 1")
    return {"seconds": seconds, "files": files}


PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "json": json_probe,
    "hours": hours_probe,
    "recap": recap_probe,
    "backup": backup_probe,
    "update": update_probe,
}


def main(argv: Sequence[str]) -> None:
    name, arguments = argv[0], json.loads(argv[1])
    sys.stdout.write("\n" + json.dumps(PROBES[name](**arguments)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
