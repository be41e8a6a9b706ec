"""`KnowledgeGraph`: the public API over a store on disk. The CLI is a thin layer over it.

    from kg import KnowledgeGraph
    graph = KnowledgeGraph.open("kgstore")
    report = graph.add(read_articles(["data/samples"]))
    for row in graph.query("SELECT ?p WHERE { ?p a kg:Person }"):
        print(row["p"])
    graph.export("ttl", "out/kg.ttl")

A store directory holds Oxigraph's files (`oxigraph/`) and a lock file naming the process that
writes. One writer at a time; any number of readers (`read_only=True`) see the last committed state.
Articles are written in batches by Oxigraph's bulk loader; a batch that a crash cuts short is
dropped by the next writer to open the store, and rebuilt by the next build (`kg.parallel` says
more, and what `bulk=False`, one transaction per batch, changes).
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pyoxigraph import DefaultGraph, NamedNode, Quad, QueryBoolean, QuerySolutions, RdfFormat, Store, serialize

from .article import Article
from .ingest import InputError
from .iris import article_iri
from .jsonld import write_jsonld
from .namespaces import ENTITY_CLASSES, KG, PREFIXES, RDF_TYPE, kg
from .query_guard import too_complex
from .union import drop_graphs, named_quads, rebuild_union, recover, with_union

DEFAULT_STORE = "kgstore"

EXPORT_FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
#: Formats without named graphs get the union of all article graphs.
DATASET_FORMATS = {"trig", "nq", "jsonld"}


class StoreError(Exception):
    """A store that cannot be opened or written; the message says what to do."""


@dataclass
class BuildReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removed: int = 0  # by --prune
    stages: dict[str, float] = field(default_factory=dict)  # seconds per build stage (kg.parallel)

    @property
    def articles(self) -> int:
        return self.added + self.replaced

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        parts = [f"{self.articles} articles built ({self.added} new, {self.replaced} replaced)",
                 f"{self.unchanged} unchanged", f"{self.failed} failed", f"{self.triples} triples",
                 f"{self.seconds:.1f} s ({rate:.0f} articles/s)"]
        if self.removed:
            parts.insert(2, f"{self.removed} removed")
        return ", ".join(parts)


def store_path(path: str | os.PathLike | None) -> Path:
    """The store directory: the argument, else $KG_STORE, else ./kgstore."""
    return Path(path or os.environ.get("KG_STORE") or DEFAULT_STORE)


class KnowledgeGraph:
    """A knowledge graph on disk."""

    def __init__(self, store: Store, path: Path | None, lock: IO[str] | None = None, read_only: bool = False):
        self.store = store
        self.path = path
        self.read_only = read_only
        self._lock = lock
        #: Articles of a bulk load that died midway, dropped on opening (the next build adds them).
        self.recovered: list[str] = []

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, read_only: bool = False) -> KnowledgeGraph:
        """Open (or create) the store at `path`; `read_only` opens a snapshot beside a running writer."""
        root = store_path(path)
        data = root / "oxigraph"
        if read_only:
            if not data.exists():
                raise StoreError(f"{root}: no kg store here; build one first with `kg build PATH --store {root}`")
            try:
                return cls(_snapshot(data), root, read_only=True)
            except (OSError, RuntimeError) as e:
                raise StoreError(f"{root}: cannot open the store for reading: {e}; if it was copied while a "
                                 "build ran, copy it again") from e
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root}: is a file, not a store directory; choose another --store")
        try:
            root.mkdir(parents=True, exist_ok=True)
            lock = (root / "kg.lock").open("a+")
        except OSError as e:
            raise StoreError(f"{root}: cannot create or write the store: {e.strerror or e}; check the directory's "
                             "permissions and free space, or choose another --store") from e
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            lock.close()
            raise StoreError(f"{root}: store is being written by {holder}; wait for it to finish "
                             f"or use another --store (readers such as `kg query` work meanwhile)") from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}")
        lock.flush()
        try:
            if not data.exists():
                _create_store(data)
            store = Store(str(data))
        except (OSError, RuntimeError) as e:
            lock.close()
            raise StoreError(f"{root}: cannot open the store: {e}") from e
        try:
            recovered = recover(store, root)
        except OSError as e:
            lock.close()
            raise StoreError(_write_failure(root, e)) from e
        graph = cls(store, root, lock)
        graph.recovered = recovered
        return graph

    @classmethod
    def in_memory(cls) -> KnowledgeGraph:
        """A graph with no files, for tests and one-off conversions."""
        return cls(Store(), None)

    def close(self) -> None:
        try:
            if not self.read_only:
                self._flush()
        finally:
            if self._lock is not None:
                self._lock.close()
                self._lock = None

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            self.close()
        except StoreError:
            if exc_type is None:
                raise  # else the error already in flight (usually the same disk failure) says it first

    def compact(self) -> None:
        """Merge the store's files (after big bulk loads): queries read fewer of them. O(store)."""
        try:
            self.store.optimize()
        except OSError as e:
            raise StoreError(_write_failure(self.path, e)) from e

    def _flush(self) -> None:
        try:
            self.store.flush()
        except OSError as e:
            raise StoreError(_write_failure(self.path, e)) from e

    # ------------------------------------------------------------------ writing

    def add(
        self,
        articles: Iterable[Article | InputError],
        *,
        on_error: str = "skip",
        progress: Callable[[int], None] | None = None,
        workers: int = 1,
        prune: bool = False,
        bulk: bool = True,
    ) -> BuildReport:
        """Extract and store articles; unchanged ones (same content hash) are skipped.

        Articles are extracted in `workers` processes and written in batches with Oxigraph's bulk
        loader (a batch cut short by a crash is dropped by the next writer and rebuilt); with
        `bulk=False` each batch is one transaction instead, slower (see kg.parallel). `prune` removes stored articles
        absent from `articles`. With `on_error="fail"` the first unreadable input stops the build
        before anything is written.
        """
        from .parallel import build

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it without read_only to build")
        items: Iterable[Article | InputError] = articles
        if on_error == "fail":
            items = _fail_fast(articles)
        return build(self, items, BuildReport(), workers=workers, progress=progress, prune=prune, bulk=bulk)

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Write ready-made quads of article graphs, and their union, in one transaction."""
        self.store.extend(with_union(quads))

    def content_hash(self, article_id: str) -> str | None:
        """The stored content hash of an article, or None if it is not in the store."""
        node = NamedNode(article_iri(article_id))
        for quad in self.store.quads_for_pattern(node, kg("contentHash"), None, node):
            return quad.object.value
        return None

    def remove(self, article_id: str) -> bool:
        """Remove an article and every fact it contributed; False if it was not there."""
        graph = NamedNode(article_iri(article_id))
        if not self.store.contains_named_graph(graph):
            return False
        drop_graphs(self.store, [graph], self.path)
        self._flush()
        return True

    def load(self, source: str | os.PathLike | IO[bytes], fmt: str | None = None) -> int:
        """Load RDF from a file (ttl, trig, nt, nq, jsonld, rdf/xml); returns the number of quads added."""
        before = len(self.store)
        rdf_format = EXPORT_FORMATS[fmt] if fmt else None
        if isinstance(source, (str, os.PathLike)):
            # pyoxigraph reads a str `input` as RDF text, so a file name must go in as `path`.
            rdf_format = rdf_format or RdfFormat.from_extension(Path(source).suffix.lstrip("."))
            self.store.load(path=str(source), format=rdf_format)
        else:
            self.store.load(source, format=rdf_format)
        rebuild_union(self.store)
        self.store.flush()
        return len(self.store) - before

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, **kwargs: Any) -> QuerySolutions | QueryBoolean | Iterator:
        """Run a SPARQL query over the union of all article graphs; kg's prefixes are predeclared."""
        reason = too_complex(sparql)
        if reason:  # past these limits the query engine overflows its stack and kills the process
            raise SyntaxError(reason)
        # The default graph is the union of the article graphs, kept by the writer (kg/union.py).
        return self.store.query(sparql, prefixes=PREFIXES, **kwargs)

    def articles(self) -> list[str]:
        """IRIs of the stored articles."""
        return sorted(g.value for g in self.store.named_graphs())

    def export(self, fmt: str = "ttl", output: str | os.PathLike | IO[bytes] | None = None,
               graph: str | None = None) -> bytes | None:
        """Serialise the store (or one article's graph) as ttl, trig, nt, nq, jsonld or rdfxml.

        Formats without named graphs (ttl, nt, rdfxml) get the union of all articles.
        """
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        rdf_format = EXPORT_FORMATS[fmt]
        prefixes = PREFIXES if fmt in ("ttl", "trig", "jsonld", "rdfxml") else None
        if graph is not None:
            node = NamedNode(article_iri(graph))
            if not self.store.contains_named_graph(node):
                raise StoreError(f"no article {graph!r} in {self.path}; `kg stats` lists the articles")
            if fmt == "jsonld":  # with an @context of kg's prefixes (kg/jsonld.py)
                return write_jsonld(self.store.quads_for_pattern(None, None, None, node), output)
            if fmt in DATASET_FORMATS:
                quads = self.store.quads_for_pattern(None, None, None, node)
                return serialize(quads, output, rdf_format, prefixes=prefixes)
            return self.store.dump(output, rdf_format, from_graph=node, prefixes=prefixes)
        if fmt == "jsonld":
            return write_jsonld(named_quads(self.store), output)
        if fmt in DATASET_FORMATS:  # the article graphs; a reader's store makes its own union
            return serialize(named_quads(self.store), output, rdf_format, prefixes=prefixes)
        # The default graph is the union of the articles, plus the plain triples `kg import` put there.
        return self.store.dump(output, rdf_format, from_graph=DefaultGraph(), prefixes=prefixes)

    def stats(self) -> dict[str, Any]:
        """Articles, entities per class, triples per property."""
        classes = {c: 0 for c in ENTITY_CLASSES}
        for row in self.query("SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c"):
            name = row["c"].value.removeprefix(KG)
            if name in classes:
                classes[name] = int(row["n"].value)
        properties: Counter[str] = Counter()
        for row in self.query("SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"):
            properties[_short(row["p"].value)] = int(row["n"].value)
        articles = sum(1 for _ in self.store.quads_for_pattern(None, RDF_TYPE, kg("Article"), DefaultGraph()))
        return {"articles": articles, "entities": classes, "quads": sum(properties.values()),
                "properties": dict(properties.most_common())}


