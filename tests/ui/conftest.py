"""Fixtures of the ui tests: the demo practice, built on the test's repository with the fixed clock."""

from __future__ import annotations

import pytest

from coachtui.demo import build_demo_practice


@pytest.fixture
def practice(repo, clock):
    """The demo practice (Dana, Priya, Sam), dated from the fixed clock; a test module may define its own."""
    build_demo_practice(repo, today=clock.now.date())
    return repo
