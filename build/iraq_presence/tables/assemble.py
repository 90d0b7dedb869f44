"""From raw texts and curation to tables: one pass per article, rows that remember their origin.

A row is built from the table's columns (schema/resources.py): each column is filled from the
curated entry's field of the same name, unless the assembler passes it (offsets, spans, counts,
values from the raw text). Every row built from a curated entry records where it came from (file
and entry), so a failing check on the assembled tables can be reported back to the line a curator
must fix.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import CurationError, SchemaMismatch, nearest
from ..schema.resources import RESOURCES
from .cache import MISSING, BuildCache
from .counting import STATEMENT_KEYS, containers
from .curation import models as c
from .frames import Fragment, fragment, fragment_bytes, fragment_from
from .mentions import AliasMatcher
from .pool import BuildPool
from .quotes import find_quotes
from .sources import Source
from .spans import SpanNotFound, locate

Row = dict[str, Any]

COLUMNS: dict[str, tuple[str, ...]] = {name: tuple(spec["fields"]) for name, spec in RESOURCES.items()}
_COLUMN_SETS = {name: frozenset(columns) for name, columns in COLUMNS.items()}


def row(table: str, entry: c.Model | None = None, /, **computed: Any) -> Row:
    """A row of `table`: each column from `computed` when passed, else from `entry`'s field of the
    same name. A column neither passed nor a field, or a passed name that is not a column, is a
    programming error: stopped here for an entry's row, by `frames.check_rows` for a row of
    computed values only (the many rows of mentions and quotation spans pass through untouched)."""
    if entry is None:
        return computed
    columns = COLUMNS[table]
    if not computed.keys() <= _COLUMN_SETS[table]:
        extra = sorted(computed.keys() - _COLUMN_SETS[table])
        raise SchemaMismatch(f"{table}: {extra[0]!r} is not a column", suggestions=nearest(extra[0], columns))
    values = entry.__dict__
    try:
        return {col: computed[col] if col in computed else values[col] for col in columns}
    except KeyError as exc:
        owner = type(entry).__name__
        raise SchemaMismatch(f"{table}: column {exc.args[0]!r} is neither passed nor a field of {owner}") from None


@dataclass
class Built:
    """The assembled tables (as row lists) and, per table, each row's curation origin; with schemas,
    the per-article tables as each article's typed `Fragment`s instead."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    origins: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    fragments: dict[str, list[Fragment]] = field(default_factory=lambda: defaultdict(list))

    def add(self, table: str, row: Row, origin: str) -> None:
        self.rows[table].append(row)
        self.origins[table].append(origin)


