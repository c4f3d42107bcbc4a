from datetime import date

from coachtui.domain.search_query import context, parse_query, parse_since

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


def test_every_term_from_the_beginning_of_a_word_ignoring_case() -> None:
    query = parse_query('negot "my manager" client:dana', TODAY)
    assert query.matches("My manager said the Negotiation is mine")
    assert not query.matches("My manager said the renegotiation is mine")  # not from a word's start
    assert not query.matches("negotiation with my boss")  # every term, in one text
    assert query.index_terms() == [["my", "manager"], ["negot"]]
    assert parse_query("?!", TODAY).index_terms() == []
    assert parse_query("", TODAY).is_empty and not parse_query("kind:quote", TODAY).is_empty


def test_spans_mark_each_term_and_merge_overlaps() -> None:
    query = parse_query('boss "boss said"', TODAY)
    assert query.spans("The boss said: Boss!") == [(4, 13), (15, 19)]
    assert parse_query("straße", TODAY).spans("Die Straße") == []  # folding changes the length


def test_context_is_one_line_around_the_first_match() -> None:
    text = "Opening words here.\n\nLater the client said: I want to lead the research team one day soon, and then a lab of my own."
    query = parse_query("research", TODAY)
    line, spans = context(text, query.spans(text), 40)
    assert "\n" not in line and len(line) <= 40
    assert line.startswith("…") and line.endswith("…")
    assert [line[a:b] for a, b in spans] == ["research"]
    short, short_spans = context("tiny research", query.spans("tiny research"), 40)
    assert (short, short_spans) == ("tiny research", [(5, 13)])


def test_a_one_letter_word_waits_for_the_second_letter() -> None:
    assert parse_query("t", TODAY).is_empty
    assert parse_query("try d", TODAY).terms == ("try",)
    assert parse_query('"a b"', TODAY).terms == ("a b",)  # a phrase is as written


def test_the_client_filter_names_a_client_by_a_word_of_the_name_or_the_id() -> None:
    query = parse_query("client:ort", TODAY)
    assert query.names_client("ab12", "Dana Ortiz") and not query.names_client("ab12", "Sam Okafor")
    assert parse_query("client:ab1", TODAY).names_client("ab12", "Dana Ortiz")
    assert parse_query("plain words", TODAY).names_client("ab12", "anyone")


def _folded_one_character_at_a_time(text: str) -> tuple[str, list[int]]:
    """The plain definition the context line is built to: each run of white space one space."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for char in text:
        if char.isspace():
            space = bool(out)
            where.append(len(out))
            continue
        if space:
            out.append(" ")
            space = False
        where.append(len(out))
        out.append(char)
    return "".join(out), where


def test_the_context_line_folds_white_space_as_its_definition_says() -> None:
    texts = [
        "",
        "   ",
        "one",
        "  lead\tand trail  ",
        "Line one.\n\n  Line\u00a0two,\u2003wide\x1cspace\r\nend",
        "a b  c   d",
    ]
    for text in texts:
        line, where = _folded_one_character_at_a_time(text)
        spans = [(start, start + 1) for start in range(len(text))]
        got_line, got_spans = context(text, spans, 10_000)
        assert got_line == line
        assert got_spans == [(where[start], where[start] + 1) for start in range(len(text))]
