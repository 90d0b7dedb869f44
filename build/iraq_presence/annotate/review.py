"""`dataset review ID`: a draft rendered as one static HTML page, to review by reading.

The article's text with every proposal highlighted where it rests (statements, title, byline,
outlet credit, date, issues, new actors and affiliations), each marked with its confidence; beside
it, per statement, every proposed field with its confidence, what it rests on, the precedents'
own words, and what to check. The page is read from the draft file and the raw text only, so it
shows exactly what the curator is about to accept.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..paths import Layout
from ..tables.spans import SpanNotFound, locate

CHECK = dict(  # field -> what the reviewer checks (pairs, not values of the field)
    [
        ("speaker", "Is the source the speaker, and the id that person or body (not the addressee)?"),
        (
            "statement_type",
            "direct: a whole quoted sentence; partial: quoted words inside the author's; indirect: no marks.",
        ),
        ("reporting_verb", "The verb of the attribution as written."),
        ("addressee", "Only when the attribution names who was told."),
        ("channel", "The cue must say how it was said; 'unknown' when it does not."),
        ("medium", "The outlet or platform that carried it, when the text names one."),
        ("said_date", "Stated, or resolved from the text; the note must say from which words."),
        ("meeting", "Only when the text ties the remark to that meeting."),
        ("utterance", "Same act of speech as the linked utterance? New: write its occasion and summary."),
        ("plover", "Does the act fit the category as the precedents were coded?"),
        ("stance_us_presence", "The stance the words take on the US presence, not the speaker's known view."),
        ("topics", "Every topic the words address, no more."),
        ("quote", "Each remark of the clause is its own statement."),
    ]
)
REVIEW_LINE = re.compile(
    r"^(?P<field>[^:(]+?)(?::\s*(?P<value>.*?))?\s*\((?P<conf>\d\.\d\d)(?:;\s*(?P<basis>.*))?\)\s*$"
)
PRECEDENT = re.compile(r"\b(\d{3}-s\d{2,})\s+(\d\.\d\d)")


@dataclass
class Mark:
    start: int
    end: int
    label: str
    kind: str
    confidence: float | None


def render(root: Path, article_id: str) -> str:
    """The review page of one article's draft (or accepted file), as HTML text."""
    from jinja2 import Environment

    lay = Layout(root)
    doc = yaml.safe_load((lay.curation / "articles" / f"{article_id}.yaml").read_text(encoding="utf-8"))
    text = (lay.raw / doc["source_file"]).read_text(encoding="utf-8")
    quotes = _precedent_quotes(lay.data)
    marks, cards = [], []
    art_review = [_parse(line) for line in doc.get("unreviewed") or []]
    conf = {r["field"].split()[0]: r["conf"] for r in art_review}
    for key, label in (("title", "title"), ("outlet_evidence", "outlet"), ("published_date_evidence", "date")):
        if doc.get(key):
            _mark(marks, text, doc[key], label, "meta", conf.get(label if label != "date" else "published_date"))
    for a in doc.get("authors") or []:
        _mark(marks, text, a, f"author {a['actor']}", "meta", conf.get("authors"))
    for i in doc.get("issues") or []:
        _mark(marks, text, i, f"{i['issue_id']} {i['issue_type']}", "issue", conf.get("issues"))
    for d in doc.get("dismissed_quotes") or []:
        _mark(marks, text, d, f"dismissed: {d['reason']}", "issue", conf.get("dismissed_quotes"))
    for a in doc.get("new_actors") or []:
        _mark(marks, text, a["evidence"], f"new actor {a['actor_id']} ({a['actor_type']})", "actor", None)
    for a in doc.get("new_affiliations") or []:
        _mark(marks, text, a["evidence"], f"{a['affiliation_id']}", "affiliation", conf.get("new_affiliations"))
    for m in doc.get("new_meetings") or []:
        for r in m.get("reports") or []:
            label = f"new meeting {m['meeting_id']} ({m['meeting_type']})"
            _mark(marks, text, r, label, "meeting", conf.get("new_meetings"))
    for st in doc.get("statements") or []:
        review = [_parse(line) for line in st.get("unreviewed") or []]
        speaker_conf = next((r["conf"] for r in review if r["field"] == "speaker"), None)
        _mark(marks, text, st, f"{st['statement_id']} {st['speaker']}", "statement", speaker_conf)
        shown: set[str] = set()
        for r in review:
            r["check"] = CHECK.get(r["field"], "")
            found = [(pid, sim) for pid, sim in PRECEDENT.findall(r.get("basis") or "") if pid not in shown]
            r["precedents"] = [{"id": pid, "similarity": sim, "quote": quotes.get(pid, "")} for pid, sim in found]
            shown.update(pid for pid, _ in found)
        cards.append({"st": st, "review": review})
    env = Environment(autoescape=True)
    return env.from_string(PAGE).render(
        doc=doc,
        body=_body(text, marks),
        art_review=art_review,
        cards=cards,
        pending=len(art_review) + sum(len(c["review"]) for c in cards),
        band=_band,
    )


def _parse(line: str) -> dict[str, Any]:
    m = REVIEW_LINE.match(line)
    if m is None:
        return {"field": line.split(":")[0], "value": line, "conf": None, "basis": ""}
    return {"field": m["field"].strip(), "value": m["value"], "conf": float(m["conf"]), "basis": m["basis"] or ""}


