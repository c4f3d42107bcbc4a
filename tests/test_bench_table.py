"""Tests the benchmark's tables (``make bench-table``) and how rows are judged and grown, on made-up rows:
no measurement runs here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import measure, practices, table
from benchmarks.common import Row, target_text
from benchmarks.measure import growth, judged

ROOT = Path(__file__).resolve().parent.parent

README = """# A project

Intro text that must stay.

<!-- bench:begin -->
an old table, typed by hand
<!-- bench:end -->

## After

More text that must stay.
"""

META = {
    "machine": {"cores": 2, "python": "3.11.7", "os": "Linux 6.18"},
    "started": "2026-11-23T09:15:00",
    "seconds": 431.6,
    "load": {"min": 0.12, "max": 0.74, "readings": [0.12, 0.74]},
    "sizes": [100, 10000],
    "runs": 5,
    "command": "make bench",
}


def _row(name: str, size: int, value: float, reference: float, target: float, ok: bool | None) -> dict:
    return Row(name, size, value, reference, value / reference, target, "ms", ok).as_json()


ROWS = [
    _row("start-up to first frame", 100, 330.0, 300.0, 1.15, None),
    _row("start-up to first frame", 10_000, 390.0, 300.0, 1.15, False),
    _row("full-text search", 10_000, 7.4, 160.0, 0.1, True),
    Row("growth: start-up to first frame 100→10,000", 10_000, 1.18, 1.0, 1.18, 1.1, "×", False).as_json(),
]


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    results = tmp_path / "results" / "latest.json"
    results.parent.mkdir()
    results.write_text(json.dumps(ROWS), encoding="utf-8")
    table.meta_path(results).write_text(json.dumps(META), encoding="utf-8")
    summary, full = tmp_path / "README.md", tmp_path / "BENCH.md"
    summary.write_text(README, encoding="utf-8")
    full.write_text(README, encoding="utf-8")
    return results, summary, full


def test_the_command_rewrites_both_blocks_from_latest_json(tmp_path: Path) -> None:
    results, summary, full = _files(tmp_path)
    assert table.main(["--results", str(results), "--summary", str(summary), "--full", str(full)]) == 0

    text = summary.read_text(encoding="utf-8")
    assert "typed by hand" not in text
    assert text.startswith("# A project\n\nIntro text that must stay.\n\n<!-- bench:begin -->\n")
    assert text.endswith("<!-- bench:end -->\n\n## After\n\nMore text that must stay.\n")
    assert "| start-up to first frame | 390.0 ms | 300.0 ms | 1.30× | ≤ 1.15× | MISS |" in text
    assert "| full-text search | 7.40 ms | 160.0 ms | 0.05× | ≤ 0.1× | ok |" in text
    assert "330.0 ms" not in text, "the summary holds the 10,000-session rows only"
    assert "| start-up to first frame 100→10,000 | 1.18× | ≤ 1.1× | MISS |" in text
    assert "2 cores, Python 3.11.7, Linux 6.18; 23 Nov 2026 09:15" in text
    assert "between 0.12 and 0.74" in text and "took 7 min 12 s (432 s)" in text

    whole = full.read_text(encoding="utf-8")
    block = whole.split("<!-- bench:begin -->\n")[1].split("<!-- bench:end -->")[0]
    assert block.count("start-up to first frame") == 3  # both sizes, and the growth row
    line = next(
        line for line in block.splitlines() if line.startswith("start-up to first frame") and "100 " in line
    )
    assert line.split()[-2:] == ["(≤", "1.15×)"], "a target not judged at this size is in brackets"
    assert "MISS" in block and "23 Nov 2026" in block


def test_running_it_twice_gives_the_same_files(tmp_path: Path) -> None:
    results, summary, full = _files(tmp_path)
    arguments = ["--results", str(results), "--summary", str(summary), "--full", str(full)]
    table.main(arguments)
    once = summary.read_text(encoding="utf-8"), full.read_text(encoding="utf-8")
    table.main(arguments)
    assert (summary.read_text(encoding="utf-8"), full.read_text(encoding="utf-8")) == once


def test_a_file_without_its_markers_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    results, summary, full = _files(tmp_path)
    full.write_text("# No markers here\n", encoding="utf-8")
    assert table.main(["--results", str(results), "--summary", str(summary), "--full", str(full)]) == 1
    assert summary.read_text(encoding="utf-8") == README
    assert full.read_text(encoding="utf-8") == "# No markers here\n"


@pytest.mark.parametrize(
    "text",
    [
        "no markers",
        "<!-- bench:end -->\n<!-- bench:begin -->",
        "<!-- bench:begin --><!-- bench:begin --><!-- bench:end -->",
    ],
)
def test_rewrite_refuses_a_text_without_one_block(text: str) -> None:
    with pytest.raises(ValueError):
        table.rewrite(text, "new")


@pytest.mark.parametrize("path", ["README.md", "benchmarks/README.md"])
def test_the_readmes_hold_one_generated_block(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    assert text.count(table.BEGIN) == 1 and text.count(table.END) == 1
    assert table.rewrite(text, "x").count("\nx\n") == 1


def test_target_text() -> None:
    assert target_text(1.25, True) == "≤ 1.25×"
    assert target_text(1.0, False) == "≤ 1×"
    assert target_text(0.1, None) == "(≤ 0.1×)"
    assert target_text(None, None) == "information"


def _practice(size: int) -> practices.Practice:
    return practices.Practice(size, Path("/nowhere"), "big", practices.big_client_sessions(size))


def _measured(step: str, size: int, value: float) -> list[Row]:
    return [Row(f"{step} at {size}", size, value, 1.0, value, 1.25, "ms", True)]


def test_a_target_is_judged_at_10000_sessions_and_the_client_rows_where_it_has_200() -> None:
    rows = _measured("startup", 1_000, 1.0)
    assert judged("startup", _practice(100), rows)[0].ok is None
    assert judged("startup", _practice(1_000), rows)[0].ok is None
    assert judged("startup", _practice(10_000), rows)[0].ok is True
    assert judged("open", _practice(100), rows)[0].ok is None
    assert judged("open", _practice(1_000), rows)[0].ok is True
    assert judged("open", _practice(10_000), rows)[0].ok is True


def test_growth_is_the_value_at_10000_over_the_value_at_100_or_1000_for_the_big_client() -> None:
    measured = {
        (100, "stall"): _measured("stall", 100, 10.0),
        (10_000, "stall"): _measured("stall", 10_000, 15.0),
        (100, "open"): _measured("open", 100, 100.0),  # a 20-session client: not the base
        (1_000, "open"): _measured("open", 1_000, 200.0),
        (10_000, "open"): _measured("open", 10_000, 210.0),
        (100, "hours"): _measured("hours", 100, 1.0),  # grows with the practice: no growth row
        (10_000, "hours"): _measured("hours", 10_000, 90.0),
        (10_000, "idle"): _measured("idle", 10_000, 1.0),  # not measured at 100: no growth row
        # Autosave's reference is the same save at 100 sessions, in the same process: its ratio.
        (100, "autosave"): [Row("autosave", 100, 0.7, 0.7, 1.0, 1.1, "ms", None)],
        (10_000, "autosave"): [Row("autosave", 10_000, 8.0, 7.5, 8.0 / 7.5, 1.1, "ms", True)],
    }
    rows = {row.name: row for row in growth(measured)}
    assert set(rows) == {
        "growth: stall at 10000 100→10,000",
        "growth: open at 10000 1,000→10,000",
        "growth: autosave 100→10,000",
    }
    assert rows["growth: autosave 100→10,000"].value == pytest.approx(8.0 / 7.5)
    stall = rows["growth: stall at 10000 100→10,000"]
    assert (stall.value, stall.ratio, stall.reference, stall.target, stall.unit, stall.ok) == (
        1.5,
        1.5,
        1.0,
        1.1,
        "×",
        False,
    )
    opened = rows["growth: open at 10000 1,000→10,000"]
    assert opened.value == pytest.approx(1.05) and opened.ok is True


def test_a_smaller_practice_runs_only_the_steps_judged_or_grown_from_there() -> None:
    sizes = [100, 1_000, 10_000]
    ran = {
        size: {step for step in measure.MEASUREMENTS if measure.needed(step, size, sizes)} for size in sizes
    }
    assert ran[10_000] == set(measure.MEASUREMENTS)
    assert ran[1_000] == {"open", "review", "charts", "recap"}
    assert ran[100] == {"startup", "keys", "autosave", "stall", "search", "typing", "idle"}
    assert all(measure.needed(step, 100, [100]) for step in measure.MEASUREMENTS), "--sizes 100 runs all"


def test_the_default_run_leaves_out_only_the_optional_paste_and_encryption() -> None:
    assert tuple(step for step in measure.MEASUREMENTS if step not in ("paste", "crypt")) == measure.DEFAULT
