"""Provides how a typed reference (id, id prefix, name or name prefix) picks exactly one record.

A session is also named by its client and its number: ``dana 3``, ``dana#3`` or ``dana last``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from coachtui.store.errors import AmbiguousReference, RecordNotFound

T = TypeVar("T")

SESSION_OF_CLIENT = re.compile(
    r"^(?P<client>.+?)\s*#\s*(?P<which>\S+)$|^(?P<client2>.+?)\s+(?P<which2>\d+|last)$", re.I
)
SHOWN = 10
"""How many candidates a message lists before "and N more"."""


def split_session_ref(ref: str) -> tuple[str, str] | None:
    """``dana 3`` → (``dana``, ``3``); ``dana last`` → (``dana``, ``last``); ``ann#2`` → (``ann``, ``2``);
    None for a reference without a client part (a session id or id prefix)."""
    found = SESSION_OF_CLIENT.match(ref.strip())
    if found is None:
        return None
    client = found.group("client") or found.group("client2")
    which = found.group("which") or found.group("which2")
    return client.strip(), which.casefold()


def listing(labels: Sequence[str]) -> str:
    """``a; b; c`` with at most ``SHOWN`` of them."""
    more = f" and {len(labels) - SHOWN} more" if len(labels) > SHOWN else ""
    return "; ".join(labels[:SHOWN]) + more


@dataclass(frozen=True)
class Candidate(Generic[T]):
    id: str
    name: str
    """What the reference may also match by prefix (a client's name); empty if nothing."""
    label: str
    """How the record is listed when a reference is ambiguous."""
    record: T


def pick(kind: str, ref: str, candidates: Sequence[Candidate[T]], hint: str | None = None) -> T:
    """The one candidate ``ref`` designates.

    In order: an exact id; an exact name (case-insensitive); else a unique
    match among id prefixes and name prefixes. RecordNotFound if nothing
    matches (with ``hint``, else the candidates' labels), AmbiguousReference
    listing the candidates if several do.
    """
    if hint is None:
        hint = (
            f"Known {kind}s: {listing([c.label for c in candidates])}."
            if candidates
            else f"There is no {kind} yet."
        )
    wanted = ref.strip()
    if not wanted:
        raise RecordNotFound(kind, ref, hint)
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
    raise RecordNotFound(kind, ref, hint)


class Numbered(Protocol):
    """A session, or a stand-in for one that has its number (a document not yet validated)."""

    @property
    def number(self) -> int: ...


N = TypeVar("N", bound=Numbered)


def numbered_session(client_name: str, sessions: Sequence[N], which: str, ref: str) -> N:
    """The client's session numbered ``which``, or the latest for ``last``; RecordNotFound says
    which numbers there are."""
    ordered = sorted(sessions, key=lambda s: s.number)
    if not ordered:
        raise RecordNotFound("session", ref, f"{client_name} has no session yet.")
    if which == "last":
        return ordered[-1]
    for session in ordered:
        if which.isdigit() and session.number == int(which):
            return session
    numbers = ", ".join(str(s.number) for s in ordered[-SHOWN:])
    raise RecordNotFound(
        "session", ref, f"{client_name}'s sessions are numbered {numbers}; 'last' is the latest."
    )
