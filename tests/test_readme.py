"""The README's promises: the two set-up commands first, the live keys, and a current screenshot."""

from __future__ import annotations

from pathlib import Path

from coachtui.ui.live.live_session import LiveSessionScreen
from docs.make_screenshots import main as make_screenshots

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_live_key_is_in_the_readme_table() -> None:
    for binding in LiveSessionScreen.BINDINGS:
        key = binding.key.split(",")[0]
        if key in {"f2", "f3", "f4", "f5", "f6"}:
            assert "`F2`–`F6`" in README
            continue
        shown = key.upper() if key.startswith("f") else key
        assert f"`{shown}`" in README, f"{binding.id} ({key}) is missing from the README's key table"


def test_the_screenshot_is_current(tmp_path: Path) -> None:
    [fresh] = make_screenshots(tmp_path)
    assert fresh.read_text() == (ROOT / "docs" / "live-session.svg").read_text(), "run `make screenshots`"
