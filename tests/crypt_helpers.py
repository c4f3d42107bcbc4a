"""Provides the encryption tests' helpers: an encrypted demo practice, its records, and the grep for leaks."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date
from pathlib import Path

from coachtui.demo import build_demo_practice
from coachtui.store import keyfile
from coachtui.store.atomic import read_tinydb_file
from coachtui.store.conversion import encrypt_folder, practice_files
from coachtui.store.crypt import Cipher
from coachtui.store.repository import Repository

PASSPHRASE = "correct horse battery staple"
FAST_N = 2**10
"""scrypt's cost in tests: the format is the same, the second per derivation is not worth paying."""
CLIENT_NAMES = ("Dana Ortiz", "Sam Okafor", "Priya Raman")


def demo_practice(data_dir: Path) -> None:
    with Repository.open(data_dir) as repo:
        build_demo_practice(repo, today=date(2026, 3, 2))


def encrypt(data_dir: Path, passphrase: str = PASSPHRASE) -> str:
    """Encrypt the folder with cheap scrypt settings; the recovery key printed."""
    shown: list[str] = []
    encrypt_folder(data_dir, passphrase, on_recovery_key=shown.append, scrypt_n=FAST_N)
    return shown[0]


def unlock(data_dir: Path, passphrase: str = PASSPHRASE) -> Cipher:
    found = keyfile.read_keyfile(data_dir)
    assert found is not None
    return keyfile.unlock(data_dir, found, passphrase=passphrase)


def records(data_dir: Path, cipher: Cipher | None = None) -> dict[str, object]:
    """Every TinyDB file of the folder, parsed: what a round trip must keep identical."""
    return {
        str(path.relative_to(data_dir)): read_tinydb_file(path, cipher)
        for path in practice_files(data_dir)
        if path.suffix == ".json"
    }


def hashes(folder: Path) -> dict[str, str]:
    """Every file's sha256 (the lock file's content, a pid, aside): to prove nothing changed."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "coachtui.lock"
    }


def leaks(folder: Path, needles: list[str]) -> list[tuple[str, str]]:
    """``grep -a -r`` for every needle over every byte under ``folder``, zip members unpacked too."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        blobs = [path.read_bytes()]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zipped:
                blobs += [zipped.read(name) for name in zipped.namelist()]
        for needle in needles:
            if any(needle.encode() in blob for blob in blobs):
                found.append((str(path.relative_to(folder)), needle))
    return found


def note_phrases(data_dir: Path, cipher: Cipher | None = None) -> list[str]:
    """A phrase (the first 24 characters) of every note, reflection answer and goal in the practice."""
    phrases = set()
    for data in records(data_dir, cipher).values():
        for table in (data or {}).values():
            for document in table.values():
                for note in document.get("notes", []):
                    phrases.add(note["text"][:24])
                for field in ("what_worked", "learned", "statement", "title"):
                    if isinstance(document.get(field), str) and len(document[field]) >= 12:
                        phrases.add(document[field][:24])
    return sorted(phrases)
