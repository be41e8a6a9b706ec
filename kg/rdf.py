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

from pyoxigraph import Literal, NamedNode, Quad

from .article import Article
from .canonical import canonical_label
from .iris import article_iri, entity_iri, sentence_iri, statement_iri
from .model import Entity, Extraction
from .namespaces import OWL_SAME_AS, RDF, RDF_TYPE, RDFS_LABEL, SKOS_ALT, WD, XSD, kg

XSD_DATE = NamedNode(XSD + "date")
XSD_INTEGER = NamedNode(XSD + "integer")
XSD_DECIMAL = NamedNode(XSD + "decimal")
XSD_ANYURI = NamedNode(XSD + "anyURI")
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (NamedNode(RDF + p) for p in ("subject", "predicate", "object"))

#: Relations stated in both directions, so that a query needs no reasoner to see the symmetry.
SYMMETRIC = {"partnerOf"}


def entity_node(entity: Entity) -> NamedNode:
    return NamedNode(entity_iri(entity.cls, entity.key))


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
    used_sentences: set[int] = set()

    def sentence(index: int) -> NamedNode:
        used_sentences.add(index)
        return NamedNode(sentence_iri(article.id, index))

    nodes: dict[str, NamedNode] = {}
    for entity in extraction.entities:
        node = nodes[entity.ref] = entity_node(entity)
        quads.append(Quad(art, kg("mentions"), node, graph))
        quads.append(Quad(node, RDF_TYPE, kg(entity.cls), graph))
        label = canonical_label(entity)
        quads.append(Quad(node, RDFS_LABEL, Literal(label), graph))
        for alias in sorted((entity.aliases | {entity.label}) - {label}):
            quads.append(Quad(node, SKOS_ALT, Literal(alias), graph))
        for index in sorted({m.sentence for m in entity.mentions}):
            quads.append(Quad(node, kg("mentionedIn"), sentence(index), graph))
        attrs = entity.attrs
        if attrs.get("wikidata"):
            quads.append(Quad(node, OWL_SAME_AS, NamedNode(WD + attrs["wikidata"]), graph))
        if entity.cls == "Place" and attrs.get("country"):
            quads.append(Quad(node, kg("country"), NamedNode(entity_iri("Country", attrs["country"])), graph))
        if entity.cls == "Event":
            if isinstance(attrs.get("start"), date):
                quads.append(Quad(node, kg("startDate"), date_literal(attrs["start"]), graph))
            if isinstance(attrs.get("end"), date):
                quads.append(Quad(node, kg("endDate"), date_literal(attrs["end"]), graph))

    seen: set[tuple[str, str, str]] = set()
    for rel in extraction.relations:
        if rel.subject not in nodes or rel.object not in nodes or rel.subject == rel.object:
            continue
        key = (rel.subject, rel.prop, rel.object)
        if key in seen:
            continue
        seen.add(key)
        s, p, o = nodes[rel.subject], kg(rel.prop), nodes[rel.object]
        quads.append(Quad(s, p, o, graph))
        if rel.prop in SYMMETRIC:
            quads.append(Quad(o, p, s, graph))
        stmt = NamedNode(statement_iri(article.id, (s.value, p.value, o.value, str(rel.sentence))))
        quads += [
            Quad(stmt, RDF_TYPE, kg("Statement"), graph),
            Quad(stmt, RDF_SUBJECT, s, graph),
            Quad(stmt, RDF_PREDICATE, p, graph),
            Quad(stmt, RDF_OBJECT, o, graph),
            Quad(stmt, kg("evidence"), sentence(rel.sentence), graph),
            Quad(stmt, kg("inArticle"), art, graph),
        ]
        if rel.attrs.get("role"):
            quads.append(Quad(stmt, kg("role"), Literal(str(rel.attrs["role"])), graph))
        amount = _decimal(rel.attrs.get("amount"))
        if amount is not None:
            quads.append(Quad(stmt, kg("amount"), Literal(format(amount, "f"), datatype=XSD_DECIMAL), graph))
        if rel.attrs.get("currency"):
            quads.append(Quad(stmt, kg("currency"), Literal(str(rel.attrs["currency"])), graph))

    for index in sorted(used_sentences):
        node = NamedNode(sentence_iri(article.id, index))
        start, end = extraction.sentences[index]
        quads += [
            Quad(node, RDF_TYPE, kg("Sentence"), graph),
            Quad(node, kg("text"), Literal(extraction.text[start:end]), graph),
            Quad(node, kg("charStart"), Literal(str(start), datatype=XSD_INTEGER), graph),
            Quad(node, kg("charEnd"), Literal(str(end), datatype=XSD_INTEGER), graph),
            Quad(node, kg("inArticle"), art, graph),
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
