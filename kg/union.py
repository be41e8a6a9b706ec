"""The default graph holds the union of all article graphs, kept by kg as articles come and go.

Why not let the engine compute the union at query time (`use_default_graph_as_union`)? In
pyoxigraph 0.5 that union is a multiset: a triple stated by N articles comes back N times, and
an entity's rdf:type and rdfs:label are stated by every article that names it, so joins grow as
N^k on a news archive (oxigraph issue #1919). A materialised union is a set, so queries see each
triple once, and a Turtle export is a plain dump of the default graph.

Every write adds the article's triples to the default graph in the same transaction as its named
graph; removing an article removes from the union only the triples no other article states.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store, Triple

DEFAULT = DefaultGraph()
#: Present in a store directory while articles are being dropped; a writer that finds it (the
#: dropping process died midway) mends the union before anything else.
MENDING = "kg.union-mending"


def with_union(quads: Iterable[Quad]) -> list[Quad]:
    """The quads plus their triples in the default graph, to be written in one transaction."""
    out = list(quads)
    out += [Quad(q.subject, q.predicate, q.object, DEFAULT) for q in out if not isinstance(q.graph_name, DefaultGraph)]
    return out


def drop_graph(store: Store, graph: NamedNode) -> None:
    """Remove an article's graph, and from the union the triples that only it stated."""
    triples = [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)]
    store.remove_graph(graph)
    for s, p, o in triples:
        if not any(not isinstance(q.graph_name, DefaultGraph) for q in store.quads_for_pattern(s, p, o, None)):
            store.remove(Quad(s, p, o, DEFAULT))


@contextmanager
def dropping(store_dir: Path | None) -> Iterator[None]:
    """Around drop_graph calls: dropping is several transactions, so a crash inside is marked."""
    if store_dir is None:
        yield
        return
    marker = store_dir / MENDING
    with open(marker, "w") as f:
        f.flush()
        os.fsync(f.fileno())
    yield
    marker.unlink()


def mend_if_interrupted(store: Store, store_dir: Path) -> bool:
    """Make the default graph the union of the article graphs again after a crash while dropping."""
    marker = store_dir / MENDING
    if not marker.exists():
        return False
    mend(store)
    marker.unlink()
    return True


def mend(store: Store) -> None:
    """Recompute the union from the article graphs (O(store); only after a crash)."""
    store.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    rebuild_union(store)
    store.flush()


def rebuild_union(store: Store) -> None:
    """Add every named graph's triples to the default graph (after a bulk load or an import)."""
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def plain_triples(store: Store) -> list[Triple]:
    """Triples of the default graph that no article graph states (put there by `kg import`)."""
    rows = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    return [Triple(row["s"], row["p"], row["o"]) for row in rows]


def named_quads(store: Store, graph: NamedNode | None = None) -> Iterable[Quad]:
    """The quads of the article graphs (or of one), without the union's copies."""
    for quad in store.quads_for_pattern(None, None, None, graph):
        if not isinstance(quad.graph_name, DefaultGraph):
            yield quad
