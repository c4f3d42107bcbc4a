"""Provides the checks that the four layers import downward only (DESIGN.md "Architecture").

The rules are import-linter contracts in pyproject.toml ([tool.importlinter]), run here so that
`make test` keeps them as `make lint` does:

- domain/ imports neither textual nor tinydb, nor coachtui.store, coachtui.ui or coachtui.export;
- store/ and export/ import neither textual nor coachtui.ui;
- only store/ imports tinydb (the ui, export, domain and cli go through the repository).

import-linter sees ``import`` statements only, so the same rules are checked here, with ast, on
imports by name (``importlib.import_module("tinydb")``, ``__import__("textual")``).
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coachtui"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONTRACTS = [
    "domain imports neither Textual nor TinyDB, nor the store, ui or export layers",
    "store and export do not import Textual or the ui",
    "only the store imports TinyDB",
]


def lint_imports(cwd: Path, *, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} is missing: install the dev dependencies (pip install -e '.[dev]')")
    env = {**os.environ, "COLUMNS": "200"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in CONTRACTS:
        assert f"{name} KEPT" in " ".join(result.stdout.split()), name


PLANTED = {
    "domain/_planted.py": "import tinydb\nfrom textual.app import App\nfrom coachtui.store import Repository\n",
    "export/_planted.py": "import textual.widgets\n",
    "store/_planted.py": "from ..ui import app\n",
    "ui/_planted.py": "from tinydb import TinyDB\n",
    "_planted.py": "import tinydb.storages\n",
}


def test_the_contracts_catch_planted_violations(tmp_path: Path) -> None:
    """Every contract can fail: a copy of the package with one forbidden import per rule breaks them all."""
    copy = tmp_path / "coachtui"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for relative, source in PLANTED.items():
        (copy / relative).write_text(source, encoding="utf-8")
    result = lint_imports(tmp_path, pythonpath=tmp_path)
    output = " ".join(result.stdout.split())
    assert result.returncode == 1, result.stdout + result.stderr
    for name in CONTRACTS:
        assert f"{name} BROKEN" in output, name
    for planted in (
        "coachtui.domain._planted -> tinydb",
        "coachtui.domain._planted -> textual",
        "coachtui.domain._planted -> coachtui.store",
        "coachtui.export._planted -> textual",
        "coachtui.store._planted -> coachtui.ui",
        "coachtui.ui._planted -> tinydb",
        "coachtui._planted -> tinydb",
    ):
        assert planted in output, planted


# --- imports by name, which import-linter does not see ------------------------------------------


def imported_by_name(path: Path) -> set[str]:
    """Modules the file imports by a constant name: ``import_module("x")``, ``__import__("x")``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            first = node.args[0] if node.args else None
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                found.add(str(first.value))
    return found


def _imports(modules: set[str], root: str) -> bool:
    return any(module == root or module.startswith(root + ".") for module in modules)


def violations(path: Path, root: Path = PACKAGE) -> list[str]:
    """The layer rules this file's imports by name break, as readable sentences."""
    relative = path.relative_to(root).parts
    layer = relative[0] if len(relative) > 1 else ""
    modules = imported_by_name(path)
    forbidden = {
        "domain": ["textual", "tinydb", "coachtui.store", "coachtui.ui", "coachtui.export"],
        "store": ["textual", "coachtui.ui"],
        "export": ["textual", "coachtui.ui"],
    }.get(layer, [])
    broken = [f"{layer}/ must not import {name}" for name in forbidden if _imports(modules, name)]
    if layer != "store" and _imports(modules, "tinydb") and "tinydb" not in forbidden:
        broken.append("only store/ may import tinydb")
    return broken


FILES = sorted(PACKAGE.rglob("*.py"))


def test_files_found() -> None:
    assert any(path.parent.name == "domain" for path in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_import_by_name_breaks_a_layer_rule(path: Path) -> None:
    assert violations(path) == [], path


@pytest.mark.parametrize(
    ("relative", "source", "rule"),
    [
        (
            "domain/x.py",
            "import importlib\nimportlib.import_module('tinydb')\n",
            "domain/ must not import tinydb",
        ),
        (
            "ui/x.py",
            "from importlib import import_module\nimport_module('tinydb.storages')\n",
            "only store/ may import tinydb",
        ),
        ("export/x.py", "__import__('textual.widgets')\n", "export/ must not import textual"),
        (
            "store/x.py",
            "import importlib\nimportlib.import_module('coachtui.ui.app')\n",
            "store/ must not import coachtui.ui",
        ),
        ("domain/x.py", "__import__('coachtui.store')\n", "domain/ must not import coachtui.store"),
    ],
)
def test_checker_catches_planted_imports_by_name(
    tmp_path: Path, relative: str, source: str, rule: str
) -> None:
    root = tmp_path / "coachtui"
    file = root / relative
    file.parent.mkdir(parents=True)
    file.write_text(source, encoding="utf-8")
    assert rule in violations(file, root)


def test_checker_allows_what_is_allowed(tmp_path: Path) -> None:
    root = tmp_path / "coachtui"
    for relative, source in [
        ("store/x.py", "import importlib\nimportlib.import_module('tinydb')\n"),
        ("ui/x.py", "__import__('textual.app')\n__import__('coachtui.store')\n"),
        ("domain/x.py", "import importlib\nimportlib.import_module('pydantic')\n"),
    ]:
        file = root / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(source, encoding="utf-8")
        assert violations(file, root) == [], relative
