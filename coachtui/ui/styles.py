"""Provides the folder of TCSS files: inside the package when installed from a wheel, else the repo's styles/."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _styles_dir() -> Path:
    for candidate in (_PACKAGE / "styles", _PACKAGE.parent / "styles"):
        if (candidate / "app.tcss").is_file():
            return candidate
    raise FileNotFoundError(
        f"coachtui's styles are missing: looked in {_PACKAGE / 'styles'} and {_PACKAGE.parent / 'styles'}"
    )


STYLES = _styles_dir()


def style(name: str) -> Path:
    """The path of one screen's stylesheet, e.g. style("home")."""
    return STYLES / f"{name}.tcss"
