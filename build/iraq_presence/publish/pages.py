"""The reading view: static HTML pages generated into the bundle (view/). Each article's text with
its statements, mentions, meetings, events and artifacts highlighted, each linked to the actor
pages, which show what an actor said, its roles and the groups it belongs to.

Static pages rather than a Datasette plugin: they open from the unzipped Zenodo bundle in any
browser, with no server and nothing to install, and they are archived with the DOI.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from .. import __version__
from .labels import article_label
from .labels import shown_date as _date
from .markdown import safe_url

NESTING = ("artifact", "event", "meeting", "statement", "mention")
"""Outermost to innermost: each text segment is wrapped in this order, so the HTML always nests."""


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    key: str
    """statement_id for a statement, actor_id for a mention, a label otherwise."""
    speaker: str = ""
    speaker_name: str = ""


TABLES = (
    "articles",
    "actors",
    "actor_aliases",
    "affiliations",
    "statements",
    "mentions",
    "meetings",
    "meeting_participants",
    "meeting_reports",
    "events",
    "event_reports",
    "article_issues",
    "militia_groups",
)


CLOSING = "”’\"'»"
"""Closing quotation marks: a speaker tag goes after the mark that ends the quotation, not inside it."""
BASIS = {"stated": "stated in the text", "inferred": "inferred from the corpus", "external": "from a cited source"}


def labels(schemas: dict[str, Any]) -> dict[str, dict[str, str]]:
    """{column: {code: label}} from the schemas' categories (one label per code, whatever table)."""
    out: dict[str, dict[str, str]] = {}
    for schema in schemas.values():
        for f in schema.fields:
            for c in f.get("categories", []):
                out.setdefault(f["name"], {})[c["value"]] = c.get("label", c["value"])
    return out


