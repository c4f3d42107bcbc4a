"""Provides ``python -m benchmarks`` (``make bench``): measure, print the table, write results/latest.json
(the rows) and results/latest-meta.json (the machine, the date and the load while it ran)."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from benchmarks import measure, practices, table
from benchmarks.common import Settings

RESULTS = table.RESULTS
LOAD_EVERY = 5.0
"""Seconds between two readings of the load average while the benchmark runs."""


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
        help="1 run of every measurement (the paste too), 100 keys, 5 s idle: checks the code, not the figures",
    )
    parser.add_argument(
        "--only",
        help=f"measurements to run, of {','.join(measure.MEASUREMENTS)} "
        f"(default: all but {','.join(measure.OPTIONAL)}; --quick runs all)",
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help="where the JSON rows go (default: %(default)s)"
    )
    parser.add_argument("--cache", type=Path, default=practices.CACHE, help="where practices are generated")
    return parser.parse_args(argv)


@contextmanager
def load_sampled(every: float = LOAD_EVERY) -> Iterator[list[float]]:
    """The 1-minute load average, read now, every ``every`` seconds, and at the end."""
    readings = [os.getloadavg()[0]]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(every):
            readings.append(os.getloadavg()[0])

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield readings
    finally:
        done.set()
        sampler.join()
        readings.append(os.getloadavg()[0])


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    args = parse(given)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    settings = (
        Settings(runs=1, keys=100, idle_seconds=5.0, stall_seconds=1.0, paste_kilobytes=(5,))
        if args.quick
        else Settings(runs=args.runs)
    )
    if args.only is None:
        only = measure.MEASUREMENTS if args.quick else measure.DEFAULT
    else:
        only = tuple(name.strip() for name in args.only.split(",") if name.strip())
    unknown = set(only) - set(measure.MEASUREMENTS)
    if unknown:
        print(f"unknown measurement(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    where = table.machine()
    print(f"coachtui benchmark on {where['cores']} cores, Python {where['python']}, {where['os']}")
    started_at = datetime.now().replace(microsecond=0)
    started = time.perf_counter()
    with load_sampled() as loads:
        rows = measure.run(sizes, settings, only=only, cache=args.cache)
    elapsed = time.perf_counter() - started
    found = [row.as_json() for row in rows]
    meta = {
        "machine": where,
        "started": started_at.isoformat(),
        "seconds": round(elapsed, 1),
        "load": {"min": min(loads), "max": max(loads), "readings": loads},
        "sizes": sizes,
        "runs": settings.runs,
        "command": " ".join(["make bench", *(["ARGS=" + shlex.quote(" ".join(given))] if given else [])]),
    }
    print()
    print(table.text_table(found))
    print(f"\n{table.NOT_JUDGED}\n{table.describe(meta)}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(found, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table.meta_path(args.output).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"rows written to {args.output}; `make bench-table` writes them into the READMEs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
