"""`kg eval GOLD_DIR`: precision, recall and F1 of the graph against gold-annotated articles.

Each gold article is built alone, in memory, the way `kg build` builds it (ingest, extraction,
RDF, store), and its graph is compared with the gold under the rules of the corpus guidelines,
the same rules as the reference scorer (../shared/tools/kgscore.py):
- entities by type; a predicted node matches a gold entity when one of its labels
  (rdfs:label, skos:altLabel) equals one of the gold aliases, ignoring case and accents;
  events match when the content words of a label and an alias overlap by Jaccard >= 0.5;
- each predicted node matches at most one gold entity; a second node for the same entity is a
  false positive (a duplicate); an `optional` gold entity neither rewards nor penalises;
- relations by gold type, through the ontology's rdfs:subPropertyOf closure of the contract
  properties, between matched nodes; optional relations (or ones touching an optional
  entity) are not counted.
"""
from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

TYPES = ("Person", "Institution", "Country", "Place", "Event")
#: gold relation type -> (subject types, object types, contract properties)
RELATIONS = {
    "affiliation": ({"Person"}, {"Institution"}, {"affiliatedWith"}),
    "person_country": ({"Person"}, {"Country"}, {"nationality"}),
    "org_country": ({"Institution"}, {"Country", "Place"}, {"basedIn"}),
    "event_institution": ({"Event"}, {"Institution"}, {"organizer", "sponsor", "participant", "host"}),
    "event_person": ({"Event"}, {"Person"}, {"participant", "speaker"}),
    "event_location": ({"Event"}, {"Place", "Country"}, {"location"}),
    "funding": ({"Institution"}, {"Country", "Place", "Institution"}, {"funds"}),
    "partnership": ({"Institution"}, {"Institution"}, {"partnerOf"}),
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUBPROPERTY = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"
LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://www.w3.org/2004/02/skos/core#altLabel", "https://schema.org/name", "http://schema.org/name",
          "https://schema.org/alternateName", "http://schema.org/alternateName"}
STOP = set("de da do das dos del la las los el e y and of the for para por en em na no a o".split())
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\"'“”‘’«»]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:-–—()")


def content_tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", norm(text)) if len(t) > 2 and t not in STOP}


