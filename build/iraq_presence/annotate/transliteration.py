"""Romanised Arabic and Persian names folded to one key, so that the spellings one name is given in
English text ("Mohammed", "Muhammad", "Mohamed"; "Hussein", "Husayn"; "Qasim", "Kassem") compare equal.

The folds are general English transliteration practice, not any corpus's names: article prefixes
("al-", "Al ", "el-") and apostrophes dropped, accents stripped, doubled letters single, "ou"/"oo" as
"u", "ee" as "i", a diphthong ("ae", "ei", "ey", "ai") as "ay", "o" as "u", "q" as "k", "dh" as "z", a final
"-ah"/"-eh" as "-a" and a final silent "e" dropped ("Amine"). An "e" is the vowel transliterators
disagree on most ("Fadel"/"Fadil", "Mohammed"/"Muhammad"), so it matches "a" or "i" in `same_word`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PARTICLES = frozenset({"al", "el", "ul", "ad", "ud", "as", "an", "ar", "at", "az", "the"})
"""Article prefixes written apart or hyphenated ("al-X", "Al X", "ad-Din"): no part of the name's key."""
ABD = re.compile(r"^(?:abd|abdu|abdul|abdel|abdal|abdol)$")
"""'Abdul', 'Abdel', 'Abd al-': one word ('abd') before the name it joins."""
ABD_JOINED = re.compile(r"^abd(?:ul|el|al|ol|u)(?=[a-z]{4})(?!l?lah)")
"""'Abdulkarim' written as one word: 'abd' and 'karim'. 'Abdullah' is a name of its own."""
JOINING = frozenset({"abd", "abu", "um", "ibn", "bin", "bint"})
"""Folded words that are one name with the word after them ("Abd al-Karim", "Abu Ali", "bin Zayd"):
"Abd al-Karim X" and "Abd al-Rahman X" are two people, and so are "Abu Ali X" and "Abu X"."""

FOLDS = (
    (re.compile(r"dh"), "z"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ou|oo|ow(?=[^aeiou]|$)"), "u"),
    (re.compile(r"ee|ie(?=[^aeiou]|$)"), "i"),
    (re.compile(r"ae|ei|ey|ai|ay"), "ay"),
    (re.compile(r"o"), "u"),
    (re.compile(r"(?<=[a-z]{3})[ae]h$"), "a"),
    (re.compile(r"(?<=[a-z]{3}[^aeiouy])e$"), ""),
    (re.compile(r"(?<=[a-z]{2})y$"), "i"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)


def ascii_lower(text: str) -> str:
    """Accents stripped and lower case: "Anbār" is "anbar" (names and places compare so)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, particles dropped and a joining word kept with the word after it:
    "Abd al-Latif", "Abdul Latif" and "Abdullatif" are all ['abd latif']."""
    words: list[str] = []
    joining = False
    for raw in re.split(r"[\s\-]+", re.sub(r"[’'`ʿʾ‘]", "", ascii_lower(name))):
        word = re.sub(r"[^a-z]", "", raw)
        if not word or word in PARTICLES:
            continue
        if ABD.match(word):
            word = "abd"
        elif ABD_JOINED.match(word):
            word = "abd " + ABD_JOINED.sub("", word)
        elif word.startswith("al") and len(word) > 5 and raw.startswith("al") and word[2] not in "aeiou":
            word = word[2:]  # "Alhasani" as "al-Hasani"; "Alam", "Alawi" keep their letters
        for pattern, repl in FOLDS:
            word = " ".join(pattern.sub(repl, w) for w in word.split())
        if joining:
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
        joining = word in JOINING
    return tuple(words)


def key(name: str) -> str:
    """One string per name however it is spelled: the folded words joined by spaces."""
    return " ".join(name_words(name))


def same_word(a: str, b: str) -> bool:
    """Two folded words one transliteration apart: equal, or equal but for an "e" against "a" or "i"."""
    if a == b:
        return True
    if len(a) != len(b):
        return False
    return all(x == y or (x == "e" and y in "aei") or (y == "e" and x in "aei") for x, y in zip(a, b, strict=True))


def same_person(name: str, known: str) -> bool:
    """Whether `name` is the person `known` names in another spelling: the given name and the surname
    agree, and one name's words are the other's with middle names dropped ("First Last" of "First
    Middle Last"). Two people sharing a surname never agree: the given name must match too."""
    mine, theirs = name_words(name), name_words(known)
    if len(mine) < 2 or len(theirs) < 2:
        return False
    short, long = sorted((mine, theirs), key=len)
    if not (same_word(short[0], long[0]) and same_word(short[-1], long[-1])):
        return False
    rest = iter(long[1:-1])
    return all(any(same_word(w, x) for x in rest) for w in short[1:-1])


BROADCAST = frozenset({"tv", "televisiun", "chanel"})
"""A broadcaster's noun ("X TV", "X Channel"), folded: the same outlet with or without it."""


def same_name(name: str, known: str) -> bool:
    """Whether two names of an organisation or outlet are one name spelled otherwise, word by word."""
    mine = [w for w in name_words(name) if w not in BROADCAST]
    theirs = [w for w in name_words(known) if w not in BROADCAST]
    if not mine or len(mine) != len(theirs):
        return "".join(mine) == "".join(theirs) and bool(mine)  # "Al Sharqiya" and "Alsharqiya"
    return all(same_word(a, b) for a, b in zip(mine, theirs, strict=True))


__all__ = ["ascii_lower", "key", "name_words", "same_name", "same_person", "same_word"]
