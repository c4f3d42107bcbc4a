"""Provides the single-writer lock of a data folder: one ``coachtui.lock`` file, flock'ed, holding the pid."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from coachtui.store.errors import StoreLockedError

LOCK_NAME = "coachtui.lock"


class DataDirLock:
    """An exclusive, non-blocking flock on ``DATA/coachtui.lock``.

    flock is released by the kernel when the process dies, so a crash never
    leaves a stale lock behind; the pid inside is only for the message.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise StoreLockedError naming the holder's pid."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            os.fchmod(fd, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise StoreLockedError(self.data_dir, pid) from None
        except BaseException:
            os.close(fd)
            raise
        # The pid is informative only: failing to write it must not stop the app.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Drop the lock; the file stays, since unlinking a flock'ed file races with the next taker."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
