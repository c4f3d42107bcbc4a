"""``coachtui hours``: the log as text and CSV, --since, and one clear line for each error."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from coachtui import cli_hours
from coachtui.cli import main
from coachtui.domain.models import Agreement, Client, Payment, Session, SessionStatus
from coachtui.domain.models.hours import HoursSettings, PriorYear
from coachtui.domain.models.session import Attendance
from coachtui.store.repository import Repository

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_hours, "today", lambda: TODAY)


def held(client: Client, number: int, day: date, minutes: int, **fields: object) -> Session:
    start = datetime(day.year, day.month, day.day, 10)
    end = start + timedelta(minutes=minutes)
    return Session(
        client_id=client.id,
        number=number,
        started_at=start,
        ended_at=end,
        status=SessionStatus.CLOSED,
        **fields,
    )  # type: ignore[arg-type]


@pytest.fixture
def practice(data_dir: Path) -> Path:
    dana = Client(name="Dana Ortiz", email="dana@example.org", consent_named_in_log=True)
    sam = Client(name="Sam Okafor", agreement=Agreement(payment=Payment.PRO_BONO))
    with Repository.open(data_dir) as repo:
        for client in (dana, sam):
            repo.save_client(client)
        repo.save_sessions(
            dana.id, [held(dana, 1, date(2025, 3, 3), 60), held(dana, 2, date(2026, 6, 1), 30)]
        )
        repo.save_sessions(
            sam.id,
            [
                held(sam, 1, date(2026, 7, 1), 45),
                held(sam, 2, date(2026, 8, 1), 60, attendance=Attendance.NO_SHOW),
            ],
        )
        repo.save_hours_settings(
            HoursSettings(training_started=date(2025, 1, 1), prior_years=[PriorYear(year=2025, paid_hours=2)])
        )
    return data_dir


def test_the_text_log(practice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(practice), "hours"]) == 0
    out = capsys.readouterr().out
    assert "counted from 01 Jan 2025" in out
    assert "Dana Ortiz" in out and "Sam" not in out and "Client 2 (name withheld)" in out
    # Dana 1 + 0.5 paid, prior 2 paid; Sam 0.75 pro bono (his no-show does not count): 4.25 in all.
    assert "Total: 4.25 h (3.50 paid, 0.75 pro bono), 2 clients" in out
    # Recent: Dana 0.5 + Sam 0.75 (March 2025 is before 23 May 2025; all of 2025 is not in the window).
    assert "1.25 h since 23 May 2025" in out
    assert "ACC: not yet" in out and "4.25 / 100  not yet" in out


def test_the_csv_log(practice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(practice), "hours", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["Client", "Contact", "Individual or group"]
    assert rows[1] == [
        "Dana Ortiz",
        "dana@example.org",
        "individual",
        "1",
        "2025-03-03",
        "2026-06-01",
        "1.50",
        "0.00",
    ]
    assert rows[2] == [
        "Client 2 (name withheld)",
        "withheld",
        "individual",
        "1",
        "2026-07-01",
        "2026-07-01",
        "0.00",
        "0.75",
    ]
    assert rows[3][4:] == ["2025-01-01", "2025-12-31", "2.00", "0.00"]


def test_since_counts_from_a_day(practice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(practice), "hours", "--csv", "--since", "2026-01-01"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    # Dana's March 2025 session and the 2025 prior total are before it.
    assert [r[0] for r in rows[1:]] == ["Dana Ortiz", "Client 2 (name withheld)"]
    assert rows[1][4:] == ["2026-06-01", "2026-06-01", "0.50", "0.00"]


@pytest.mark.parametrize(
    ("since", "message"),
    [("12/01", "either way round"), ("2026-02-30", "as a date"), ("2027-01-01", "after today")],
)
def test_a_bad_since_is_one_line(
    practice: Path, capsys: pytest.CaptureFixture[str], since: str, message: str
) -> None:
    assert main(["--data-dir", str(practice), "hours", "--since", since]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("coachtui hours: --since")
    assert message in captured.err


def test_no_practice_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "hours"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds no practice yet" in err
    assert not (tmp_path / "none").exists()  # read-only: nothing created


def test_it_works_while_the_app_holds_the_folder(practice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Repository.open(practice):  # the app's lock
        assert main(["--data-dir", str(practice), "hours"]) == 0
    assert "Dana Ortiz" in capsys.readouterr().out


def test_a_broken_practice_is_one_line(practice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (practice / "practice.json").write_text("{not json")
    assert main(["--data-dir", str(practice), "hours"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "practice.json" in err


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["hours", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--csv" in out and "--since" in out and "training start" in out
