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


WRAP = re.compile(r"(?<=[^\s.!?:”\"’'])\n(?=[^\n])")
"""A single line break inside a sentence: the previous line ends without a stop."""
WRAPPED_SHARE = 0.5
"""At least this share of a text's single line breaks fall inside sentences (and at least three): it is hard-wrapped."""


RUN_ON = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "that",
        "in",
        "on",
        "for",
        "by",
        "with",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
    ]
)
"""Words no headline ends in: a first line ending so runs on into the next."""


def _runs_on(text: str, at: int) -> bool:
    """The sentence goes on over the break at `at`: the next line opens in lower case, or this one ends in a
    word no sentence ends in ("the", "of"); a list's next item opens in capitals and is no run-on."""
    before, after = text[:at].split()[-1:], text[at + 1 :].split()[:1]
    return bool(after and after[0][:1].islower()) or bool(before and before[0] in RUN_ON)


def unwrap(text: str) -> str:
    """A hard-wrapped text ("said that the\nUS Embassy …") with its line breaks inside sentences read as spaces
    (offsets kept), so sentences and quotations are whole; its first line (a headline) and a break between two
    capitalised words (a name may be cut there) are kept. Any other text is returned as it is."""
    singles = [m.start() for m in re.finditer(r"(?<!\n)\n(?!\n)", text)]
    inside = [at for at in (m.start() for m in WRAP.finditer(text)) if at in set(singles) and _runs_on(text, at)]
    if len(inside) < 3 or len(inside) < WRAPPED_SHARE * len(singles):
        return text
    first = text.find("\n")
    out = list(text)
    for at in inside:
        before, after = text[:at].split()[-1:], text[at + 1 :].split()[:1]
        headline = at == first and not (before and before[0] in RUN_ON) and not (after and after[0][:1].islower())
        if headline or (before and after and before[0][:1].isupper() and after[0][:1].isupper()):
            continue
        out[at] = " "
    return "".join(out)


__all__ = ["CREDIT", "blank_page_lines", "on_page_line", "unwrap"]
