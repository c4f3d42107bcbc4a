"""Provides the data-rights commands: ``backup FILE``, ``restore FILE`` and ``erase CLIENT``.

``backup`` only reads (beside a running app: every file is replaced atomically, so each read is a
whole file); ``restore`` and ``erase`` take the data folder's lock and say so when the app holds it.
Every error is one line on stderr and exit status 1; no command leaves a partial file. The store is
imported inside ``run`` so that starting the app costs nothing more.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coachtui.cli_crypt import archive_unlock, cipher_for
from coachtui.config import Settings

COMMANDS = ("backup", "restore", "erase")


def add_commands(commands: Any) -> None:
    """Add the commands to the parser's subparsers (``argparse._SubParsersAction``)."""
    backup = commands.add_parser(
        "backup",
        help="write the whole practice into one archive FILE (a zip with a manifest of sha256 sums)",
        description=(
            "Write practice.json, every client's files and the unsaved drafts into FILE (0600), atomically. "
            "The search index and the daily backups are left out. Safe while coachtui is open."
        ),
    )
    backup.add_argument("file", metavar="FILE", help="the archive to write, e.g. practice-2026-03-02.zip")
    restore = commands.add_parser(
        "restore",
        help="replace the practice with a backup FILE, after checking every file and record in it",
        description=(
            "Check every file and record of FILE first and change nothing if one is altered or invalid. "
            "The practice it replaces is first kept as an archive in the data folder's backups/."
        ),
    )
    restore.add_argument("file", metavar="FILE", help="an archive written by coachtui backup")
    restore.add_argument("--yes", action="store_true", help="replace the existing practice without asking")
    erase = commands.add_parser(
        "erase",
        help="erase a client and every trace of them from the data folder, backups included",
        description=(
            "Remove the client's records, files, drafts and search entries, and rewrite every backup "
            "without them. Exports you saved elsewhere are listed for you to delete. Cannot be undone."
        ),
    )
    erase.add_argument("client", metavar="CLIENT", help="the client's id, or a unique name or prefix")
    erase.add_argument("--yes", action="store_true", help="erase without asking")
    erase.add_argument(
        "--keep-hours",
        action="store_true",
        help="keep their coaching hours in the ICF log as an anonymous row (dates and hours only)",
    )


def run(args: argparse.Namespace, settings: Settings, data_dir: Path) -> int | None:
    """Run the command if it is one of these; None if it is not."""
    if args.command not in COMMANDS:
        return None
    from coachtui.store.errors import StoreError

    try:
        if args.command == "backup":
            return _backup(Path(args.file), data_dir)
        if args.command == "restore":
            return _restore(Path(args.file), data_dir, args.yes)
        return _erase(args.client, data_dir, args.yes, args.keep_hours)
    except (StoreError, OSError) as error:
        message = str(error) if isinstance(error, StoreError) else (error.strerror or str(error))
        print(f"coachtui: {message}", file=sys.stderr)
        return 1


def _ask(question: str) -> bool:
    """A y/N question on the terminal; anything but y (or no answer, as from a script) is no."""
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    if not answer.endswith("\n"):
        print(file=sys.stderr)  # no answer typed (end of input): the next line starts on its own
    return answer.strip().casefold() in ("y", "yes")


def _check_unlocked(data_dir: Path) -> None:
    """StoreLockedError now if the app holds the folder: said before a question, not after its answer."""
    from coachtui.store.lock import DataDirLock

    probe = DataDirLock(data_dir)
    probe.acquire()
    probe.release()


def _backup(target: Path, data_dir: Path) -> int:
    from coachtui.domain.models import now
    from coachtui.store.archive import write_backup

    members = write_backup(data_dir, target, now=now(), cipher=cipher_for(data_dir))
    print(f"Backed up {len(members)} files of {data_dir} to {target}.")
    return 0


def _restore(archive: Path, data_dir: Path, yes: bool) -> int:
    from coachtui.domain.models import now
    from coachtui.store.archive import read_backup
    from coachtui.store.restore import holds_practice, restore_backup

    read_backup(archive, archive_unlock)  # a bad archive is refused before anything is asked
    if data_dir.exists():
        _check_unlocked(data_dir)
    if holds_practice(data_dir) and not yes:
        question = f"Replace the practice in {data_dir} with the one in {archive}? (a copy is kept first)"
        if not _ask(question):
            print("Nothing was changed.", file=sys.stderr)
            return 1
    report = restore_backup(archive, data_dir, now=now(), unlock=archive_unlock)
    print(f"Restored {len(report.restored)} files from {archive} into {data_dir}.")
    if report.kept is not None:
        print(f"The practice it replaced is kept in {report.kept} (coachtui restore undoes it).")
    return 0


def _erase(ref: str, data_dir: Path, yes: bool, keep_hours: bool) -> int:
    from coachtui.domain.models import now
    from coachtui.store.hours import anonymous_row_of
    from coachtui.store.repository import Repository

    if not (data_dir / "practice.json").exists():
        print(f"coachtui: {data_dir} holds no practice, so there is no client to erase.", file=sys.stderr)
        return 1
    _check_unlocked(data_dir)
    # Found and asked about read-only: a "no" leaves every byte as it was (opening for writing takes
    # the day's backups).
    with Repository.open(data_dir, read_only=True, cipher=cipher_for(data_dir)) as looking:
        client = looking.find_client(ref)
        hours = anonymous_row_of(looking, client.id, now().date())
    question = (
        f"Erase {client.name} ({client.id}) and every trace of them from {data_dir}? This cannot be undone."
    )
    if not yes and not _ask(question):
        print("Nothing was changed.", file=sys.stderr)
        return 1
    if hours is not None and not keep_hours and not yes:
        total = hours.paid_hours + hours.pro_bono_hours
        keep_hours = _ask(
            f"Keep their {total:.2f} coaching hours in the ICF hours log as an anonymous row "
            "(dates and hours only, for an ICF audit)?"
        )
    with Repository.open(data_dir, clock=now, cipher=cipher_for(data_dir)) as repo:
        report = repo.erase_client(client.id, keep=hours if keep_hours else None)
    print(
        f"Erased {report.name}: their records, files, drafts, search entries, and their part of every backup."
    )
    if report.kept_hours is not None:
        print(f"Their {report.kept_hours:.2f} coaching hours stay in the ICF hours log as an anonymous row.")
    if report.exports:
        print("coachtui wrote these files outside the data folder with their records; delete them yourself:")
        for path in report.exports:
            print(f"  {path}")
    if report.leftovers:
        print(
            f"coachtui: these files still contain {report.name}'s name or id (another client's notes may "
            "mention them); look at them:",
            file=sys.stderr,
        )
        for path in report.leftovers:
            print(f"  {path}", file=sys.stderr)
    return 0
