"""Provides the plan outline's rows: what each row of vision, goals, actions, check-ins and agreement says.

A goal's row shows its linked actions' completion and the client's latest ratings beside each other
but never turns them into "achieved": only the goal's own status does that. When every action is
done the row asks the question instead. Rows are wrapped by hand (``layout``), so that a long line
continues under its text and not under its glyph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.content import Content

from coachtui.domain.dates import format_due
from coachtui.domain.models import (
    Action,
    ActionStatus,
    CheckIn,
    Client,
    Goal,
    GoalStatus,
    Metric,
    PlanState,
    RatingKind,
)
from coachtui.domain.progress import RatedSession, action_completion, rating_series, sparkline
from coachtui.domain.smart import action_gaps, goal_gaps
from coachtui.domain.wrap_up import LooseAction, loose_actions

ACTION_GLYPHS = {
    ActionStatus.OPEN: "○",
    ActionStatus.DONE: "✓",
    ActionStatus.PARTLY: "◐",
    ActionStatus.NOT_DONE: "✗",
    ActionStatus.CHANGED: "↻",
    ActionStatus.DROPPED: "–",
}
GOAL_GLYPHS = {
    GoalStatus.ACTIVE: "◇",
    GoalStatus.ACHIEVED: "◆",
    GoalStatus.PARTLY: "◈",
    GoalStatus.NOT_ACHIEVED: "✗",
    GoalStatus.DROPPED: "–",
    GoalStatus.FUTURE: "◌",
}
HEADER = "bold $text-accent"
Block = tuple[int, int, Content]
"""One paragraph of a row: its indent, the extra indent of its wrapped lines, and its text."""
GAP = "$text-warning"
ASK = "italic $text-accent"


@dataclass(frozen=True)
class RowKey:
    """What a row stands for: a kind (goal, action, checkin, a section header...) and a record id."""

    kind: str
    item_id: str | None = None

    @property
    def option_id(self) -> str:
        return f"{self.kind}:{self.item_id or ''}"

    @classmethod
    def parse(cls, option_id: str) -> RowKey:
        kind, _, item_id = option_id.partition(":")
        return cls(kind, item_id or None)


def _number(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"


def metric_line(metric: Metric) -> str:
    """``calls a week: 0 → 3 (now 1)``, or "" when no metric is set."""
    if metric.target is None and metric.baseline is None and not metric.name:
        return ""
    unit = f" {metric.unit}" if metric.unit else ""
    now = f" (now {_number(metric.current)})" if metric.current is not None else ""
    return f"{metric.name or 'metric'}: {_number(metric.baseline)} → {_number(metric.target)}{unit}{now}"


def ratings_line(sessions: Sequence[RatedSession], goal_id: str) -> str:
    """The client's progress ratings for the goal (``progress 4→6→7 ▄▆▇``) and the latest confidence."""
    parts = []
    progress = [value for _, value in rating_series(sessions, goal_id, RatingKind.PROGRESS)]
    if progress:
        shown = "→".join(str(v) for v in progress[-4:])
        parts.append(f"progress {'…' if len(progress) > 4 else ''}{shown} {sparkline(progress[-8:])}")
    confidence = rating_series(sessions, goal_id, RatingKind.CONFIDENCE)
    if confidence:
        parts.append(f"confidence {confidence[-1][1]}")
    return " · ".join(parts)


def layout(blocks: list[Block], width: int) -> Content:
    lines: list[Content] = []
    for indent, hang, text in blocks:
        for number, line in enumerate(text.wrap(max(10, width - indent - hang))):
            lines.append(Content(" " * (indent + (hang if number else 0))) + line)
    return Content("\n").join(lines)


def _block(indent: int, hang: int, *parts: str | tuple[str, str]) -> Block:
    return indent, hang, Content.assemble(*parts)


