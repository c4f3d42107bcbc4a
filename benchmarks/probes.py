"""Provides the measurements that run inside a fresh process: ``python -m benchmarks.probes NAME ARGS``.

Each probe prints one JSON object on its last line of output. The benchmark starts one process per
probe so that every figure comes from a cold interpreter, as a coach's would, and so that one
measurement's memory or threads never leak into the next.

- ``keys``: CPU per keystroke typed into the live session's notes (or a bare TextArea), headless.
- ``open``: from the key on the home screen to the rendered plan editor of a client (or a bare screen).
- ``stall``: the longest gap of a 5 ms asyncio ticker while the live session autosaves (or in a bare app).
- ``autosave``: the time of one ``Repository.save_draft``, in two practices, interleaved.
- ``search``: ``Repository.search_notes`` from a freshly opened repository to the first screen of hits.
- ``index``: building the search index from scratch.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import date
from importlib import import_module
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable

SCREEN = (120, 40)
TICK = 0.005

_CHARACTERS = {" ": "space", ",": "comma", ".": "full_stop", "\n": "enter"}


def typing(count: int) -> list[tuple[str, str]]:
    """``count`` keys of plain note-taking: words, commas, full stops and a new line now and then."""
    text = (
        "She wants to speak up earlier in the meeting, not after it. "
        "Tried it twice this week and felt the difference.\n"
        "Next step is to ask for the agenda a day ahead, so the nerves have less room.\n"
    )
    keys: list[tuple[str, str]] = []
    while len(keys) < count:
        for char in text:
            keys.append((_CHARACTERS.get(char, char), "\r" if char == "\n" else char))
    return keys[:count]


async def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = perf_counter() + timeout
    while not condition():
        if perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.002)


async def _press(app: App[Any], key: str, character: str | None, target: Widget) -> None:
    """Send one key the way Pilot does, then wait until the screen has been refreshed after it."""
    event = events.Key(key, character)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)
    await target.wait_for_refresh()


async def _type(app: App[Any], target: Widget, keys: Sequence[tuple[str, str]]) -> float:
    """CPU seconds (all threads, so autosave workers too) per key over ``keys``."""
    await asyncio.sleep(0.3)  # let start-up work settle
    started = process_time()
    for key, character in keys:
        await _press(app, key, character, target)
    return (process_time() - started) / len(keys)


# --- coachtui and its references -------------------------------------------------------------


def _open_repository(data_dir: str) -> Any:
    from coachtui.store.repository import Repository

    return Repository.open(Path(data_dir))


def _coachtui(repository: Any) -> App[Any]:
    """The app as the command line makes it (``coachtui.cli``), to run headless."""
    from coachtui.config import load_settings
    from coachtui.ui.app import make_app
    from coachtui.ui.live.collector import freeze_startup

    app = make_app(load_settings(), repository)
    freeze_startup()
    return app


async def _resume_live_session(app: App[Any]) -> Widget:
    """Answer the start-up offer to resume the live session left in the folder; return its notes."""
    from coachtui.ui.live.live_session import LiveSessionScreen
    from coachtui.ui.shared.confirm import ConfirmScreen

    await _until(lambda: isinstance(app.screen, ConfirmScreen))
    await _press(app, "y", "y", app.screen)
    await _until(lambda: isinstance(app.screen, LiveSessionScreen) and bool(app.screen.query("#notes")))
    notes = app.screen.query_one("#notes")
    await _until(lambda: notes.has_focus)
    return notes


async def keys_probe(app_name: str, target: str, count: int, size: list[int] | None = None) -> dict[str, Any]:
    """``target`` is the data folder (coachtui, with a live session to resume) or the text file (bare,
    its TextArea ``size`` columns by lines). Returns the CPU per key and the notes' size."""
    keys = typing(count)
    if app_name == "bare":
        from benchmarks.reference_apps import BareNotes

        text = Path(target).read_text(encoding="utf-8")
        app: App[Any] = BareNotes(text, (size[0], size[1]) if size else None)
        async with app.run_test(size=SCREEN):
            notes = app.query_one("#notes")
            await _until(lambda: notes.has_focus)
            return {"cpu_per_key": await _type(app, notes, keys), "size": list(notes.size)}
    repository = _open_repository(target)
    try:
        app = _coachtui(repository)
        async with app.run_test(size=SCREEN):
            notes = await _resume_live_session(app)
            return {"cpu_per_key": await _type(app, notes, keys), "size": list(notes.size)}
    finally:
        repository.close()


