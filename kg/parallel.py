"""Building at scale: extraction in worker processes, one writer into the store.

The parent streams the input, skips unchanged articles against the content hashes it loaded
from the store in one pass at the start, sends small chunks of articles to N worker processes
and writes what they return (N-Quads) in batches. At most two chunks per worker are in flight
and a batch is capped in articles and bytes, so memory stays bounded whatever the input's size;
only the ids and hashes of the articles are kept for the whole run.

Writing, two modes:
- transactions (default): each batch of articles is one transaction, so a crash leaves every
  article whole or absent; a changed article's graph is dropped just before its batch is written
  (a crash in between leaves it absent, and the next build adds it again);
- bulk: Oxigraph's bulk loader, faster but not atomic. The articles of the batch being loaded
  are listed in `kg.pending` first; if a build dies mid-batch, the next build finds the list and
  drops those articles' graphs, so that they are rebuilt whole.
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode, RdfFormat, Store, parse, serialize

from .article import Article
from .ingest import InputError
from .iris import article_iri
from .namespaces import kg
from .union import drop_graph, dropping, mend, with_union

if TYPE_CHECKING:
    from .graph import BuildReport, KnowledgeGraph

#: Articles per task: large enough to amortise the inter-process hop, small enough to balance.
CHUNK = 16
#: A write batch closes at this many articles or bytes of N-Quads, whichever comes first.
BATCH_ARTICLES = 100
BATCH_BYTES = 16 << 20
JOURNAL = "kg.pending"


@dataclass
class ArticleResult:
    iri: str
    triples: int = 0
    error: str | None = None


@dataclass
class ChunkResult:
    """What a worker returns for a chunk: one outcome per article, their quads as N-Quads."""

    results: list[ArticleResult]
    nquads: bytes
    seconds: dict[str, float] = field(default_factory=dict)


def extract_chunk(articles: list[Article]) -> ChunkResult:
    """Extraction and RDF of a few articles (runs in a worker process, or a Dask worker)."""
    from .extract import extract
    from .rdf import extraction_quads

    quads = []
    results: list[ArticleResult] = []
    nlp = rdf = 0.0
    for article in articles:
        iri = article_iri(article.id)
        t0 = time.perf_counter()
        try:
            extraction = extract(article)
            t1 = time.perf_counter()
            mine = extraction_quads(extraction)
        except Exception as e:  # one article's failure must not stop the batch
            results.append(ArticleResult(iri, error=f"{article.source}: extraction failed: {type(e).__name__}: {e}"))
            continue
        t2 = time.perf_counter()
        nlp, rdf = nlp + t1 - t0, rdf + t2 - t1
        quads += mine
        results.append(ArticleResult(iri, triples=len(mine)))
    t0 = time.perf_counter()
    data = serialize(quads, format=RdfFormat.N_QUADS) or b""
    return ChunkResult(results, data, {"nlp": nlp, "rdf": rdf + time.perf_counter() - t0})


def stored_hashes(store: Store) -> dict[str, str]:
    """Every stored article's content hash by article IRI, read in one pass over one index."""
    hashes: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, kg("contentHash"), None, None):
        if quad.subject == quad.graph_name:
            hashes[quad.subject.value] = quad.object.value
    return hashes


