"""Rows made by the build's workers into the build cache: the articles', a shard at a time, and
those of the list files whose rows read only the file and the texts (`list_rows`).

The rows an article gives read its curation file, the raw texts and the shared gazetteer (every
alias with its actors, and the disambiguations), nothing the other articles make. So once the
loader has checked every file and the main process knows the gazetteer, each shard is handed to a
worker with its articles' stubs and the digests of their files; the worker reads the texts
itself (verified against SHA256SUMS, once per process), makes the shard's rows with the same
`Assembler` code, types them and stores them in the cache under the keys the main process
computes. The main process then meets every shard as a cached one and only reads its fragments.
A worker that fails (a span not found, a file changed meanwhile, any error) stores nothing for
that shard, and the main process makes it itself, raising the error a build without workers gives.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from .pool import BuildPool

_STATE: dict[Path, Any] = {}
"""A worker's texts, schemas, build cache and alias matcher, made once per process and repository."""


def made_ahead(asm: Any, shards: list[list[int]], pool: BuildPool | None) -> list[Future[int] | None]:
    """Each shard's task (None where the main process makes it): only with the cache, the
    schemas, a pool the loader started, and articles met as stubs (their models are in the cache)."""
    from .curation.models import ArticleStub

    executor = pool.started() if pool and asm.cache and asm.schemas else None
    out: list[Future[int] | None] = [None] * len(shards)
    if executor is None:
        return out
    cache, articles = asm.cache, asm.cur.articles
    folder = cache.curation / "articles"
    gazetteer = (dict(asm.claims), dict(asm.resolutions), asm._gazetteer_key())
    try:
        for n, shard in enumerate(shards):
            stubs = [articles[i] for i in shard]
            paths = [folder / f"{a.article_id}.yaml" for a in stubs]
            if all(isinstance(a, ArticleStub) for a in stubs) and all(p in cache.digests for p in paths):
                digests = {p: cache.digests[p] for p in paths}
                out[n] = executor.submit(_made, cache.root, stubs, digests, *gazetteer)
    except Exception:  # the pool broke: the shards not submitted are made by the main process
        pass
    return out


def made(future: Future[int] | None) -> int:
    """How many articles' rows a worker made and stored for a shard (0: none, or it failed)."""
    if future is None:
        return 0
    try:
        return future.result()
    except Exception:  # the pool broke: the main process makes the shard
        return 0


def _made(
    root: Path,
    stubs: list[Any],
    digests: dict[Path, str],
    claims: dict[str, list[str]],
    resolutions: dict[str, list[Any]],
    gazetteer: str,
) -> int:
    """In a worker: one shard's rows made and stored in the build cache; the number of articles made."""
    try:
        return _make(root, stubs, digests, claims, resolutions, gazetteer)
    except Exception:  # the main process makes this shard and reports what is wrong, in article order
        return 0


def _make(
    root: Path,
    stubs: list[Any],
    digests: dict[Path, str],
    claims: dict[str, list[str]],
    resolutions: dict[str, list[Any]],
    gazetteer: str,
) -> int:
    from .assemble import Assembler
    from .curation.models import Curation
    from .mentions import AliasMatcher

    state = _state(root)
    cache = state["cache"]
    cache.digests.update(digests)
    if state.get("gazetteer") != gazetteer:
        state["gazetteer"], state["matcher"] = gazetteer, AliasMatcher(claims)
    asm = Assembler(Curation.model_construct(articles=list(stubs)), state["sources"], cache, True, state["schemas"])
    asm.claims, asm.resolutions, asm._gazetteer_digest = claims, resolutions, gazetteer
    shard = list(range(len(stubs)))
    if asm._cached_shard(shard, Counter()):
        return 0  # stored already
    before = cache.computed["article"]
    asm.make_shard(shard, state["matcher"], claims, Counter())
    return cache.computed["article"] - before


def _state(root: Path) -> dict[str, Any]:
    if root not in _STATE:
        from ..paths import Layout
        from ..schema.tables import load_schemas
        from .cache import BuildCache
        from .sources import load_sources

        lay = Layout(root)
        _STATE[root] = {
            "sources": load_sources(lay.raw, lay.sums),
            "schemas": load_schemas(lay.schemas),
            "cache": BuildCache(root),
        }
    return _STATE[root]


def list_rows(path: Path, root: Path) -> bool:
    """In a worker: a list file of `loader.ROWED` parsed, checked (its ids once each), and its models
    and rows stored in the build cache as a build with one process stores them (`Assembler._listed`,
    `_merged_parts`), keyed by the bytes hashed here and every text; whether its rows are stored."""
    from .assemble import Assembler
    from .cache import MISSING
    from .curation.loader import ROWED, list_entries
    from .curation.models import Curation

    state = _state(root)
    cache = state["cache"]
    if cache.texts is None:
        cache.set_texts(state["sources"])
    model, id_key = ROWED[path.name]
    models = cache.parsed(path)  # hashes the bytes the rows are keyed by
    entries = list_entries(path, root, cache, model, id_key, True, {path: models} if models is not MISSING else None)
    asm = Assembler(Curation.model_construct(), state["sources"], cache, True, state["schemas"])
    if path.name == "utterances.yaml":
        asm._utterance_parts(f"data/curation/{path.name}", entries)
    elif path.name == "affiliations.yaml":
        asm._merged_parts(path.name, "affiliations", model, id_key, entries, asm._affiliation)
    else:
        makers = {"meetings.yaml": asm._meetings, "events.yaml": asm._events, "militia_groups.yaml": asm._militia}
        asm._listed(path.name, entries, makers.get(path.name, asm._references))
    return cache.list_rows(path) is not MISSING