def pasted_text(kilobytes: int) -> str:
    """About ``kilobytes`` of notes text, ending in a line no note has: what a paste sends as keys."""
    line = "Pasted from the client's email: what worked, what did not, and what she wants next.\n"
    return line * (kilobytes * 1024 // len(line)) + "END-OF-PASTE"


async def paste_probe(
    app_name: str, target: str, kilobytes: int, size: list[int] | None = None
) -> dict[str, Any]:
    """Seconds (wall and CPU) to absorb a paste that the terminal sends as keystrokes: every key of
    ``kilobytes`` of text queued at once, until the notes hold all of it."""
    text = pasted_text(kilobytes)
    keys = [(_CHARACTERS.get(char, char), "\r" if char == "\n" else char) for char in text]
    if app_name == "bare":
        from benchmarks.reference_apps import BareNotes

        app: App[Any] = BareNotes(
            Path(target).read_text(encoding="utf-8"), (size[0], size[1]) if size else None
        )
        async with app.run_test(size=SCREEN):
            notes = app.query_one("#notes")
            await _until(lambda: notes.has_focus)
            return await _paste(app, notes, keys)
    repository = _open_repository(target)
    try:
        app = _coachtui(repository)
        async with app.run_test(size=SCREEN):
            notes = await _resume_live_session(app)
            return await _paste(app, notes, keys)
    finally:
        repository.close()


async def _paste(app: App[Any], notes: Widget, keys: Sequence[tuple[str, str]]) -> dict[str, Any]:
    await asyncio.sleep(0.3)  # let start-up work settle
    assert app._driver is not None
    started, cpu = perf_counter(), process_time()
    for key, character in keys:
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
    await _until(lambda: str(getattr(notes, "text", "")).endswith("END-OF-PASTE"), timeout=900)
    await notes.wait_for_refresh()
    return {"seconds": perf_counter() - started, "cpu": process_time() - cpu, "size": list(notes.size)}


@asynccontextmanager
async def coachtui_at_home(data_dir: str, client_id: str = "") -> AsyncIterator[App[Any]]:
    """coachtui headless on ``data_dir``, on its home screen, ``client_id`` highlighted if given."""
    from coachtui.ui.home.client_list import ClientList
    from coachtui.ui.home.home import HomeScreen

    repository = _open_repository(data_dir)
    try:
        app = _coachtui(repository)
        async with app.run_test(size=SCREEN):
            await _until(lambda: isinstance(app.screen, HomeScreen))
            if client_id:
                clients = app.screen.query_one(ClientList)
                clients.select_client(client_id)
                await _until(lambda: clients.selected_client_id == client_id)
            yield app
    finally:
        repository.close()


async def bare_open() -> dict[str, Any]:
    """The reference of opening a client: p on the bare home screen to a pushed 200-row table, drawn."""
    from benchmarks.reference_apps import BareClientScreen, BareHome

    app: App[Any] = BareHome(100)
    async with app.run_test(size=SCREEN):
        await _until(lambda: app.screen.query_one(DataTable).row_count == 100)
        return {"seconds": await _open(app, lambda: isinstance(app.screen, BareClientScreen))}


async def open_probe(app_name: str, data_dir: str, client_id: str) -> dict[str, Any]:
    """Seconds from pressing p on the home screen (client selected) to the next screen's first refresh."""
    if app_name == "bare":
        return await bare_open()
    async with coachtui_at_home(data_dir, client_id) as app:
        return {"seconds": await _open(app, lambda: type(app.screen).__name__ == "PlanEditorScreen")}


async def charts_probe(app_name: str, data_dir: str, client_id: str, texts: int = 0) -> dict[str, Any]:
    """Seconds from g on the home screen (client selected) to the progress charts' first refresh.

    The bare app pushes a page of ``texts`` plain texts: as many as the charts' page has widgets,
    which the coachtui run returns.
    """
    if app_name == "bare":
        from benchmarks.reference_apps import BareHome, BareTextsScreen

        app: App[Any] = BareHome(100, texts)
        async with app.run_test(size=SCREEN):
            await _until(lambda: app.screen.query_one(DataTable).row_count == 100)
            return {"seconds": await _open(app, lambda: isinstance(app.screen, BareTextsScreen), "g")}
    async with coachtui_at_home(data_dir, client_id) as app:

        def opened() -> bool:
            # The page is mounted in on_mount; the hint is written last.
            screen = app.screen
            return type(screen).__name__ == "ClientProgressScreen" and bool(
                screen.query("#progress-hint") and str(screen.query_one("#progress-hint").render())
            )

        seconds = await _open(app, opened, "g")
        return {"seconds": seconds, "texts": len(app.screen.query_one("#progress-body").children)}


async def _open(app: App[Any], opened: Callable[[], bool], key: str = "p") -> float:
    await asyncio.sleep(0.3)
    started = perf_counter()
    await _press(app, key, key, app.screen)
    await _until(opened)
    pushed = perf_counter()
    await app.screen.wait_for_refresh()
    seconds = perf_counter() - started
    if os.environ.get("BENCH_VERBOSE"):
        print(f"pushed after {pushed - started:.3f} s", file=sys.stderr)
    # Untimed: let the new screen finish what it queued on mount (a sub-title, a worker's result)
    # before the probe leaves and the app shuts down; a callback left for the shutdown finds its
    # widgets gone (Header's title watcher raised NoMatches once, failing the run).
    await app.workers.wait_for_complete()
    await Pilot(app).pause()
    return seconds


async def stall_probe(
    app_name: str, target: str, seconds: float, every: float, size: list[int] | None = None
) -> dict[str, Any]:
    """Longest ticker gap while F8 (mark the question asked) is pressed every ``every`` seconds.

    In coachtui each press changes the session and, with the shortest autosave delay (0.2 s, a
    setting), is followed by a real autosave: the snapshot on the loop, the write in a thread.
    ``target`` is the data folder. ``bare`` presses the same key (which does nothing there) in a
    bare TextArea holding the text file ``target``: the ticker's own floor.
    """
    if app_name == "bare":
        from benchmarks.reference_apps import BareNotes

        text = Path(target).read_text(encoding="utf-8")
        app: App[Any] = BareNotes(text, (size[0], size[1]) if size else None)
        async with app.run_test(size=SCREEN):
            notes = app.query_one("#notes")
            await _until(lambda: notes.has_focus)
            await asyncio.sleep(0.5)
            return {"longest": await _ticking(lambda: _press_every(app, notes, every, seconds)), "saves": 0}
    os.environ["COACHTUI_AUTOSAVE_SECONDS"] = "0.2"
    repository = _open_repository(target)
    saves = 0
    save_draft = repository.save_draft

    def counted(draft: Any) -> None:
        nonlocal saves
        save_draft(draft)
        saves += 1

    repository.save_draft = counted
    try:
        app = _coachtui(repository)
        async with app.run_test(size=SCREEN):
            notes = await _resume_live_session(app)
            await asyncio.sleep(0.5)
            before = saves
            longest = await _ticking(lambda: _press_every(app, notes, every, seconds))
            await asyncio.sleep(0.3)
            return {"longest": longest, "saves": saves - before}
    finally:
        repository.close()


async def _press_every(app: App[Any], target: Widget, every: float, seconds: float) -> None:
    deadline = perf_counter() + seconds
    while perf_counter() < deadline:
        await _press(app, "f8", None, target)
        await asyncio.sleep(every)


async def _ticking(work: Callable[[], Awaitable[None]]) -> float:
    """Run ``work`` while a 5 ms ticker runs in the same event loop; return its longest gap (s)."""
    longest = 0.0
    running = True

    async def ticker() -> None:
        nonlocal longest
        last = perf_counter()
        while running:
            await asyncio.sleep(TICK)
            moment = perf_counter()
            longest = max(longest, moment - last)
            last = moment

    task = asyncio.create_task(ticker())
    try:
        await work()
    finally:
        running = False
        await task
    return longest


def autosave_probe(data_dirs: Sequence[str], draft_files: Sequence[str], saves: int) -> dict[str, Any]:
    """Median seconds of one ``save_draft`` in each folder, saves interleaved so both see the same disk."""
    from coachtui.domain.models import LiveDraft, now

    repositories = [_open_repository(folder) for folder in data_dirs]
    drafts = [LiveDraft.model_validate_json(Path(file).read_text(encoding="utf-8")) for file in draft_files]
    timings: list[list[float]] = [[] for _ in repositories]
    try:
        for round_ in range(saves + 2):
            for index, (repository, draft) in enumerate(zip(repositories, drafts, strict=True)):
                draft = draft.model_copy(
                    update={"editor_text": draft.editor_text + "x" * round_, "saved_at": now()}
                )
                started = perf_counter()
                repository.save_draft(draft)
                if round_ >= 2:  # the first saves create the drafts folder entries
                    timings[index].append(perf_counter() - started)
        for repository, draft in zip(repositories, drafts, strict=True):
            repository.discard_draft(draft.session.id)
    finally:
        for repository in repositories:
            repository.close()
    return {"seconds": [statistics.median(t) for t in timings]}


def search_probe(data_dir: str, query: str, limit: int, runs: int) -> dict[str, Any]:
    """Seconds of ``Repository.search`` for ``query`` as typed in the search box, in a freshly opened
    repository (index already built), per run."""
    from coachtui.domain.search_query import parse_query

    # Imported before the clock, as the paperwork probes import theirs: in the app, the search screen
    # has imported them (and brought the index up to date) before the first keystroke. sqlite3 and
    # the index module are the store's lazy imports (start-up does not pay for them).
    import_module("coachtui.store.search")
    timings = []
    hits = 0
    for _ in range(runs):
        repository = _open_repository(data_dir)
        try:
            started = perf_counter()
            hits = len(repository.search(parse_query(query, date.today()), limit=limit))
            timings.append(perf_counter() - started)
        finally:
            repository.close()
    return {"seconds": timings, "hits": hits}


def index_probe(data_dir: str) -> dict[str, Any]:
    """Seconds to build the search index from nothing (it is deleted first)."""
    from coachtui.store.search import INDEX_DIR, INDEX_FILE

    for suffix in ("", "-journal"):
        Path(data_dir, INDEX_DIR, INDEX_FILE + suffix).unlink(missing_ok=True)
    repository = _open_repository(data_dir)
    try:
        started = perf_counter()
        files = repository.refresh_search_index()
        return {"seconds": perf_counter() - started, "files": files}
    finally:
        repository.close()


def main(argv: Sequence[str]) -> None:
    from benchmarks.review_probes import history_probe, record_probe, typing_probe

    name, raw = argv[0], json.loads(argv[1])
    probes: dict[str, Callable[..., Any]] = {
        "history": history_probe,
        "record": record_probe,
        "typing": typing_probe,
        "keys": keys_probe,
        "paste": paste_probe,
        "open": open_probe,
        "charts": charts_probe,
        "stall": stall_probe,
        "autosave": autosave_probe,
        "search": search_probe,
        "index": index_probe,
    }
    result = probes[name](**raw)
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
