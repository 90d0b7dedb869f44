"""Sections of the curation guide included, not copied, into the bundle's Markdown.

The coding rules and the review record have one source, docs/curation.md; a template line
`<!-- include curation.md: Coding rules -->` is replaced by the section whose `##` heading
starts with that text (its headings moved one level down), so CODEBOOK.md and DATASHEET.md say
what the guide says on the day of the release. A heading that is gone fails the release.

A relative link in an included section points into the source repository, not the bundle: it is
written as the file's repository path in plain text, never as a link that breaks in the bundle.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

DIRECTIVE = re.compile(r"^<!-- include (?P<file>[\w.-]+(?:/[\w.-]+)*\.md): (?P<heading>.+?) -->$", re.MULTILINE)
LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s]+)\)")
"""An inline Markdown link; one whose target has no scheme and is no anchor is relative."""


class IncludeError(ValueError):
    """A template names a section its source does not have."""


def section(markdown: str, heading: str, source: str = "") -> str:
    """The `## heading...` section (up to the next `##` heading), headings demoted one level; with
    `source` (the file's repository path), its relative links written as repository paths."""
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
    text = "\n".join(body).strip("\n")
    return LINK.sub(lambda m: _unlinked(m, source), text) if source else text


def _unlinked(m: re.Match[str], source: str) -> str:
    """A relative link as plain text naming the repository file; any other link unchanged."""
    target = m.group("target")
    if re.match(r"[a-z][a-z0-9+.-]*:|#", target, re.IGNORECASE):
        return m.group(0)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source), target.split("#")[0]))
    text = m.group("text").strip("`")
    named = "" if text in (target, path, posixpath.basename(path)) else f"{m.group('text')} "
    return f"{named}`{path}` of the source repository"


def expand(text: str, folder: Path) -> str:
    """`text` with every include directive replaced by the section it names (files in `folder`)."""

    def replace(m: re.Match[str]) -> str:
        if ".." in m.group("file").split("/"):
            raise IncludeError(f"{m.group('file')}: an included file must be inside {folder}")
        path = folder / m.group("file")
        try:
            return section(path.read_text(encoding="utf-8"), m.group("heading"), f"{folder.name}/{m.group('file')}")
        except (OSError, IncludeError) as exc:
            raise IncludeError(f"{path}: {exc}") from None

    return DIRECTIVE.sub(replace, text)
