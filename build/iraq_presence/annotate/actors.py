"""New actors of a draft: a name in the text as a known actor, a known actor spelled otherwise
(an alias proposed), or a new actor with its evidence in this article and a proposed type.

Places and nationality words are not actors (issue 21; names from `places`): a curated metonym or a
capital resolves to the state it stands for, a country's name is a state, and another place or a
nationality word is left for the curator. A person's titled and plain forms ("Sheikh X Y", "X Y")
are one actor, named without the title; another romanisation of a known name (`transliteration`)
is an alias of its actor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .lexicon import COUNT_WORDS, STATE_PARTICIPLE
from .suggest import Corpus

ORG_TYPES = (
    (re.compile(r"\b(?:UN|United Nations|NATO|European Union|Arab League)\b"), "international_organization"),
    (re.compile(r"\b(?:Coalition|Alliance|Bloc|Front|Axis|Coordinat\w*)\b"), "coalition"),
    (
        re.compile(r"\b(?:TV|Television|Radio|News|Channel|Times|Post|Media|Magazine|Daily)\b"),
        "media_outlet",
    ),
    (
        re.compile(
            r"\b(?:Ministry|Parliament|Council|Government|Court|Commission|Cabinet|Presidency|Department|Office"
            r"|White House|Pentagon|Embassy|Administration)\b"
        ),
        "state_body",
    ),
    (re.compile(r"\b(?:Party)\b"), "political_party"),
    (re.compile(r"\b(?:Armed Forces|Security Forces|Army|Navy|Air Force|Guards?|Corps|Command)\b"), "state_military"),
    (re.compile(r"\b(?:Institute|Center|Centre|University|Foundation|Observatory)\b"), "research_organization"),
    (
        re.compile(
            r"\b(?:Brigades?|Battalions?|Militia|Resistance|Hezbollah|Hizbollah|Hizballah|Hizbullah|Hezbullah|Kataib"
            r"|Kata’ib|Kataeb|Kata'ib|Asaib|Asa’ib|Harakat|Saraya|Forces|Organization|Movement)\b"
        ),
        "armed_group",
    ),
)


@dataclass
class Context:
    """What the draft is built from: the text, the known actors and the corpus of precedents."""

    article_id: str
    text: str
    published: dt.date | None
    aliases: dict[str, str]
    types: dict[str, str]
    corpus: Corpus
    known_affiliations: set[tuple[str, str, str]] = field(default_factory=set)
    metonyms: dict[str, str] = field(default_factory=dict)
    """Place names the curation reads as a state or government ("Washington" for the United States)."""
    new_actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_aliases: list[dict[str, Any]] = field(default_factory=list)
    roles: list[Any] = field(default_factory=list)
    """Dated role titles (roles.Role) from the curated affiliations: "the prime minister" at the article's date."""
    headline: tuple[int, int] | None = None
    """The span of the line read as the article's title, below any page furniture (byline.read_metadata)."""
    countries: dict[str, str] = field(default_factory=dict)
    """Known actors' countries (ISO 3166-1 alpha-3): "the Valeian official" is no actor of another country."""

    @property
    def prefix(self) -> str:
        return self.article_id.split("_")[0]


def slug(name: str) -> str:
    """An actor id from a name: lower case ASCII words joined by hyphens, apostrophes dropped as the
    curated ids drop them ("Kata'ib X" is kataib-x)."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", re.sub(r"[’'`]", "", name)).encode("ascii", "ignore").decode()
    plain = re.sub(r"\b(U)\.(S|N|K)\.|\b(E)\.(U)\.", lambda m: "".join(g for g in m.groups() if g), plain)  # "U.S."
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "actor"


def quote_ref(text: str, quote: str, start: int) -> dict[str, Any]:
    ref: dict[str, Any] = {"quote": quote}
    if text.count(quote) > 1:
        ref["occurrence"] = text[:start].count(quote) + 1
    return ref


PARTICLES = {"al", "bin", "ibn", "abu", "of", "the", "and", "for", "de", "el"}
OUTLET_NOUNS = re.compile(
    r"\b(?:magazine|newspaper|daily|weekly|agency|channel|network|website|broadcaster|outlet|TV|television)\s+$"
)


def looks_like_name(name: str) -> bool:
    """Capitalised words (with particles), not opening with a sentence word: 'Moreover' is no one."""
    from .lexicon import NOT_NAMES

    words = name.split()
    if not words or words[0] in NOT_NAMES or words[0].lower() in NOT_NAMES:
        return False
    if len(words) == 1 and (SENTENCE_ADVERB.search(name) or CONTRACTION.match(name)):
        return False  # "Ironically", "He’s": a sentence adverb or a contraction, no one
    return all(w[:1].isupper() or w.split("-")[0].lower() in PARTICLES for w in words)


SENTENCE_ADVERB = re.compile(r"(?:ally|ively|ously|edly|ingly|ately|fully|lessly|ently|antly)$")
CONTRACTION = re.compile(r"^(?:He|She|It|They|We|I|You|There|That|What|Here|Who)[’'](?:s|re|ll|d|ve|m)$")


def demonym(name: str, text: str) -> bool:
    """A nationality or creed word ("Iraqi people"): a country's demonym, or an adjective wherever the
    text uses it; not an actor."""
    from .lexicon import CREED_WORDS
    from .places import demonyms

    if name in CREED_WORDS or (name in demonyms() and not _written_as_surname(text, name)):
        return True  # "Norwegian", "Dutch", "South Korean" (countryinfo): "Ada Welsh" is a name
    if " " in name:
        return False
    uses = [m.end() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    adjective = name.endswith(("ian", "ese", "ish", "i")) and all(_before_a_noun(text, e) for e in uses)
    return bool(uses) and adjective


def _before_a_noun(text: str, end: int) -> bool:
    """A lowercase word follows the word, and it is no verb of speech or auxiliary ("X told", "X has said"):
    the word qualifies a noun ("Iraqi people"), it is not the subject of a clause."""
    from .lexicon import CUE_FORMS, MODALS

    m = re.match(r" ([a-z]+)", text[end : end + 30])
    verbs = {f.split()[0] for f in CUE_FORMS} | MODALS | {"has", "had", "is", "was", "have", "also"}
    return m is not None and m.group(1) not in verbs


TRAILING = re.compile(
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|on|in"
    r"|(?:this|last|next)\s+(?:week|month|year|weekend)))+$|[.,;:]+$"
)
"""A weekday or a stop the extractor's span took along ("told Outlet Sunday that")."""


QUANTIFIERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "several", "dozens"}
)
GENERIC_GROUP = frozenset({
    "armed", "group", "groups", "movement", "organization", "organisation", "party", "front", "militia", "militias",
    "faction", "factions", "coalition", "alliance", "brigades", "brigade", "resistance", "administration", "government",
})  # fmt: skip
"""Group nouns that name no group of their own ("the Movement said"): the group named elsewhere."""
BACKED = re.compile(rf"^[A-Z][\w’']+-{STATE_PARTICIPLE}$")
"""A state's word with a participle ("Valeian-backed"): an adjective, never an actor's name."""
PLACE = re.compile(
    r"^(?:Camp|Mount|Lake|Port)\s|\s(?:Air ?[Bb]ase|Base|Province|Governorate|City|Square|Street|Airport|River"
    r"|Valley|Region|District)$"
    r"|(?:^|\s)(?:Agreement|Accord|Treaty|Pact|Deal|Framework|Memorandum|Resolution|Law|Act)$"
)
"""Names of places and of documents by their own words ("X Airbase", "the Security Agreement"): never an actor."""
NAME_WORD = r"(?:\b[A-Z]|\b(?:al|el)-[A-Z])[\w’'-]*"
NAME_BEFORE = re.compile(rf"(?:{NAME_WORD}\s+(?:(?:of|the|for|and)\s+)?)*{NAME_WORD}\s*$")
"""The capitalised run that ends just before a bracket: the long form of an acronym."""


def clean_name(text: str, name: str, start: int, candidates: list[dict[str, Any]] = ()) -> tuple[str, int] | None:
    """The name a source span holds, or None when it names no one: page furniture ("Read More"), a
    title ("Group Spox", "the Iraqi PM"), a nationality word and a group noun ("Iraqi Militia").

    A possessor or a place before it is not the name ("Outlet's X Y" is X Y, "City-based Z TV" is Z TV); an
    acronym in brackets after a name is that name ("Long Name (LN)"); a surname alone is the fuller name
    the article gives ("Surname" of "First Surname").
    """
    from .lexicon import FURNITURE_NAMES, GROUP_ROLE_NOUNS, NOT_ACTOR_AFTER
    from .names import _role_word

    name = TRAILING.sub("", name)
    for m in re.finditer(r"[’']s\s+|\b[\w’'-]+-based\s+", name):
        if name[m.end() :][:1].isupper():
            start, name = start + m.end(), name[m.end() :]
    name = name.removesuffix("’s").removesuffix("'s")
    while (
        len(name.split()) > 1
        and BACKED.match(name.split()[0])
        and name.split()[1][:1].isupper()
        and not all(map(_nationality, name.split()[1:]))
    ):
        first = name.split()[0]
        start, name = start + len(first) + 1, name[len(first) + 1 :]  # "Valeian-backed X Y": the name is X Y
    words = name.split()
    if not words or name in FURNITURE_NAMES or all(w in FURNITURE_NAMES for w in words):
        return None
    if words[0].lower() in QUANTIFIERS:
        return None  # "Three bands", "Both sides": a count of actors the text goes on to name or describe
    if _role_word(words[-1]) and words[-1].lower() not in GROUP_ROLE_NOUNS | {"party", "organization"}:
        return None  # "Group Spox", "Iraqi PM": a title, resolved (or not) by the extractor, never a new actor
    if all(w.lower() in GENERIC_GROUP for w in words):
        return None  # "the Movement", "Armed Group": a group noun, the group named elsewhere
    if PLACE.search(name) or NOT_ACTOR_AFTER.match(text, start + len(name)):
        return None  # "Camp X", "X Airbase", "X air base", "the X-Y war": a place or an event, not an actor
    if len(words) == 2 and _nationality(words[0]) and words[1].lower() in {"militia", "group", "official", "source"}:
        return None  # "Iraqi Militia": a description of an unnamed actor
    if any(map(BACKED.match, words)) and all(_nationality(w) or BACKED.match(w) for w in words):
        return None  # "Valeian-backed Dovran": adjectives of the actor the text goes on to describe
    bracket = text.find(f"({name})")
    if name.isupper() and bracket > 0:
        run = NAME_BEFORE.search(text[max(0, bracket - 80) : bracket])
        long = run.group(0).strip() if run else ""
        long = re.sub(r"^(?:The|A|An)\s+", "", long)
        if len(long.split()) >= 2:
            return long, text.rfind(long, 0, bracket)  # "Long Name (LN)": the acronym is the name's
    if len(words) == 1:
        key = re.sub(r"^(?:al|el)-", "", name.lower())
        fuller = [c for c in candidates if len(c["name"].split()) > 1 and c["name"].split()[-1].lower().endswith(key)]
        fuller = [c for c in fuller if re.sub(r"^(?:al|el)-", "", c["name"].split()[-1].lower()) == key]
        fuller = [c for c in fuller if not all(map(_nationality, c["name"].split()[:-1]))]  # "Valeian X": X
        if len({c["name"] for c in fuller}) == 1:
            return fuller[0]["name"], fuller[0]["start"]
    return name, start


def _folded(name: str) -> str:
    """A name compared without case, hyphens and apostrophes: "al-X TV", "Al X TV" and "Al-X TV" agree."""
    return re.sub(r"[’'`]", "", name.lower().replace("-", " "))


def _nationality(word: str) -> bool:
    from .lexicon import CREED_WORDS, DEMONYM_SUFFIXES
    from .places import demonyms

    return word in CREED_WORDS or (word[:1].isupper() and word.endswith(DEMONYM_SUFFIXES)) or word in demonyms()


