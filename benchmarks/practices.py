"""Provides the synthetic practices the benchmark runs on, generated once into ``benchmarks/.cache``.

A practice of N sessions has 100 clients; one of them (the "big" client) has min(200, N / 5)
sessions, the others share the rest unevenly. Everything is written through coachtui's own models
and ``Repository`` (``benchmarks.synthetic.build_synthetic_practice``), so the folders are real data
folders: about 6 KB of notes a session, actions reviewed at the next session, ratings,
reflections, plans and revisions. A folder is reused while its manifest matches the parameters
below and the practice reads back whole; otherwise it is generated again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.synthetic import build_synthetic_practice
from coachtui.domain.frameworks import load_framework
from coachtui.domain.models import LiveDraft, Session, SessionStatus, StageVisit, now
from coachtui.domain.notes import render_notes
from coachtui.store.repository import Repository

SIZES = (100, 1_000, 10_000)
CLIENTS = 100
BIG_CLIENT_SESSIONS = 200
SEED = 20261123
TODAY = date(2026, 11, 23)
NOTES_BYTES = 6000
GENERATION = 1
"""Bump when what is generated changes, so that cached practices are made again."""

CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True)
class Practice:
    """A generated data folder and what the measurements need to know about it."""

    size: int
    data_dir: Path
    big_client_id: str
    big_client_sessions: int
    generation: int = GENERATION
    clients: int = CLIENTS
    seed: int = SEED
    today: str = TODAY.isoformat()
    notes_bytes: int = NOTES_BYTES


def big_client_sessions(size: int) -> int:
    return min(BIG_CLIENT_SESSIONS, size // 5)


def ensure(size: int, root: Path = CACHE, log: Callable[[str], None] = print) -> Practice:
    """The practice of ``size`` sessions under ``root``, generated first if missing or not valid."""
    folder = root / str(size)
    practice = _cached(folder, size)
    if practice is not None:
        tidy(practice)
        return practice
    log(f"generating the {size:,}-session practice in {folder} (once; later runs reuse it)...")
    started = time.perf_counter()
    practice = _generate(folder, size)
    log(f"  done in {time.perf_counter() - started:.1f} s")
    return practice


def _cached(folder: Path, size: int) -> Practice | None:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        practice = Practice(**{**manifest, "data_dir": Path(manifest["data_dir"])})
    except (OSError, ValueError, TypeError, KeyError):
        return None
    # Resolved: a checkout whose benchmarks/.cache is a link to another's finds the same folder
    # (compared as written, it would generate the practice again over the other's).
    expected = Practice(size, (folder / "data").resolve(), practice.big_client_id, big_client_sessions(size))
    practice = replace(practice, data_dir=practice.data_dir.resolve())
    if practice != expected:
        return None
    try:
        with Repository.open(practice.data_dir, read_only=True) as repo:
            summaries = repo.summaries()
            held = sum(summary.sessions_held for summary in summaries.values())
            big = summaries.get(practice.big_client_id)
    except Exception:  # noqa: BLE001 - any failure to read it back means generating it again
        return None
    if (
        len(summaries) != CLIENTS
        or held != size
        or big is None
        or big.sessions_held != expected.big_client_sessions
    ):
        return None
    return practice


def _generate(folder: Path, size: int) -> Practice:
    shutil.rmtree(folder, ignore_errors=True)
    building = folder.with_name(f"{folder.name}.building")
    shutil.rmtree(building, ignore_errors=True)
    big = big_client_sessions(size)
    with Repository.open(building / "data") as repo:
        build_synthetic_practice(
            repo, clients=CLIENTS - 1, sessions=size - big, seed=SEED, today=TODAY, notes_bytes=NOTES_BYTES
        )
        others = {client.id for client in repo.list_clients()}
        build_synthetic_practice(
            repo, clients=1, sessions=big, seed=SEED + 1, today=TODAY, notes_bytes=NOTES_BYTES
        )
        (big_client_id,) = {client.id for client in repo.list_clients()} - others
    practice = Practice(size, folder / "data", big_client_id, big)
    manifest = {**asdict(practice), "data_dir": str(practice.data_dir)}
    (building / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    building.rename(folder)
    return practice


def tidy(practice: Practice) -> None:
    """Leave the folder as generated: no live-session draft (a killed run may have left one)."""
    with Repository.open(practice.data_dir) as repo:
        for draft in repo.list_drafts():
            repo.discard_draft(draft.session.id)


def live_draft(practice: Practice, started: datetime | None = None) -> LiveDraft:
    """A live session with the big client, as if resumed: the notes of their last session (~6 KB).

    Built from the practice itself, so the text is the generator's realistic notes, with the
    stage headers and kinds the live screen writes.
    """
    started = started or now()
    with Repository.open(practice.data_dir, read_only=True) as repo:
        last = repo.list_sessions(practice.big_client_id)[-1]
        number = repo.next_session_number(practice.big_client_id)
    shift = started - last.started_at
    framework = load_framework(last.framework)
    visits = [
        StageVisit(stage=v.stage, started_at=v.started_at + shift, ended_at=v.ended_at and v.ended_at + shift)
        for v in last.visits
    ]
    visits[-1] = visits[-1].model_copy(update={"ended_at": None})
    notes = [n.model_copy(update={"at": n.at + shift}) for n in last.notes]
    session = Session(
        client_id=practice.big_client_id,
        number=number,
        framework=last.framework,
        goal=last.goal,
        started_at=started,
        planned_minutes=last.planned_minutes,
        visits=visits,
        notes=notes,
        status=SessionStatus.LIVE,
    )
    names = {stage.id: stage.name for stage in framework.stages}
    text = render_notes(notes, visits, started, names)
    return LiveDraft(session=session, editor_text=text, saved_at=started + timedelta(seconds=1))


@contextmanager
def resumable_session(practice: Practice) -> Iterator[LiveDraft]:
    """A live session left open in the practice, so that coachtui starts by offering to resume it.

    Discarded afterwards, whatever the app did with it. No coachtui may hold the folder meanwhile.
    """
    draft = live_draft(practice)
    with Repository.open(practice.data_dir) as repo:
        repo.save_draft(draft)
    try:
        yield draft
    finally:
        tidy(practice)


def working_copy(practice: Practice, folder: Path) -> Practice:
    """A copy of ``practice`` in ``folder`` that a measurement may write to; the cached one stays as
    generated, so that its manifest and its figures hold for the next run.

    practice.json, the biggest client's files and the search index (SQLite writes into its file)
    are copied. The other client files are hard links, 150 MB not copied: coachtui never writes into
    a data file but renames a new one over it (``coachtui.store.atomic``), which leaves the cache's
    file as it was; and a link keeps the size, time and inode the index knows the file by. backups/
    and drafts/ are left out: the copy has no daily copies and no live session.
    """
    source = practice.data_dir
    target = folder / "data"
    shutil.rmtree(folder, ignore_errors=True)
    (target / "clients").mkdir(parents=True)
    shutil.copy2(source / "practice.json", target / "practice.json")
    if (source / "index").is_dir():  # else the first refresh in the copy builds it
        shutil.copytree(source / "index", target / "index")
    written = {f"{practice.big_client_id}.json", f"{practice.big_client_id}.reflections.json"}
    for entry in os.scandir(source / "clients"):
        if not entry.is_file():
            continue
        destination = target / "clients" / entry.name
        if entry.name in written:
            shutil.copy2(entry.path, destination)
            continue
        try:
            os.link(entry.path, destination)
        except OSError:  # another file system (or links not allowed): a copy is as good, only slower
            shutil.copy2(entry.path, destination)
    return replace(practice, data_dir=target)
