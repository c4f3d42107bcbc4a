"""Provides the exports read from the repository, and how they are written: atomically, 0600, whole or not at all.

Shared by the command line (``-o FILE``) and the screens (the recap's write key), so that both
show the same text and refuse the same way: a folder that does not exist, a path that is a folder,
a full disk. A failed write leaves no file behind and an existing file as it was
(``atomic_write_bytes``). The text itself comes from the pure functions of ``coachtui.export``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from coachtui.domain.models import Client, Session
from coachtui.export.calendar import ClientDates, calendar_ics
from coachtui.export.plan import plan_markdown
from coachtui.export.recap import session_recap
from coachtui.store.atomic import atomic_write_bytes
from coachtui.store.errors import StoreError

if TYPE_CHECKING:
    from coachtui.store.repository import Repository


def recap_text(repo: Repository, session: Session) -> str:
    """The client's recap of ``session`` (no private note, question or reflection: see export.recap)."""
    client = repo.get_client(session.client_id)
    actions, checkins = repo.recap_records(session)
    return session_recap(client, session, actions, checkins)


def plan_text(repo: Repository, client: Client) -> str:
    cid = client.id
    return plan_markdown(
        client,
        repo.get_plan(cid),
        repo.list_goals(cid),
        repo.list_actions(cid),
        repo.list_checkins(cid),
        repo.list_revisions(cid),
    )


def calendar_bytes(repo: Repository, clients: Iterable[Client], now: datetime) -> bytes:
    dates = [
        ClientDates(c, repo.list_actions(c.id), repo.list_checkins(c.id), repo.list_sessions(c.id))
        for c in clients
    ]
    return calendar_ics(dates, now)


def recap_file_name(client: Client, session: Session) -> str:
    return f"coachtui-recap-{slug(client.name)}-{session.number}.md"


class ExportWriteError(StoreError):
    """An export could not be written; nothing was written."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"Cannot write {path}: {reason}. Nothing was written.")


def write_export(path: Path, content: str | bytes) -> Path:
    """Write ``content`` to ``path`` (``~`` expanded) atomically as a private file; return the path."""
    path = Path(os.path.expanduser(path))
    if path.is_dir():
        raise ExportWriteError(path, "it is a folder; give a file name")
    if not path.parent.is_dir():
        raise ExportWriteError(path, f"the folder {path.parent} does not exist")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise ExportWriteError(path, (error.strerror or str(error)).lower()) from error
    return path


def export_folder() -> Path:
    """Where the app saves exports: the platform's documents folder if it exists, else the home folder."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def slug(text: str) -> str:
    """``Dana Ortiz`` → ``dana-ortiz``: a file name part without spaces or slashes."""
    words = "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()
    return "-".join(words) or "client"
