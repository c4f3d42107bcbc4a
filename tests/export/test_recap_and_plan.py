"""The recap and the plan on a fixed sample equal their golden files; the recap keeps the coach's own words out."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachtui.export.plan import plan_markdown
from coachtui.export.recap import session_recap
from tests.export import sample

GOLDEN = Path(__file__).parent / "golden"


def golden(name: str, text: str, update: bool) -> str:
    """The golden file's text; with --snapshot-update it is rewritten from ``text`` first."""
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def update(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--snapshot-update", default=False))


def recap() -> str:
    return session_recap(sample.client, sample.session, sample.actions, sample.checkins)


def test_recap_golden(update: bool) -> None:
    assert recap() == golden("recap.md", recap(), update)


def test_plan_golden(update: bool) -> None:
    text = plan_markdown(
        sample.client, sample.plan, [sample.goal], sample.actions, sample.checkins, sample.revisions
    )
    assert text == golden("plan.md", text, update)


def test_recap_leaks_no_private_note_prompt_or_reflection() -> None:
    text = recap()
    for secret in (sample.PRIVATE_NOTE, sample.PLAIN_NOTE, sample.PROMPT, sample.REFLECTION_TEXT):
        assert secret not in text
    assert "burnout" not in text and "fail" not in text
    assert "Her onboarding interviews are already research work" in text
    assert "“I have been a researcher all along, I just called it discovery”" in text


def test_a_session_without_goal_or_actions_still_reads_well() -> None:
    bare = sample.session.model_copy(update={"goal": "", "action_ids": [], "notes": [], "reviews": []})
    text = session_recap(sample.client, bare, [], [])
    assert "We did not set a goal" in text and "No new actions this time." in text
    assert "What we explored" not in text and "What you reviewed" not in text
    assert "Next check-in: Friday 4 December 2026." in text


def test_the_last_session_says_so_and_a_plan_checkin_is_next() -> None:
    last = sample.session.model_copy(update={"number": 8, "next_checkin": None})
    text = session_recap(sample.client, last, sample.actions, sample.checkins)
    assert "This was the last of our 8 sessions." in text
    assert "Next check-in: Monday 7 December 2026: halfway review." in text
