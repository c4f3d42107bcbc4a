"""Provides the conversion crash test's child process: it encrypts and decrypts a folder in a loop.

Run as ``python conversion_writer.py DATA_DIR``. Each step finishes what the folder's state asks
(keys.json: none, encrypting, encrypted, decrypting), the way a coach's rerun would; it prints
``ready`` once imported, then converts until it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from coachtui.store import keyfile
from coachtui.store.conversion import decrypt_folder, encrypt_folder
from tests.crypt_helpers import FAST_N, PASSPHRASE


def step(data_dir: Path) -> None:
    """One conversion, resumed or fresh, in the direction the folder's state says."""
    found = keyfile.read_keyfile(data_dir)
    if found is None or found.state == "encrypting":
        encrypt_folder(data_dir, PASSPHRASE, on_recovery_key=lambda _key: None, scrypt_n=FAST_N)
    else:
        decrypt_folder(data_dir, keyfile.unlock(data_dir, found, passphrase=PASSPHRASE))


def main() -> None:
    data_dir = Path(sys.argv[1])
    print("ready", flush=True)
    while True:
        step(data_dir)


if __name__ == "__main__":
    main()
