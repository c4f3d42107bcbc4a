"""Provides the command line: parse arguments, open the store, and run the app."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coachtui import __version__, cli_crypt, cli_data, cli_export, cli_hours, crash
from coachtui.config import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from coachtui.store.crypt import Cipher


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coachtui",
        description="A keyboard-driven companion for professional coaches: live sessions, plans, reflections.",
        epilog="Your data stays on this computer, in the data folder (see --data-dir).",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data folder to use (default: $COACHTUI_DATA_DIR, else your platform's user data folder)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="look without saving: open the data folder read-only (beside a coachtui already using it)",
    )
    parser.add_argument("--version", action="version", version=f"coachtui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "demo",
        help="open the app on a fresh sample practice (in a new temporary folder, or in --data-dir DIR)",
        description="Open coachtui on a realistic sample practice: 3 clients, plans, actions and past sessions.",
    )
    commands.add_parser(
        "repair",
        help="rebuild a missing or unreadable practice.json from the latest backup and the client files",
        description=(
            "Rebuild practice.json (the list of clients) from the newest readable backup of it and the "
            "client files beside it; clients found only in client files are added as 'Recovered client "
            "<id>' for you to rename. An unreadable practice.json is kept as practice.broken-<time>.json."
        ),
    )
    cli_data.add_commands(commands)
    cli_hours.add_commands(commands)
    cli_export.add_commands(commands)
    cli_crypt.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # First: an unexpected error anywhere gives a short message and a report, never a traceback.
    crash.install()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.read_only and args.command:
        parser.error(f"--read-only opens the app to look; it does not go with {args.command}")
    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"coachtui: {error}", file=sys.stderr)
        return 2
    if args.command == "demo":
        data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="coachtui-demo-"))
        return _run(settings, data_dir, sample=True)
    from coachtui.store.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir or settings.data_dir)
    if (converted := cli_crypt.run(args, settings, data_dir)) is not None:
        return converted
    if (exported := cli_export.run(args, settings, data_dir)) is not None:
        return exported
    if args.command == "repair":
        return _repair(data_dir)
    if (done := cli_data.run(args, settings, data_dir)) is not None:
        return done
    if (code := cli_hours.run(args, settings, data_dir)) is not None:
        return code
    return _run(settings, data_dir, read_only=args.read_only)


def _repair(data_dir: Path) -> int:
    from coachtui.domain.models import now
    from coachtui.store.errors import StoreError
    from coachtui.store.repair import rebuild_practice

    try:
        report = rebuild_practice(data_dir, clock=now, cipher=cli_crypt.cipher_for(data_dir))
    except (StoreError, OSError) as error:
        print(f"coachtui: {error}", file=sys.stderr)
        return 1
    for line in report:
        print(line)
    return 0


def _open_failure(data_dir: Path, error: Exception) -> str:
    """The one line shown when the data folder cannot be opened."""
    from coachtui.store.errors import CorruptFileError
    from coachtui.store.repair import repair_command

    message = f"coachtui: {error}"
    if isinstance(error, CorruptFileError) and error.path == data_dir / "practice.json":
        source = "its latest backup" if error.latest_backup is not None else "what is left"
        message += f" To rebuild it from {source} and the client files, run: {repair_command(data_dir)}"
    return message


def _unlock_app(data_dir: Path) -> Cipher | None:
    """An encrypted folder's Cipher: from $COACHTUI_PASSPHRASE_FILE, else the unlock screen (None: quit)."""
    from coachtui.store.keyfile import read_keyfile

    if cli_crypt.passphrase_from_file() is not None:
        return cli_crypt.cipher_for(data_dir)
    found = read_keyfile(data_dir)
    if found is None:
        return None
    from coachtui.ui.unlock import UnlockApp

    return UnlockApp(data_dir, found).run()


def _run(settings: Settings, data_dir: Path, *, sample: bool = False, read_only: bool = False) -> int:
    from coachtui.domain.models import now
    from coachtui.store.errors import StoreError
    from coachtui.store.paths import KEYFILE, ensure_private_dir
    from coachtui.store.repository import Repository

    # One clock for the store and the app: what the store dates and what the screens show agree.
    clock = now
    try:
        if not read_only:
            ensure_private_dir(data_dir)
        elif not data_dir.is_dir():
            raise StoreError(f"{data_dir} does not exist, so there is nothing to look at.")
        crash.set_report_folder(data_dir)
        cipher = None
        if (data_dir / KEYFILE).exists():
            cipher = _unlock_app(data_dir)
            if cipher is None:
                print("coachtui: the practice stays locked; nothing was opened or changed.", file=sys.stderr)
                return 1
        repository = Repository.open(data_dir, clock=clock, read_only=read_only, cipher=cipher)
    except (StoreError, OSError) as error:
        print(_open_failure(data_dir, error), file=sys.stderr)
        return 1
    try:
        if sample and not repository.list_clients():
            from coachtui.demo import build_demo_practice

            build_demo_practice(repository)
            print(f"coachtui: sample practice in {data_dir}", file=sys.stderr)
        from coachtui.ui.app import make_app
        from coachtui.ui.live.collector import freeze_startup

        app = make_app(settings, repository, clock)
        freeze_startup()
        app.run()
    finally:
        repository.close()
    # After an unexpected error Textual has printed coachtui.crash's message; the exit code says so too.
    return 1 if app.return_code else 0
