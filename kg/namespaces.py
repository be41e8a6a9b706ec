"""The project's namespaces: one for the ontology's terms, one for the data's IRIs.

Both live under w3id.org/kgnews so that a later move of hosting keeps every IRI stable.
"""
from __future__ import annotations

from pyoxigraph import NamedNode

ONTOLOGY_IRI = "https://w3id.org/kgnews/ontology"
KG = ONTOLOGY_IRI + "#"
DATA = "https://w3id.org/kgnews/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
WD = "http://www.wikidata.org/entity/"

#: Prefixes used in Turtle exports and prepended to `kg query` when a query lacks them.
PREFIXES: dict[str, str] = {
    "kg": KG,
    "kgd": DATA,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "wd": WD,
}

ENTITY_CLASSES = ("Person", "Institution", "Country", "Place", "Event")


def kg(local: str) -> NamedNode:
    """The ontology term `kg:local`."""
    return NamedNode(KG + local)


def sparql_prologue() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


RDF_TYPE = NamedNode(RDF + "type")
RDFS_LABEL = NamedNode(RDFS + "label")
SKOS_ALT = NamedNode(SKOS + "altLabel")
OWL_SAME_AS = NamedNode(OWL + "sameAs")
