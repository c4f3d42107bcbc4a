"""Provides ``keys.json``: how an encrypted practice keeps its data key, locked by the passphrase.

The data key (32 random bytes, AES-256) never changes while the practice is encrypted; it is kept
twice, wrapped (AES-GCM) by:

- the passphrase, through scrypt (memory-hard: guessing costs the attacker 128 MiB and ~0.4 s of a
  core per try). Parameters and salt are stored, so they can be raised later for new keyfiles;
- the recovery key, 32 random bytes printed once at ``coachtui encrypt`` (full entropy: used as
  the wrapping key as is, no KDF needed).

Changing the passphrase rewraps the data key; no data file is rewritten. The rest of the file (the
state of a conversion, the KDF parameters, the key id) is authenticated by a GCM tag under the data
key (``check``): a keyfile edited to claim the folder is half converted, so that plain files would be
accepted, or to weaken the KDF, is refused. The file itself is plain JSON: it holds no secret in clear.

A wrong passphrase fails the GCM tag of the wrapped key; the message never says how close it was.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from coachtui.store.atomic import atomic_write_bytes
from coachtui.store.crypt import KEY_ID_SIZE, Cipher
from coachtui.store.errors import StoreError
from coachtui.store.paths import KEYFILE

FORMAT = "coachtui-keys"
VERSION = 1
State = Literal["encrypting", "encrypted", "decrypting"]
SCRYPT_N = 2**17
"""128 MiB with r=8. Measured on a 2-core laptop-class machine: n=2**17, p=2 takes 0.7 s (0.36 s at
p=1); 2**18 takes 1.1 s at p=1. p=2 doubles the attacker's work without more memory per try."""
SCRYPT_R = 8
SCRYPT_P = 2
WRONG_PASSPHRASE = "That passphrase does not open this practice."


class KeyfileError(StoreError):
    """keys.json is missing, unreadable, of a newer version, or altered; nothing was changed."""


class WrongPassphrase(StoreError):
    """The passphrase (or recovery key) does not unwrap the data key; nothing was changed."""

    def __init__(self) -> None:
        super().__init__(WRONG_PASSPHRASE)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


@dataclass(frozen=True)
class Keyfile:
    """The parsed keys.json of a data folder."""

    state: State
    key_id: bytes
    kdf: dict[str, Any]
    """{"name": "scrypt", "n", "r", "p", "salt"}: how the passphrase becomes a wrapping key."""
    by_passphrase: bytes
    """nonce + AES-GCM(wrapping key, data key)."""
    by_recovery: bytes
    check: bytes = b""
    """nonce + GCM tag over the rest, under the data key."""

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "state": self.state,
            "key_id": self.key_id.hex(),
            "kdf": self.kdf,
            "wrapped": {"passphrase": _b64(self.by_passphrase), "recovery": _b64(self.by_recovery)},
        }

    def _signed(self) -> bytes:
        return orjson.dumps(self.body(), option=orjson.OPT_SORT_KEYS)