def org_type(name: str, default: str) -> str:
    return next((t for pattern, t in ORG_TYPES if pattern.search(name)), default)


def _known_spelling(ctx: Context, name: str, kind: str) -> tuple[str, float, str] | None:
    """The known alias `name` spells otherwise, with the alias type to propose: close in letters, another
    romanisation of it, all its words in one alias, or (for a group) the one known group sharing its
    distinctive word ("Harakat al-X" and "al-X Movement")."""
    from rapidfuzz import fuzz, process

    if not ctx.aliases:
        return None
    close = process.extractOne(name, list(ctx.aliases), scorer=fuzz.ratio, processor=_folded, score_cutoff=88)
    if close is not None and _same_holder(ctx, name, close[0], kind):
        return close[0], close[1], "variant"
    best = _transliterated(ctx, name, kind)
    words = name.split()
    if best is None and len(words) >= 2:
        # a short form: all its words in one known alias ("Hezbollah" of "Kataib Hezbollah" is not: one word),
        # a person's only with the same given name ("Ada Roe" of "Ada Lee Roe", never "Lee Roe")
        holders = {
            a: i
            for a, i in ctx.aliases.items()
            if all(w in a.split() for w in words) and (ctx.types.get(i) != "person" or _same_holder(ctx, name, a, kind))
        }
        if len(set(holders.values())) == 1:
            best = (next(iter(holders)), 90.0, "variant")
    if best is None and len(words) == 1 and kind == "person":
        best = _known_surname(ctx, name)
    if best is None and (kind in GROUP_KINDS or _lone_group_word(ctx, words)):
        mine = _distinctive(name)
        hits = {i: a for a, i in ctx.aliases.items() if ctx.types.get(i) in GROUP_KINDS and mine & _distinctive(a)}
        if len(hits) == 1 and mine:
            best = (next(iter(hits.values())), 80.0, "variant")
    return best


GROUP_KINDS = {"armed_group", "coalition", "political_party"}


def _known_surname(ctx: Context, name: str) -> tuple[str, float, str] | None:
    """A surname alone ("Roe said", the article giving no fuller name) that ends the full name of exactly one
    known person: that person, the surname proposed as an alias."""
    if len(name) < 4:
        return None
    holders = {
        i: a
        for a, i in ctx.aliases.items()
        if ctx.types.get(i) == "person" and len(a.split()) >= 2 and a.split()[-1] == name
    }
    return (next(iter(holders.values())), 85.0, "variant") if len(holders) == 1 else None


def _lone_group_word(ctx: Context, words: list[str]) -> bool:
    """A lone word taken for a person may be a known group's short name ("al-X" of "Harakat al-X"):
    news introduces a person by a fuller name, so a single word no known person's alias holds is
    matched against the groups' distinctive words too."""
    if len(words) != 1:
        return False
    mine = _distinctive(words[0])
    return bool(mine) and not any(
        ctx.types.get(i) == "person" and mine & set(_folded(a).split()) for a, i in ctx.aliases.items()
    )


def _same_holder(ctx: Context, name: str, alias: str, kind: str) -> bool:
    """A close spelling names the alias's holder only if both are people or neither is (a group's name
    is no person's), and a person's only if the given names agree too ("Ada Roe" is not "Ida Roe")."""
    from .transliteration import name_words, same_person

    person = ctx.types.get(ctx.aliases[alias]) == "person"
    if person != (kind == "person"):
        return False
    return not person or len(name_words(alias)) < 2 or same_person(name, alias)


def _transliterated(ctx: Context, name: str, kind: str) -> tuple[str, float, str] | None:
    """The one known actor whose alias is `name` in another romanisation ("Mohammed"/"Muhammad",
    "Qasim"/"Kassem", "al-"/"Al ", a middle name dropped), scored on the folded keys: a person only
    for a person, an outlet only for an outlet. An article that prints a known person's alias as well
    names two people, not one in two spellings."""
    from rapidfuzz import fuzz

    from .transliteration import key, same_name, same_person

    def fits(alias: str, actor: str) -> bool:
        held = ctx.types.get(actor)
        if (held == "person") != (kind == "person") or (held == "media_outlet") != (kind == "media_outlet"):
            return False
        if held == "person":
            return same_person(name, alias) and not re.search(rf"(?<![\w’'-]){re.escape(alias)}(?![\w’'-])", ctx.text)
        return same_name(name, alias)

    hits = {alias: actor for alias, actor in ctx.aliases.items() if fits(alias, actor)}
    if len(set(hits.values())) != 1:
        return None
    alias = max(hits, key=lambda a: fuzz.ratio(key(a), key(name)))
    return alias, fuzz.ratio(key(alias), key(name)), "transliteration"


GROUP_WORDS = {
    "harakat", "hizbollah", "hezbollah", "hizballah", "kataib", "kata’ib", "kata'ib", "saraya", "asaib", "asa'ib",
    "asa’ib", "movement", "brigades", "brigade", "organization", "organisation", "resistance", "islamic", "party",
    "front", "forces", "force", "group", "coalition", "alliance", "iraqi", "popular", "mobilization", "mobilisation",
    "army", "ahl", "sayyid", "sayyed", "imam", "the", "of", "in", "and", "for",
}  # fmt: skip
"""Words many group names share ("Movement", "Kataib", "Hezbollah"): no sign that two names are one group."""


def _distinctive(name: str) -> set[str]:
    return {w for w in re.sub(r"\b(?:al|el)-", "", _folded(name)).split() if len(w) >= 4 and w not in GROUP_WORDS}


OUTLET_TAIL = re.compile(r"\s+(?:Agency|Network|TV|Channel|Website|Newspaper)$")
NEWS_TAIL = re.compile(r"\s+News\s+(?:Agency|Network)$")
"""The kind of outlet named after its name ("X News Agency" of the known "X News" or "X")."""


