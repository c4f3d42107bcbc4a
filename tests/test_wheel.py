"""The wheel a user installs carries everything: styles, frameworks, and an app that starts from it."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("coachtui-*.whl")
    return built


def test_wheel_holds_styles_and_frameworks(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "coachtui/styles/app.tcss" in names and "coachtui/styles/live.tcss" in names
    assert {f"coachtui/data/frameworks/{f}.json" for f in ("grow", "clear", "oskar")} <= names


def test_app_starts_from_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # Install the wheel itself; its dependencies come from the test's own environment (no network needed).
    # A path added by a .pth line does not run that folder's own .pth files, so the editable checkout stays out.
    zipfile.ZipFile(wheel).extractall(site)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    script = textwrap.dedent(
        f"""
        import asyncio, coachtui
        from pathlib import Path
        assert Path(coachtui.__file__).is_relative_to({str(site)!r}), coachtui.__file__
        from coachtui.config import Settings
        from coachtui.store.repository import Repository
        from coachtui.ui.app import make_app
        from coachtui.ui.styles import STYLES
        assert STYLES.is_relative_to({str(site)!r}), STYLES

        async def main():
            with Repository.open(Path({str(tmp_path / "data")!r})) as repository:
                app = make_app(Settings(), repository)
                async with app.run_test(size=(80, 24)) as pilot:
                    await pilot.pause()
                    assert "No clients yet" in str(app.screen.query_one("#home-empty").render())
            print("started from the wheel")

        asyncio.run(main())
        """
    )
    result = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "started from the wheel" in result.stdout
