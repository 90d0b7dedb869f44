"""The page head read for the draft: credits printed with the date, datelines, printed dates in their
common shapes, headlines and the furniture that is never a title (made-up text)."""

import datetime as dt

import pytest

from iraq_presence.annotate.actors import Context
from iraq_presence.annotate.byline import read_metadata
from iraq_presence.annotate.draft import article_fields
from iraq_presence.annotate.printed import date_only, printed_dates
from iraq_presence.annotate.suggest import Corpus

BODY = "\n\nThe minister said on Friday that talks with the delegation would go on.\n\nHe gave no date.\n"


def _draft(text: str, published: dt.date | None = None) -> dict:
    ctx = Context("009_x", text, published, {}, {}, Corpus())
    meta = read_metadata(text, published, {}, {})
    doc, _ = article_fields(ctx, meta, url=None, outlet=None, published_date=published, title=None)
    return {**doc, "new_actors": ctx.new_actors}


def test_an_agency_credited_with_the_date_is_the_outlet_and_the_date_is_stated():
    text = "Minister says talks will go on\n\nQZW , Friday 5 Jan 2024" + BODY
    doc = _draft(text, dt.date(2024, 1, 5))
    assert doc["outlet"] == "qzw" and doc["outlet_basis"] == "stated"
    assert doc["new_actors"]["qzw"]["actor_type"] == "media_outlet"
    assert doc["new_actors"]["qzw"]["evidence"]["quote"] == "QZW"
    assert doc["published_date_basis"] == "stated"
    assert doc["published_date_evidence"]["quote"] == "Friday 5 Jan 2024"
    assert doc["title"]["quote"] == "Minister says talks will go on"


def test_a_printed_date_that_disagrees_with_the_given_one_is_flagged_not_stated():
    doc = _draft("Minister says talks will go on\n\nQZW , Friday 5 Jan 2024" + BODY, dt.date(2024, 1, 9))
    assert doc["published_date"] == dt.date(2024, 1, 9) and doc["published_date_basis"] == "given"
    assert "5 Jan 2024" in doc["published_date_note"]


def test_a_person_printed_with_the_date_is_an_author():
    meta = read_metadata("Talks resume in the capital\nJane Roe | 9 January 2025" + BODY, None, {}, {})
    assert [a.text for a in meta.authors] == ["Jane Roe"] and meta.outlet is None
    assert meta.date_value == dt.date(2025, 1, 9)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("NORTHVILLE, Mar. 3 (QNA) – A group said it would keep fighting.", "QNA"),
        ("NORTHVILLE, Freedonia (ZP) — A group said it would keep fighting.", "ZP"),
        ("(Vale News) - A group said it would keep fighting.", "Vale News"),
    ],
)
def test_a_dateline_credit_after_a_place_and_date(line: str, outlet: str):
    meta = read_metadata(f"Group vows to keep fighting\n\n{line}\n", None, {}, {})
    assert meta.outlet is not None and meta.outlet.text == outlet


def test_a_full_date_in_the_dateline_is_the_printed_date():
    meta = read_metadata("Group vows\n\nNORTHVILLE, 4 March 2031 (QNA) – A group spoke.\n", None, {}, {})
    assert meta.outlet.text == "QNA" and meta.date_value == dt.date(2031, 3, 4)


@pytest.mark.parametrize(
    ("line", "published", "value"),
    [
        ("Jan. 09, 2025 • 2 min read", None, dt.date(2025, 1, 9)),
        ("14:04 - November 23, 2031", None, dt.date(2031, 11, 23)),
        ("Published: 2031-01-09T10:00 GMT", None, dt.date(2031, 1, 9)),
        ("Sept 3rd, 2031", None, dt.date(2031, 9, 3)),
        ("25/01/2031 14:22", None, dt.date(2031, 1, 25)),
        ("01/25/2031", None, dt.date(2031, 1, 25)),
        ("09/01/2031", dt.date(2031, 1, 9), dt.date(2031, 1, 9)),
        ("09/01/2031", dt.date(2031, 9, 1), dt.date(2031, 9, 1)),
    ],
)
def test_printed_dates_in_their_common_shapes(line: str, published, value):
    found = printed_dates(line, 0, len(line), published)
    assert [p.value for p in found] == [value]


