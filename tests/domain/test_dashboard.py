from __future__ import annotations

from datetime import UTC, date, datetime

from coachtui.domain.dashboard import (
    LATER,
    NEXT_WEEK,
    NO_DATE,
    OVERDUE,
    THIS_WEEK,
    dashboard_rows,
    grouped,
    week_group,
)
from coachtui.domain.models import Action, ActionStatus, Client, Goal

TODAY = date(2026, 3, 11)  # a Wednesday
AT = datetime(2026, 3, 1, tzinfo=UTC)


def _action(client: Client, text: str, due: date | None, **kw: object) -> Action:
    return Action(client_id=client.id, text=text, due=due, created_at=AT, **kw)  # type: ignore[arg-type]


def _practice() -> tuple[list[Client], dict[str, list[Action]], dict[str, list[Goal]]]:
    dana, sam = Client(name="Dana"), Client(name="Sam")
    goal = Goal(client_id=dana.id, title="Lead the team")
    actions = {
        dana.id: [
            _action(dana, "later", date(2026, 4, 30), goal_id=goal.id, accountability="log", commitment=8),
            _action(dana, "done", date(2026, 3, 1), status=ActionStatus.DONE),
            _action(dana, "undated", None),
        ],
        sam.id: [
            _action(sam, "late", date(2026, 3, 2)),
            _action(sam, "sunday", date(2026, 3, 15)),
            _action(sam, "next", date(2026, 3, 22)),
        ],
    }
    return [dana, sam], actions, {dana.id: [goal]}


def test_week_groups() -> None:
    assert week_group(None, TODAY) == NO_DATE
    assert week_group(date(2026, 3, 10), TODAY) == OVERDUE
    assert week_group(TODAY, TODAY) == THIS_WEEK
    assert week_group(date(2026, 3, 15), TODAY) == THIS_WEEK
    assert week_group(date(2026, 3, 16), TODAY) == NEXT_WEEK
    assert week_group(date(2026, 3, 23), TODAY) == LATER


def test_open_actions_sorted_overdue_first_and_grouped() -> None:
    clients, actions, goals = _practice()
    rows = dashboard_rows(clients, actions, goals, TODAY)
    assert [r.action.text for r in rows] == ["late", "sunday", "next", "later", "undated"]
    assert [name for name, _ in grouped(rows)] == [OVERDUE, THIS_WEEK, NEXT_WEEK, LATER, NO_DATE]
    later = rows[3]
    assert (later.client_name, later.goal_title, later.method, later.commitment) == (
        "Dana",
        "Lead the team",
        "log",
        8,
    )


def test_filters_narrow() -> None:
    clients, actions, goals = _practice()
    dana = clients[0]
    only_dana = dashboard_rows(clients, actions, goals, TODAY, client_id=dana.id)
    assert {r.client_name for r in only_dana} == {"Dana"}
    assert [r.action.text for r in only_dana] == ["later", "undated"]
    overdue = dashboard_rows(clients, actions, goals, TODAY, overdue_only=True)
    assert [r.action.text for r in overdue] == ["late"]
    assert dashboard_rows(clients, actions, goals, TODAY, client_id=dana.id, overdue_only=True) == []
