"""Provides reading and writing of prior coaching hours as one line a coach types on the hours screen.

``2024: 31.5 paid, 9 pro bono, 5 clients; 2025: 12 paid`` is two years; a part left out is 0.
Refused, with a message saying why: a year twice, a number without what it counts, negative numbers.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from coachtui.domain.models.hours import PriorYear

_YEAR = re.compile(r"^\s*(\d{4})\s*:(.*)$")
_PART = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:h\s+|hours?\s+)?(paid|pro\s*bono|clients?)$")
EXAMPLE = "2024: 31.5 paid, 9 pro bono, 5 clients; 2025: 12 paid"


def parse_prior_years(text: str) -> list[PriorYear]:
    """The years of ``text`` (see the module); ValueError with a message for the coach."""
    years: list[PriorYear] = []
    for entry in (part.strip() for part in text.split(";")):
        if not entry:
            continue
        match = _YEAR.match(entry)
        if match is None:
            raise ValueError(f'"{entry}": start each year with it and a colon, e.g. {EXAMPLE}')
        values: dict[str, float] = {}
        for part in (p.strip().lower() for p in match.group(2).split(",")):
            found = _PART.match(part)
            if found is None:
                raise ValueError(
                    f'"{part}" in {match.group(1)}: write a number and paid, pro bono or clients'
                )
            number, what = found.groups()
            key = (
                "paid_hours"
                if what == "paid"
                else "clients"
                if what.startswith("client")
                else "pro_bono_hours"
            )
            values[key] = float(number)
        if "clients" in values and not values["clients"].is_integer():
            raise ValueError(f"{match.group(1)}: clients are a whole number")
        try:
            years.append(PriorYear(year=int(match.group(1)), **values))
        except ValidationError as error:
            raise ValueError(f"{match.group(1)}: {error.errors()[0]['msg']}") from error
    if len({p.year for p in years}) != len(years):
        raise ValueError("each year is entered once")
    return sorted(years, key=lambda p: p.year)


def format_prior_years(years: list[PriorYear]) -> str:
    """The line ``parse_prior_years`` reads back to the same years."""

    def number(value: float) -> str:
        return f"{value:g}"

    return "; ".join(
        f"{p.year}: {number(p.paid_hours)} paid, {number(p.pro_bono_hours)} pro bono, {p.clients} clients"
        for p in years
    )