def _snapshot(data: Path, attempts: int = 40) -> Store:
    """A read-only store, opened again if a writer deleted a file it named meanwhile (for up to 2 s)."""
    for attempt in range(attempts):
        try:
            return Store.read_only(str(data))
        except (OSError, RuntimeError):
            # A compaction or bulk load removed a file between RocksDB reading the manifest and
            # opening the file: the next attempt reads the new manifest.
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


def _create_store(data: Path) -> None:
    """A new, empty Oxigraph store at `data`, which appears whole or not at all."""
    # Killed while RocksDB lays out a new store, a build would leave a directory no reader can
    # open ("column family not found"); laying it out aside and renaming it into place avoids that.
    fresh = data.with_name(data.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    store = Store(str(fresh))
    store.flush()
    del store
    fresh.rename(data)


def _write_failure(root: Path | None, error: OSError) -> str:
    return (f"{root}: cannot write the store ({error}); free disk space or make it writable, then run the "
            "same `kg build` again: the articles already built are kept and the rest are added")


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _fail_fast(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
    """Read the whole input first and refuse it if anything in it is unreadable."""
    collected = list(items)
    errors = [i for i in collected if isinstance(i, InputError)]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise StoreError(f"{errors[0]}{more}; nothing was built (--on-error fail)")
    return iter(collected)