def _derive(passphrase: str, kdf: dict[str, Any]) -> bytes:
    if kdf.get("name") != "scrypt":
        raise KeyfileError(
            f"keys.json names a key derivation this coachtui does not know ({kdf.get('name')!r})."
        )
    scrypt = Scrypt(salt=_unb64(kdf["salt"]), length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"]))
    return scrypt.derive(passphrase.encode("utf-8"))


def _wrap(wrapping_key: bytes, data_key: bytes, slot: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(wrapping_key).encrypt(nonce, data_key, b"coachtui-keys/1/" + slot)


def _unwrap(wrapping_key: bytes, wrapped: bytes, slot: bytes) -> bytes:
    try:
        return AESGCM(wrapping_key).decrypt(wrapped[:12], wrapped[12:], b"coachtui-keys/1/" + slot)
    except (InvalidTag, ValueError):
        raise WrongPassphrase() from None


def _sign(keyfile: Keyfile, data_key: bytes) -> Keyfile:
    nonce = os.urandom(12)
    return replace(keyfile, check=nonce + AESGCM(data_key).encrypt(nonce, b"", keyfile._signed()))


def new_keyfile(passphrase: str, *, n: int = SCRYPT_N) -> tuple[Keyfile, bytes, bytes]:
    """A keyfile for a fresh data key, state "encrypting"; returns it, the data key and the recovery key."""
    data_key, recovery = AESGCM.generate_key(256), os.urandom(32)
    kdf = {"name": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(os.urandom(16))}
    keyfile = Keyfile(
        state="encrypting",
        key_id=os.urandom(KEY_ID_SIZE),
        kdf=kdf,
        by_passphrase=_wrap(_derive(passphrase, kdf), data_key, b"passphrase"),
        by_recovery=_wrap(recovery, data_key, b"recovery"),
    )
    return _sign(keyfile, data_key), data_key, recovery


def format_recovery_key(recovery: bytes) -> str:
    """The recovery key as the coach writes it down: base32 in groups of four."""
    text = base64.b32encode(recovery).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The recovery key typed back (dashes, spaces and case forgiven), or None if it cannot be one."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        key = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError:
        return None
    return key if len(key) == 32 else None


def read_keyfile(data_dir: Path) -> Keyfile | None:
    """The data folder's keyfile, or None if the folder is not encrypted; KeyfileError if unusable."""
    path = Path(data_dir) / KEYFILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise KeyfileError(f"Cannot read {path}: {error.strerror or error}.") from error
    return parse_keyfile(raw, path)


def parse_keyfile(raw: bytes, path: Path) -> Keyfile:
    """Parse the bytes of a keyfile (``path`` names it in messages); KeyfileError if unusable."""
    try:
        data = orjson.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError("not a coachtui keyfile")
        if not isinstance(data.get("version"), int) or data["version"] > VERSION:
            raise KeyfileError(
                f"{path} was written by a newer coachtui (keyfile version {data.get('version')!r}; this "
                f"coachtui reads version {VERSION}). Please upgrade coachtui. Nothing was changed."
            )
        if data["state"] not in ("encrypting", "encrypted", "decrypting"):
            raise ValueError("unknown state")
        return Keyfile(
            state=data["state"],
            key_id=bytes.fromhex(data["key_id"]),
            kdf=dict(data["kdf"]),
            by_passphrase=_unb64(data["wrapped"]["passphrase"]),
            by_recovery=_unb64(data["wrapped"]["recovery"]),
            check=_unb64(data["check"]),
        )
    except KeyfileError:
        raise
    except (orjson.JSONDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise KeyfileError(
            f"Cannot read {path}: it is not a valid coachtui keyfile ({type(error).__name__}). Nothing was "
            "changed; restore it from a copy of the folder to open this practice."
        ) from error


def write_keyfile(data_dir: Path, keyfile: Keyfile) -> None:
    body = keyfile.body() | {"check": _b64(keyfile.check)}
    atomic_write_bytes(Path(data_dir) / KEYFILE, orjson.dumps(body, option=orjson.OPT_INDENT_2) + b"\n")


def unlock(
    data_dir: Path, keyfile: Keyfile, *, passphrase: str | None = None, recovery: bytes | None = None
) -> Cipher:
    """The folder's Cipher, from the passphrase or the recovery key; WrongPassphrase if it does not fit."""
    if recovery is not None:
        data_key = _unwrap(recovery, keyfile.by_recovery, b"recovery")
    else:
        data_key = _unwrap(_derive(passphrase or "", keyfile.kdf), keyfile.by_passphrase, b"passphrase")
    data_key_checked(keyfile, data_key, data_dir)
    return Cipher(data_dir, data_key, keyfile.key_id, accept_plain=keyfile.state != "encrypted")


def data_key_checked(keyfile: Keyfile, data_key: bytes, data_dir: Path) -> None:
    try:
        AESGCM(data_key).decrypt(keyfile.check[:12], keyfile.check[12:], keyfile._signed())
    except (InvalidTag, ValueError):
        raise KeyfileError(
            f"{Path(data_dir) / KEYFILE} was altered (its state or settings no longer match its "
            "authentication tag). Nothing was changed."
        ) from None


def restated(keyfile: Keyfile, state: State, data_key: bytes) -> Keyfile:
    """The same keyfile in another conversion state, signed again."""
    return _sign(replace(keyfile, state=state), data_key)


def rewrapped(keyfile: Keyfile, data_key: bytes, passphrase: str, *, n: int = SCRYPT_N) -> Keyfile:
    """The same data key wrapped by a new passphrase (fresh salt); the recovery key still works."""
    kdf = {"name": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(os.urandom(16))}
    fresh = replace(keyfile, kdf=kdf, by_passphrase=_wrap(_derive(passphrase, kdf), data_key, b"passphrase"))
    return _sign(fresh, data_key)
