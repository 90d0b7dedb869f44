"""An article's label: its title, or for an untitled article its id with what places it."""

from datetime import date

from iraq_presence.publish.labels import article_label, shown_date


def _art(**kw: object) -> dict[str, object]:
    base = {
        "article_id": "900_made_up",
        "title": None,
        "outlet_id": None,
        "published_date": None,
        "published_date_precision": None,
    }
    return {**base, **kw}


def test_a_title_is_the_label() -> None:
    assert article_label(_art(title="A made-up headline", outlet_id="o"), {"o": "Outlet"}) == "A made-up headline"


def test_an_untitled_article_is_named_by_id_outlet_and_date_as_precise_as_known() -> None:
    art = _art(outlet_id="o", published_date=date(2031, 5, 1), published_date_precision="month")
    assert article_label(art, {"o": "The Made-up Times"}) == "Untitled article 900_made_up (The Made-up Times, 2031-05)"
    assert article_label(_art(published_date="2031-05-07", published_date_precision="day"), {}) == (
        "Untitled article 900_made_up (2031-05-07)"
    )
    assert article_label(_art(), {}) == "Untitled article 900_made_up"


def test_shown_date_keeps_only_what_is_known() -> None:
    assert shown_date(date(2031, 1, 1), "year") == "2031"
    assert shown_date(None, "day") == ""
