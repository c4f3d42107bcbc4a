"""Provides the crash test's child process: it saves notes, drafts, sessions and reflections in a loop.

Run as ``python crash_writer.py DATA_DIR``. It resumes from what is on disk,
prints ``ready`` once the repository is open, then writes until it is killed.
Note ``n<i>`` is always the i-th note of its session, so the parent can check
that what survived each kill is a prefix of what was written.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from coachtui.domain.models import Action, Client, LiveDraft, Note, Reflection, Session, SessionStatus
from coachtui.store.repository import Repository
from tests.closing import as_closed

CLIENT_ID = "c0000000c1a5"
NOTES_PER_SESSION = 10
T0 = datetime(2026, 1, 5, 9, 0)


def resume(repo: Repository) -> Session:
    """The live session to continue: its draft if any (the draft is always at least as far along)."""
    drafts = repo.list_drafts()
    if drafts:
        return drafts[-1].session
    live = [s for s in repo.list_sessions(CLIENT_ID) if s.status == SessionStatus.LIVE]
    if live:
        return live[-1]
    number = repo.next_session_number(CLIENT_ID)
    return Session(client_id=CLIENT_ID, number=number, started_at=T0 + timedelta(days=number))


def main(data_dir: Path) -> None:
    repo = Repository.open(data_dir)
    if not repo.list_clients():
        repo.save_client(Client(id=CLIENT_ID, name="Crash Test"))
    session = resume(repo)
    print("ready", flush=True)
    while True:
        index = len(session.notes)
        session.notes.append(
            Note(at=session.started_at + timedelta(minutes=index), stage="goal", text=f"n{index}")
        )
        repo.save_draft(LiveDraft(session=session, editor_text=f"n{index}"))
        if index % 3 == 0:
            repo.save_session(session)
        if index == NOTES_PER_SESSION - 1:
            action = Action(client_id=CLIENT_ID, text=f"a{session.number}", session_id=session.id)
            session.ended_at = session.started_at + timedelta(hours=1)
            repo.close_session(as_closed(session), [action])
            repo.save_reflection(
                Reflection(session_id=session.id, client_id=CLIENT_ID, learned=f"r{session.number}")
            )
            number = repo.next_session_number(CLIENT_ID)
            session = Session(client_id=CLIENT_ID, number=number, started_at=T0 + timedelta(days=number))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
