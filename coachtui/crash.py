"""Provides what an unexpected error does: a short message, a crash report without record contents, exit 1.

No error shows a note (DESIGN.md, "Quality bars"). Textual's own handler prints a rich traceback
with the locals of every frame (always on: this Textual has no setting to turn them off),
and a record being validated, saved or drawn is in those locals; Python's default hook prints the
exception's message, and a pydantic error's message quotes the input (a note's text). So:

- the app (``CoachApp._handle_exception`` and ``_fatal_error``, which replace Textual's traceback by
  this module's message) and everything outside it (``install``: ``sys.excepthook`` and
  ``threading.excepthook``) go through ``report_crash``, set up once here (this module imports no
  Textual, so installing it costs the command line nothing);
- the crash report, ``crash-YYYYmmdd-HHMMSS.txt`` (0600) in the data folder, holds the version,
  the exception's type (and of its causes), errno for an OSError, and the stack as
  ``file:line:function`` only. It never holds locals, source lines or the exception's message:
  the message may quote a record, and a report must be safe to send as it is;
- the coach sees one short paragraph on stderr naming the report, and the exit code is 1.
"""

from __future__ import annotations

import errno
import os
import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from coachtui import __version__

REPORT_PREFIX = "crash-"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
_state: dict[str, Path | None] = {"folder": None}


def set_report_folder(folder: Path | None) -> None:
    """Where crash reports go from now on: the data folder (None: no report, only the message)."""
    _state["folder"] = folder


def _where(filename: str) -> str:
    """A frame's file, without the coach's home folder: relative to coachtui or site-packages."""
    path = Path(filename)
    with_parts = path.parts
    if "site-packages" in with_parts:
        return "/".join(with_parts[with_parts.index("site-packages") + 1 :])
    try:
        return str(path.resolve().relative_to(_PACKAGE_ROOT))
    except (ValueError, OSError):
        return path.name


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return seen


def report_text(error: BaseException, at: datetime) -> str:
    """The crash report: types and file:line:function of every frame; no message, no locals."""
    lines = [
        f"coachtui {__version__} crash report, {at:%Y-%m-%d %H:%M:%S}",
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}",
        "This report holds no record contents: exception types and where they happened only "
        "(no messages, no values).",
        "",
    ]
    for depth, link in enumerate(_chain(error)):
        kind = type(link)
        name = (
            kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
        )
        errno_name = ""
        if isinstance(link, OSError) and link.errno:
            errno_name = f" ({errno.errorcode.get(link.errno, link.errno)})"
        lines.append(f"{'Caused by: ' if depth else ''}{name}{errno_name}")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f"  {_where(frame.filename)}:{frame.lineno}:{frame.name}")
    return "\n".join(lines) + "\n"


def write_report(error: BaseException, folder: Path | None, at: datetime | None = None) -> Path | None:
    """Write the crash report into ``folder`` (which must exist; it is never created); None if it could not."""
    if folder is None or not folder.is_dir():
        return None
    at = at or datetime.now()
    text = report_text(error, at).encode("utf-8")
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        path = folder / f"{REPORT_PREFIX}{at:%Y%m%d-%H%M%S}{suffix}.txt"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            continue
        except OSError:
            return None
        try:
            os.fchmod(fd, 0o600)
            os.write(fd, text)
        except OSError:
            return None
        finally:
            os.close(fd)
        return path
    return None


def crash_message(error: BaseException, report: Path | None) -> str:
    """What the coach reads on stderr: what happened, that saved work is safe, where the report is."""
    where = (
        f"A report without your notes is in {report}; please send it with a line on what you were doing."
        if report is not None
        else "No crash report could be written."
    )
    return (
        f"coachtui: an unexpected error ({type(error).__name__}) stopped coachtui. "
        f"What was saved is safe in the data folder. {where}"
    )


def report_crash(error: BaseException) -> str:
    """Write the report for ``error`` into the current folder; return the message for the coach."""
    return crash_message(error, write_report(error, _state["folder"]))


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        print("coachtui: interrupted.", file=sys.stderr)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(tb)
    print(report_crash(error), file=sys.stderr)


def _thread_excepthook(hook: threading.ExceptHookArgs) -> None:
    if hook.exc_value is not None and not isinstance(hook.exc_value, SystemExit):
        print(report_crash(hook.exc_value), file=sys.stderr)


def install(folder: Path | None = None) -> None:
    """Route every uncaught error outside the app (main thread and threads) through ``report_crash``."""
    set_report_folder(folder)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[None]
else:
    _AppBase = object  # a mixin: this module imports no Textual, so the command line starts fast


class CrashSafeApp(_AppBase):
    """Mixed into the Textual app: an unexpected error ends with the short message and a report.

    Textual calls ``_handle_exception`` for an error in any handler, worker or callback, which calls
    ``_fatal_error`` to render a traceback with every frame's locals (this Textual has no setting to
    turn them off). Both are replaced here, the one place this is decided; the app still exits with
    return code 1, and under ``run_test`` the error is still re-raised to the test.
    """

    crash_message: str | None = None
    """What the coach reads on stderr after an unexpected error, None until one happened."""

    def _handle_exception(self, error: Exception) -> None:
        if self.crash_message is None:
            self.crash_message = report_crash(error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        from rich.text import Text  # plain text: a folder's name must not be read as markup

        self.bell()
        self.panic(Text(self.crash_message or "coachtui: an unexpected error stopped coachtui."))
