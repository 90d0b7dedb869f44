"""Topics by the codebook's definitions over the cue words (docs/curation.md, Topics; made-up text)."""

import pytest

from iraq_presence.annotate.suggest import Corpus, coded


def _topics(quote: str) -> list[str]:
    return next(s.value for s in coded(quote, Corpus(), "said") if s.field == "topics")


@pytest.mark.parametrize(
    ("quote", "topics"),
    [
        ("the partnership of Vale and the United States is strong", []),  # not Iran–Iraq ties
        ("the partnership of Vale and Iran is strong", ["bilateral_relations"]),
        ("the two states signed a security pact on the river", ["security_cooperation"]),
        ("the talks follow the decisions of the Vale parliament on the matter", ["sovereignty"]),
        ("the garrison was cut in agreement with the Valeian government", ["sovereignty"]),
        ("the feud pulls the valley into conflicts", ["regional_conflict"]),
    ],
)
def test_topics_by_the_codebook(quote: str, topics: list[str]) -> None:
    assert _topics(quote) == topics


def test_a_group_fought_or_the_factions_as_subject_do_not_speak_of_the_factions() -> None:
    def topics(quote: str) -> list[str]:
        return next(s.value for s in coded(quote, Corpus(), "said", ["Dark Band"]) if s.field == "topics")

    assert topics("the coalition against the Dark Band terror cell will end") == ["us_military_presence"]
    assert "armed_factions" not in topics("the garrison stays while the Dark Band is defeated")
    assert topics("the Dark Band will keep its weapons") == ["armed_factions"]
    assert topics("The militias have proposed a plan") == []
    assert topics("The militias grew larger") == ["armed_factions"]  # their strength, not their speech
    assert topics("The militias have proposed a plan for the bands' weapons") == ["armed_factions"]
