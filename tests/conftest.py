"""Shared fixtures: every data and config folder in tmp_path, a fixed clock, and the app factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from coachtui.config import Settings
from coachtui.domain.models import Client
from coachtui.store.repository import Repository

FIXED_NOW = datetime(2026, 11, 23, 10, 0, 0)

# Property tests try the same examples on every run: a suite that passes must pass every time.
# A new counter-example is found by a developer running `pytest --hypothesis-seed=random`.
hypothesis_settings.register_profile("coachtui", derandomize=True, database=None, deadline=None)
hypothesis_settings.load_profile("coachtui")


class FakeClock:
    """A clock the test moves by hand, so timers and snapshots are repeatable."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own data and config out of every test."""
    monkeypatch.setenv("COACHTUI_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("COACHTUI_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(autouse=True)
def _keep_the_exception_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """coachtui.cli.main() installs coachtui.crash's hooks; every test gets the process's own back."""
    import sys
    import threading

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def repo(data_dir: Path) -> Iterator[Repository]:
    repository = Repository.open(data_dir)
    yield repository
    repository.close()


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def make_app(settings: Settings, repo: Repository, clock: FakeClock) -> Callable[[], object]:
    from coachtui.ui.app import make_app as factory

    return lambda: factory(settings, repo, clock)


@pytest.fixture
def dana(repo: Repository) -> Client:
    client = Client(name="Dana Ortiz", email="dana@example.org")
    repo.save_client(client)
    return client