class Writer:
    """Batches of articles' N-Quads, handed to `write` when a batch is full."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._parts: list[bytes] = []
        self._size = 0
        self._iris: list[str] = []
        self._replacing: list[str] = []

    def put(self, iri: str, replacing: bool, nquads: bytes = b"") -> None:
        """Queue one article (a chunk's N-Quads come with its first article)."""
        self._iris.append(iri)
        if replacing:
            self._replacing.append(iri)
        if nquads:
            self._parts.append(nquads)
            self._size += len(nquads)

    def full(self) -> bool:
        return len(self._iris) >= BATCH_ARTICLES or self._size >= BATCH_BYTES

    def flush(self) -> None:
        if not self._iris:
            return
        started = time.perf_counter()
        self.write(b"".join(self._parts), self._iris, self._replacing)
        self._parts, self._size, self._iris, self._replacing = [], 0, [], []
        self.seconds += time.perf_counter() - started

    def write(self, data: bytes, iris: list[str], replacing: list[str]) -> None:
        raise NotImplementedError


class StoreWriter(Writer):
    """The single writer into the store, by transaction or bulk load (see the module's docstring)."""

    def __init__(self, graph: KnowledgeGraph, bulk: bool = False):
        super().__init__()
        self.graph = graph
        self.bulk = bulk
        self.journal = str(graph.path / JOURNAL) if graph.path is not None else None

    def write(self, data: bytes, iris: list[str], replacing: list[str]) -> None:
        store = self.graph.store
        try:
            if self.bulk and self.journal:
                _write_journal(self.journal, iris)
            with dropping(self.graph.path if replacing else None):
                for iri in replacing:
                    drop_graph(store, NamedNode(iri))
            if self.bulk:
                store.bulk_extend(with_union(parse(data, format=RdfFormat.N_QUADS)))
                self.graph._flush()
                if self.journal:
                    os.unlink(self.journal)
            else:
                self.graph.add_quads(parse(data, format=RdfFormat.N_QUADS))
        except OSError as e:
            from .graph import StoreError, _write_failure

            raise StoreError(_write_failure(self.graph.path, e)) from e


def _write_journal(path: str, iris: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(iris))
        f.flush()
        os.fsync(f.fileno())


def recover(graph: KnowledgeGraph) -> list[str]:
    """Drop the articles of a bulk batch that a dead build left half-loaded; returns their IRIs."""
    if graph.path is None or not (graph.path / JOURNAL).exists():
        return []
    iris = (graph.path / JOURNAL).read_text(encoding="utf-8").split()
    for iri in iris:
        graph.store.remove_graph(NamedNode(iri))
    mend(graph.store)  # a bulk load is not atomic: the union may hold part of those articles too
    (graph.path / JOURNAL).unlink()
    return iris


class _Inline(Executor):
    """One process: the chunk is extracted when submitted."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _worker_start(parent: int) -> None:
    # A worker must not outlive its build (killed with -9, say): it would keep the store's
    # lock file open and its memory held. The pool cannot tell it, so it watches by itself.
    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    # Load the pipelines before the first chunk so that no worker stalls mid-stream.
    from .nlp import pipeline_for

    for lang in ("pt", "es", "en"):
        pipeline_for(lang)


def executor(workers: int) -> Executor:
    """`workers` extraction processes, or this process alone for 1."""
    if workers <= 1:
        return _Inline()
    # fork: workers start at once, with kg already imported; they never touch the store's
    # handles they inherit, and leave through os._exit, so none of its finalisers run twice.
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                               initializer=_worker_start, initargs=(os.getpid(),))


def build(
    graph: KnowledgeGraph | None,
    items: Iterable[Article | InputError],
    report: BuildReport,
    *,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    prune: bool = False,
    bulk: bool = False,
    submit: Callable[[list[Article]], Future] | None = None,
    chunk_size: int = CHUNK,
    writer: Writer | None = None,
) -> BuildReport:
    """Extract and store a stream of articles; see the module's docstring. Fills `report`.

    `submit` sends a chunk elsewhere (a Dask cluster) instead of local processes; with no
    `graph`, `writer` takes everything (N-Quads shards) and nothing is skipped.
    """
    started = time.perf_counter()
    known: dict[str, str] = {}
    if graph is not None:
        recovered = recover(graph)
        if recovered:
            report.warnings.append(f"{len(recovered)} articles of an interrupted bulk build were dropped "
                                   f"and are being rebuilt")
        known = stored_hashes(graph.store)
        writer = writer or StoreWriter(graph, bulk)
    assert writer is not None, "give a graph or a writer"
    stored_before = set(known) if prune else set()
    seen: set[str] = set()
    read_errors = 0
    stages = {"read": 0.0, "nlp": 0.0, "rdf": 0.0, "store": 0.0, "wait": 0.0}
    pending: deque[tuple[Future, list[bool]]] = deque()
    chunk: list[Article] = []
    replacing: list[bool] = []
    pool: Executor = _Inline()
    in_flight = 2 * max(workers, 1)

    def dispatch(last: bool = False) -> None:
        nonlocal chunk, replacing, pool
        if not chunk:
            return
        if submit:
            future = submit(chunk)
        else:
            if not last and isinstance(pool, _Inline) and workers > 1:
                pool = executor(workers)  # only once the input outgrows one chunk: small builds start no process
            future = pool.submit(extract_chunk, chunk)
        pending.append((future, replacing))
        chunk, replacing = [], []

    def collect(limit: int) -> None:
        while len(pending) > limit:
            future, flags = pending.popleft()
            t0 = time.perf_counter()
            try:
                result: ChunkResult = future.result()
            except BrokenProcessPool as e:
                from .graph import StoreError

                raise StoreError("an extraction worker died (out of memory?); the articles written so far "
                                 "are kept: run the same build again, perhaps with fewer --workers") from e
            stages["wait"] += time.perf_counter() - t0
            for name, seconds in result.seconds.items():
                stages[name] += seconds
            _take(result, flags, writer, report, progress)
            if writer.full():
                writer.flush()

    try:
        for item in _timed(items, stages):
            if isinstance(item, InputError):
                read_errors += 1
                report.failed += 1
                report.errors.append(str(item))
                continue
            report.warnings += item.warnings
            iri = article_iri(item.id)
            if iri in seen:
                report.warnings.append(f"{item.source}: duplicate article id {item.id!r}; the later one wins")
                # The earlier copy must be in the store before the later one replaces it.
                dispatch(last=True)
                collect(0)
                writer.flush()
            seen.add(iri)
            digest = item.content_hash
            previous = known.get(iri)
            if previous == digest:
                report.unchanged += 1
                if progress:
                    progress(1)
                continue
            known[iri] = digest
            chunk.append(item)
            replacing.append(previous is not None)
            if len(chunk) >= chunk_size:
                dispatch()
                collect(in_flight)
        dispatch(last=True)
        collect(0)
        writer.flush()
    finally:
        pool.shutdown(cancel_futures=True)
    if graph is not None:
        if prune:
            _prune(graph, stored_before - seen, read_errors, report)
        graph._flush()
    stages["store"] = writer.seconds
    report.stages = stages
    report.seconds = time.perf_counter() - started
    return report


def _take(result: ChunkResult, flags: list[bool], writer: Writer, report: BuildReport,
          progress: Callable[[int], None] | None) -> None:
    first = True
    for outcome, was_there in zip(result.results, flags):
        if outcome.error:
            report.failed += 1
            report.errors.append(outcome.error)
            continue
        writer.put(outcome.iri, was_there, result.nquads if first else b"")
        first = False
        report.triples += outcome.triples
        if was_there:
            report.replaced += 1
        else:
            report.added += 1
        if progress:
            progress(1)


def _prune(graph: KnowledgeGraph, gone: set[str], read_errors: int, report: BuildReport) -> None:
    if read_errors:
        report.warnings.append(f"--prune skipped: {read_errors} inputs could not be read, so the articles "
                               f"they hold cannot be told from deleted ones; fix them and build again")
        return
    with dropping(graph.path):
        for iri in sorted(gone):
            drop_graph(graph.store, NamedNode(iri))
    report.removed = len(gone)


def _timed(items: Iterable[Article | InputError], stages: dict[str, float]) -> Iterator[Article | InputError]:
    """The input, with the time spent reading and parsing it added to stages['read']."""
    iterator = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            return
        finally:
            stages["read"] += time.perf_counter() - t0
        yield item
