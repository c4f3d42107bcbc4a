"""The .ics: parses back with icalendar, one all-day event per open due action and open check-in,
the same UIDs and bytes on a second export, and done or dropped actions left out."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from coachtui.domain.models import ActionStatus
from coachtui.export.calendar import ClientDates, calendar_ics
from tests.export import sample


def records(**changes: object) -> ClientDates:
    fields: dict[str, object] = {
        "client": sample.client,
        "actions": sample.actions,
        "checkins": sample.checkins,
        "sessions": [sample.session],
    }
    fields.update(changes)
    return ClientDates(**fields)  # type: ignore[arg-type]


def events(ics: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(ics)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_one_event_per_open_due_action_and_checkin_and_the_agreed_next_checkin() -> None:
    found = events(calendar_ics([records()], sample.NOW))
    assert sorted(found) == [
        "action-a00000000002@coachtui",
        "checkin-k00000000002@coachtui",
        "next-s00000000003@coachtui",
    ]
    action = found["action-a00000000002@coachtui"]
    assert action.decoded("dtstart") == date(2026, 11, 27)  # all-day: a date, not a time
    assert action.decoded("dtend") == date(2026, 11, 28)
    assert str(action["summary"]) == "Dana Ortiz: Draft a one-page case study of the onboarding interviews"
    assert "Sent to Sam for feedback" in str(action["description"])
    checkin = found["checkin-k00000000002@coachtui"]
    assert checkin.decoded("dtstart") == date(2026, 12, 7)
    assert str(checkin["description"]) == "halfway review"
    assert found["next-s00000000003@coachtui"].decoded("dtstart") == date(2026, 12, 4)


def test_a_second_export_has_the_same_uids_and_bytes() -> None:
    first = calendar_ics([records()], sample.NOW)
    assert calendar_ics([records()], sample.NOW) == first
    assert sorted(events(first)) == sorted(events(calendar_ics([records()], sample.NOW)))


def test_a_done_action_leaves_the_feed_and_the_others_keep_their_uids() -> None:
    done = sample.agreed.model_copy(update={"status": ActionStatus.DONE})
    found = events(calendar_ics([records(actions=[done, sample.dropped])], sample.NOW))
    assert sorted(found) == ["checkin-k00000000002@coachtui", "next-s00000000003@coachtui"]


def test_the_agreed_next_checkin_is_not_doubled_by_the_plans_checkin_that_day() -> None:
    same_day = sample.session.model_copy(update={"next_checkin": date(2026, 12, 7)})
    found = events(calendar_ics([records(sessions=[same_day])], sample.NOW))
    assert "next-s00000000003@coachtui" not in found


def test_an_empty_practice_is_a_valid_calendar() -> None:
    calendar = Calendar.from_ical(calendar_ics([], sample.NOW))
    assert calendar["version"] == "2.0" and not calendar.walk("VEVENT")
