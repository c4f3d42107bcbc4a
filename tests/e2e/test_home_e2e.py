"""The real coachtui in tmux: create a client by keyboard, quit, and find the client in the JSON file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.tmux import TmuxApp, needs_tmux

pytestmark = [needs_tmux, pytest.mark.e2e]


def test_create_a_client_by_keyboard_and_quit(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    with TmuxApp(data, size=(80, 24)) as app:
        app.wait_for("No clients yet")
        app.keys("n")
        app.wait_for("Name *")
        app.keys("C-s")
        app.wait_for("A client needs a name.")
        app.type("Sam Okafor")
        app.keys("Tab")
        app.type("sam@example.org")
        app.keys("C-s")
        # Home, not the form: the form shows the name too, but only home counts the client.
        app.wait_for_all("Clients — 1 client", "Sam Okafor", "0 of 6")
        app.keys("C-q")
        app.wait_exit()
    practice = json.loads((data / "practice.json").read_text())
    [client] = practice["clients"].values()
    assert (client["name"], client["email"]) == ("Sam Okafor", "sam@example.org")
    assert client["agreement"]["sessions_planned"] == 6
    assert client["schema_version"] == 1
    assert (data.stat().st_mode & 0o777) == 0o700


def test_a_second_window_says_why_it_cannot_write(tmp_path: Path) -> None:
    data = tmp_path / "shared"
    with TmuxApp(data) as first:
        first.wait_for("No clients yet")
        with TmuxApp(data) as second:
            screen = second.wait_for("[exited 1]")
            assert "already" in screen.lower() or "another coachtui" in screen.lower()


def test_ctrl_s_right_after_typing_keeps_every_letter(tmp_path: Path) -> None:
    data = tmp_path / "fast"
    with TmuxApp(data, size=(120, 40)) as app:
        app.wait_for("No clients yet")
        app.keys("n")
        app.wait_for("Name *")
        # Typed, saved and the next key pressed in one burst, as a fast typist or a paste does: no
        # wait between them on purpose. Every letter must land in the name, and the "s" after ctrl+s
        # must act on home (open the session form), never land in the closed form's field.
        app.type("Priya Raman-Whitfield")
        app.keys("C-s", "s")
        app.wait_for("Session goal")
        # The same at the next step: goal, start, and the first note typed straight after.
        app.type("Plan the wrap-up and what comes next")
        app.keys("C-s")
        app.type("First words of the session")
        app.wait_for("Ask next")
        app.keys("C-q")
        app.wait_exit()
    practice = json.loads((data / "practice.json").read_text())
    [client] = practice["clients"].values()
    assert client["name"] == "Priya Raman-Whitfield"
    [draft_file] = (data / "drafts").glob("*.json")
    [draft] = json.loads(draft_file.read_text())["draft"].values()
    assert draft["session"]["goal"] == "Plan the wrap-up and what comes next"
    # Below the stage's own heading line ("── Goal · 00:00 ──"), the note is whole.
    assert draft["editor_text"].splitlines()[1:] == ["First words of the session"]
