"""Provides the accountability dashboard: every open action of every client, by due date, grouped by week."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from coachtui.domain.models import Action, ActionStatus, Client, Goal

OVERDUE = "Overdue"
THIS_WEEK = "This week"
NEXT_WEEK = "Next week"
LATER = "Later"
NO_DATE = "No date"
GROUPS = (OVERDUE, THIS_WEEK, NEXT_WEEK, LATER, NO_DATE)


@dataclass(frozen=True)
class DashboardRow:
    """One open action, with what the coach needs to read it at a glance."""

    action: Action
    client_name: str
    goal_title: str
    group: str

    @property
    def method(self) -> str:
        return self.action.accountability

    @property
    def commitment(self) -> int | None:
        return self.action.commitment


def week_group(due: date | None, today: date) -> str:
    """The group of an action due on `due`: overdue, this week (to Sunday), next week, later, no date."""
    if due is None:
        return NO_DATE
    if due < today:
        return OVERDUE
    sunday = today + timedelta(days=6 - today.weekday())
    if due <= sunday:
        return THIS_WEEK
    if due <= sunday + timedelta(days=7):
        return NEXT_WEEK
    return LATER


def dashboard_rows(
    clients: Iterable[Client],
    actions: Mapping[str, Iterable[Action]],
    goals: Mapping[str, Iterable[Goal]],
    today: date,
    *,
    client_id: str | None = None,
    overdue_only: bool = False,
) -> list[DashboardRow]:
    """Every open action of every client (or of `client_id`), overdue first, by due date, undated last."""
    rows: list[DashboardRow] = []
    for client in clients:
        if client_id is not None and client.id != client_id:
            continue
        titles = {goal.id: goal.title for goal in goals.get(client.id, ())}
        for action in actions.get(client.id, ()):
            if action.status is not ActionStatus.OPEN:
                continue
            group = week_group(action.due, today)
            if overdue_only and group != OVERDUE:
                continue
            title = titles.get(action.goal_id, "") if action.goal_id else ""
            rows.append(DashboardRow(action, client.name, title, group))

    def order(row: DashboardRow) -> tuple[int, date, str, int]:
        due = row.action.due or date.max
        return (GROUPS.index(row.group), due, row.client_name.casefold(), row.action.position)

    return sorted(rows, key=order)


def grouped(rows: Iterable[DashboardRow]) -> list[tuple[str, list[DashboardRow]]]:
    """The rows under their group headings, in the order of GROUPS, empty groups left out."""
    by_group: dict[str, list[DashboardRow]] = {}
    for row in rows:
        by_group.setdefault(row.group, []).append(row)
    return [(name, by_group[name]) for name in GROUPS if name in by_group]
