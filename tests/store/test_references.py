"""CLIENT and SESSION references: an id, a name or prefix, 'dana 3', 'dana last'; clear errors otherwise."""

from __future__ import annotations

import pytest

from coachtui.domain.models import Client
from coachtui.store.errors import AmbiguousReference, RecordNotFound
from coachtui.store.finder import split_session_ref
from coachtui.store.repository import Repository
from tests.store.conftest import make_session


@pytest.fixture
def practice(repo: Repository) -> Repository:
    for client_id, name in (
        ("aa0000000001", "Dana Ortiz"),
        ("aa0000000002", "Dan Moss"),
        ("bb0000000003", "Sam Okafor"),
    ):
        repo.save_client(Client(id=client_id, name=name))
    for number in (1, 2, 3):
        repo.save_session(make_session("aa0000000001", number, id=f"d{number}0000000000"))
    repo.save_session(make_session("bb0000000003", 1, id="s10000000000"))
    return repo


@pytest.mark.parametrize(
    ("ref", "split"),
    [
        ("dana 3", ("dana", "3")),
        ("Dana Ortiz last", ("Dana Ortiz", "last")),
        ("dana LAST", ("dana", "last")),
        ("ann#2", ("ann", "2")),
        ("bob # 1", ("bob", "1")),
        ("d10000", None),
        ("dana", None),
    ],
)
def test_split_session_ref(ref: str, split: tuple[str, str] | None) -> None:
    assert split_session_ref(ref) == split


def test_a_session_by_client_and_number_or_last(practice: Repository) -> None:
    assert practice.find_session("dana 2").id == "d20000000000"
    assert practice.find_session("dana o 3").id == "d30000000000"
    assert practice.find_session("dana last").id == "d30000000000"
    assert practice.find_session("sam last").id == "s10000000000"
    assert practice.find_session("Dana Ortiz#1").id == "d10000000000"
    assert practice.find_session("d2").id == "d20000000000"


def test_an_unknown_session_number_lists_the_numbers(practice: Repository) -> None:
    with pytest.raises(RecordNotFound) as caught:
        practice.find_session("dana 9")
    assert str(caught.value) == (
        "No session matches 'dana 9'. Dana Ortiz's sessions are numbered 1, 2, 3; 'last' is the latest."
    )


def test_a_client_without_sessions_says_so(practice: Repository) -> None:
    with pytest.raises(RecordNotFound, match="Dan Moss has no session yet"):
        practice.find_session("dan moss last")


def test_an_ambiguous_client_in_a_session_ref_lists_the_clients(practice: Repository) -> None:
    with pytest.raises(AmbiguousReference) as caught:
        practice.find_session("dan 1")
    assert "Dana Ortiz (aa0000000001)" in str(caught.value) and "Dan Moss (aa0000000002)" in str(caught.value)


def test_a_bare_client_is_not_a_session(practice: Repository) -> None:
    with pytest.raises(RecordNotFound, match="Sam Okafor is a client: say which session, e.g. 'sam last'"):
        practice.find_session("sam")


def test_an_unknown_session_says_how_to_name_one(practice: Repository) -> None:
    with pytest.raises(RecordNotFound, match="'dana 3' or 'dana last'"):
        practice.find_session("zz")


def test_an_unknown_client_lists_the_clients(practice: Repository) -> None:
    with pytest.raises(RecordNotFound) as caught:
        practice.find_client("zed")
    assert str(caught.value) == (
        "No client matches 'zed'. Known clients: Dan Moss (aa0000000002); Dana Ortiz (aa0000000001); "
        "Sam Okafor (bb0000000003)."
    )
    with pytest.raises(RecordNotFound, match="No client matches 'zed'. Known clients"):
        practice.find_session("zed 1")


def test_an_empty_practice_has_no_client(repo: Repository) -> None:
    with pytest.raises(RecordNotFound, match="There is no client yet"):
        repo.find_client("dana")