class PlanRows:
    """Builds the outline's rows for one render."""

    def __init__(
        self, state: PlanState, client: Client, sessions: Sequence[RatedSession], today: date, query: str
    ) -> None:
        self.state = state
        self.client = client
        self.sessions = sessions
        self.today = today
        self.query = query

    def _matches(self, *texts: str) -> bool:
        return not self.query or any(self.query in text.casefold() for text in texts)

    def build(self) -> list[tuple[RowKey, list[Block]]]:
        rows: list[tuple[RowKey, list[Block]]] = []
        plan = self.state.plan
        if self._matches(plan.vision, *plan.values, "vision", "values"):
            rows.append((RowKey("vision"), self._vision()))
        current = [g for g in self.state.goals if g.cycle >= self.client.cycle]
        earlier = [g for g in self.state.goals if g.cycle < self.client.cycle]
        goal_rows: list[tuple[RowKey, list[Block]]] = []
        for goal in current:
            actions = [a for a in self.state.actions if a.goal_id == goal.id]
            goal_hit = self._matches(goal.title, goal.specific, goal.measure)
            shown = [a for a in actions if goal_hit or self._matches(a.text)]
            if goal_hit or shown:
                goal_rows.append((RowKey("goal", goal.id), self._goal(goal, actions)))
                goal_rows += [(RowKey("action", a.id), self._action(a)) for a in shown]
        if goal_rows or not self.query:
            active = sum(1 for g in current if g.status is GoalStatus.ACTIVE)
            count = f"{active} active" if current else "none yet: press a to add the first goal"
            rows.append(
                (RowKey("goals"), [_block(0, 0, (f"Goals · cycle {self.client.cycle} · {count}", HEADER))])
            )
            rows += goal_rows
        # An earlier cycle's goals are listed without their actions: the open ones would be hidden.
        loose = [
            item
            for item in loose_actions(earlier, self.state.actions, self.client.cycle)
            if self._matches(item.action.text, item.goal.title)
        ]
        if loose:
            rows.append((RowKey("loose"), [_block(0, 0, ("Open actions of closed goals", HEADER))]))
            rows += [(RowKey("action", i.action.id), self._loose(i)) for i in loose]
        known = {g.id for g in self.state.goals}
        others = [a for a in self.state.actions if a.goal_id not in known and self._matches(a.text)]
        if others:
            rows.append((RowKey("other"), [_block(0, 0, ("Other actions (not linked to a goal)", HEADER))]))
            rows += [(RowKey("action", a.id), self._action(a)) for a in others]
        checkins = [c for c in self.state.checkins if self._matches(c.focus, "check-in")]
        if checkins or not self.query:
            hint = "" if self.state.checkins else " · none yet: press a to add one"
            rows.append((RowKey("checkins"), [_block(0, 0, (f"Check-in points{hint}", HEADER))]))
            rows += [(RowKey("checkin", c.id), self._checkin(c)) for c in checkins]
        if self._matches("agreement boundaries", self.client.agreement.boundaries):
            rows.append((RowKey("agreement"), self._agreement()))
        closed = [g for g in earlier if self._matches(g.title, g.outcome)]
        if closed:
            rows.append((RowKey("earlier"), [_block(0, 0, ("Earlier cycles", HEADER))]))
            rows += [(RowKey("goal", g.id), self._closed_goal(g)) for g in closed]
        if not rows:
            rows.append(
                (
                    RowKey("none"),
                    [_block(0, 0, (f"Nothing matches {self.query!r}: esc clears the filter", "dim"))],
                )
            )
        return rows

    def _vision(self) -> list[Block]:
        plan = self.state.plan
        vision = plan.vision or "no vision yet: press enter to write it in the client's words"
        values = ", ".join(plan.values) if plan.values else "none named yet"
        return [
            _block(0, 0, ("Vision & values", HEADER)),
            _block(2, 0, (vision, "" if plan.vision else "dim")),
            _block(2, 8, ("values: ", "dim"), (values, "" if plan.values else "dim")),
        ]

    def _goal(self, goal: Goal, actions: list[Action]) -> list[Block]:
        facts = [goal.horizon.value]
        if goal.planned_sessions:
            top = goal.planned_sessions_max
            facts.append(f"{goal.planned_sessions}{f'-{top}' if top else ''} sessions")
        if goal.target_date:
            facts.append(f"by {self._when(goal.target_date, goal.status is GoalStatus.ACTIVE)}")
        if goal.status is not GoalStatus.ACTIVE:
            facts.append(goal.status.value.replace("_", " "))
        blocks = [
            _block(
                0, 2, f"{GOAL_GLYPHS[goal.status]} ", (goal.title, "bold"), (" · " + " · ".join(facts), "dim")
            )
        ]
        done, total = action_completion(actions)
        progress = [metric_line(goal.metric), f"actions {done}/{total}" if total else "no actions yet"]
        progress.append(ratings_line(self.sessions, goal.id))
        blocks.append(_block(2, 2, " · ".join(p for p in progress if p)))
        gaps = goal_gaps(goal, self.today)
        if gaps:
            blocks.append(_block(2, 2, ("⚠ " + " · ".join(gaps), GAP)))
        if goal.status is GoalStatus.ACTIVE and total and done == total:
            blocks.append(
                _block(2, 0, ("all actions done: is the goal achieved? enter, then set its status", ASK))
            )
        if goal.outcome:
            blocks.append(_block(2, 9, ("outcome: " + goal.outcome, "dim")))
        return blocks

    def _when(self, day: date, still_open: bool) -> str:
        # "overdue" only while it is still to do; a closed item just shows its day.
        return format_due(day, self.today) if still_open else f"{day:%a} {day.day} {day:%b}"

    def _action(self, action: Action) -> list[Block]:
        still_open = action.status is ActionStatus.OPEN
        due = f" · {self._when(action.due, still_open)}" if action.due else ""
        status = "" if still_open else f" · {action.status.value.replace('_', ' ')}"
        text_style = "dim strike" if action.status is ActionStatus.DROPPED else ""
        glyph = f"{ACTION_GLYPHS[action.status]} "
        blocks = [_block(4, 2, glyph, (action.text, text_style), (due + status, "dim"))]
        gaps = action_gaps(action, self.today)
        if gaps:
            blocks.append(_block(6, 2, ("⚠ " + " · ".join(gaps), GAP)))
        return blocks

    def _loose(self, item: LooseAction) -> list[Block]:
        status = item.goal.status.value.replace("_", " ")
        context = f"goal {item.goal.title!r} · cycle {item.goal.cycle} · {status}"
        return [*self._action(item.action), _block(6, 2, (context, "dim"))]

    def _checkin(self, checkin: CheckIn) -> list[Block]:
        when = []
        if checkin.at_session:
            when.append(f"session {checkin.at_session}")
        if checkin.on_date:
            when.append(self._when(checkin.on_date, not checkin.done))
        focus = f" · {checkin.focus}" if checkin.focus else ""
        glyph = "✓" if checkin.done else "○"
        blocks = [_block(0, 2, f"{glyph} ", " · ".join(when) or "no time set", (focus, "dim"))]
        answers = [
            f"{label}: {text}"
            for label, text in (
                ("working", checkin.working),
                ("not working", checkin.not_working),
                ("adjust", checkin.adjust),
            )
            if text
        ]
        if checkin.client_progress is not None:
            answers.append(f"progress {checkin.client_progress}/10")
        if checkin.done and answers:
            blocks.append(_block(2, 2, (" · ".join(answers), "dim")))
        return blocks

    def _agreement(self) -> list[Block]:
        a = self.client.agreement
        consent = a.confidentiality_consent.isoformat() if a.confidentiality_consent else "not recorded"
        lines = [
            f"{a.sessions_planned} sessions, {a.cadence}, {a.session_minutes} min",
            f"{a.channel_in_session}; between sessions {a.channel_between_sessions} ({a.response_time})",
            f"cancellation: {a.cancellation_policy}",
            f"confidentiality consent: {consent}",
        ]
        blocks = [_block(0, 0, ("Agreement", HEADER), (" · enter edits", "dim"))]
        blocks += [_block(2, 2, (line, "dim")) for line in lines]
        if a.boundaries:
            blocks.append(_block(2, 2, (f"boundaries: {a.boundaries}", "dim")))
        return blocks

    def _closed_goal(self, goal: Goal) -> list[Block]:
        status = goal.status.value.replace("_", " ")
        outcome = f" · {goal.outcome}" if goal.outcome else ""
        return [
            _block(
                0,
                2,
                f"{GOAL_GLYPHS[goal.status]} ",
                goal.title,
                (f" · cycle {goal.cycle} · {status}{outcome}", "dim"),
            )
        ]
