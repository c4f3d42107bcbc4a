"""Provides word matching for the palette's long lists (every session, every open action).

Textual's fuzzy matcher costs 30-500 ms over 10,000 titles per keystroke (measured on the synthetic
10-year practice), so these lists are matched by words instead: every word typed must be part of
the entry (its title or its extra words, such as an ISO date), and only the best few entries are
scored and shown. A whole word scores more than the start of a word, which scores more than a part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

LIMIT = 40
"""At most this many entries per list and keystroke: more words narrow it further."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PaletteEntry:
    """One thing the palette can jump to: what it shows, what else matches it, and where it goes."""

    title: str
    help: str
    run: Callable[[], object]
    extra: str = ""
    """Words that match without being shown in the title (an ISO date, a goal's title)."""
    haystack: str = field(init=False)
    words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        haystack = f" {self.title} {self.extra}".casefold()
        object.__setattr__(self, "haystack", haystack)
        object.__setattr__(self, "words", frozenset(_WORD.findall(haystack)))


def word_score(entry: PaletteEntry, words: Sequence[str]) -> float:
    """0 when a word is missing; else, per word, its length times 3 for a whole word, 2 for the start
    of one, 1 for a part of one, plus up to 1 the earlier it comes in the haystack ("priya 5" puts
    session 5 before an action due on the 5th).

    Weighting by length keeps the score on the scale of Textual's fuzzy scores (about 2-4 a letter),
    so these hits take their place among the other providers' ones.
    """
    total = 0.0
    haystack = entry.haystack
    for word in words:
        if word in entry.words:
            weight = 3
        elif " " + word in haystack:
            weight = 2
        elif word in haystack:
            weight = 1
        else:
            return 0.0
        total += len(word) * weight + 1 - haystack.find(word) / len(haystack)
    return total


def best_matches(
    entries: Sequence[PaletteEntry], query: str, limit: int = LIMIT
) -> list[tuple[float, PaletteEntry]]:
    """The entries that contain every word of ``query``, best first, at most ``limit``; ties keep
    the order of ``entries`` (the caller puts the likeliest first, e.g. the newest session)."""
    words = query.casefold().split()
    if not words:
        return []
    scored = [(score, index) for index, entry in enumerate(entries) if (score := word_score(entry, words))]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [(score, entries[index]) for score, index in scored[:limit]]


def spans(title: str, query: str) -> list[tuple[int, int]]:
    """Where each word of ``query`` first occurs in ``title`` (start, end), to highlight it."""
    folded = title.casefold()
    if len(folded) != len(title):  # a letter that folds to two (ß): offsets would not line up
        return []
    found = []
    for word in query.casefold().split():
        start = folded.find(word)
        if start >= 0:
            found.append((start, start + len(word)))
    return found
