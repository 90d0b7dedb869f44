"""The rule catalogue: every rule `dataset validate` and `dataset build` apply, declared once.

Each `Rule` gives its identifier (with `<table>`/`<column>` placeholders where one rule is checked
on many tables), what it checks, the tables it reads, and the function that checks it. A new
rule is one function `def check_xxx(frames, schemas) -> list[Failure]` and one `Rule(...)` line
below; the runner, `docs/validation.md` and the coverage test all read this list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import bundle, domain, evidence, generic, package, runner

EVERY = ("every table",)


@dataclass(frozen=True)
class Rule:
    id: str
    """Identifier; `<table>`, `<column>` stand for names, `[...]` for an optional part."""
    checks: str
    """What it checks, in a sentence (shown in docs/validation.md)."""
    reads: tuple[str, ...]
    """The tables it reads (from the schemas, or named for a domain rule)."""
    func: Callable[..., Any]
    """The function that reports it. Several rules may share one function (one pass, several ids)."""
    stage: str
    """`files`: checked while reading a package from disk; `tables`: on typed tables (build and
    validate); `raw`: against the raw text files, when the folder has them; `runner`: by the runner."""
    section: str

    @property
    def pattern(self) -> re.Pattern[str]:
        """A regex the emitted rule ids match."""
        text = re.escape(self.id).replace(r"\[", "(?:").replace(r"\]", ")?")
        return re.compile("^" + re.sub(r"<[a-z]+>", "[a-z0-9_]+", text) + "$")


FILES, TABLE, CROSS, DOMAIN = "Package and files", "Per table", "Across tables", "Domain"
EVIDENCE = "Evidence policy"

RULES: tuple[Rule, ...] = (
    Rule(
        "BUILD-interrupted",
        "no build journal is left behind (a killed build is completed by the next `dataset build`)",
        (),
        package.check_journal,
        "files",
        FILES,
    ),
    Rule(
        "BUILD-stale",
        "in a repository, every curation file and schema is the one the tables were built from "
        "(`data/build-inputs.sha256`); an edit not yet built is reported, naming the file",
        (),
        package.check_inputs,
        "files",
        FILES,
    ),
    Rule(
        "PKG-descriptor",
        "`datapackage.json` is valid JSON and a valid Data Package (frictionless's metadata check)",
        (),
        package.check_descriptor,
        "files",
        FILES,
    ),
    Rule(
        "RELEASE-files",
        "a release folder holds exactly the files its `SHA256SUMS` lists, each unchanged, and the zip "
        "beside it holds the same files (a half-written, mixed or edited release fails)",
        (),
        bundle.check_release,
        "files",
        FILES,
    ),
    Rule(
        "FILE-<table>",
        "the table file exists, is readable, and has the SHA-256 the descriptor records",
        EVERY,
        package.read_tables,
        "files",
        FILES,
    ),
    Rule(
        "TYPE-<table>",
        "each CSV value parses as its field's type; each Parquet column has the derived Arrow type",
        EVERY,
        package.read_tables,
        "files",
        FILES,
    ),
    Rule(
        "FORMAT-<table>",
        "the CSV copy holds the same rows and values as the Parquet copy (compared column by column)",
        EVERY,
        package.compare_formats,
        "files",
        FILES,
    ),
    Rule(
        "COLUMNS-<table>",
        "exactly the schema's columns, in the schema's order",
        EVERY,
        generic.check_columns,
        "tables",
        TABLE,
    ),
    Rule(
        "REQUIRED-<table>",
        "no null in a required or primary-key column",
        EVERY,
        generic.check_required,
        "tables",
        TABLE,
    ),
    Rule(
        "PK-<table>",
        "the primary key (one or several columns) has no duplicates; the repeat is reported",
        EVERY,
        generic.check_primary_key,
        "tables",
        TABLE,
    ),
    Rule("UNIQUE-<table>", "columns marked `unique` have no duplicates", EVERY, generic.check_unique, "tables", TABLE),
    Rule(
        "ENUM-<table>",
        "closed vocabularies: each value is one of the field's `enum` (the nearest code is suggested)",
        EVERY,
        generic.check_enum,
        "tables",
        TABLE,
    ),
    Rule(
        "PATTERN-<table>",
        "identifiers, codes and hashes match the field's `pattern`",
        EVERY,
        generic.check_pattern,
        "tables",
        TABLE,
    ),
    Rule(
        "RANGE-<table>", "`minimum`, `maximum` and `minLength` constraints", EVERY, generic.check_range, "tables", TABLE
    ),
    Rule(
        "FK-<table>-<column>",
        "every foreign key of every schema resolves (one or several columns)",
        EVERY,
        generic.check_foreign_keys,
        "tables",
        CROSS,
    ),
    Rule(
        "SPAN-<table>[-<column>]",
        "`articles.text[start:end]` equals the stored quote, surface or evidence, for "
        "every span of every schema; start, end and text are all set or all null",
        ("articles", *EVERY),
        generic.check_spans,
        "tables",
        CROSS,
    ),
    Rule(
        "DATE-<table>-<column>",
        "every date has a precision and a basis; a null or inferred date has a note; a "
        "month-precision date is the 1st, a year-precision date 1 January",
        EVERY,
        generic.check_dates,
        "tables",
        CROSS,
    ),
    Rule(
        "RAW-articles-text",
        "the stored text hashes to `articles.sha256` and has `n_chars` code points",
        ("articles",),
        domain.check_text_hashes,
        "tables",
        DOMAIN,
    ),
    Rule(
        "RAW-file",
        "in a repository, each `data/raw/` file exists and hashes to `articles.sha256`",
        ("articles",),
        domain.check_raw_files,
        "raw",
        DOMAIN,
    ),
    Rule(
        "DATE-after-article-<table>",
        "no statement or meeting report is dated after its article, compared at the coarser precision",
        ("articles", "statements", "meeting_reports"),
        domain.check_date_order,
        "tables",
        DOMAIN,
    ),
    Rule(
        "MEETING-dates-agree",
        "every report of a meeting agrees with the meeting's date at the coarser precision",
        ("meetings", "meeting_reports"),
        domain.check_meeting_dates,
        "tables",
        DOMAIN,
    ),
    Rule(
        "ALIAS-ambiguous",
        "no alias is claimed by two actors without a curated disambiguation",
        ("actor_aliases",),
        domain.check_aliases,
        "tables",
        DOMAIN,
    ),
    Rule(
        "ALIAS-unattested",
        "every alias occurs in the articles at least once",
        ("actor_aliases",),
        domain.check_aliases,
        "tables",
        DOMAIN,
    ),
    Rule(
        "COUNT-actor_aliases-n_mentions",
        "`n_mentions` counts the alias's `alias_match` mentions",
        ("actor_aliases", "mentions"),
        domain.check_alias_counts,
        "tables",
        DOMAIN,
    ),
    Rule(
        "COUNT-utterances",
        "`n_statements` and `n_articles` count the utterance's statements and their articles",
        ("utterances", "statements"),
        domain.check_counts,
        "tables",
        DOMAIN,
    ),
    Rule(
        "COUNT-meetings",
        "`n_reports` counts the articles reporting the meeting",
        ("meetings", "meeting_reports"),
        domain.check_counts,
        "tables",
        DOMAIN,
    ),
    Rule(
        "UTTERANCE-speaker",
        "every statement of an utterance has the utterance's speaker",
        ("utterances", "statements"),
        domain.check_utterance_speakers,
        "tables",
        DOMAIN,
    ),
    Rule(
        "GROUP-cycle",
        "no armed group is its own ancestor through `parent_group_id`",
        ("militia_groups",),
        domain.check_groups,
        "tables",
        DOMAIN,
    ),
    Rule(
        "AFFIL-evidence",
        "each affiliation's evidence span mentions both the actor and the organization, or lies "
        "in the sentence that does",
        ("affiliations", "mentions", "articles"),
        domain.check_affiliations,
        "tables",
        DOMAIN,
    ),
    # last: they wait for the rescans, which run in a second process meanwhile
    Rule(
        "QUOTE-unaccounted",
        "every quotation span is covered by a statement or dismissed with a reason",
        ("quote_spans",),
        domain.check_quotes,
        "tables",
        DOMAIN,
    ),
    Rule(
        "QUOTE-unlisted",
        "every quotation the scanner finds in the texts has a row in `quote_spans`",
        ("articles", "quote_spans"),
        domain.check_quotes,
        "tables",
        DOMAIN,
    ),
    Rule(
        "MENTIONS-missing",
        "every alias occurrence the matcher finds in the texts has an `alias_match` mention",
        ("articles", "actor_aliases", "mentions"),
        domain.check_mentions,
        "tables",
        DOMAIN,
    ),
    Rule(
        "MENTIONS-extra",
        "every `alias_match` mention is an occurrence the matcher finds",
        ("articles", "actor_aliases", "mentions"),
        domain.check_mentions,
        "tables",
        DOMAIN,
    ),
    Rule(
        "EVIDENCE-stated",
        "a fact whose `*_basis` is `stated` carries the evidence span its schema's `evidence` property names",
        ("every table with a *_basis field",),
        evidence.check_evidence_stated,
        "tables",
        EVIDENCE,
    ),
    Rule(
        "EVIDENCE-inferred",
        "an `inferred` fact has a note saying how it follows from the corpus's spans, and no outside reference",
        ("every table with a *_basis field",),
        evidence.check_evidence_inferred,
        "tables",
        EVIDENCE,
    ),
    Rule(
        "EVIDENCE-external",
        "an `external` fact cites a row of `external_references`; a reference is cited only for an external fact",
        ("every table with a *_basis field", "external_references"),
        evidence.check_evidence_external,
        "tables",
        EVIDENCE,
    ),
    Rule(
        "EVIDENCE-given",
        "a `given` value (supplied to `dataset add`, not read from the text) has a note saying where it came from",
        ("articles",),
        evidence.check_evidence_given,
        "tables",
        EVIDENCE,
    ),
    Rule(
        "EVIDENCE-basis",
        "a value carries a basis and a basis a value",
        ("every table with a *_basis field",),
        evidence.check_evidence_basis,
        "tables",
        EVIDENCE,
    ),
    Rule(
        "EVIDENCE-reference",
        "every external reference can be checked (a URL or a bibliographic reference) and is cited by some fact",
        ("external_references", "every table with a *_reference_id field"),
        evidence.check_evidence_references,
        "tables",
        EVIDENCE,
    ),
    Rule(
        "CHECK-<function>",
        "a rule could not run on these tables (names the rule's function and the error)",
        EVERY,
        runner.check_frames,
        "runner",
        FILES,
    ),
)


def functions(stage: str) -> list[Callable[..., Any]]:
    """The distinct functions of a stage, in catalogue order (each run once)."""
    out: list[Callable[..., Any]] = []
    for r in RULES:
        if r.stage == stage and r.func not in out:
            out.append(r.func)
    return out


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    return tuple((r.pattern, r) for r in RULES)


def rule_of(rule_id: str) -> Rule | None:
    """The catalogue rule an emitted id belongs to (the most specific when two templates match)."""
    found = [r for p, r in _compiled() if p.match(rule_id)]
    return min(found, key=lambda r: r.id.count("<")) if found else None


def markdown() -> str:
    """The rule tables of docs/validation.md, one section per catalogue section."""
    out = []
    for section in dict.fromkeys(r.section for r in RULES):
        out += [f"## {section}", "", "| rule | checks | reads | checked by |", "| --- | --- | --- | --- |"]
        out += [
            f"| `{r.id}` | {r.checks} | {', '.join(r.reads) or 'the package folder'} "
            f"| `{r.func.__module__.rsplit('.', 1)[-1]}.{r.func.__name__}` |"
            for r in RULES
            if r.section == section
        ]
        out.append("")
    return "\n".join(out)


BEGIN, END = "<!-- rules: begin (generated from checks/catalogue.py) -->", "<!-- rules: end -->"


def write_docs(path: str) -> None:
    """Replace the generated part of docs/validation.md with the catalogue's tables."""
    from pathlib import Path

    doc = Path(path)
    text = doc.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    doc.write_text(f"{head}{BEGIN}\n\n{markdown()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":  # python -m iraq_presence.checks.catalogue docs/validation.md
    import sys

    write_docs(sys.argv[1])
