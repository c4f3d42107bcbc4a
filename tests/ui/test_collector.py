"""Tests the garbage-collection policy that keeps full collections short during a live session."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from coachtui.ui.live import collector


class Node:
    """An object in a reference cycle: only the cycle collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()


def test_a_live_session_freezes_what_it_holds_and_frees_it_when_it_ends() -> None:
    held = Node()
    collector.live_session_started()
    assert gc.get_freeze_count() > 0
    gone = weakref.ref(held)
    del held
    gc.collect()
    assert gone() is not None  # frozen objects are skipped: the session's data costs no collection time
    collector.live_session_ended()
    assert gone() is None  # once the session ends, what it left behind is collected
    assert gc.get_freeze_count() > 0  # and what survives is frozen again


def test_garbage_made_during_the_session_is_still_collected() -> None:
    collector.live_session_started()
    made = Node()
    gone = weakref.ref(made)
    del made
    gc.collect()
    assert gone() is None
