"""Finding actors in text: every alias, word-boundary aware, leftmost-longest, non-overlapping."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    surface: str


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class AliasMatcher:
    """A compiled Aho-Corasick automaton over all aliases (pyahocorasick), case-sensitive.

    Case matters on purpose: "US" is the United States, "us" is a pronoun.
    """

    def __init__(self, aliases: Iterable[str]) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        for alias in sorted(set(aliases)):
            self._automaton.add_word(alias, alias)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Leftmost-longest matches that start and end on word boundaries, without overlaps."""
        if self._empty:
            return []
        candidates = sorted(self._bounded(text), key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Match] = []
        cursor = 0
        for m in candidates:
            if m.start >= cursor:
                out.append(m)
                cursor = m.end
        return out

    def _bounded(self, text: str) -> Iterator[Match]:
        n = len(text)
        for end_index, alias in self._automaton.iter(text):
            end = end_index + 1
            start = end - len(alias)
            # a boundary is needed only where the alias itself starts/ends with a word character
            if _is_word(alias[0]) and start > 0 and _is_word(text[start - 1]):
                continue
            if _is_word(alias[-1]) and end < n and _is_word(text[end]):
                continue
            yield Match(start, end, alias)
