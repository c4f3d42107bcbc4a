"""Provides ``coachtui hours``: the ICF coaching-hours log as a text table or CSV, read-only.

It opens the data folder read-only (no lock), so it works while the app is open on the same folder.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from coachtui.cli_crypt import cipher_for
from coachtui.config import Settings
from coachtui.domain.dates import DateParseError, parse_date
from coachtui.domain.hours import HoursLog, format_hours
from coachtui.domain.models import now

DESCRIPTION = (
    "Print the ICF coaching-hours log: one row per coaching relationship (a client without consent to "
    "be named is withheld), then totals and progress toward ACC, PCC and MCC. Hours count by actual "
    "length, held sessions only, from the coach's training start (set it on the app's hours screen)."
)


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "hours", help="print the ICF coaching-hours log and credential progress", description=DESCRIPTION
    )
    parser.add_argument("--csv", action="store_true", help="write CSV (one row per relationship) instead")
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="count only sessions from DATE (e.g. 2025-06-01) and whole years after it",
    )


def today() -> date:
    """The day the log is computed for (tests replace it)."""
    return now().date()


def run(args: argparse.Namespace, settings: Settings, data_dir: Path) -> int | None:
    """Run ``hours`` if it is the command; None for any other command."""
    if args.command != "hours":
        return None
    from coachtui.store.errors import StoreError
    from coachtui.store.hours import read_hours_log
    from coachtui.store.repository import Repository

    day = today()
    since = None
    if args.since is not None:
        try:
            since = parse_date(args.since, day)
        except DateParseError as error:
            return _fail(f"--since: {error}", 2)
        if since > day:
            return _fail(f"--since {args.since} is {since:%d %b %Y}, after today: nothing would count", 2)
    try:
        if not (data_dir / "practice.json").is_file():
            raise StoreError(f"{data_dir} holds no practice yet, so there are no hours to log.")
        with Repository.open(data_dir, read_only=True, cipher=cipher_for(data_dir)) as repo:
            log = read_hours_log(repo, day, since)
    except (StoreError, OSError) as error:
        return _fail(str(error), 1)
    if args.csv:
        from coachtui.export.hours_csv import hours_csv

        sys.stdout.write(hours_csv(log))
    else:
        print(hours_text(log, day))
    return 0


def _fail(message: str, code: int) -> int:
    print(f"coachtui hours: {message}", file=sys.stderr)
    return code


def hours_text(log: HoursLog, day: date) -> str:
    """The log as a plain table, then prior years, totals and each credential's lines."""
    counted = f"counted from {log.counted_from:%d %b %Y}" if log.counted_from else "no training start set"
    lines = [f"ICF coaching-hours log on {day:%d %b %Y} ({counted})", ""]
    header = ("Client", "Contact", "Format", "Start", "End", "Paid", "Pro bono")
    cells = [
        (
            row.client,
            row.contact or "-",
            row.kind if row.group_size == 1 else f"group of {row.group_size}",
            row.start.isoformat(),
            row.end.isoformat(),
            format_hours(row.paid_hours),
            format_hours(row.pro_bono_hours),
        )
        for row in log.rows
    ]
    widths = [max(len(str(c[i])) for c in [header, *cells]) for i in range(len(header))]
    for line in [header, *cells]:
        left = [str(c).ljust(w) for c, w in zip(line[:5], widths, strict=False)]
        right = [str(c).rjust(w) for c, w in zip(line[5:], widths[5:], strict=True)]
        lines.append("  ".join(left + right).rstrip())
    if not cells:
        lines.append("(no held session counts yet)")
    for prior in log.prior_years:
        lines.append(
            f"Before coachtui, {prior.year}: {format_hours(prior.paid_hours)} paid, "
            f"{format_hours(prior.pro_bono_hours)} pro bono, {prior.clients} clients"
        )
    lines += [
        "",
        f"Total: {format_hours(log.hours)} h ({format_hours(log.paid_hours)} paid, "
        f"{format_hours(log.pro_bono_hours)} pro bono), {log.clients} clients; "
        f"{format_hours(log.recent_hours)} h since {log.window_start:%d %b %Y} (the last 18 months)",
    ]
    for credential in log.credentials:
        lines += ["", f"{credential.name}: {'met' if credential.met else 'not yet'}"]
        lines += [f"  {line.what:<28} {line.progress:>16}  {line.verdict}" for line in credential.lines]
    return "\n".join(lines)
