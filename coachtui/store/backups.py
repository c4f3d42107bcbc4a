"""Provides rotating daily backups of the TinyDB files in ``DATA/backups/``.

A file ``DATA/practice.json`` or ``DATA/clients/<id>.json`` is copied to
``DATA/backups/<stem>.<YYYYmmdd-HHMMSS>.json`` at most once a day (the day and
time of the repository's clock, passed in as ``now``), and only
after it was read and validated, so a broken file never pushes a good backup
out of the rotation. The newest ``KEEP`` backups of each file are kept, newest
by when they were written (the file's mtime), not by the time in their name: a
clock set back names a new backup before older ones, and the rotation must not
delete the copy it just made.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from coachtui.store import atomic
from coachtui.store.paths import ensure_private_dir

BACKUP_DIR_NAME = "backups"
KEEP = 7
STAMP_FORMAT = "%Y%m%d-%H%M%S"
_SUBFOLDERS = ("clients", "drafts")


def backup_dir_for(path: Path) -> Path:
    """The backups folder of the data folder ``path`` belongs to."""
    path = Path(path)
    data_dir = path.parent.parent if path.parent.name in _SUBFOLDERS else path.parent
    return data_dir / BACKUP_DIR_NAME


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}\.(\d{{8}}-\d{{6}})\.json$")


def list_backups(path: Path) -> list[Path]:
    """Backups of ``path``, oldest first: by when each was written (mtime), then by the time in its name.

    The name alone misleads once the clock went back (a new backup is named before older ones).
    """
    folder = backup_dir_for(path)
    pattern = _pattern(Path(path).stem)
    found: list[tuple[int, str]] = []
    try:
        for entry in os.scandir(folder):
            if pattern.match(entry.name):
                with suppress(OSError):
                    found.append((entry.stat().st_mtime_ns, entry.name))
    except OSError:
        # No folder yet, or one we cannot list: either way there is no backup to offer.
        return []
    return [folder / name for _, name in sorted(found)]


def latest_backup(path: Path) -> Path | None:
    """The newest backup of ``path``, or None."""
    backups = list_backups(path)
    return backups[-1] if backups else None


def take_backup(path: Path, *, now: datetime, force: bool = False, keep: int = KEEP) -> Path | None:
    """Copy ``path`` into the backups folder unless it was already backed up on ``now``'s day (or ``force``).

    Returns the new backup, or None when none was needed. Rotates afterwards.
    Raises OSError if the copy cannot be written.
    """
    path = Path(path)
    if not path.exists():
        return None
    today = now.strftime("%Y%m%d")
    if not force and any(backup.name.startswith(f"{path.stem}.{today}-") for backup in list_backups(path)):
        return None
    target = backup_dir_for(path) / f"{path.stem}.{now.strftime(STAMP_FORMAT)}.json"
    if target.exists():
        # Same second as the last backup, of a file we have not written since: nothing new to keep.
        return None
    ensure_private_dir(target.parent)
    atomic.atomic_write_bytes(target, path.read_bytes())
    rotate(path, keep=keep, spare=target)
    return target


def rotate(path: Path, *, keep: int = KEEP, spare: Path | None = None) -> None:
    """Delete all but the newest ``keep`` backups of ``path``; ``spare`` (the one just written) always stays."""
    backups = list_backups(path)
    if spare is not None and spare in backups and keep > 0:
        backups.remove(spare)
        keep -= 1
    stale = backups[:-keep] if keep > 0 else backups
    for old in stale:
        with suppress(FileNotFoundError):
            old.unlink()


def remove_backups(path: Path) -> None:
    """Delete every backup of ``path`` (erasure of a client)."""
    rotate(path, keep=0)
