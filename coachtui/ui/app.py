"""Provides the coachtui app: navigation, global keys, the command palette, and flushing saves on exit."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol, runtime_checkable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen, Screen

from coachtui.config import Settings
from coachtui.crash import CrashSafeApp
from coachtui.domain.models import now
from coachtui.store.errors import ReadOnlyError, StoreError
from coachtui.store.repository import Repository
from coachtui.ui.home.home import HomeScreen
from coachtui.ui.keys import KeyRouter
from coachtui.ui.live.navigation import LiveNavigation
from coachtui.ui.palette_providers import COACH_PROVIDERS
from coachtui.ui.review.navigation import ReviewNavigation
from coachtui.ui.seam import Clock
from coachtui.ui.styles import style

# The first frame is the home screen: every other screen is imported when it is first opened (each
# import here is paid by every start, before anything is drawn).


@runtime_checkable
class SavesOnExit(Protocol):
    """A screen with unsaved state: the app calls `save_now()` before leaving it and before exit."""

    def save_now(self) -> None: ...


class CoachApp(CrashSafeApp, LiveNavigation, ReviewNavigation, App[None]):
    """The coach's companion: home, live session, reflection, plan and review screens."""

    TITLE = "coachtui"
    CSS_PATH = style("app")
    COMMANDS = App.COMMANDS | COACH_PROVIDERS
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Every key on this screen"),
        # Not priority: in a text field (the notes, a form, the journal's own search) "/" is typed.
        Binding(
            "slash",
            "app.search",
            "Search",
            id="app.search",
            show=False,
            tooltip="Search every note, action, review and reflection",
        ),
        # priority: a dialog ends the binding chain at itself, so an ordinary ctrl+q would not quit from one.
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Save everything and quit"),
    ]

    def __init__(self, settings: Settings, repository: Repository, clock: Clock = now) -> None:
        super().__init__()
        self.settings = settings
        self.repository = repository
        self.clock = clock
        self.theme = settings.theme if settings.theme in self.available_themes else "textual-dark"
        self.keys = KeyRouter(self, super().on_event)

    async def on_event(self, event: events.Event) -> None:
        # Keys and pastes from the terminal go through the router, in order; see ui/keys.py.
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            await self.keys.accept(event)
        else:
            await super().on_event(event)

    def today(self) -> date:
        return self.clock().date()

    def format_title(self, title: str, sub_title: str) -> Content:
        # coachtui --read-only: every screen's header says so.
        read_only = " · read-only" if self.repository.read_only else ""
        return super().format_title(title, f"{sub_title}{read_only}".removeprefix(" · "))

    def refused_read_only(self) -> bool:
        """In a read-only app (coachtui --read-only), say that nothing can be saved and return True."""
        if self.repository.read_only:
            self.notify(str(ReadOnlyError(self.repository.data_dir)), title="Read-only", severity="warning")
        return self.repository.read_only

    def on_mount(self) -> None:
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self._install_signal_handlers()
        self.push_screen(HomeScreen())

    def _install_signal_handlers(self) -> None:
        # A closed terminal window sends SIGHUP; a shutdown sends SIGTERM. Save synchronously, then leave.
        for signum in (signal.SIGHUP, signal.SIGTERM):
            try:
                signal.signal(signum, self._on_terminate_signal)
            except (ValueError, OSError):
                return  # not in the main thread (some test runners): nothing to install

    def _on_terminate_signal(self, signum: int, frame: object) -> None:
        self.save_everything()
        self.call_later(self.exit)
        # If the loop cannot run any more (terminal gone), leave now: everything is saved.
        raise SystemExit(128 + signum)

    def save_everything(self) -> list[str]:
        """Save every screen on the stack that holds unsaved state, synchronously; return the failures."""
        failures: list[str] = []
        for screen in reversed(self.screen_stack):
            if isinstance(screen, SavesOnExit):
                try:
                    screen.save_now()
                except (StoreError, OSError) as error:
                    failures.append(str(error))
        return failures

    async def action_quit(self) -> None:
        failures = self.save_everything()
        if not failures:
            self.exit()
            return

        def decide(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        from coachtui.ui.shared.confirm import ConfirmScreen

        self.push_screen(
            ConfirmScreen(
                "Your latest notes could not be saved. Quit anyway?",
                f"{failures[0]}\n\nPress n to stay: coachtui keeps retrying, and nothing typed is lost while it runs.",
                yes="Quit and lose the unsaved notes",
                no="Stay",
            ),
            decide,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A dialog is answered or closed first; "/" there never leaves it for the search.
        return not (action == "search" and isinstance(self.screen, ModalScreen))

    def action_search(self) -> None:
        self.open_search()

    def action_help(self) -> None:
        from coachtui.ui.shared.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen, self.screen.title or self.title))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from coachtui.ui.shared.help import binding_rows

        yield from super().get_system_commands(screen)
        # Every key of the current screen is also a command, for the terminal that swallows its key.
        for row in binding_rows(screen):
            if not row.binding_id:
                continue  # the focused widget's own keys (cursor moves): not commands
            detail = f"{row.detail} · key {row.key}" if row.detail else f"Same as pressing {row.key}"
            yield SystemCommand(f"{row.description} ({row.key})", detail, _runner(screen, row.action))

    # --- navigation: screens ask the app to go somewhere ----------------------------------

    def new_client(self) -> None:
        from coachtui.ui.home.client_form import ClientFormScreen

        if self.refused_read_only():
            return
        self.push_screen(ClientFormScreen(None))

    def edit_client(self, client_id: str) -> None:
        from coachtui.ui.home.client_form import ClientFormScreen

        if self.refused_read_only():
            return
        self.push_screen(ClientFormScreen(self.repository.get_client(client_id)))

    def open_plan(self, client_id: str) -> None:
        from coachtui.ui.plan.plan_editor import PlanEditorScreen  # on first use: start-up draws home only

        try:
            screen = PlanEditorScreen.load(self.repository, client_id)
        except StoreError as error:
            self.notify(str(error), title="Plan not opened", severity="error", timeout=15)
            return
        self.push_screen(screen)

    # --- reflections and the CPD journal --------------------------------------------------

    def open_reflection(self, client_id: str, session_id: str) -> None:
        """The reflection on a session: a new one prefilled from the session, or the saved one to edit."""
        from coachtui.ui.reflection.reflection import ReflectionScreen

        try:
            screen = ReflectionScreen.load(self.repository, client_id, session_id)
        except StoreError as error:
            self.notify(str(error), title="Cannot open the reflection", severity="error", timeout=10)
            return
        self.push_screen(screen)

    def open_journal(self) -> None:
        """The CPD journal: every reflection across clients."""
        from coachtui.ui.reflection.journal import JournalScreen

        self.push_screen(JournalScreen())

    def refresh_home(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_clients()


def _runner(screen: Screen, action: str) -> Callable[[], object]:
    async def run() -> None:
        await screen.run_action(action)

    return run


def make_app(settings: Settings, repository: Repository, clock: Clock = now) -> CoachApp:
    """The one factory the CLI and the tests use."""
    return CoachApp(settings, repository, clock)
