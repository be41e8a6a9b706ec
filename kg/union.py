"""The default graph holds the union of all article graphs, kept by kg as articles come and go.

Why not let the engine compute the union at query time (`use_default_graph_as_union`)? In
pyoxigraph 0.5 that union is a multiset: a triple stated by N articles comes back N times, and
an entity's rdf:type and rdfs:label are stated by every article that names it, so joins grow as
N^k on a news archive (oxigraph issue #1919). A materialised union is a set, so queries see each
triple once, and a Turtle export is a plain dump of the default graph.

Every write adds the article's triples to the default graph with its named graph; removing an
article removes from the union only the triples no other article states.

Writes that are not one transaction (dropping graphs, bulk loads) first list, in the file
MENDING, the union triples they may leave unbacked if they die; the next writer that opens the
store checks just those (`recover`), so recovery costs what the interrupted batch cost.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

from .files import write_whole

DEFAULT = DefaultGraph()
#: Present in a store directory while a write that is not one transaction runs: the N-Triples of
#: the union triples to check again if it dies.
MENDING = "kg.union-mending"
#: Present while a bulk load runs: the article graphs it writes, one IRI a line, to drop if it dies.
JOURNAL = "kg.pending"


def with_union(quads: Iterable[Quad]) -> list[Quad]:
    """The quads plus their triples in the default graph, to be written in one transaction."""
    out = list(quads)
    out += [Quad(q.subject, q.predicate, q.object, DEFAULT) for q in out if not isinstance(q.graph_name, DefaultGraph)]
    return out


def union_lines(nquads: bytes, graph: str) -> bytes:
    """One article graph's N-Quads (as pyoxigraph writes them) as N-Triples for the default graph.

    Cutting the graph name off each line is exact: every line of the article's N-Quads ends with
    it, and a literal cannot end a line because N-Quads escapes line breaks inside literals.
    """
    suffix = f" <{graph}> .\n".encode()
    if nquads.count(b"\n") != nquads.count(suffix):
        raise ValueError(f"N-Quads of {graph} hold quads of another graph")
    return nquads.replace(suffix, b" .\n")


def drop_graphs(store: Store, graphs: Iterable[NamedNode], store_dir: Path | None) -> None:
    """Remove article graphs, and from the union the triples that only they stated."""
    graphs = list(graphs)
    if not graphs:
        return
    triples = [Triple(q.subject, q.predicate, q.object)
               for graph in graphs for q in store.quads_for_pattern(None, None, None, graph)]
    with mending(store_dir, triples):
        for graph in graphs:
            store.remove_graph(graph)
        recheck(store, triples)


def recheck(store: Store, triples: Iterable[Triple]) -> None:
    """Remove from the union each of `triples` that no article graph states any more."""
    for t in triples:
        if not any(not isinstance(q.graph_name, DefaultGraph)
                   for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(Quad(t.subject, t.predicate, t.object, DEFAULT))


@contextmanager
def mending(store_dir: Path | None, triples: Iterable[Triple] | bytes, sync: bool = True) -> Iterator[None]:
    """Around a write that is not one transaction: lists `triples` (or N-Triples) in MENDING meanwhile.

    `sync=False` for a bulk load's tens of MB: the file then survives the process (kill -9), not
    the machine; after a power cut an unreadable list makes `recover` mend the whole union.
    """
    if store_dir is None:
        yield
        return
    data = triples if isinstance(triples, bytes) else serialize(triples, format=RdfFormat.N_TRIPLES) or b""
    write_whole(store_dir / MENDING, data, sync)
    yield
    (store_dir / MENDING).unlink()


def write_journal(store_dir: Path, iris: list[str]) -> None:
    write_whole(store_dir / JOURNAL, "\n".join(iris).encode(), sync=True)


def recover(store: Store, store_dir: Path) -> list[str]:
    """Undo what a writer that died left half-done; returns the IRIs of the articles it dropped.

    The articles of an interrupted bulk load are dropped whole (the next build adds them again),
    then the union triples listed in MENDING are checked against the article graphs.
    """
    journal, marker = store_dir / JOURNAL, store_dir / MENDING
    dropped = journal.read_text(encoding="utf-8").split() if journal.exists() else []
    for iri in dropped:
        store.remove_graph(NamedNode(iri))
    if marker.exists():
        try:
            triples = list(parse(path=str(marker), format=RdfFormat.N_TRIPLES))
        except SyntaxError:  # cut short by a power failure: check the whole union instead
            mend(store)
        else:
            recheck(store, triples)
    if dropped or marker.exists():
        store.flush()
    marker.unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    return dropped


def mend(store: Store) -> None:
    """Recompute the union from the article graphs (O(store): only when MENDING is unreadable)."""
    store.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    rebuild_union(store)


def rebuild_union(store: Store) -> None:
    """Add every named graph's triples to the default graph (after an import)."""
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
