"""Provides turning a data folder's encryption on and off, and changing its passphrase.

Converting is crash-safe, killed at any instant (tests/store/test_conversion_crash.py kills it at
random moments):

1. keys.json is written first, with the state ``encrypting`` (or rewritten as ``decrypting``). From
   then on the folder opens with the passphrase and accepts a file in either form: an encrypted file
   starts with ``COACHTUI-ENC``, a plain one with ``{``, so each file says which it is.
2. Every file is converted on its own by an atomic write (temp file, fsync, rename): a file is whole
   in its old form or in its new one, never half. Files already converted are passed over, so a
   rerun finishes the job.
3. Last, keys.json says ``encrypted`` (or is deleted, when decrypting): from then on a plain file in
   an encrypted folder is refused.

Converted: practice.json, client and reflections files, live and reflection drafts (also those set
aside as unreadable), daily backups, and the archives a restore kept in ``backups/`` (their members).
The notes index (``index/``, SQLite holding every note's words, beside the hours log's cache) is
deleted when encrypting: an encrypted practice keeps the index in memory only, and no hours cache.
Left temp files of an earlier crash are deleted first: they may hold plain text. Crash reports hold
no record (``coachtui.crash``) and stay as they are.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import orjson

from coachtui.store import archive, keyfile
from coachtui.store.atomic import ENCRYPTED_MAGIC, TEMP_SUFFIX, atomic_write_bytes, corrupt, fsync_dir
from coachtui.store.backups import BACKUP_DIR_NAME
from coachtui.store.crypt import Cipher, SealError
from coachtui.store.errors import StoreError
from coachtui.store.lock import DataDirLock
from coachtui.store.paths import INDEX_DIR, KEYFILE


class ConversionError(StoreError):
    """The folder is not in a state this conversion can start from; nothing was changed."""


def practice_files(data_dir: Path) -> Iterator[Path]:
    """Every file of the practice a conversion rewrites: TinyDB files and kept archives, sorted."""
    data_dir = Path(data_dir)
    candidates = [data_dir / "practice.json", *sorted(data_dir.glob("practice.broken-*.json"))]
    for folder in ("clients", "drafts", "drafts/reflections", BACKUP_DIR_NAME):
        candidates += sorted((data_dir / folder).glob("*.json"))
    candidates += sorted((data_dir / BACKUP_DIR_NAME).glob("*.zip"))
    yield from (path for path in candidates if path.is_file() and not path.name.startswith("."))


def _sweep_temp_files(data_dir: Path) -> None:
    # Only a crash leaves a temp file; we hold the lock, so none is being written.
    for path in Path(data_dir).rglob(f".*{TEMP_SUFFIX}"):
        path.unlink(missing_ok=True)


def _convert_file(path: Path, cipher: Cipher, *, encrypt: bool) -> None:
    raw = path.read_bytes()
    if path.suffix == ".zip":
        _convert_archive(path, raw, cipher, encrypt=encrypt)
    elif raw.startswith(ENCRYPTED_MAGIC) != encrypt:
        try:
            atomic_write_bytes(path, cipher.seal(path, raw) if encrypt else cipher.open(path, raw))
        except SealError as error:
            raise corrupt(path, error.reason) from None


def _convert_archive(path: Path, raw: bytes, cipher: Cipher, *, encrypt: bool) -> None:
    """Rebuild a kept archive with its members sealed (and keys.json in it) or opened (and without)."""
    with zipfile.ZipFile(path) as zipped:
        created = datetime.fromisoformat(orjson.loads(zipped.read(archive.MANIFEST))["created_at"])
        names = [n for n in zipped.namelist() if n not in (archive.MANIFEST, KEYFILE)]
        members = [(n, zipped.read(n)) for n in names]
        had_keys = KEYFILE in zipped.namelist()
    if had_keys == encrypt:
        return
    rebuilt = []
    for name, data in members:
        kind = archive.member_kind(name)
        if kind is None or kind == "keys":
            continue
        where = cipher.data_dir / name
        try:
            sealed = data.startswith(ENCRYPTED_MAGIC)
            if encrypt and not sealed:
                data = cipher.seal(where, data)
            elif not encrypt and sealed:
                data = cipher.open(where, data)
        except SealError as error:
            raise corrupt(path, f"{name} in it: {error.reason}") from None
        rebuilt.append(archive.Member(name, kind, data))
    if encrypt:
        rebuilt.append(archive.Member(KEYFILE, "keys", (cipher.data_dir / KEYFILE).read_bytes()))
    atomic_write_bytes(path, archive.build(rebuilt, now=created))


def _locked(data_dir: Path) -> DataDirLock:
    """The folder's lock, taken: StoreLockedError (nothing changed) while the app has it open."""
    lock = DataDirLock(data_dir)
    lock.acquire()
    return lock


