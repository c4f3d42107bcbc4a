from datetime import date

from coachtui.domain.search_query import parse_query, parse_since

TODAY = date(2026, 6, 1)


def test_filters_and_phrase_are_parsed() -> None:
    query = parse_query(
        'client:Dana kind:insight|quote stage:reality since:2026-01-01 "my manager" boss', TODAY
    )
    assert query.client == "dana"
    assert query.kinds == {"insight", "quote"}
    assert query.stage == "reality"
    assert query.since == date(2026, 1, 1)
    assert query.phrases == ("my manager",)
    assert query.words == ("boss",)
    assert query.text == "my manager boss"


def test_relative_since_and_unknown_values_stay_words() -> None:
    assert parse_since("3m", TODAY) == date(2026, 3, 3)
    assert parse_since("2w", TODAY) == date(2026, 5, 18)
    query = parse_query("kind:banana since:soon plain", TODAY)
    assert query.kinds == frozenset()
    assert query.since is None
    assert query.words == ("kind:banana", "since:soon", "plain")
