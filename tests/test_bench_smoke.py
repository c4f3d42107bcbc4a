"""Tests that ``make bench`` still runs: every measurement once, on a fresh 100-session practice;
and that the growth rows come out of two sizes.

The figures of so short a run mean nothing; the rows' shape and the table are what is checked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import measure
from benchmarks.__main__ import main

KEYS = {"name", "size", "value", "reference", "ratio", "target", "unit", "ok"}


@pytest.mark.slow
def test_every_measurement_runs_on_the_smallest_practice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "results" / "latest.json"
    assert (
        main(["--sizes", "100", "--quick", "--cache", str(tmp_path / "cache"), "--output", str(output)]) == 0
    )
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert isinstance(rows, list) and len(rows) == 22  # 18, and the 4 encryption rows
    for row in rows:
        assert set(row) == KEYS, row
        assert isinstance(row["name"], str) and row["name"]
        assert row["size"] == 100
        assert isinstance(row["value"], float) and row["value"] > 0, row
        assert isinstance(row["reference"], float) and row["reference"] > 0, row
        assert isinstance(row["ratio"], float), row
        assert isinstance(row["unit"], str) and isinstance(row["target"], float), row
        # Every target is set for 10,000 sessions or a 200-session client: none is judged here.
        assert row["ok"] is None, row
    meta = json.loads((output.parent / "latest-meta.json").read_text(encoding="utf-8"))
    assert meta["machine"]["cores"] and meta["sizes"] == [100] and meta["load"]["readings"]
    names = [row["name"] for row in rows]
    for expected in (
        "start-up to first frame",
        "start-up peak RSS",
        "keystroke CPU",
        "paste of 5 KB sent as keys",
        "autosave",
        "event-loop stall",
        "open a client",
        "open the session history",
        "open the newest session's record",
        "progress charts",
        "search as you type",
        "full-text search",
        "search index: built from nothing",
        "search index: brought up to date",
        "ICF hours log",
        "recap of the last session",
        "backup of the whole practice",
        "idle CPU",
        "crypt: key derivation at unlock",
        "crypt: open the practice after unlock",
        "crypt: one autosave, encrypted vs plain",
        "crypt: first search after unlock",
    ):
        assert any(name.startswith(expected) for name in names), expected
    table = capsys.readouterr().out
    assert "coachtui" in table and "reference" in table and "ratio" in table
    assert all(name in table for name in names)
    assert not any(name.startswith("growth") for name in names), "growth needs 100 and 10,000"
    assert len(measure.MEASUREMENTS) == 16


def test_the_bare_home_app_has_the_home_screens_widget_count(tmp_path: Path) -> None:
    """The start-up reference stands for the framework's floor only if it builds as many widgets."""
    import asyncio

    from benchmarks.reference_apps import BareHome
    from coachtui.config import Settings
    from coachtui.domain.models import Client
    from coachtui.store.repository import Repository
    from coachtui.ui.app import make_app

    async def count(app) -> int:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            return len(list(app.screen.walk_children(with_self=False)))

    with Repository.open(tmp_path / "data") as repo:
        for index in range(3):
            repo.save_client(Client(name=f"Client {index}"))
        assert asyncio.run(count(make_app(Settings(), repo))) == asyncio.run(count(BareHome(3)))
