"""The alias matcher and the actor gazetteer's resolution of spellings."""

import pandas as pd

from iraq_presence.tables.mentions import AliasMatcher


def found(aliases: list[str], text: str) -> list[str]:
    return [m.surface for m in AliasMatcher(aliases).find(text)]


def test_longest_match_wins() -> None:
    assert found(["Hezbollah", "Kata’ib Hezbollah"], "Kata’ib Hezbollah and Hezbollah") == [
        "Kata’ib Hezbollah",
        "Hezbollah",
    ]


def test_word_boundaries() -> None:
    assert found(["Iran", "US"], "Iranian USD Iran's US-Iraqi") == ["Iran", "US"]


def test_case_sensitive() -> None:
    assert found(["US"], "let us go, US forces") == ["US"]


def test_alias_ending_in_punctuation() -> None:
    assert found(["U.S."], "U.S. pressure") == ["U.S."]


def test_no_aliases() -> None:
    assert found([], "anything") == []


def test_spellings_resolve_to_one_actor(built_repo) -> None:
    mentions = pd.read_parquet(built_repo / "data" / "mentions.parquet")
    actor = dict(zip(mentions["surface"], mentions["actor_id"]))
    same = [
        ("Qaani", "Ghaani"),
        ("Hadi al-Amiri", "Hadi al-Ameri"),
        ("Pezeshkian", "Pazeshkian"),
        ("PMU", "PMF"),
        ("PMF", "Hashd al-Shaabi"),
    ]
    for a, b in same:
        assert actor[a] == actor[b], (a, b)
    assert actor["Qaani"] == "esmail-qaani"
    assert actor["PMU"] == "popular-mobilization-forces"


def test_every_alias_is_attested(built_repo) -> None:
    aliases = pd.read_parquet(built_repo / "data" / "actor_aliases.parquet")
    assert (aliases["n_mentions"] > 0).all()
