"""Provides the encryption rows of ``make bench`` (issue 13): unlocking, autosave and search, encrypted
against plain, measured in-process on a copy of the generated practice (the copy is encrypted with the
real scrypt settings). Kept apart from measure.py so that it registers with two lines there."""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from coachtui.domain.models import LiveDraft, Note, Session
from coachtui.domain.search_query import parse_query
from coachtui.store import keyfile
from coachtui.store.conversion import encrypt_folder
from coachtui.store.repository import Repository

PASSPHRASE = "bench: four unrelated words"
AUTOSAVES = 200


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _autosave(repo: Repository, client_id: str) -> float:
    """Median seconds of one autosave of a live session with 40 notes (the draft file's atomic write)."""
    session = Session(client_id=client_id, number=999, started_at=repo._clock())
    for index in range(40):
        session.notes.append(Note(at=session.started_at, stage="goal", text=f"note {index} " + "x" * 150))
    draft = LiveDraft(session=session, editor_text="typing", saved_at=session.started_at)
    times = [_timed(lambda: repo.save_draft(draft)) for _ in range(AUTOSAVES)]
    repo.discard_draft(session.id)
    return statistics.median(times)


def crypt_rows(
    practice: Any, scratch: Path, row: Callable[..., Any], ratio_row: Callable[..., Any]
) -> list[Any]:
    """The rows: KDF (unlock) time, start-up with unlock, autosave and first search, encrypted vs plain."""
    plain = scratch / "crypt-plain"
    sealed = scratch / "crypt-sealed"
    for target in (plain, sealed):
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(practice.data_dir, target, ignore=shutil.ignore_patterns("coachtui.lock", "index"))
    encrypt_folder(sealed, PASSPHRASE, on_recovery_key=lambda _key: None)
    found = keyfile.read_keyfile(sealed)
    assert found is not None
    kdf = _timed(lambda: keyfile.unlock(sealed, found, passphrase=PASSPHRASE))
    cipher = keyfile.unlock(sealed, found, passphrase=PASSPHRASE)
    query = parse_query("goal", date.today())
    figures: dict[str, dict[str, float]] = {}
    for name, folder, key in (("plain", plain, None), ("encrypted", sealed, cipher)):
        started = time.perf_counter()
        with Repository.open(folder, cipher=key) as repo:
            repo.list_clients()
            opened = time.perf_counter() - started
            searched = _timed(lambda: repo.search(query))  # noqa: B023 - run at once, in this iteration
            figures[name] = {
                "open": opened,
                "save": _autosave(repo, practice.big_client_id),
                "search": searched,
            }
    size = practice.size
    # Shown in milliseconds: an autosave takes about one.
    plain_figures = {name: seconds * 1000 for name, seconds in figures["plain"].items()}
    sealed_figures = {name: seconds * 1000 for name, seconds in figures["encrypted"].items()}
    return [
        # The KDF is slow by design: judged against its 1 s budget, not against anything coachtui does.
        ratio_row("crypt: key derivation at unlock (scrypt, vs a 1 s budget)", size, kdf, 1.0, 1.0, "s"),
        ratio_row(
            "crypt: open the practice after unlock (KDF apart)",
            size,
            sealed_figures["open"],
            plain_figures["open"],
            1.5,
            "ms",
        ),
        ratio_row(
            "crypt: one autosave, encrypted vs plain",
            size,
            sealed_figures["save"],
            plain_figures["save"],
            1.25,
            "ms",
        ),
        ratio_row(
            "crypt: first search after unlock (index built in memory)",
            size,
            sealed_figures["search"],
            plain_figures["search"],
            10.0,
            "ms",
        ),
    ]
