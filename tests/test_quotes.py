"""The quotation scanner, one test per quoting pattern, on small texts made for the test."""

from iraq_presence.tables.quotes import find_quotes


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[q.start : q.end], q.pattern) for q in find_quotes(text)]


def test_curly_pair() -> None:
    assert spans("He said “we will stay” on Monday.") == [("we will stay", "paired")]


def test_straight_pair() -> None:
    assert spans('The minister said "no decision was made" today.') == [("no decision was made", "paired")]


def test_mismatched_marks() -> None:
    assert spans('They vowed to fight until the troops are “expelled from the country."') == [
        ("expelled from the country.", "mismatched")
    ]


def test_split_quote_gives_two_spans() -> None:
    text = '"This shift," the analyst added, "is evident in every statement."'
    assert spans(text) == [("This shift,", "paired"), ("is evident in every statement.", "paired")]


def test_run_on_paragraph() -> None:
    text = "“The first paragraph of a long quote.\n“The second paragraph ends it,” she said."
    assert spans(text) == [
        ("The first paragraph of a long quote.", "run_on"),
        ("The second paragraph ends it,", "paired"),
    ]


def test_unclosed_quote_at_paragraph_end() -> None:
    assert spans("He said “this never closes.\nNext paragraph.") == [("this never closes.", "unclosed")]


def test_ellipsis_inside_quote() -> None:
    text = "“Officials in Baghdad … must act,” he said. “They killed your guest ... and confessed.”"
    assert spans(text) == [
        ("Officials in Baghdad … must act,", "paired"),
        ("They killed your guest ... and confessed.", "paired"),
    ]


def test_stray_mark_from_embed_code() -> None:
    text = 'a post (@handle) ">posts on X. "The real quote," he added.'
    assert spans(text) == [('"', "stray_mark"), ("The real quote,", "paired")]


def test_space_inside_opening_mark() -> None:
    assert spans('saying " the group must be preserved."') == [(" the group must be preserved.", "paired")]
