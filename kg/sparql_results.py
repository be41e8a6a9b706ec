"""SPARQL results over HTTP: content negotiation and serialisation with a cap on the rows.

SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle, N-Triples,
JSON-LD or RDF/XML. The media type comes from the `Accept` header (q-values honoured) or from a
`format` parameter, as SPARQLWrapper and YASGUI send it.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from .namespaces import PREFIXES

SOLUTION_TYPES: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
#: Short names accepted in a `format` (or `output`) parameter.
FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
    "ntriples": "application/n-triples", "n-triples": "application/n-triples",
    "json-ld": "application/ld+json", "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
}
#: A name in a `format` parameter that means another type for graphs than for solutions.
GRAPH_ALIASES = {"application/sparql-results+json": "application/ld+json", "application/json": "application/ld+json",
                 "application/sparql-results+xml": "application/rdf+xml"}


@dataclass
class Reply:
    """What the HTTP layer sends back: picklable, so that a worker process can return it."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def error_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def parse_accept(header: str | None) -> list[str]:
    """Media types of an Accept header, best first; `*/*` and `type/*` kept as written."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, position, media))
    return [media for _, _, media in sorted(ranked)] or ["*/*"]


def preferences(accept: str | None, format_param: str | None) -> list[str]:
    """The client's wishes in order: an explicit `format` parameter first, then Accept."""
    wanted = parse_accept(accept)
    if format_param:
        name = format_param.strip().lower()
        wanted.insert(0, FORMAT_NAMES.get(name, name))
    return wanted


def choose(wanted: list[str], offered: dict[str, object], default: str, graph: bool = False) -> str | None:
    """The first offered media type the client accepts, or None (406)."""
    for media in wanted:
        if graph:
            media = GRAPH_ALIASES.get(media, media)
        if media in offered:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
    return None


def not_acceptable(offered: Iterable[str]) -> Reply:
    return error_reply(406, "none of the requested media types can be produced; this result can be sent as "
                       + ", ".join(offered))


def serialize_results(results: object, wanted: list[str], max_rows: int) -> Reply:
    """Serialise a pyoxigraph query result as the client prefers, cut at `max_rows` rows or triples."""
    if isinstance(results, QueryBoolean):
        media = choose(wanted, SOLUTION_TYPES, "application/sparql-results+json")
        if media is None:
            return not_acceptable(SOLUTION_TYPES)
        return Reply(200, _with_charset(media), results.serialize(format=SOLUTION_TYPES[media]))
    if isinstance(results, QuerySolutions):
        media = choose(wanted, SOLUTION_TYPES, "application/sparql-results+json")
        if media is None:
            return not_acceptable(SOLUTION_TYPES)
        body, truncated = _solutions(results, SOLUTION_TYPES[media], max_rows)
        return Reply(200, _with_charset(media), body, _truncation(truncated, max_rows))
    media = choose(wanted, GRAPH_TYPES, "text/turtle", graph=True)
    if media is None:
        return not_acceptable(GRAPH_TYPES)
    triples: list[Triple] = []
    truncated = False
    for triple in results:  # type: ignore[attr-defined]
        if len(triples) == max_rows:
            truncated = True
            break
        triples.append(triple)
    rdf_format = GRAPH_TYPES[media]
    prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None
    body = serialize(triples, format=rdf_format, prefixes=prefixes)
    return Reply(200, _with_charset(media), body, _truncation(truncated, max_rows))


def _solutions(solutions: QuerySolutions, fmt: QueryResultsFormat, max_rows: int) -> tuple[bytes, bool]:
    # pyoxigraph serialises a whole result and cannot be told to stop, so the capped rows are
    # written as SPARQL JSON here and, for the other formats, re-read and serialised by pyoxigraph.
    names = [v.value for v in solutions.variables]
    bindings = []
    truncated = False
    for solution in solutions:
        if len(bindings) == max_rows:
            truncated = True
            break
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = _json_term(term)
        bindings.append(row)
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == QueryResultsFormat.JSON:
        return body, truncated
    reparsed = parse_query_results(body, format=QueryResultsFormat.JSON)
    return reparsed.serialize(format=fmt), truncated


def _json_term(term: object) -> dict[str, object]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def _with_charset(media: str) -> str:
    return media if media.endswith("json") or "xml" in media else media + "; charset=utf-8"


def _truncation(truncated: bool, max_rows: int) -> dict[str, str]:
    # Virtuoso's convention: a capped result is still a valid result, flagged in a header.
    return {"X-Result-Truncated": "true", "X-Max-Rows": str(max_rows)} if truncated else {}
