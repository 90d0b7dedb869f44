"""Lines of the page that are not the article's words: photo captions and the page's own widgets.

A caption restates the lead ("X speaks during an interview …") and names the photographer ("Photo:
Name/Agency", "(Photo by Agency)", "© Agency/Name"); a widget asks the reader to sign in or comment
("Comment as a guest", "Register   Forgot Password"). Read as sentences they would draft statements by
the agency or the photographer and propose "Register Forgot Password" as a person. The extractor reads
the text with each such line blanked (offsets kept), so nothing in them is drafted; the text itself is
never changed.
"""

from __future__ import annotations

import re

from .lexicon import PAGE_WORDS

CREDIT = re.compile(
    r"\b(?i:photo(?:graph)?|image|picture)(?:\s+(?i:credit))?\s*:\s*\S"
    r"|\((?:Photo|Image|File photo|Picture)\b[^)]*\)"
    r"|(?<![^\W\d_])©\s*[A-Z\d]"  # "© Agency", not a letter's broken encoding ("Ã©")
)
"""A photo credit inside a line: "Photo: Name/Agency", "(Photo by Agency)", "© Agency"."""
WIDGET_WORDS = 8
"""At most this many words, all of them the page's own (lexicon.PAGE_WORDS): a widget's line."""


def _widget(line: str) -> bool:
    words = re.findall(r"[\w’']+", line.lower())
    return 0 < len(words) <= WIDGET_WORDS and all(w in PAGE_WORDS for w in words)


def _page_line(line: str) -> bool:
    return bool(CREDIT.search(line)) or _widget(line)


def on_page_line(text: str, at: int) -> bool:
    """The line holding `at` is a caption or a widget: it places no one's words at an occasion either."""
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return _page_line(text[lo : hi if hi >= 0 else len(text)])


def blank_page_lines(text: str) -> str:
    """The text with every caption or widget line replaced by spaces of its length."""
    return "\n".join(" " * len(x) if _page_line(x) else x for x in text.split("\n"))


__all__ = ["CREDIT", "blank_page_lines", "on_page_line"]
