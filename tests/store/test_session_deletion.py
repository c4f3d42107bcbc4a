"""A session held by mistake is deleted as if it had not been held, and the plan's history says so."""

from __future__ import annotations

from datetime import date, datetime

from coachtui.domain.accountability import review_action
from coachtui.domain.models import Action, ActionStatus, Reflection, ReviewOutcome
from coachtui.domain.session_deletion import delete_session
from coachtui.store.repository import Repository
from tests.closing import as_closed
from tests.store.conftest import make_session

AT = datetime(2026, 11, 24, 9, 0)


def test_deleting_a_session_takes_its_actions_reviews_and_reflection_with_it(
    repo: Repository, client
) -> None:
    first = as_closed(make_session(client.id, 1))
    homework = Action(client_id=client.id, text="Update my CV", due=date(2026, 11, 20))
    repo.close_session(first, [homework])
    mistaken = make_session(client.id, 2)
    review, reviewed = review_action(homework, ReviewOutcome.DONE, "easy", session_id=mistaken.id, at=AT)
    agreed = Action(client_id=client.id, text="Something agreed by mistake")
    mistaken.reviews.append(review)
    mistaken.action_ids.append(agreed.id)
    repo.close_session(as_closed(mistaken), [reviewed, agreed])
    repo.save_reflection(Reflection(session_id=mistaken.id, client_id=client.id, what_worked="n/a"))
    assert {a.text: a.status for a in repo.list_actions(client.id)}["Update my CV"] is ActionStatus.DONE

    deletion = delete_session(
        repo.get_session(client.id, mistaken.id), repo.list_actions(client.id), AT, "wrong client"
    )
    repo.delete_session(deletion)

    assert [s.number for s in repo.list_sessions(client.id)] == [1]
    actions = {a.text: a for a in repo.list_actions(client.id)}
    assert set(actions) == {"Update my CV"}
    assert actions["Update my CV"].status is ActionStatus.OPEN and actions["Update my CV"].reviews == []
    assert repo.get_reflection(mistaken.id, client.id) is None
    [revision] = [r for r in repo.list_revisions(client.id) if r.target_kind == "session"]
    assert revision.summary.startswith("Deleted session 2 of ") and revision.reason == "wrong client"
    assert repo.next_session_number(client.id) == 2
    assert mistaken.id not in repo.summaries()[client.id].sessions_without_reflection