def actor_for(ctx: Context, name: str, start: int, kind: str, why: str) -> str:
    """The known actor of `name`, a known actor it spells differently (an alias proposed), or a new actor."""
    if name in ctx.aliases:
        return ctx.aliases[name]
    if name in ctx.metonyms:
        return ctx.metonyms[name]  # a place is no actor: the state it stands for, as curated before
    body = known_body(ctx, name)
    if body is not None:
        return body  # "X's government": the curated government of X, not a new actor beside it
    if demonym(name, ctx.text):
        return f"TODO-new-actor ({name})"  # a nationality word is no actor: the curator names the one meant
    for short in {OUTLET_TAIL.sub("", name), NEWS_TAIL.sub("", name)} - {name}:
        if short in ctx.aliases and ctx.types.get(ctx.aliases[short]) == "media_outlet":
            _propose_alias(ctx, ctx.aliases[short], name, "variant", f"the known outlet {short!r} with its kind named")
            return ctx.aliases[short]  # "X News Agency" of the known "X News"
    first, _, rest = name.partition(" ")
    if (
        len(rest.split()) >= 2
        and demonym(first, ctx.text)
        and (rest in ctx.aliases or _known_spelling(ctx, rest, kind))
    ):
        return actor_for(ctx, rest, start + len(first) + 1, kind, why)  # "Iraqi X Y": the known X Y, its country said
    placed, kind = _as_place(ctx, name, kind)
    if placed is not None:
        return placed
    plain = _untitled(name) if kind == "person" else name
    untitled = _known_untitled(ctx, plain, kind)
    if untitled is not None:
        return untitled
    best = _known_spelling(ctx, plain, kind) if plain != name else None
    spelled = plain if best is not None else name  # the alias to propose: the name as matched
    best = best or _known_spelling(ctx, name, kind)
    if best is not None:
        actor = ctx.aliases[best[0]]
        how = " in another romanisation" if best[2] == "transliteration" else ""
        _propose_alias(
            ctx, actor, spelled, best[2], f"matches the known alias {best[0]!r}{how} (similarity {best[1] / 100:.2f})"
        )
        return actor
    same = _drafted_as(ctx, name)
    if same is not None:
        forms = ctx.new_actors[same]["aliases"]
        if name not in forms:
            forms.append(name)
        return same
    actor_id = slug(_untitled(name) if kind == "person" else name)
    if actor_id in ctx.types and ctx.types[actor_id] != kind:
        actor_id = f"{actor_id}-{ctx.prefix}"
    if actor_id not in ctx.new_actors:
        ctx.new_actors[actor_id] = {
            "actor_id": actor_id,
            "name": _untitled(name) if kind == "person" else name,
            "actor_type": kind,
            "description": f"{why} in article {ctx.prefix}.",
            "evidence": quote_ref(ctx.text, name, start),
            "aliases": short_forms(ctx.text, name, kind),
        }
    return actor_id


def _propose_alias(ctx: Context, actor: str, name: str, alias_type: str, why: str) -> None:
    if all(a["text"] != name for a in ctx.new_aliases):
        ctx.new_aliases.append(
            {
                "actor": actor,
                "text": name,
                "alias_type": alias_type,
                "note": f"Proposed: {name!r} in this article {why}.",
            }
        )


def _as_place(ctx: Context, name: str, kind: str) -> tuple[str | None, str]:
    """A place is no new person or group (issue 21), so (the actor, the kind to propose): a country's
    name is its state, the known one (its other names proposed as aliases) or a new actor of type
    `state` (a state acting, "Norland said"); a capital is its known state, as a curated metonym is
    (docs/curation.md, Mentions); any other place, or a capital of no known state, is a TODO for the
    curator, and so is a city taken for an outlet (an outlet named after a city has more words: "X Today");
    a word the text also gives as a surname ("Ada Kent") is a name, not a place."""
    from .places import place

    found = place(name)
    if found is None or _written_as_surname(ctx.text, name):
        return None, kind
    if kind == "media_outlet" and found.kind != "country":
        return f"TODO-new-actor ({name})", kind  # a city alone names no outlet: the curator names the one meant
    state = _known_state(ctx, found.countries)
    if found.kind == "country" and state is not None:
        _propose_alias(
            ctx, state, name, "variant", "is a name of the country of this known state (ISO 3166, countryinfo)"
        )
        return state, kind
    if found.kind == "country":
        return None, "state"
    return state if found.kind == "capital" and state else f"TODO-new-actor ({name})", kind


def _known_state(ctx: Context, countries: frozenset[str]) -> str | None:
    """The one known state whose alias names the one country given, or None."""
    from .places import country_names, fold

    if len(countries) != 1:
        return None  # a capital two states claim: no guess
    names = country_names(next(iter(countries)))
    states = {i for a, i in ctx.aliases.items() if ctx.types.get(i) == "state" and fold(a) in names}
    return next(iter(states)) if len(states) == 1 else None


def _written_as_surname(text: str, word: str) -> bool:
    """Whether the text writes a one-word name after a given name or a title ("Ada Kent", "President
    Kent"): then it is someone's name, whatever place it also names."""
    from .lexicon import NOT_NAMES

    if " " in word:
        return False
    return any(
        m[1] not in NOT_NAMES and not _nationality(m[1])
        for m in re.finditer(rf"\b([A-Z][\w’'-]+)\s+{re.escape(word)}\b", text)
    )


def folded_variants(ctx: Context, candidates: list[dict[str, Any]]) -> None:
    """Names the text spells as a known alias is spelled but for case, hyphens and apostrophes
    ("Kata’ib X" for "Kataib X"), or in another romanisation ("Kassem X" for "Qasim X"): proposed as
    aliases, so their mentions are found, even where no statement needs them."""
    folded: dict[str, set[str]] = {}
    for alias, actor in ctx.aliases.items():
        folded.setdefault(_folded(alias), set()).add(actor)
    for c in candidates:
        name = c["name"]
        actors = folded.get(_folded(name), set())
        if name in ctx.aliases or any(a["text"] == name for a in ctx.new_aliases):
            continue
        if len(actors) == 1:
            actor = next(iter(actors))
            known = next(a for a, i in ctx.aliases.items() if i == actor and _folded(a) == _folded(name))
            how, alias_type = "case, hyphens or apostrophes", "variant"
        else:
            kind = {"person": "person", "media_outlet": "media_outlet"}.get(c.get("suggested_type", ""), "organization")
            found = _transliterated(ctx, name, kind) if not actors and c.get("suggested_type") != "other" else None
            if found is None:
                continue
            known, actor, how, alias_type = found[0], ctx.aliases[found[0]], "another romanisation", "transliteration"
        ctx.new_aliases.append(
            {
                "actor": actor,
                "text": name,
                "alias_type": alias_type,
                "note": f"Proposed: {name!r} in this article is the known alias {known!r} spelled otherwise ({how}).",
            }
        )