def jaccard(a: str, b: str) -> float:
    sa, sb = content_tokens(a), content_tokens(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


class Graph:
    """The parts of an article's graph that scoring reads: typed nodes, their labels, edges."""

    def __init__(self, triples: list[tuple[str, str, str]]):
        self.types: dict[str, set[str]] = defaultdict(set)
        self.labels: dict[str, set[str]] = defaultdict(set)
        self.edges: list[tuple[str, str, str]] = []
        for s, p, o in triples:
            if p == RDF_TYPE and local(o) in TYPES:
                self.types[s].add(local(o))
        for types in self.types.values():  # a Country may also be typed as its superclass Place
            if "Country" in types:
                types.discard("Place")
        for s, p, o in triples:
            if p in LABELS and s in self.types:
                self.labels[s].add(o)
            elif s in self.types and o in self.types:
                self.edges.append((s, local(p), o))


def subproperty_closure(ontology_dir: Path = ONTOLOGY_DIR) -> dict[str, set[str]]:
    """Local name of a property -> the local names of it and all its sub-properties."""
    from pyoxigraph import RdfFormat, parse

    direct: dict[str, set[str]] = defaultdict(set)
    for path in sorted(ontology_dir.glob("*.ttl")):
        with path.open("rb") as f:
            for t in parse(f, format=RdfFormat.TURTLE):
                if t.predicate.value == SUBPROPERTY:
                    direct[local(t.object.value)].add(local(t.subject.value))
    closure: dict[str, set[str]] = {}

    def close(name: str) -> set[str]:
        if name not in closure:
            closure[name] = {name}
            for sub in direct.get(name, ()):
                closure[name] |= close(sub)
        return closure[name]

    for props in RELATIONS.values():
        for p in props[2]:
            close(p)
    return closure


def build_article(gold: dict[str, Any]) -> Graph:
    """The graph `kg build` makes of the gold article's own fields, built in memory."""
    from .graph import KnowledgeGraph
    from .ingest import read_articles

    keep = {k: gold.get(k) for k in ("id", "url", "title", "published", "lang", "text") if gold.get(k) is not None}
    with tempfile.TemporaryDirectory() as tmp:
        name = re.sub(r"[^\w.-]", "_", str(gold.get("id", "article")))
        path = Path(tmp) / f"{name}.json"
        path.write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")
        articles = list(read_articles([path]))
    kg = KnowledgeGraph.in_memory()
    try:
        report = kg.add(articles)
        if report.failed:  # `kg build` exits non-zero here; the reference scorer counts a failure
            raise RuntimeError("; ".join(report.errors) or "the article could not be built")
        triples = [(q.subject.value, q.predicate.value, q.object.value)
                   for q in kg.store.quads_for_pattern(None, None, None)]
    finally:
        kg.close()
    return Graph(triples)


def score_article(gold: dict[str, Any], g: Graph, closure: dict[str, set[str]]) -> tuple[dict, list[str]]:
    """(tp, fp, fn) per entity type and relation type, and the misses and spurious ones."""
    result: dict[str, dict[str, tuple[int, int, int]]] = {"entities": {}, "relations": {}}
    details: list[str] = []
    match: dict[str, str] = {}
    used: set[str] = set()
    golds = gold.get("entities", [])
    for t in TYPES:
        tp = fp = fn = 0
        preds = [n for n in g.types if t in g.types[n]]
        for e in (x for x in golds if x["type"] == t):
            aliases = {norm(a) for a in (e.get("aliases") or []) + [e["name"]]}
            hit = None
            for node in preds:
                if node in used:
                    continue
                labels = {norm(x) for x in g.labels[node]}
                if t == "Event":
                    ok = any(jaccard(a, b) >= 0.5 for a in aliases for b in labels)
                else:
                    ok = bool(aliases & labels)
                if ok:
                    hit = node
                    break
            if hit is not None:
                used.add(hit)
                match[hit] = e["name"]
                tp += 0 if e.get("optional") else 1
            elif not e.get("optional"):
                fn += 1
                details.append(f"  missed {t}: {e['name']}")
        for node in preds:
            if node not in used:
                fp += 1
                details.append(f"  spurious {t}: {sorted(g.labels[node])[:3]}")
        result["entities"][t] = (tp, fp, fn)
    optional_names = {e["name"] for e in golds if e.get("optional")}
    for rtype, (subj_types, obj_types, props) in RELATIONS.items():
        accepted = set().union(*(closure.get(p, {p}) for p in props))
        gset, gopt = set(), set()
        for r in gold.get("relations", []):
            if r["type"] != rtype:
                continue
            key = (r["s"], r["o"]) if rtype != "partnership" else tuple(sorted((r["s"], r["o"])))
            optional = r.get("optional") or r["s"] in optional_names or r["o"] in optional_names
            (gopt if optional else gset).add(key)
        pset = set()
        for s, p, o in g.edges:
            if p not in accepted or not (g.types[s] & subj_types and g.types[o] & obj_types):
                continue
            key = (match.get(s, f"?{s}"), match.get(o, f"?{o}"))
            pset.add(tuple(sorted(key)) if rtype == "partnership" else key)
        result["relations"][rtype] = (len(pset & gset), len(pset - gset - gopt), len(gset - pset))
        details += [f"  missed {rtype}: {k}" for k in sorted(gset - pset)]
        details += [f"  spurious {rtype}: {k}" for k in sorted(pset - gset - gopt)]
    return result, details


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def evaluate(gold_dir: str | Path, details: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Scores of the project on every gold article (*.json) under `gold_dir`.

    Returns {"articles", "build_failures", "entities": {type: prf, "overall": prf},
    "relations": {type: prf, "overall": prf}, "per_article": {file: {...}}}; fills `details`
    (file -> lines of misses and spurious items) when given.
    """
    closure = subproperty_closure()
    totals: dict[str, dict[str, list[int]]] = {"entities": defaultdict(lambda: [0, 0, 0]),
                                               "relations": defaultdict(lambda: [0, 0, 0])}
    per_article: dict[str, Any] = {}
    failures = 0
    files = sorted(Path(gold_dir).rglob("*.json"))
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        try:
            graph = build_article(gold)
        except Exception as exc:  # a failed build scores as all missed, as in the reference scorer
            failures += 1
            graph = Graph([])
            if details is not None:
                details.setdefault(path.name, []).append(f"  BUILD FAILED: {type(exc).__name__}: {exc}")
        result, lines = score_article(gold, graph, closure)
        per_article[path.name] = result
        if details is not None:
            details.setdefault(path.name, []).extend(lines)
        for part in ("entities", "relations"):
            for t, counts in result[part].items():
                for i in range(3):
                    totals[part][t][i] += counts[i]
    summary: dict[str, Any] = {"articles": len(files), "build_failures": failures, "per_article": per_article}
    for part in ("entities", "relations"):
        table = {t: prf(*c) for t, c in sorted(totals[part].items())}
        table["overall"] = prf(*(sum(c[i] for c in totals[part].values()) for i in range(3)))
        summary[part] = table
    return summary


def format_table(summary: dict[str, Any]) -> str:
    lines = [f"{'type':<18}{'P':>6}{'R':>6}{'F1':>6}   tp/fp/fn"]
    for part in ("entities", "relations"):
        lines.append(f"[{part}]")
        for t, s in summary[part].items():
            lines.append(f"{t:<18}{s['p']:6.2f}{s['r']:6.2f}{s['f1']:6.2f}   {s['tp']}/{s['fp']}/{s['fn']}")
    lines.append(f"articles {summary['articles']} failures {summary['build_failures']}")
    return "\n".join(lines)