def test_a_day_and_month_that_could_be_swapped_are_not_guessed():
    assert printed_dates("09/01/2031", 0, 10, None) == []
    assert printed_dates("09/01/2031", 0, 10, dt.date(2031, 5, 5)) == []


def test_a_weekday_that_does_not_fit_lowers_the_confidence():
    [p] = printed_dates("Monday 5 Jan 2024", 0, 17, None)  # 5 January 2024 was a Friday
    assert p.confidence < 0.5 and "weekday" in p.note


def test_a_date_line_holds_nothing_but_the_date():
    assert date_only("Updated: Friday, 5 January 2024 | 10:32 AM", 0, 42, None)
    assert not date_only("Talks resumed on 5 January 2024 in the capital", 0, 46, None)


def test_a_question_or_a_quoted_ending_can_be_a_headline_but_a_sentence_cannot():
    q = read_metadata("Troop withdrawal from Freedonia: will it finally happen?" + BODY, None, {}, {})
    assert q.title is not None and q.title.text.endswith("happen?")
    quoted = read_metadata("Leader says troops must 'leave now'" + BODY, None, {}, {})
    assert quoted.title is not None
    sentence = read_metadata("He said: “we will fight.”" + BODY, None, {}, {})
    assert sentence.title is None


def test_section_labels_and_ids_are_furniture_not_the_title():
    meta = read_metadata("3476619\nMiddle East\nTroop withdrawal from Freedonia: what next" + BODY, None, {}, {})
    assert meta.title.text == "Troop withdrawal from Freedonia: what next"
    assert [i["quote"] for i in meta.issues if i["issue_type"] == "page_furniture"] == ["3476619", "Middle East"]
    furniture = read_metadata("News ID: 12\nPublish Date: 16 January 2031\nTalks resume" + BODY, None, {}, {})
    assert furniture.title.text == "Talks resume" and furniture.date_value == dt.date(2031, 1, 16)
    paged = "Wednesday 02 March 2033\nNews ID: 12\nPublish Date: 16 January 2031\nTalks resume" + BODY
    assert read_metadata(paged, None, {}, {}).date_value == dt.date(2031, 1, 16)
    assert read_metadata(paged, dt.date(2031, 1, 16), {}, {}).date.confidence > 0.4
    credit = read_metadata("Photo Credit: Army photo by Sgt. Lee Moss\n\nTalks resume" + BODY, None, {}, {})
    assert credit.title.text == "Talks resume"
    assert [i["quote"] for i in credit.issues if i["issue_type"] == "page_furniture"] == [
        "Photo Credit: Army photo by Sgt. Lee Moss"
    ]


@pytest.mark.parametrize(
    "label",
    [
        "0 $\n2,500 $\n€ 40",
        "Skip to content",
        "Story continues below",
        "Sign In / Up",
        "Ann Roe, the guild's spokesman",
    ],
)
def test_amounts_and_the_pages_own_labels_are_furniture_not_the_title(label: str):
    meta = read_metadata(f"{label}\n\nTalks resume in Freedonia" + BODY, None, {}, {})
    assert meta.title.text == "Talks resume in Freedonia"


def test_a_capital_in_capitals_opening_the_body_is_a_dateline_not_an_outlet():
    assert (
        read_metadata("Talks resume\n\nPARIS — Talks resumed on Monday, officials said.", None, {}, {}).outlet is None
    )
    agency = read_metadata("Talks resume\n\nXNA — Talks resumed on Monday, officials said.", None, {}, {}).outlet
    assert agency is not None and agency.text == "XNA"


