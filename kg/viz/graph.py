"""The store as a networkx graph: one node per entity, one edge per stated relation.

Node attributes: label, cls, names (every name it goes by), countries (country IRIs),
articles (IRIs of the articles that mention it), dates (publication dates of those articles,
ISO strings), start (an event's start date). Edge attributes: prop (the kg property's local
name), evidence (list of {"text", "article"}: the sentences that state it), role, amount,
currency. The graph's `articles` attribute maps each article IRI to {title, url, published}.
Directions are RDF's (subject -> object); the page decides how to draw them.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, QueryTriples

from ..graph import KnowledgeGraph
from ..iris import normalize
from ..model import RELATION_PROPERTIES
from ..namespaces import DATA, ENTITY_CLASSES, KG, RDF, RDFS, SKOS

RELATION_VALUES = " ".join(f"kg:{p}" for p in (*RELATION_PROPERTIES, "country"))
CLASS_VALUES = " ".join(f"kg:{c}" for c in ENTITY_CLASSES)

# Each article's graph types and labels its entities again: DISTINCT and GROUP BY keep one row
# per fact instead of one per (type, label) pair of every article.
ENTITIES = f"SELECT DISTINCT ?e ?c WHERE {{ VALUES ?c {{ {CLASS_VALUES} }} ?e a ?c }}"
LABELS = "SELECT ?e ?label (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e rdfs:label ?label } } GROUP BY ?e ?label"
ALT_NAMES = "SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
ARTICLES = """SELECT ?a ?title ?url ?published WHERE { ?a a kg:Article
  OPTIONAL { ?a kg:title ?title } OPTIONAL { ?a kg:url ?url } OPTIONAL { ?a kg:published ?published } }"""
MENTIONS = "SELECT DISTINCT ?a ?e WHERE { ?a kg:mentions ?e }"
EVENT_DATES = "SELECT ?e (MIN(?date) AS ?start) WHERE { ?e kg:startDate ?date } GROUP BY ?e"
RELATIONS = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {RELATION_VALUES} }} ?s ?p ?o FILTER(isIRI(?o)) }}"
# Matching a statement's parts inside its own article graph is several times faster than in the union.
STATEMENTS = f"""SELECT ?s ?p ?o ?text ?a ?role ?amount ?currency WHERE {{ GRAPH ?a {{
  VALUES ?p {{ {RELATION_VALUES} }}
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?st kg:evidence ?sentence . ?sentence kg:text ?text }}
  OPTIONAL {{ ?st kg:role ?role }} OPTIONAL {{ ?st kg:amount ?amount }} OPTIONAL {{ ?st kg:currency ?currency }} }} }}"""

#: Properties stated both ways in RDF (kg.rdf.SYMMETRIC): one edge is enough on the page.
SYMMETRIC = {"partnerOf"}


class QueryShapeError(ValueError):
    """A --query whose result cannot be drawn (an ASK, or a SELECT with fewer than two columns)."""


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1] or iri
    return iri


def _country_label(iri: str) -> str:
    """A country node that the store never labelled (kg:country of a place): its ISO name."""
    import pycountry

    code = iri.rsplit("/", 1)[-1]
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return country.name if country else code


def entity_table(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Every typed entity of the store as a node with its attributes, and no edges yet."""
    g = nx.MultiDiGraph()
    articles: dict[str, dict[str, str | None]] = {}
    for row in kg.query(ARTICLES):
        articles[row["a"].value] = {"title": _value(row["title"]), "url": _value(row["url"]),
                                    "published": _value(row["published"])}
    g.graph["articles"] = articles
    for row in kg.query(ENTITIES):
        iri = row["e"].value
        if iri not in g:
            g.add_node(iri, cls=row["c"].value.removeprefix(KG), names=set(), countries=set(), articles=set())
    labels: dict[str, dict[str, int]] = defaultdict(dict)
    for row in kg.query(LABELS):
        if row["e"].value in g:
            labels[row["e"].value][row["label"].value] = int(row["n"].value)
    for row in kg.query(ALT_NAMES):
        if row["e"].value in g:
            g.nodes[row["e"].value]["names"].add(row["alt"].value)
    for row in kg.query(MENTIONS):
        if row["e"].value in g:
            g.nodes[row["e"].value]["articles"].add(row["a"].value)
    for row in kg.query(EVENT_DATES):
        if row["e"].value in g:
            g.nodes[row["e"].value]["start"] = row["start"].value
    for iri, attrs in g.nodes(data=True):
        # Articles may each pick a different canonical label: the most frequent one wins, ties alphabetical.
        found = labels.get(iri)
        attrs["label"] = min(found, key=lambda n: (-found[n], n)) if found else _fallback_label(iri, attrs["cls"])
        attrs["names"].update(found or ())
        attrs["names"].add(attrs["label"])
    return g


