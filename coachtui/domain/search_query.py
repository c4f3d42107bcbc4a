"""Provides the search box's language (pure): words, quoted phrases and filters, and how text matches.

A coach types ``boss "my manager" client:dana kind:insight stage:real since:3m``. Every word and
phrase must be in one entry (a note, an action, a review's learning, a reflection's answer), found
from the beginning of a word and ignoring case, as the coach would expect of a search box: ``negot``
finds "Negotiation", ``gotiat`` finds nothing. A phrase is found as written, spaces and punctuation
included; a word may carry punctuation too (``hope,`` finds "Hope, not time").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

KINDS = ("insight", "quote", "private", "note", "action", "review", "reflection")
"""What an entry can be: the four kinds of note, an action, an action's review, a reflection's answer."""
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_RELATIVE = re.compile(r"^(\d+)([dwmy])$")
_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


@dataclass(frozen=True)
class SearchQuery:
    """What a coach typed: free words, quoted phrases and the filters client:, kind:, stage:, since:."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    client: str | None = None
    kinds: frozenset[str] = field(default_factory=frozenset)
    stage: str | None = None
    since: date | None = None

    @property
    def text(self) -> str:
        """The words and phrases to look for, as one string."""
        return " ".join((*self.phrases, *self.words)).strip()

    @property
    def terms(self) -> tuple[str, ...]:
        """Every phrase and word that an entry must contain, ignoring case.

        A word of one letter is left out: as the coach types, "t" would match nearly everything
        (and cost the most to find); the search starts from the second letter. A phrase keeps it.
        """
        words = (w for w in self.words if len(w.strip()) > 1)
        return tuple(t.casefold() for t in (*self.phrases, *words) if t.strip())

    @property
    def is_empty(self) -> bool:
        """Nothing to look for and nothing to narrow by: no search at all."""
        return not self.terms and not self.has_filters

    @property
    def has_filters(self) -> bool:
        return bool(self.client or self.kinds or self.stage or self.since)

    def index_terms(self) -> list[list[str]]:
        """Each term as the words a full-text index holds (letters and digits), in order.

        A term of punctuation only holds none and is left to ``matches``.
        """
        return [words for words in (index_words(term) for term in self.terms) if words]

    def names_client(self, client_id: str, name: str) -> bool:
        """Whether the ``client:`` filter means this client: their id, or a word of their name,
        begins with it (``client:dana``, ``client:ortiz``); True when there is no such filter."""
        if self.client is None:
            return True
        folded = name.casefold()
        return (
            client_id.startswith(self.client)
            or folded.startswith(self.client)
            or any(word.startswith(self.client) for word in folded.split())
        )

    def matches_stage(self, stage: str) -> bool:
        return self.stage is None or stage.casefold().startswith(self.stage)

    def matches_kind(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def matches(self, text: str) -> bool:
        """Whether ``text`` holds every term, each from the beginning of a word, ignoring case."""
        folded = text.casefold()
        return all(_find(folded, term) >= 0 for term in self.terms)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms stand in ``text`` (start, end), in order and not overlapping: for highlighting.

        Positions are those of ``text`` itself as long as case-folding keeps its length (it does for
        every script but a few letters such as "ß"); otherwise nothing is highlighted.
        """
        folded = text.casefold()
        if len(folded) != len(text):
            return []
        found: list[tuple[int, int]] = []
        for term in self.terms:
            start = _find(folded, term)
            while start >= 0:
                found.append((start, start + len(term)))
                start = _find(folded, term, start + len(term))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


_INDEX_WORD = re.compile(r"[^\W_]+")


def index_words(text: str) -> list[str]:
    """The words of ``text`` as a full-text index splits them: runs of letters and digits."""
    return _INDEX_WORD.findall(text)


def _find(folded: str, term: str, start: int = 0) -> int:
    """The first place at or after ``start`` where ``term`` begins a word of ``folded``; -1 if none.

    "Begins a word": the character before is not a letter or digit (a term that starts with
    punctuation may stand anywhere).
    """
    at = folded.find(term, start)
    while at >= 0:
        if at == 0 or not term[0].isalnum() or not folded[at - 1].isalnum():
            return at
        at = folded.find(term, at + 1)
    return -1


def context(text: str, spans: list[tuple[int, int]], width: int) -> tuple[str, list[tuple[int, int]]]:
    """One line of at most ``width`` characters around the first match, and the spans within it.

    Runs of white space (line breaks too) become one space; text cut at either end is marked "…".
    """
    folded = _FoldedLine(text)
    line = folded.line
    spans = [(folded.at(s), folded.at(e - 1) + 1) for s, e in spans if 0 <= s < e <= len(text)]
    if len(line) <= width:
        return line, spans
    first = spans[0][0] if spans else 0
    begin = max(0, min(first - width // 4, len(line) - width + 1))
    if begin > 0 and (space := line.find(" ", begin, first)) >= 0:
        begin = space + 1  # start at a word, not in the middle of one
    prefix = "…" if begin > 0 else ""
    end = begin + width - len(prefix)
    suffix = ""
    if end < len(line):
        end -= 1
        suffix = "…"
    shift = len(prefix) - begin
    inside = [(max(s, begin) + shift, min(e, end) + shift) for s, e in spans if e > begin and s < end]
    return prefix + line[begin:end] + suffix, inside


_RUN = re.compile(r"\S+")


class _FoldedLine:
    """``text`` with each run of white space as one space (none at the ends), and where a character of
    ``text`` went in it (a white space character: where the space standing for its run is).

    Built from the runs of non-space characters, not a character at a time: the search draws 50 of
    these on every keystroke.
    """

    def __init__(self, text: str) -> None:
        self._runs = [(match.start(), match.end()) for match in _RUN.finditer(text)]
        self._run_starts = [start for start, _ in self._runs]
        self._line_starts: list[int] = []
        length = 0
        for start, end in self._runs:
            self._line_starts.append(length)
            length += end - start + 1
        self.line = " ".join(text[start:end] for start, end in self._runs)

    def at(self, position: int) -> int:
        """Where the character at ``position`` of the text is in the line."""
        run = bisect_right(self._run_starts, position) - 1
        if run < 0:
            return 0
        start, end = self._runs[run]
        if position < end:
            return self._line_starts[run] + position - start
        return self._line_starts[run + 1] - 1 if run + 1 < len(self._runs) else len(self.line)


def parse_since(value: str, today: date) -> date | None:
    """``2026-01-01`` or ``3m`` / ``2w`` / ``10d`` / ``1y`` before ``today``; None if not a date."""
    match = _RELATIVE.match(value.lower())
    if match:
        return today - timedelta(days=int(match.group(1)) * _DAYS[match.group(2)])
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_query(text: str, today: date) -> SearchQuery:
    """Split ``text`` into words, quoted phrases and filters; an unknown filter value is a word."""
    words: list[str] = []
    phrases: list[str] = []
    kinds: set[str] = set()
    client = stage = None
    since = None
    for match in _TOKEN.finditer(text):
        if match.group(1) is not None:
            if match.group(1).strip():
                phrases.append(match.group(1).strip())
            continue
        token = match.group(2)
        key, _, value = token.partition(":")
        key = key.lower()
        if value and key == "client":
            client = value.lower()
        elif value and key == "stage":
            stage = value.lower()
        elif value and key == "kind" and all(k in KINDS for k in value.lower().split("|")):
            kinds.update(value.lower().split("|"))
        elif value and key == "since" and parse_since(value, today) is not None:
            since = parse_since(value, today)
        else:
            words.append(token)
    return SearchQuery(tuple(words), tuple(phrases), client, frozenset(kinds), stage, since)
