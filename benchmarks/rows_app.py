"""Provides the rows of the app itself: start-up, typing in the live session, autosave and idle.

Start-up and idle CPU run ``coachtui --data-dir`` and the bare reference apps in pseudo-terminals,
exactly alike; the rest are headless probes (``benchmarks.probes``), one fresh process per run. App
and reference runs alternate, or run at once, so that both see the same machine load.
"""

from __future__ import annotations

import time
from typing import Any

from benchmarks import practices
from benchmarks.common import (
    Context,
    Probe,
    Row,
    coachtui_command,
    median,
    probe,
    ratio_row,
    reference_command,
    running,
)
from benchmarks.practices import Practice
from benchmarks.reference_apps import FIRST_ROW


def first_client_name(practice: Practice) -> str:
    from coachtui.store.repository import Repository

    with Repository.open(practice.data_dir, read_only=True) as repo:
        return repo.list_clients()[0].name


def startup(ctx: Context) -> list[Row]:
    """Exec to the first frame that shows the first client (or row), and peak RSS, over runs."""
    practice, env = ctx.practice, ctx.env
    marker = first_client_name(practice)
    times: dict[str, list[float]] = {"app": [], "ref": []}
    memory: dict[str, list[float]] = {"app": [], "ref": []}
    commands = {"ref": (reference_command("home", str(practices.CLIENTS)), FIRST_ROW)}
    commands["app"] = (coachtui_command(practice.data_dir), marker)
    for _ in range(ctx.settings.runs):
        for which in ("ref", "app"):
            argv, shown = commands[which]
            with running(argv, env) as app:
                times[which].append(app.wait_for(shown))
                time.sleep(0.2)  # whatever start-up still does just after the first frame
                memory[which].append(app.peak_rss_mb())
                app.quit()
    size = practice.size
    return [
        ratio_row(
            "start-up to first frame",
            size,
            median(times["app"]) * 1000,
            median(times["ref"]) * 1000,
            1.15,
            "ms",
        ),
        ratio_row("start-up peak RSS", size, median(memory["app"]), median(memory["ref"]), 1.25, "MB"),
    ]


def keystrokes(ctx: Context) -> list[Row]:
    """CPU per key over ``keys`` keys typed into 6 KB of notes: the live session vs a bare TextArea
    of the same size as its notes area.

    After the first run, which learns that size, the two run at once (one core each): CPU time does
    not count waiting for the other, and both see the same machine.
    """
    practice, env, settings = ctx.practice, ctx.env, ctx.settings
    app: list[float] = []
    ref: list[float] = []
    text_file = ctx.scratch / "notes.txt"
    size: list[int] | None = None
    for _ in range(ctx.runs):
        with practices.resumable_session(practice) as draft:
            text_file.write_text(draft.editor_text, encoding="utf-8")
            typing = Probe(
                "keys", env, app_name="coachtui", target=str(practice.data_dir), count=settings.keys
            )
            if size is None:
                typed = typing.result()
                size = typed["size"]
                bare = Probe(
                    "keys", env, app_name="bare", target=str(text_file), count=settings.keys, size=size
                )
            else:
                bare = Probe(
                    "keys", env, app_name="bare", target=str(text_file), count=settings.keys, size=size
                )
                typed = typing.result()
            app.append(typed["cpu_per_key"])
            ref.append(bare.result()["cpu_per_key"])
    name = f"keystroke CPU, notes of 6 KB ({settings.keys} keys)"
    return [ratio_row(name, practice.size, median(app) * 1000, median(ref) * 1000, 1.0, "ms/key")]


def paste(ctx: Context) -> list[Row]:
    """A paste sent as keystrokes (tmux paste-buffer without -p, some SSH and Windows terminals), into
    the live session's notes and into a bare TextArea of the same size: seconds until all of it is in.

    One run each, on the largest practice only (a paste does not grow with the practice, and the
    bare TextArea takes over a minute for 200 KB). Typed bursts are one edit in coachtui.
    """
    if not ctx.main:
        return []
    practice, env = ctx.practice, ctx.env
    rows = []
    text_file = ctx.scratch / "notes.txt"
    for kilobytes in ctx.settings.paste_kilobytes:
        with practices.resumable_session(practice) as draft:
            text_file.write_text(draft.editor_text, encoding="utf-8")
            typed = Probe(
                "paste", env, app_name="coachtui", target=str(practice.data_dir), kilobytes=kilobytes
            )
            result = typed.result()
        bare = probe(
            "paste", env, app_name="bare", target=str(text_file), kilobytes=kilobytes, size=result["size"]
        )
        name = f"paste of {kilobytes} KB sent as keys, until all in"
        rows.append(ratio_row(name, practice.size, result["seconds"], bare["seconds"], 0.5, "s"))
    return rows