def _mark(marks: list[Mark], text: str, ref: dict[str, Any], label: str, kind: str, conf: float | None) -> None:
    try:
        s, e = locate(text, ref["quote"], ref.get("occurrence"))
    except (SpanNotFound, KeyError):
        return
    marks.append(Mark(s, e, label, kind, conf))


def _band(conf: float | None) -> str:
    if conf is None:
        return "unrated"
    return "high" if conf >= 0.8 else "mid" if conf >= 0.5 else "low"


def _body(text: str, marks: list[Mark]) -> Any:
    """The text cut at every mark boundary; each piece wrapped in the marks that cover it."""
    from markupsafe import Markup, escape

    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = str(escape(text[a:b]))
        for m in sorted((m for m in marks if m.start <= a and b <= m.end), key=lambda m: m.start - m.end):
            title = f"{m.label}" + (f" — confidence {m.confidence:.2f}" if m.confidence is not None else "")
            head = f'<sup class="tag">{escape(m.label)}</sup>' if a == m.start else ""
            cls = f"{m.kind} {_band(m.confidence)}"
            piece = f'<span class="{cls}" title="{escape(title)}">{head}{piece}</span>'
        out.append(piece)
    return Markup("".join(out))


def _precedent_quotes(data: Path) -> dict[str, str]:
    if not (data / "statements.csv").exists():
        return {}
    with (data / "statements.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {r["statement_id"]: r["quote"] for r in csv.DictReader(fh)}


def write(root: Path, article_id: str, output: Path | None = None) -> Path:
    """Write the review page (default: review-<ID>.html in the current folder) and return its path."""
    target = output or Path(f"review-{article_id}.html")
    target.write_text(render(root, article_id), encoding="utf-8")
    return target


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Review {{ doc.article_id }}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
header{grid-column:1/3;padding:.5rem 1rem;background:#f3f3f3;border-bottom:1px solid #ccc}
#text{white-space:pre-wrap;line-height:1.8;padding:1rem;font-family:Georgia,serif;position:sticky;top:0;
max-height:100vh;overflow:auto}
#fields{padding:1rem;max-height:100vh;overflow:auto}
span.statement{background:#fff3b0}span.meta{background:#cde7ff}span.issue{background:#eee;text-decoration:line-through}
span.actor{border-bottom:2px solid #2a7}span.affiliation{border-bottom:2px dotted #a3c}
span.meeting{border-bottom:2px dashed #c70}
span.low{outline:2px solid #d33}span.mid{outline:1px dashed #d80}
sup.tag{font:10px system-ui;color:#555;background:#fff;border:1px solid #bbb;padding:0 2px;margin-right:2px}
table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border:1px solid #ddd;padding:3px 5px;
vertical-align:top;font-size:13px;text-align:left}
.c-high{color:#171}.c-mid{color:#a60}.c-low,.c-unrated{color:#c11;font-weight:bold}.check{color:#555;font-style:italic}
.prec{font-size:12px;color:#333}section{border:1px solid #ccc;border-radius:4px;padding:.5rem;margin-bottom:1rem}
</style></head><body>
<header><b>{{ doc.article_id }}</b> — status <b>{{ doc.status }}</b>, {{ pending }} proposal(s) to review.
Highlighted in the text: statements (yellow), title, byline, outlet and date (blue), issues and dismissed
quotations (grey), new actors (green underline), affiliations (purple); a red outline is a proposal below
0.5 confidence, dashed below 0.8.
Confirm or fix each proposal in <code>data/curation/articles/{{ doc.article_id }}.yaml</code>, delete its line from
<code>unreviewed</code>, then set <code>status: accepted</code> and run <code>dataset build</code>.</header>
<div id="text">{{ body }}</div>
<div id="fields">
<section><h3>Article</h3><table><tr><th>field</th><th>proposal</th><th>conf.</th><th>rests on</th></tr>
{% for r in art_review %}<tr><td>{{ r.field }}</td><td>{{ r.value if r.value is not none else '—' }}</td>
<td class="c-{{ band(r.conf) }}">{{ r.conf or '?' }}</td>
<td>{{ r.basis }}</td></tr>{% endfor %}</table></section>
{% for c in cards %}<section id="{{ c.st.statement_id }}"><h3>{{ c.st.statement_id }} · {{ c.st.speaker }}</h3>
<blockquote>{{ c.st.quote }}</blockquote>
<table><tr><th>field</th><th>proposal</th><th>conf.</th><th>rests on · check</th></tr>
{% for r in c.review %}<tr><td>{{ r.field }}</td><td>{{ r.value if r.value is not none else '—' }}</td>
<td class="c-{{ band(r.conf) }}">{{ r.conf or '?' }}</td>
<td>{{ r.basis }}{% if r.check %}<div class="check">Check: {{ r.check }}</div>{% endif %}
{% for p in r.precedents %}<div class="prec"><b>{{ p.id }}</b> ({{ p.similarity }}): “{{ p.quote }}”</div>{% endfor %}
</td></tr>{% endfor %}</table>{% if not c.review %}<p>Reviewed.</p>{% endif %}</section>{% endfor %}
</div></body></html>
"""

__all__ = ["render", "write"]
