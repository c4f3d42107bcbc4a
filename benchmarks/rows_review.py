"""Provides the rows of opening the biggest client's screens and of searching as you type.

Each is a headless probe in a fresh process (``benchmarks.probes``, ``benchmarks.review_probes``),
from a key on a screen to the next screen drawn, against the same key in a bare app.
"""

from __future__ import annotations

from benchmarks.common import Context, Row, median, probe, ratio_row


def open_client(ctx: Context) -> list[Row]:
    """Key p on the home screen to the rendered plan editor of the biggest client, vs a bare screen
    with a 200-row table."""
    practice, env = ctx.practice, ctx.env
    app: list[float] = []
    ref: list[float] = []
    arguments = {"data_dir": str(practice.data_dir), "client_id": practice.big_client_id}
    for _ in range(ctx.runs):
        app.append(probe("open", env, app_name="coachtui", **arguments)["seconds"])
        ref.append(probe("open", env, app_name="bare", data_dir="", client_id="")["seconds"])
    name = f"open a client with {practice.big_client_sessions} sessions: key to rendered plan editor"
    return [ratio_row(name, practice.size, median(app) * 1000, median(ref) * 1000, 1.25, "ms")]


def open_review(ctx: Context) -> list[Row]:
    """h on home to the biggest client's history, and Enter on its newest session to the record, each
    against the bare screen with a 200-row table that the plan editor is measured against."""
    practice, env = ctx.practice, ctx.env
    arguments = {"data_dir": str(practice.data_dir), "client_id": practice.big_client_id}
    rows = []
    for name, what in (("history", "session history"), ("record", "newest session's record")):
        app: list[float] = []
        ref: list[float] = []
        for _ in range(ctx.runs):  # alternated, so that both see the same moment of the machine
            app.append(probe(name, env, app_name="coachtui", **arguments)["seconds"])
            ref.append(probe(name, env, app_name="bare", data_dir="", client_id="")["seconds"])
        title = f"open the {what} of a client with {practice.big_client_sessions} sessions"
        rows.append(ratio_row(title, practice.size, median(app) * 1000, median(ref) * 1000, 1.25, "ms"))
    return rows


def open_charts(ctx: Context) -> list[Row]:
    """Key g on the home screen to the biggest client's rendered progress charts, vs a page of texts.

    Not in issue 12's table: its ≤ 1.5× comes from the charts' own issue and is judged like the other
    rows of the 200-session client.
    """
    practice, env = ctx.practice, ctx.env
    app: list[float] = []
    ref: list[float] = []
    for _ in range(ctx.runs):
        arguments = {"data_dir": str(practice.data_dir), "client_id": practice.big_client_id}
        result = probe("charts", env, app_name="coachtui", **arguments)
        app.append(result["seconds"])
        ref.append(
            probe("charts", env, app_name="bare", data_dir="", client_id="", texts=result["texts"])["seconds"]
        )
    name = f"progress charts of a client with {practice.big_client_sessions} sessions: key to rendered"
    return [ratio_row(name, practice.size, median(app) * 1000, median(ref) * 1000, 1.5, "ms")]


def search_typing(ctx: Context) -> list[Row]:
    """One keystroke in the search box to its hits drawn, vs one keystroke in a bare Input."""
    keystrokes = max(3, ctx.runs)
    app = probe("typing", ctx.env, app_name="coachtui", data_dir=str(ctx.practice.data_dir), runs=keystrokes)
    ref = probe("typing", ctx.env, app_name="bare", data_dir="", runs=keystrokes)
    name = "search as you type: a keystroke to its hits drawn, vs a bare Input"
    return [
        ratio_row(
            name, ctx.practice.size, median(app["seconds"]) * 1000, median(ref["seconds"]) * 1000, 1.5, "ms"
        )
    ]
