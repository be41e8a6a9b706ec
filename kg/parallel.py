"""Building at scale: extraction in worker processes, one writer into the store.

The parent streams the input, skips unchanged articles against the content hashes it loaded
from the store in one pass at the start, sends small chunks of articles to N worker processes
and writes what they return (N-Quads) in batches. At most two chunks per worker are in flight
and a batch is capped in articles and bytes, so memory stays bounded whatever the input's size;
only the ids and hashes of the articles are kept for the whole run.

Workers send each article's N-Quads and its union lines (kg/union.py) ready to load, so that the
writer handles bytes only: Oxigraph parses them in Rust. The writer loads a batch in a thread
while the parent goes on reading and dispatching (pyoxigraph releases the GIL while loading).

Writing, two modes:
- bulk (default): Oxigraph's bulk loader, several times faster than transactions but not
  atomic. The articles of the batch being loaded are listed in `kg.pending` and its union lines
  in `kg.union-mending` first; if the build dies mid-batch, the next writer to open the store
  drops those articles' graphs and the union triples only they backed, and the next build adds
  them again. Meanwhile a reader may see part of that batch.
- atomic: each batch is one transaction, so a reader never sees half an article.
In both, a changed article's graph is dropped just before its batch is written (a crash in
between leaves it absent, and the next build adds it again).
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode, RdfFormat, Store, serialize

from .article import Article
from .ingest import InputError
from .iris import article_iri
from .namespaces import kg
from .union import JOURNAL, drop_graphs, mending, union_lines, write_journal

if TYPE_CHECKING:
    from .graph import BuildReport, KnowledgeGraph

#: A bulk build that wrote at least this share of the store's articles compacts the store at the
#: end: bulk loads leave many overlapping files, and queries over them ran 4-8x slower (10k articles).
COMPACT_SHARE = 0.1
#: Articles per task: large enough to amortise the inter-process hop, small enough to balance.
CHUNK = 16
#: A write batch closes at this many articles or bytes of N-Quads, whichever comes first (larger
#: batches measured no faster); two batches are in memory at a time, one filling, one loading.
BATCH_ARTICLES = 100
BATCH_BYTES = 32 << 20


@dataclass
class ArticleResult:
    iri: str
    triples: int = 0
    error: str | None = None


@dataclass
class ChunkResult:
    """What a worker returns for a chunk: one outcome per article, their quads as N-Quads, and
    the same triples as N-Triples for the union (kg/union.py)."""

    results: list[ArticleResult]
    nquads: bytes
    union: bytes = b""
    seconds: dict[str, float] = field(default_factory=dict)


def extract_chunk(articles: list[Article]) -> ChunkResult:
    """Extraction and RDF of a few articles (runs in a worker process, or a Dask worker)."""
    from .extract import extract
    from .rdf import extraction_quads

    nquads: list[bytes] = []
    union: list[bytes] = []
    results: list[ArticleResult] = []
    nlp = rdf = 0.0
    for article in articles:
        iri = article_iri(article.id)
        t0 = time.thread_time()  # CPU, not wall: on a busy machine the wall clock says little
        try:
            extraction = extract(article)
            t1 = time.thread_time()
            mine = extraction_quads(extraction)
            data = serialize(mine, format=RdfFormat.N_QUADS) or b""
            lines = union_lines(data, iri)
        except Exception as e:  # one article's failure must not stop the batch
            results.append(ArticleResult(iri, error=f"{article.source}: extraction failed: {type(e).__name__}: {e}"))
            continue
        nlp, rdf = nlp + t1 - t0, rdf + time.thread_time() - t1
        nquads.append(data)
        union.append(lines)
        results.append(ArticleResult(iri, triples=len(mine)))
    return ChunkResult(results, b"".join(nquads), b"".join(union), {"nlp": nlp, "rdf": rdf})


def stored_hashes(store: Store) -> dict[str, str]:
    """Every stored article's content hash by article IRI, read in one pass over one index."""
    hashes: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, kg("contentHash"), None, None):
        if quad.subject == quad.graph_name:
            hashes[quad.subject.value] = quad.object.value
    return hashes


