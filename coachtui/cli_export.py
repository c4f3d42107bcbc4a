"""Provides ``coachtui export``: the session recap, the plan and the calendar, to stdout or a file.

The data folder is opened read-only, so an export works while the app is open on the same folder.
With ``-o FILE`` the file is written whole or not at all (``coachtui.store.exports.write_export``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coachtui.cli_crypt import cipher_for
from coachtui.config import Settings

if TYPE_CHECKING:
    from datetime import datetime

    from coachtui.store.repository import Repository

REFERENCES = (
    "CLIENT is an id, or a name or its start ('dana'); SESSION is an id, or a client and a session "
    "number ('dana 3'), or 'dana last' for her latest session."
)


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export recap|plan|ics`` to the command line."""
    export = subparsers.add_parser(
        "export",
        help="write a session recap, a plan or the calendar of due dates (to stdout or -o FILE)",
        description="Export for the client or your calendar. " + REFERENCES,
    )
    kinds = export.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    recap = kinds.add_parser(
        "recap",
        help="a session's recap for the client, as Markdown",
        description=(
            "The recap of a session, addressed to the client: the session's goal, insights and their "
            "own words, what they reviewed, what they committed to, what comes next. Private notes, "
            "your questions and your reflection are never in it. " + REFERENCES
        ),
    )
    # nargs="+": `export recap dana 3` works unquoted; the words are joined again.
    recap.add_argument("session", metavar="SESSION", nargs="+", help="'dana 3', 'dana last', or a session id")
    plan = kinds.add_parser(
        "plan",
        help="a client's coaching plan, as Markdown",
        description="The coaching plan: vision, values, goals, actions, check-ins, agreement, revision history. "
        + REFERENCES,
    )
    plan.add_argument("client", metavar="CLIENT", help="a client's name, the start of it, or an id")
    ics = kinds.add_parser(
        "ics",
        help="open actions' due dates and check-ins, as an iCalendar (.ics) file",
        description=(
            "Due dates of open actions and planned check-ins as all-day events, for every client or "
            "one. Importing it again updates the events rather than adding copies. " + REFERENCES
        ),
    )
    ics.add_argument("client", metavar="CLIENT", nargs="?", help="one client only (default: every client)")
    for parser in (recap, plan, ics):
        parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (0600) instead of stdout")


def run(args: argparse.Namespace, settings: Settings, data_dir: Path) -> int | None:
    """Run ``coachtui export ...``; None if ``args`` is another command."""
    if args.command != "export":
        return None
    from coachtui.domain.models import now
    from coachtui.store.errors import StoreError
    from coachtui.store.repository import Repository

    try:
        if not data_dir.is_dir():
            raise StoreError(f"{data_dir} does not exist, so there is nothing to export.")
        with Repository.open(data_dir, read_only=True, cipher=cipher_for(data_dir)) as repo:
            content, client_ids = _content(repo, args, now())
            if args.output is None:
                sys.stdout.write(content)
                return 0
            from coachtui.store.exports import write_export

            written = write_export(Path(args.output), content)
    except (StoreError, OSError) as error:
        print(f"coachtui: {error}", file=sys.stderr)
        return 1
    print(f"coachtui: wrote {written}", file=sys.stderr)
    _remember(data_dir, written, client_ids)
    return 0


def _remember(data_dir: Path, written: Path, client_ids: list[str]) -> None:
    """List the file among the exports that ``coachtui erase`` names, if the folder can be written now."""
    from coachtui.store.errors import StoreError, StoreLockedError
    from coachtui.store.repository import Repository

    try:
        # The passphrase of an encrypted folder was asked once already: cipher_for keeps it.
        with Repository.open(data_dir, cipher=cipher_for(data_dir)) as repo:
            repo.record_export(written, client_ids)
    except StoreError as error:
        # The export is written; only the list of exports misses it.
        why = "the app is open" if isinstance(error, StoreLockedError) else str(error)
        print(
            f"coachtui: {written} is not in the list of exports 'coachtui erase' names ({why}); "
            "remember it holds client records.",
            file=sys.stderr,
        )


def _content(repo: Repository, args: argparse.Namespace, at: datetime) -> tuple[str, list[str]]:
    """The export's text, and the ids of the clients whose records it holds."""
    from coachtui.store import exports

    if args.export_kind == "recap":
        session = repo.find_session(" ".join(args.session))
        return exports.recap_text(repo, session), [session.client_id]
    if args.export_kind == "plan":
        client = repo.find_client(args.client)
        return exports.plan_text(repo, client), [client.id]
    clients = [repo.find_client(args.client)] if args.client else repo.list_clients()
    # iCalendar is UTF-8 text with CRLF line ends; as text it goes to stdout and files alike.
    return exports.calendar_bytes(repo, clients, at).decode("utf-8"), [c.id for c in clients]