def test_a_byline_below_the_pages_widgets_marks_the_head_and_names_the_agency_beside_its_date():
    widgets = "".join(f"Widget line {k} for guests\n\n" for k in range(12))
    text = widgets + "Freedonia talks resume over the dam\n\nBy Harbor Press 28/1/2031\nBy Ann Roe and Ben Tal" + BODY
    meta = read_metadata(text, None, {}, {})
    assert meta.title.text == "Freedonia talks resume over the dam"
    assert (meta.outlet.text, [a.text for a in meta.authors]) == ("Harbor Press", ["Ann Roe", "Ben Tal"])
    assert meta.date_value == dt.date(2031, 1, 28)


def test_a_city_and_agency_line_credits_the_agency():
    meta = read_metadata(
        "Talks resume in Freedonia\n\nHARBORTOWN-Vale Wire\nTalks resumed on Monday." + BODY, None, {}, {}
    )
    assert meta.outlet.text == "Vale Wire"
    assert read_metadata("Talks resume in Freedonia\n\nHARBORTOWN-Agencies\n" + BODY, None, {}, {}).outlet is None


def test_a_weekday_before_the_date_is_no_credit():
    meta = read_metadata("Talks resume\nWednesday, 16 January 2031" + BODY, None, {}, {})
    assert meta.authors == [] and meta.outlet is None
    assert meta.date_value == dt.date(2031, 1, 16) and meta.date.confidence == 0.6


def test_the_reporters_of_a_closing_agency_credit_are_authors():
    text = "Talks resume" + BODY + "(Reporting by Jane Roe in Northville and Omar Vane; Editing by Ann Poe)\n"
    meta = read_metadata(text, None, {}, {})
    assert [(a.text, text[a.start : a.end]) for a in meta.authors] == [
        ("Jane Roe", "Jane Roe"),
        ("Omar Vane", "Omar Vane"),
    ]
    assert any(i["issue_type"] == "byline" and "Editing" in i["quote"] for i in meta.issues)


def test_a_section_path_is_furniture_neither_credit_nor_title():
    for path in ("News   /   Region   /   Top Picks", "Home > World > Middle East", "Wire » Politics » Freedonia"):
        meta = read_metadata(f"{path}\n\nFreedonia's council says the base must close" + BODY, None, {}, {})
        assert meta.title is not None and meta.title.text == "Freedonia's council says the base must close"
        assert meta.outlet is None
        assert [i["quote"] for i in meta.issues if i["issue_type"] == "page_furniture"] == [path]
    opening = "Wire Press/ The minister said on Friday that talks would go on."
    credit = read_metadata(f"Talks resume\n\n{opening}", None, {}, {})
    assert credit.outlet is not None and credit.outlet.text == "Wire Press"


def test_a_time_and_zone_in_the_byline_is_no_outlet():
    meta = read_metadata("Talks resume\n\nBy Lena Varga | March 3, 2031 | 4:33am EST" + BODY, None, {}, {})
    assert [a.text for a in meta.authors] == ["Lena Varga"]
    assert meta.outlet is None and meta.date_value == dt.date(2031, 3, 3)
    agency = read_metadata("Talks resume\n\nBy Lena Varga | March 3, 2031 | QZW" + BODY, None, {}, {})
    assert agency.outlet is not None and agency.outlet.text == "QZW"


def test_a_headline_with_a_comma_and_a_role_at_its_end_is_still_the_headline():
    meta = read_metadata(
        "Norland, Vale to set a timeline for the dam during talks: foreign minister" + BODY, None, {}, {}
    )
    assert meta.title is not None and meta.title.text.endswith("foreign minister")


def test_a_name_alone_under_the_date_line_is_the_author_not_the_headline():
    text = "Talks on the dam resume in Freedonia\n\n22-07-2031\nAnn Roe\nAnn Roe\n" + BODY
    meta = read_metadata(text, None, {}, {})
    assert [a.text for a in meta.authors] == ["Ann Roe"] and meta.title.text.startswith("Talks on the dam")
    assert read_metadata("Talks on the dam resume\n\nAnn Roe\n" + BODY, None, {}, {}).authors == []


