"""Provides the encrypted file format of an encrypted data folder, and ``Cipher``, which seals and opens it.

Every file of an encrypted practice (practice.json, client and reflections files, drafts, daily
backups, the members of a ``coachtui backup`` archive) is one AES-256-GCM message under the
practice's random data key (see ``coachtui.store.keyfile`` for how that key is kept)::

    offset  size  field
    0       12    magic  b"COACHTUI-ENC"   (a plain TinyDB file starts with "{": one byte tells them apart)
    12      1     format version (1)
    13      8     key id: which data key sealed it (random, stored in keys.json)
    21      12    nonce: fresh from os.urandom for every write
    33      ...   ciphertext of the plain TinyDB JSON, then GCM's 16-byte tag

The associated data is the 33 header bytes, a zero byte, and the file's name in the practice
(``practice.json``, ``clients/<id>.json``, ``drafts/<session_id>.json``...): a file swapped for
another one (Dana's file put in Sam's place, a draft renamed) fails authentication as surely as a
flipped bit. A daily backup carries the name of the file it copies (``backups/<stem>.<stamp>.json``
is sealed as ``clients/<stem>.json``), so a backup is a byte copy and restoring one works. Random
96-bit nonces are safe here: even a 10-year practice makes far fewer than the 2**32 writes per key
after which NIST asks to rotate.

Only library primitives are used (``cryptography``'s AESGCM); the header is versioned so the format
can change; a file of a newer version is refused by name rather than guessed at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from coachtui.store.atomic import ENCRYPTED_MAGIC

MAGIC = ENCRYPTED_MAGIC
FORMAT_VERSION = 1
KEY_ID_SIZE = 8
NONCE_SIZE = 12
HEADER_SIZE = len(MAGIC) + 1 + KEY_ID_SIZE + NONCE_SIZE
_BACKUP = re.compile(r"^backups/(?P<stem>.+)\.\d{8}-\d{6}\.json$")


class SealError(Exception):
    """A file could not be opened: ``reason`` says why in words fit for CorruptFileError (never its content)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_sealed(raw: bytes) -> bool:
    """Whether ``raw`` is an encrypted file (by its magic), whatever its version."""
    return raw.startswith(MAGIC)


def sealed_name(data_dir: Path, path: Path) -> str:
    """The name a file is sealed under: its path in the data folder, a backup's being its original's."""
    relative = Path(os.path.relpath(Path(path), Path(data_dir))).as_posix()
    backup = _BACKUP.match(relative)
    if backup is None:
        return relative
    stem = backup.group("stem")
    return "practice.json" if stem == "practice" else f"clients/{stem}.json"


class Cipher:
    """The unlocked data key of one data folder: seals plain bytes into a file's bytes and back."""

    def __init__(self, data_dir: Path, key: bytes, key_id: bytes, *, accept_plain: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self._aead = AESGCM(key)
        self._key = key
        self.key_id = key_id
        self.accept_plain = accept_plain
        """True while the folder is being converted: plain files are then still the practice's own.
        Once it is wholly encrypted a plain file is refused: anyone could have written it."""

    def __repr__(self) -> str:
        # Never the key, even in a crash report's locals.
        return f"Cipher({self.data_dir}, key_id={self.key_id.hex()})"

    @property
    def data_key(self) -> bytes:
        """The raw data key: only for rewrapping it in keys.json."""
        return self._key

    def name_of(self, path: Path) -> bytes:
        return sealed_name(self.data_dir, path).encode("utf-8")

    def seal(self, path: Path, plain: bytes) -> bytes:
        """The encrypted file for ``plain`` at ``path`` (a fresh nonce each call)."""
        header = MAGIC + bytes([FORMAT_VERSION]) + self.key_id + os.urandom(NONCE_SIZE)
        return header + self._aead.encrypt(header[-NONCE_SIZE:], plain, header + b"\0" + self.name_of(path))

    def open(self, path: Path, raw: bytes) -> bytes:
        """The plain bytes of the encrypted file ``raw`` read at ``path``; SealError if it cannot be trusted."""
        version = raw[len(MAGIC)] if len(raw) > len(MAGIC) else None
        if version is not None and version > FORMAT_VERSION:
            raise SealError(
                f"it is encrypted in format {version}, written by a newer coachtui (this one reads "
                f"format {FORMAT_VERSION}); please upgrade coachtui"
            )
        if len(raw) < HEADER_SIZE + 16 or version != FORMAT_VERSION:
            raise SealError("it is an encrypted file cut short (truncated)")
        header = raw[:HEADER_SIZE]
        if header[len(MAGIC) + 1 : len(MAGIC) + 1 + KEY_ID_SIZE] != self.key_id:
            raise SealError("it was encrypted with another practice's key")
        try:
            return self._aead.decrypt(
                header[-NONCE_SIZE:], raw[HEADER_SIZE:], header + b"\0" + self.name_of(path)
            )
        except InvalidTag:
            raise SealError(
                "it fails its authentication check: it was altered, cut short, or put in another file's place"
            ) from None

    def decode(self, path: Path, raw: bytes) -> bytes:
        """The plain bytes of a file read at ``path``, encrypted or (while converting) plain."""
        if is_sealed(raw):
            return self.open(path, raw)
        if raw.strip() and not self.accept_plain:
            raise SealError("it is not encrypted, though this practice is; it was not written by coachtui")
        return raw
