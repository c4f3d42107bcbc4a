"""Provides how a reflection reads in the CPD journal: its day, its row in the list, and its full text."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from coachtui.domain.models import Reflection
from coachtui.ui.reflection.competency_picker import COMPETENCIES, short_names

SECTIONS = [
    ("what_worked", "What worked"),
    ("what_did_not", "What did not"),
    ("adjust_next_time", "Adjust next time"),
    ("learned", "What I learned (CPD)"),
    ("next_focus", "Next focus"),
]
COLUMNS = [("Month", "month"), ("Day", "day"), ("Client", "client"), ("#", "number")]
COLUMNS += [("Progress", "progress"), ("Competencies", "competencies")]


def reflection_day(reflection: Reflection) -> date:
    """The day a reflection belongs to: its session's day, else the day it was written."""
    return reflection.session_date or reflection.created_at.date()


def month_of(reflection: Reflection) -> str:
    return f"{reflection_day(reflection):%b %Y}"


def number_text(number: int | None) -> str:
    """A session number as the list shows it; blank while the numbers are still being read."""
    return str(number) if number else ""


def row_cells(
    reflection: Reflection, client: str, number: int | None, first_of_month: bool
) -> list[str | Text]:
    """The cells of one row; the month shows only on the month's first row, so months read as groups."""
    progress = reflection.client_progress
    return [
        Text(month_of(reflection) if first_of_month else "", style="bold"),
        f"{reflection_day(reflection):%a %d}",
        client,
        number_text(number),
        f"{progress}/10" if progress is not None else "—",
        short_names(reflection.competencies),
    ]


def matches(reflection: Reflection, client: str, words: str) -> bool:
    """Whether the client's name or any text of the reflection contains ``words`` (already casefolded)."""
    haystack = [client, *(getattr(reflection, field) for field, _ in SECTIONS)]
    return words in "\n".join(haystack).casefold()


def detail_text(reflection: Reflection, client: str, number: int | None) -> Text:
    """The whole reflection: the facts of the session on one line, then each section under its heading."""
    facts = [
        f"{reflection_day(reflection):%a %d %b %Y}",
        client,
        f"session {number}" if number else "session …",
        f"{round(reflection.duration_minutes)} min",
        reflection.payment.value.replace("_", " "),
    ]
    if reflection.client_progress is not None:
        facts.append(f"client's progress {reflection.client_progress}/10")
    text = Text()
    text.append(" · ".join(facts), style="bold")
    chosen = [c.value for c in COMPETENCIES if c in reflection.competencies]
    text.append("\nCompetencies: ", style="bold")
    text.append(", ".join(chosen) or "none ticked", style="" if chosen else "dim")
    for field, heading in SECTIONS:
        value = getattr(reflection, field).strip()
        text.append(f"\n\n{heading}\n", style="bold")
        text.append(value or "—", style="" if value else "dim")
    return text
