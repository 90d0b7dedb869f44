"""Meeting reports on made-up texts: found with their people and date, linked only when both agree."""

import datetime as dt

from iraq_presence.annotate.extract import Extractor, Gazetteer
from iraq_presence.annotate.meetings import Meeting, agreeing

GAZ = Gazetteer(
    {"Ann Berg": "ann-berg", "Berg": "ann-berg", "Olaf Moe": "olaf-moe", "Veridia": "veridia"},
    {"ann-berg": "person", "olaf-moe": "person", "veridia": "state"},
)
TEXT = "Ann Berg met Olaf Moe in the capital on Wednesday to discuss the border.\nBerg later flew home."
MEETINGS = [
    Meeting("m-berg-moe-may", dt.date(2021, 5, 5), "day", frozenset({"ann-berg", "olaf-moe"})),
    Meeting("m-berg-moe-2020", dt.date(2020, 1, 1), "year", frozenset({"ann-berg", "olaf-moe"})),
]


def test_meeting_report_names_its_people_and_date() -> None:
    [report] = Extractor(GAZ).run(TEXT, dt.date(2021, 5, 7))["meetings"]
    assert report["participants"] == ["ann-berg", "olaf-moe"]
    assert (report["date"], report["date_precision"], report["date_text"]) == ("2021-05-05", "day", "on Wednesday")


def test_report_links_to_the_meeting_whose_participants_and_date_agree() -> None:
    [report] = Extractor(GAZ).run(TEXT, dt.date(2021, 5, 7))["meetings"]
    assert agreeing(report, MEETINGS) == ["m-berg-moe-may"]


def test_no_link_when_the_date_disagrees_or_is_unknown() -> None:
    [later] = Extractor(GAZ).run(TEXT, dt.date(2021, 6, 10))["meetings"]
    assert agreeing(later, MEETINGS) == []
    [undated] = Extractor(GAZ).run(TEXT)["meetings"]
    assert undated["date"] is None and agreeing(undated, MEETINGS) == []


def test_a_year_precise_meeting_holds_a_day_in_that_year() -> None:
    report = {"participants": ["olaf-moe", "ann-berg"], "date": "2020-03-04", "date_precision": "day"}
    assert agreeing(report, MEETINGS) == ["m-berg-moe-2020"]


def test_one_person_or_no_meeting_cue_is_no_report() -> None:
    assert Extractor(GAZ).run("Ann Berg met reporters on Wednesday.", dt.date(2021, 5, 7))["meetings"] == []
    assert Extractor(GAZ).run("Ann Berg praised Olaf Moe on Wednesday.", dt.date(2021, 5, 7))["meetings"] == []
