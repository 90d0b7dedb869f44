"""PLOVER idioms the cue words do not read (docs/curation.md, PLOVER; made-up text)."""

import pytest

from iraq_presence.annotate.acts import act
from iraq_presence.annotate.suggest import Corpus, coded


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        ("a harsh response awaits if the garrison stays past spring", "THREATEN"),
        ("we shall push the garrison from the valley by force", "THREATEN"),
        ("she vowed to put an end to the foreign troops in the valley", "REJECT"),
        ("the Ardan navy will wind down its patrol mission by spring", "CONCEDE"),
        ("the bands offered a truce for the harvest", "CONCEDE"),
        ("she wants the garrison to leave the valley", "REQUEST"),
        ("the council must implement the decision at once", "REQUEST"),
        ("the bands urged the council to publish a schedule", "REQUEST"),
        ("our river mission will conclude next year", "CONCEDE"),
        ("the two sides will negotiate the future of the garrison in June", "AGREE"),
        ("Vale wants warm relations with its neighbour", "AGREE"),
        ("the harvest was good this year", None),
        ("At the fair, Ann Roe will discuss the price of grain", None),  # one party's plan, reported
        ('if the U.N. garrison "lingers" they would retaliate', "THREATEN"),  # an abbreviation's stops
        ("the reply from the neighbour was positive", "SUPPORT"),
        ("the mission of the river patrol fleet in the north valley will be winding down soon", "CONCEDE"),
    ],
)
def test_idioms_of_acts(quote: str, category: str | None) -> None:
    assert act(quote)[0] == category


def test_a_state_ending_its_own_mission_does_not_reject_it() -> None:
    assert act("the US decided to end the patrol mission")[0] != "REJECT"


def test_an_idiom_codes_only_words_no_cue_codes() -> None:
    """A cue verb names the act first; an idiom is read only where no cue names one."""
    got = {s.field: s.value for s in coded("the two sides will discuss the garrison", Corpus(), "denied")}
    assert got["plover"]["category"] == "REJECT"
    got = {s.field: s.value for s in coded("the two sides will discuss the garrison", Corpus(), "said")}
    assert got["plover"]["category"] == "AGREE"


def test_a_short_precedent_naming_a_withdrawal_is_no_strong_precedent() -> None:
    """A curated phrase that is a subset of the words ("calls for a withdrawal") gives them no act."""
    from iraq_presence.annotate.suggest import Precedent

    short = Precedent(
        "009-s01",
        "x",
        "urges a withdrawal",
        "REQUEST",
        "yield",
        ("military",),
        "demands_withdrawal",
        [],
        "u",
        None,
    )
    got = {s.field: s.value for s in coded("the band fixed no day for a withdrawal", Corpus([short]), "said")}
    assert got["plover"] is None


def test_an_idiom_in_the_first_clause_comes_before_later_cue_words() -> None:
    """ "the importance of X" is coded by X (docs/curation.md): cooperation AGREE, a withdrawal REQUEST."""
    assert act("they noted the importance of working together on the ports")[0] == "AGREE"
    assert act("she noted the importance of joint work on carrying out the withdrawal")[0] == "REQUEST"
    got = {
        s.field: s.value
        for s in coded("the two saw the importance of working together to strengthen the dykes", Corpus(), None)
    }
    assert got["plover"]["category"] == "AGREE"


def test_a_call_for_the_state_to_leave_demands_its_forces_end() -> None:
    got = {s.field: s.value for s in coded("the US to withdraw from the valley", Corpus(), "wish")}
    assert (got["plover"]["category"], got["stance_us_presence"]) == ("REQUEST", "demands_withdrawal")
