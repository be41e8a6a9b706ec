"""`kg describe NAME`: an entity, its relations, and the sentences behind them.

The name is matched against labels and alternative labels (case- and accent-insensitive, in
Python, so that the user's text never becomes SPARQL syntax); every statement about a matching
node is listed with the sentence that states it and the article it comes from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Variable

from .graph import KnowledgeGraph
from .iris import normalize

_NODES = """
SELECT DISTINCT ?node ?label ?type WHERE {
  ?node rdfs:label|skos:altLabel ?label ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(kg:)))
}"""

_STATEMENTS = """
SELECT ?node ?dir ?prop ?other ?otherLabel ?text ?article ?role ?amount ?currency WHERE {
  { ?st rdf:subject ?node ; rdf:object ?other . BIND("out" AS ?dir) }
  UNION
  { ?st rdf:object ?node ; rdf:subject ?other . BIND("in" AS ?dir) }
  ?st a kg:Statement ; rdf:predicate ?prop ; kg:evidence ?sentence ; kg:inArticle ?article .
  ?sentence kg:text ?text .
  OPTIONAL { ?other rdfs:label ?otherLabel }
  OPTIONAL { ?st kg:role ?role }
  OPTIONAL { ?st kg:amount ?amount }
  OPTIONAL { ?st kg:currency ?currency }
}"""

_FACTS = """
SELECT ?node ?p ?o WHERE { ?node ?p ?o . FILTER(?p IN (kg:startDate, kg:endDate, owl:sameAs, kg:country)) }"""


@dataclass
class Fact:
    prop: str
    direction: str           # "out": NAME prop OTHER; "in": OTHER prop NAME
    other: str
    sentence: str
    article: str
    details: dict[str, str] = field(default_factory=dict)


@dataclass
class Description:
    iri: str
    cls: str
    labels: list[str]
    attributes: dict[str, list[str]]
    facts: list[Fact]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def find_nodes(graph: KnowledgeGraph, name: str) -> dict[str, tuple[str, set[str]]]:
    """Nodes whose label or alternative label is `name` (else contains it): IRI -> (class, labels)."""
    wanted = normalize(name)
    exact: dict[str, tuple[str, set[str]]] = {}
    partial: dict[str, tuple[str, set[str]]] = {}
    labels: dict[str, set[str]] = {}
    for row in graph.query(_NODES):
        iri, label, cls = row["node"].value, row["label"].value, _local(row["type"].value)
        labels.setdefault(iri, set()).add(label)
        if normalize(label) == wanted:
            exact[iri] = (cls, labels[iri])
        elif wanted and wanted in normalize(label):
            partial[iri] = (cls, labels[iri])
    return exact or partial


def describe(graph: KnowledgeGraph, name: str) -> list[Description]:
    """Everything the graph says about the entities called `name`, with its evidence."""
    out = []
    for iri, (cls, labels) in sorted(find_nodes(graph, name).items()):
        node = NamedNode(iri)
        found: dict[tuple[str, ...], Fact] = {}
        for row in graph.query(_STATEMENTS, substitutions={Variable("node"): node}):
            other = row["otherLabel"].value if row["otherLabel"] else _local(row["other"].value)
            details = {k: row[k].value for k in ("role", "amount", "currency") if row[k] is not None}
            key = (row["prop"].value, row["dir"].value, row["other"].value, row["text"].value, row["article"].value)
            fact = Fact(_local(row["prop"].value), row["dir"].value, other, row["text"].value,
                        _local(row["article"].value), details)
            # a node labelled in several articles comes back once per label: keep the first label
            if key not in found or other < found[key].other:
                found[key] = fact
        facts = list(found.values())
        attributes: dict[str, list[str]] = {}
        for row in graph.query(_FACTS, substitutions={Variable("node"): node}):
            values = attributes.setdefault(_local(row["p"].value), [])
            if row["o"].value not in values:   # the same fact stated by several articles
                values.append(row["o"].value)
        facts.sort(key=lambda f: (f.prop, f.direction, f.other, f.article, f.sentence))
        out.append(Description(iri, cls, sorted(labels), attributes, facts))
    return out


def format_description(d: Description) -> str:
    lines = [f"{d.labels[0]}  ({d.cls})  <{d.iri}>"]
    if len(d.labels) > 1:
        lines.append("  also: " + "; ".join(d.labels[1:]))
    for key, values in sorted(d.attributes.items()):
        lines.append(f"  {key}: {', '.join(sorted(values))}")
    for f in d.facts:
        arrow = f"{f.prop} -> {f.other}" if f.direction == "out" else f"{f.other} {f.prop} -> (this)"
        extra = ", ".join(f"{k} {v}" for k, v in f.details.items())
        lines.append(f"  {arrow}" + (f"  [{extra}]" if extra else ""))
        lines.append(f"      \"{' '.join(f.sentence.split())}\"  ({f.article})")
    return "\n".join(lines)
