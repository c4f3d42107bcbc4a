"""Provides WrapUpActionsScreen: what becomes of the open actions of the goals a new cycle closes.

Shown right after the new-cycle dialog when closed goals still have open actions. Each action is
carried over, closed or dropped (see ``domain/wrap_up.py`` for what each means); carry over is
the default, since it loses nothing. Escape decides later: the actions stay open and the plan and
the overview show them under "Open actions of closed goals".
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coachtui.domain.wrap_up import LooseAction, WrapUpChoice
from coachtui.ui.seam import CoachModal
from coachtui.ui.shared.key_hints import hint
from coachtui.ui.styles import style

Choices = dict[str, WrapUpChoice]


class WrapUpActionsScreen(CoachModal[Choices | None]):
    """c / x / d decide the highlighted action, C / X / D all of them; ctrl+s applies, escape waits."""

    CSS_PATH = style("wrap_up_actions")
    AUTO_FOCUS = "#wrap-actions"
    BINDINGS = [
        Binding(
            "c",
            "choose('carry over')",
            "Carry over",
            id="wrap.carry",
            tooltip="Keep it open in the new cycle",
        ),
        Binding(
            "x", "choose('close')", "Close", id="wrap.close", tooltip="Close it as not done, with its goal"
        ),
        Binding("d", "choose('drop')", "Drop", id="wrap.drop", tooltip="The client lets it go"),
        Binding(
            "C",
            "choose_all('carry over')",
            "All carry",
            id="wrap.carry_all",
            show=False,
            tooltip="Carry every one over",
        ),
        Binding(
            "X",
            "choose_all('close')",
            "All close",
            id="wrap.close_all",
            show=False,
            tooltip="Close every one",
        ),
        Binding(
            "D", "choose_all('drop')", "All drop", id="wrap.drop_all", show=False, tooltip="Drop every one"
        ),
        Binding("ctrl+s", "apply", "Apply", id="wrap.apply", tooltip="Apply the choices with the new cycle"),
        Binding("escape", "later", "Later", id="wrap.later", tooltip="Decide later: the actions stay open"),
    ]

    def __init__(self, loose: Sequence[LooseAction], cycle: int) -> None:
        super().__init__()
        self._loose = list(loose)
        self._cycle = cycle
        self.choices: Choices = {item.action.id: WrapUpChoice.CARRY for item in self._loose}

    def compose(self) -> ComposeResult:
        with Vertical(id="wrap-box"):
            yield Static(
                f"Open actions of the goals closed with cycle {self._cycle}: what becomes of them?",
                id="wrap-title",
            )
            yield OptionList(
                *[Option(self._prompt(item), id=item.action.id) for item in self._loose], id="wrap-actions"
            )
            yield Static(
                "carry over: stays open in the new cycle · close: ended with its goal, counted not done"
                " (record done or partly on the dashboard first) · drop: let go",
                id="wrap-meaning",
            )
            yield Static(id="wrap-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#wrap-hint", Static).update(
            hint(
                self,
                ("wrap.carry", "carry"),
                ("wrap.close", "close"),
                ("wrap.drop", "drop"),
                "[b]C X D[/b] all",
                ("wrap.apply", "apply"),
                ("wrap.later", "later"),
            )
        )

    def _prompt(self, item: LooseAction) -> Content:
        action, goal = item.action, item.goal
        due = action.due
        when = f" · due {due:%a} {due.day} {due:%b}" if due else ""
        ended = goal.status.value.replace("_", " ")
        return Content.assemble(
            (f"[{self.choices[action.id]:^10}] ", "bold"),
            action.text,
            (f"{when} · goal {goal.title!r}, {ended}", "dim"),
        )

    def _show(self) -> None:
        options = self.query_one(OptionList)
        for index, item in enumerate(self._loose):
            options.replace_option_prompt_at_index(index, self._prompt(item))

    def action_choose(self, value: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        self.choices[self._loose[options.highlighted].action.id] = WrapUpChoice(value)
        self._show()
        if options.highlighted < len(self._loose) - 1:
            options.action_cursor_down()  # on to the next one, as a reviewer goes down a list

    def action_choose_all(self, value: str) -> None:
        self.choices = {action_id: WrapUpChoice(value) for action_id in self.choices}
        self._show()

    def action_apply(self) -> None:
        self.dismiss(dict(self.choices))

    def action_later(self) -> None:
        self.dismiss(None)
