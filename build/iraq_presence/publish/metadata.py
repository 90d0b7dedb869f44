"""Citation and discovery metadata, all derived from one source (curation/package.yaml, the
version, and its release date in CHANGELOG.md).

CITATION.cff, .zenodo.json, the Zenodo deposition metadata and the Croissant JSON-LD are built
here from the same `PackageMeta`, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .. import __version__
from ..schema.types import field_type
from ..tables.curation import PackageMeta

LICENSE_IDS = {"CC-BY-4.0": "cc-by-4.0", "MIT": "mit", "CC0-1.0": "cc-zero"}


def data_license(meta: PackageMeta) -> Any:
    return next(lic for lic in meta.licenses if lic.scope == "data")


def release_date(changelog: str, version: str = __version__) -> dt.date:
    """The date of `version`'s entry in CHANGELOG.md (`## [X.Y.Z] - YYYY-MM-DD`): the release
    date every metadata file states, so a rebuilt bundle has the same bytes."""
    found = re.search(rf"^## \[{re.escape(version)}\] - (\d{{4}}-\d{{2}}-\d{{2}})\s*$", changelog, re.MULTILINE)
    if not found:
        raise ValueError(
            f"CHANGELOG.md has no dated entry for version {version}: add '## [{version}] - YYYY-MM-DD' "
            "(the release date) before releasing"
        )
    return dt.date.fromisoformat(found.group(1))


def citation_cff(meta: PackageMeta, released: dt.date) -> str:
    """CITATION.cff (CFF 1.2.0) as YAML text."""
    import yaml

    doc: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below.",
        "type": "dataset",
        "title": meta.title,
        "version": __version__,
        "date-released": released.isoformat(),
        "abstract": meta.description,
        "authors": [_cff_author(c) for c in meta.contributors if c.role == "author"],
        "keywords": list(meta.keywords),
        "license": data_license(meta).name,
    }
    contact = [_cff_author(c) for c in meta.contributors if c.role == "maintainer"]
    if contact:
        doc["contact"] = contact
    if meta.homepage:
        doc["url"] = meta.homepage
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def _cff_author(c: Any) -> dict[str, Any]:
    if c.given_names and c.family_names:
        out = {"given-names": c.given_names, "family-names": c.family_names}
    else:
        out = {"name": c.title}
    if c.organization:
        out["affiliation"] = c.organization
    if c.orcid:
        out["orcid"] = f"https://orcid.org/{c.orcid}"
    if c.email:
        out["email"] = c.email
    return out


def zenodo_metadata(meta: PackageMeta, released: dt.date) -> dict[str, Any]:
    """The deposition metadata (Zenodo REST API `metadata` object); also written as .zenodo.json."""
    creators = []
    for c in meta.contributors:
        if c.role != "author":
            continue
        creator: dict[str, Any] = {
            "name": f"{c.family_names}, {c.given_names}" if c.family_names and c.given_names else c.title
        }
        if c.organization:
            creator["affiliation"] = c.organization
        if c.orcid:
            creator["orcid"] = c.orcid
        creators.append(creator)
    out: dict[str, Any] = {
        "upload_type": "dataset",
        "title": meta.title,
        "creators": creators,
        "description": meta.description,
        "version": __version__,
        "publication_date": released.isoformat(),
        "access_right": "open",
        "license": LICENSE_IDS.get(data_license(meta).name, data_license(meta).name.lower()),
        "keywords": list(meta.keywords),
    }
    contacts = [
        {
            "name": f"{c.family_names}, {c.given_names}" if c.family_names and c.given_names else c.title,
            "type": "ContactPerson",
        }
        for c in meta.contributors
        if c.role == "maintainer"
    ]
    if contacts:
        out["contributors"] = contacts
    out["notes"] = report_to(meta)
    related = [r.model_dump() for r in meta.related_identifiers]
    if related:
        out["related_identifiers"] = related
    return out


def croissant(
    meta: PackageMeta, schemas: dict[str, Any], sha256: dict[str, str], released: dt.date, url: str | None
) -> dict[str, Any]:
    """Croissant 1.0 JSON-LD (schema.org Dataset) describing the Parquet files, with each foreign
    key as a field reference; made and checked by mlcroissant, raising on any error or warning."""
    import mlcroissant as mlc

    dist, record_sets = [], []
    for name, schema in schemas.items():
        file_id = f"{name}.parquet"
        refs = {
            col: mlc.Source(field=f"{fk.resource}/{ref}")
            for fk in schema.foreign_keys
            for col, ref in zip(fk.columns, fk.ref_columns)
        }
        dist.append(
            mlc.FileObject(
                id=file_id,
                name=file_id,
                content_url=f"data/{name}.parquet",
                encoding_formats=["application/x-parquet"],
                sha256=sha256[f"data/{name}.parquet"],
            )
        )
        fields = [
            mlc.Field(
                id=f"{name}/{f['name']}",
                name=f["name"],
                description=f["description"],
                data_types=[getattr(mlc.DataType, field_type(f).croissant)],
                source=mlc.Source(file_object=file_id, extract=mlc.Extract(column=f["name"])),
                references=refs.get(f["name"]),
            )
            for f in schema.fields
        ]
        record_sets.append(
            mlc.RecordSet(
                id=name,
                name=name,
                description=schema.descriptor["description"],
                key=[f"{name}/{k}" for k in schema.primary_key],
                fields=fields,
            )
        )
    creators = [_croissant_agent(mlc, c) for c in meta.contributors if c.role == "author"]
    publishers = [_croissant_agent(mlc, c) for c in meta.contributors if c.role == "maintainer"]
    md = mlc.Metadata(
        name=meta.name,
        description=meta.description,
        version=__version__,
        license=[data_license(meta).path],
        url=url,
        date_published=dt.datetime.combine(released, dt.time()),
        keywords=list(meta.keywords),
        creators=creators,
        publisher=publishers or None,
        data_release_maintenance_plan=report_to(meta),
        distribution=dist,
        record_sets=record_sets,
        cite_as=citation_text(meta, released),
    )
    if md.issues.errors or md.issues.warnings:
        raise ValueError("Croissant metadata invalid:\n" + md.issues.report())
    return md.to_json()


def _croissant_agent(mlc: Any, c: Any) -> Any:
    """A person (with e-mail when given) or, for a group name, an organization."""
    if c.given_names and c.family_names:
        return mlc.Person(name=c.title, email=c.email)
    return mlc.Organization(name=c.title)


def citation_text(meta: PackageMeta, released: dt.date) -> str:
    authors = ", ".join(c.title for c in meta.contributors if c.role == "author")
    return f"{authors} ({released.year}). {meta.title} (Version {__version__}) [Data set]."


def report_to(meta: PackageMeta) -> str:
    """Where a reader reports an error, from package.yaml: issue tracker, contact, maintainers."""
    people = [c.title for c in meta.contributors if c.role == "maintainer"]
    ways = []
    if meta.issues:
        ways.append(f"open an issue at <{meta.issues}>")
    if meta.contact:
        ways.append(f"write to <{meta.contact}>")
    if not ways:
        return (
            "This is a draft: the package names no maintainer, contact address or issue tracker yet "
            "(`contact` and `issues` are empty in its metadata), so there is no address to report an error to."
        )
    who = f" (maintained by {', '.join(people)})" if people else ""
    return "To report an error, " + " or ".join(ways) + who + "."
