"""Writing curation YAML: plain values only, never anchors or aliases, so each entry stands alone."""

from __future__ import annotations

from typing import Any

import yaml


class PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """A safe dumper that writes a repeated value out again instead of as `&id001` / `*id001`.

    An alias makes two entries share one value: editing one silently edits the other, and deleting
    the entry that owns the anchor breaks the file.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dumps(doc: Any, width: int = 120) -> str:
    """YAML text for `doc`: keys in insertion order, Unicode as is, no anchors."""
    return yaml.dump(doc, Dumper=PlainDumper, sort_keys=False, allow_unicode=True, width=width)
