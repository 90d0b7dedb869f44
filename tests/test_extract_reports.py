"""Reported speech and speakers in the forms news of this package's subject takes (made-up texts only)."""

import pytest

from iraq_presence.annotate.extract import Extractor, Gazetteer


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(Gazetteer({}, {}))


def reports(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [
        (p["quote"], p.get("speaker_id") or p.get("speaker_name"))
        for p in ex.run(text)["statements"]
        if p["statement_type"] == "indirect"
    ]


def test_adding_that_reports_the_main_subject(ex: Extractor) -> None:
    text = "Jane Roe met the farmers on Monday, adding that the harvest would be late this year."
    assert ("the harvest would be late this year", "Jane Roe") in reports(ex, text)


def test_stating_that_after_a_warning(ex: Extractor) -> None:
    text = "Tom Vale issued a warning on Friday, stating that the river will flood the lower town."
    assert ("the river will flood the lower town", "Tom Vale") in reports(ex, text)


def test_coordinated_cue_reports_the_clause_subject(ex: Extractor) -> None:
    text = "The Orchard League has old ties to the valley and has threatened to close every road."
    assert reports(ex, text) == [("to close every road", "Orchard League")]


def test_called_on_keeps_the_object_with_its_complement(ex: Extractor) -> None:
    text = "Anna Berg called on the growers to sell their apples before winter."
    assert reports(ex, text) == [("the growers to sell their apples before winter", "Anna Berg")]


def test_calls_for_in_a_lower_case_line(ex: Extractor) -> None:
    text = "Anna Berg calls for a full review of the dam project."
    assert reports(ex, text) == [("a full review of the dam project", "Anna Berg")]


def test_report_ends_where_its_quotation_begins(ex: Extractor) -> None:
    text = "Anna Berg said the dam was safe for now, adding: “We will check it again in May.”"
    assert ("the dam was safe for now", "Anna Berg") in reports(ex, text)


@pytest.mark.parametrize("verb", ["expressed", "clarified", "affirmed", "underlined", "condemned"])
def test_more_reporting_verbs(ex: Extractor, verb: str) -> None:
    text = f"Anna Berg {verb} that the dam would open in the spring."
    assert reports(ex, text) == [("the dam would open in the spring", "Anna Berg")]
