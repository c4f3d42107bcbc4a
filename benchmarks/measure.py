"""Provides ``make bench``'s run: every measurement on every size, each row against its reference
measured in the same run, then the growth of the rows that should not grow with the practice.

A measurement is a function of a ``Context`` (the practice, the environment, the settings) that
returns its rows (``benchmarks.common.Row``); ``STEPS`` names them, in the order of the table. To add
one: write the function (in its own ``rows_*.py``), add it to ``STEPS``, and, if it is judged where
the biggest client has its 200 sessions rather than at 10,000 sessions, to ``CLIENT_STEPS``; if its
work should not grow with the practice, to ``FLAT_STEPS``.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from benchmarks import practices, rows_app, rows_paperwork, rows_review
from benchmarks.common import Context, Row, Settings, compile_bytecode, environment, ratio, ratio_row
from benchmarks.crypt_rows import crypt_rows
from benchmarks.practices import Practice

__all__ = ["DEFAULT", "MEASUREMENTS", "STEPS", "Row", "Settings", "growth", "judged", "run"]

AUTOSAVE_REFERENCE = 100
"""Autosave at every size is compared with the same save in the 100-session practice."""
TARGET_SIZE = 10_000
"""The practice the targets are set for (issue 12): ten years of a full practice."""
GROWTH_FROM = 100
GROWTH_LIMIT = 1.1

STEPS: dict[str, Callable[[Context], list[Row]]] = {
    "startup": rows_app.startup,
    "keys": rows_app.keystrokes,
    "paste": rows_app.paste,
    "autosave": rows_app.autosave,
    "stall": rows_app.stall,
    "open": rows_review.open_client,
    "review": rows_review.open_review,
    "charts": rows_review.open_charts,
    # The index before the search: the search then finds it built and up to date.
    "index": rows_paperwork.index,
    "search": rows_paperwork.search,
    "typing": rows_review.search_typing,
    "hours": rows_paperwork.hours,
    "recap": rows_paperwork.recap,
    "backup": rows_paperwork.backup,
    "idle": rows_app.idle,
    "crypt": lambda ctx: crypt_rows(ctx.practice, ctx.scratch, Row, ratio_row),
}
MEASUREMENTS = tuple(STEPS)
OPTIONAL = ("paste", "crypt")
"""Run by ``--only`` and ``--quick``, not by default: the paste is not in issue 12's table and its bare
TextArea takes half a minute; the encryption rows copy and encrypt the practice and build its index
in memory (a minute at 10,000 sessions): ``make bench`` cannot afford either within 8 minutes.
``make bench ARGS="--only crypt"`` measures them."""
DEFAULT = tuple(step for step in MEASUREMENTS if step not in OPTIONAL)
CLIENT_STEPS = ("open", "review", "charts")
"""Judged wherever the biggest client has its 200 sessions (1,000 and 10,000); the rest at 10,000."""
FLAT_STEPS = ("startup", "keys", "autosave", "stall", "open", "review", "search", "typing", "recap", "idle")
"""Work that does not grow with the practice: their value at 10,000 over their value at 100 is a
second ratio, growth, ≤ 1.1×."""
CLIENT_BOUND = ("open", "review", "recap")
"""Flat steps whose work is the biggest client's: at 100 sessions it has 20 sessions, not 200, so
their growth is taken from the smallest practice where it has 200 (1,000)."""

MEASURED_AGAINST_100 = ("autosave",)
"""Flat steps whose reference already is the same work at 100 sessions, measured alternately with it
in one process: their growth is that ratio, free of the machine's drift between two moments of the run."""


def judged(step: str, practice: Practice, rows: list[Row]) -> list[Row]:
    """The rows with ``ok`` left empty at the sizes their target is not set for."""
    if step in CLIENT_STEPS:
        applies = practice.big_client_sessions == practices.BIG_CLIENT_SESSIONS
    else:
        applies = practice.size == TARGET_SIZE
    return rows if applies else [replace(row, ok=None) for row in rows]


def growth_base(step: str) -> int:
    """The size a flat step's growth is measured from."""
    if step in CLIENT_BOUND:
        return min(size for size in practices.SIZES if practices.big_client_sessions(size) == 200)
    return GROWTH_FROM


def needed(step: str, size: int, sizes: list[int]) -> bool:
    """Whether ``step`` runs at ``size``: every step on the largest size of the run; on the others only
    where its target is judged (the biggest client's rows) or its growth is measured from. The rest
    would be information that costs minutes (idle CPU alone is a minute a size), and ``make bench``
    must stay under 8 minutes on 2 cores."""
    if size == max(sizes):
        return True
    if step in CLIENT_STEPS and practices.big_client_sessions(size) == practices.BIG_CLIENT_SESSIONS:
        return True
    return step in FLAT_STEPS and size == growth_base(step)


def growth(measured: dict[tuple[int, str], list[Row]]) -> list[Row]:
    """For every flat step measured at 10,000 sessions and at its base size, one row per row of it:
    "growth: <row> 100→10,000", value and ratio its value at 10,000 over its value at the base (for
    autosave, the same quotient measured in one process: its own ratio)."""
    rows = []
    for step in FLAT_STEPS:
        base = growth_base(step)
        big, small = measured.get((TARGET_SIZE, step)), measured.get((base, step))
        if not big or not small or len(big) != len(small):
            continue
        for top, bottom in zip(big, small, strict=True):
            grown = top.ratio if step in MEASURED_AGAINST_100 else ratio(top.value, bottom.value)
            if grown is None:
                continue
            name = f"growth: {top.name} {base:,}→{TARGET_SIZE:,}"
            rows.append(Row(name, TARGET_SIZE, grown, 1.0, grown, GROWTH_LIMIT, "×", grown <= GROWTH_LIMIT))
    return rows


def run(
    sizes: list[int],
    settings: Settings,
    log: Callable[[str], None] = print,
    only: tuple[str, ...] = DEFAULT,
    cache: Path = practices.CACHE,
) -> list[Row]:
    """Every measurement on every size, rows in the order of the table, then the growth rows."""
    made = {size: practices.ensure(size, cache, log) for size in sorted({*sizes, AUTOSAVE_REFERENCE})}
    smallest = made[AUTOSAVE_REFERENCE]
    rows: list[Row] = []
    measured: dict[tuple[int, str], list[Row]] = {}
    compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="coachtui-bench-"))
    env = environment(scratch)
    try:
        for size in sizes:
            ctx = Context(made[size], smallest, env, settings, scratch, main=size == max(sizes))
            for name in only:
                if not needed(name, size, sizes):
                    continue
                started = time.perf_counter()
                new = judged(name, made[size], STEPS[name](ctx))
                measured[(size, name)] = new
                rows.extend(new)
                log(
                    f"  {size:>6,} {name:<9} {time.perf_counter() - started:5.1f} s  "
                    + "; ".join(_short(r) for r in new)
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return rows + growth(measured)


def _short(row: Row) -> str:
    shown = f" ({row.ratio:.2f}×)" if row.ratio is not None else ""
    return f"{row.value:.2f} {row.unit}{shown}" if row.value is not None else "—"