def _fallback_label(iri: str, cls: str) -> str:
    return _country_label(iri) if cls == "Country" else _local(iri)


def _ensure_node(g: nx.MultiDiGraph, iri: str) -> None:
    if iri in g:
        return
    cls = "Country" if iri.startswith(DATA + "country/") else "Other"
    label = _fallback_label(iri, cls)
    g.add_node(iri, cls=cls, label=label, names={label}, countries=set(), articles=set())


def add_relations(g: nx.MultiDiGraph, kg: KnowledgeGraph) -> None:
    """Add one edge per (subject, property, object), with the sentences and details that state it."""
    details: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in kg.query(STATEMENTS):
        key = (row["s"].value, row["p"].value.removeprefix(KG), row["o"].value)
        d = details.setdefault(key, {"evidence": []})
        text, article = _value(row["text"]), _value(row["a"])
        if (text or article) and {"text": text, "article": article} not in d["evidence"]:
            d["evidence"].append({"text": text, "article": article})
        for name in ("role", "amount", "currency"):
            if row[name] is not None:
                d[name] = row[name].value
    for row in kg.query(RELATIONS):
        s, p, o = row["s"].value, row["p"].value.removeprefix(KG), row["o"].value
        if p in SYMMETRIC and g.has_edge(o, s, key=p):
            continue
        _ensure_node(g, s)
        _ensure_node(g, o)
        d = details.get((s, p, o)) or details.get((o, p, s)) or {"evidence": []}
        g.add_edge(s, o, key=p, prop=p, **d)


def assign_countries(g: nx.MultiDiGraph) -> None:
    """Give each node the countries it belongs to, for the page's country filter.

    A country is its own; a person's is their nationality; a place's the country it lies in; an
    institution's where it is based (directly, or through a place); an event's where it is held.
    """
    def countries_of(iri: str) -> set[str]:
        if g.nodes[iri]["cls"] == "Country":
            return {iri}
        return {o for _, o, p in g.out_edges(iri, keys=True) if p == "country" and g.nodes[o]["cls"] == "Country"}

    for iri, attrs in g.nodes(data=True):
        found = countries_of(iri)
        for _, o, p in g.out_edges(iri, keys=True):
            if p in ("nationality", "basedIn", "location"):
                found |= countries_of(o)
        attrs["countries"] = found


def assign_dates(g: nx.MultiDiGraph) -> None:
    """Publication dates of the articles behind each node and edge, for the date-range filter."""
    published = {a: info["published"] for a, info in g.graph["articles"].items() if info.get("published")}
    for _, attrs in g.nodes(data=True):
        attrs["dates"] = sorted({published[a] for a in attrs["articles"] if a in published})
    for _, _, attrs in g.edges(data=True):
        attrs["dates"] = sorted({published[e["article"]] for e in attrs.get("evidence", ()) if e["article"] in published})


