"""Sections included from the guides into the bundle: a relative link becomes the repository path."""

from iraq_presence.publish.include import section

GUIDE = """# Guide

## Made-up section

See [the record](notes/record-1.md#findings), [notes/other.md](notes/other.md), [the site](https://example.org/x)
and [below](#made-up-section).

## Next
"""


def test_relative_links_become_repository_paths_and_others_stay_links() -> None:
    out = section(GUIDE, "Made-up section", "docs/guide.md")
    assert "the record `docs/notes/record-1.md` of the source repository" in out
    assert "`docs/notes/other.md` of the source repository" in out and "](notes/" not in out
    assert "[the site](https://example.org/x)" in out and "[below](#made-up-section)" in out


def test_without_a_source_the_section_is_as_written() -> None:
    assert "[the record](notes/record-1.md#findings)" in section(GUIDE, "Made-up section")
