"""Provides the live session's keys: every one works while the coach types in the notes.

They are ordinary screen bindings on keys the notes area does not use, so Textual delivers each one
after the letters typed before it (the app's key router keeps them in order, see ui/keys.py). Only a
key the notes area binds itself needs `priority=True`, or the notes area would take it first.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

STAGE_KEYS = ("f2", "f3", "f4", "f5", "f6")
TEXT_AREA_KEYS = frozenset({"f6", "f7"})
"""Keys the TextArea binds (select line, select all): a live key on one of them must be a priority key."""


def _live(
    key: str, action: str, description: str, binding_id: str, tooltip: str, show: bool = True
) -> Binding:
    return Binding(
        key,
        action,
        description,
        show=show,
        priority=key in TEXT_AREA_KEYS,  # see TEXT_AREA_KEYS
        id=f"live.{binding_id}",
        tooltip=tooltip,
    )


# The footer shows them in this order and drops what does not fit, so the key that ends the session comes
# first and only the keys of every session are shown: at 80 columns all of them fit, with quit and help.
LIVE_BINDINGS: list[BindingType] = [
    _live("f10", "end_session", "End", "end_session", "end the session: summary, next check-in, reflection"),
    _live("ctrl+n", "next_stage", "Next stage", "next_stage", "move to the next stage of the model"),
    _live(
        "ctrl+b", "previous_stage", "Prev stage", "previous_stage", "back to the previous stage", show=False
    ),
    *[
        _live(
            key,
            f"go_stage({index})",
            f"Stage {index + 1}",
            f"stage_{index + 1}",
            f"go straight to stage {index + 1}",
            show=False,
        )
        for index, key in enumerate(STAGE_KEYS)
    ],
    _live(
        "ctrl+o",
        "ask_question",
        "Ask",
        "ask_question",
        "put the suggested question into the notes, marked asked",
    ),
    _live(
        "ctrl+f",
        "next_question",
        "Next Q",
        "next_question",
        "offer another question for this stage",
        show=False,
    ),
    _live("ctrl+r", "previous_question", "Prev Q", "previous_question", "the question before", show=False),
    _live(
        "f8",
        "mark_asked",
        "Mark asked",
        "mark_asked",
        "mark the question asked without inserting it",
        show=False,
    ),
    # Not in the footer: the line under the notes teaches it, with the kind of the line.
    _live(
        "ctrl+t",
        "cycle_kind",
        "Kind",
        "cycle_kind",
        "this line: note → insight → client quote → private",
        show=False,
    ),
    _live(
        "ctrl+l",
        "new_action",
        "Action",
        "new_action",
        "commitment builder: a new action in the client's words",
    ),
    _live("ctrl+g", "rate", "Scale", "rate", "record a 0-10 scaling rating"),
    _live(
        "f7",
        "focus_actions",
        "Actions list",
        "focus_actions",
        "the session's actions: e edit, d remove",
        show=False,
    ),
    _live(
        "f12",
        "hold_checkin",
        "Check-in",
        "hold_checkin",
        "hold the plan's check-in point due now",
        show=False,
    ),
    _live(
        "f9", "toggle_side", "Side pane", "toggle_side", "show or hide the questions and actions", show=False
    ),
    _live("ctrl+s", "save", "Save now", "save", "save now (it autosaves anyway)", show=False),
]
