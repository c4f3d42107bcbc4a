"""Provides the parsing of a search box's text into words, an exact phrase and filters (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

KINDS = ("insight", "quote", "private", "note", "action", "review", "reflection")
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
