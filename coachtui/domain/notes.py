"""Provides the live session's notes as one text and its conversion to and from structured notes.

The live screen keeps one text area for the whole session. Moving to a stage appends a header
line such as ``── Reality · 12:05 ──`` (the time since the session started); every line under a
header belongs to that stage, lines before the first header to the session's first stage.

A line's kind is its prefix, after any indentation: ``! `` insight, ``> `` client quote, ``~ ``
coach-private, anything else a plain note. A plain note whose own text would read as a prefix or
a header is written with a leading backslash (``\\! not an insight``), which the parser removes.

Every line keeps its text stripped of surrounding whitespace and of control characters; a line
that is empty, or holds only a prefix, is no note.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from coachtui.domain.models import Note, NoteKind, StageVisit

KIND_PREFIX: dict[NoteKind, str] = {
    NoteKind.NOTE: "",
    NoteKind.INSIGHT: "! ",
    NoteKind.QUOTE: "> ",
    NoteKind.PRIVATE: "~ ",
}
"""The prefix that marks each kind at the start of a line."""

_KIND_OF_CHAR: dict[str, NoteKind] = {prefix[0]: kind for kind, prefix in KIND_PREFIX.items() if prefix}
_KIND_CYCLE = (NoteKind.NOTE, NoteKind.INSIGHT, NoteKind.QUOTE, NoteKind.PRIVATE)
_ESCAPE = "\\"
_RULE = "──"

_ELAPSED = re.compile(r"(?:[0-9]+:)?[0-9]{1,2}:[0-9]{2}")

# Line breaks that str.splitlines (and so the text area) honours, other than "\n" itself.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0 and C1 control characters and DEL, except tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Return ``text`` with every line break as ``\\n`` and other control characters removed.

    Tabs, newlines, emoji (with their joiners), right-to-left text and direction marks are kept.
    """
    text = _LINE_BREAKS.sub("\n", text)
    return _CONTROL.sub("", text)


def format_elapsed(seconds: float) -> str:
    """Return ``mm:ss``, or ``h:mm:ss`` from an hour on; negative times count as zero."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def stage_header(stage_name: str, elapsed_seconds: float) -> str:
    """Return the header line the live screen appends when the coach moves to a stage."""
    name = " ".join(clean_text(stage_name).split()) or "?"
    return f"{_RULE} {name} · {format_elapsed(elapsed_seconds)} {_RULE}"


def parse_header(line: str) -> str | None:
    """Return the stage name of a header line (the time is optional), or None for any other line."""
    if _RULE not in line:
        return None
    stripped = line.strip()
    if len(stripped) < 5 or not (stripped.startswith(_RULE) and stripped.endswith(_RULE)):
        return None
    inner = stripped[2:-2]
    if not (inner[0].isspace() and inner[-1].isspace()):
        return None
    inner = inner.strip()
    if not inner:
        return None
    # Split by hand, not by one regular expression: a pasted line must never backtrack for seconds.
    name, dot, elapsed = inner.rpartition("·")
    if dot and name[-1:].isspace() and elapsed[:1].isspace() and _ELAPSED.fullmatch(elapsed.strip()):
        name = name.rstrip()
        if name:
            return name
    return inner


def _kind_and_rest(stripped: str) -> tuple[NoteKind, str]:
    """Split a line without leading whitespace into its kind and the text after the prefix."""
    if stripped:
        kind = _KIND_OF_CHAR.get(stripped[0])
        # Any whitespace after the prefix, as str.strip() sees it (a no-break space too).
        if kind is not None and (len(stripped) == 1 or stripped[1].isspace()):
            return kind, stripped[1:].lstrip()
    return NoteKind.NOTE, stripped


def _needs_escape(text: str) -> bool:
    """Whether a plain note's text would not read back as a plain note with the same text."""
    while True:
        if not text:
            return False
        kind, _ = _kind_and_rest(text)
        if kind is not NoteKind.NOTE or parse_header(text) is not None:
            return True
        if not text.startswith(_ESCAPE):
            return False
        text = text[1:]


def _unescape(text: str) -> str:
    if text.startswith(_ESCAPE) and _needs_escape(text[1:]):
        return text[1:]
    return text


def line_kind(line: str) -> tuple[NoteKind, str]:
    """Return a line's kind and its text without the prefix, indentation and surrounding space."""
    kind, rest = _kind_and_rest(line.strip())
    if kind is NoteKind.NOTE:
        rest = _unescape(rest)
    return kind, rest.strip()


def render_line(kind: NoteKind, text: str) -> str:
    """Return the editor line for a note of ``kind`` with ``text``, escaping a plain note if needed."""
    if kind is NoteKind.NOTE and _needs_escape(text):
        return _ESCAPE + text
    return KIND_PREFIX[kind] + text


def set_line_kind(line: str, kind: NoteKind) -> str:
    """Return ``line`` marked as ``kind``: the old prefix replaced, indentation and typed text kept.

    Header lines are returned unchanged. Trailing spaces stay, so a coach mid-word loses nothing.
    """
    if parse_header(line) is not None:
        return line
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    old_kind, rest = _kind_and_rest(body)
    if old_kind is NoteKind.NOTE:
        rest = _unescape(rest)
    return indent + render_line(kind, rest)


def next_kind(kind: NoteKind) -> NoteKind:
    """Return the kind after ``kind`` in the cycle note → insight → quote → private → note."""
    return _KIND_CYCLE[(_KIND_CYCLE.index(kind) + 1) % len(_KIND_CYCLE)]


