"""Provides tests of the review's figures: the client overview, history rows, a record's passages, corrections."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coachtui.domain.models import (
    Action,
    ActionReview,
    ActionStatus,
    Agreement,
    CheckIn,
    Goal,
    GoalStatus,
    Metric,
    Note,
    NoteKind,
    PromptAsked,
    RatingKind,
    Reflection,
    ReviewOutcome,
    ScalingRating,
    Session,
    SessionStatus,
    StageVisit,
)
from coachtui.domain.review import (
    client_overview,
    metric_text,
    next_checkin,
    one_line,
    open_actions_overdue_first,
    recently_reviewed,
)
from coachtui.domain.session_record import correct_note, history_rows, neighbours, record_passages

TODAY = date(2026, 11, 23)
T0 = datetime(2026, 11, 20, 10, 0)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def session(number: int, *, days_ago: int = 0, **fields) -> Session:
    started = T0 - timedelta(days=days_ago)
    return Session(
        id=f"s{number}",
        client_id="c1",
        number=number,
        started_at=started,
        ended_at=started + timedelta(minutes=50),
        status=SessionStatus.CLOSED,
        **fields,
    )


def action(
    text: str, due: date | None, status: ActionStatus = ActionStatus.OPEN, position: int = 0, **f
) -> Action:
    return Action(client_id="c1", text=text, due=due, status=status, position=position, **f)


# --- the overview ---------------------------------------------------------------------------------


def test_recently_reviewed_lists_the_reviews_of_the_last_five_weeks_newest_first() -> None:
    old = action(
        "old",
        None,
        reviews=[ActionReview(action_id="o", at=datetime(2026, 10, 1, 9), outcome=ReviewOutcome.DONE)],
    )
    recent = action(
        "recent",
        None,
        reviews=[
            ActionReview(action_id="r", at=datetime(2026, 10, 20, 9), outcome=ReviewOutcome.PARTLY),
            ActionReview(
                action_id="r", at=datetime(2026, 11, 20, 9), outcome=ReviewOutcome.DONE, learning="ok"
            ),
        ],
    )
    between = action(
        "between",
        None,
        reviews=[ActionReview(action_id="b", at=datetime(2026, 11, 22, 18), outcome=ReviewOutcome.NOT_DONE)],
    )
    lines = recently_reviewed([old, recent, between], TODAY)
    assert [(line.action.text, line.review.outcome) for line in lines] == [
        ("between", ReviewOutcome.NOT_DONE),
        ("recent", ReviewOutcome.DONE),
        ("recent", ReviewOutcome.PARTLY),  # 20 Oct: 34 days before 23 Nov
    ]


def test_open_actions_overdue_first_then_by_date_then_undated() -> None:
    actions = [
        action("undated", None, position=0),
        action("later", date(2026, 12, 1), position=1),
        action("today", TODAY, position=2),
        action("long overdue", date(2026, 11, 1), position=3),
        action("done", date(2026, 10, 1), ActionStatus.DONE, position=4),
        action("just overdue", date(2026, 11, 22), position=5),
    ]
    lines = open_actions_overdue_first(actions, TODAY)
    assert [line.action.text for line in lines] == [
        "long overdue",
        "just overdue",
        "today",
        "later",
        "undated",
    ]
    assert [line.overdue for line in lines] == [True, True, False, False, False]


def test_an_actions_last_review_is_its_latest() -> None:
    reviews = [
        ActionReview(action_id="a", at=at(0), outcome=ReviewOutcome.PARTLY, learning="first"),
        ActionReview(action_id="a", at=at(10), outcome=ReviewOutcome.NOT_DONE, learning="second"),
    ]
    (line,) = open_actions_overdue_first([action("a", None, reviews=reviews)], TODAY)
    assert line.last_review is not None and line.last_review.learning == "second"
    (never,) = open_actions_overdue_first([action("b", None)], TODAY)
    assert never.last_review is None


def test_next_checkin_is_the_first_not_held() -> None:
    checkins = [
        CheckIn(client_id="c1", at_session=2, done=True, focus="cadence"),
        CheckIn(client_id="c1", at_session=8, focus="wrap-up"),
        CheckIn(client_id="c1", at_session=4, on_date=date(2026, 11, 27), focus="mid-point"),
    ]
    found = next_checkin(checkins)
    assert found is not None and found.focus == "mid-point"
    assert next_checkin([CheckIn(client_id="c1", done=True)]) is None


def test_overview_figures() -> None:
    goal = Goal(
        id="g1",
        client_id="c1",
        title="Land a role",
        metric=Metric(name="Calls", baseline=0, current=2, target=5),
    )
    closed = Goal(id="g2", client_id="c1", title="Old goal", status=GoalStatus.ACHIEVED)

    def rated(value: int, minutes: float) -> ScalingRating:
        return ScalingRating(at=at(minutes), stage="reality", value=value, goal_id="g1")

    sessions = [
        session(2, days_ago=0, goal="Decide when to apply", ratings=[rated(6, 5)]),
        session(1, days_ago=14, goal="Get clear", ratings=[rated(3, -14 * 24 * 60 + 5)]),
    ]
    reflections = [
        Reflection(session_id="s1", client_id="c1", next_focus="Old focus"),
        Reflection(session_id="s2", client_id="c1", next_focus="  Mid-point check-in  "),
    ]
    agreement = Agreement(
        start_date=date(2026, 10, 14),
        sessions_planned=8,
        boundaries="No recruiting.\n\nEmail only   for logistics.",
    )
    checkins = [CheckIn(client_id="c1", at_session=3, on_date=date(2026, 11, 30), focus="mid-point")]
    last_next = sessions[0].model_copy(update={"next_checkin": date(2026, 11, 27)})
    overview = client_overview(
        agreement, [goal, closed], [], checkins, [last_next, sessions[1]], reflections, TODAY
    )
    assert (overview.next_number, overview.sessions_held, overview.sessions_planned) == (3, 2, 8)
    assert overview.weeks_since_start == 5  # 40 days
    assert overview.next_checkin is not None and overview.next_checkin.focus == "mid-point"
    assert overview.next_checkin_date == date(2026, 11, 27)  # the one agreed at the close is sooner
    assert [line.goal.title for line in overview.goals] == ["Land a role"]
    assert overview.goals[0].ratings == [3, 6]
    assert overview.goals[0].spark == "▃▅"
    assert overview.goals[0].metric_text == "Calls: 0 → 2 → 5"
    assert overview.last_session is not None and overview.last_session.goal == "Decide when to apply"
    assert (overview.focus, overview.focus_session) == ("Mid-point check-in", 2)
    assert overview.boundaries == "No recruiting. Email only for logistics."


def test_overview_of_a_client_with_nothing_yet() -> None:
    overview = client_overview(Agreement(), [], [], [], [], [], TODAY)
    assert (overview.next_number, overview.sessions_held, overview.weeks_since_start) == (1, 0, None)
    assert overview.last_session is None and overview.focus == "" and overview.focus_session is None
    assert overview.next_checkin is None and overview.next_checkin_date is None


def test_the_focus_comes_from_the_latest_reflected_session() -> None:
    sessions = [session(1, days_ago=14), session(2)]
    reflections = [Reflection(session_id="s1", client_id="c1", next_focus="Focus from one")]
    overview = client_overview(Agreement(), [], [], [], sessions, reflections, TODAY)
    assert (overview.focus, overview.focus_session) == ("Focus from one", 1)
    assert overview.last_session is not None and overview.last_session.number == 2


def test_metric_text() -> None:
    assert metric_text(Metric()) == ""
    assert (
        metric_text(Metric(name="Runs", baseline=0, target=2.5, unit="a week")) == "Runs: 0 → ? → 2.5 a week"
    )
    assert one_line(" a\n b\t c ") == "a b c"


# --- the history ---------------------------------------------------------------------------------


def test_history_rows_newest_first_with_counts() -> None:
    notes = [
        Note(at=at(1), stage="goal", text="n"),
        Note(at=at(2), stage="goal", kind=NoteKind.INSIGHT, text="i"),
        Note(at=at(3), stage="goal", kind=NoteKind.QUOTE, text="q"),
        Note(at=at(4), stage="goal", kind=NoteKind.QUOTE, text="q2"),
        Note(at=at(5), stage="goal", kind=NoteKind.PRIVATE, text="p"),
    ]
    live = Session(id="s3", client_id="c1", number=3, started_at=T0)
    rows = history_rows(
        [session(1, days_ago=14), session(2, notes=notes, action_ids=["a", "b"], goal="Decide\nwhen"), live],
        reflected=["s1"],
    )
    assert [row.number for row in rows] == [3, 2, 1]
    two = rows[1]
    assert (two.notes, two.insights, two.quotes, two.actions, two.minutes) == (5, 1, 2, 2, 50)
    assert two.goal == "Decide when" and two.framework == "grow"
    assert [row.reflected for row in rows] == [False, False, True]
    assert rows[0].minutes is None  # still live


def test_neighbours() -> None:
    ids = ["a", "b", "c"]
    assert neighbours(ids, "a") == (None, "b")
    assert neighbours(ids, "b") == ("a", "c")
    assert neighbours(ids, "c") == ("b", None)
    assert neighbours(ids, "x") == (None, None)


# --- the record ----------------------------------------------------------------------------------


def looping_session() -> Session:
    """Goal, Reality, Options, back to Reality: notes and questions in each visit."""
    visits = [
        StageVisit(stage="goal", started_at=at(0), ended_at=at(10)),
        StageVisit(stage="reality", started_at=at(10), ended_at=at(20)),
        StageVisit(stage="options", started_at=at(20), ended_at=at(30)),
        StageVisit(stage="reality", started_at=at(30), ended_at=None),
    ]
    notes = [
        Note(at=at(2), stage="goal", text="goal note"),
        Note(at=at(12), stage="reality", kind=NoteKind.INSIGHT, text="first reality"),
        Note(at=at(33), stage="reality", kind=NoteKind.PRIVATE, text="back in reality"),
        Note(at=at(22), stage="options", kind=NoteKind.QUOTE, text="an option"),
        Note(at=at(90), stage="will", text="a stage never visited"),
    ]
    prompts = [PromptAsked(at=at(11), stage="reality", text="What is happening now?")]
    return session(1, visits=visits, notes=notes, prompts=prompts)


def test_record_passages_follow_the_visits_with_their_notes() -> None:
    passages = record_passages(looping_session())
    assert [p.stage for p in passages] == ["goal", "reality", "options", "reality", "will"]
    assert [p.seconds for p in passages[:4]] == [
        600,
        600,
        600,
        20 * 60,
    ]  # the open visit ends with the session
    assert [[e.text for e in p.entries] for p in passages] == [
        ["goal note"],
        ["What is happening now?", "first reality"],
        ["an option"],
        ["back in reality"],
        ["a stage never visited"],
    ]
    assert passages[1].entries[0].note_index is None  # the question
    assert [e.note_index for p in passages for e in p.entries if e.note_index is not None] == [0, 1, 3, 2, 4]


def test_correct_note_keeps_the_original_and_marks_the_time() -> None:
    original = looping_session()
    fixed = correct_note(original, 0, "goal  note, fixed", at(100))
    assert original.notes[0].text == "goal note" and original.notes[0].edited_at is None  # not in place
    assert fixed.notes[0].text == "goal note, fixed"
    assert (fixed.notes[0].edited_at, fixed.notes[0].original) == (at(100), "goal note")
    again = correct_note(fixed, 0, "goal note, fixed twice", at(200))
    assert (again.notes[0].original, again.notes[0].edited_at) == ("goal note", at(200))
    assert again.notes[1:] == original.notes[1:]
    assert correct_note(original, 0, "goal note", at(100)) is original  # nothing changed, nothing marked


@pytest.mark.parametrize(("index", "text"), [(0, "   "), (5, "text"), (-1, "text")])
def test_correct_note_refuses_an_empty_text_or_a_missing_note(index: int, text: str) -> None:
    with pytest.raises(ValueError):
        correct_note(looping_session(), index, text, at(100))


def test_ratings_kind_default_is_progress() -> None:
    # The overview's sparkline reads progress ratings only.
    assert ScalingRating(at=at(0), stage="goal", value=3).kind is RatingKind.PROGRESS


def test_the_overview_shows_the_last_check_in_held_with_its_answers() -> None:
    from coachtui.domain.models import Agreement, CheckIn

    old = CheckIn(client_id="c1", at_session=2, done=True, held_on=date(2026, 10, 1), working="a")
    new = CheckIn(
        client_id="c1", at_session=4, done=True, held_on=date(2026, 11, 1), working="b", client_progress=7
    )
    upcoming = CheckIn(client_id="c1", at_session=6, focus="halfway")
    overview = client_overview(Agreement(), [], [], [old, new, upcoming], [], [], date(2026, 11, 23))
    assert overview.last_checkin is new and overview.next_checkin is upcoming
