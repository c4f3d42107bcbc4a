"""Provides the encryption commands (``encrypt``, ``decrypt``, ``passphrase``) and the unlocking of an
encrypted data folder for every other command.

The passphrase comes from the file named by ``COACHTUI_PASSPHRASE_FILE`` (for scripts; the file's
first line, keep it 0600 on an encrypted disk) or is asked with ``getpass``, which does not echo it
and leaves nothing in the terminal's scrollback. It is never printed, logged or put in an error.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachtui.config import Settings

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher
    from coachtui.store.keyfile import Keyfile

COMMANDS = ("encrypt", "decrypt", "passphrase")
PASSPHRASE_FILE_ENV = "COACHTUI_PASSPHRASE_FILE"
TRIES = 3
SHORTEST = 10
LOSS_WARNING = (
    "A lost passphrase cannot be recovered: nobody, not even coachtui's authors, can open the notes "
    "without it or the recovery key below."
)
_unlocked: dict[Path, Cipher] = {}


def add_commands(commands: Any) -> None:
    commands.add_parser(
        "encrypt",
        help="encrypt the data folder with a passphrase (asked twice); prints a recovery key once",
        description="Encrypt every file of the practice (AES-256-GCM, key locked by scrypt). " + LOSS_WARNING,
    )
    commands.add_parser(
        "decrypt", help="turn encryption off: write every file back as plain JSON (asks the passphrase)"
    )
    change = commands.add_parser(
        "passphrase", help="change the passphrase (rewraps the key; no note is rewritten)"
    )
    change.add_argument("--recovery", action="store_true", help="prove it with the recovery key instead")


def run(args: argparse.Namespace, settings: Settings, data_dir: Path) -> int | None:
    if args.command not in COMMANDS:
        return None
    from coachtui.store.errors import StoreError

    try:
        if args.command == "encrypt":
            return _encrypt(data_dir)
        if args.command == "decrypt":
            from coachtui.store.conversion import decrypt_folder

            decrypt_folder(data_dir, _require_cipher(data_dir))
            print(f"{data_dir} is no longer encrypted: its files are plain JSON again (0600).")
            return 0
        return _change(data_dir, recovery=args.recovery)
    except (StoreError, OSError) as error:
        message = str(error) if isinstance(error, StoreError) else (error.strerror or str(error))
        print(f"coachtui: {message}", file=sys.stderr)
        return 1


def passphrase_from_file() -> str | None:
    """The passphrase in ``$COACHTUI_PASSPHRASE_FILE``'s first line, or None if it is not set."""
    name = os.environ.get(PASSPHRASE_FILE_ENV)
    if not name:
        return None
    from coachtui.store.errors import StoreError

    try:
        return Path(name).expanduser().read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError, UnicodeDecodeError) as error:
        raise StoreError(f"Cannot read the passphrase from {PASSPHRASE_FILE_ENV} ({name}).") from error


def unlock_with(data_dir: Path, found: Keyfile, ask: str = "Passphrase") -> Cipher:
    """Unlock with the passphrase file, or up to three passphrases typed; WrongPassphrase after."""
    from coachtui.store.keyfile import WrongPassphrase, unlock

    given = passphrase_from_file()
    if given is not None:
        return unlock(data_dir, found, passphrase=given)
    for attempt in range(TRIES):
        try:
            return unlock(data_dir, found, passphrase=getpass.getpass(f"{ask} for {data_dir}: "))
        except WrongPassphrase as error:
            if attempt == TRIES - 1:
                raise
            print(error, file=sys.stderr)
    raise WrongPassphrase()


def cipher_for(data_dir: Path) -> Cipher | None:
    """The folder's Cipher if it is encrypted (asked once per command), None if it is plain."""
    from coachtui.store.keyfile import read_keyfile

    data_dir = Path(data_dir)
    if data_dir not in _unlocked:
        found = read_keyfile(data_dir)
        if found is None:
            return None
        _unlocked[data_dir] = unlock_with(data_dir, found)
    return _unlocked[data_dir]


def _require_cipher(data_dir: Path) -> Cipher:
    from coachtui.store.conversion import ConversionError

    cipher = cipher_for(data_dir)
    if cipher is None:
        raise ConversionError(f"{data_dir} is not encrypted (coachtui encrypt turns it on).")
    return cipher


def archive_unlock(keys: bytes) -> Cipher:
    """Open an encrypted backup archive by its keys.json: the passphrase of the practice it holds."""
    from coachtui.store.keyfile import parse_keyfile

    # Checked, then restored: asked once. A Cipher's folder only anchors the members' names.
    key = Path("backup", keys.hex()[:32])
    if key not in _unlocked:
        _unlocked[key] = unlock_with(Path("backup"), parse_keyfile(keys, Path("keys.json in the backup")))
    return _unlocked[key]


def _new_passphrase(*, from_file: bool = True) -> str:
    """A new passphrase: from the passphrase file, or typed twice, with a hint on its strength."""
    from coachtui.store.errors import StoreError

    given = passphrase_from_file() if from_file else None
    if given is None:
        print(
            "Choose a passphrase: four or more unrelated words are easy to type and hard to guess.",
            file=sys.stderr,
        )
        given = getpass.getpass("New passphrase: ")
        if getpass.getpass("The same passphrase again: ") != given:
            raise StoreError("The two passphrases differ. Nothing was changed.")
    if len(given) < SHORTEST:
        raise StoreError(
            f"That passphrase is too short to resist guessing (under {SHORTEST} characters): try "
            "four unrelated words. Nothing was changed."
        )
    return given


def _encrypt(data_dir: Path) -> int:
    from coachtui.store.conversion import encrypt_folder
    from coachtui.store.keyfile import read_keyfile

    found = read_keyfile(data_dir)
    if found is not None and found.state == "encrypting":
        print("Finishing the encryption that was cut short.", file=sys.stderr)
        passphrase = passphrase_from_file() or getpass.getpass(f"Passphrase for {data_dir}: ")
    else:
        _check_free(data_dir)
        passphrase = _new_passphrase()

    def show(recovery: str) -> None:
        print(LOSS_WARNING)
        print(
            f"Recovery key (write it down now and keep it apart from this computer; shown once):\n\n  {recovery}\n"
        )

    encrypt_folder(data_dir, passphrase, on_recovery_key=show)
    print(f"{data_dir} is encrypted. coachtui asks for the passphrase when it starts.")
    return 0


def _check_free(data_dir: Path) -> None:
    """StoreLockedError before the passphrase is asked, not after, if the app has the folder open."""
    from coachtui.store.lock import DataDirLock

    probe = DataDirLock(data_dir)
    probe.acquire()
    probe.release()


def _change(data_dir: Path, *, recovery: bool) -> int:
    from coachtui.store.conversion import change_passphrase
    from coachtui.store.keyfile import WrongPassphrase, parse_recovery_key, read_keyfile, unlock

    found = read_keyfile(data_dir)
    if found is None:
        from coachtui.store.conversion import ConversionError

        raise ConversionError(f"{data_dir} is not encrypted (coachtui encrypt turns it on).")
    if recovery:
        key = parse_recovery_key(getpass.getpass("Recovery key: "))
        if key is None:
            raise WrongPassphrase()
        cipher = unlock(data_dir, found, recovery=key)
    else:
        cipher = unlock_with(data_dir, found, "Current passphrase")
    # The passphrase file holds the current one: the new one is always typed.
    change_passphrase(data_dir, cipher, _new_passphrase(from_file=False))
    print("The passphrase was changed. The recovery key still works.")
    return 0
