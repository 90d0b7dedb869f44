"""The stance where no cue reads a side, and a withdrawal only discussed (docs/curation.md, Stance; made-up text)."""

import pytest

from iraq_presence.annotate.suggest import Corpus, coded


def _stance(quote: str, verb: str = "said") -> str:
    return next(s.value for s in coded(quote, Corpus(), verb) if s.field == "stance_us_presence")


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        ("the foreign garrison was cutting its troops", "neutral"),  # a drawdown reported
        ("the coalition's patrols will be winding down next year", "neutral"),
        ("she vowed to put an end to the US troops in the valley", "demands_withdrawal"),
        ("the bands shall not permit the US troops to linger", "demands_withdrawal"),
        ("there were rocket strikes on its troops near the ford", "not_addressed"),
        ("it would retaliate against the forts if the US troops stayed past the spring", "demands_withdrawal"),
        ("the Vale Popular Forces are a pillar of the state", "not_addressed"),  # a named force, not the presence
        ("farmers will rally against the US garrison's troops", "demands_withdrawal"),
        ("the navy ended its forces' tour on the river", "neutral"),  # its own mission ended, no call
        ("the band has grown in rifles and fighting force", "not_addressed"),
        ("we mean to get the US out of the valley", "demands_withdrawal"),
        ("the patrols end, but the garrison troops will stay on to train", "accepts"),
        ("there will be no major change in troop levels at the fort", "accepts"),
        ("the garrison troops are expected to stay on to train", "neutral"),  # an expectation, no side
        ("the band once forced the US troops out of the valley", "demands_withdrawal"),
        ("harsh blows if US forces do not withdraw from the forts by the schedule", "demands_withdrawal"),
        ("the two states will negotiate a schedule for the withdrawal of the US troops", "neutral"),
        ("the two states must fix a schedule for the withdrawal of the US troops", "demands_withdrawal"),
    ],
)
def test_the_stance_of_words_naming_the_presence(quote: str, stance: str) -> None:
    assert _stance(quote) == stance


def test_many_demands_among_the_precedents_do_not_make_a_report_a_demand() -> None:
    """The precedents' vote is not the stance: most curated statements demand a withdrawal."""
    from iraq_presence.annotate.suggest import Precedent

    demands = [
        Precedent(
            f"009-s{n:02d}",
            "x",
            "the troops held a parade in the city",
            None,
            None,
            (),
            "demands_withdrawal",
            [],
            "u",
            None,
        )
        for n in range(5)
    ]
    got = next(
        s for s in coded("the troops held a parade in the city", Corpus(demands)) if s.field == "stance_us_presence"
    )
    assert got.value == "neutral"


def test_denying_a_report_on_the_forces_takes_no_side_on_them() -> None:
    assert _stance("the US troops at the fort had doubled", "denied") == "neutral"


@pytest.mark.parametrize(
    ("quote", "stance", "plover"),
    [
        ("the US control of the valley's airspace is a deception to keep the garrison", "demands_withdrawal", "ACCUSE"),
        ("Washington's grip over the ports is hegemony and must be fought", "demands_withdrawal", "ACCUSE"),
        ("the council lied about the budget", "not_addressed", "ACCUSE"),  # an accusation, no presence named
        ("let us control the ports ourselves", "not_addressed", None),  # "us" is no state
    ],
)
def test_an_accusation_against_the_foreign_hold_is_against_the_presence(quote: str, stance: str, plover: str) -> None:
    """Condemning the presence itself is `demands_withdrawal`; an allegation is ACCUSE (docs/curation.md)."""
    got = {s.field: s.value for s in coded(quote, Corpus(), "said")}
    assert got["stance_us_presence"] == stance
    assert (got["plover"] or {}).get("category") == plover
