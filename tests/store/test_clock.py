"""Tests that the store takes its time from the clock it is given, never from the wall clock."""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path

import pytest

from coachtui.domain.models import Client
from coachtui.store import backups
from coachtui.store.repository import Repository
from tests.conftest import FakeClock
from tests.store.conftest import make_session

# Years away from today and from the other fixtures: only the injected clock can produce these names.
START = datetime(2031, 5, 6, 9, 15, 0)
STORE = Path(__file__).resolve().parents[2] / "coachtui" / "store"


def reopen(data_dir: Path, clock: FakeClock) -> None:
    with Repository.open(data_dir, clock=clock):
        pass


def test_backups_are_named_and_rotated_by_the_clocks_day(data_dir: Path) -> None:
    clock = FakeClock(START)
    with Repository.open(data_dir, clock=clock) as repo:
        repo.save_client(Client(name="Dana Ortiz"))
    practice = data_dir / "practice.json"
    reopen(data_dir, clock)
    assert [p.name for p in backups.list_backups(practice)] == ["practice.20310506-091500.json"]

    clock.advance(hours=5)
    reopen(data_dir, clock)
    assert len(backups.list_backups(practice)) == 1, "one backup per day of the clock"

    for _ in range(backups.KEEP + 2):
        clock.advance(days=1)
        reopen(data_dir, clock)
    names = [p.name for p in backups.list_backups(practice)]
    assert len(names) == backups.KEEP
    # The two oldest days went out of the rotation; the newest is the clock's day.
    assert names[0] == "practice.20310509-141500.json"
    assert names[-1] == "practice.20310515-141500.json"


def test_a_client_files_backup_is_dated_by_the_clock(data_dir: Path) -> None:
    clock = FakeClock(START)
    with Repository.open(data_dir, clock=clock) as repo:
        dana = Client(name="Dana Ortiz")
        repo.save_client(dana)
        repo.save_session(make_session(dana.id))
    clock.advance(days=3)
    with Repository.open(data_dir, clock=clock) as repo:
        repo.list_sessions(dana.id)
    client_file = data_dir / "clients" / f"{dana.id}.json"
    assert [p.name for p in backups.list_backups(client_file)] == [f"{dana.id}.20310509-091500.json"]


def test_an_open_session_is_never_saved_as_closed(data_dir: Path) -> None:
    """Closing (its end time included) is domain.live's: the store only saves a closed session."""
    with Repository.open(data_dir, clock=FakeClock(START)) as repo:
        dana = Client(name="Dana Ortiz")
        repo.save_client(dana)
        with pytest.raises(ValueError, match="only a closed session"):
            repo.close_session(make_session(dana.id), [])
        assert repo.list_sessions(dana.id) == []


def test_an_empty_plan_is_dated_by_the_clock(data_dir: Path) -> None:
    with Repository.open(data_dir, clock=FakeClock(START)) as repo:
        dana = Client(name="Dana Ortiz")
        repo.save_client(dana)
        assert repo.get_plan(dana.id).updated_at == START


def _wall_clock_calls(path: Path) -> list[str]:
    """Calls in ``path`` that read the wall clock: datetime.now(), date.today(), time.time(), now()..."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in {"now", "today", "utcnow", "time", "time_ns"}:
            owner = func.value.id if isinstance(func.value, ast.Name) else ""
            if owner in {"datetime", "date", "time", "models", "m"}:
                found.append(f"{path.name}:{node.lineno} {owner}.{func.attr}()")
        elif isinstance(func, ast.Name) and func.id in {"now", "today"}:
            found.append(f"{path.name}:{node.lineno} {func.id}()")
    return found


def test_no_store_module_reads_the_wall_clock() -> None:
    files = sorted(STORE.glob("*.py"))
    assert files
    assert [call for path in files for call in _wall_clock_calls(path)] == []