def attested_forms(ctx: Context) -> None:
    """Keep only the aliases the text uses on their own: one only ever inside a longer one never matches."""
    for a in ctx.new_actors.values():
        forms = sorted(set(a["aliases"]), key=len, reverse=True)
        kept: list[str] = []
        for form in forms:
            masked = ctx.text
            for longer in kept:
                masked = masked.replace(longer, " " * len(longer))
            if re.search(rf"(?<![\w’'-]){re.escape(form)}(?![\w’'-])", masked):
                kept.append(form)
        a["aliases"] = [f for f in a["aliases"] if f in kept]


def _untitled(name: str) -> str:
    """A person's name without the titles and role nouns before it ("Sheikh X Y", "Analyst X Y" -> "X
    Y"), two words at least."""
    words = name.split()
    while len(words) > 2 and _is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def _known_untitled(ctx: Context, plain: str, kind: str) -> str | None:
    """The known person a name stands for without its titles: "Major-General X Y" of the known "X Y", and
    "General X" of the known X (a title and a surname alone)."""
    if plain in ctx.aliases:
        return ctx.aliases[plain]
    words = plain.split()
    if kind == "person" and len(words) == 2 and _is_title(words[0]) and words[1] in ctx.aliases:
        return ctx.aliases[words[1]] if ctx.types.get(ctx.aliases[words[1]]) == "person" else None
    return None


def _is_title(word: str) -> bool:
    """A title or role noun ("Maj.", "Major-General", "spokesman")."""
    from .lexicon import PERSON_TITLES, ROLE_NOUNS

    parts = word.rstrip(".").split("-")
    return all(x.rstrip(".") in PERSON_TITLES for x in parts) or word.lower() in ROLE_NOUNS


def _drafted_as(ctx: Context, name: str) -> str | None:
    """The new actor of this draft that `name` names too: one holds all the other's words (two at
    least), or `name` is a title and the surname of the one drafted person of that surname ("General
    Roe" after "Major General Ada Roe")."""
    words = set(_untitled(name).split())
    for actor_id, a in ctx.new_actors.items():
        other = set(_untitled(a["name"]).split())
        if len(words) >= 2 and len(other) >= 2 and (words <= other or other <= words):
            return actor_id
    surname = _titled_surname(name)
    people = [i for i, a in ctx.new_actors.items() if a["actor_type"] == "person" and a["name"].split()[-1] == surname]
    return people[0] if surname and len(people) == 1 else None


def _titled_surname(name: str) -> str | None:
    """The one word after a person's titles ("General Roe" -> "Roe"), else None."""
    from .lexicon import PERSON_TITLES

    words = name.split()
    titled = len(words) >= 2 and all(w.rstrip(".") in PERSON_TITLES for w in words[:-1])
    return words[-1] if titled else None


def short_forms(text: str, name: str, kind: str) -> list[str]:
    """The name, and a person's surname where the text uses it alone ("al-Tamimi said")."""
    forms = [name]
    last = name.split()[-1]
    if kind == "person" and len(name.split()) > 1 and len(last) > 3:
        alone = re.search(rf"(?<![\w’'-]){re.escape(last)}(?![\w’'-])", text.replace(name, " " * len(name)))
        if alone:
            forms.append(last)
    return forms


OUTLET_AFTER = re.compile(
    r"\s+(?:(?:news|press)\s+)?(?:agency|newspaper|daily|weekly|magazine|channel|network|website|broadcaster"
    r"|TV|television|radio)\b"
)
"""An outlet noun after the name ("X news agency", "the X newspaper"): the name is an outlet's."""
OUTLET_WORDS = re.compile(
    r"\b(?:Agency|Newspaper|Press(?!\s+(?:Office|Secretary|Service|Department)))\b"
    r"|\b(?:Journal|Times|Post|Herald|Tribune|Gazette|Telegraph|Chronicle|Daily)$"
)
"""Outlet words in the name besides ORG_TYPES' ("X Press", "X News Agency"), and a newspaper's last word ("the
Wall Street Journal", "The Daily Beast" is caught by its first)."""
GROUP_AFTER = re.compile(r"\s+(?:forces|militias?|fighters|brigades?|factions?|movement|paramilitaries)\b")
GROUP_BEFORE = re.compile(r"\b(?:paramilitary|militia|armed group|armed faction)\s+$")
"""A group noun after the name or before it ("X forces", "the paramilitary X"): the name is a group's."""
HEARER = re.compile(
    r"(?:\btold|\bsaid to|\bspeaking to|\binterview with|\bstatement to|\baccording to)\s+(?:the\s+)?$", re.I
)
REPORTER = re.compile(r"\s+(?:reported|reports|quoted|cited)\b")
"""Around a lone word: the outlet the words went to ("told X", "according to X") or that reported them."""


