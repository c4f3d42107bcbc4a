"""make bench times coachtui byte-compiled, as an installed wheel is, like the Textual it compares with."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import coachtui.cli
from benchmarks.common import compile_bytecode


def test_the_bench_compiles_coachtui_before_timing_it() -> None:
    source = Path(coachtui.cli.__file__)
    cached = Path(importlib.util.cache_from_source(str(source)))
    cached.unlink(missing_ok=True)
    compile_bytecode()
    assert cached.is_file()
    assert cached.stat().st_mtime >= source.stat().st_mtime