def autosave(ctx: Context) -> list[Row]:
    """One ``save_draft`` of a live session in this practice vs in the 100-session one, interleaved."""
    practice, smallest = ctx.practice, ctx.smallest
    chosen = [practice] if practice.size == smallest.size else [practice, smallest]
    files = []
    for index, each in enumerate(chosen):
        file = ctx.scratch / f"draft-{index}.json"
        file.write_text(practices.live_draft(each).model_dump_json(), encoding="utf-8")
        files.append(str(file))
    result = probe(
        "autosave",
        ctx.env,
        data_dirs=[str(p.data_dir) for p in chosen],
        draft_files=files,
        saves=max(20, 8 * ctx.settings.runs),
    )
    value = result["seconds"][0] * 1000
    reference = result["seconds"][-1] * 1000
    name = f"autosave: one save of the live session (vs {smallest.size} sessions)"
    return [ratio_row(name, practice.size, value, reference, 1.1, "ms")]


def stall(ctx: Context) -> list[Row]:
    """Longest gap of a 5 ms ticker while the live session changes 4 times a second (F8 marks a
    question asked), each change followed by an autosave; the reference is the same ticker and key
    in a bare TextArea app."""
    practice, env = ctx.practice, ctx.env
    saving: list[float] = []
    quiet: list[float] = []
    text_file = ctx.scratch / "notes.txt"
    arguments: dict[str, Any] = {"seconds": ctx.settings.stall_seconds, "every": 0.25}
    for _ in range(ctx.runs):
        with practices.resumable_session(practice) as draft:
            text_file.write_text(draft.editor_text, encoding="utf-8")
            result = probe("stall", env, app_name="coachtui", target=str(practice.data_dir), **arguments)
        if result["saves"] < 2:
            raise RuntimeError(f"the stall probe saved only {result['saves']} times")
        saving.append(result["longest"] * 1000)
        quiet.append(
            probe("stall", env, app_name="bare", target=str(text_file), **arguments)["longest"] * 1000
        )
    name = "event-loop stall while autosaving (longest gap of a 5 ms tick)"
    return [ratio_row(name, practice.size, median(saving), median(quiet), 1.25, "ms")]


def idle(ctx: Context) -> list[Row]:
    """CPU % of the live session with its timer running vs a bare app with a 1-second clock, both
    running at once for the same ``idle_seconds``; the median of 3 such pairs on the largest size,
    2 on the others."""
    practice, env, settings = ctx.practice, ctx.env, ctx.settings
    app_cpu: list[float] = []
    ref_cpu: list[float] = []
    for _ in range(min(settings.runs, 3 if ctx.main else 2)):
        with (
            practices.resumable_session(practice) as draft,
            running(coachtui_command(practice.data_dir), env) as app,
        ):
            app.wait_for("Resume session")
            app.send(b"y")
            app.wait_for(f"session {draft.session.number}/")
            with running(reference_command("clock"), env) as ref:
                ref.wait_for("00:00:0")
                time.sleep(2.0)  # both past their start-up work: idle is what is measured
                cpu = (app.cpu_seconds(), ref.cpu_seconds())
                started = time.perf_counter()
                time.sleep(settings.idle_seconds)  # the measured span itself, not a wait for a condition
                spent = time.perf_counter() - started
                app_cpu.append(100 * (app.cpu_seconds() - cpu[0]) / spent)
                ref_cpu.append(100 * (ref.cpu_seconds() - cpu[1]) / spent)
                ref.quit()
            app.quit()
    name = f"idle CPU, live session with its timer ({settings.idle_seconds:g} s)"
    return [ratio_row(name, practice.size, median(app_cpu), median(ref_cpu), 1.05, "% CPU")]