def _stage_lookup(stage_names_to_ids: Mapping[str, str]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for stage_id in stage_names_to_ids.values():
        lookup.setdefault(stage_id.casefold(), stage_id)
    for name, stage_id in stage_names_to_ids.items():
        lookup[" ".join(name.split()).casefold()] = stage_id
    return lookup


def parse_notes(
    text: str,
    stage_names_to_ids: Mapping[str, str],
    default_stage: str,
    previous: Sequence[Note],
    now: datetime,
) -> list[Note]:
    """Return the notes in the editor's ``text``, each attributed to the stage of the header above it.

    A header counts only if it names a known stage (by name or id, case-insensitive); any other
    header-like line is kept as a plain note, so nothing typed is lost.

    Times survive re-parsing: a note takes the time of an unused previous note with the same stage
    and text (whatever its kind, so re-marking a line keeps its time), in order; failing that, the
    time of the unused previous note at the same position within the stage (the line was edited);
    failing that, ``now``. An unchanged note is returned as the very object from ``previous``:
    treat notes as values and never mutate them.
    """
    lookup = _stage_lookup(stage_names_to_ids)
    has_control = _CONTROL.search(text) is not None
    stage = default_stage
    parsed: list[tuple[str, NoteKind, str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(_RULE):
            name = parse_header(line)
            if name is not None:
                found = lookup.get(" ".join(name.split()).casefold())
                if found is not None:
                    stage = found
                    continue
        if has_control:
            line = _CONTROL.sub("", line).strip()
            if not line:
                continue
        first = line[0]
        if first in _KIND_OF_CHAR and (len(line) == 1 or line[1] in " \t"):
            kind, body = _KIND_OF_CHAR[first], line[1:].lstrip()
        elif first == _ESCAPE:
            kind, body = NoteKind.NOTE, _unescape(line)
        else:
            kind, body = NoteKind.NOTE, line
        if body:
            parsed.append((stage, kind, body))
    return _assign_times(parsed, previous, now)


def _assign_times(
    parsed: list[tuple[str, NoteKind, str]], previous: Sequence[Note], now: datetime
) -> list[Note]:
    if not previous:
        return [Note(at=now, stage=stage, kind=kind, text=body) for stage, kind, body in parsed]
    count = len(previous)
    # Previous notes with the same (stage, text) form a chain in text order; head[key] is the first unused.
    head: dict[tuple[str, str], int] = {}
    following = [-1] * count
    for index in range(count - 1, -1, -1):
        note = previous[index]
        key = (note.stage, note.text)
        following[index] = head.get(key, -1)
        head[key] = index
    used = bytearray(count)
    matched = [-1] * len(parsed)
    for position, (stage, _kind, body) in enumerate(parsed):
        key = (stage, body)
        index = head.get(key, -1)
        if index >= 0:
            head[key] = following[index]
            used[index] = 1
            matched[position] = index

    by_position: dict[str, list[int]] | None = None
    counts: dict[str, int] = defaultdict(int)
    notes: list[Note] = []
    for position, (stage, kind, body) in enumerate(parsed):
        within = counts[stage]
        counts[stage] = within + 1
        index = matched[position]
        if index < 0:
            if by_position is None:
                by_position = defaultdict(list)
                for earlier, note in enumerate(previous):
                    by_position[note.stage].append(earlier)
            same_stage = by_position.get(stage)
            if same_stage is not None and within < len(same_stage) and not used[same_stage[within]]:
                index = same_stage[within]
                used[index] = 1
        if index < 0:
            notes.append(Note(at=now, stage=stage, kind=kind, text=body))
            continue
        old = previous[index]
        if old.kind == kind and old.text == body and old.stage == stage:
            notes.append(old)  # unchanged: share the value rather than build it again
        else:
            notes.append(Note(at=old.at, stage=stage, kind=kind, text=body))
    return notes


def render_notes(
    notes: Iterable[Note],
    visits: Sequence[StageVisit],
    started_at: datetime,
    stage_names: Mapping[str, str],
) -> str:
    """Return the editor text for a saved session: a header for each visit, each note under its visit.

    A note goes under the visit of its own stage that was running when it was written (the latest
    one started at or before its time, else the stage's first visit); within a visit, notes keep
    their order. Notes of a stage with no visit follow under a header of their own, so none is lost.
    ``stage_names`` maps stage ids to display names; an unknown id is shown as itself.
    """
    ordered_visits = sorted(visits, key=lambda visit: visit.started_at)
    starts_by_stage: dict[str, list[datetime]] = defaultdict(list)
    indices_by_stage: dict[str, list[int]] = defaultdict(list)
    for index, visit in enumerate(ordered_visits):
        starts_by_stage[visit.stage].append(visit.started_at)
        indices_by_stage[visit.stage].append(index)

    blocks: list[list[str]] = [[] for _ in ordered_visits]
    orphans: dict[str, tuple[datetime, list[str]]] = {}
    for note in notes:
        line = render_line(note.kind, clean_text(note.text).replace("\n", " ").strip())
        starts = starts_by_stage.get(note.stage)
        if starts:
            # The latest visit of the note's stage started at or before it, else the stage's first visit.
            slot = max(0, bisect_right(starts, note.at) - 1)
            blocks[indices_by_stage[note.stage][slot]].append(line)
        else:
            orphans.setdefault(note.stage, (note.at, []))[1].append(line)

    parts: list[str] = []
    headed = [
        (visit.stage, visit.started_at, block) for visit, block in zip(ordered_visits, blocks, strict=True)
    ]
    headed += [(stage, at, lines) for stage, (at, lines) in orphans.items()]
    for stage, at, lines in headed:
        if parts:
            parts.append("")
        name = stage_names.get(stage, stage)
        parts.append(stage_header(name, (at - started_at).total_seconds()))
        parts.extend(lines)
    return "\n".join(parts) + "\n" if parts else ""
