"""Places and nationality words: what a draft never proposes as a new person or group (issue 21).

The names come from two kept data libraries, none typed here: countries are ISO 3166's (pycountry:
short, official and common names) with the English names and other spellings countryinfo gives
(codes such as "IS" or "KH" left out: they are groups' acronyms as often); subdivisions (provinces,
governorates, states) are ISO 3166-2's (pycountry); capitals and demonyms are countryinfo's. Names
compare without accents, case, hyphens, apostrophes and a leading "the", and a subdivision's Arabic
article may be left off ("Anbar" of "Al Anbār").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .transliteration import ascii_lower

RANK = {"country": 0, "capital": 1, "subdivision": 2}
"""Which reading wins when a name is several places: "Georgia" the country, "Baghdad" the capital."""
ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|az|ath|adh|el) (?=\w{4})")


@dataclass(frozen=True)
class Place:
    """What a name is (country, capital or subdivision) and of which countries (ISO 3166-1 alpha-2)."""

    kind: str
    countries: frozenset[str]


def fold(name: str) -> str:
    """A place name compared without accents, case, hyphens, apostrophes, stops and a leading "the"."""
    plain = ascii_lower(name)
    plain = re.sub(r"[\s\-]+", " ", re.sub(r"[’'`.]", "", plain)).strip()
    return re.sub(r"^the ", "", plain)


def place(name: str) -> Place | None:
    """The place `name` is, or None."""
    return _index().get(fold(name))


def country_names(code: str) -> frozenset[str]:
    """Every name of one country, folded: a known state's alias is any of them."""
    return _names().get(code, frozenset())


def demonyms() -> frozenset[str]:
    """The demonyms of every country ("Norwegian", "Dutch"), with their plurals ("Norwegians")."""
    return _demonyms()


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    import pycountry
    from countryinfo import CountryInfo

    names: dict[str, set[str]] = {}
    for c in pycountry.countries:
        forms = (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None))
        names.setdefault(c.alpha_2, set()).update(fold(n) for n in forms if n)
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        forms = [info.get("name"), *info.get("altSpellings", [])]
        if code:
            names.setdefault(code, set()).update(fold(n) for n in forms if n and not n.isupper())
    return {code: frozenset(n for n in forms if len(n) >= 3) for code, forms in names.items()}


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    import pycountry
    from countryinfo import CountryInfo

    found: dict[str, tuple[str, set[str]]] = {}

    def add(folded: str, kind: str, code: str) -> None:
        have = found.get(folded)
        if have is None or RANK[kind] < RANK[have[0]]:
            found[folded] = (kind, {code})
        elif have[0] == kind:
            have[1].add(code)

    for code, forms in _names().items():
        for folded in forms:
            add(folded, "country", code)
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if code:
                add(re.sub(r" dc$", "", fold(capital)), "capital", code)  # "Washington D.C."
    for s in pycountry.subdivisions:
        folded = fold(s.name)
        add(folded, "subdivision", s.country_code)
        add(ARTICLE.sub("", folded), "subdivision", s.country_code)
    return {k: Place(kind, frozenset(codes)) for k, (kind, codes) in found.items() if len(k) >= 3}


def demonym_countries(word: str) -> frozenset[str]:
    """The countries (ISO 3166-1 alpha-2) whose demonym `word` is ("Iraqi": IQ); empty for any other word."""
    return _demonym_index().get(word, frozenset())


def demonym_alpha3(word: str) -> frozenset[str]:
    """The countries (ISO 3166-1 alpha-3, as actors' `country`) whose demonym `word` is; empty for any other."""
    return _demonym_index3().get(word, frozenset())


@lru_cache(maxsize=1)
def _demonym_index3() -> dict[str, frozenset[str]]:
    from countryinfo import CountryInfo

    two = {
        (info.get("ISO") or {}).get("alpha2"): (info.get("ISO") or {}).get("alpha3")
        for info in CountryInfo.all().values()
    }
    return {d: frozenset(two[c] for c in codes if two.get(c)) for d, codes in _demonym_index().items()}


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, frozenset[str]]:
    from countryinfo import CountryInfo

    out: dict[str, set[str]] = {}
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        for d in filter(None, (w.strip() for w in re.split(r"[,/]", info.get("demonym") or ""))):
            if code:
                out.setdefault(d, set()).add(code)
    return {d: frozenset(codes) for d, codes in out.items()}


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    from countryinfo import CountryInfo

    words: set[str] = set()
    for info in CountryInfo.all().values():
        for d in filter(None, (w.strip() for w in re.split(r"[,/]", info.get("demonym") or ""))):
            words.update(
                (d, d if d.endswith(("s", "sh", "ch", "ese", "x", "z")) else f"{d}s")
            )  # "Iraqis", not "Swisss"
    return frozenset(words)


__all__ = ["Place", "country_names", "demonym_countries", "demonyms", "fold", "place"]