def pages(meta: Any, frames: dict[str, Any], citation: str, schemas: dict[str, Any]) -> dict[str, bytes]:
    """Every file of the reading view, by path inside the bundle."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("iraq_presence.publish", "templates"), autoescape=select_autoescape())
    codes = labels(schemas)
    env.filters["label"] = lambda code, column: codes.get(column, {}).get(code, code) if code else ""
    common = {"package": meta.name, "version": __version__, "citation": citation}
    t = {name: _records(frames[name]) for name in TABLES}  # plain rows once: the pages are pure Python
    names = {a["actor_id"]: a["name"] for a in t["actors"]}
    refs = {r["reference_id"]: r for r in _records(frames["external_references"])}
    by_article = {name: _group(t[name], "article_id") for name in TABLES[2:] if "article_id" in frames[name]}
    for rows in by_article.values():
        for group in rows.values():
            group.sort(key=lambda r: (r.get("char_start") or 0, str(r)))
    arts = sorted(t["articles"], key=lambda a: a["article_id"])
    from .pictures import network_svg, timeline_svg

    out = {"view/style.css": env.get_template("style.css").render().encode()}
    out["view/pictures/timeline.svg"] = timeline_svg(frames, codes.get("stance_us_presence", {}))
    out["view/pictures/who-met-whom.svg"] = network_svg(frames)
    out["view/pictures.html"] = _render(env, "pictures.html", root="", **common)
    out["view/index.html"] = _render(
        env,
        "index.html",
        root="",
        title=meta.title,
        articles=[_article_row(a, by_article, names) for a in arts],
        meetings=[
            {**m, "date": _dated(m, "meeting_date", refs)}
            for m in sorted(t["meetings"], key=lambda m: (m["meeting_date"] is None, m["meeting_date"] or 0))
        ],
        actors=_actor_groups(t),
        **common,
    )
    for art in arts:
        aid = art["article_id"]
        rows = {name: by_article[name].get(aid, []) for name in by_article}
        out[f"view/articles/{aid}.html"] = _render(
            env,
            "article.html",
            root="../",
            a=_article_row(art, by_article, names),
            body=_body(art["text"], _marks(rows, names)) if art["text"] else None,
            statements=[_statement(s, names, refs) for s in rows["statements"]],
            meetings=_reports(rows["meeting_reports"], t["meetings"], "meeting"),
            events=_reports(rows["event_reports"], t["events"], "event"),
            issues=[f"{i['issue_type']}: “{i['text']}” — {i['note']}" for i in rows["article_issues"]],
            **common,
        )
    for actor in sorted(t["actors"], key=lambda a: a["actor_id"]):
        out[f"view/actors/{actor['actor_id']}.html"] = _actor_page(env, actor, t, names, refs, common)
    arts_by_id = {a["article_id"]: _article_row(a, by_article, names) for a in arts}
    for m in sorted(t["meetings"], key=lambda m: m["meeting_id"]):
        mid = m["meeting_id"]
        out[f"view/meetings/{mid}.html"] = _render(
            env,
            "meeting.html",
            root="../",
            m={**m, "date": _dated(m, "meeting_date", refs)},
            participants=sorted(
                ({**p, "name": names[p["actor_id"]]} for p in t["meeting_participants"] if p["meeting_id"] == mid),
                key=lambda p: p["name"],
            ),
            reports=[
                {**r, "article": arts_by_id[r["article_id"]]}
                for r in sorted(t["meeting_reports"], key=lambda r: r["article_id"])
                if r["meeting_id"] == mid
            ],
            **common,
        )
    return out


def _render(env: Any, template: str, **context: Any) -> bytes:
    return env.get_template(template).render(**context).encode("utf-8")


def _records(frame: Any) -> list[dict[str, Any]]:
    """Rows as dicts with None for every null (pandas' NA and NaT included)."""
    import pandas as pd

    obj = frame.astype("object")
    return obj.where(pd.notna(obj), None).to_dict("records")


def _group(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


def _article_row(art: dict[str, Any], by_article: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    outlet = names.get(art["outlet_id"], "not stated") if art["outlet_id"] else "not stated"
    return {
        "article_id": art["article_id"],
        "title": article_label(art, names),
        "outlet": outlet,
        "date": _date(art["published_date"], art["published_date_precision"]) or "unknown",
        "url": safe_url(art["url"]),
        "n_statements": len(by_article["statements"].get(art["article_id"], [])),
    }


def _dated(row: dict[str, Any], column: str, refs: dict[str, Any]) -> str:
    """A date with its basis, and the source's title when it rests on one: '2025-01-08 (from a cited
    source: Title)'; empty when there is no date."""
    date = _date(row[column], row[f"{column}_precision"])
    if not date:
        return ""
    basis = row.get(f"{column}_basis")
    ref = refs.get(row.get(f"{column}_reference_id") or "")
    how = BASIS.get(basis or "", basis or "basis not given")
    return f"{date} ({how}{': ' + ref['title'] if ref else ''})"


def _statement(s: dict[str, Any], names: dict[str, str], refs: dict[str, Any]) -> dict[str, Any]:
    return {
        **s,
        "speaker": names.get(s["speaker_id"], s["speaker_id"]),
        "target": names.get(s.get("plover_target_id") or "", ""),
        "date": _dated(s, "said_date", refs),
        "quoted": s["statement_type"] != "indirect",
    }


def _reports(reports: list[dict[str, Any]], things: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    by_id = {x[f"{kind}_id"]: x for x in things}
    return [{**by_id[r[f"{kind}_id"]], "text": r["text"], "kind": kind} for r in reports]


def _marks(rows: dict[str, list[dict[str, Any]]], names: dict[str, str]) -> list[Mark]:
    marks = [
        Mark(s["char_start"], s["char_end"], "statement", s["statement_id"], s["speaker_id"], names[s["speaker_id"]])
        for s in rows["statements"]
    ]
    marks += [Mark(m["char_start"], m["char_end"], "mention", m["actor_id"]) for m in rows["mentions"]]
    for kind in ("meeting", "event"):
        marks += [Mark(r["char_start"], r["char_end"], kind, r[f"{kind}_id"]) for r in rows[f"{kind}_reports"]]
    marks += [Mark(i["char_start"], i["char_end"], "artifact", i["issue_type"]) for i in rows["article_issues"]]
    return marks


def _body(text: str, marks: list[Mark]) -> Any:
    """The text cut at every mark boundary; each piece wrapped in the marks covering it."""
    from markupsafe import Markup, escape

    def after_quote(end: int) -> int:
        return end + 1 if end < len(text) and text[end] in CLOSING else end

    tags = {m: after_quote(m.end) for m in marks if m.kind == "statement"}
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks} | set(tags.values()))
    ends = _group([{"end": at, "m": m} for m, at in tags.items()], "end")
    html: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = str(escape(text[a:b]))
        covering = sorted(
            (m for m in marks if m.start <= a and m.end >= b and m.start < m.end),
            key=lambda m: (NESTING.index(m.kind), m.start, m.key),
        )
        for m in reversed(covering):
            piece = _wrap(m, piece, first=m.start == a)
        html.append(piece)
        for e in ends.get(b, []):
            m = e["m"]
            html.append(
                f'<a class="speaker" href="../actors/{escape(m.speaker)}.html" '
                f'data-statement="{escape(m.key)}">{escape(m.speaker_name)}</a>'
            )
    return Markup("".join(html))


def _wrap(m: Mark, inner: str, first: bool) -> str:
    from markupsafe import escape

    key = escape(m.key)
    if m.kind == "mention":
        return f'<a class="mention" href="../actors/{key}.html">{inner}</a>'
    anchor = f' id="s-{key}"' if first and m.kind == "statement" else ""
    return f'<mark class="{m.kind}" data-key="{key}"{anchor}>{inner}</mark>'


def _actor_groups(t: dict[str, list[dict[str, Any]]]) -> list[tuple[str, list[dict[str, Any]]]]:
    said: dict[str, int] = {}
    for s in t["statements"]:
        said[s["speaker_id"]] = said.get(s["speaker_id"], 0) + 1
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in sorted(t["actors"], key=lambda a: (a["actor_type"], a["name"])):
        groups.setdefault(a["actor_type"], []).append({**a, "n_statements": said.get(a["actor_id"], 0)})
    return list(groups.items())


def _actor_page(
    env: Any,
    actor: dict[str, Any],
    t: dict[str, list[dict[str, Any]]],
    names: dict[str, str],
    refs: dict[str, Any],
    common: dict[str, Any],
) -> bytes:
    aid = actor["actor_id"]
    titles = {a["article_id"]: article_label(a, names) for a in t["articles"]}
    aff = sorted(t["affiliations"], key=lambda r: r["affiliation_id"])

    def role(r: dict[str, Any], other: str) -> dict[str, Any]:
        first, last = _date(r["start_date"], r["start_date_precision"]), _date(r["end_date"], r["end_date_precision"])
        span = first if first == last else " to ".join(d for d in (first, last) if d)
        dates = f"attested {span}" if span else ""
        return {"role": r["role"], "other_id": r[other], "other": names.get(r[other], r[other]), "dates": dates}

    group = next(
        (
            {
                "parent_id": g["parent_group_id"],
                "parent": names.get(g["parent_group_id"]) if g["parent_group_id"] else None,
                "state_status": g["state_status"],
                "wording": g["iran_backed_wording"],
            }
            for g in t["militia_groups"]
            if g["actor_id"] == aid
        ),
        None,
    )
    said = sorted(
        (s for s in t["statements"] if s["speaker_id"] == aid),
        key=lambda s: (s["said_date"] is None, s["said_date"] or 0, s["statement_id"]),
    )
    meetings = {m["meeting_id"]: m for m in t["meetings"]}
    met = [
        {
            **meetings[p["meeting_id"]],
            "role": p["role"],
            "date": _dated(meetings[p["meeting_id"]], "meeting_date", refs),
        }
        for p in sorted(t["meeting_participants"], key=lambda p: p["meeting_id"])
        if p["actor_id"] == aid
    ]
    counts: dict[str, int] = {}
    for m in t["mentions"]:
        if m["actor_id"] == aid:
            counts[m["article_id"]] = counts.get(m["article_id"], 0) + 1
    return _render(
        env,
        "actor.html",
        root="../",
        x=actor,
        aliases=", ".join(sorted(a["alias"] for a in t["actor_aliases"] if a["actor_id"] == aid)),
        group=group,
        member_of=[role(r, "organization_id") for r in aff if r["actor_id"] == aid],
        members=[role(r, "actor_id") for r in aff if r["organization_id"] == aid],
        statements=[_statement(s, names, refs) for s in said],
        meetings=met,
        mentions=[{"article_id": k, "title": titles[k], "n": v} for k, v in sorted(counts.items())],
        titles=titles,
        **common,
    )
