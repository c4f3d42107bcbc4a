"""Provides how the search reads: each hit's line of where and when, its context, and the status line."""

from __future__ import annotations

from functools import cache

from rich.style import Style as RichStyle
from rich.text import Text
from textual.content import Content
from textual.style import Style

from coachtui.domain.models import NoteKind
from coachtui.domain.search_query import SearchQuery, context
from coachtui.store.search_hits import SearchHit
from coachtui.ui.review.record_view import KIND_MARK, KIND_TEXT

PLACEHOLDER = 'words, "a phrase", client:dana kind:insight stage:reality since:3m'

OTHER_MARKS = {
    "action": ("→ action", "bold"),
    "review": ("✓ review", "bold"),
    "reflection": ("✎ reflection", "bold magenta"),
}
"""The marks of what is not a note; a note's kinds are marked as the session record marks them."""

FILTER_HELP = (
    "Type to search every client's notes, actions, reviews and reflections, newest first.\n"
    "Narrow with client:dana  kind:insight|quote|private|note|action|review|reflection  "
    'stage:reality  since:2026-01-01 or since:3m  and "an exact phrase".'
)


def _mark(kind: str) -> tuple[str, str]:
    if kind in NoteKind._value2member_map_:
        return KIND_MARK[NoteKind(kind)]
    return OTHER_MARKS.get(kind, (kind, "bold"))


@cache
def _style(name: str) -> Style:
    """A Rich style name as the record's Rich text draws it (``cyan`` the terminal's cyan, not #00ffff)."""
    return Style.from_rich_style(RichStyle.parse(name))


def hit_lines(hit: SearchHit, query: SearchQuery, client_name: str, width: int) -> tuple[Content, Content]:
    """Two lines: client, date, session, stage and kind; then the text around the match, marked.

    Built as Content, which the list of hits draws as it is (no conversion from Rich text); the
    list cuts the first line to its width, the second is chosen around the match to fit ``width``.
    """
    label, style = _mark(hit.kind)
    day = hit.session_started_at or hit.at
    parts: list[str | tuple[str, Style]] = [(client_name, _style("bold")), f" · {day:%a %d %b %Y}"]
    if hit.session_number is not None:
        parts.append(f" · session {hit.session_number}")
    else:
        parts.append(" · plan" if hit.kind == "action" else " · between sessions")
    if hit.stage:
        parts.append(f" · {hit.stage.replace('_', ' ').title()}")
    parts += ["  ", (label, _style(style))]
    if hit.detail:
        about = "of " if hit.kind == "review" else ""
        parts.append((f"  {about}{hit.detail}", _style("dim")))
    line, spans = context(hit.text, query.spans(hit.text), max(10, width - 2))
    body = Content("  " + line)
    if hit.kind in KIND_TEXT:
        body = body.stylize(_style(KIND_TEXT[NoteKind(hit.kind)]))
    for start, end in spans:
        body = body.stylize(_style("bold reverse"), start + 2, end + 2)
    return Content.assemble(*parts), body


def status_text(
    query: SearchQuery,
    found: int | None,
    limit: int,
    error: str | None,
    clients: list[str],
) -> Text:
    """What the search found, within which filters; or how to search, before anything is typed.

    ``clients``: the names of the clients a ``client:`` filter means.
    """
    if query.is_empty:
        return Text(FILTER_HELP, style="dim")
    if error:
        return Text(error, style="bold red")
    if query.client and not clients:
        return Text(f"No client's name begins with “{query.client}”.", style="bold")
    if found is None:
        return Text("Searching…", style="dim")
    text = Text()
    if found == 0:
        text.append("Nothing found", style="bold")
    elif found > limit:
        text.append(f"The newest {limit} matches", style="bold")
        text.append(" (narrow with a filter to see older ones)", style="dim")
    else:
        text.append(f"{found} match{'es' if found != 1 else ''}", style="bold")
        text.append(", newest first", style="dim")
    filters = _filters(query, clients)
    if filters:
        text.append(" · " + " · ".join(filters), style="dim")
    return text


def _filters(query: SearchQuery, clients: list[str]) -> list[str]:
    parts = []
    if query.client:
        parts.append(", ".join(clients) if len(clients) <= 3 else f"{len(clients)} clients")
    if query.kinds:
        parts.append("kind " + " or ".join(sorted(query.kinds)))
    if query.stage:
        parts.append(f"stage {query.stage}")
    if query.since:
        parts.append(f"since {query.since:%d %b %Y}")
    return parts


def plan_note(hit: SearchHit) -> str:
    """Why Enter on this hit opens the plan: it belongs to no session."""
    if hit.kind == "review":
        return f"Reviewed between sessions, {hit.at:%d %b %Y}: the action and its reviews are in the plan."
    return "Added in the plan, not in a session: here it is in the plan."
