"""Sections of the curation guide included, not copied, into the bundle's Markdown.

The coding rules and the review record have one source, docs/curation.md; a template line
`<!-- include curation.md: Coding rules -->` is replaced by the section whose `##` heading
starts with that text (its headings moved one level down), so CODEBOOK.md and DATASHEET.md say
what the guide says on the day of the release. A heading that is gone fails the release.
"""

from __future__ import annotations

import re
from pathlib import Path

DIRECTIVE = re.compile(r"^<!-- include (?P<file>[\w.-]+(?:/[\w.-]+)*\.md): (?P<heading>.+?) -->$", re.MULTILINE)


class IncludeError(ValueError):
    """A template names a section its source does not have."""


def section(markdown: str, heading: str) -> str:
    """The `## heading...` section (up to the next `##` heading), headings demoted one level."""
    lines = markdown.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("## ") and line[3:].startswith(heading)]
    if len(starts) != 1:
        found = [line[3:] for line in lines if line.startswith("## ")]
        raise IncludeError(f"no single section '## {heading}...' (sections: {'; '.join(found)})")
    start = starts[0]
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    body, fenced = [], False
    for line in lines[start:end]:
        fenced ^= line.startswith("```")
        body.append("#" + line if line.startswith("#") and not fenced else line)
    return "\n".join(body).strip("\n")


def expand(text: str, folder: Path) -> str:
    """`text` with every include directive replaced by the section it names (files in `folder`)."""

    def replace(m: re.Match[str]) -> str:
        if ".." in m.group("file").split("/"):
            raise IncludeError(f"{m.group('file')}: an included file must be inside {folder}")
        path = folder / m.group("file")
        try:
            return section(path.read_text(encoding="utf-8"), m.group("heading"))
        except (OSError, IncludeError) as exc:
            raise IncludeError(f"{path}: {exc}") from None

    return DIRECTIVE.sub(replace, text)
