"""An Extraction as RDF quads, all in the article's own named graph.

Shape (see ontologies/kg.ttl):
- the article node: kg:title, kg:url, kg:published, kg:language, kg:contentHash, kg:mentions;
- each entity: one class, rdfs:label, skos:altLabel for the other surface forms, kg:mentionedIn
  the sentences that name it, owl:sameAs to Wikidata where a lexicon knows it;
- each relation: the direct triple, and a kg:Statement beside it that reifies it and carries the
  sentence (kg:evidence) and details (kg:role, kg:amount, kg:currency);
- the sentences that some mention or statement points to: kg:text, kg:charStart, kg:charEnd.
Every term is built with pyoxigraph's constructors: article text never becomes syntax.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from .article import Article
from .canonical import canonical_label
from .iris import article_iri, entity_iri, sentence_iri, statement_iri
from .model import Entity, Extraction
from . import namespaces
from .namespaces import OWL_SAME_AS, RDF, RDF_TYPE, RDFS_LABEL, SKOS_ALT, WD, XSD

XSD_DATE = NamedNode(XSD + "date")
XSD_INTEGER = NamedNode(XSD + "integer")
XSD_DECIMAL = NamedNode(XSD + "decimal")
XSD_ANYURI = NamedNode(XSD + "anyURI")
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (NamedNode(RDF + p) for p in ("subject", "predicate", "object"))

#: Relations stated in both directions, so that a query needs no reasoner to see the symmetry.
SYMMETRIC = {"partnerOf"}


#: the ontology's few terms are in every article's quads: one NamedNode each, not one per quad
kg = lru_cache(maxsize=256)(namespaces.kg)


# the same entities (countries, banks) recur across the articles a worker extracts
@lru_cache(maxsize=1 << 14)
def _entity_node(cls: str, key: str) -> NamedNode:
    return NamedNode(entity_iri(cls, key))


#: the terms of every article's quads, built once
_MENTIONS, _MENTIONED_IN, _STATEMENT, _EVIDENCE, _IN_ARTICLE, _SENTENCE, _TEXT, _CHAR_START, _CHAR_END = (
    kg(t) for t in ("mentions", "mentionedIn", "Statement", "evidence", "inArticle", "Sentence", "text", "charStart",
                    "charEnd"))


def entity_node(entity: Entity) -> NamedNode:
    return _entity_node(entity.cls, entity.key)


def date_literal(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD_DATE)


def article_quads(article: Article, graph: NamedNode) -> list[Quad]:
    """The article node's own description."""
    node = NamedNode(article_iri(article.id))
    quads = [Quad(node, RDF_TYPE, kg("Article"), graph),
             Quad(node, kg("contentHash"), Literal(article.content_hash), graph)]
    if article.title:
        quads.append(Quad(node, kg("title"), Literal(article.title), graph))
    if article.url:
        quads.append(Quad(node, kg("url"), Literal(article.url, datatype=XSD_ANYURI), graph))
    if article.published:
        quads.append(Quad(node, kg("published"), date_literal(article.published), graph))
    if article.lang:
        quads.append(Quad(node, kg("language"), Literal(article.lang), graph))
    return quads


def extraction_quads(extraction: Extraction) -> list[Quad]:
    """Every quad kg states about one article."""
    article = extraction.article
    art = NamedNode(article_iri(article.id))
    graph = art
    quads = article_quads(article, graph)
    add = quads.append
    used_sentences: dict[int, NamedNode] = {}

    def sentence(index: int) -> NamedNode:
        node = used_sentences.get(index)
        if node is None:
            node = used_sentences[index] = NamedNode(sentence_iri(article.id, index))
        return node

    nodes: dict[str, NamedNode] = {}
    for entity in extraction.entities:
        node = nodes[entity.ref] = entity_node(entity)
        add(Quad(art, _MENTIONS, node, graph))
        add(Quad(node, RDF_TYPE, kg(entity.cls), graph))
        label = canonical_label(entity)
        add(Quad(node, RDFS_LABEL, Literal(label), graph))
        for alias in sorted((entity.aliases | {entity.label}) - {label}):
            add(Quad(node, SKOS_ALT, Literal(alias), graph))
        for index in sorted({m.sentence for m in entity.mentions}):
            add(Quad(node, _MENTIONED_IN, sentence(index), graph))
        attrs = entity.attrs
        if not attrs:
            continue
        if attrs.get("wikidata"):
            add(Quad(node, OWL_SAME_AS, NamedNode(WD + attrs["wikidata"]), graph))
        if entity.cls == "Place" and attrs.get("country"):
            add(Quad(node, kg("country"), _entity_node("Country", attrs["country"]), graph))
        if entity.cls == "Event":
            if isinstance(attrs.get("start"), date):
                add(Quad(node, kg("startDate"), date_literal(attrs["start"]), graph))
            if isinstance(attrs.get("end"), date):
                add(Quad(node, kg("endDate"), date_literal(attrs["end"]), graph))

    seen: set[tuple[str, str, str]] = set()
    for rel in extraction.relations:
        if rel.subject not in nodes or rel.object not in nodes or rel.subject == rel.object:
            continue
        key = (rel.subject, rel.prop, rel.object)
        if key in seen:
            continue
        seen.add(key)
        s, p, o = nodes[rel.subject], kg(rel.prop), nodes[rel.object]
        add(Quad(s, p, o, graph))
        if rel.prop in SYMMETRIC:
            add(Quad(o, p, s, graph))
        stmt = NamedNode(statement_iri(article.id, (s.value, p.value, o.value, str(rel.sentence))))
        quads += [
            Quad(stmt, RDF_TYPE, _STATEMENT, graph),
            Quad(stmt, RDF_SUBJECT, s, graph),
            Quad(stmt, RDF_PREDICATE, p, graph),
            Quad(stmt, RDF_OBJECT, o, graph),
            Quad(stmt, _EVIDENCE, sentence(rel.sentence), graph),
            Quad(stmt, _IN_ARTICLE, art, graph),
        ]
        attrs = rel.attrs
        if not attrs:
            continue
        if attrs.get("role"):
            add(Quad(stmt, kg("role"), Literal(str(attrs["role"])), graph))
        amount = _decimal(attrs.get("amount"))
        if amount is not None:
            add(Quad(stmt, kg("amount"), Literal(format(amount, "f"), datatype=XSD_DECIMAL), graph))
        if attrs.get("currency"):
            add(Quad(stmt, kg("currency"), Literal(str(attrs["currency"])), graph))

    text, spans = extraction.text, extraction.sentences
    for index, node in sorted(used_sentences.items()):
        start, end = spans[index]
        quads += [
            Quad(node, RDF_TYPE, _SENTENCE, graph),
            Quad(node, _TEXT, Literal(text[start:end]), graph),
            Quad(node, _CHAR_START, Literal(str(start), datatype=XSD_INTEGER), graph),
            Quad(node, _CHAR_END, Literal(str(end), datatype=XSD_INTEGER), graph),
            Quad(node, _IN_ARTICLE, art, graph),
        ]
    return quads


def _decimal(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None
