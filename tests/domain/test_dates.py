"""Provides tests of due dates as coaches type them: phrases, the ISO round-trip, clear refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachtui.domain.dates import DateParseError, add_months, format_due, parse_date

WED = date(2026, 11, 25)  # a Wednesday
FRI = date(2026, 11, 27)
SUN = date(2026, 11, 29)

CASES = [
    ("2026-12-01", WED, date(2026, 12, 1)),
    ("  2026-12-01 ", WED, date(2026, 12, 1)),
    ("2026-1-5", WED, date(2026, 1, 5)),
    ("today", WED, WED),
    ("TODAY", WED, WED),
    ("tomorrow", WED, date(2026, 11, 26)),
    ("tmrw", WED, date(2026, 11, 26)),
    ("fri", WED, FRI),
    ("Friday", WED, FRI),
    ("  FRI  ", WED, FRI),
    ("on fri", WED, FRI),
    ("mon", WED, date(2026, 11, 30)),
    ("wed", WED, date(2026, 12, 2)),  # strictly after today: a week from today
    ("this wed", WED, WED),
    ("this fri", WED, FRI),
    ("thurs", WED, date(2026, 11, 26)),
    ("tues", WED, date(2026, 12, 1)),
    ("next fri", WED, date(2026, 12, 4)),  # the Friday of next week
    ("next  Friday", WED, date(2026, 12, 4)),
    ("next mon", WED, date(2026, 11, 30)),
    ("next wed", WED, date(2026, 12, 2)),
    ("fri", FRI, date(2026, 12, 4)),  # on a Friday, "fri" is next week's Friday
    ("this fri", FRI, FRI),
    ("next fri", FRI, date(2026, 12, 4)),
    ("next fri", SUN, date(2026, 12, 4)),
    ("fri", SUN, date(2026, 12, 4)),
    ("+3d", WED, date(2026, 11, 28)),
    ("3d", WED, date(2026, 11, 28)),
    ("+ 3 d", WED, date(2026, 11, 28)),
    ("in 3 days", WED, date(2026, 11, 28)),
    ("In   3   Days", WED, date(2026, 11, 28)),
    ("3 days", WED, date(2026, 11, 28)),
    ("+1 day", WED, date(2026, 11, 26)),
    ("+0d", WED, WED),
    ("+2w", WED, date(2026, 12, 9)),
    ("in 2 weeks", WED, date(2026, 12, 9)),
    ("in a week", WED, date(2026, 12, 2)),
    ("+1m", WED, date(2026, 12, 25)),
    ("in a month", WED, date(2026, 12, 25)),
    ("+3m", WED, date(2027, 2, 25)),
    ("+1m", date(2026, 1, 31), date(2026, 2, 28)),  # clamped to the month's end
    ("+1m", date(2024, 1, 31), date(2024, 2, 29)),
    ("+1y", WED, date(2027, 11, 25)),
    ("next week", WED, date(2026, 11, 30)),
    ("next week", SUN, date(2026, 11, 30)),
    ("next month", WED, date(2026, 12, 1)),
    ("end of month", WED, date(2026, 11, 30)),
    ("eom", WED, date(2026, 11, 30)),
    ("EOM", date(2028, 2, 10), date(2028, 2, 29)),
    ("eom", date(2026, 11, 30), date(2026, 11, 30)),
    ("end of week", WED, FRI),
    ("eow", FRI, FRI),
    ("eow", date(2026, 11, 28), date(2026, 12, 4)),
    ("27 nov", WED, FRI),
    ("nov 27", WED, FRI),
    ("27th November", WED, FRI),
    ("25 nov", WED, WED),
    ("24 nov", WED, date(2027, 11, 24)),  # already past this year: next year
    ("jan 5", WED, date(2027, 1, 5)),
    ("dec 1st", WED, date(2026, 12, 1)),
    ("1 dec 2027", WED, date(2027, 12, 1)),
    ("Dec 1, 2027", WED, date(2027, 12, 1)),
    ("29 feb", date(2026, 3, 1), date(2028, 2, 29)),
]


@pytest.mark.parametrize(("text", "today", "expected"), CASES)
def test_phrases(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today) == expected


def test_weekday_is_never_today_and_within_a_week() -> None:
    for offset in range(7):
        today = WED + timedelta(days=offset)
        for name in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
            found = parse_date(name, today)
            assert 1 <= (found - today).days <= 7
            assert found.strftime("%a").lower() == name


def test_fryday_message_is_clear() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("fryday", WED)
    assert str(caught.value) == 'Can\'t read "fryday" as a date. Try fri, +3d, next week or 2026-12-01.'
    assert caught.value.text == "fryday"


@pytest.mark.parametrize("text", ["12/01", "12/01/2026", "1.12.2026", "01/12"])
def test_slashed_dates_are_refused_as_ambiguous(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, WED)
    message = str(caught.value)
    assert f'"{text}"' in message
    assert "2026-12-01" in message
    assert "either way round" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2026-02-30", "no such day"),
        ("31 feb 2027", "no day 31"),
        ("-1d", "past"),
        ("+9999y", "too far"),
        ("next", "Try fri"),
        ("+3x", "Try fri"),
        ("3", "Try fri"),
        ("aday", "Try fri"),
        ("fri 2026", "Try fri"),
    ],
)
def test_refusals_say_why(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError, match=fragment) as caught:
        parse_date(text, WED)
    assert f'"{text}"' in str(caught.value)


def test_empty_input() -> None:
    with pytest.raises(DateParseError, match="No date given"):
        parse_date("   ", WED)


def test_long_paste_is_quoted_shortened() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("x" * 10_000, WED)
    assert len(str(caught.value)) < 120
    assert "…" in str(caught.value)


def test_error_is_a_value_error() -> None:
    assert issubclass(DateParseError, ValueError)


@given(st.dates())
def test_iso_round_trip(day: date) -> None:
    assert parse_date(day.isoformat(), WED) == day
    assert parse_date(f"  {day.isoformat()}  ", day) == day


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 3000))
def test_day_offsets(today: date, days: int) -> None:
    assert parse_date(f"+{days}d", today) == today + timedelta(days=days)
    assert parse_date(f"in {days} days", today) == today + timedelta(days=days)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 120))
def test_month_offsets_clamp(today: date, months: int) -> None:
    found = parse_date(f"+{months}m", today)
    assert (found.year * 12 + found.month) - (today.year * 12 + today.month) == months
    assert found.day == today.day or (found.day < today.day and (found + timedelta(days=1)).day == 1)


# Garbage that no phrase can match: contains a "q" (no keyword has one), or only punctuation.
GARBAGE = st.one_of(
    st.from_regex(r"\A[a-z ]{0,12}q[a-z ]{0,12}\Z"),
    st.text(alphabet="!@#$%^&*()_=[]{};:'\"<>?|`~,", min_size=1, max_size=20),
)


@given(GARBAGE)
def test_garbage_raises_with_input_quoted(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, WED)
    assert f'"{text.strip()}"' in str(caught.value)


@given(st.text(max_size=30))
def test_any_text_gives_a_date_or_a_clear_error(text: str) -> None:
    try:
        parse_date(text, WED)
    except DateParseError as error:
        assert str(error)
        if text.strip():
            assert f'"{text.strip()}' in str(error)


def test_add_months() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 1, 15), -13) == date(2024, 12, 15)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (WED, "today"),
        (date(2026, 11, 26), "tomorrow"),
        (FRI, "Fri 27 Nov"),
        (date(2026, 12, 4), "Fri 4 Dec"),
        (date(2027, 1, 5), "Tue 5 Jan"),
        (date(2027, 12, 1), "1 Dec 2027"),
        (date(2026, 11, 24), "overdue 1d"),
        (date(2026, 11, 22), "overdue 3d"),
        (date(2026, 11, 4), "overdue 3w"),
        (date(2026, 6, 1), "overdue 5mo"),
    ],
)
def test_format_due(day: date, expected: str) -> None:
    assert format_due(day, WED) == expected


@given(st.dates(), st.dates())
def test_format_due_is_short_and_flags_overdue(day: date, today: date) -> None:
    shown = format_due(day, today)
    assert 0 < len(shown) <= 16
    assert shown.startswith("overdue") == (day < today)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/12", date(2026, 12, 31)),
        ("12/31", date(2026, 12, 31)),
        ("5/5", date(2027, 5, 5)),
        ("31.12.2027", date(2027, 12, 31)),
        ("2026/12/24", date(2026, 12, 24)),
    ],
)
def test_a_numeric_date_that_reads_one_way_only_is_taken(text: str, expected: date) -> None:
    assert parse_date(text, date(2026, 12, 1)) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("31/02", "Feb has no day 31"),
        ("13/14", "neither number can be a month"),
        ("31/12/27", "year in full"),
    ],
)
def test_a_numeric_date_that_cannot_be_gets_the_real_reason(text: str, why: str) -> None:
    with pytest.raises(DateParseError, match=why):
        parse_date(text, date(2026, 12, 1))