class Assembler:
    """Turns a loaded Curation plus the verified Sources into table rows."""

    def __init__(
        self,
        cur: c.Curation,
        sources: dict[str, Source],
        cache: BuildCache | None = None,
        consume: bool = False,
        schemas: dict[str, Any] | None = None,
    ) -> None:
        self.cur = cur
        self.sources = sources
        self.schemas = schemas
        self.cache = cache if schemas else None  # the cache stores typed fragments: they need the schemas
        self.consume = consume
        self.out = Built()
        self.pending = Built()  # with schemas: rows of articles made, not yet typed (`_flush`)
        self.made: list[tuple[str, str, dict[str, int], Counter[tuple[str, str]]]] = []

    # --- helpers ---------------------------------------------------------------------------------

    def span(
        self,
        origin: tuple[str, str],
        fieldname: str,
        article_id: str | None,
        quote: str,
        occurrence: int | None,
        owner: c.Model | None = None,
    ) -> tuple[str, int, int, str]:
        """Locate a curated quote; errors say which file, line, entry and field, and where it looked."""
        file, entry = origin
        line = owner.line_of(fieldname) if owner else None
        if article_id is None:
            raise CurationError(file, "span reference needs 'article'", line=line, entry=entry, field=fieldname)
        source = self.sources.get(article_id)
        if source is None:
            raise CurationError(
                file,
                f"unknown article {article_id!r}",
                line=line,
                entry=entry,
                field=f"{fieldname}.article",
                expected="an article_id (a raw file name without .txt)",
                suggestions=nearest(article_id, self.sources),
            )
        try:
            key = fieldname.removesuffix("quote") + "occurrence" if fieldname.endswith("_quote") else "occurrence"
            start, end = locate(source.text, quote, occurrence, key)
        except SpanNotFound as exc:
            raise CurationError(
                file, f"in article {article_id}: {exc}", line=line, entry=entry, field=fieldname
            ) from None
        return article_id, start, end, source.text[start:end]

    def ref(
        self, origin: tuple[str, str], fieldname: str, ref: c.SpanRef | None, default_article: str | None = None
    ) -> tuple[Any, Any, Any, Any]:
        if ref is None:
            return None, None, None, None
        return self.span(origin, fieldname, ref.article or default_article, ref.quote, ref.occurrence, owner=ref)

    def _report(self, origin: tuple[str, str], r: c.Report | c.EventReport) -> dict[str, Any]:
        """A meeting's or event's report as its span columns: the report's span, and the span of its
        own date words when it has them (the same columns in meeting_reports and event_reports)."""
        art, s, e, t = self.span(origin, "quote", r.article, r.quote, r.occurrence, owner=r)
        ds = de = dtext = None
        if r.date_quote:
            _, ds, de, dtext = self.span(origin, "date_quote", r.article, r.date_quote, r.date_occurrence, owner=r)
        return {
            "article_id": art,
            "char_start": s,
            "char_end": e,
            "text": t,
            "date_text": dtext,
            "date_start": ds,
            "date_end": de,
        }

    # --- assembly ---------------------------------------------------------------------------------

    def run(self, pool: BuildPool | None = None) -> Built:
        """Every table's rows. With the cache and a started `pool`, the workers make the articles'
        rows a shard at a time and store them (`shardpool.py`), and each shard is then read here
        as a cached one; a shard a worker did not store (an error among its articles, say) is made
        here, so its error is raised in article order with the message a build without workers gives."""
        from .shardpool import made, made_ahead

        self._check_articles_cover_sources()
        self._actors()
        articles = self.cur.articles
        matcher, owners = self._matcher()
        alias_counts: Counter[tuple[str, str]] = Counter()
        accepted = [i for i, a in enumerate(articles) if a.status == "accepted"]
        shards = _shards(accepted, [articles[i].article_id for i in accepted]) if self.cache else [accepted]
        ahead = made_ahead(self, shards, pool)
        for shard, future in zip(shards, ahead):
            if self._cached_shard(shard, alias_counts, made(future)):
                self._consume(shard)
                continue
            self.make_shard(shard, matcher, owners, alias_counts)
        for alias_row in self.out.rows["actor_aliases"]:
            alias_row["n_mentions"] = alias_counts[(alias_row["actor_id"], alias_row["alias"])]
        self._utterances()
        self._listed("meetings.yaml", self.cur.meetings, self._meetings)
        if self.cur.article_meetings:  # few, and made every build: not cached with the file's
            self._meetings(self.cur.article_meetings)
        self._listed("events.yaml", self.cur.events, self._events)
        self._listed("militia_groups.yaml", self.cur.militia_groups, self._militia)
        self._affiliations()
        self._listed("references.yaml", self.cur.references, self._references)
        return self.out

    def make_shard(
        self, shard: list[int], matcher: AliasMatcher, owners: dict[str, list[str]], counts: Counter[tuple[str, str]]
    ) -> None:
        """The rows of a run of articles (`shard`, indices into the curation's articles), typed, and
        with the cache stored per article and as the shard (`_cached_shard` sets its key first)."""
        mine: Counter[tuple[str, str]] = Counter()
        mark = {t: len(parts) for t, parts in self.out.fragments.items()}
        for i in shard:
            self._per_article(self.cur.articles[i], matcher, owners, mine)
            self._consume([i])
        self._flush()
        counts.update(mine)
        self._keep_shard(mark, mine)

    def _listed(self, name: str, entries: list[Any], make: Callable[[list[Any]], None]) -> None:
        """The rows of a list file that read only it and the texts (ROWED): from the cache when
        neither changed (the loader then left its entries unloaded), else made from its entries
        and, with the cache, typed and stored."""
        from .curation.loader import ROWED, list_entries, shed_entries

        found = self.cache.found_rows.get(name) if self.cache else None
        if found is not None:
            parts = self._unpacked(found)
            if parts is not None:
                for table, part in parts[0].items():
                    self.out.fragments[table].append(part)
                return
            assert self.cache is not None
            path, (model, id_key) = self.cache.curation / name, ROWED[name]
            models = self.cache.parsed(path)  # the entries the loader left unloaded
            known = {path: models} if models is not MISSING else None
            entries = list_entries(path, self.cache.root, self.cache, model, id_key, True, known)
        elif self.cache:
            entries = shed_entries(self.cache.curation / name, self.cache, entries)
        if not (self.cache and self.schemas):
            make(entries)
            return
        whole, self.out = self.out, Built()
        try:
            make(entries)
        finally:
            piece, self.out = self.out, whole
        parts = self._typed(piece)
        for table, part in parts.items():
            self.out.fragments[table].append(part)
        self.cache.keep_list_rows(name, ({t: fragment_bytes(f) for t, f in parts.items()}, Counter()))

    def _typed(self, piece: Built) -> dict[str, Fragment]:
        """Rows as one typed fragment per table, each row checked against its table's columns."""
        from .frames import check_rows

        assert self.schemas is not None
        check_rows(piece, self.schemas)
        # each table's rows released once typed
        return {t: fragment(piece.rows.pop(t), piece.origins.pop(t), self.schemas[t]) for t in list(piece.rows)}

    def _per_article(
        self,
        art: c.Article | c.ArticleStub,
        matcher: AliasMatcher,
        owners: dict[str, list[str]],
        counts: Counter[tuple[str, str]],
    ) -> None:
        """One article's rows (articles, authors, issues, mentions, statements, topics, quotation
        spans) and alias counts: from the build cache when none of their inputs changed. With
        schemas, they are typed per table as the article's fragments (which the cache stores)."""
        sha = self._sha(art)
        parts = self._unpacked(self.cache.rows(art.article_id, sha, self._gazetteer_key()) if self.cache else MISSING)
        if parts is None:
            if isinstance(art, c.ArticleStub):  # its rows must be made again: its whole model is needed
                from .curation.loader import article_model

                assert self.cache is not None  # a stub comes only from the cache
                art = article_model(
                    self.cache.curation / "articles" / f"{art.article_id}.yaml", self.cache.root, self.cache
                )
            whole, self.out = self.out, Built()
            mine: Counter[tuple[str, str]] = Counter()
            try:
                self._article(art)
                self._mentions(art, matcher, owners, mine)
                self._statements(art)
            finally:
                piece, self.out = self.out, whole
            target = self.pending if self.schemas else self.out
            for table, table_rows in piece.rows.items():
                target.rows[table].extend(table_rows)
                target.origins[table].extend(piece.origins[table])
            self.made.append((art.article_id, sha, {t: len(r) for t, r in piece.rows.items()}, mine))
            counts.update(mine)
            return
        self._flush()  # the articles made before this one come first, as in article order
        for table, part in parts[0].items():
            self.out.fragments[table].append(part)
        counts.update(parts[1])

    def _consume(self, indices: list[int]) -> None:
        if self.consume:  # its rows are made: its model's memory serves the next article's rows
            for i in indices:
                self.cur.articles[i] = None  # type: ignore[call-overload]

    def _sha(self, art: c.Article | c.ArticleStub) -> str:
        """The hashes of the texts an article's rows read: its own, and any other it quotes."""
        texts = [self.sources[a].sha256 if a in self.sources else "missing" for a in art.quoted_articles()]
        return "+".join([self.sources[art.article_id].sha256, *texts])

    def _cached_shard(self, shard: list[int], counts: Counter[tuple[str, str]], made: int = 0) -> bool:
        """A run of articles' fragments from the cache, in one read (with a cache, else False); `made`
        of them were made in this build by a worker (counted as computed, not reused)."""
        self._shard_key = None
        if not self.cache:
            return False
        arts = [self.cur.articles[i] for i in shard]
        key, cached = self.cache.shard([(a.article_id, self._sha(a)) for a in arts], self._gazetteer_key())
        parts = self._unpacked(cached)
        if parts is None:
            self._shard_key = key
            return False
        for table, part in parts[0].items():
            self.out.fragments[table].append(part)
        counts.update(parts[1])
        self.cache.count_reused(len(shard) - made)
        self.cache.computed["article"] += made
        return True

    def _keep_shard(self, mark: dict[str, int], mine: Counter[tuple[str, str]]) -> None:
        """Store the fragments of the shard just made (each table's as one), and keep them as one."""
        from .frames import concatenated

        if not (self.cache and self._shard_key and self.schemas):
            return
        made = {t: parts[mark.get(t, 0) :] for t, parts in self.out.fragments.items() if len(parts) > mark.get(t, 0)}
        if any(p.table is None for parts in made.values() for p in parts):
            return  # rows that take pandas' path: kept per article only
        joined = {t: Fragment(*concatenated(parts, self.schemas[t])) for t, parts in made.items()}
        for t, part in joined.items():
            self.out.fragments[t][mark.get(t, 0) :] = [part]
        self.cache.keep_shard(self._shard_key, ({t: fragment_bytes(f) for t, f in joined.items()}, mine))

    def _flush(self) -> None:
        """Type the rows of the articles made since the last flush, table by table at once (typing
        many small fragments one by one costs several times more), and store each article's slice of
        them in the cache as its fragments."""
        made, self.made = self.made, []
        if not self.schemas or not made:
            return

        pending, self.pending = self.pending, Built()
        parts = self._typed(pending)
        for table, part in parts.items():
            self.out.fragments[table].append(part)
        if not self.cache:
            return
        offsets: Counter[str] = Counter()
        for article_id, sha, sizes, mine in made:
            stored = {}
            for table, n in sizes.items():
                stored[table] = fragment_bytes(parts[table].slice(offsets[table], n))
                offsets[table] += n
            self.cache.keep_rows(article_id, sha, self._gazetteer_key(), (stored, mine))

    def _unpacked(self, cached: Any) -> tuple[dict[str, Fragment], Counter[Any]] | None:
        """Fragments and alias counts as the cache stored them; None when absent or not readable."""
        if cached is MISSING or not (isinstance(cached, tuple) and len(cached) == 2):
            return None
        stored, mine = cached
        if not isinstance(stored, dict) or not isinstance(mine, Counter) or not stored.keys() <= self.schemas.keys():
            return None
        parts = {t: fragment_from(v, self.schemas[t]) for t, v in stored.items()}
        if any(p is None for p in parts.values()):
            return None
        return parts, mine  # type: ignore[return-value]

    def _gazetteer_key(self) -> str:
        """What an article's rows read besides its own file and text: every alias with its actors (from
        actors.yaml and accepted articles' new actors and aliases) and every disambiguation."""
        if not hasattr(self, "_gazetteer_digest"):
            resolved = self.resolutions.items()
            resolutions = sorted((a, d.article or "", d.actor, d.note) for a, ds in resolved for d in ds)
            self._gazetteer_digest = _digest_of(sorted(self.claims.items()), resolutions)
        return self._gazetteer_digest

    def _check_articles_cover_sources(self) -> None:
        curated = {a.article_id for a in self.cur.articles}
        for article_id in sorted(set(self.sources) - curated):
            raise CurationError(
                f"data/curation/articles/{article_id}.yaml",
                "file is missing for a raw text",
                expected="one curation file per raw article (create it with `dataset add`)",
            )
        for art in self.cur.articles:
            file = f"data/curation/articles/{art.article_id}.yaml"
            if art.article_id not in self.sources:
                raise CurationError(
                    file,
                    f"no raw text for article {art.article_id!r} in data/raw/SHA256SUMS",
                    line=art.line_of("article_id"),
                    field="article_id",
                    suggestions=nearest(art.article_id, self.sources),
                )
            if art.source_file != self.sources[art.article_id].file:
                raise CurationError(
                    file,
                    "source_file does not match the raw file",
                    line=art.line_of("source_file"),
                    field="source_file",
                    expected=repr(self.sources[art.article_id].file),
                )

    def _actors(self) -> None:
        file = "data/curation/actors.yaml"
        claims: dict[str, list[str]] = defaultdict(list)
        for i, a in enumerate(self.cur.actors, 1):
            origin = (a.file or file, f"{a.entry_at(i)} (actor_id={a.actor_id})" + at(a))
            art, start, end, text = self.ref(origin, "evidence", a.evidence)
            self.out.add(
                "actors",
                row(
                    "actors",
                    a,
                    evidence_article_id=art,
                    evidence_start=start,
                    evidence_end=end,
                    evidence_text=text,
                    wikidata_basis="external" if a.wikidata_id else None,
                ),
                ": ".join(origin),
            )
            for alias in a.alias_entries():
                claims[alias.alias].append(a.actor_id)
                self.out.add(
                    "actor_aliases",
                    row("actor_aliases", alias, actor_id=a.actor_id, n_mentions=0, disambiguation_note=None),
                    f"{origin[0]}: {origin[1]}: aliases",
                )
        resolved = defaultdict(list)
        for d in self.cur.disambiguations:
            resolved[d.alias].append(d)
        for alias_row in self.out.rows["actor_aliases"]:
            if len(claims[alias_row["alias"]]) > 1 and resolved.get(alias_row["alias"]):
                alias_row["disambiguation_note"] = "; ".join(d.note for d in resolved[alias_row["alias"]])
        self.claims = claims
        self.resolutions = resolved

    def _matcher(self) -> tuple[AliasMatcher, dict[str, list[str]]]:
        return AliasMatcher(self.claims), self.claims

    def _resolve(self, alias: str, article_id: str, owners: list[str]) -> str | None:
        if len(owners) == 1:
            return owners[0]
        for d in self.resolutions.get(alias, []):
            if d.article == article_id:
                return d.actor
        for d in self.resolutions.get(alias, []):
            if d.article is None:
                return d.actor
        return None  # left for validate's ALIAS-ambiguous rule

    def _article(self, art: c.Article) -> None:
        file = f"data/curation/articles/{art.article_id}.yaml"
        src = self.sources[art.article_id]
        origin = (file, f"article {art.article_id}")
        o = ": ".join(origin)
        _, ts, te, title = self.ref(origin, "title", art.title, art.article_id)
        _, os_, oe, _ = self.ref(origin, "outlet_evidence", art.outlet_evidence, art.article_id)
        _, ds, de, _ = self.ref(origin, "published_date_evidence", art.published_date_evidence, art.article_id)
        self.out.add(
            "articles",
            row(
                "articles",
                art,
                sha256=src.sha256,
                n_chars=len(src.text),
                title=title,
                title_start=ts,
                title_end=te,
                outlet_start=os_,
                outlet_end=oe,
                published_date_start=ds,
                published_date_end=de,
                text=src.text,
            ),
            o,
        )
        for i, au in enumerate(art.authors, 1):
            _, s, e, t = self.span(
                (file, f"authors #{i}" + at(au)), "quote", art.article_id, au.quote, au.occurrence, owner=au
            )
            self.out.add(
                "article_authors",
                row("article_authors", au, article_id=art.article_id, char_start=s, char_end=e, text=t),
                f"{file}: authors #{i}",
            )
        for i, iss in enumerate(art.issues, 1):
            entry = f"issues #{i} (issue_id={iss.issue_id})" + at(iss)
            _, s, e, t = self.span((file, entry), "quote", art.article_id, iss.quote, iss.occurrence, owner=iss)
            self.out.add(
                "article_issues",
                row("article_issues", iss, article_id=art.article_id, char_start=s, char_end=e, text=t),
                f"{file}: {entry}",
            )

    def _mentions(
        self, art: c.Article, matcher: AliasMatcher, owners: dict[str, list[str]], counts: Counter[tuple[str, str]]
    ) -> None:
        file = f"data/curation/articles/{art.article_id}.yaml"
        text = self.sources[art.article_id].text
        for m in matcher.find(text):
            actor = self._resolve(m.surface, art.article_id, owners[m.surface])
            if actor is None:
                actor = owners[m.surface][0]
            counts[(actor, m.surface)] += 1
            self.out.add(
                "mentions",
                row(
                    "mentions",
                    mention_id=f"{art.article_id}:{m.start:06d}-{m.end:06d}",
                    article_id=art.article_id,
                    actor_id=actor,
                    char_start=m.start,
                    char_end=m.end,
                    surface=m.surface,
                    method="alias_match",
                    is_metonym=False,
                ),
                f"data/curation/actors.yaml: aliases of {actor}",
            )
        for i, cm in enumerate(art.mentions, 1):
            _, s, e, t = self.span(
                (file, f"mentions #{i}" + at(cm)), "quote", art.article_id, cm.quote, cm.occurrence, owner=cm
            )
            self.out.add(
                "mentions",
                row(
                    "mentions",
                    cm,
                    mention_id=f"{art.article_id}:{s:06d}-{e:06d}",
                    article_id=art.article_id,
                    char_start=s,
                    char_end=e,
                    surface=t,
                    method="curated",
                ),
                f"{file}: mentions #{i}",
            )

    def _statements(self, art: c.Article) -> None:
        file = f"data/curation/articles/{art.article_id}.yaml"
        text = self.sources[art.article_id].text
        placed: list[tuple[int, int, str]] = []
        for i, st in enumerate(art.statements, 1):
            entry = f"statements #{i} (statement_id={st.statement_id})" + at(st)
            _, s, e, q = self.span((file, entry), "quote", art.article_id, st.quote, st.occurrence, owner=st)
            if st.utterance_id is None:
                raise CurationError(
                    file,
                    "an accepted statement needs an utterance",
                    line=st.line,
                    entry=entry,
                    field="utterance",
                    expected="an utterance_id from data/curation/utterances.yaml",
                )
            placed.append((s, e, st.statement_id))
            ds = de = dtext = None
            if st.said_date_quote:
                _, ds, de, dtext = self.span(
                    (file, entry),
                    "said_date_quote",
                    art.article_id,
                    st.said_date_quote,
                    st.said_date_occurrence,
                    owner=st,
                )
            p = st.plover
            self.out.add(
                "statements",
                row(
                    "statements",
                    st,
                    article_id=art.article_id,
                    char_start=s,
                    char_end=e,
                    quote=q,
                    said_date_text=dtext,
                    said_date_start=ds,
                    said_date_end=de,
                    plover_category=p.category if p else None,
                    plover_mode=p.mode if p else None,
                    plover_context=";".join(p.context) if p and p.context else None,
                    plover_target_id=p.target if p else None,
                    plover_target_note=p.target_note if p else None,
                    repeats_statement_id=None,  # set once every statement is placed (_utterances)
                    summarises_acts=False,  # set from the statement's utterance (_utterances)
                ),
                f"{file}: {entry}",
            )
            for topic in st.topics:
                self.out.add("statement_topics", row("statement_topics", st, topic=topic), f"{file}: {entry}: topics")
        dismissed: list[tuple[int, int, c.Dismissal, str]] = []
        for i, d in enumerate(art.dismissed_quotes, 1):
            entry = f"dismissed_quotes #{i}" + at(d)
            _, s, e, _ = self.span((file, entry), "quote", art.article_id, d.quote, d.occurrence, owner=d)
            dismissed.append((s, e, d, entry))
        for q in find_quotes(text):
            accounted: dict[str, Any] = {"status": None, "statement_id": None, "dismissal_reason": None, "note": None}
            hit = next((sid for s, e, sid in placed if _overlaps(s, e, q.start, q.end)), None)
            if hit:
                accounted.update(status="statement", statement_id=hit)
            else:
                dis = next((d for s, e, d, _ in dismissed if _overlaps(s, e, q.start, q.end)), None)
                if dis:
                    accounted.update(status="dismissed", dismissal_reason=dis.reason, note=dis.note)
            self.out.add(
                "quote_spans",
                row(
                    "quote_spans",
                    span_id=f"{art.article_id}:{q.start:06d}-{q.end:06d}",
                    article_id=art.article_id,
                    char_start=q.start,
                    char_end=q.end,
                    text=text[q.start : q.end],
                    pattern=q.pattern,
                    **accounted,
                ),
                f"{file}: quotation span at {q.start}-{q.end}",
            )

    def _utterances(self) -> None:
        """Utterance rows with their counts of statements and articles, and the statements' columns
        that depend on the others: the statement whose span repeats theirs, and the utterance's
        several acts. The statements are read as columns (of their typed table, or of their rows)."""
        file = "data/curation/utterances.yaml"
        from .frames import concatenated, fragment_rows

        typed = self._statement_table()
        entries = self._read_back("utterances.yaml", self.cur.utterances)
        parts = self._utterance_parts(file, entries)
        if typed is not None and parts and all(p.table is not None for p in parts):
            return self._typed_utterances(typed, parts)
        rows = self.out.rows["statements"]
        names = (*STATEMENT_KEYS, "summarises_acts")
        if typed is None:
            cols = {k: [r[k] for r in rows] for k in names}
        else:
            cols = {k: typed.table.column(k).to_pylist() for k in names}
        repeats = containers(*(cols[k] for k in STATEMENT_KEYS))
        articles, summarises = cols["article_id"], cols["summarises_acts"]
        per: dict[str, list[int]] = defaultdict(list)
        for i, utterance_id in enumerate(cols["utterance_id"]):
            per[utterance_id].append(i)

        def counted(utterance_id: str, several: bool) -> tuple[int, int]:
            members = per.get(utterance_id, [])
            for j in members:
                summarises[j] = several
            return len(members), len({articles[j] for j in members})

        if parts is None:
            for i, u in enumerate(entries, 1):
                n_statements, n_articles = counted(u.utterance_id, u.several_acts)
                self.out.add(
                    "utterances",
                    row("utterances", u, n_statements=n_statements, n_articles=n_articles),
                    _utterance_origin(file, i, u),
                )
        elif parts and all(p.table is not None for p in parts):
            table = Fragment(*concatenated(parts, self.schemas["utterances"]))  # type: ignore[index]
            ids, several = (table.table.column(k).to_pylist() for k in ("utterance_id", "several_acts"))
            n = [counted(u, s) for u, s in zip(ids, several)]
            counts = {"n_statements": [a for a, _ in n], "n_articles": [b for _, b in n]}
            self.out.fragments["utterances"].append(_with_columns(table, counts))
        else:  # a value takes pandas' path: counted as rows
            for r, origin in zip(fragment_rows(parts), [o for p in parts for o in p.origin_list()]):
                r["n_statements"], r["n_articles"] = counted(r["utterance_id"], r["several_acts"])
                self.out.add("utterances", r, origin)
        repeated = [repeats.get(sid) for sid in cols["statement_id"]]
        if typed is None:
            for r, rep, several in zip(rows, repeated, summarises):
                r["repeats_statement_id"], r["summarises_acts"] = rep, several
        else:
            values = {"repeats_statement_id": repeated, "summarises_acts": summarises}
            self.out.fragments["statements"] = [_with_columns(typed, values)]

    def _typed_utterances(self, typed: Fragment, parts: list[Fragment]) -> None:
        """`_utterances` when the statements and utterances are typed tables: the columns it sets
        (counts, `repeats_statement_id`, `summarises_acts`) read only the statements' `STATEMENT_KEYS`
        and `summarises_acts` and the utterances' ids and `several_acts`, so with the cache they are
        kept under those columns' content digests and made again only when one of them changed."""
        from .frames import concatenated

        table = Fragment(*concatenated(parts, self.schemas["utterances"]))  # type: ignore[index]
        statements = typed.table.select([*STATEMENT_KEYS, "summarises_acts"])
        utterances = table.table.select(["utterance_id", "several_acts"])
        key = self.cache.derived_key("utterance-counts", statements, utterances) if self.cache else None
        found = self.cache.derived(key) if key else None
        if not (isinstance(found, tuple) and len(found) == 4):
            found = utterance_counts(statements, utterances)
            if key:
                self.cache.keep_derived(key, found)
        repeated, summarises, n_statements, n_articles = found
        self.out.fragments["utterances"].append(
            _with_columns(table, {"n_statements": n_statements, "n_articles": n_articles})
        )
        values = {"repeats_statement_id": repeated, "summarises_acts": summarises}
        self.out.fragments["statements"] = [_with_columns(typed, values)]

    def _read_back(self, name: str, entries: list[Any]) -> list[Any]:
        """A merged list file's entries, its own read back from the cache when the loader shed them."""
        from .curation.loader import shed_entries

        return shed_entries(self.cache.curation / name, self.cache, entries) if self.cache else entries

    def _utterance_parts(self, file: str, entries: list[Any]) -> list[Fragment] | None:
        """With schemas, the utterances typed, their counts still to set (see `_merged_parts`)."""
        from .curation.models import Utterance

        def made(i: int, u: c.Utterance) -> tuple[Row, str]:
            return row("utterances", u, n_statements=0, n_articles=0), _utterance_origin(file, i, u)

        return self._merged_parts("utterances.yaml", "utterances", Utterance, "utterance_id", entries, made)

    def _merged_parts(
        self,
        name: str,
        table: str,
        model: type[Any],
        id_key: str,
        entries: list[Any],
        made: Callable[[int, Any], tuple[Row, str]],
    ) -> list[Fragment] | None:
        """With schemas, the typed rows of a list file merged with the accepted articles' new entries:
        the file's rows from the cache when it is unchanged (the loader then left its entries
        unloaded), else made from its entries (and stored), then the new entries' rows. None
        without schemas (the caller makes every row from the entries)."""
        from .curation.loader import list_entries

        if not self.schemas:
            return None
        found = self.cache.found_rows.get(name) if self.cache else None
        cached = self._unpacked(found) if found is not None else None
        if found is not None and cached is None:  # not readable: the file's entries after all
            assert self.cache is not None
            path = self.cache.curation / name
            models = self.cache.parsed(path)
            known = {path: models} if models is not MISSING else None
            entries = [*list_entries(path, self.cache.root, self.cache, model, id_key, True, known), *entries]
        parts = list(cached[0].values()) if cached else []
        own, new = [e for e in entries if e.file is None], [e for e in entries if e.file is not None]
        piece = Built()
        for i, entry in enumerate(own, 1):
            piece.add(table, *made(i, entry))
        typed = self._typed(piece)
        parts += typed.values()
        if self.cache and cached is None:
            self.cache.keep_list_rows(name, ({t: fragment_bytes(f) for t, f in typed.items()}, Counter()))
        start = sum(len(p.origins) for p in parts)
        for i, entry in enumerate(new, start + 1):
            piece.add(table, *made(i, entry))
        return parts + list(self._typed(piece).values())

    def _statement_table(self) -> Fragment | None:
        """The statements' fragments as one (None when kept as rows: then every fragment becomes rows)."""
        from .frames import concatenated, fragment_rows

        parts = self.out.fragments.pop("statements", [])
        if not parts:
            return None
        if all(p.table is not None for p in parts) and self.schemas:
            return Fragment(*concatenated(parts, self.schemas["statements"]))
        self.out.rows["statements"][:0] = list(fragment_rows(parts))
        self.out.origins["statements"][:0] = [o for p in parts for o in p.origin_list()]
        return None

    def _meetings(self, entries: list[Any]) -> None:
        for i, m in enumerate(entries, 1):
            file = m.file or "data/curation/meetings.yaml"
            entry = f"{m.entry_at(i)} (meeting_id={m.meeting_id})" + at(m)
            o = f"{file}: {entry}"
            self.out.add("meetings", row("meetings", m, n_reports=len({r.article for r in m.reports})), o)
            for p in m.participants:
                self.out.add(
                    "meeting_participants",
                    row("meeting_participants", p, meeting_id=m.meeting_id),
                    f"{o}: participants",
                )
            for j, r in enumerate(m.reports, 1):
                origin = (file, f"{entry}: reports #{j}" + at(r))
                self.out.add(
                    "meeting_reports",
                    row(
                        "meeting_reports",
                        r,
                        meeting_id=m.meeting_id,
                        **self._report(origin, r),
                        report_date_note=r.report_date_note
                        or (None if r.report_date else "This article gives no date for the meeting."),
                    ),
                    ": ".join(origin),
                )

    def _events(self, entries: list[Any]) -> None:
        file = "data/curation/events.yaml"
        for i, ev in enumerate(entries, 1):
            entry = f"entry #{i} (event_id={ev.event_id})" + at(ev)
            o = f"{file}: {entry}"
            self.out.add("events", row("events", ev), o)
            for p in ev.participants:
                self.out.add(
                    "event_participants", row("event_participants", p, event_id=ev.event_id), f"{o}: participants"
                )
            for j, r in enumerate(ev.reports, 1):
                origin = (file, f"{entry}: reports #{j}" + at(r))
                self.out.add(
                    "event_reports",
                    row("event_reports", event_id=ev.event_id, **self._report(origin, r)),
                    ": ".join(origin),
                )

    def _militia(self, entries: list[Any]) -> None:
        file = "data/curation/militia_groups.yaml"
        for i, g in enumerate(entries, 1):
            entry = f"entry #{i} (actor_id={g.actor_id})" + at(g)
            o = f"{file}: {entry}"
            self.out.add("militia_groups", row("militia_groups", g), o)
            claims: list[tuple[str, c.SpanRef | None, bool]] = [
                ("parent_group_id", g.parent_evidence, g.parent_group_id is not None),
                ("founded_year", g.founded_evidence, g.founded_year is not None),
                ("state_status", g.state_status_evidence, g.state_status != "not_stated"),
                ("iran_backed", g.iran_backed_evidence, g.iran_backed is not None),
            ]
            for claim, ref, has_value in claims:
                fieldname = {"parent_group_id": "parent_evidence", "founded_year": "founded_evidence"}.get(
                    claim, f"{claim}_evidence"
                )
                if has_value and ref is None:
                    raise CurationError(
                        file,
                        f"{claim} is set but has no evidence",
                        line=g.line_of(claim),
                        entry=entry,
                        field=fieldname,
                        expected="a span reference {article, quote}",
                    )
                if ref is None:
                    continue
                art, s, e, t = self.ref((file, entry), fieldname, ref)
                self.out.add(
                    "militia_group_evidence",
                    row("militia_group_evidence", g, claim=claim, article_id=art, char_start=s, char_end=e, text=t),
                    o,
                )

    def _affiliations(self) -> None:
        from .curation.models import Affiliation

        entries = self._read_back("affiliations.yaml", self.cur.affiliations)
        parts = self._merged_parts(
            "affiliations.yaml", "affiliations", Affiliation, "affiliation_id", entries, self._affiliation
        )
        if parts is not None:
            self.out.fragments["affiliations"] += parts
            return
        for i, a in enumerate(entries, 1):
            self.out.add("affiliations", *self._affiliation(i, a))

    def _affiliation(self, i: int, a: c.Affiliation) -> tuple[Row, str]:
        file = "data/curation/affiliations.yaml"
        entry = f"{a.entry_at(i)} (affiliation_id={a.affiliation_id})" + at(a)
        art, s, e, t = self.ref((a.file or file, entry), "evidence", a.evidence)
        return row("affiliations", a, article_id=art, char_start=s, char_end=e, text=t), f"{a.file or file}: {entry}"

    def _references(self, entries: list[Any]) -> None:
        file = "data/curation/references.yaml"
        for i, r in enumerate(entries, 1):
            self.out.add(
                "external_references",
                row("external_references", r),
                f"{file}: entry #{i} (reference_id={r.reference_id})",
            )


