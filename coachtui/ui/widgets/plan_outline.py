"""Provides PlanOutline: the coaching plan as an outline of rows, with SMART gaps and progress inline.

The outline is dumb: it renders the plan it is given and says which row is highlighted. The plan
editor screen owns the keys, the plan and the saving.

A goal's row shows its linked actions' completion and the client's latest ratings beside each other
but never turns them into "achieved": only the goal's own status does that. When every action is
done the row asks the question instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

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
    Session,
)
from coachtui.domain.progress import action_completion, rating_series, sparkline
from coachtui.domain.smart import action_gaps, goal_gaps

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
}
HEADER = "bold $text-accent"
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


def ratings_line(sessions: Sequence[Session], goal_id: str) -> str:
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


class PlanOutline(OptionList):
    """Vision and values, goals with their actions, other actions, check-in points, the agreement."""

    # The plan editor screen owns every key (so each is in the footer, the help and the palette).
    _inherit_bindings = False
    BINDINGS = []

    def show(
        self, state: PlanState, client: Client, sessions: Sequence[Session], today: date, query: str = ""
    ) -> None:
        """Render the plan; the highlighted row stays on the same item when it is still shown."""
        keep = self.current
        rows = _Rows(state, client, sessions, today, query.strip().casefold()).build()
        old_index = self.highlighted
        self.set_options([Option(content, id=key.option_id) for key, content in rows])
        if not rows:
            return
        ids = [key.option_id for key, _ in rows]
        if keep is not None and keep.option_id in ids:
            self.highlighted = ids.index(keep.option_id)
        else:
            self.highlighted = min(old_index or 0, len(rows) - 1)

    @property
    def current(self) -> RowKey | None:
        option = self.highlighted_option
        return RowKey.parse(option.id) if option is not None and option.id else None

    def go_to(self, key: RowKey) -> bool:
        """Highlight the row of ``key``; False when it is not shown (e.g. filtered out)."""
        try:
            self.highlighted = self.get_option_index(key.option_id)
        except Exception:  # OptionDoesNotExist: the row is not shown
            return False
        return True


class _Rows:
    """Builds the outline's rows for one render."""

    def __init__(
        self, state: PlanState, client: Client, sessions: Sequence[Session], today: date, query: str
    ) -> None:
        self.state = state
        self.client = client
        self.sessions = sessions
        self.today = today
        self.query = query

    def _matches(self, *texts: str) -> bool:
        return not self.query or any(self.query in text.casefold() for text in texts)

    def build(self) -> list[tuple[RowKey, Content]]:
        rows: list[tuple[RowKey, Content]] = []
        plan = self.state.plan
        if self._matches(plan.vision, *plan.values, "vision", "values"):
            rows.append((RowKey("vision"), self._vision()))
        current = [g for g in self.state.goals if g.cycle >= self.client.cycle]
        earlier = [g for g in self.state.goals if g.cycle < self.client.cycle]
        goal_rows: list[tuple[RowKey, Content]] = []
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
            rows.append((RowKey("goals"), Content.styled(f"Goals · cycle {self.client.cycle} · {count}", HEADER)))
            rows += goal_rows
        known = {g.id for g in self.state.goals}
        others = [a for a in self.state.actions if a.goal_id not in known and self._matches(a.text)]
        if others:
            rows.append((RowKey("other"), Content.styled("Other actions (not linked to a goal)", HEADER)))
            rows += [(RowKey("action", a.id), self._action(a)) for a in others]
        checkins = [c for c in self.state.checkins if self._matches(c.focus, "check-in")]
        if checkins or not self.query:
            hint = "" if self.state.checkins else " · none yet: press a to add one"
            rows.append((RowKey("checkins"), Content.styled(f"Check-in points{hint}", HEADER)))
            rows += [(RowKey("checkin", c.id), self._checkin(c)) for c in checkins]
        if self._matches("agreement boundaries", self.client.agreement.boundaries):
            rows.append((RowKey("agreement"), self._agreement()))
        closed = [g for g in earlier if self._matches(g.title, g.outcome)]
        if closed:
            rows.append((RowKey("earlier"), Content.styled("Earlier cycles", HEADER)))
            rows += [(RowKey("goal", g.id), self._closed_goal(g)) for g in closed]
        return rows

    def _vision(self) -> Content:
        plan = self.state.plan
        vision = plan.vision or "no vision yet: press enter to write it in the client's words"
        values = ", ".join(plan.values) if plan.values else "none named yet"
        return Content.assemble(
            ("Vision & values", HEADER),
            "\n  ",
            (vision, "" if plan.vision else "dim"),
            ("\n  values: ", "dim"),
            (values, "" if plan.values else "dim"),
        )

    def _goal(self, goal: Goal, actions: list[Action]) -> Content:
        facts = [goal.horizon.value]
        if goal.planned_sessions:
            facts.append(f"{goal.planned_sessions} sessions")
        if goal.target_date:
            facts.append(f"by {format_due(goal.target_date, self.today)}")
        if goal.status is not GoalStatus.ACTIVE:
            facts.append(goal.status.value.replace("_", " "))
        parts: list[str | tuple[str, str]] = [
            f"{GOAL_GLYPHS[goal.status]} ",
            (goal.title, "bold"),
            (" · " + " · ".join(facts), "dim"),
        ]
        done, total = action_completion(actions)
        progress = [metric_line(goal.metric), f"actions {done}/{total}" if total else "no actions yet"]
        progress.append(ratings_line(self.sessions, goal.id))
        parts.append("\n    " + " · ".join(p for p in progress if p))
        gaps = goal_gaps(goal, self.today)
        if gaps:
            parts.append(("\n    ⚠ " + " · ".join(gaps), GAP))
        if goal.status is GoalStatus.ACTIVE and total and done == total:
            parts.append(("\n    all actions done: is the goal achieved? (enter, then set its status)", ASK))
        if goal.outcome:
            parts.append(("\n    outcome: " + goal.outcome, "dim"))
        return Content.assemble(*parts)

    def _action(self, action: Action) -> Content:
        due = f" · {format_due(action.due, self.today)}" if action.due else ""
        status = "" if action.status is ActionStatus.OPEN else f" · {action.status.value.replace('_', ' ')}"
        closed = action.status is ActionStatus.DROPPED
        parts: list[str | tuple[str, str]] = [
            f"    {ACTION_GLYPHS[action.status]} ",
            (action.text, "dim strike" if closed else ""),
            (due + status, "dim"),
        ]
        gaps = action_gaps(action, self.today)
        if gaps:
            parts.append(("\n      ⚠ " + " · ".join(gaps), GAP))
        return Content.assemble(*parts)

    def _checkin(self, checkin: CheckIn) -> Content:
        when = []
        if checkin.at_session:
            when.append(f"session {checkin.at_session}")
        if checkin.on_date:
            when.append(format_due(checkin.on_date, self.today))
        focus = f" · {checkin.focus}" if checkin.focus else ""
        glyph = "✓" if checkin.done else "○"
        return Content.assemble(f"  {glyph} ", " · ".join(when) or "no time set", (focus, "dim"))

    def _agreement(self) -> Content:
        a = self.client.agreement
        consent = a.confidentiality_consent.isoformat() if a.confidentiality_consent else "not recorded"
        lines = [
            f"{a.sessions_planned} sessions, {a.cadence}, {a.session_minutes} min · {a.channel_in_session};"
            f" between sessions {a.channel_between_sessions} ({a.response_time})",
            f"cancellation: {a.cancellation_policy} · confidentiality consent: {consent}",
        ]
        if a.boundaries:
            lines.append(f"boundaries: {a.boundaries}")
        body = "".join(f"\n  {line}" for line in lines)
        return Content.assemble(("Agreement", HEADER), (" · enter edits", "dim"), (body, "dim"))

    def _closed_goal(self, goal: Goal) -> Content:
        status = goal.status.value.replace("_", " ")
        outcome = f" · {goal.outcome}" if goal.outcome else ""
        return Content.assemble(
            f"  {GOAL_GLYPHS[goal.status]} ", goal.title, (f" · cycle {goal.cycle} · {status}{outcome}", "dim")
        )
