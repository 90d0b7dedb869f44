"""The validator's batch alias matcher gives exactly the matches of the build's `AliasMatcher`."""

import random

import numpy as np

from iraq_presence.checks.rescan import alias_matches
from iraq_presence.tables.mentions import AliasMatcher


def one_by_one(texts: list[str], aliases: list[str]) -> list[tuple[int, int, int]]:
    matcher = AliasMatcher(aliases)
    return [(i, m.start, m.end) for i, text in enumerate(texts) for m in matcher.find(text)]


def batch(texts: list[str], aliases: list[str]) -> list[tuple[int, int, int]]:
    return [tuple(map(int, row)) for row in np.column_stack(alias_matches(texts, aliases))]


def test_the_matchers_cases() -> None:
    cases = [
        (["Hezbollah", "Kata’ib Hezbollah"], ["Kata’ib Hezbollah and Hezbollah"]),
        (["Iran", "US"], ["Iranian USD Iran's US-Iraqi", "US"]),
        (["US"], ["let us go, US forces"]),
        (["U.S."], ["U.S. pressure", "the U.S.", "U.S.A"]),
        (["Prime Minister", "Minister Ali", "Ali"], ["Prime Minister Ali said", "Minister Ali"]),
        ([], ["anything"]),
        (["x"], []),
        (["", "a"], ["a b", ""]),
        (["_a", "a_"], ["_a_ a_ _a"]),
    ]
    for aliases, texts in cases:
        assert batch(texts, aliases) == one_by_one(texts, aliases), (aliases, texts)


def test_random_texts_match_alike() -> None:
    """Overlapping aliases, aliases starting or ending in punctuation, non-ASCII letters,
    underscores, matches at the ends of texts and texts next to each other."""
    rng = random.Random(18)
    alphabet = "ab_ .-é’\n1"
    for _ in range(2000):
        aliases = ["".join(rng.choices(alphabet, k=rng.randint(1, 4))) for _ in range(rng.randint(0, 6))]
        texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 30))) for _ in range(rng.randint(0, 4))]
        assert batch(texts, aliases) == one_by_one(texts, aliases), (aliases, texts)


def test_an_alias_holding_every_joining_character() -> None:
    """No character is left to join the texts with: the texts are matched one by one."""
    odd = "".join(map(chr, range(1, 32)))
    texts, aliases = [f"a{odd}b a", "b a"], [odd, "a"]
    assert batch(texts, aliases) == one_by_one(texts, aliases)
