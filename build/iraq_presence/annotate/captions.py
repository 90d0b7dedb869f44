"""Photo captions: a line that carries a photo credit describes a picture, not what anyone said.

A caption restates the lead ("X speaks during an interview …") and names the photographer ("Photo:
Name/Agency", "(Photo by Agency)", "© Agency/Name"): read as a sentence, it would draft a statement
by the agency or the photographer and propose them as actors. The extractor reads the text with each
caption line blanked (offsets kept), so nothing in it is drafted; the text itself is never changed.
"""

from __future__ import annotations

import re

CREDIT = re.compile(
    r"\b(?i:photo(?:graph)?|image|picture)(?:\s+(?i:credit))?\s*:\s*\S"
    r"|\((?:Photo|Image|File photo|Picture)\b[^)]*\)"
    r"|©"
)
"""A photo credit inside a line: "Photo: Name/Agency", "(Photo by Agency)", "© Agency"."""


def blank_captions(text: str) -> str:
    """The text with every line that carries a photo credit replaced by spaces of its length."""
    return "\n".join(" " * len(line) if CREDIT.search(line) else line for line in text.split("\n"))


__all__ = ["CREDIT", "blank_captions"]
