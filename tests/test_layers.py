"""Provides the check that the four layers import downward only, on every .py under coachtui/ with ast.

- domain/ and export/ import neither textual nor tinydb;
- only store/ imports tinydb;
- domain/, store/ and export/ never import coachtui.ui.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "coachtui"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path = PACKAGE) -> set[str]:
    """Every module the file imports, relative imports resolved to absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    this = module_name(path, root)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - (node.level - 1)])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            # "from coachtui import ui" imports coachtui.ui as well.
            found.update(f"{target}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            first = node.args[0] if node.args else None
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                found.add(str(first.value))
    return found


def _imports(modules: set[str], root: str) -> bool:
    return any(module == root or module.startswith(root + ".") for module in modules)


def violations(path: Path, root: Path = PACKAGE) -> list[str]:
    """The layer rules this file breaks, as readable sentences."""
    relative = path.relative_to(root).parts
    layer = relative[0] if len(relative) > 1 else ""
    modules = imported_modules(path, root)
    broken = []
    if layer in ("domain", "export") and _imports(modules, "textual"):
        broken.append(f"{layer}/ must not import textual")
    if layer != "store" and _imports(modules, "tinydb"):
        broken.append("only store/ may import tinydb")
    if layer in ("domain", "store", "export") and _imports(modules, "coachtui.ui"):
        broken.append(f"{layer}/ must not import coachtui.ui")
    return broken


FILES = sorted(PACKAGE.rglob("*.py"))


def test_files_found() -> None:
    assert any(path.parent.name == "domain" for path in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_layer_rules(path: Path) -> None:
    assert violations(path) == [], path


@pytest.mark.parametrize(
    ("relative", "source", "rule"),
    [
        ("domain/x.py", "import tinydb\n", "only store/ may import tinydb"),
        ("ui/x.py", "from tinydb import TinyDB\n", "only store/ may import tinydb"),
        ("export/x.py", "from tinydb.storages import Storage\n", "only store/ may import tinydb"),
        ("domain/x.py", "from textual.app import App\n", "domain/ must not import textual"),
        ("export/x.py", "import textual.widgets\n", "export/ must not import textual"),
        ("store/x.py", "from ..ui import app\n", "store/ must not import coachtui.ui"),
        ("domain/x.py", "from .. import ui\n", "domain/ must not import coachtui.ui"),
        ("export/x.py", "from coachtui.ui.widgets import notes\n", "export/ must not import coachtui.ui"),
        (
            "domain/x.py",
            "import importlib\nimportlib.import_module('tinydb')\n",
            "only store/ may import tinydb",
        ),
    ],
)
def test_checker_catches_planted_violations(tmp_path: Path, relative: str, source: str, rule: str) -> None:
    root = tmp_path / "coachtui"
    file = root / relative
    file.parent.mkdir(parents=True)
    file.write_text(source, encoding="utf-8")
    assert rule in violations(file, root)


def test_checker_allows_what_is_allowed(tmp_path: Path) -> None:
    root = tmp_path / "coachtui"
    for relative, source in [
        ("store/x.py", "import tinydb\nfrom ..domain import models\n"),
        ("ui/x.py", "from textual.app import App\nfrom coachtui.store import repo\n"),
        ("domain/x.py", "from .models import Note\nfrom pydantic import BaseModel\n"),
    ]:
        file = root / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(source, encoding="utf-8")
        assert violations(file, root) == [], relative
