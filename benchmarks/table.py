"""Provides the benchmark's tables, and ``python -m benchmarks.table`` (``make bench-table``), which
writes them into README.md and benchmarks/README.md from ``results/latest.json``.

The tables are never typed by hand: each README holds a block between ``<!-- bench:begin -->`` and
``<!-- bench:end -->`` that this command replaces. README.md gets the 10,000-session rows and the
growth ratios as Markdown; benchmarks/README.md gets every row as ``make bench`` prints it. Both say
on which machine, when and under what load the figures were measured (``results/latest-meta.json``,
written by ``make bench`` beside the rows).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.common import target_text

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
TARGET_SIZE = 10_000
GROWTH = "growth: "
NOT_JUDGED = (
    "A target in brackets is shown, not judged: it is set for 10,000 sessions (or, for the rows of "
    "the 200-session client, wherever it has 200 sessions)."
)


def meta_path(results: Path) -> Path:
    """Where the run's machine, date and load go: beside the rows (latest.json stays a list of rows)."""
    return results.with_name(f"{results.stem}-meta.json")


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


def ok_text(ok: bool | None) -> str:
    return {True: "ok", False: "MISS", None: ""}[ok]


def text_table(rows: Sequence[dict[str, Any]]) -> str:
    """Every row, as ``make bench`` prints it: fixed-width columns, one line a row."""
    header = ("what", "size", "coachtui", "reference", "ratio", "target", "ok")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row["name"],
                f"{row['size']:,}",
                figure(row["value"], row["unit"]),
                figure(row["reference"], row["unit"]),
                "—" if row["ratio"] is None else f"{row['ratio']:.2f}×",
                target_text(row["target"], row["ok"]),
                ok_text(row["ok"]),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        cells = (
            cell.ljust(width) if column in (0, 5, 6) else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def describe(meta: dict[str, Any]) -> str:
    """One sentence: machine, date, load while it ran, and how long the run took."""
    where = meta["machine"]
    when = datetime.fromisoformat(meta["started"])
    load = meta["load"]
    seconds = round(meta["seconds"])
    return (
        f"{where['cores']} cores, Python {where['python']}, {where['os']}; "
        f"{when:%d %b %Y %H:%M}; load average (1 min) between {load['min']:.2f} and {load['max']:.2f} "
        f"while it ran; `{meta['command']}` took {seconds // 60} min {seconds % 60:02d} s ({seconds} s), "
        f"{meta['runs']} run(s) per figure."
    )


def full_block(rows: Sequence[dict[str, Any]], meta: dict[str, Any]) -> str:
    """benchmarks/README.md's block: the whole table, as printed."""
    return f"{describe(meta)}\n\n```\n{text_table(rows)}\n```\n\n{NOT_JUDGED}"


def summary_block(rows: Sequence[dict[str, Any]], meta: dict[str, Any]) -> str:
    """README.md's block: the rows at 10,000 sessions and the growth ratios, as Markdown tables."""
    lines = [
        f"Latest run, {TARGET_SIZE:,} sessions: {describe(meta)}",
        "",
        "| what | coachtui | reference | ratio | target | |",
        "|---|---|---|---|---|---|",
    ]
    at_target = [r for r in rows if r["size"] == TARGET_SIZE and not r["name"].startswith(GROWTH)]
    for row in at_target:
        ratio = "—" if row["ratio"] is None else f"{row['ratio']:.2f}×"
        lines.append(
            f"| {row['name']} | {figure(row['value'], row['unit'])} | "
            f"{figure(row['reference'], row['unit'])} | {ratio} | "
            f"{target_text(row['target'], row['ok'])} | {ok_text(row['ok'])} |"
        )
    grown = [r for r in rows if r["name"].startswith(GROWTH)]
    if grown:
        lines += [
            "",
            "| flat with size: the row's value at 10,000 sessions over its value at a smaller practice | growth | target | |",
            "|---|---|---|---|",
        ]
        for row in grown:
            lines.append(
                f"| {row['name'][len(GROWTH) :]} | {row['value']:.2f}× | "
                f"{target_text(row['target'], row['ok'])} | {ok_text(row['ok'])} |"
            )
    if not at_target:
        lines += ["", f"(The latest run did not measure {TARGET_SIZE:,} sessions.)"]
    return "\n".join(lines)


def rewrite(text: str, block: str) -> str:
    """``text`` with what lies between the markers replaced by ``block``; ValueError without them."""
    begin, end = text.find(BEGIN), text.find(END)
    if begin < 0 or end < begin or text.count(BEGIN) != 1 or text.count(END) != 1:
        raise ValueError(f"the text needs one {BEGIN} followed by one {END}")
    return f"{text[: begin + len(BEGIN)]}\n{block}\n{text[end:]}"


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.table", description=__doc__)
    parser.add_argument("--results", type=Path, default=RESULTS, help="the rows (default: %(default)s)")
    parser.add_argument(
        "--summary", type=Path, action="append", help="a file to get the summary (default: README.md)"
    )
    parser.add_argument(
        "--full",
        type=Path,
        action="append",
        help="a file to get the whole table (default: benchmarks/README.md)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    try:
        rows = json.loads(args.results.read_text(encoding="utf-8"))
        meta = json.loads(meta_path(args.results).read_text(encoding="utf-8"))
    except OSError as error:
        print(f"no benchmark results to write: {error} (run `make bench` first)", file=sys.stderr)
        return 1
    blocks = [(path, summary_block(rows, meta)) for path in args.summary or [ROOT / "README.md"]]
    blocks += [(path, full_block(rows, meta)) for path in args.full or [ROOT / "benchmarks" / "README.md"]]
    rewritten = []
    for path, block in blocks:  # every file checked before any is written: none or all change
        try:
            rewritten.append((path, rewrite(path.read_text(encoding="utf-8"), block)))
        except (OSError, ValueError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 1
    for path, text in rewritten:
        path.write_text(text, encoding="utf-8")
        print(f"rewrote the benchmark table in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
