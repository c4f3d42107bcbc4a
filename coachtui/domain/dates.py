"""Provides reading of human due dates (``fri``, ``+3d``, ``next week``, ISO) and their short display.

Every phrase is read relative to ``today`` and is case- and whitespace-insensitive:

============================  =====================================================================
``2026-12-01``                an ISO date; also ``2026/12/01``
``today``, ``tomorrow``       also ``tod``, ``tmr``, ``tmrw``
``fri``, ``friday``           the next Friday strictly after today (on a Friday, a week from today)
``this fri``                  the next Friday on or after today (on a Friday, today)
``next fri``                  the Friday of next week (the week starting next Monday)
``next week``                 the Monday of next week
``next month``                the 1st of next month
``end of week``, ``eow``      the coming Friday, today included; on a weekend, next week's Friday
``end of month``, ``eom``     the last day of this month, today included
``+3d``, ``3d``, ``3 days``   in three days; units d, w, m (months), y; ``in 2 weeks``, ``in a month``
``27 nov``, ``nov 27``        the next 27 November on or after today; ``27 nov 2027`` is exact
``31/12``, ``5.5.2027``       a numeric day and month that reads one way only (31 can only be a day)
============================  =====================================================================

Adding months keeps the day of the month, clamped to the month's last day (31 Jan + 1m = 28/29 Feb).
Refused, with a message saying why: numeric dates that read two ways (``12/01`` could be either way
round), days that do not exist (``2026-02-30``, ``31/02``), offsets into the past (``-1d``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = ["DateParseError", "add_months", "format_due", "parse_date"]

_HINT = "Try fri, +3d, next week or 2026-12-01."
_MAX_QUOTE = 40

_WEEKDAYS = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

_UNITS = {
    "d": "d",
    "day": "d",
    "days": "d",
    "w": "w",
    "wk": "w",
    "wks": "w",
    "week": "w",
    "weeks": "w",
    "m": "m",
    "mo": "m",
    "mos": "m",
    "month": "m",
    "months": "m",
    "y": "y",
    "yr": "y",
    "yrs": "y",
    "year": "y",
    "years": "y",
}

_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_OFFSET = re.compile(r"^(?:in\s+)?(?:\+\s*)?(?:(\d{1,4})\s*|(an?)\s+)([a-z]+)$")
_PAST_OFFSET = re.compile(r"^-\s*\d+\s*[a-z]*$")
_SLASHED = re.compile(r"^\d{1,4}\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{1,4})?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")


class DateParseError(ValueError):
    """A due date that coachtui cannot read; the message is meant to be shown to the coach as is."""

    def __init__(self, text: str, reason: str | None = None) -> None:
        self.text = text
        quoted = text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1] + "…"
        if not text:
            message = f"No date given. {_HINT}"
        elif reason:
            message = f'Can\'t read "{quoted}" as a date: {reason}'
        else:
            message = f'Can\'t read "{quoted}" as a date. {_HINT}'
        super().__init__(message)


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` calendar months, the day clamped to the month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _offset(today: date, amount: int, unit: str) -> date:
    if unit == "d":
        return today + timedelta(days=amount)
    if unit == "w":
        return today + timedelta(weeks=amount)
    if unit == "m":
        return add_months(today, amount)
    return add_months(today, 12 * amount)


def _calendar_day(text: str, today: date, day: int, month_word: str, year_text: str | None) -> date | None:
    month = _MONTHS.get(month_word)
    if month is None:
        return None
    if year_text is not None:
        try:
            return date(int(year_text), month, day)
        except ValueError:
            raise DateParseError(text, f"{_MONTH_ABBR[month]} {year_text} has no day {day}.") from None
    for year in range(today.year, min(today.year + 9, 9999) + 1):  # 29 Feb: the next leap year
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    raise DateParseError(text, f"{_MONTH_ABBR[month]} has no day {day}.")


def _slashed(text: str, key: str, today: date) -> date | None:
    """A numeric day and month (``31/12``, ``5.5.2027``): taken when only one reading is a date."""
    parts = [int(part) for part in key.replace(".", "/").replace(" ", "").split("/")]
    if parts[0] >= 1000 and len(parts) == 3:  # year first (2026/12/01) is read year-month-day
        try:
            return date(*parts)
        except ValueError:
            raise DateParseError(text, "there is no such day. Use year-month-day, e.g. 2026-12-01.") from None
    year_text = str(parts[2]) if len(parts) == 3 and parts[2] >= 1000 else None
    if len(parts) == 3 and year_text is None:
        raise DateParseError(text, "write the year in full, or use year-month-day, e.g. 2026-12-01.")
    first, second = parts[0], parts[1]
    if first > 12 and second > 12:
        raise DateParseError(text, "neither number can be a month. Use year-month-day, e.g. 2026-12-01.")
    if first <= 12 and second <= 12 and first != second:
        raise DateParseError(
            text, "day and month could be either way round. Use year-month-day, e.g. 2026-12-01."
        )
    day, month = (first, second) if first > 12 or first == second else (second, first)
    return _calendar_day(text, today, day, _MONTH_ABBR[month].lower(), year_text)


def _parse(text: str, key: str, today: date) -> date | None:
    if key in ("today", "tod", "now"):
        return today
    if key in ("tomorrow", "tmr", "tmrw"):
        return today + timedelta(days=1)
    if key == "next week":
        return _monday(today) + timedelta(weeks=1)
    if key == "next month":
        return add_months(today.replace(day=1), 1)
    if key in ("end of month", "end of the month", "eom"):
        return add_months(today.replace(day=1), 1) - timedelta(days=1)
    if key in ("end of week", "end of the week", "eow"):
        days = (4 - today.weekday()) % 7
        return today + timedelta(days=days)

    words = key.split(" ")
    if len(words) == 1 and key in _WEEKDAYS:
        days = (_WEEKDAYS[key] - today.weekday()) % 7 or 7
        return today + timedelta(days=days)
    if len(words) == 2 and words[1] in _WEEKDAYS and words[0] in ("this", "on", "next"):
        weekday = _WEEKDAYS[words[1]]
        if words[0] == "next":
            return _monday(today) + timedelta(weeks=1, days=weekday)
        if words[0] == "this":
            return today + timedelta(days=(weekday - today.weekday()) % 7)
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)

    match = _ISO.match(key)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise DateParseError(text, "there is no such day. Use year-month-day, e.g. 2026-12-01.") from None

    match = _OFFSET.match(key)
    if match and match.group(3) in _UNITS:
        amount = 1 if match.group(2) else int(match.group(1))
        try:
            return _offset(today, amount, _UNITS[match.group(3)])
        except OverflowError:
            raise DateParseError(text, "that is too far away.") from None

    if _SLASHED.match(key):
        return _slashed(text, key, today)

    match = _DAY_MONTH.match(key)
    if match:
        return _calendar_day(text, today, int(match.group(1)), match.group(2), match.group(3))
    match = _MONTH_DAY.match(key)
    if match:
        return _calendar_day(text, today, int(match.group(2)), match.group(1), match.group(3))
    return None


def parse_date(text: str, today: date) -> date:
    """Return the date a coach means by ``text`` (see the module's table); raise ``DateParseError``."""
    shown = text.strip()
    key = " ".join(shown.lower().split())
    if _PAST_OFFSET.match(key):
        raise DateParseError(shown, "a due date can't be in the past. " + _HINT)
    try:
        found = _parse(shown, key, today)
    except OverflowError:
        raise DateParseError(shown, "that is too far away.") from None
    if found is None:
        raise DateParseError(shown)
    return found


def _day_month(day: date) -> str:
    return f"{_DAY_ABBR[day.weekday()]} {day.day} {_MONTH_ABBR[day.month]}"


def format_due(day: date, today: date) -> str:
    """Return a short form of a due date for a list: ``today``, ``tomorrow``, ``Fri 27 Nov``, ``overdue 3d``.

    Overdue dates count days up to 13, then weeks up to 12, then months. Dates in another year more
    than about six months away show the year instead of the weekday (``27 Nov 2027``).
    """
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 0:
        late = -days
        if late < 14:
            return f"overdue {late}d"
        if late < 84:
            return f"overdue {late // 7}w"
        return f"overdue {max(3, late // 30)}mo"
    if day.year == today.year or days < 180:
        return _day_month(day)
    return f"{day.day} {_MONTH_ABBR[day.month]} {day.year}"
