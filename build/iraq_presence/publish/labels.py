"""How an article is named wherever a reader picks it from a list: its title, or for an untitled
article its id with the outlet and date a reader can place it by. The reading view and the
Datasette database show the same label."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def shown_date(value: Any, precision: Any) -> str:
    """A date as precise as it is known: 2020-07 for a month, 2020 for a year ("" for none)."""
    if value is None:
        return ""
    iso = str(value)[:10]
    return {"month": iso[:7], "year": iso[:4]}.get(precision or "day", iso)


def article_label(art: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """The title; else "Untitled article <id> (<outlet>, <date>)", with whichever of the two is known."""
    if art["title"]:
        return art["title"]
    outlet = names.get(art["outlet_id"], "") if art["outlet_id"] else ""
    context = ", ".join(x for x in (outlet, shown_date(art["published_date"], art["published_date_precision"])) if x)
    return f"Untitled article {art['article_id']}" + (f" ({context})" if context else "")