def candidate_kind(ctx: Context, name: str, suggested: str) -> str:
    """The type of a new actor by the words around it: outlet nouns before or after it, its own words (an
    outlet's, a group's, an office's), or a lone word only ever heard ("told X") where a person would
    have been introduced by a fuller name: an outlet (docs/curation.md, Medium)."""
    at = ctx.text.find(name)
    uses = [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", ctx.text)] or [at]
    if at > 0 and OUTLET_NOUNS.search(ctx.text[max(0, at - 40) : at]):
        return "media_outlet"  # "the American magazine X", "the daily X"
    if any(OUTLET_AFTER.match(ctx.text, u + len(name)) for u in uses if u >= 0) or OUTLET_WORDS.search(name):
        return "media_outlet"  # "X news agency", "X Press"
    told = [u for u in uses if not (u >= 0 and ctx.text.startswith(":", u + len(name)) and _line_start(ctx.text, u))]
    if (
        len(name.split()) == 1
        and told
        and all(
            u > 0 and (HEARER.search(ctx.text[max(0, u - 30) : u]) or REPORTER.match(ctx.text, u + len(name)))
            for u in told
        )
    ):
        return "media_outlet"  # "told X", "X reported", never introduced as a person (a "X: …" headline aside)
    typed = org_type(name, "")
    if typed:
        return typed  # a group, outlet or office by its own words, whatever the name index guessed
    if any(GROUP_AFTER.match(ctx.text, u + len(name)) for u in uses if u >= 0) or (
        at > 0 and GROUP_BEFORE.search(ctx.text[max(0, at - 30) : at])
    ):
        return "armed_group"  # "the X forces said", "the paramilitary X": a group's name, never a person's
    return suggested if suggested in {"person", "media_outlet"} else "armed_group"


def _line_start(text: str, at: int) -> bool:
    return at == 0 or not text[text.rfind("\n", 0, at) + 1 : at].strip()


UNNAMED = re.compile(
    rf"^(?:(?:a|an|the|multiple|other|{'|'.join(sorted(COUNT_WORDS))}|\d+|unnamed|anonymous)\s+)?"
    r"(?:(?!\w+ed\b)[\w’'-]+\s+|armed\s+){0,3}"
    r"(?P<head>reports?|media|(?:media |news )?outlets|officials?|officers?|sources?|spokes(?:man|woman|person)|experts"
    r"|analysts|observers|diplomats|commanders|lawmakers|residents|witnesses|militias|factions|circles|members|MPs"
    r"|politicians|leaders|clerics|activists|protesters|authorities|representative|allies|groups|fighters|gunmen)(?:\s+themselves)?"
    r"(?:\s+(?:for|of|in|at|from|close to|aligned with|allied with|affiliated with|linked to|loyal to|backed by)"
    r"\s+[^,.;]{2,60})?$",
    re.I,
)
"""A source the article describes but never names ("the reports", "a senior official", "Iraqi media")."""
ONE_OF = re.compile(r"^(?:one|some|two|several|many|most)\s+of\b", re.I)
OTHERS = re.compile(r"^(?:the\s+)?other\s+(?:[\w’'-]+\s+){0,3}[a-z][\w’'-]*s$")
"""The rest of a kind joined to a named source ("X and other river states"): an unnamed collective."""
MEDIA_HEADS = {"reports", "report", "media", "outlets"}
CITED = re.compile(UNNAMED.pattern.replace(r"(?!\w+ed\b)", ""), re.I)
"""A source an outlet cites may be described by a participle ("a trusted source"): no verb can stand there."""


def unnamed_actor(ctx: Context, phrase: str, start: int, cited: bool = False) -> str | None:
    """A new unnamed source, one per description and article (never matched by alias), or None
    when the phrase is not such a description; a `cited` one is the object of "citing" or "quoted"."""
    from .lexicon import FURNITURE_NAMES

    phrase = TRAILING.sub("", phrase)
    m = (CITED if cited else UNNAMED).match(phrase) or OTHERS.match(phrase) or _people(phrase)
    if m is None or phrase in FURNITURE_NAMES or ONE_OF.match(phrase):
        return None  # "one of the bands": a member of a collective the article may name, not the collective
    plain = re.sub(r"^(?:a|an|the|unnamed|anonymous)\s+|\s+themselves$", "", phrase, flags=re.I)
    head = m.groupdict().get("head") or ""
    if head and phrase.lower() == f"the {head.lower()}" and (earlier := _described_before(ctx, head, start)):
        return earlier  # "a senior official said …; the official added": the source described before
    actor_id = f"unnamed-{slug(plain)[:50]}-{ctx.prefix}"
    if actor_id not in ctx.new_actors:
        ctx.new_actors[actor_id] = {
            "actor_id": actor_id,
            "name": f"{plain[:1].upper()}{plain[1:]} (unnamed, article {ctx.prefix})",
            "actor_type": "unnamed_source",
            "description": f"A source article {ctx.prefix} describes as {phrase!r} and does not name.",
            "evidence": quote_ref(ctx.text, phrase, start),
            "aliases": [],
        }
    return actor_id


PEOPLE = re.compile(r"^(?:(?:some|many|most|several|ordinary|other|the)\s+)?(?P<head>[A-Z][a-z]+s)$", re.I)
"""A nation's people as the speakers ("Many Iraqis say …"): a collective the article describes, never the state."""


def _people(phrase: str) -> re.Match[str] | None:
    from .places import demonyms

    m = PEOPLE.match(phrase)
    return m if m and m["head"][:1].isupper() and m["head"][:-1] in demonyms() else None


HOLDERLESS_OFFICE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,3}(?:prime\s+minister|president|minister|ambassador|governor|commander)"
    r"(?:\s+(?:of|for)\s+[^,.;]{2,40})?$",
    re.I,
)
"""An office named without its holder ("Iraqi Prime Minister", "the country's president")."""


def unnamed_office(ctx: Context, phrase: str, start: int) -> str | None:
    """An office whose holder the article never names and the curated affiliations do not fill on its date:
    an unnamed source standing for the holder, as curated ("the country's Prime Minister"); else None."""
    if not HOLDERLESS_OFFICE.match(phrase.strip()):
        return None
    plain = re.sub(r"^(?:a|an|the)\s+", "", phrase.strip(), flags=re.I)
    actor_id = f"unnamed-{slug(plain)[:50]}-{ctx.prefix}"
    ctx.new_actors.setdefault(
        actor_id,
        {
            "actor_id": actor_id,
            "name": f"{plain[:1].upper()}{plain[1:]} (unnamed holder, article {ctx.prefix})",
            "actor_type": "unnamed_source",
            "description": f"The holder of the office article {ctx.prefix} names as {phrase!r}, not named.",
            "evidence": quote_ref(ctx.text, phrase, start),
            "aliases": [],
        },
    )
    return actor_id


