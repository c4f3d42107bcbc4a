"""Provides the store: the only package that imports TinyDB.

The UI and the command line use ``Repository`` and the errors below, nothing else.
"""

from coachtui.store.errors import (
    AmbiguousReference,
    CorruptFileError,
    NewerSchemaError,
    ReadOnlyError,
    RecordNotFound,
    SaveError,
    StoreError,
    StoreLockedError,
)
from coachtui.store.paths import ensure_private_dir, resolve_data_dir
from coachtui.store.repository import Repository

__all__ = [
    "AmbiguousReference",
    "CorruptFileError",
    "NewerSchemaError",
    "ReadOnlyError",
    "RecordNotFound",
    "Repository",
    "SaveError",
    "StoreError",
    "StoreLockedError",
    "ensure_private_dir",
    "resolve_data_dir",
]
