"""Snapshots of the reflection screen and the CPD journal at 80x24 and 120x40."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, TextArea

from coachtui.domain.models import Competency, Payment
from tests.conftest import FIXED_NOW
from tests.ui.reflection_data import add_client, hold_session, reflect


@pytest.fixture
def session(repo):
    dana = add_client(repo, "Dana Ortiz")
    priya = add_client(repo, "Priya Raman", Payment.PRO_BONO)
    earlier = [
        (dana, 1, 40, "Agreement was clear", (Competency.AGREEMENTS, Competency.TRUST)),
        (priya, 1, 33, "Priya set her own agenda", (Competency.MINDSET, Competency.PRESENCE)),
        (dana, 2, 14, "Dana named the fear", (Competency.LISTENING, Competency.AWARENESS)),
        (priya, 2, 5, "She chose the metric herself", (Competency.AWARENESS, Competency.GROWTH)),
    ]
    for client, number, days_ago, worked, competencies in earlier:
        held = hold_session(repo, client, number, FIXED_NOW - timedelta(days=days_ago), minutes=55)
        reflect(
            repo,
            held,
            worked=worked,
            competencies=competencies,
            progress=number + 4,
            learned="Slow down after a strong emotion; let the client fill the silence.",
        )
    return hold_session(
        repo,
        dana,
        3,
        FIXED_NOW - timedelta(hours=1),
        actions=("Draft the CV for the research role", "Call Maya about her team"),
        progress=6,
    )


def still(app) -> None:
    """No blinking cursor and no toasts: the same picture on every run."""
    for widget in app.screen.query("TextArea, Input"):
        assert isinstance(widget, TextArea | Input)
        widget.cursor_blink = False
    app.clear_notifications()


def on_reflection(session, *keys: str):
    async def run_before(pilot) -> None:
        pilot.app.open_reflection(session.client_id, session.id)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        still(pilot.app)

    return run_before


def on_journal(*keys: str):
    async def run_before(pilot) -> None:
        pilot.app.open_journal()
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        still(pilot.app)

    return run_before


def test_reflection_80x24(snap_compare, make_app, session) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=on_reflection(session))


def test_reflection_80x24_competencies_and_a_bad_progress(snap_compare, make_app, session) -> None:
    keys = ["tab", "tab", "tab", "backspace", "1", "2", "tab", "down", "space", "6", "7"]
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=on_reflection(session, *keys))


def test_reflection_120x40_filled(snap_compare, make_app, session) -> None:
    keys = [*"Scaling opened her up", "enter", *"She named the fear", "tab", *"I rushed Options", "tab"]
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=on_reflection(session, *keys))


def test_journal_80x24(snap_compare, make_app, session) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=on_journal())


def test_journal_120x40_by_competency(snap_compare, make_app, session) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=on_journal("7"))