SHARD_EVERY = 32
"""On average, articles per shard of the cache. A shard ends after an article whose id hashes to a
multiple of this, so adding or removing an article moves no other shard's bounds."""


def _shards(indices: list[int], ids: list[str]) -> list[list[int]]:
    """Articles (`indices`, with their `ids`) cut into runs of consecutive ones: the cache's shards."""
    import zlib

    out: list[list[int]] = [[]]
    for i, article_id in zip(indices, ids):
        out[-1].append(i)
        if zlib.crc32(article_id.encode("utf-8")) % SHARD_EVERY == 0:
            out.append([])
    return [s for s in out if s]


def _utterance_origin(file: str, i: int, u: c.Utterance) -> str:
    return f"{u.file or file}: {u.entry_at(i)} (utterance_id={u.utterance_id})" + at(u)


def _with_columns(part: Fragment, values: dict[str, list[Any]]) -> Fragment:
    """`part` with some columns replaced by `values` (in the fragment's row order)."""
    import pyarrow as pa

    table = part.table
    for name, column in values.items():
        i = table.schema.get_field_index(name)
        f = table.schema.field(i)
        table = table.set_column(i, f, pa.array(column, type=f.type))
    return Fragment(table, part.origins)


def _digest_of(*values: Any) -> str:
    import hashlib

    return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()


