"""Provides ``python -m benchmarks`` (``make bench``): measure, print the table, write results/latest.json."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks import measure, practices
from benchmarks.measure import Row, Settings

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--sizes", default="100,1000,10000", help="practice sizes in sessions (default: %(default)s)"
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per figure; the table shows medians (default: 5)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1 run, 100 keys, a 5 KB paste, 5 s idle: checks the code, not the figures",
    )
    parser.add_argument(
        "--only", default=",".join(measure.MEASUREMENTS), help="measurements to run (default: %(default)s)"
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help="where the JSON rows go (default: %(default)s)"
    )
    parser.add_argument("--cache", type=Path, default=practices.CACHE, help="where practices are generated")
    return parser.parse_args(argv)


def table(rows: list[Row]) -> str:
    header = ("what", "size", "coachtui", "reference", "ratio", "target", "ok")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row.name,
                f"{row.size:,}",
                _figure(row.value, row.unit),
                _figure(row.reference, row.unit),
                "—" if row.ratio is None else f"{row.ratio:.2f}×",
                row.target,
                {True: "ok", False: "MISS", None: ""}[row.ok],
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        out.append(
            "  ".join(
                cell.ljust(w) if i in (0, 5, 6) else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}, load {load}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    settings = (
        Settings(runs=1, keys=100, idle_seconds=5.0, stall_seconds=1.0, paste_kilobytes=(5,))
        if args.quick
        else Settings(runs=args.runs)
    )
    only = tuple(name.strip() for name in args.only.split(",") if name.strip())
    unknown = set(only) - set(measure.MEASUREMENTS)
    if unknown:
        print(f"unknown measurement(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    print(f"coachtui benchmark on {machine()}")
    started = time.perf_counter()
    rows = measure.run(sizes, settings, only=only, cache=args.cache)
    elapsed = time.perf_counter() - started
    print()
    print(table(rows))
    print(f"\n{elapsed:.0f} s in all; {settings.runs} run(s) per figure; now {machine()}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps([row.as_json() for row in rows], indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"rows written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