def _described_before(ctx: Context, head: str, start: int) -> str | None:
    """The unnamed source of this article last described before `start` by the same noun ("a US official");
    "the source(s)" is the last one of its number by any noun ("eight officials said …; the sources said")."""
    best: tuple[int, str] | None = None
    generic = head.lower() in {"source", "sources"}
    for actor_id, actor in ctx.new_actors.items():
        if actor["actor_type"] != "unnamed_source":
            continue
        quote = actor["evidence"]["quote"]
        m = UNNAMED.match(quote)
        at = -1  # the evidence's own occurrence
        for _ in range(actor["evidence"].get("occurrence", 1)):
            at = ctx.text.find(quote, at + 1)
        theirs = (m["head"] or "").lower() if m else ""
        same = theirs == head.lower() or (generic and theirs.endswith("s") == head.lower().endswith("s"))
        if m and same and 0 <= at < start and (best is None or at > best[0]):
            best = (at, actor_id)
    return best[1] if best else None


CITING = re.compile(
    r"\b(?:citing|quoting|quoted|cited)\s+(?P<source>(?:an?|one|two|several|some|the|unnamed|anonymous)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:sources?|officials?|commanders?|diplomats?|insiders?))\b"
)
"""An outlet's report of a source it describes ("X reported citing a senior source", "X quoted a trusted
source as saying"): the source speaks, the outlet is the medium (docs/curation.md, Medium)."""


def cited_source(ctx: Context, outlet: str, sentence: tuple[int, int]) -> str | None:
    """The unnamed source a known outlet's report in this sentence cites, as a new actor of this article;
    None where the speaker is no outlet or the sentence cites no described source."""
    if ctx.types.get(outlet, ctx.new_actors.get(outlet, {}).get("actor_type")) != "media_outlet":
        return None
    m = CITING.search(ctx.text, *sentence)
    return unnamed_actor(ctx, m["source"], m.start("source"), cited=True) if m else None


OFFICE = re.compile(
    r"^(?:the\s+)?(?P<owner>[A-Z][\w’' -]*?)[’']s\s+(?P<office>(?:(?:media|press|private)\s+)?office)$"
    r"|^(?:the\s+)?(?P<office2>(?:(?:media|press|private)\s+)?office)\s+of\s+(?P<owner2>(?:the\s+)?[A-Z][\w’' -]*)$",
    re.I,
)
"""An office that speaks ("the Iraqi Prime Minister's office", "the office of X"): a body of its own."""
STATE_TITLES = re.compile(r"\b(?:President|Minister|Premier|King|Emir|Leader|Speaker|Chancellor|Governor|Mayor)\b")
GROUP_TYPES = {"armed_group", "political_party", "coalition"}


def office_actor(ctx: Context, phrase: str, start: int) -> str | None:
    """The actor of an office named as the source (known, or new with this span as its evidence), or
    None when the phrase names no office of a capitalised owner."""
    written = re.sub(r"^(?:the|The)\s+", "", phrase.strip())  # the evidence: the words as printed
    at = ctx.text.find(written, max(0, start))
    pronoun = POSSESSED_OFFICE.match(written)
    if pronoun and at >= 0:  # "a statement from his office": the office of the person last named
        owner_id = _last_person(ctx, at)
        return _office_of(ctx, owner_id, written, at, "state_body") if owner_id else None
    m = OFFICE.match(phrase.strip())
    if m is None or at < 0:
        return None
    owner = (m["owner"] or m["owner2"]).strip()
    owner_id = _known_owner(ctx, re.sub(r"^(?:the|The)\s+", "", owner))
    kind = ctx.types.get(owner_id or "", "") if ctx.types.get(owner_id or "") in GROUP_TYPES else "state_body"
    if owner_id is not None and written not in ctx.aliases:
        return _office_of(ctx, owner_id, written, at, kind)
    new = slug(written) not in ctx.new_actors
    actor = actor_for(ctx, written, at, kind, "Office that issued a statement, named")
    if new and actor in ctx.new_actors:
        entry = ctx.new_actors[actor]
        entry["name"] = re.sub(r"\b(media|press|private|office)\b", lambda w: w[0].title(), written)
    return actor


POSSESSED_OFFICE = re.compile(r"^(?:his|her)\s+(?:(?:media|press)\s+)?office$")


def _known_owner(ctx: Context, owner: str) -> str | None:
    """The known actor an owner's name is: an alias, or the one known person whose alias ends in it
    ("Surname" of "First al-Surname")."""
    if owner in ctx.aliases:
        return ctx.aliases[owner]
    key = re.sub(r"^(?:al|el)-", "", owner.lower())
    if " " in owner or len(key) < 4:
        return None
    ids = {
        i
        for a, i in ctx.aliases.items()
        if ctx.types.get(i) == "person" and re.sub(r"^(?:al|el)-", "", a.split()[-1].lower()) == key
    }
    return next(iter(ids)) if len(ids) == 1 else None


def _last_person(ctx: Context, at: int) -> str | None:
    """The person named last before `at` (within its paragraph or the one before): a known one, or one
    this draft already proposes as a new actor."""
    lo = max(0, ctx.text.rfind("\n\n", 0, max(0, ctx.text.rfind("\n", 0, at) - 1)))
    best: tuple[int, str] | None = None
    drafted = [(a, i) for i, x in ctx.new_actors.items() if x["actor_type"] == "person" for a in x["aliases"]]
    for alias, actor in [*ctx.aliases.items(), *drafted]:
        if ctx.types.get(actor, "person" if actor in ctx.new_actors else "") != "person" or len(alias) < 4:
            continue
        k = ctx.text.rfind(alias, lo, at)
        if k >= 0 and (best is None or k > best[0]):
            best = (k, actor)
    return best[1] if best else None


BODY = re.compile(
    r"^(?:the\s+)?(?P<owner>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+"
    r"(?P<head>government|ministry|army|military|administration|parliament|cabinet|presidency)$"
)
"""A body of a named state or group ("the Norland government"), as the extractor reads it."""


BODY_HEADS = r"(?:government|ministry|army|military|administration|parliament|cabinet|presidency)"
OWNED_BODY = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?P<owner>[A-Z][\w’'-]*?(?:\s+[A-Z][\w’'-]*?)*)(?:[’']s)?\s+(?P<head>" + BODY_HEADS + r")"
    r"|(?P<head2>" + BODY_HEADS + r")\s+(?:of|in)\s+(?P<owner2>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*))$"
)
"""A state's body however the text writes it: "X's government", "the X government", "the government of X"."""


def known_body(ctx: Context, phrase: str) -> str | None:
    """The known body of a known state a phrase names ("Norland's government", "the government of
    Norland", "the Norlandian government": the curated `norland-government`); None otherwise, so a
    state's government is never proposed as a new actor beside the one the curation has."""
    m = OWNED_BODY.match(phrase.strip())
    if m is None:
        return None
    owner = re.sub(r"^the\s+", "", m["owner"] or m["owner2"])
    state = _state_named(ctx, owner) or _leaders_state(ctx, owner)
    body = f"{state}-{(m['head'] or m['head2']).lower()}" if state else None
    return body if body in ctx.types else None


TITLED_BEFORE = re.compile(
    r"\b([A-Z][\w’'-]+)\s+(?:Prime\s+)?(?:President|Minister|Premier|King|Emir|Leader|Chancellor)\s+"
    r"(?:[A-Z][\w’'-]*\s+){0,3}(?:(?:al|el)-)?$"
)
"""A state's word before a leader's title and name ("Valeian Prime Minister Ida X-"): whose leader."""


def _leaders_state(ctx: Context, owner: str) -> str | None:
    """The state a known person's government is: the one state the text's titles of that person name
    ("Valeian Prime Minister X" for "X's government")."""
    person = _known_owner(ctx, owner) or ctx.aliases.get(owner)
    if person is None or ctx.types.get(person) != "person":
        return None
    states = set()
    for hit in re.finditer(rf"(?<![\w’']){re.escape(owner)}\b", ctx.text):  # "al-X" too
        title = TITLED_BEFORE.search(ctx.text[max(0, hit.start() - 80) : hit.start()])
        state = _state_named(ctx, re.sub(r"[’']s$", "", title.group(1))) if title else None
        if state and ctx.types.get(state) == "state":
            states.add(state)
    return next(iter(states)) if len(states) == 1 else None


def _state_named(ctx: Context, owner: str) -> str | None:
    """The known state a name, a curated metonym or a demonym of one of its names stands for."""
    from .roles import org_forms

    state = ctx.metonyms.get(owner) or ctx.aliases.get(owner)
    if state is not None:
        return state
    low = owner.lower()
    ids = {i for a, i in ctx.aliases.items() if ctx.types.get(i) == "state" and " " not in a and low in org_forms([a])}
    return next(iter(ids)) if len(ids) == 1 else None


def body_actor(ctx: Context, phrase: str, start: int) -> str | None:
    """The actor of "<Name> government": the known one (its alias, or the government of the state the
    name stands for, however written), else a new state body with the printed words as evidence."""
    known = known_body(ctx, phrase)
    if known is not None:
        return known
    m = BODY.match(phrase.strip())
    if m is None:
        return None
    written = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
    if written in ctx.aliases:
        return ctx.aliases[written]
    state = ctx.metonyms.get(m["owner"]) or ctx.aliases.get(m["owner"])
    known = f"{state}-{m['head']}" if state else None
    if known in ctx.types:
        return known  # "the Baghdad government": the curated government of the state Baghdad stands for
    at = ctx.text.find(written, max(0, start))
    return actor_for(ctx, written, at, "state_body", "Body of a state or group, named") if at >= 0 else None


def _office_of(ctx: Context, owner_id: str, written: str, at: int, kind: str) -> str:
    """The office of a known actor ("X's office"): one id whatever the article's wording, named by the
    owner's fullest known name, its printed words the evidence and an alias."""
    actor_id = f"office-of-{owner_id}"
    if actor_id in ctx.types:
        return actor_id
    if actor_id not in ctx.new_actors:
        names = [a for a, i in ctx.aliases.items() if i == owner_id] or ctx.new_actors[owner_id]["aliases"]
        fullest = next((a for a in names if slug(a) == owner_id), max(names, key=len))  # the id's own spelling
        ctx.new_actors[actor_id] = {
            "actor_id": actor_id,
            "name": f"Office of {fullest}",
            "actor_type": kind,
            "description": f"Office that issued a statement, named in article {ctx.prefix} as {written!r}.",
            "evidence": quote_ref(ctx.text, written, at),
            "aliases": [written],
        }
    return actor_id


def new_outlet(ctx: Context, name: str, start: int, wanted: str | None) -> str:
    """An outlet first named in this article: a new actor whose evidence is its credit here."""
    actor_id = wanted or slug(name)
    research = org_type(name, "") == "research_organization"  # "X Institute" publishes, but is no outlet
    if actor_id not in ctx.new_actors:
        ctx.new_actors[actor_id] = {
            "actor_id": actor_id,
            "name": name,
            "actor_type": "research_organization" if research else "media_outlet",
            "description": f"News outlet credited in article {ctx.prefix}.",
            "evidence": quote_ref(ctx.text, name, start),
            "aliases": [name],
        }
    return actor_id


__all__ = [
    "Context",
    "actor_for",
    "attested_forms",
    "body_actor",
    "candidate_kind",
    "cited_source",
    "clean_name",
    "demonym",
    "folded_variants",
    "known_body",
    "looks_like_name",
    "new_outlet",
    "office_actor",
    "org_type",
    "quote_ref",
    "slug",
    "unnamed_actor",
]
