"""Provides how a typed reference (id, id prefix, name or name prefix) picks exactly one record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from coachtui.store.errors import AmbiguousReference, RecordNotFound

T = TypeVar("T")


@dataclass(frozen=True)
class Candidate(Generic[T]):
    id: str
    name: str
    """What the reference may also match by prefix (a client's name); empty if nothing."""
    label: str
    """How the record is listed when a reference is ambiguous."""
    record: T


def pick(kind: str, ref: str, candidates: Sequence[Candidate[T]]) -> T:
    """The one candidate ``ref`` designates.

    In order: an exact id; an exact name (case-insensitive); else a unique
    match among id prefixes and name prefixes. RecordNotFound if nothing
    matches, AmbiguousReference listing the candidates if several do.
    """
    wanted = ref.strip()
    if not wanted:
        raise RecordNotFound(kind, ref)
    for candidate in candidates:
        if candidate.id == wanted:
            return candidate.record
    folded = wanted.casefold()
    for matches in (
        [c for c in candidates if c.name and c.name.casefold() == folded],
        [
            c
            for c in candidates
            if c.id.startswith(wanted) or (c.name and c.name.casefold().startswith(folded))
        ],
    ):
        if len(matches) == 1:
            return matches[0].record
        if matches:
            raise AmbiguousReference(kind, ref, [c.label for c in matches])
    raise RecordNotFound(kind, ref)
