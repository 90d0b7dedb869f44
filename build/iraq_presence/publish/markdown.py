"""Text put into the generated Markdown (CODEBOOK.md, DATASHEET.md, README.md), escaped.

Curated values (titles, names, notes, quotations) come from articles and curators, not from the
people who wrote the templates: in Markdown, where raw HTML is live, they must show as typed and
never open a tag, a link or a table cell. Schema prose is Markdown by design (backticks name
columns), so it keeps its emphasis but not HTML.
"""

from __future__ import annotations

import re
from typing import Any

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCT = re.compile(r"([\\`*_\[\]!|~])")
"""What opens emphasis, code, a link or an image, or breaks a table cell, anywhere in a line."""


def _html(text: str) -> str:
    return "".join(_HTML.get(ch, ch) for ch in text)


def prose(value: Any) -> str:
    """Maintainer-written Markdown for one table cell or line: no HTML, no cell break, one line."""
    return _html(" ".join(str(value).split())).replace("|", "\\|")


def literal(value: Any) -> str:
    """Curated text shown exactly as typed: every Markdown and HTML meaning removed."""
    return _PUNCT.sub(r"\\\1", _html(" ".join(str(value).split())))


def safe_url(value: Any) -> str | None:
    """A URL a reader may follow: http(s) only (a `javascript:` or `data:` URL is never a link)."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    return url if re.match(r"https?://[^\s<>\"']+$", url, re.IGNORECASE) else None
