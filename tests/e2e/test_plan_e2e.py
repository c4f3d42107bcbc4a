"""The real coachtui in tmux: edit a client's plan by keyboard alone, quit, and read the JSON file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachtui.domain.models import Client
from coachtui.store.repository import Repository
from tests.e2e.tmux import TmuxApp, needs_tmux

pytestmark = [needs_tmux, pytest.mark.e2e]


def _wait_order(app: TmuxApp, first: str, then: str, timeout: float = 15.0) -> None:
    """Wait until ``first`` is shown above ``then``."""

    def in_order() -> bool:
        screen = app.screen()
        return first in screen and then in screen and screen.index(first) < screen.index(then)

    app.wait_until(in_order, timeout, what=f"{first!r} shown above {then!r}")


def _records(table: dict) -> list[dict]:
    return sorted(table.values(), key=lambda record: record.get("position", 0))


def test_edit_a_plan_by_keyboard_and_quit(tmp_path: Path) -> None:
    data = tmp_path / "practice"
    with Repository.open(data) as repository:
        client = Client(name="Dana Ortiz")
        repository.save_client(client)

    with TmuxApp(data, size=(80, 24)) as app:
        app.wait_for("Dana Ortiz")
        app.keys("p")
        app.wait_for("Vision & values")
        app.wait_for("none yet: press a to add the first goal")

        # A goal with a metric: title, then Enter down to the metric's name, baseline, target, unit.
        app.keys("a")
        app.wait_for("New goal")
        app.type("Run a 10k race")
        app.keys(*["Enter"] * 8)
        app.type("km a week")
        app.keys("Enter")
        app.type("5")
        app.keys("Enter")
        app.type("20")
        app.keys("Enter")
        app.type("km")
        app.keys("C-s")  # a new goal asks no "why this change?": it is its own reason
        app.wait_for("km a week: 5 → 20 km")

        # Two actions under the goal (the cursor stays on what was just added).
        app.keys("A")
        app.wait_for("New action")
        app.type("Buy running shoes")
        app.keys("C-s")
        app.wait_for("○ Buy running shoes")
        app.keys("a")
        app.wait_for("New action")
        app.type("Run three times this week")
        app.keys("C-s")
        app.wait_for("○ Run three times this week")

        # Move the second action up, complete both, then undo the second completion.
        app.keys("K")
        _wait_order(app, "Run three times this week", "Buy running shoes")
        app.keys("Space")
        app.wait_for("✓ Run three times this week")
        app.keys("j", "Space")
        app.wait_for("✓ Buy running shoes")
        app.wait_for("all actions done: is the goal achieved?")
        app.keys("u")
        app.wait_for("Undone:")
        app.wait_for("○ Buy running shoes")

        app.keys("C-q")
        app.wait_exit()

    stored = json.loads((data / "clients" / f"{client.id}.json").read_text())
    [goal] = stored["goals"].values()
    assert goal["title"] == "Run a 10k race"
    assert goal["metric"] == {
        "name": "km a week",
        "baseline": 5.0,
        "target": 20.0,
        "unit": "km",
        "current": None,
    }
    assert goal["status"] == "active"  # every action done once, still only the coach marks it achieved
    actions = _records(stored["actions"])
    assert [(a["text"], a["status"], a["goal_id"]) for a in actions] == [
        ("Run three times this week", "done", goal["id"]),
        ("Buy running shoes", "open", goal["id"]),
    ]
    revisions = sorted(stored["revisions"].values(), key=lambda r: r["at"])
    summaries = [r["summary"] for r in revisions]
    assert summaries[0] == "Added goal 'Run a 10k race'"
    assert revisions[0]["reason"] == "" and revisions[0]["client_decided"] is True
    assert "Moved action 'Run three times this week' up" in summaries
    assert summaries[-1] == "Undid: Marked action 'Buy running shoes' done"
    assert {"field": "status", "before": "done", "after": "open"} in revisions[-1]["changes"]
