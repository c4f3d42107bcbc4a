"""Provides the store's errors, each with a message fit to show the coach as-is.

``str(error)`` is the whole message: it names the file or folder involved, says
what is wrong, and says what happened to the coach's data and what to do next.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path


class StoreError(Exception):
    """Base of every error the store raises; ``str(error)`` is shown to the coach."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CorruptFileError(StoreError):
    """A file could not be parsed or holds an invalid record; it was left untouched."""

    def __init__(self, path: Path, reason: str, latest_backup: Path | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.latest_backup = latest_backup
        if latest_backup is not None:
            offer = f"The latest backup is {latest_backup}."
        else:
            offer = "There is no backup of it yet."
        super().__init__(f"Cannot read {self.path}: {reason}. The file was left untouched. {offer}")


class PracticeMissingError(StoreError):
    """practice.json is missing but the folder holds a practice's files: no new, empty practice is started."""

    def __init__(self, data_dir: Path, found: Sequence[str], repair_command: str) -> None:
        self.data_dir = Path(data_dir)
        self.found = list(found)
        super().__init__(
            f"{self.data_dir} has no practice.json, but it holds {', '.join(self.found)}. "
            "coachtui did not start a new, empty practice over them, and changed nothing. "
            f"To rebuild practice.json from the latest backup and the client files, run: {repair_command}"
        )


class EncryptedError(StoreError):
    """The data folder is encrypted and was opened without unlocking it; nothing was touched."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        super().__init__(
            f"{self.data_dir} is encrypted: it opens with its passphrase (coachtui asks for it, or reads "
            "it from the file named by COACHTUI_PASSPHRASE_FILE). Nothing was changed."
        )


class NewerSchemaError(StoreError):
    """A file was written by a newer coachtui; it was left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"{self.path} was written by a newer coachtui (data version {found}; "
            f"this coachtui reads up to version {supported}). "
            "Please upgrade coachtui. The file was left untouched."
        )


def read_only_command(data_dir: Path) -> str:
    """The command that opens ``data_dir`` read-only, beside the coachtui that holds it."""
    return f"coachtui --data-dir {shlex.quote(str(data_dir))} --read-only"


class StoreLockedError(StoreError):
    """Another coachtui holds the data folder's lock."""

    def __init__(self, data_dir: Path, pid: int | None) -> None:
        self.data_dir = Path(data_dir)
        self.pid = pid
        who = f"Another coachtui (pid {pid})" if pid is not None else "Another coachtui"
        super().__init__(
            f"{who} is using {self.data_dir}. Close it first, "
            f"or run {read_only_command(self.data_dir)} to look without saving."
        )


class ReadOnlyError(StoreError):
    """A save was attempted on a store opened read-only."""

    def __init__(self, where: Path) -> None:
        self.where = Path(where)
        super().__init__(
            f"{self.where} is open read-only (--read-only), so this change was not saved. "
            "To make changes, close any other coachtui on this folder and start coachtui without --read-only."
        )


class SaveError(StoreError):
    """Writing a file failed (read-only folder, disk full...); memory still holds the change."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = Path(path)
        self.error = error
        cause = error.strerror or str(error)
        super().__init__(
            f"Could not save {self.path}: {cause}. Nothing was lost: your changes are "
            "still in memory and saving will be retried. Check that the folder is "
            "writable and the disk is not full."
        )


class RecordNotFound(StoreError):
    """No record matches the id or reference given."""

    def __init__(self, kind: str, ref: str, hint: str = "") -> None:
        self.kind = kind
        self.ref = ref
        super().__init__(f"No {kind} matches {ref!r}." + (f" {hint}" if hint else ""))


class AmbiguousReference(StoreError):
    """A reference matches several records; the message lists them."""

    def __init__(self, kind: str, ref: str, candidates: Sequence[str]) -> None:
        self.kind = kind
        self.ref = ref
        self.candidates = list(candidates)
        shown = "; ".join(self.candidates[:10])
        more = f" and {len(self.candidates) - 10} more" if len(self.candidates) > 10 else ""
        super().__init__(
            f"{ref!r} matches {len(self.candidates)} {kind}s: {shown}{more}. Type more of the name or id."
        )


class SearchIndexError(StoreError):
    """The notes index could not be used; the coach's files are untouched and the search can be retried."""

    def __init__(self, where: str, problem: object) -> None:
        self.where = where
        super().__init__(
            f"Searching the notes failed: the search index ({where}) cannot be used ({problem}). "
            "Your notes are untouched; try the search again."
        )
