"""What a publish-grade release needs that only a maintainer can supply.

A release that is cited and archived must say who answers for it and where errors go, and must
not carry changes the CHANGELOG still calls unreleased. Nothing here is filled in for the
maintainer: each problem names the field to fill (a local `--draft` release may lack them).
"""

from __future__ import annotations

import re
from typing import Any

EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
URL = re.compile(r"^https://\S+$")


def maintainers(meta: Any) -> list[Any]:
    return [c for c in meta.contributors if c.role == "maintainer"]


def problems(meta: Any, changelog: str) -> list[str]:
    """Why this package cannot be released for publication yet (empty: it can)."""
    out = []
    where = "data/curation/package.yaml"
    if not (meta.homepage and URL.match(meta.homepage)):
        out.append(f"{where}: `homepage` is empty or not an https URL; set the package's public page")
    if not (meta.contact and EMAIL.match(meta.contact)):
        out.append(f"{where}: `contact` is empty or not an e-mail address; set an address a maintainer reads")
    if meta.issues is not None and not URL.match(meta.issues):
        out.append(f"{where}: `issues` is not an https URL; set the issue tracker's address or leave it null")
    people = maintainers(meta)
    if not people:
        out.append(
            f"{where}: no contributor with `role: maintainer`; add the person who answers for the "
            "release (title, given_names, family_names, email)"
        )
    for c in people:
        if not (c.given_names and c.family_names):
            out.append(f"{where}: maintainer {c.title!r} needs `given_names` and `family_names`")
        if not (c.email and EMAIL.match(c.email)):
            out.append(f"{where}: maintainer {c.title!r} needs an `email`")
    pending = unreleased(changelog)
    if pending:
        out.append(
            f"CHANGELOG.md: the [Unreleased] section lists {pending} change(s) that this release would "
            "carry under an older version; move them under a new version's dated heading and set that "
            "version in build/iraq_presence/__init__.py"
        )
    return out


def unreleased(changelog: str) -> int:
    """The number of entries (`- ` lines) under `## [Unreleased]`."""
    found = re.search(r"^## \[Unreleased\]\s*$(.*?)(?=^## \[|\Z)", changelog, re.MULTILINE | re.DOTALL)
    return len(re.findall(r"^- ", found.group(1), re.MULTILINE)) if found else 0
