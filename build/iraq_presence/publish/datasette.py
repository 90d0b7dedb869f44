"""Datasette metadata for the release's database, generated from the schemas: table titles and
descriptions, facets on the closed vocabularies, a label column so foreign keys show names, and
canned queries for the common questions. Column descriptions are left out: Datasette lists them
above the rows (a screen and more for `statements`); they are in CODEBOOK.md and the descriptors."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..schema.types import codes
from .database import DB_NAME, FTS, LABEL

LABELS = ("name", "title", "summary", "alias", "quote")
"""The first of these a table has is the label Datasette shows for a foreign key to it (articles
have the database's own label column instead)."""
LEAD = ("articles", "statements", "utterances", "actors", "meetings", "events", "militia_groups")
"""Where a reader starts: the database's description lists these first, then the other tables.
Datasette 0.65 sorts its table list by name and has no setting for the order."""

QUERIES = {
    "stance_by_month": {
        "title": "Acts of speech by month and stance",
        "description": "Each act of speech (utterance) counted once, however many articles report it, by "
        "the month it was said and the stance of its statements; dates known only to the year are left out.",
        "sql": "SELECT substr(u.said_date, 1, 7) AS month, s.stance_us_presence AS stance, "
        "count(DISTINCT u.utterance_id) AS acts_of_speech\n"
        "FROM utterances u JOIN statements s ON s.utterance_id = u.utterance_id\n"
        "WHERE u.said_date_precision IN ('day', 'month')\nGROUP BY month, stance ORDER BY month, stance",
    },
    "who_met_whom": {
        "title": "Who met whom",
        "description": "Each pair of participants of a meeting, with the meeting's date and place.",
        "sql": "SELECT m.meeting_date, m.meeting_date_precision, m.location, a.name AS participant, "
        "pa.role, b.name AS met, pb.role AS met_role, m.meeting_id\n"
        "FROM meetings m\nJOIN meeting_participants pa ON pa.meeting_id = m.meeting_id\n"
        "JOIN meeting_participants pb ON pb.meeting_id = m.meeting_id AND pb.actor_id > pa.actor_id\n"
        "JOIN actors a ON a.actor_id = pa.actor_id JOIN actors b ON b.actor_id = pb.actor_id\n"
        "ORDER BY m.meeting_date, m.meeting_id, participant",
    },
    "said_by": {
        "title": "Everything one actor said",
        "description": "Every statement of one speaker (an actor_id, e.g. from the actors table), in date order.",
        "sql": "SELECT s.said_date, s.said_date_precision, s.said_date_basis, s.statement_type, s.quote, "
        "s.stance_us_presence, s.article_id, s.statement_id\n"
        "FROM statements s WHERE s.speaker_id = :actor_id\n"
        "ORDER BY s.said_date IS NULL, s.said_date, s.article_id, s.char_start",
    },
}
"""Canned queries for the common questions, shown on the database's page."""
CSS = "data:text/css," + quote(
    "td.col-quote, td.col-text, td.col-summary, td.col-description, td.col-note "
    "{ min-width: 20rem; max-width: 40rem; white-space: normal; }"
)
"""Readable long-text columns (Datasette squeezes them otherwise), inline so the bundle needs no server files."""


def datasette_metadata(meta: Any, schemas: dict[str, Any], citation: str) -> dict[str, Any]:
    data_license = next(lic for lic in meta.licenses if lic.scope == "data")
    tables = {}
    for name, schema in schemas.items():
        table: dict[str, Any] = {
            "title": schema.descriptor["title"],
            "description": schema.descriptor["description"],
        }
        facets = [f["name"] for f in schema.fields if codes(f)]
        if facets:
            table["facets"] = facets
        label = LABEL if name == "articles" else next((c for c in LABELS if c in schema.columns), None)
        if label:
            table["label_column"] = label
        if name in FTS:
            table["fts_table"] = f"{name}_fts"
            table["fts_pk"] = "rowid"
        tables[name] = table
    return {
        "title": f"{meta.title} (version {__version__})",
        "description_html": f"<p>{escape(meta.description)} Start with {_link('articles', schemas)} and "
        f"{_link('statements', schemas)}; the database page lists every table in reading order.</p>"
        f"<p>Cite as: {escape(citation)}</p>",
        "extra_css_urls": [CSS],
        "license": data_license.name,
        "license_url": data_license.path,
        **({"source_url": meta.homepage, "source": meta.name} if meta.homepage else {}),
        "databases": {
            DB_NAME: {
                "description_html": _database_description(schemas),
                "tables": tables,
                "queries": QUERIES,
            }
        },
    }


def _link(name: str, schemas: dict[str, Any]) -> str:
    """A link that resolves from the index page and the database page alike (both sit at the root)."""
    return f'<a href="{quote(DB_NAME)}/{quote(name)}">{escape(schemas[name].descriptor["title"])}</a>'


def _database_description(schemas: dict[str, Any]) -> str:
    order = [n for n in LEAD if n in schemas] + sorted(n for n in schemas if n not in LEAD)
    items = "".join(
        f"<li>{_link(n, schemas)}: {escape(schemas[n].descriptor['description'].split('. ')[0].rstrip('.'))}.</li>"
        for n in order
    )
    return (
        f"<p>The tables in reading order (the list further down is alphabetical):</p><ol>{items}</ol>"
        "<p>Every column and code is defined in the release's CODEBOOK.md and datapackage.json. "
        f"In this database only, <code>articles.{LABEL}</code> names each article in links: its title, or "
        "for an untitled article its id with the outlet and date where known. Full-text search stems words "
        "(porter): <code>occupying</code> finds occupied and occupiers, and a prefix such as "
        "<code>occup*</code> finds every form, occupation included.</p>"
    )