def test_a_hard_wrapped_page_has_no_headline_inside_its_sentences():
    text = (
        "Ann Roe on Monday said that the\nguild in the valley is pressuring the council and a number of\n"
        'farmers to keep the gates shut.\nTom Hale said he told\nthe council later after he flew to Vale. "We know\n'
        'the dam\nis old."\n'
    )
    assert read_metadata(text, None, {}, {}).title is None


def test_a_credit_line_of_nothing_but_places_is_the_dateline_not_the_headline():
    meta = read_metadata("Vale News – Basra / Baghdad" + BODY, None, {}, {})
    assert meta.outlet is not None and meta.outlet.text == "Vale News"
    assert meta.title is None
    assert any(i["quote"] == "Vale News – Basra / Baghdad" for i in meta.issues)


def test_a_credit_opening_a_sentence_keeps_its_line_a_headline_candidate():
    meta = read_metadata("Vale News – Talks resume in the capital" + BODY, None, {}, {})
    assert meta.title is not None and meta.title.text.startswith("Vale News")


def test_a_closing_for_outlet_name_city_credit_names_the_author_and_outlet():
    text = "Talks resume in the capital" + BODY + "\nFor Vale News, Jane Roe, Basra."
    meta = read_metadata(text, None, {}, {})
    assert [a.text for a in meta.authors] == ["Jane Roe"]
    assert meta.outlet is not None and meta.outlet.text == "Vale News"
    assert "For his part" not in [
        a.text for a in read_metadata(text + "\nFor his part, Jane Roe agreed.", None, {}, {}).authors
    ]


def test_a_date_printed_as_the_pages_update_is_inferred_not_stated():
    doc = _draft("Talks resume in the capital\nUpdated 5 January 2024" + BODY)
    assert doc["published_date"] == dt.date(2024, 1, 5) and doc["published_date_basis"] == "inferred"
    assert "updated" in doc["published_date_note"] and not doc.get("published_date_evidence")
    both = _draft("Talks resume in the capital\nPublished: 4 January 2024\nUpdated: 5 January 2024" + BODY)
    assert both["published_date"] == dt.date(2024, 1, 4) and both["published_date_basis"] == "stated"


def test_on_a_page_with_a_byline_and_no_credit_the_outlet_told_is_the_pages_own():
    body = "\n\nThe minister told Vale News on Monday that the talks would go on.\n"
    meta = read_metadata("Talks resume in the capital\n\n5 January 2024\nJane Roe" + body, None, {}, {})
    assert meta.outlet is not None and meta.outlet.text == "Vale News" and meta.outlet.confidence <= 0.5
    assert read_metadata("Talks resume in the capital" + body, None, {}, {}).outlet is None  # no byline: a reprint?
    two = body + "\nHe also told Quill Press that he would stay.\n"
    assert read_metadata("Talks resume in the capital\n\n5 January 2024\nJane Roe" + two, None, {}, {}).outlet is None


def test_the_outlet_told_is_drafted_as_inferred_without_a_credit_span():
    doc = _draft(
        "Talks resume in the capital\n\n5 January 2024\nJane Roe\n\nThe minister told Vale News he would stay.\n"
    )
    assert doc["outlet"] == "vale-news" and doc["outlet_basis"] == "inferred" and not doc.get("outlet_evidence")
    assert "Vale News" in doc["outlet_note"]


def test_an_unknown_one_word_outlet_told_is_proposed_but_a_person_told_is_not():
    head = "Talks resume in the capital\n\n5 January 2024\nJane Roe\n\n"
    meta = read_metadata(
        head + "The minister told Quillpost on Monday he would stay. He told Quillpost’s reporter more.", None, {}, {}
    )
    assert meta.outlet is not None and meta.outlet.text == "Quillpost"
    person = read_metadata(
        head + "The minister told Hale on Monday he would stay. Hale said he agreed. Hale left.", None, {}, {}
    )
    assert person.outlet is None
