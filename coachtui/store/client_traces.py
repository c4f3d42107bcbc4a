"""Provides ``Traces``: what identifies a client in a file, and ``leftovers``: the files still holding them.

Erasing a client (``coachtui.store.erasure``) finds their documents and files by these traces, and
reports the files of the data folder that still hold one after it: another client's notes may name them.
"""

from __future__ import annotations

import zipfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachtui.store.lock import LOCK_NAME

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher


@dataclass(frozen=True)
class Traces:
    """What identifies the client in a file: their id, their sessions' ids and their name."""

    client_id: str
    session_ids: frozenset[str]
    name: str
    cipher: Cipher | None = None
    """An encrypted practice's key: its files are opened before they are looked into."""

    def in_bytes(self, data: bytes, *, by_name: bool = True) -> bool:
        """Whether ``data`` holds the client's id, a session's id or (``by_name``) the client's name.

        Drafts and archived files are matched without the name: another client's notes may mention it.
        """
        needles = [self.client_id, *self.session_ids] + ([self.name] if self.name and by_name else [])
        return any(needle.encode() in data for needle in needles)

    def in_file(self, path: Path, data: bytes, *, by_name: bool = True) -> bool:
        """``in_bytes`` of a file read at ``path`` (its plain bytes if it is encrypted and opens)."""
        if self.cipher is not None:
            from coachtui.store.crypt import SealError

            with suppress(SealError):
                data = self.cipher.decode(path, data)
        return self.in_bytes(data, by_name=by_name)

    def owns(self, document: dict[str, Any]) -> bool:
        return document.get("client_id") == self.client_id or document.get("session_id") in self.session_ids


def leftovers(data_dir: Path, traces: Traces) -> list[Path]:
    """Files under ``data_dir`` still holding the client's name, id or a session id (zip members read)."""
    found = []
    for path in sorted(Path(data_dir).rglob("*")):
        if not path.is_file() or path.name == LOCK_NAME:
            continue
        with suppress(OSError):
            held = traces.in_file(path, path.read_bytes())
            if path.suffix == ".zip":
                with suppress(zipfile.BadZipFile), zipfile.ZipFile(path) as zipped:
                    held = held or any(
                        traces.in_file(data_dir / n, zipped.read(n)) for n in zipped.namelist()
                    )
            if held:
                found.append(path)
    return found
