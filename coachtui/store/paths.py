"""Provides where the coach's data lives and how its folders are created private."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

ENV_VAR = "COACHTUI_DATA_DIR"
PRIVATE_DIR_MODE = 0o700
INDEX_DIR = "index"
"""The folder of the data folder's derived files (the search index, the hours log's cache): left out
of backups, deleted at restore and encryption. Named here, where opening the folder can use it
without importing sqlite3."""
KEYFILE = "keys.json"
"""An encrypted practice's wrapped keys (``coachtui.store.keyfile``); named here, where start-up can
look for it without importing the cryptography library."""


def resolve_data_dir(cli_value: str | Path | None, environ: Mapping[str, str] = os.environ) -> Path:
    """Return the data folder: ``--data-dir`` beats ``COACHTUI_DATA_DIR`` beats the platform default."""
    if cli_value is not None and str(cli_value) != "":
        return Path(cli_value).expanduser()
    from_env = environ.get(ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir("coachtui", appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed and make it 0700.

    The chmod comes after mkdir because mkdir's mode is filtered by the umask;
    the folder holds confidential client notes, so it is tightened even if it
    already existed.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if (path.stat().st_mode & 0o777) != PRIVATE_DIR_MODE:
        os.chmod(path, PRIVATE_DIR_MODE)
    return path
