"""Provides restoring a backup archive into a data folder: all of it, or nothing.

Order, and why:

1. The archive is read and every file and record checked (``archive.read_backup``) before anything
   on disk is touched: a tampered or invalid archive changes nothing, not even the folder's lock file.
2. The data folder's lock is taken: a running coachtui would overwrite the restored files from memory.
3. What the restore replaces is first kept as an archive in ``backups/`` (unchecked: broken data is
   often why a coach restores), so a restore can itself be undone.
4. The files are written into a staging folder inside the data folder (same disk, so the moves below
   are renames), each fsynced.
5. ``practice.json``, ``clients/`` and ``drafts/`` are moved aside, the staged ones moved in, and
   only then is the old data deleted. Any error in 4 or 5 moves the old data back and removes the
   staging folder. A power cut in the middle of the few renames of 5 can leave a mix; the archive of
   step 3 holds the old data whole.

The notes index and the hours log's cache (``index/``) are dropped: they described the old files.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coachtui.store.archive import ArchiveError, Member, Unlock, collect, read_backup, write_archive
from coachtui.store.atomic import PRIVATE_FILE_MODE, fsync_dir
from coachtui.store.backups import BACKUP_DIR_NAME
from coachtui.store.lock import DataDirLock
from coachtui.store.paths import INDEX_DIR, ensure_private_dir

SWAPPED = ("clients", "drafts", "keys.json", "practice.json")
"""What a restore replaces; practice.json last, so that until it moves the old practice is whole.
keys.json goes with the files it opens: an encrypted archive makes the folder encrypted, a plain one
makes it plain."""
KEPT_PREFIX = "before-restore-"
"""``backups/before-restore-<YYYYmmdd-HHMMSS>.zip``: what a restore replaced."""


@dataclass(frozen=True)
class RestoreReport:
    restored: list[str]
    """The paths restored, relative to the data folder."""
    kept: Path | None
    """The archive of what was replaced, or None if the folder held no practice."""


def holds_practice(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds data a restore would replace."""
    data_dir = Path(data_dir)
    if (data_dir / "practice.json").exists():
        return True
    return any(
        (data_dir / folder).is_dir() and any(os.scandir(data_dir / folder))
        for folder in ("clients", "drafts")
    )


def restore_backup(
    archive: Path, data_dir: Path, *, now: datetime, unlock: Unlock | None = None
) -> RestoreReport:
    """Replace the practice in ``data_dir`` with the archive's; ArchiveError or StoreLockedError (nothing
    changed), or the OSError that stopped it (the old data is back in place). ``unlock`` opens an
    encrypted archive (see ``archive.read_backup``)."""
    members = read_backup(archive, unlock)
    data_dir = Path(data_dir)
    try:
        ensure_private_dir(data_dir)
    except OSError as error:
        raise ArchiveError(f"Cannot create {data_dir}: {error.strerror or error}.") from error
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        kept = None
        if holds_practice(data_dir):
            kept = data_dir / BACKUP_DIR_NAME / f"{KEPT_PREFIX}{now:%Y%m%d-%H%M%S}.zip"
            ensure_private_dir(kept.parent)
            write_archive(kept, collect(data_dir, validate=False), now=now)
        token = secrets.token_hex(4)
        stage = data_dir / f".restore-new-{token}"
        try:
            _stage(stage, members)
            _swap(stage, data_dir, data_dir / f".restore-old-{token}")
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        shutil.rmtree(data_dir / INDEX_DIR, ignore_errors=True)
    finally:
        lock.release()
    return RestoreReport([m.path for m in members], kept)


def _stage(stage: Path, members: list[Member]) -> None:
    ensure_private_dir(stage / "clients")
    folders = {stage}
    for member in members:
        target = stage / member.path
        ensure_private_dir(target.parent)
        folders.add(target.parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            handle.write(member.data)
            handle.flush()
            os.fsync(handle.fileno())
    for folder in folders:
        fsync_dir(folder)


def _swap(stage: Path, data_dir: Path, old: Path) -> None:
    ensure_private_dir(old)
    moved: list[str] = []
    placed: list[str] = []
    try:
        for name in SWAPPED:
            if os.path.lexists(data_dir / name):
                os.replace(data_dir / name, old / name)
                moved.append(name)
        for name in SWAPPED:
            if os.path.lexists(stage / name):
                os.replace(stage / name, data_dir / name)
                placed.append(name)
        fsync_dir(data_dir)
    except BaseException:
        # Put the old data back exactly where it was; the staged copy is deleted by the caller.
        for name in reversed(placed):
            os.replace(data_dir / name, stage / name)
        for name in reversed(moved):
            os.replace(old / name, data_dir / name)
        shutil.rmtree(old, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