class Writer:
    """Batches of articles' N-Quads, handed to `write` when a batch is full.

    `write` runs in a thread, one batch at a time, while the next batch fills; `flush` waits for
    the batch before it, so at most two are in memory, and an error in one surfaces at the next.
    """

    def __init__(self) -> None:
        self.seconds = 0.0
        self._parts: list[bytes] = []
        self._union: list[bytes] = []
        self._size = 0
        self._iris: list[str] = []
        self._replacing: list[str] = []
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")
        self._writing: Future | None = None

    def put(self, iri: str, replacing: bool, nquads: bytes = b"", union: bytes = b"") -> None:
        """Queue one article (a chunk's N-Quads come with its first article)."""
        self._iris.append(iri)
        if replacing:
            self._replacing.append(iri)
        if nquads:
            self._parts.append(nquads)
            self._union.append(union)
            self._size += len(nquads) + len(union)

    def full(self) -> bool:
        return len(self._iris) >= BATCH_ARTICLES or self._size >= BATCH_BYTES

    def flush(self, wait: bool = False) -> None:
        """Start writing the batch; with `wait`, return once everything queued is written."""
        if self._iris:
            self.wait()
            batch = (b"".join(self._parts), b"".join(self._union), self._iris, self._replacing)
            self._parts, self._union, self._size, self._iris, self._replacing = [], [], 0, [], []
            self._writing = self._thread.submit(self._timed_write, *batch)
        if wait:
            self.wait()

    def wait(self) -> None:
        if self._writing is not None:
            writing, self._writing = self._writing, None
            writing.result()

    def close(self) -> None:
        self._thread.shutdown(wait=True)

    def _timed_write(self, data: bytes, union: bytes, iris: list[str], replacing: list[str]) -> None:
        started = time.perf_counter()
        self.write(data, union, iris, replacing)
        self.seconds += time.perf_counter() - started

    def write(self, data: bytes, union: bytes, iris: list[str], replacing: list[str]) -> None:
        raise NotImplementedError


class StoreWriter(Writer):
    """The single writer into the store, by bulk load or transaction (see the module's docstring)."""

    def __init__(self, graph: KnowledgeGraph, bulk: bool = True):
        super().__init__()
        self.graph = graph
        self.bulk = bulk

    def write(self, data: bytes, union: bytes, iris: list[str], replacing: list[str]) -> None:
        store, path = self.graph.store, self.graph.path
        try:
            drop_graphs(store, (NamedNode(iri) for iri in replacing), path)
            if not self.bulk:
                store.load(data + union, format=RdfFormat.N_QUADS)  # one transaction
                return
            with mending(path, union, sync=False):
                if path is not None:
                    write_journal(path, iris)
                store.bulk_load(data + union, format=RdfFormat.N_QUADS)
                self.graph._flush()
                if path is not None:
                    (path / JOURNAL).unlink()
        except OSError as e:
            from .graph import StoreError, _write_failure

            raise StoreError(_write_failure(path, e)) from e


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
    bulk: bool = True,
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
        if graph.recovered:
            report.warnings.append(f"{len(graph.recovered)} articles of an interrupted bulk build were dropped "
                                   f"and are being rebuilt")
            graph.recovered = []
        known = stored_hashes(graph.store)
        writer = writer or StoreWriter(graph, bulk)
    assert writer is not None, "give a graph or a writer"
    stored_before = set(known) if prune else set()
    seen: set[str] = set()
    read_errors = 0
    stages = {"read": 0.0, "nlp": 0.0, "rdf": 0.0, "store": 0.0, "wait": 0.0, "compact": 0.0}
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
                writer.flush(wait=True)
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
        writer.flush(wait=True)
    finally:
        pool.shutdown(cancel_futures=True)
        writer.close()  # a batch still loading finishes before the store can close
    if graph is not None:
        if prune:
            _prune(graph, stored_before - seen, read_errors, report)
        graph._flush()
        if bulk and report.articles >= COMPACT_SHARE * len(known):
            t0 = time.perf_counter()
            graph.compact()
            stages["compact"] = time.perf_counter() - t0
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
        writer.put(outcome.iri, was_there, *((result.nquads, result.union) if first else ()))
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
    doomed = sorted(gone)
    for start in range(0, len(doomed), BATCH_ARTICLES):  # each step holds one batch's triples
        drop_graphs(graph.store, (NamedNode(iri) for iri in doomed[start:start + BATCH_ARTICLES]), graph.path)
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
