"""Provides crash-safe file writes and the TinyDB storage built on them.

A write goes to a temp file in the same folder, is flushed and fsynced, then
``os.replace``-d over the target and the folder is fsynced: a crash at any
instant leaves either the old file or the new one, never a broken one.

A file that is a symbolic link (a coach keeping practice.json in a synced
folder) is written through: the temp file goes beside the link's target and
replaces the target, so the link stays a link. A link whose target does not
exist is neither read as a missing file (which would start an empty practice)
nor replaced: it is reported.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb.storages import Storage

from coachtui.store.errors import CorruptFileError, ReadOnlyError, SaveError
from coachtui.store.paths import ensure_private_dir

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher

PRIVATE_FILE_MODE = 0o600
ENCRYPTED_MAGIC = b"COACHTUI-ENC"
"""How an encrypted file begins (``coachtui.store.crypt``); a plain TinyDB file begins with "{"."""
TEMP_SUFFIX = ".tmp"

Data = dict[str, dict[str, Any]]
LoadHook = Callable[[Data | None], Data | None]


def temp_name_for(path: Path) -> str:
    """Return a fresh temp file name for ``path``: hidden, in the same folder, easy to sweep."""
    return f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def link_target(path: Path) -> Path | None:
    """Where the symbolic link ``path`` finally points (links followed), or None if it is not a link."""
    if not os.path.islink(path):
        return None
    return Path(os.path.realpath(path))


def dangling_link_reason(path: Path) -> str | None:
    """Why ``path`` is unusable if it is a symbolic link to nothing, else None."""
    target = link_target(path)
    if target is None or target.exists():
        return None
    return (
        f"it is a symbolic link to {target}, which does not exist (is the folder it points to "
        "available?); the link was left as it is"
    )


def sealed(path: Path, data: bytes, cipher: Cipher | None) -> bytes:
    """``data`` as written to ``path``: encrypted with ``cipher`` (an encrypted practice), else as is.

    Every write of a practice's file goes through here before ``atomic_write_bytes``, so the temp file
    is never plain either. Sealed under the name in the data folder, not a link's target: the name is
    what the file is read back by.
    """
    return data if cipher is None else cipher.seal(Path(path), data)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; the file ends up 0600 whatever the umask.

    A symbolic link is written through (its target is replaced, the link stays); a link to nothing
    raises FileNotFoundError and is left as it is.
    """
    path = Path(path)
    target = link_target(path)
    if target is not None:
        dangling = dangling_link_reason(path)
        if dangling is not None:
            raise FileNotFoundError(errno.ENOENT, dangling, str(path))
        path = target
    folder = path.parent
    tmp = folder / temp_name_for(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            # The umask can only remove bits from the open() mode; set it exactly.
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in ``folder`` durable; some filesystems cannot, which is harmless."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def encode_json(data: Any) -> bytes:
    """Encode ``data`` as plain UTF-8 JSON; orjson is about twice as fast as json on these files."""
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:
        # orjson refuses lone surrogates (e.g. from a broken paste); json keeps the rest
        # of the text and the bad character becomes "?" instead of losing the save.
        return json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")


def corrupt(path: Path, reason: str) -> CorruptFileError:
    """Build the error for an unreadable ``path``, offering its latest backup."""
    # Imported here because backups writes through this module.
    from coachtui.store.backups import latest_backup

    return CorruptFileError(path, reason, latest_backup(path))


def plain_bytes(path: Path, raw: bytes, cipher: Cipher | None = None) -> bytes:
    """The plain bytes of a file read at ``path``: opened with ``cipher`` if encrypted.

    CorruptFileError (the backup offered) if it fails authentication, is cut short, is of a newer
    format, or is encrypted and no cipher was given; the file is never touched.
    """
    if cipher is None:
        if raw.startswith(ENCRYPTED_MAGIC):
            raise corrupt(path, "it is encrypted, and the practice was not unlocked with its passphrase")
        return raw
    from coachtui.store.crypt import SealError  # only an encrypted practice needs the library

    try:
        return cipher.decode(path, raw)
    except SealError as error:
        raise corrupt(path, error.reason) from None


def parse_tinydb_bytes(path: Path, raw: bytes, cipher: Cipher | None = None) -> Data:
    """Parse the bytes of a TinyDB file (opened with ``cipher`` if encrypted), checking its shape:
    tables of documents keyed by id."""
    raw = plain_bytes(path, raw, cipher)
    if not raw.strip():
        raise corrupt(path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise corrupt(path, f"it is not valid JSON ({error})") from error
    if not isinstance(data, dict):
        raise corrupt(path, "it is not a coachtui data file (expected a JSON object of tables)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise corrupt(path, f"table {name!r} is not a JSON object")
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise corrupt(path, f"document {doc_id} of table {name!r} is not a JSON object")
    return data


def read_tinydb_file(path: Path, cipher: Cipher | None = None) -> Data | None:
    """Read and parse a TinyDB file (encrypted with ``cipher``'s key, or plain); None if it does not exist."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        dangling = dangling_link_reason(path)
        if dangling is not None:
            raise corrupt(path, dangling) from None
        return None
    except OSError as error:
        raise corrupt(path, f"it cannot be opened ({error.strerror or error})") from error
    return parse_tinydb_bytes(path, plain_bytes(path, raw, cipher))


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic orjson writes, data kept in memory, never overwrites what it could not read.

    We hold the data folder's single-writer lock, so the in-memory copy is the
    truth and repeated reads never re-parse the file. ``on_load`` transforms the
    parsed data once (migration, validation); if parsing or the hook fails, the
    file is never written. Inside ``batch()`` writes only update memory and the
    file is written once at the end. A failed write leaves the change in memory,
    marked dirty, so any later write (or ``flush``) saves it.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        on_load: LoadHook | None = None,
        cipher: Cipher | None = None,
    ) -> None:
        self.path = Path(path)
        self.cipher = cipher
        self.read_only = read_only
        self._on_load = on_load
        self._data: Data | None = None
        self._loaded = False
        self._dirty = False
        self._batch_depth = 0
        self._memory_only = False
        self.before_first_write: Callable[[], None] | None = None
        """Called once before the file is first written (e.g. a backup before writing a migrated file)."""

    @property
    def dirty(self) -> bool:
        """Whether memory holds changes the file does not have yet (after a failed write)."""
        return self._dirty

    def read(self) -> Data | None:
        if not self._loaded:
            self._load()
        return self._data

    def _load(self) -> None:
        data = read_tinydb_file(self.path, self.cipher)
        if self._on_load is not None:
            data = self._on_load(data)
        self._data = data
        self._loaded = True

    def write(self, data: Data) -> None:
        if self.read_only and not self._memory_only:
            raise ReadOnlyError(self.path)
        if not self._loaded:
            self._load()
        self._data = data
        if self._memory_only:
            return
        self._dirty = True
        if self._batch_depth == 0:
            self.flush()

    def flush(self) -> None:
        """Write the in-memory data to the file if it has unsaved changes; OSError becomes SaveError."""
        if not self._dirty or self._memory_only:
            return
        if self.read_only:
            raise ReadOnlyError(self.path)
        try:
            if self.before_first_write is not None:
                self.before_first_write()
                self.before_first_write = None
            payload = sealed(
                self.path, encode_json(self._data if self._data is not None else {}), self.cipher
            )
            try:
                atomic_write_bytes(self.path, payload)
            except FileNotFoundError:
                # Its folder was removed while coachtui ran: recreate it rather than fail every save.
                ensure_private_dir(self.path.parent)
                atomic_write_bytes(self.path, payload)
        except OSError as error:
            raise SaveError(self.path, error) from error
        self._dirty = False

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: memory is updated by each, the file is written once when the outermost batch ends."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0:
            self.flush()

    @contextmanager
    def memory_only(self) -> Iterator[None]:
        """Writes inside only change memory: the file gets them with the next real write, if any."""
        self._memory_only = True
        try:
            yield
        finally:
            self._memory_only = False

    def close(self) -> None:
        """Nothing to release: the file is only open while it is read or written."""
