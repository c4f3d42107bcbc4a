"""Provides the ICF coaching-hours log as CSV (records in, text out): the log's rows, then prior years.

One row per coaching relationship, with the columns of ICF's log. The prior totals per year follow as
rows of their own ("Before coachtui, 2024"), dated with their whole year, so that the columns of
paid and pro bono hours add up to the log's totals in a spreadsheet.
"""

from __future__ import annotations

import csv
import io

from coachtui.domain.hours import HoursLog, format_hours

HEADER = [
    "Client",
    "Contact",
    "Individual or group",
    "Number in group",
    "Start date",
    "End date",
    "Paid hours",
    "Pro bono hours",
]


def hours_csv(log: HoursLog) -> str:
    """The log as CSV text with a header line; line ends are \\r\\n, as RFC 4180 and spreadsheets expect."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in log.rows:
        writer.writerow(
            [
                row.client,
                row.contact,
                row.kind,
                row.group_size,
                row.start.isoformat(),
                row.end.isoformat(),
                format_hours(row.paid_hours),
                format_hours(row.pro_bono_hours),
            ]
        )
    for prior in log.prior_years:
        writer.writerow(
            [
                f"Before coachtui, {prior.year} ({prior.clients} clients)",
                "",
                "",
                "",
                f"{prior.year}-01-01",
                f"{prior.year}-12-31",
                format_hours(prior.paid_hours),
                format_hours(prior.pro_bono_hours),
            ]
        )
    return out.getvalue()