def encrypt_folder(
    data_dir: Path,
    passphrase: str,
    *,
    on_recovery_key: Callable[[str], None],
    scrypt_n: int = keyfile.SCRYPT_N,
) -> None:
    """Encrypt every file of ``data_dir`` (or finish an encryption cut short, with its passphrase).

    ``on_recovery_key`` is given the recovery key as soon as keys.json holds it, before any file is
    converted: it is shown once, even if the conversion is then killed. WrongPassphrase when
    resuming with another passphrase; ConversionError if the folder is already (being de-)encrypted.
    """
    data_dir = Path(data_dir)
    if not (data_dir / "practice.json").exists():
        raise ConversionError(f"{data_dir} holds no practice to encrypt.")
    lock = _locked(data_dir)
    try:
        existing = keyfile.read_keyfile(data_dir)
        if existing is None:
            fresh, data_key, recovery = keyfile.new_keyfile(passphrase, n=scrypt_n)
            keyfile.write_keyfile(data_dir, fresh)
            on_recovery_key(keyfile.format_recovery_key(recovery))
            # The key is in hand: deriving it again from the passphrase would cost another second.
            existing, cipher = fresh, Cipher(data_dir, data_key, fresh.key_id, accept_plain=True)
        elif existing.state == "encrypting":
            cipher = keyfile.unlock(data_dir, existing, passphrase=passphrase)
        else:
            if existing.state == "encrypted":
                raise ConversionError(f"{data_dir} is already encrypted (coachtui passphrase changes it).")
            raise ConversionError(
                f"{data_dir} is being decrypted; run coachtui decrypt to finish that first."
            )
        _sweep_temp_files(data_dir)
        # The index holds every note's words in SQLite pages: gone before any file is converted.
        shutil.rmtree(data_dir / INDEX_DIR, ignore_errors=True)
        for path in practice_files(data_dir):
            _convert_file(path, cipher, encrypt=True)
        keyfile.write_keyfile(data_dir, keyfile.restated(existing, "encrypted", cipher.data_key))
    finally:
        lock.release()


def decrypt_folder(data_dir: Path, cipher: Cipher) -> None:
    """Write every file of ``data_dir`` back in plain JSON, then delete keys.json (resumable)."""
    data_dir = Path(data_dir)
    lock = _locked(data_dir)
    try:
        existing = keyfile.read_keyfile(data_dir)
        if existing is None:
            raise ConversionError(f"{data_dir} is not encrypted: there is nothing to decrypt.")
        if existing.state != "decrypting":
            keyfile.write_keyfile(data_dir, keyfile.restated(existing, "decrypting", cipher.data_key))
        _sweep_temp_files(data_dir)
        for path in practice_files(data_dir):
            _convert_file(path, cipher, encrypt=False)
        (data_dir / KEYFILE).unlink()
        fsync_dir(data_dir)
    finally:
        lock.release()


def change_passphrase(
    data_dir: Path, cipher: Cipher, new_passphrase: str, *, scrypt_n: int = keyfile.SCRYPT_N
) -> None:
    """Wrap the data key under ``new_passphrase``: one atomic write of keys.json, no data file touched."""
    lock = _locked(Path(data_dir))
    try:
        existing = keyfile.read_keyfile(data_dir)
        if existing is None:
            raise ConversionError(f"{data_dir} is not encrypted: turn encryption on with coachtui encrypt.")
        keyfile.write_keyfile(
            data_dir, keyfile.rewrapped(existing, cipher.data_key, new_passphrase, n=scrypt_n)
        )
    finally:
        lock.release()
