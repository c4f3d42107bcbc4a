"""Tests the atomic writes and the TinyDB storage built on them."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from coachtui.store import atomic
from coachtui.store.atomic import AtomicJSONStorage, atomic_write_bytes
from coachtui.store.errors import CorruptFileError, ReadOnlyError, SaveError
from tests.store.conftest import mode


def test_atomic_write_creates_a_0600_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    old = os.umask(0)
    try:
        atomic_write_bytes(target, b"one")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"one"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_atomic_write_replaces_and_tightens_mode(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600


def test_failed_replace_keeps_old_file_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")

    def refuse(*_args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_write_is_fsynced_before_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    atomic_write_bytes(tmp_path / "f.json", b"x")
    assert calls == ["fsync", "replace", "fsync"]  # the file, then the folder


def test_storage_new_file_reads_none_and_writes_plain_tinydb_json(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    assert db.storage.read() is None
    db.table("notes").insert({"text": "héllo 🙂 שלום"})
    assert json.loads(path.read_text("utf-8")) == {"notes": {"1": {"text": "héllo 🙂 שלום"}}}
    stock = TinyDB(path, storage=JSONStorage, encoding="utf-8")
    assert stock.table("notes").all() == [{"text": "héllo 🙂 שלום"}]
    assert mode(path) == 0o600


def test_storage_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(b'{"t": {"1": {"a": 1}}}')
    parsed: list[Path] = []
    real = atomic.parse_tinydb_bytes
    monkeypatch.setattr(atomic, "parse_tinydb_bytes", lambda p, raw: (parsed.append(p), real(p, raw))[1])
    db = TinyDB(path, storage=AtomicJSONStorage)
    for _ in range(5):
        assert db.table("t").all() == [{"a": 1}]
    db.table("t").insert({"a": 2})
    assert len(db.table("t")) == 2
    assert parsed == [path]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\xff garbage", "not valid JSON"),
        (b'{"t": {"1": {"a": 1}', "not valid JSON"),
        (b"", "empty"),
        (b"[1, 2]", "not a coachtui data file"),
        (b'{"t": [1]}', "table 't'"),
        (b'{"t": {"1": 5}}', "document 1"),
    ],
)
def test_unreadable_file_is_never_written(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    storage = AtomicJSONStorage(path)
    with pytest.raises(CorruptFileError) as caught:
        storage.read()
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)
    assert "left untouched" in str(caught.value)
    with pytest.raises(CorruptFileError):
        storage.write({"t": {}})
    assert path.read_bytes() == content


def test_read_only_storage_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path, read_only=True)
    with pytest.raises(ReadOnlyError, match="read-only"):
        storage.write({"t": {}})
    assert not path.exists()


def test_batch_writes_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.json"
    writes: list[bytes] = []
    real = atomic.atomic_write_bytes
    monkeypatch.setattr(atomic, "atomic_write_bytes", lambda p, data: (writes.append(data), real(p, data))[1])
    db = TinyDB(path, storage=AtomicJSONStorage)
    storage = db.storage
    assert isinstance(storage, AtomicJSONStorage)
    with storage.batch():
        for index in range(10):
            db.table("t").insert({"i": index})
        assert not path.exists()
    assert len(writes) == 1
    assert len(json.loads(path.read_bytes())["t"]) == 10


def test_failed_write_keeps_memory_and_a_retry_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("t").insert({"i": 1})
    real = os.replace

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SaveError) as caught:
        db.table("t").insert({"i": 2})
    message = str(caught.value)
    assert str(path) in message and "No space left" in message and "Nothing was lost" in message
    assert db.table("t").all() == [{"i": 1}, {"i": 2}]
    assert db.storage.dirty  # type: ignore[attr-defined]
    monkeypatch.setattr(os, "replace", real)
    db.storage.flush()  # type: ignore[attr-defined]
    assert json.loads(path.read_bytes())["t"] == {"1": {"i": 1}, "2": {"i": 2}}


def test_lone_surrogates_do_not_lose_the_save(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("t").insert({"text": "a\ud800b"})
    assert json.loads(path.read_bytes())["t"]["1"]["text"] == "a?b"
    assert TinyDB(path, storage=AtomicJSONStorage).table("t").all() == [{"text": "a?b"}]