def store_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The whole store: every entity, every relation between entities."""
    g = entity_table(kg)
    add_relations(g, kg)
    assign_countries(g)
    assign_dates(g)
    return g


def query_graph(kg: KnowledgeGraph, sparql: str) -> nx.MultiDiGraph:
    """The result of a CONSTRUCT (IRI objects become edges) or of a SELECT (one edge per row, from
    the first column to the second; the others are details), its entities described as in the
    full view."""
    full = entity_table(kg)
    g = nx.MultiDiGraph(articles=full.graph["articles"])
    results = kg.query(sparql)

    def node(term: Any) -> str:
        if isinstance(term, Literal):
            key = "value:" + term.value
            if key not in g:
                g.add_node(key, cls="Value", label=term.value, names={term.value}, countries=set(), articles=set())
            return key
        iri = term.value if isinstance(term, NamedNode) else "_:" + term.value
        if iri not in g:
            if iri in full:
                g.add_node(iri, **{k: (v.copy() if isinstance(v, set) else v) for k, v in full.nodes[iri].items()})
            else:
                g.add_node(iri, cls="Other", label=_local(iri), names=set(), countries=set(), articles=set())
        return iri

    if isinstance(results, QueryTriples):
        literals: list[tuple[str, str, Any]] = []
        for t in results:
            s, p = node(t.subject), t.predicate.value
            if isinstance(t.object, (NamedNode, BlankNode)):
                if p == RDF + "type":
                    if g.nodes[s]["cls"] == "Other" and t.object.value.removeprefix(KG) in ENTITY_CLASSES:
                        g.nodes[s]["cls"] = t.object.value.removeprefix(KG)
                    continue
                o = node(t.object)
                prop = p.removeprefix(KG) if p.startswith(KG) else _local(p)
                g.add_edge(s, o, key=prop, prop=prop, evidence=[])
            else:
                literals.append((s, p, t.object))
        for s, p, lit in literals:
            if p in (RDFS + "label", SKOS + "prefLabel"):
                g.nodes[s]["label"] = lit.value
            if p in (RDFS + "label", SKOS + "altLabel", SKOS + "prefLabel"):
                g.nodes[s]["names"].add(lit.value)
            else:
                g.nodes[s].setdefault("facts", []).append((_local(p), lit.value))
    elif isinstance(results, QuerySolutions):
        columns = [v.value for v in results.variables]
        if len(columns) < 2:
            raise QueryShapeError(f"a SELECT to draw needs two columns (from, to), then any details; this one "
                                  f"has {len(columns)}: {', '.join('?' + c for c in columns)}. Or write a CONSTRUCT.")
        for row in results:
            if row[0] is None or row[1] is None:
                continue
            # Further columns are details of the edge, shown in its tooltip; rows that differ only
            # in them stay separate edges.
            facts = [(c, row[i].value) for i, c in enumerate(columns[2:], 2) if row[i] is not None]
            key = "\x1f".join([columns[1], *(v for _, v in facts)])
            g.add_edge(node(row[0]), node(row[1]), key=key, prop=columns[1], evidence=[], facts=facts)
    else:
        raise QueryShapeError("an ASK query has no graph to draw; use a CONSTRUCT or a SELECT (from, to, ...)")
    for _, attrs in g.nodes(data=True):
        attrs["names"].add(attrs["label"])
    assign_countries(g)
    assign_dates(g)
    return g


def match_nodes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes called `name` (any of their names, ignoring case and accents); failing that, those
    with a name containing it."""
    wanted = normalize(name)
    exact = [n for n, a in g.nodes(data=True) if any(normalize(x) == wanted for x in a["names"])]
    if exact or not wanted:
        return exact
    return [n for n, a in g.nodes(data=True) if any(wanted in normalize(x) for x in a["names"])]


def ego_network(g: nx.MultiDiGraph, name: str, depth: int) -> nx.MultiDiGraph:
    """The entities within `depth` relations of those called `name`, whatever the direction."""
    centres = match_nodes(g, name)
    if not centres:
        raise LookupError(f"no entity named {name!r} in the graph")
    keep: set[str] = set()
    undirected = g.to_undirected(as_view=True)
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    sub = g.subgraph(keep).copy()
    sub.graph["focus"] = centres
    return sub
