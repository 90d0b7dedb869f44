"""An office's report of what its principal said gives the principal's words (made-up text)."""

from __future__ import annotations

import datetime as dt

from iraq_presence.annotate.actors import Context
from iraq_presence.annotate.draft import statements
from iraq_presence.annotate.extract import Extractor, Gazetteer
from iraq_presence.annotate.principals import office_principal, principal
from iraq_presence.annotate.roles import Role, org_forms
from iraq_presence.annotate.suggest import Corpus

ALIASES = {"Ann Roe": "ann-roe", "Roe": "ann-roe", "Ben Tal": "ben-tal", "Norland": "norland"}
TYPES = {"ann-roe": "person", "ben-tal": "person", "norland": "state"}
PREMIER = Role(
    (("prime", "minister"),), "ann-roe", org_forms(["Norland"]), dt.date(2029, 1, 1), dt.date(2031, 1, 1), True
)
DAY = dt.date(2030, 5, 10)


def _ctx(text: str) -> Context:
    return Context("009_x", text, DAY, ALIASES, TYPES, Corpus(), roles=[PREMIER])


def test_the_principal_of_an_office() -> None:
    """By the owner's name, by the title's one holder at the article's date, by 'his office' after a name."""
    text = "Ann Roe spoke. Later his office said more."
    ctx = _ctx(text)
    assert principal(ctx, "Ann Roe's office", 0) == "ann-roe"
    assert principal(ctx, "the Norlandian prime minister's office", 0) == "ann-roe"
    assert principal(ctx, "his office", text.index("his office")) == "ann-roe"
    assert principal(ctx, "the minister of trade's office", 0) is None


def test_an_office_speaks_for_its_principal_only_where_its_words_are_about_him() -> None:
    ctx = _ctx("x")
    assert office_principal(ctx, "Ann Roe's office", 0, " said she had told the envoy") == "ann-roe"
    assert office_principal(ctx, "Ann Roe's office", 0, " said in a statement that Ann Roe had left") == "ann-roe"
    assert office_principal(ctx, "Ann Roe's office", 0, " said the meeting lasted an hour") is None


def test_a_drafted_office_statement_and_its_pronoun_are_the_principals() -> None:
    """'X's office said he had stressed that …': both the office's report and the nested 'he' are X's;
    the office's own account of something else stays the office's."""
    text = (
        "Ben Tal met the envoy on Monday.\n\n"
        "Ann Roe's office said she had stressed that the decision belonged to Norland alone.\n\n"
        "Ann Roe's office said the meeting lasted an hour."
    )
    proposals = Extractor(Gazetteer(ALIASES, TYPES, [PREMIER])).run(text, DAY)
    ctx = _ctx(text)
    drafted = statements(ctx, proposals, {})[0]
    speakers = {(s["quote"][:12], s["speaker"]) for s in drafted}
    assert ("the decision", "ann-roe") in speakers and ("the decision", "ben-tal") not in speakers
    assert ("the meeting ", "office-of-ann-roe") in speakers


def test_his_office_after_a_person_this_draft_proposes_and_a_quotation_about_him_before_it() -> None:
    """'his office' names the person last named, known or first named in this article; a quotation
    before the office's attribution that begins with the principal ("The premier insisted")
    is about him."""
    text = "Ida Vane, the Vale premier, met the envoy. His aides were there.\n\n“He said more,” his office said."
    ctx = _ctx(text)
    ctx.new_actors["ida-vane"] = {"actor_id": "ida-vane", "actor_type": "person", "aliases": ["Ida Vane"]}
    assert principal(ctx, "his office", text.index("his office")) == "ida-vane"
    assert office_principal(ctx, "his office", text.index("his office"), "“The premier insisted on it") == "ida-vane"


def test_a_quotation_opening_with_its_verb_is_the_principals() -> None:
    ctx = _ctx("Ann Roe spoke. “Backed the dyke law,” a statement from her office read.")
    words = "backed the dyke law at once"
    assert office_principal(ctx, "Ann Roe's office", 0, words, quoted=True) == "ann-roe"
    assert office_principal(ctx, "Ann Roe's office", 0, " stated the meeting lasted an hour") is None
