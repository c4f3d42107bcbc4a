"""Tests where the data folder is and that it is created private."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs

from coachtui.store.paths import ensure_private_dir, resolve_data_dir
from tests.store.conftest import mode


def test_cli_value_beats_environment(tmp_path: Path) -> None:
    assert (
        resolve_data_dir(tmp_path / "cli", {"COACHTUI_DATA_DIR": str(tmp_path / "env")}) == tmp_path / "cli"
    )


def test_environment_beats_platform_default(tmp_path: Path) -> None:
    assert resolve_data_dir(None, {"COACHTUI_DATA_DIR": str(tmp_path / "env")}) == tmp_path / "env"


def test_platform_default_without_either() -> None:
    expected = Path(platformdirs.user_data_dir("coachtui", appauthor=False))
    assert resolve_data_dir(None, {}) == expected
    assert resolve_data_dir("", {"COACHTUI_DATA_DIR": ""}) == expected


def test_user_home_is_expanded() -> None:
    assert resolve_data_dir("~/coaching", {}) == Path.home() / "coaching"


def test_private_dir_is_0700_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        created = ensure_private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert mode(created) == 0o700


def test_existing_open_dir_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    ensure_private_dir(folder)
    assert mode(folder) == 0o700


def test_importing_the_store_creates_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "COACHTUI_DATA_DIR": str(tmp_path / "d"), "XDG_DATA_HOME": str(tmp_path / "x")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    code = "import coachtui.store, coachtui.store.repository; coachtui.store.resolve_data_dir(None)"
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []
