"""The draft curation file of a new article: every field proposed, each proposal listed for review.

Every coded field of every statement is written (so accepting is confirming, not typing), and every
proposed value is also listed in the entry's `unreviewed` with its confidence and what it rests
on: a cue, a precedent's id and similarity, the span of a byline. The build refuses an accepted
article while anything is still listed (tables/curation/coded.py), so a skipped review fails
instead of looking coded. Actors, aliases, utterances and affiliations first attested here are
written as the article's `new_*` entries, with evidence in this article, and become data when it
is accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import affiliate
from .actors import (
    MEDIA_HEADS,
    PARTICLES,
    UNNAMED,
    Context,
    actor_for,
    body_actor,
    candidate_kind,
    cited_source,
    clean_name,
    demonym,
    known_body,
    looks_like_name,
    new_outlet,
    office_actor,
    org_type,
    quote_ref,
    slug,
    unnamed_actor,
)
from .analysts import is_analyst
from .byline import TOLD_OUTLET, Metadata
from .dates import WEEKDAYS
from .extract import DOCUMENT_SOURCE
from .headline_utterance import join_restatements, share_headline_utterances
from .holders import role_holders
from .lexicon import BETWEEN, MONTHS, NAME_RUN
from .occasion import (
    ABOUT_IT,
    OCCASIONS,
    attribution_words,
    carry_dates,
    dated_sentence,
    next_sentence,
    occasion_date,
    one_occasion_dates,
    sentences_before,
)
from .page_lines import on_page_line
from .principals import office_principal
from .suggest import Suggestion, armed_group_names, channel, coded, linked_utterance

GIVEN_NOTE = "Given on the command line by the maintainer (dataset add); the text does not state it."
EXTERNAL_TODO = "TODO-reference (the page or record the given date was read from)"
SPLIT = re.compile(r",? (?:and|but) that |; and that |, adding that ")
"""Two remarks joined in one reported clause ("said A and that B", "A, but that B"): each is its own statement."""


def article_fields(
    ctx: Context,
    meta: Metadata,
    *,
    url: str | None,
    outlet: str | None,
    published_date: dt.date | None,
    title: str | None,
) -> tuple[dict[str, Any], list[str]]:
    """Title, outlet, authors, date and issues, with the review list of what was proposed."""
    text = ctx.text
    review: list[str] = []
    doc: dict[str, Any] = {
        "article_id": ctx.article_id,
        "source_file": f"{ctx.article_id}.txt",
        "status": "draft",
        "language": "en",
    }
    if title and title in text:
        doc.update(title={"quote": title}, title_note="Given on the command line (--title); found in the text.")
    elif title:
        doc.update(
            title=None, title_note=f"Given on the command line (--title) as {title!r}; not in the text, so no span."
        )
        review.append("title: null (0.50; the given title is not in the text)")
    elif meta.title:
        doc.update(title=quote_ref(text, meta.title.text, meta.title.start), title_note=None)
        review.append(f"title: {meta.title.text!r} ({meta.title.confidence:.2f}; {meta.title.note})")
    else:
        doc.update(title=None, title_note="The text has no line that reads as a headline.")
        review.append("title: null (0.50; no headline line found)")
    # outlet: the text's credit when there is one; a command-line value agrees with it or is `given`
    credit = meta.outlet
    if credit is not None:
        actor = credit.actor_id or (outlet if outlet and outlet not in ctx.types else None)
        if actor is None:
            actor = outlet if outlet in ctx.types else None
        if actor is None or actor not in ctx.types:
            actor = new_outlet(ctx, credit.text, credit.start, actor)
        agrees = outlet is None or outlet == actor
        inferred = credit.kind == "interview"  # the outlet told, not a credit: it follows from the page, unstated
        doc.update(
            outlet=actor if agrees else outlet,
            outlet_basis=("inferred" if inferred else "stated") if agrees else "given",
            outlet_evidence=quote_ref(text, credit.text, credit.start) if agrees and not inferred else None,
            outlet_note=credit.note if agrees else f"{GIVEN_NOTE} The text credits {credit.text!r} ({actor}): check.",
        )
        review.append(f"outlet: {doc['outlet']} ({credit.confidence if agrees else 0.4:.2f}; {credit.note})")
    elif outlet:
        doc.update(outlet=outlet, outlet_basis="given", outlet_note=GIVEN_NOTE)
    else:
        doc.update(
            outlet=None,
            outlet_note=meta.generic_credit or "The text credits no outlet (no byline, dateline or credit line).",
        )
        review.append("outlet: null (0.50; no credit found)")
    if meta.authors:
        doc["authors"] = [
            {
                "actor": actor_for(ctx, a.text, a.start, "person", "Author named in the byline"),
                **quote_ref(text, a.text, a.start),
            }
            for a in meta.authors
        ]
        names = ", ".join(a["actor"] for a in doc["authors"])
        low = min(a.confidence for a in meta.authors)
        review.append(f"authors: {names} ({low:.2f}; named in the byline)")
    # the publication date: printed in the text (stated), checked against the one given
    d = meta.date
    if d is not None and d.value is not None and d.update and (published_date is None or published_date == d.value):
        # an update date bounds the publication from above; it does not state it (the evidence policy)
        note = (
            f"The page prints only when it was updated ({d.text!r}): the publication is on or before that day. "
            "Keep `inferred` where the text's own account fixes the day (the events it reports as past, a dated "
            "weekday); else set the date to null and say so here."
        )
        doc.update(
            published_date=d.value,
            published_date_precision=d.precision,
            published_date_basis="inferred",
            published_date_note=note,
        )
        review.append(f"published_date: {d.value} (0.40; {note})")
    elif d is not None and d.value is not None and (published_date is None or published_date == d.value):
        note = d.note + (" The --published-date agrees." if published_date else "")
        doc.update(
            published_date=d.value,
            published_date_precision=d.precision,
            published_date_basis="stated",
            published_date_evidence=quote_ref(text, d.text, d.start),
            published_date_note=note,
        )
        review.append(f"published_date: {d.value} ({d.confidence:.2f}; {note})")
    elif published_date and d is None:
        # the text prints no date: the maintainer's day rests on a source outside it (the page's address, an
        # archive), `external` as the curated articles code it, the reference left to name
        doc.update(
            published_date=published_date,
            published_date_precision="day",
            published_date_basis="external",
            published_date_note=GIVEN_NOTE + " Name the source it was read from (the page's address, an archive).",
            published_date_reference=EXTERNAL_TODO,
        )
        review.append(f"published_date: {published_date} (0.50; external: the text prints no date; {EXTERNAL_TODO})")
    elif published_date:
        differs = f" The text prints {d.text!r} ({d.value}): a page date? Check."
        doc.update(
            published_date=published_date,
            published_date_precision="day",
            published_date_basis="given",
            published_date_note=GIVEN_NOTE + differs,
        )
        review.append(f"published_date: {published_date} (0.40;{differs})")
    else:
        doc.update(
            published_date=None,
            published_date_precision=None,
            published_date_basis=None,
            published_date_note="Not given, and the text prints none; relative dates were left unresolved.",
        )
    doc.update(url=url, url_basis="given" if url else None, url_note=GIVEN_NOTE if url else "Not given.")
    issues = []
    for i, issue in enumerate(meta.issues, 1):
        issues.append({"issue_id": f"{ctx.prefix}-i{i:02d}", **issue})
    if issues:
        doc["issues"] = issues
        review.append(
            "issues: " + ", ".join(f"{x['issue_id']} {x['issue_type']}" for x in issues) + " (0.80; page shape)"
        )
    return doc, review


MODAL = r"(?:must|should|will|would|could|can|may|might|shall)"
FINITE = rf"(?:{MODAL}|is|are|was|were|has|have|had)"
CLAUSES_AND = re.compile(
    rf",? and (?=(?:the|a|an|its|their) [\w’'-]+(?: [\w’'-]+){{0,5}} {FINITE}\b"
    rf"|(?:(?:the|a|an|its|their) )?[\w’'-]+(?: [\w’'-]+){{0,3}} {MODAL}\b)"
)
"""Two clauses each with its own subject and finite verb ("X should be strengthened and Y must be ejected",
"attacks are unacceptable and the security of the bases is a red line")."""


def _two_remarks(quote: str) -> re.Match[str] | None:
    m = SPLIT.search(quote)
    if m is not None:
        return m
    m = CLAUSES_AND.search(quote)
    return m if m is not None and re.search(rf"\b{FINITE}\b", quote[: m.start()]) else None


SECOND_CUE = re.compile(
    r", (?P<verb>(?:urge|warn|ask|demand|reject|vow)(?:s|d|ed)?|den(?:ies|ied)|call(?:s|ed) (?:on|for)) (?=[\w’'.-]+ )"
)
"""A second cue verb of the same subject after the first remark ("X says A, urges B to act"): a
second act, with its own verb."""


def _second_cue(p: dict[str, Any]) -> re.Match[str] | None:
    m = SECOND_CUE.search(p["quote"]) if p.get("reporting_verb") else None
    return m if m is not None and "," not in p["quote"][: m.start()] else None  # "the plan, drafted …, calls for"


def split_remarks(text: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Indirect statements joining two remarks ("A and that B", "A should … and B must …", "says A,
    urges B") as two statements of the same speaker."""
    out = []
    for p in statements:
        indirect = p["statement_type"] == "indirect"
        m = (_two_remarks(p["quote"]) or _second_cue(p)) if indirect else None
        if m is None:
            out.append(p)
            continue
        first = p["quote"][: m.start()].rstrip(" ,;")
        second = p["quote"][m.end() :]
        a = {**p, "quote": first, "end": p["start"] + len(first), "split": "first of two remarks in one clause"}
        b = {**p, "quote": second, "start": p["start"] + m.end(), "split": "second of two remarks in one clause"}
        if "verb" in m.groupdict():
            b |= {"reporting_verb": m["verb"], "cue_start": p["start"] + m.start("verb")}
        out += [a, b]
    return out


def statements(
    ctx: Context, proposals: dict[str, Any], doc: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every drafted statement with all its coded fields, and the new utterances they group into."""
    from .intake import meeting_of

    text = ctx.text
    drafted = [
        p for p in proposals["statements"] if (p.get("speaker_id") or p.get("speaker_name")) or p["confidence"] >= 0.2
    ]
    drafted = [_typed(text, p) for p in split_remarks(text, drafted)]
    kinds = {c["name"]: c["suggested_type"] for c in proposals["candidates"]}
    out: list[dict[str, Any]] = []
    utterances: dict[tuple[str, Any, str], dict[str, Any]] = {}
    last_date: dict[str, tuple[dict[str, Any], str, int]] = {}
    spoken = [(q["start"], q["end"]) for q in drafted]
    cued = [
        _document_source(text, p) or channel(_attribution(text, p, spoken), ctx.aliases, ctx.types) for p in drafted
    ]
    placed = list(cued)  # each statement's channel once decided: a later one of its speaker may carry it
    groups = armed_group_names(ctx.aliases, ctx.types)
    speakers = [_speaker(ctx, p, kinds, proposals["candidates"]) for p in drafted]
    outlets = [(s, cited_source(ctx, s, _sentence_span(text, p))) for p, s in zip(drafted, speakers)]
    speakers = [source or s for s, source in outlets]  # "X reported citing a source": the source speaks
    speakers = _headline_holders(text, drafted, _lead_holders(ctx, drafted, speakers), ctx.headline)
    speakers = [_unfilled_office(ctx, p, s) for p, s in zip(drafted, speakers)]
    speakers = role_holders(
        ctx, drafted, speakers, lambda name, at: actor_for(ctx, name, at, "person", "Speaker named")
    )
    drafted = [{**p, "resolved_speaker": s} for p, s in zip(drafted, speakers)]  # carried by the drafted speaker
    remarks = remark_groups(text, drafted, speakers)
    group_utterance: dict[int, tuple[str, str]] = {}
    clauses: dict[int, tuple[int, int, str, list[Suggestion]]] = {}  # a remark's clause: span, id, codes
    placed_by: dict[int, int] = {}  # a statement whose channel was carried from another's: that one
    by_uid: dict[str, dict[str, Any]] = {}
    for n, p in enumerate(drafted, 1):
        sid = f"{ctx.prefix}-s{n:02d}"
        review: list[str] = []
        source = text[p["source_start"] : p["source_end"]] if p.get("source_start") is not None else None
        evidence = f"source {source!r}, cue {p['reporting_verb']!r}" if source else p["attribution"]
        speaker = speakers[n - 1]
        review.append(f"speaker: {speaker} ({p['confidence']:.2f}; {evidence})")
        review.append(f"statement_type: {p['statement_type']} (0.80; quotation marks and shape)")
        verb = _verb_as_written(text, p)
        review.append(f"reporting_verb: {verb} (0.90; the cue as written)")
        addressee, line = _addressee(ctx, p, proposals["candidates"])
        review.append(line)
        ch, medium, via, occasion = _placement(ctx, drafted, placed, n - 1, speaker, (proposals["dates"], spoken))
        if via is not None:
            placed_by[n - 1] = via
        placed[n - 1] = (ch, medium)
        if ch.value == "unknown" and source and _media_source(ctx, source, speaker):
            ch = Suggestion("channel", "media_report", 0.6, f"the source {source!r} is the media")
        ch, medium = _reporter_medium(ctx, p, ch, medium)
        medium = _own_account(ctx, p, speaker, medium)
        if isinstance(medium.value, str) and medium.value.startswith("TODO-new-actor ("):
            ch, medium = _new_medium(ctx, ch, medium, kinds, proposals["candidates"], speaker.startswith("unnamed-"))
        if outlets[n - 1][1] is not None:
            why = f"the outlet {outlets[n - 1][0]} reports what the source it cites said"
            if ch.value == "unknown":
                ch = Suggestion("channel", "media_report", 0.6, why)
            medium = Suggestion("medium", outlets[n - 1][0], 0.6, why)
        review += [ch.line(), medium.line()]
        date, line = _date(ctx, p, (drafted, proposals["dates"], occasion), speaker, sid, last_date)
        review.append(line)
        at = meeting_of(p, proposals["meetings"], speaker, ch.value == "meeting")
        meeting = at.get("meeting")
        if meeting:
            review.append(f"meeting: {meeting} ({0.7 if 'sentence' in at['why'] else 0.5:.2f}; {at['why']})")
        else:
            review.append("meeting: null (0.70; no reported meeting holds the words)")
        link = linked_utterance(p["quote"], speaker, date.get("said_date"), ctx.corpus)
        if remarks[n - 1] in group_utterance:
            utterance, first = group_utterance[remarks[n - 1]]
            review.append(f"utterance: {utterance} (0.70; one remark with {first}: {GROUPED_WHY})")
        elif link:
            utterance, score, via = link
            review.append(f"utterance: {utterance} ({score / 100:.2f}; same speaker, close date, like {via})")
        else:
            who = "" if speaker.startswith("TODO") else f"{slug(speaker)[:30]}-"
            uid = f"u-{ctx.prefix}-{who}{len(utterances) + 1}"
            utterances[(speaker, uid, ch.value)] = by_uid[uid] = _utterance(uid, speaker, date, ch.value, p["quote"])
            utterance = uid
            review.append(f"utterance: {utterance} (0.60; new: a remark of its own, its own cue)")
        group_utterance.setdefault(remarks[n - 1], (utterance, sid))
        commentary = is_analyst(ctx, speaker, source)
        setting = _sentence(text, p["start"], p["end"])
        setting = setting.replace(p["quote"], " ") if commentary else ""
        suggestions = coded(p["quote"], ctx.corpus, p["reporting_verb"], groups, commentary, setting)
        clause = clauses.get(remarks[n - 1])
        if p["statement_type"] == "partial" and clause and clause[0] <= p["start"] and p["end"] <= clause[1]:
            suggestions = [_as_clause(x, clause[2], clause[3], p["quote"]) for x in suggestions]
        elif p["statement_type"] == "indirect":
            clauses.setdefault(remarks[n - 1], (p["start"], p["end"], sid, suggestions))
        review += [s.line() for s in suggestions]
        values = {s.field: s.value for s in suggestions}
        if values["plover"]:
            target, why = plover_target(ctx, p["quote"], values["plover"]["category"], addressee, speaker)
            values["plover"]["target"] = target
            if target is None:
                values["plover"]["target_note"] = why
            review.append(f"plover.target: {target or 'null'} (0.40; {why})")
        note = f"Proposed by the extractor (confidence {p['confidence']}; {evidence})."
        if p.get("split"):
            note += f" The {p['split']}."
            review.append(f"quote: split ({p['split']})")
        out.append(
            {
                "statement_id": sid,
                "speaker": speaker,
                "quote": p["quote"],
                **({"occurrence": text[: p["start"]].count(p["quote"]) + 1} if text.count(p["quote"]) > 1 else {}),
                "statement_type": p["statement_type"],
                "reporting_verb": verb,
                "addressee": addressee,
                "channel": ch.value,
                "medium": medium.value,
                **date,
                "meeting": meeting,
                "utterance": utterance,
                "plover": values["plover"],
                "topics": values["topics"],
                "stance_us_presence": values["stance_us_presence"],
                "note": note,
                "unreviewed": review,
            }
        )
    carry_dates(out, placed_by, by_uid)
    one_occasion_dates(out, by_uid)
    heads = [_in_headline(text, p, ctx.headline) or p.get("attribution") == "headline" for p in drafted]
    in_head = {id(p) for p, head in zip(drafted, heads, strict=True) if head}
    share_headline_utterances(drafted, out, utterances, lambda p: id(p) in in_head)
    lead = _lead_paragraph(text, ctx.headline)
    share_headline_utterances(
        drafted, out, utterances, lambda p: lead[0] <= p["start"] < lead[1], "the lead", _one_occasion
    )
    join_restatements(out, utterances, _one_occasion)
    return out, list(utterances.values())


def _one_occasion(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two statements that may report one act: no two different channels or days (a lead need not repeat
    them), and never a post with anything but a post (posts are their own utterance)."""
    ch = {a["channel"], b["channel"]} - {"unknown"}
    days = {a.get("said_date"), b.get("said_date")} - {None}
    posts = (a["channel"] == "social_media_post") != (b["channel"] == "social_media_post")
    return len(ch) <= 1 and len(days) <= 1 and not posts


def _lead_paragraph(text: str, headline: tuple[int, int] | None) -> tuple[int, int]:
    """The first paragraph of the body (twelve words or more, after the headline): the lead, which sums up
    acts the body then reports at length."""
    at = headline[1] if headline is not None else 0
    for m in re.finditer(r"[^\n]+", text[at:]):
        if len(m.group().split()) >= 12:
            return at + m.start(), at + m.end()
    return 0, 0


WHEN = {"recently", "previously", "earlier", "later", "then", "once", "first", "last", "initially", "subsequently"}
VERB_BEFORE = re.compile(r"(?:\b(?:[a-z]+ly|continu(?:es|ed|e) to|" + "|".join(sorted(BETWEEN - WHEN)) + r")\s+)+$")
VERB_PARTICLES = {
    "referred": re.compile(r"\s+to\b"),
    "alluded": re.compile(r"\s+to\b"),
    "pointed": re.compile(r"\s+to\b"),
    "spoke": re.compile(r"\s+of\b"),
    "agreed": re.compile(r"\s+on\b"),
    "insisted": re.compile(r"\s+on\b"),
}
"""The particle a cue takes for its content ("referred to", "spoke of", "agreed on"): part of the verb."""


def _verb_as_written(text: str, p: dict[str, Any]) -> str | None:
    """The reporting verb as the text writes it (docs/curation.md): with the auxiliaries and adverbs just
    before the cue ("have repeatedly called for", "reportedly stated", "continues to push for") and its
    particle ("referred to", "agreed on")."""
    verb, at = p["reporting_verb"], p.get("cue_start")
    if not verb or at is None or text[at : at + len(verb)].lower() != verb.lower():
        return verb
    before = VERB_BEFORE.search(text, max(0, at - 60), at)
    if before and before.group(0).split()[0] in WHEN:
        before = None
    end = at + len(verb)
    particle = next((VERB_PARTICLES[k] for k in VERB_PARTICLES if verb.lower().endswith(k)), None)
    after = particle.match(text, end) if particle else None
    return text[before.start() if before else at : after.end() if after else end]


def _document_source(text: str, p: dict[str, Any]) -> tuple[Suggestion, Suggestion] | None:
    """The channel where the words' source is the statement itself (docs/curation.md, Channel): a written
    statement, whatever else the sentence holds; None for any other source."""
    a, b = p.get("source_start"), p.get("source_end")
    if a is None or b is None or not DOCUMENT_SOURCE.fullmatch(text[a:b].strip()):
        return None
    why = f"the source is a statement ({text[a:b].strip()!r})"
    return Suggestion("channel", "written_statement", 0.8, why), Suggestion("medium", None, 0.7, "no medium named")


def _attribution(text: str, p: dict[str, Any], spoken: list[tuple[int, int]]) -> str:
    """The statement's sentence with the words of every statement blanked: where channel cues are read."""
    stops = [m.end() for m in SENTENCE_END.finditer(text, 0, p["start"])]  # a stop after a closing quote too
    lo = max(stops[-1] if stops else 0, text.rfind("\n", 0, p["start"]) + 1)
    hi = [i for i in (text.find(". ", p["end"]), text.find("\n", p["end"])) if i >= 0]
    return attribution_words(text, lo, min(hi) if hi else len(text), spoken)


SENTENCE_END = re.compile(r"[.!?][”\"’]?\s")


def _in_headline(text: str, p: dict[str, Any], headline: tuple[int, int] | None = None) -> bool:
    """The words stand in the line read as the title (below any page furniture), or else in the text's first
    line when it ends without a stop: the headline."""
    if headline is not None:
        return headline[0] <= p["start"] < headline[1]
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    end = len(text) if end < 0 else end
    return first <= p["start"] < end and not text[first:end].rstrip().rstrip("”’\"')").endswith((".", "!"))


def _placement(
    ctx: Context,
    drafted: list[dict[str, Any]],
    placed: list[tuple[Suggestion, Suggestion]],
    i: int,
    speaker: str,
    read: tuple[list[dict[str, Any]], list[tuple[int, int]]],
) -> tuple[Suggestion, Suggestion, int | None, tuple[int, int] | None]:
    """Channel and medium, with the statement they were carried from or the sentence reporting the
    occasion the words are placed at (docs/curation.md, Placement: its own cue, a connective, a scene)."""
    p, (dates, spoken) = drafted[i], read
    if _in_headline(ctx.text, p, ctx.headline) or p.get("attribution") == "headline":
        why = "a headline gives no occasion of its own (docs/curation.md, coverage rule 4)"
        return Suggestion("channel", "unknown", 0.7, why), Suggestion("medium", None, 0.7, why), None, None
    if p.get("attribution") == "readout":  # a leader's act in a quoted readout: the readout's channel
        j = next(
            (j for j, q in enumerate(drafted) if q["start"] <= p["start"] and p["end"] <= q["end"] and j != i), None
        )
        if j is not None:
            return (*placed[j], j, None)
    if p.get("attribution") == "nested":  # docs/curation.md, coverage rule 2
        why = "a position or speech the words of another speaker report: not placed at that speaker's occasion"
        return Suggestion("channel", "unknown", 0.6, why), Suggestion("medium", None, 0.6, why), None, None
    ch, medium = placed[i]
    about = _about_it(ctx.text, p, spoken, speaker)
    if about is not None and ch.value in {"unknown", about[0].value}:
        return about[0], medium, None, about[1]
    occasion = _occasion_sentence(ctx, p, ch.value, dates, spoken)
    via = None
    if ch.value == "unknown" and not EARLIER.match(_sentence(ctx.text, p["start"], p["end"])):
        ch, medium, via = _reply_channel(ctx.text, drafted, placed, i, ctx.prefix)  # the one answered first
        if via is None:
            ch, medium, via = _carried_channel(ctx.text, drafted, placed, i, ctx.prefix)
    if ch.value == "unknown":
        scene = _scene_channel(ctx, p, speaker, ch, medium, drafted)
        who = p.get("speaker_id") or p.get("speaker_name")
        others = {
            placed[j][0].value for j, q in enumerate(drafted) if (q.get("speaker_id") or q.get("speaker_name")) == who
        }
        if others <= {"unknown", scene[0].value}:  # a speaker at two occasions is not placed by a scene
            ch, medium, occasion = scene
    return ch, medium, via, occasion


def _about_it(
    text: str, p: dict[str, Any], spoken: list[tuple[int, int]], speaker: str = ""
) -> tuple[Suggestion, tuple[int, int]] | None:
    """The occasion a sentence about the statement's words places them at ("His comments, made during
    talks with X on Wednesday"; docs/curation.md, Placement 2), and that sentence; one that names who made
    them ("X, the envoy, made the statement at …") places only X's words."""
    after = next_sentence(text, p["end"])
    if after is None:  # the words end their paragraph: "He made the remarks at …" may open the next
        after = next_sentence(text, p["end"], across=True)
        if (
            after is None
            or not (m := ABOUT_IT.match(text, after[0], after[1]))
            or not (m["pronoun"] or m["came"] or m["named"])
        ):
            return None
    m = ABOUT_IT.match(text, after[0], after[1])
    if not m or (m["named"] and slug(m["named"].split()[-1]) not in speaker.split("-")):
        return None
    placed, _ = channel(attribution_words(text, *after, spoken), {})
    if placed.value not in OCCASIONS and not (m["came"] and placed.value == "written_statement"):
        return None  # "This came in a press release": the release's words
    return Suggestion("channel", placed.value, 0.6, f"a sentence about the words: {placed.basis}"), after


def _occasion_sentence(
    ctx: Context, p: dict[str, Any], placed: str, dates: list[dict[str, Any]], spoken: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The dated sentence before that reports the occasion the statement's own cue places it at ("During
    their meeting, X stated" after "on January 6, X met with Y"): the nearest of the same channel."""
    if placed not in OCCASIONS or not ctx.published:
        return None
    for a, b in sentences_before(ctx.text, p["start"], SCENE_REACH):
        words = attribution_words(ctx.text, a, b, spoken)
        if dated_sentence(dates, a, b, spoken) and channel(words, {})[0].value == placed:
            return a, b
    return None


def _lead_holders(ctx: Context, drafted: list[dict[str, Any]], speakers: list[str]) -> list[str]:
    """A lead's speaker described by a role and left for the curator ("Valeian's minister of works told …")
    is the person the next paragraph has speak by name ("Ann Roe said …"): news describes in the lead and
    names in the next sentence. Only the first body statement, only a person named in the next paragraph."""
    from .lexicon import ROLE_NOUNS

    out = list(speakers)
    body = [i for i, p in enumerate(drafted) if not _in_headline(ctx.text, p, ctx.headline)]
    if not body or not speakers[body[0]].startswith("TODO-new-speaker"):
        return out
    i = body[0]
    p = drafted[i]
    source = ctx.text[p["source_start"] : p["source_end"]] if p.get("source_start") is not None else ""
    if not any(part in ROLE_NOUNS for w in source.split() for part in w.lower().strip(",’'s").split("-")):
        return out
    next_line = ctx.text.find("\n", p["end"])
    for j in body[1:3]:
        q = drafted[j]
        kind = ctx.types.get(speakers[j], ctx.new_actors.get(speakers[j], {}).get("actor_type"))
        near = next_line >= 0 and q["start"] > next_line and len(ctx.text[next_line : q["start"]].split("\n")) <= 4
        if q.get("source_kind") == "named" and kind == "person" and near:
            out[i] = speakers[j]  # the person named in the paragraph or two after the lead
            break
    return out


def _headline_holders(
    text: str, drafted: list[dict[str, Any]], speakers: list[str], headline: tuple[int, int] | None = None
) -> list[str]:
    """A headline's speaker described by a role ("Valeian militia leader wants …") is the speaker the
    body first describes by the same role noun ("The leader of one of the militias said"): the headline
    sums up its lead (docs/curation.md, Utterance 5); left for the curator where the body has none."""
    out = list(speakers)
    body = [
        (i, _source_with_apposition(text, p).lower())
        for i, p in enumerate(drafted)
        if p.get("source_start") is not None and not _in_headline(text, p, headline)
    ]
    for i, p in enumerate(drafted):
        role = (
            ROLE_LAST.search(text[p["source_start"] : p["source_end"]]) if p.get("source_start") is not None else None
        )
        if not (speakers[i].startswith("TODO-new-speaker") and role and _in_headline(text, p, headline)):
            continue
        words = ROLE_SYNONYMS.get(role["role"].lower(), re.escape(role["role"].lower()))
        same = [j for j, source in body if re.search(rf"\b(?:{words})\b", source)]
        if same and not speakers[same[0]].startswith("TODO"):
            out[i] = speakers[same[0]]
        elif not same and (alike := _most_alike(drafted, [j for j, _ in body], speakers, i)) is not None:
            out[i] = speakers[alike]  # "Iraqi militia claims attacks …", then "The X Front claimed the attacks"
    return out


ROLE_SYNONYMS = {
    "envoy": "envoy|ambassador|representative",
    "ambassador": "ambassador|envoy",
    "pm": "pm|prime minister|premier",
    "premier": "premier|prime minister|pm",
    "fm": "fm|foreign minister",
    "spokesman": "spokesman|spokesperson|spokeswoman",
    "spokesperson": "spokesperson|spokesman|spokeswoman",
    "chief": "chief|head|leader",
}
"""A headline's short role and the body's fuller one ("Iran UN envoy", then "Iran's Ambassador to the UN")."""
APPOSITION = re.compile(r",\s+(?P<words>[^,.;“”\"]{2,60}),")


def _source_with_apposition(text: str, p: dict[str, Any]) -> str:
    """The source and the apposition right after it ("The X Front, an Iraqi militia, said"): how the body
    describes the speaker a headline may name by role."""
    source = text[p["source_start"] : p["source_end"]]
    m = APPOSITION.match(text, p["source_end"])
    return f"{source} {m['words']}" if m else source


def _most_alike(drafted: list[dict[str, Any]], body: list[int], speakers: list[str], i: int) -> int | None:
    """The body statement, of a speaker already identified, whose words make the headline's point (the same
    token-set similarity as a headline's utterance); None when none does."""
    from rapidfuzz import fuzz

    from .headline_utterance import SAME_POINT, content_words

    words = content_words(drafted[i]["quote"])
    scored = [
        (fuzz.token_set_ratio(words, content_words(drafted[j]["quote"])), -j)
        for j in body
        if not speakers[j].startswith("TODO")
    ]
    return -max(scored)[1] if scored and max(scored)[0] >= SAME_POINT else None


def _speaker(ctx: Context, p: dict[str, Any], kinds: dict[str, str], candidates: list[dict[str, Any]]) -> str:
    """The speaker's actor id: known, aliased, new (when the source reads as a name), or a TODO."""
    body = known_body(ctx, ctx.text[p["source_start"] : p["source_end"]]) if p.get("source_start") is not None else None
    if body is not None:
        return body  # "X's government said": the known government, not the state X
    spoken_for = _principal(ctx, p)
    if spoken_for is not None:
        return spoken_for  # "X's office said he …": X's words (docs/curation.md, an office and its principal)
    described = _described(ctx, p) if p.get("speaker_id") else None
    if described is not None:
        return described  # "a senior official of X said": not X itself
    if p.get("speaker_id"):
        return p["speaker_id"]
    name = p.get("speaker_name")
    if not name:
        return "TODO-new-speaker (none found)"
    at = p["source_start"] if p.get("source_start") is not None else ctx.text.find(name)
    if ctx.text[at : at + len(name)] != name:
        at = ctx.text.find(name)
    issued = ISSUED.match(name)
    if issued and at >= 0:  # "a statement from X's office": the issuer speaks
        name, at = issued["issuer"], at + issued.start("issuer")
        if name in ctx.aliases:
            return ctx.aliases[name]
    later = _named_later(ctx.text, name, at)
    if later is not None:
        name, at = later
    # "the outlet", "the newspaper": the one named last before; else a source described, not named
    unnamed = _outlet_named_before(ctx, name, at, candidates) or (
        unnamed_actor(ctx, name, at) if at >= 0 and later is None else None
    )
    if unnamed:
        return unnamed
    office = office_actor(ctx, name, at) or body_actor(ctx, name, at) or _demonyms_state(ctx, name)
    if office:
        return office  # an office, a body, or the state a demonym stands for ("a joint US-Valeian statement")
    cleaned = clean_name(ctx.text, name, at, candidates) if at >= 0 else None
    if cleaned is None:
        return f"TODO-new-speaker ({name})"
    name, at = cleaned
    if name in ctx.aliases:
        return ctx.aliases[name]
    kind = candidate_kind(ctx, name, kinds.get(name, "organization" if org_type(name, "") else "person"))
    namey = name in kinds or looks_like_name(name)
    if not namey or demonym(name, ctx.text):
        return f"TODO-new-speaker ({name})"
    return actor_for(ctx, name, at, kind, "Speaker named")


THE_OUTLET = re.compile(
    r"(?:the|The)\s+(?:outlet|newspaper|paper|agency|news agency|channel|broadcaster|magazine|daily|website|network)"
)


def _outlet_named_before(ctx: Context, name: str, at: int, candidates: list[dict[str, Any]]) -> str | None:
    """ "the outlet", "the newspaper" as the source: the outlet named last before it, known, drafted here, or
    a new name the words around it type an outlet ("told X")."""
    if at < 0 or not THE_OUTLET.fullmatch(name):
        return None
    told = [(re.split(r"[’']s\b", m["outlet"])[0], m.start("outlet")) for m in TOLD_OUTLET.finditer(ctx.text, 0, at)]
    new = [
        {"name": n, "start": a}
        for n, a in [*((c["name"], c["start"]) for c in candidates if c["end"] <= at), *told]
        if candidate_kind(ctx, n, "other") == "media_outlet"
    ]
    new.sort(key=lambda c: c["start"])
    outlets = {a: i for a, i in ctx.aliases.items() if ctx.types.get(i) == "media_outlet"}
    outlets |= {
        a: i for i, x in ctx.new_actors.items() if x["actor_type"] == "media_outlet" for a in [x["name"], *x["aliases"]]
    }
    best = max(
        (
            (m.start(), i)
            for a, i in outlets.items()
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(a)}(?![\w’'-])", ctx.text[:at])
        ),
        default=None,
    )
    if new and (best is None or new[-1]["start"] > best[0]):
        c = new[-1]
        return actor_for(ctx, c["name"], c["start"], "media_outlet", "Outlet the article names")
    return best[1] if best else None


def _unfilled_office(ctx: Context, p: dict[str, Any], speaker: str) -> str:
    """A speaker left as an office no rule filled ("Iraqi Prime Minister said"): its unnamed holder."""
    from .actors import unnamed_office

    name = p.get("speaker_name") or ""
    if not speaker.startswith("TODO-new-speaker") or not name or p.get("source_start") is None:
        return speaker
    return unnamed_office(ctx, name, p["source_start"]) or speaker


def _demonyms_state(ctx: Context, name: str) -> str | None:
    """The known state a demonym alone stands for, as a speaker ("Valeian" of a joint statement); else None."""
    from .actors import _known_state
    from .places import demonym_countries

    countries = demonym_countries(name.strip())
    return _known_state(ctx, countries) if countries else None


def _principal(ctx: Context, p: dict[str, Any]) -> str | None:
    """The principal an office's statement speaks for, the office named as the source or as its issuer."""
    if p.get("source_start") is None:
        return None
    at, source = p["source_start"], ctx.text[p["source_start"] : p["source_end"]]
    issued = ISSUED.match(source)
    if issued:
        source, at = issued["issuer"], at + issued.start("issuer")
    after = ctx.text[p["source_end"] : p["end"]] if p["end"] > p["source_end"] else ""
    return office_principal(ctx, source, at, after) or office_principal(ctx, source, at, p["quote"], quoted=True)


def _described(ctx: Context, p: dict[str, Any]) -> str | None:
    """An indefinite title the extractor read as its organisation ("A senior official of X"): the holder
    the article names later, else an unnamed source of this article; None for any other source."""
    if p.get("source_start") is None:
        return None
    at, source = p["source_start"], ctx.text[p["source_start"] : p["source_end"]]
    if ctx.types.get(p["speaker_id"]) == "person":
        return None
    before = _named_before(ctx.text, source, at)
    if before is not None:
        return ctx.aliases.get(before[0]) or actor_for(ctx, *before, "person", "Speaker named")
    if not ONE_ROLE.match(source):
        source = PLACE_TAIL.sub(r"\1", source)  # "allies in Iraq dial up …" (a headline): the description only
        return unnamed_actor(ctx, source, at) if UNNAMED.match(source) else None  # "X's allies in Y": not Y
    later = _named_later(ctx.text, source, at)
    if later is not None:
        name, where = later
        return ctx.aliases.get(name) or actor_for(ctx, name, where, "person", "Speaker named")
    return unnamed_actor(ctx, source, at)


PLACE_TAIL = re.compile(r"(\b(?:in|of|from|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+[a-z].*$")
BARE_TITLE = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?P<org>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+)?"
    r"(?P<role>official|spokes(?:man|woman|person)|commander|representative)$"
)
"""A title without an article ("X official", "the spokesman"): a holder the text has already named."""


def _named_before(text: str, phrase: str, at: int) -> tuple[str, int] | None:
    """The one person named earlier with that title of that organisation ("Name, an official of X" before
    "according to X official"; docs/curation.md, speaker identity across a paragraph)."""
    m = BARE_TITLE.match(phrase.strip())
    if m is None or at < 0:
        return None
    holders = {
        h["name"]: h.start("name")
        for h in re.finditer(
            rf"(?P<name>{NAME_RUN}),\s+(?:a|an|the)\s+(?:[\w-]+\s+)?{m['role']}\b(?P<rest>[^,.;\n]*)", text[:at]
        )
        if not m["org"] or m["org"] in h["rest"]
    }
    return next(iter(holders.items())) if len(holders) == 1 else None


ISSUED = re.compile(
    r"^(?i:an?|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|communiqu[eé]|press release|letter)\s+"
    r"(?:issued\s+)?(?:from|by|of)\s+(?P<issuer>(?:the\s+)?[A-Z].*?|(?:his|her)\s+(?:(?:media|press)\s+)?office"
    r"|the\s+(?:(?:media|press|private)\s+)?office\s+of\s+(?:the\s+)?[A-Z].*?)"
    r"(?:\s+(?:regarding|on|about|over|concerning|after|in|following)\s.*)?$"
)
"""A document named with its issuer ("a statement from the X office"): the issuer is the speaker."""
ONE_ROLE = re.compile(
    r"^(?:a|an)\s+(?:[\w-]+\s+)?(?P<role>spokes(?:man|woman|person)|official|commander|leader|representative)\b",
    re.I,
)
"""An indefinite title ("A spokesman for a militia"): the article may name its holder further on."""


LEAD_ROLE = r"(?:head|leader|chief|secretary[- ]general|commander|founder|spokes(?:man|woman|person))"
GROUP_TITLE = re.compile(rf"^(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?{LEAD_ROLE}\s+(?:of|for)\s+(?P<org>.+)$", re.I)
ROLE_LAST = re.compile(
    rf"(?:^|\s)(?P<role>{LEAD_ROLE}|official|minister|president|envoy|ambassador|pm|fm|premier|militia|group|faction|movement)$",
    re.I,
)
"""A headline's source that ends in a role or group noun: a description of the person or group, not a name."""
HOLDER = re.compile(
    rf"(?P<name>{NAME_RUN}), (?:a|an|the) (?:[\w-]+ (?:and )?)*?{LEAD_ROLE} (?:of|for) (?P<org>[^,.;\n]+)"
)
GENERIC_ORG = re.compile(r"^(?:the|its|his|her)\s+(?:movement|group|organi[sz]ation|party|militia|coalition)$", re.I)


def _group_title_holder(text: str, phrase: str) -> tuple[str, int] | None:
    """The one person the article binds to a leading role of the titled group ("The head of X says"
    and, anywhere, "Name, the secretary general of X" or "… of the movement"); None if none or several."""
    from .actors import _distinctive

    m = GROUP_TITLE.match(phrase.strip())
    if m is None:
        return None
    mine = _distinctive(m["org"])
    holders = {
        h["name"]: h.start("name")
        for h in HOLDER.finditer(text)
        if GENERIC_ORG.match(h["org"].strip()) or (mine & _distinctive(h["org"]))
    }
    if not holders:
        holders = _speaking_people(text)  # no one bound to the role: the one person the article has speak
    return next(iter(holders.items())) if len(holders) == 1 else None


def _speaking_people(text: str) -> dict[str, int]:
    """Full names (two words or more, no organisation's word) that stand right before a reporting cue."""
    from .actors import org_type
    from .lexicon import CUE_RE
    from .places import place

    out: dict[str, int] = {}
    before_cue = rf"(?P<name>{NAME_RUN})(?:,\s+who\b[^.;\n]{{0,150}}?,)? (?={CUE_RE.pattern})"  # "Name, who …, said"
    for m in re.finditer(before_cue, text):
        name = m["name"]
        if not org_type(name, "") and name.split()[0] not in {"The", "A", "An", "In", "On"} and place(name) is None:
            out.setdefault(name, m.start("name"))
    return out


def _named_later(text: str, phrase: str, at: int) -> tuple[str, int] | None:
    """The person an indefinite title stands for when the article names one holder of that role
    later ("Name, a spokesman for …"), or the one holder of a group's leading role it names ("the
    head of X"); None when it names none or several."""
    m = ONE_ROLE.match(phrase)
    if m is None and at >= 0:
        return _group_title_holder(text, phrase)
    if m is None or at < 0:
        return None
    role = m["role"].lower()
    name = r"(?P<name>(?:[A-Z][\w’'-]+|(?:al|el)-[A-Z][\w’'-]+)(?:\s+(?:[A-Z][\w’'-]+|(?:al|el)-[A-Z][\w’'-]+))+)"
    org = re.match(r"\s+(?:for|of)\s+(?:the\s+)?(?P<org>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})", phrase[m.end() :])
    titled = rf"|{re.escape(org['org'])}\s+{role}\s+{name}" if org else ""  # "X spokesman Name" for "a spokesman for X"
    holders = {
        h.group("name") or h.group("name2"): h.start("name") if h.group("name") else h.start("name2")
        for h in re.finditer(
            rf"{name},\s+(?:a|an|the)\s+(?:[\w-]+\s+)?{role}\b" + titled.replace("?P<name>", "?P<name2>"),
            text[at:],
        )
    }
    org = re.search(r"\b(?:for|of)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)*(?P<last>[A-Z][\w’'-]*)$", phrase.strip())
    if org is not None:  # "A spokesman for X said", later "X spokesman Name": the title before the name
        before_name = rf"\b{re.escape(org['last'])}(?:[’']s)?\s+{role}\s+(?P<name>{NAME_RUN})"
        holders.update({h["name"]: h.start("name") for h in re.finditer(before_name, text[at:])})
        # "Name, X's spokesman" anywhere (a caption above the lead): the role of that same organisation
        captioned = rf"{name},\s+(?:[\w’'-]+\s+){{0,4}}?{re.escape(org['last'])}(?:[’']s?)?\s+{role}\b"
        holders.update({h["name"]: h.start("name") - at for h in re.finditer(captioned, text)})
    if len(holders) != 1:
        return None
    name, offset = next(iter(holders.items()))
    return name, at + offset


def _addressee(ctx: Context, p: dict[str, Any], candidates: list[dict[str, Any]]) -> tuple[str | None, str]:
    """The hearer the attribution names, as an actor; "told reporters" names none."""
    if p.get("addressee_start") is None:
        return None, "addressee: null (0.80; the attribution names none)"
    who = ctx.text[p["addressee_start"] : p["addressee_end"]]
    addressee = ctx.aliases.get(who)
    a, b = p["addressee_start"], p["addressee_end"]
    whole = next((c["name"] for c in candidates if 0 <= ctx.text.find(c["name"], max(0, a - len(c["name"]))) < b), None)
    at = ctx.text.find(whole, max(0, a - len(whole))) if whole else a
    cleaned = clean_name(ctx.text, whole or who, at)
    title = re.match(r"The(?: [A-Z][\w’'.&-]*)+", who)  # "told The X Y from his base": "The X Y"
    if addressee is None and title is not None and len(title.group().split()) >= 2 and a > 0:
        addressee = actor_for(ctx, title.group(), a, "media_outlet", "Outlet named as a medium")  # a title
    elif addressee is None and cleaned and looks_like_name(cleaned[0]) and not demonym(cleaned[0], ctx.text):
        name, at = cleaned
        addressee = ctx.aliases.get(name) or actor_for(ctx, name, at, candidate_kind(ctx, name, "person"), "Addressee")
    return addressee, f"addressee: {addressee or 'null'} (0.70; the attribution's hearer {who!r})"


def _reporter_medium(
    ctx: Context, p: dict[str, Any], ch: Suggestion, medium: Suggestion
) -> tuple[Suggestion, Suggestion]:
    """ "X said that A, Y reported": Y carried X's words, so Y is the medium and, where the words are placed at
    no occasion, the channel a media report (docs/curation.md, Medium); the speaker's own office ("X's media
    office reported") is how the words were issued, no medium (an office and its principal)."""
    if medium.value is not None or p.get("reporter_start") is None:
        return ch, medium
    phrase = ctx.text[p["reporter_start"] : p["reporter_end"]].strip()
    if re.search(r"\boffice\b", phrase, re.I):
        return ch, medium
    known = ctx.aliases.get(re.sub(r"^(?:the|The)\s+", "", phrase))
    if known is not None and ctx.types.get(known) != "media_outlet":
        return ch, medium  # a state, a person: not an outlet carrying the words
    unnamed = unnamed_actor(ctx, phrase, p["reporter_start"]) if known is None and not phrase[:1].isupper() else None
    value = known or unnamed or f"TODO-new-actor ({phrase})"
    why = f"{phrase!r} reports the speaker's words"
    if ch.value == "unknown":
        ch = Suggestion("channel", "media_report", 0.6, why)
    return ch, Suggestion("medium", value, 0.6, why)


CALENDAR_WORDS = MONTHS | set(WEEKDAYS)


PLATFORMS = ("Telegram", "X", "Twitter", "Facebook", "Instagram", "YouTube", "WhatsApp")
OWN_ACCOUNT = re.compile(
    r"\b(?:its|his|her|their)\s+(?:own\s+|official\s+)?(?P<platform>" + "|".join(PLATFORMS) + r")"
    r"(?:\s+(?:channel|account|page|platform|feed))?\b"
)
"""The speaker's own account on a platform ("on its Telegram channel"): the medium is the account, not the
platform (docs/curation.md, Channel: posts' medium is the account, as the curated `khamenei-ir`)."""


def _own_account(ctx: Context, p: dict[str, Any], speaker: str, medium: Suggestion) -> Suggestion:
    """The medium as the speaker's account on the platform the sentence names as its own, drafted as a new
    outlet `<speaker>-<platform>` with the platform's words as evidence; the medium as it was elsewhere."""
    if not (isinstance(medium.value, str) and medium.value[len("TODO-new-actor (") : -1] in PLATFORMS):
        return medium
    a, b = _sentence_span(ctx.text, p)
    m = OWN_ACCOUNT.search(ctx.text, a, b)
    if m is None or speaker.startswith("TODO") or speaker not in {**ctx.types, **ctx.new_actors}:
        return medium
    account = f"{speaker}-{slug(m['platform'])}"
    if account not in ctx.types and account not in ctx.new_actors:
        ctx.new_actors[account] = {
            "actor_id": account,
            "name": f"{speaker} on {m['platform']}",
            "actor_type": "media_outlet",
            "description": f"The speaker {speaker}'s own {m['platform']} account, named in article {ctx.prefix}.",
            "evidence": quote_ref(ctx.text, m.group(0), m.start()),
            "aliases": [],
        }
    return Suggestion("medium", account, 0.6, f"the speaker's own account: {m.group(0)!r}")


def _new_medium(
    ctx: Context,
    ch: Suggestion,
    medium: Suggestion,
    kinds: dict[str, str],
    candidates: list[dict[str, Any]],
    unnamed: bool = False,
) -> tuple[Suggestion, Suggestion]:
    """A medium first named here is an outlet only when it reads as one ("the daily X", "X TV", an outlet
    the extractor typed) or when an `unnamed` source told it (sources the article does not name talk to
    outlets: "a senior official told X"); "told Minister X" names a hearer, not a medium, and is no
    interview cue."""
    named = medium.value[len("TODO-new-actor (") : -1]
    at = ctx.text.find(named)
    if at > 0 and named.startswith("The ") and not ctx.text[:at].rstrip().endswith((".", "\n")):
        # "told The National": a capital "The" inside a sentence opens a publication's title, never a person's name
        medium.value = actor_for(ctx, named, at, "media_outlet", "Outlet named as a medium")
        return ch, medium
    cleaned = clean_name(ctx.text, named, at, candidates) if at >= 0 else None
    if cleaned is not None and cleaned[0].lower() not in CALENDAR_WORDS:  # "reported on June 25": no outlet
        name, at = cleaned
        drafted = any(a["actor_type"] == "media_outlet" and name in a["aliases"] for a in ctx.new_actors.values())
        outlet = drafted or kinds.get(name) in {"media_outlet", "organization"}  # the dateline's "(X)" is drafted
        outlet = outlet or candidate_kind(ctx, name, "") == "media_outlet"
        outlet = outlet or (unnamed and ch.value == "interview" and ch.basis.startswith("cue 'told"))
        outlet = outlet or re.search(rf"-language {re.escape(name)}\b", ctx.text) is not None  # "the Arabic-language X"
        if outlet or name.isupper() or (len(name.split()) == 1 and ch.value != "interview"):
            medium.value = actor_for(ctx, name, at, "media_outlet", "Outlet named as a medium")
            drafted_as = ctx.new_actors.get(medium.value)
            if drafted_as is not None and drafted_as["actor_type"] == "person":  # drafted as the hearer before
                drafted_as["actor_type"] = "media_outlet"
            return ch, medium
    if ch.value == "interview" and ch.basis.startswith("cue 'told"):
        return Suggestion("channel", "unknown", 0.5, f"{ch.basis} names a hearer, not an outlet"), Suggestion(
            "medium", None, 0.6, "no outlet named"
        )
    return ch, Suggestion("medium", None, 0.5, f"{named!r} does not read as an outlet")


def _date(
    ctx: Context,
    p: dict[str, Any],
    read: tuple[list[dict[str, Any]], list[dict[str, Any]], tuple[int, int] | None],
    speaker: str,
    sid: str,
    last_date: dict[str, tuple[dict[str, Any], str, int]],
) -> tuple[dict[str, Any], str]:
    """The said date: the sentence's own, else the speaker's dated remark of the same occasion, else the
    date of the sentence reporting the occasion the words are placed at, else null."""
    from .intake import said_date

    drafted, dates, occasion = read
    spoken = [(q["start"], q["end"]) for q in drafted]
    date = said_date(ctx.text, p, dates, spoken) if ctx.published else {}
    if date:
        last_date[speaker] = (date, sid, p["end"])
        return date, f"said_date: {date['said_date']} (0.70; {date['said_date_quote']!r} in the sentence)"
    if speaker in last_date and _same_paragraph_run(ctx.text, last_date[speaker][2], p["start"]):
        carried, from_sid, _ = last_date[speaker]
        date = {
            **carried,
            "said_date_note": f"As {from_sid}: the same speaker's remarks on one occasion, no other date between.",
        }
        date.pop("said_date_quote", None)
        date.pop("said_date_occurrence", None)
        return date, f"said_date: {date['said_date']} (0.60; carried from {from_sid}, same speaker and occasion)"
    placed = dated_sentence(dates, *occasion, spoken) if occasion and ctx.published else None
    if placed:
        date = occasion_date(placed, "occasion")
        return date, f"said_date: {date['said_date']} (0.50; {placed['text']!r} dates the occasion placed before)"
    return {
        "said_date": None,
        "said_date_precision": None,
        "said_date_basis": None,
        "said_date_note": "No date in the sentence, and no earlier remark of the speaker dates the occasion.",
    }, "said_date: null (0.50; no date expression)"


GOES_ON = re.compile(r"\b(?:add\w*|continu\w*|conclud\w*|went on|also)\b", re.I)


def _goes_on(p: dict[str, Any], placed: Suggestion) -> bool:
    """A later passage that continues the speaker's words at its occasion ("X added during a meeting", "at
    the end of his interview, he said"): it places the words before it too."""
    return bool(GOES_ON.search(p.get("reporting_verb") or "")) or "at the end of" in placed.basis


def _who(p: dict[str, Any]) -> str | None:
    """The speaker as drafted (an office's principal, a title's holder named later), else as extracted."""
    return p.get("resolved_speaker") or p.get("speaker_id") or p.get("speaker_name")


def _run_on(text: str, drafted: list[dict[str, Any]], i: int, j: int) -> bool:
    """The earlier words run on into the later placed passage: no paragraph break, and no other
    speaker's words, between them (docs/curation.md, Placement 4)."""
    others = any(_who(p) != _who(drafted[i]) for p in drafted[i + 1 : j])
    return not others and "\n\n" not in text[drafted[i]["end"] : drafted[j]["start"]]


def _carried_channel(
    text: str, drafted: list[dict[str, Any]], cued: list[tuple[Suggestion, Suggestion]], i: int, prefix: str
) -> tuple[Suggestion, Suggestion, int | None]:
    """A statement with no cue of its own takes the one channel its speaker's placed remarks in the
    article agree on ("at the end of his interview, he said"; "X added during a meeting" places the
    words before it too, as the curated articles read it): one occasion, the nearest placed before the
    words, else the first after, at lower confidence; where the speaker's words are also carried by an
    outlet's report ("…, Rudaw reported"), the occasion is the one the other remarks name. A post is never
    carried: posts are their own utterance (docs/curation.md, Channel)."""
    who = _who(drafted[i])
    same = [j for j, p in enumerate(drafted) if j != i and who and _who(p) == who]
    cues = [j for j in same if cued[j][0].value != "unknown"]
    if any(cued[j][0].value != "media_report" for j in cues):
        cues = [j for j in cues if cued[j][0].value != "media_report"]  # an outlet's report is no occasion
    kinds = {cued[j][0].value for j in cues}
    if not cues or len(kinds) > 1 or kinds == {"social_media_post"}:  # two occasions; a post is its own
        return (*cued[i], None)
    before = [j for j in cues if j < i]
    j = max(before) if before else min(cues)  # the words go on at the occasion reported before them
    if j > i and not (_goes_on(drafted[j], cued[j][0]) or _run_on(text, drafted, i, j)):
        return (*cued[i], None)  # a later occasion places earlier words by a connective or in one run
    ch, medium = cued[j]
    via = f"{prefix}-s{j + 1:02d}"
    return (
        Suggestion("channel", ch.value, 0.5, f"carried from {via}, same speaker ({ch.basis})"),
        Suggestion("medium", medium.value, 0.5, f"carried from {via}"),
        j,
    )


REPLY = re.compile(r"^\W*(?:In (?:response|reply|return)|Responding|Replying)\b")


def _reply_channel(
    text: str, drafted: list[dict[str, Any]], placed: list[tuple[Suggestion, Suggestion]], i: int, prefix: str
) -> tuple[Suggestion, Suggestion, int | None]:
    """ "In response, X said" places the reply at the occasion of the words it answers: the placed
    statement just before, of another speaker (docs/curation.md, Placement 3)."""
    p = drafted[i]
    if not REPLY.match(_sentence(text, p["start"], p["end"])):
        return (*placed[i], None)
    who = p.get("speaker_id") or p.get("speaker_name")
    for j in range(i - 1, max(-1, i - 4), -1):
        other = drafted[j].get("speaker_id") or drafted[j].get("speaker_name")
        if other != who and placed[j][0].value in OCCASIONS:
            via = f"{prefix}-s{j + 1:02d}"
            ch, medium = placed[j]
            why = f"a reply placed at the occasion of {via} ({ch.basis})"
            return Suggestion("channel", ch.value, 0.5, why), Suggestion("medium", medium.value, 0.5, why), j
    return (*placed[i], None)


SCENE_REACH = 2  # paragraphs: how far back a sentence placing the speaker at an occasion is read
EARLIER = re.compile(r"^\W*(?:Earlier|Previously|Before that|Last (?:week|month|year))\b")


def _about_their_words(text: str, a: int, b: int, drafted: list[dict[str, Any]], speaker: str) -> bool:
    """ "He made the remarks at …" right after the speaker's own words: the pronoun is the speaker."""
    m = ABOUT_IT.match(text, a, b)
    before = [q for q in drafted if q["end"] <= a]
    return bool(m and m["pronoun"] and before) and speaker in {_who(before[-1]), before[-1].get("resolved_speaker")}


def _scene_channel(
    ctx: Context, p: dict[str, Any], speaker: str, ch: Suggestion, medium: Suggestion, drafted: list[dict[str, Any]]
) -> tuple[Suggestion, Suggestion, tuple[int, int] | None]:
    """The occasion a sentence before the statement places its speaker at ("X arrived … to address
    lawmakers", "X held a press conference"), within SCENE_REACH paragraphs and with no "Earlier"
    opening the statement's own sentence: the words are placed there (docs/curation.md, Placement 4),
    and that sentence dates them."""
    text = ctx.text
    sentence = _sentence(text, p["start"], p["end"])
    person = ctx.types.get(speaker, ctx.new_actors.get(speaker, {}).get("actor_type")) == "person"
    keys = [w.capitalize() for w in speaker.split("-")[-1:] if len(w) >= 3]
    if not person or not keys or EARLIER.match(sentence):
        return ch, medium, None  # a person, by the surname of the id: a group's name is everywhere
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, keys)) + r")\b")
    spoken = [(q["start"], q["end"]) for q in drafted]  # an occasion in reported words is what was said
    for a, b in sentences_before(text, p["start"], SCENE_REACH):
        sent = text[a:b]
        if on_page_line(text, a) or (not named.search(sent) and not _about_their_words(text, a, b, drafted, speaker)):
            continue  # a caption ("X speaks during an interview …") places no words (page_lines.py)
        placed, outlet = channel(attribution_words(text, a, b, spoken), ctx.aliases, ctx.types)
        if placed.value in OCCASIONS:
            why = f"the speaker placed at the occasion before: {placed.basis}"
            value = _drafted_outlet(ctx, outlet.value)
            if medium.value is None and isinstance(value, str) and not value.startswith("TODO"):
                medium = Suggestion("medium", value, 0.5, f"the occasion before: {outlet.basis}")
            return Suggestion("channel", placed.value, 0.5, why), medium, (a, b)
    return ch, medium, None


def _drafted_outlet(ctx: Context, value: Any) -> Any:
    """A medium first named in this article, as the new outlet already drafted for it."""
    if not (isinstance(value, str) and value.startswith("TODO-new-actor (")):
        return value
    named = value[len("TODO-new-actor (") : -1]
    drafted = (i for i, a in ctx.new_actors.items() if a["actor_type"] == "media_outlet" and named in a["aliases"])
    return next(drafted, value)


def _media_source(ctx: Context, source: str, speaker: str) -> bool:
    """The words come from the media: "the reports", "multiple media outlets", an outlet as the speaker."""
    m = UNNAMED.match(source)
    if m is not None and m["head"].split()[-1].lower() in MEDIA_HEADS:
        return True
    return ctx.types.get(speaker, ctx.new_actors.get(speaker, {}).get("actor_type")) == "media_outlet"


NO_PRESENCE = "the words name no presence"  # cues.stance's basis where the words name none
REFERS_BACK = re.compile(r"\b(?:they|them|their|it|its|illegal|illegitimate|unlawful)\b", re.I)
"""A pronoun in a fragment refers to what its clause names, and "illegal" is said of it: the clause's
stance, not its own words' (docs/curation.md, Stance: condemning the presence as illegal)."""


def _as_clause(own: Suggestion, sid: str, codes: list[Suggestion], quote: str = "") -> Suggestion:
    """A quoted fragment's PLOVER act and stance are its clause's (14 and 12 of the 15 fragments of
    the curated articles); its topics stay its own words'."""
    if own.field not in {"plover", "stance_us_presence"}:
        return own
    own_words = own.value == "not_addressed" and NO_PRESENCE in own.basis and not REFERS_BACK.search(quote)
    if own.field == "stance_us_presence" and own_words:
        return own  # "a 'fitting reply'": the fragment's own words do not speak of the presence
    theirs = next(c for c in codes if c.field == own.field)
    value = dict(theirs.value) if isinstance(theirs.value, dict) else theirs.value
    return Suggestion(own.field, value, theirs.confidence, f"as its clause {sid}: {theirs.basis}", theirs.shown)


GROUPED_WHY = "the same cue, a quotation running on without a new cue, or the words of the point before"
CONTINUING = {"continuation", "previous_sentence", "colon"}


def remark_groups(text: str, drafted: list[dict[str, Any]], speakers: list[str]) -> list[int]:
    """Which drafted statements are one remark (docs/curation.md, "Utterance: one remark"): a clause and
    its quoted fragments and the parts of a quotation share their cue; a quotation running on with no
    cue of its own, or directly giving the words of the same speaker's report before it, joins that
    remark; a new cue is a new remark, and so is each of two remarks split from one clause."""
    groups: list[int] = []
    by_cue: dict[tuple[Any, Any, str], int] = {}
    for n, p in enumerate(drafted):
        cue = (p.get("cue_start"), p.get("cue_end"), speakers[n])
        prev = n - 1 if n and speakers[n - 1] == speakers[n] else None
        group = n
        if p.get("cue_start") is not None and cue in by_cue and not p.get("split"):
            group = by_cue[cue]
        elif prev is not None and (p.get("attribution") in CONTINUING or _gives_the_words(text, drafted[prev], p)):
            group = groups[prev]
        by_cue.setdefault(cue, group)
        groups.append(group)
    return groups


def _indirect(p: dict[str, Any]) -> bool:
    return p["statement_type"] == "indirect"


def _gives_the_words(text: str, report: dict[str, Any], quote: dict[str, Any]) -> bool:
    """A direct quotation right after an indirect report of the same speaker (the same or the next
    paragraph, nothing reported between) gives the words of that point; after a clause with quoted
    fragments it was a new point more often than not (the five curated articles)."""
    if not _indirect(report) or quote["statement_type"] != "direct":
        return False
    between = text[report["end"] : quote["start"]]
    return between.count("\n\n") + between.count("\n") <= 2 and len(between) < 400


def _utterance(uid: str, speaker: str, date: dict[str, Any], ch: Any, quote: str) -> dict[str, Any]:
    occasion = {
        "written_statement": "Written statement",
        "interview": "Interview",
        "press_conference": "Press conference",
        "social_media_post": "Post on social media",
        "speech": "Speech",
        "meeting": "Meeting",
        "email": "Email",
    }.get(str(ch), "Remarks reported by the article")
    words = quote.split()
    summary = " ".join(words[:25]) + (" …" if len(words) > 25 else "")
    out = {"utterance_id": uid, "speaker": speaker}
    out.update(
        {
            k: v
            for k, v in date.items()
            if k in {"said_date", "said_date_precision", "said_date_basis", "said_date_note"}
        }
    )
    out.update(occasion=occasion, summary=summary)
    return out


def affiliations(ctx: Context, doc: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Roles the text gives people in known or new organisations, dated by the article."""
    orgs = {a: i for a, i in ctx.aliases.items() if ctx.types.get(i) not in {None, "person", "state"}}
    orgs.update({a["name"]: i for i, a in ctx.new_actors.items() if a["actor_type"] not in {"person"}})
    out, review = [], []
    published = doc.get("published_date")
    for a in affiliate.find(ctx.text, orgs):
        person = actor_for(ctx, a.person, a.person_start, "person", "Person named with a role")
        if ctx.types.get(person, ctx.new_actors.get(person, {}).get("actor_type")) != "person":
            continue
        role = affiliate.role_code(a.role)
        if role is None:
            continue
        key = (person, a.organization, role)
        if key in ctx.known_affiliations or any((x["actor"], x["organization"], x["role"]) == key for x in out):
            continue
        quote = ctx.text[a.start : a.end]
        entry: dict[str, Any] = {
            "affiliation_id": f"aff-{person}-{slug(role)}-{a.organization}"[:90],
            "actor": person,
            "organization": a.organization,
            "role": role,
        }
        for end in ("start", "end"):
            if published:
                entry.update(
                    {
                        f"{end}_date": published,
                        f"{end}_date_precision": doc.get("published_date_precision"),
                        f"{end}_date_basis": "inferred",
                        f"{end}_date_note": f"The article ({published}, {doc.get('published_date_basis')}) gives "
                        "the role in its present; no wider period is stated.",
                    }
                )
            else:
                entry[f"{end}_date_note"] = "The article is not dated, so the role is not either."
        entry["evidence"] = quote_ref(ctx.text, quote, a.start)
        out.append(entry)
        review.append(
            f"new_affiliations {entry['affiliation_id']}: {role} of {a.organization} ({a.confidence:.2f}; {quote!r})"
        )
    return out, review


def plover_target(
    ctx: Context, quote: str, category: str, addressee: str | None, speaker: str
) -> tuple[str | None, str]:
    """The actor acted upon: a request's named hearer, else the first known actor the words name."""
    if category == "REQUEST" and addressee and not addressee.startswith("TODO"):
        return addressee, "the hearer the attribution names"
    named = []
    for alias, actor in ctx.aliases.items():
        m = re.search(rf"(?<![\w’'-]){re.escape(alias)}(?![\w’'-])", quote)
        if m and actor != speaker:
            named.append((m.start(), -len(alias), actor, alias))
    if named:
        _, _, actor, alias = min(named)
        return actor, f"the first actor the words name ({alias!r})"
    return None, "The words name no known actor as the one acted upon."


def dismissals(ctx: Context, proposals: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Quotations with no cue and no speaker, proposed as dismissed with the likeliest reason."""
    out, review = [], []
    for p in proposals["statements"]:
        if p.get("speaker_id") or p.get("speaker_name") or p["confidence"] >= 0.2:
            continue
        words = p["quote"].split()
        if len(words) <= 6 and all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
            reason, why = "name", "capitalised words: a name in marks"
        elif len(words) <= 3:
            reason, why = "scare_quotes", "a few words in marks, no speaker"
        else:
            reason, why = "unattributed", "no cue and no speaker found"
        entry = {**quote_ref(ctx.text, p["quote"], p["start"]), "reason": reason, "note": f"No speaker: {why}."}
        out.append(entry)
        review.append(f"dismissed_quotes {p['quote'][:40]!r}: {reason} (0.40; {why})")
    return out, review


INTRODUCED = re.compile(
    r"(?:\b(?:saying|stating|adding|noting|declaring|stressing|writing)[,:]?"
    r"|[”\"][^“”\"\n]{1,60}?\b(?:said|says|added|noted|continued|stressed|explained|concluded)[,:]?)\s*[“\"]\s*$"
)
"""A quotation given as the speaker's own sentences: after "saying", "adding" …, or the second part of a
quotation split by its attribution ("“…,” X added, “…”")."""
FULL_STOP = re.compile(r"[.!?]\s*$")


def _typed(text: str, p: dict[str, Any]) -> dict[str, Any]:
    """The statement with a full quotation the extractor typed a fragment typed `direct`."""
    if p["statement_type"] == "partial" and _full_quotation(text, p):
        return {**p, "statement_type": "direct"}
    return p


def _full_quotation(text: str, p: dict[str, Any]) -> bool:
    """A quotation typed a fragment that is a full quotation (docs/curation.md, statement_type `direct`):
    introduced as the speaker's words ("saying “…”", "“This,” X added, “is …”") and running to a
    sentence's end inside its marks, six words or more."""
    quote = p["quote"].strip()
    return (
        len(quote.split()) >= 6
        and FULL_STOP.search(quote) is not None
        and INTRODUCED.search(text, max(0, p["start"] - 30), p["start"]) is not None
    )


def _sentence_span(text: str, p: dict[str, Any]) -> tuple[int, int]:
    """The statement's sentence, as start and end offsets (its words and its attribution)."""
    lo = max(text.rfind(". ", 0, p["start"]), text.rfind("\n", 0, p["start"])) + 1
    hi = [i for i in (text.find(". ", p["end"]), text.find("\n", p["end"])) if i >= 0]
    return lo, min(hi) if hi else len(text)


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    hi = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[lo : min(hi) if hi else len(text)]


def _same_paragraph_run(text: str, prev_end: int, start: int) -> bool:
    """No paragraph break nor a new date between the speaker's dated remark and this one: one occasion."""
    between = text[prev_end:start]
    return "\n\n" not in between and len(between) < 600


__all__ = ["GIVEN_NOTE", "affiliations", "article_fields", "dismissals", "split_remarks", "statements"]