def at(entry: c.Model) -> str:
    """Where a curated entry starts in its file, for messages: ' at line N'."""
    return f" at line {entry.line}" if entry.line else ""


def _overlaps(a: int, b: int, c_: int, d: int) -> bool:
    return a < d and c_ < b


def utterance_counts(statements: Any, utterances: Any) -> tuple[list[Any], list[Any], list[int], list[int]]:
    """The statements' `repeats_statement_id` and `summarises_acts`, and the utterances' counts of
    statements and articles, from those tables' columns (Arrow)."""
    cols = {k: statements.column(k).to_pylist() for k in statements.column_names}
    repeats = containers(*(cols[k] for k in STATEMENT_KEYS))
    articles, summarises = cols["article_id"], cols["summarises_acts"]
    per: dict[str, list[int]] = defaultdict(list)
    for i, utterance_id in enumerate(cols["utterance_id"]):
        per[utterance_id].append(i)
    n_statements, n_articles = [], []
    for utterance_id, several in zip(*(utterances.column(k).to_pylist() for k in ("utterance_id", "several_acts"))):
        members = per.get(utterance_id, [])
        for j in members:
            summarises[j] = several
        n_statements.append(len(members))
        n_articles.append(len({articles[j] for j in members}))
    return [repeats.get(sid) for sid in cols["statement_id"]], summarises, n_statements, n_articles


def assemble(
    cur: c.Curation,
    sources: dict[str, Source],
    cache: BuildCache | None = None,
    consume: bool = False,
    schemas: dict[str, Any] | None = None,
    pool: BuildPool | None = None,
) -> Built:
    """All tables' rows from curation and sources (raises CurationError on unusable input). With
    `consume`, each accepted article leaves `cur.articles` once its rows are made (the build needs
    neither after: a large corpus then never holds every model and every row at once). With
    `schemas`, each article's rows are typed as they are made (`Built.fragments`), and only then
    is the build cache used (it stores those fragments); with a started `pool` as well, its
    workers make the articles' rows (`Assembler.run`)."""
    return Assembler(cur, sources, cache, consume, schemas).run(pool)
