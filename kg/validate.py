"""`kg validate`: check a store against the SHACL shapes of the ontology's contract (pyshacl).

The shapes (`ontologies/shapes.ttl`) are checked on the union of the article graphs, the view that
queries get. Each violation is reported with its focus node, the property and value at fault,
the message of the shape, and the articles that state the focus node, so that it can be traced
back to the extraction.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
import rdflib
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat
from rdflib.namespace import SH

from .graph import KnowledgeGraph
from .namespaces import PREFIXES
from .output import term_text

SHAPES = Path(__file__).resolve().parent.parent / "ontologies" / "shapes.ttl"
ARTICLE_PREFIX = "https://w3id.org/kgnews/id/article/"


@dataclass
class Violation:
    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str
    articles: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        where = term_text(NamedNode(self.focus)) if self.focus.startswith(("http:", "https:")) else self.focus
        detail = f" {self.path}" if self.path else ""
        if self.value:
            detail += f" = {self.value}"
        sources = f"  [in {', '.join(self.articles)}]" if self.articles else ""
        return f"{self.severity}: {where}{detail}: {_shorten(self.message)}{sources}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation]
    triples: int
    seconds: float

    def summary(self) -> str:
        verdict = "conforms" if self.conforms else f"{len(self.violations)} violation(s)"
        return f"{self.triples} triples checked against {SHAPES.name} in {self.seconds:.1f} s: {verdict}"


def _shorten(text: str) -> str:
    """IRIs in a shape's message written with kg's prefixes, as everywhere else in the report."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        text = text.replace(ns, prefix + ":")
    return text


def validate(graph: KnowledgeGraph, shapes: Path = SHAPES) -> ValidationReport:
    """Validate the union of the store's graphs against `shapes`."""
    started = time.perf_counter()
    data = rdflib.Graph()
    union = graph.store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())  # kg/union.py
    data.parse(data=union, format="nt")
    shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
    conforms, results, text = pyshacl.validate(data, shacl_graph=shapes_graph, advanced=True,
                                               allow_warnings=True)
    if not isinstance(results, rdflib.Graph):  # the shapes themselves are broken
        raise ValueError(f"{shapes}: {text}")
    violations = [_violation(results, node, graph) for node in results.subjects(rdflib.RDF.type, SH.ValidationResult)]
    violations.sort(key=lambda v: (v.shape, v.focus, v.path or "", v.value or ""))
    return ValidationReport(bool(conforms), violations, len(data), time.perf_counter() - started)


def _violation(results: rdflib.Graph, node: rdflib.term.Node, graph: KnowledgeGraph) -> Violation:
    def one(prop):
        return results.value(node, prop)

    def show(term) -> str | None:
        if term is None:
            return None
        if isinstance(term, rdflib.URIRef):
            return term_text(NamedNode(str(term)))
        if isinstance(term, rdflib.BNode):
            return "_:" + str(term)
        return repr(str(term))

    focus = one(SH.focusNode)
    shape = one(SH.sourceShape)
    severity = str(one(SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
    articles: list[str] = []
    if isinstance(focus, rdflib.URIRef):
        seen = {q.graph_name.value for q in graph.store.quads_for_pattern(NamedNode(str(focus)), None, None, None)
                if isinstance(q.graph_name, NamedNode)}
        articles = sorted(g.removeprefix(ARTICLE_PREFIX) for g in seen)
    path = one(SH.resultPath)
    return Violation(
        severity=severity,
        focus=str(focus),
        path=show(path) if not isinstance(path, rdflib.BNode) else "(path)",
        value=show(one(SH.value)),
        message=str(one(SH.resultMessage) or "constraint not met"),
        shape=show(shape) if isinstance(shape, rdflib.URIRef) else "(anonymous shape)",
        articles=articles,
    )
