"""The real coachtui in tmux: search the demo practice for a phrase, open the hit, read the note, quit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.tmux import TmuxApp, needs_tmux

pytestmark = [needs_tmux, pytest.mark.e2e]


def test_find_a_phrase_and_read_it_in_its_session(tmp_path: Path) -> None:
    with TmuxApp(tmp_path / "demo", size=(80, 24), args=("demo",)) as app:
        app.wait_for("Dana Ortiz")
        app.keys("/")
        app.wait_for("Narrow with")  # the search's help, before anything is typed
        app.type('"hiring managers read"')
        app.wait_for("1 match")  # the status line counts the hits once they are found
        app.keys("Enter")
        app.wait_for("Session record")  # the search has gone: what follows is the record
        # Scrolled to the note, in Dana's second session, marked as her own words.
        app.wait_for_all(
            "Mei told me hiring managers read the case study", "Dana Ortiz · session 2", "» QUOTE"
        )
        app.keys("C-q")
        app.wait_exit()
