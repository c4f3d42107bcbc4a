"""The live session in progress, without Textual: every rule of the call, with explicit moments."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from coachtui.domain.live import LiveSession, close_draft
from coachtui.domain.models import Action, ActionStatus, RatingKind, ReviewOutcome, SessionStatus

T0 = datetime(2026, 11, 23, 10, 0)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def begin(framework: str = "grow") -> LiveSession:
    return LiveSession.begin(
        client_id="c0ffee000001", number=3, framework=framework, goal="Decide", planned_minutes=50, at=T0
    )


def test_begin_opens_the_first_stage_at_the_start() -> None:
    live = begin("oskar")
    assert (live.session.number, live.session.goal, live.session.planned_minutes) == (3, "Decide", 50)
    assert live.stage.id == "outcome" and live.session.visits[0].started_at == T0
    assert live.first_editor_text().startswith("── Outcome · 00:00 ──")


def test_stages_in_any_order_with_their_times() -> None:
    live = begin()
    assert live.enter_stage("goal", at(1)) is None  # already there: nothing recorded
    header = live.enter_stage("will", at(6))
    assert header is not None and "Will" in header and "06:00" in header
    live.enter_stage("reality", at(10))
    assert live.next_stage() is not None and live.next_stage().id == "options"
    assert live.previous_stage() is not None and live.previous_stage().id == "goal"
    assert [v.stage for v in live.session.visits] == ["goal", "will", "reality"]
    assert live.session.stage_seconds(until=at(12)) == {"goal": 360.0, "will": 240.0, "reality": 120.0}
    assert live.stage_at(3) is not None and live.stage_at(9) is None


def test_the_deck_keeps_its_place_per_stage_and_records_what_was_asked() -> None:
    live = begin()
    first, second = live.questions[:2]
    assert live.current_question == first
    live.move_question(1)
    live.enter_stage("reality", at(5))
    assert live.deck_index == 0
    live.enter_stage("goal", at(7))
    assert live.current_question == second
    assert live.mark_asked(at(8)) == second
    assert live.asked == {second} and live.session.prompts[0].stage == "goal"
    live.move_question(-len(live.questions))  # wraps round
    assert live.deck_index == 2


def test_ratings_remember_the_last_kind_and_goal() -> None:
    live = begin()
    live.rate(RatingKind.CONFIDENCE, 6, "g1", at(20))
    assert live.last_rating == (RatingKind.CONFIDENCE, "g1")
    assert (live.session.ratings[0].value, live.session.ratings[0].stage) == (6, "goal")


def test_agree_change_and_remove_a_commitment() -> None:
    live = begin()
    first = live.agree(Action(client_id="c0ffee000001", text="Call Maya"))
    second = live.agree(Action(client_id="c0ffee000001", text="Sketch a case study"))
    assert (first.position, second.position) == (0, 1)
    live.agree(first.model_copy(update={"text": "Call Maya on Monday"}))
    assert [a.text for a in live.agreed] == ["Call Maya on Monday", "Sketch a case study"]
    live.remove(first.id)
    assert live.session.action_ids == [second.id] and live.agreed_action(first.id) is None


def test_review_of_earlier_homework_keeps_the_learning() -> None:
    live = begin()
    homework = Action(client_id="c0ffee000001", text="Update my CV", due=date(2026, 11, 20))
    updated = live.review(homework, ReviewOutcome.PARTLY, "Half done; the summary is hard", at(2))
    assert updated.status is ActionStatus.PARTLY and live.reviewed == [updated]
    assert live.session.reviews[0].learning == "Half done; the summary is hard"


def test_a_draft_resumes_as_it_was() -> None:
    live = begin()
    live.agree(Action(client_id="c0ffee000001", text="Call Maya"))
    live.review(Action(client_id="c0ffee000001", text="Old"), ReviewOutcome.DONE, "", at(1))
    live.enter_stage("reality", at(4))
    draft = live.draft("── Goal · 00:00 ──\nwants clarity\n── Reality · 04:00 ──\nno time\n", at(5))
    again = LiveSession.resume(draft)
    assert again.stage.id == "reality"
    assert [a.text for a in again.agreed] == ["Call Maya"] and [a.text for a in again.reviewed] == ["Old"]
    assert [(n.stage, n.text) for n in again.session.notes] == [
        ("goal", "wants clarity"),
        ("reality", "no time"),
    ]


def test_close_ends_the_open_visit_and_keeps_the_model_as_it_was() -> None:
    live = begin()
    live.enter_stage("will", at(40))
    closed = live.close("", at(50), date(2026, 12, 14))
    session = closed.session
    assert (session.status, session.ended_at, session.next_checkin) == (
        SessionStatus.CLOSED,
        at(50),
        date(2026, 12, 14),
    )
    assert session.visits[-1].ended_at == at(50)
    assert live.session.status is not SessionStatus.CLOSED and live.session.visits[-1].ended_at is None


def test_a_left_session_closes_when_its_draft_was_saved() -> None:
    live = begin()
    draft = live.draft("── Goal · 00:00 ──\nkept\n", at(12))
    closed = close_draft(draft, draft.saved_at)
    assert closed.session.ended_at == at(12) and closed.session.visits[-1].ended_at == at(12)
    assert [n.text for n in closed.session.notes] == ["kept"]
