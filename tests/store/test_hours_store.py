"""The hours log's settings and anonymous rows: stored in practice.json, read back from disk."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from coachtui.domain.models import Client, SessionStatus
from coachtui.domain.models.hours import AnonymousHours, HoursSettings, PriorYear
from coachtui.store.errors import ReadOnlyError, StoreError
from coachtui.store.hours import read_hours_log
from coachtui.store.repository import Repository
from tests.store.conftest import make_session


def test_settings_are_read_back_from_disk(repo: Repository, data_dir: Path) -> None:
    assert repo.hours_settings() == HoursSettings()
    settings = HoursSettings(
        training_started=date(2024, 3, 1), prior_years=[PriorYear(year=2024, paid_hours=12.5, clients=2)]
    )
    repo.save_hours_settings(settings)
    repo.close()
    with Repository.open(data_dir, read_only=True) as again:
        assert again.hours_settings() == settings
        # The keys say what they hold, for anyone reading practice.json.
        assert again.get_setting("coach_training_started") == "2024-03-01"
    with Repository.open(data_dir) as again:
        again.save_hours_settings(HoursSettings())
        assert again.get_setting("coach_training_started") is None
        assert again.get_setting("prior_hours") is None


def test_invalid_settings_are_named(repo: Repository) -> None:
    repo.set_setting("coach_training_started", "not a date")
    with pytest.raises(StoreError, match="hours log's settings"):
        repo.hours_settings()


def test_anonymous_rows_are_kept_and_counted(repo: Repository, data_dir: Path) -> None:
    row = AnonymousHours(start=date(2025, 9, 1), end=date(2025, 10, 1), pro_bono_hours=2.5, group_size=3)
    repo.add_anonymous_hours(row)
    repo.close()
    with Repository.open(data_dir, read_only=True) as again:
        assert again.list_anonymous_hours() == [row]
        log = read_hours_log(again, date(2026, 11, 23))
        assert (log.rows[0].client, log.pro_bono_hours, log.clients) == ("Client 1 (erased)", 2.5, 3)
        with pytest.raises(ReadOnlyError):
            again.add_anonymous_hours(row)


def test_the_log_reads_sessions_and_reflections(repo: Repository) -> None:
    client = Client(name="Dana Ortiz", consent_named_in_log=True)
    repo.save_client(client)
    session = make_session(client.id)  # T0 plus one week, 45 minutes
    session.ended_at = session.started_at + timedelta(minutes=45)
    session.status = SessionStatus.CLOSED
    repo.save_session(session)
    log = read_hours_log(repo, date(2026, 11, 23))
    assert [(r.client, r.paid_hours) for r in log.rows] == [("Dana Ortiz", 0.75)]


def test_the_log_is_read_from_headings_and_names_an_unreadable_client_file(tmp_path) -> None:
    """The log reads sessions without their notes, yet a broken client file is an error, not a gap."""
    import pytest as _pytest

    from coachtui.demo import build_demo_practice
    from coachtui.store.errors import StoreError
    from coachtui.store.hours import read_hours_log
    from coachtui.store.repository import Repository

    data = tmp_path / "demo"
    with Repository.open(data) as repo:
        build_demo_practice(repo)
        today = repo._clock().date()
        whole = read_hours_log(repo, today)
        dana = repo.find_client("dana")
    with Repository.open(data, read_only=True) as fresh:
        assert read_hours_log(fresh, today) == whole  # headings and payments give the same log
    (data / "clients" / f"{dana.id}.json").write_text("{ not json", encoding="utf-8")
    with Repository.open(data, read_only=True) as broken, _pytest.raises(StoreError, match=dana.id):
        read_hours_log(broken, today)
