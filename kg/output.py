"""Writing SPARQL results: a readable table for people, standard formats for programs."""
from __future__ import annotations

from typing import IO

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

from .namespaces import PREFIXES

RESULT_FORMATS = {
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
}


def term_text(term: object) -> str:
    """A term as a person reads it: literals bare, IRIs shortened with kg's prefixes."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def write_results(results: object, fmt: str, out: IO[bytes]) -> None:
    if isinstance(results, QueryBoolean):
        if fmt in RESULT_FORMATS:
            results.serialize(out, RESULT_FORMATS[fmt])
        else:
            out.write(b"true\n" if bool(results) else b"false\n")
        return
    if isinstance(results, QuerySolutions):
        if fmt in RESULT_FORMATS:
            results.serialize(out, RESULT_FORMATS[fmt])
        else:
            out.write(render_table(results).encode("utf-8"))
        return
    rdf_format = RdfFormat.N_TRIPLES if fmt == "nt" else RdfFormat.TURTLE
    serialize(results, out, rdf_format, prefixes=PREFIXES if rdf_format == RdfFormat.TURTLE else None)


def render_table(solutions: QuerySolutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[term_text(row[name]).replace("\n", " ") for name in names] for row in solutions]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, 60) for w in widths]

    def line(cells: list[str]) -> str:
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
