"""Helpers shared by the network-view tests: stores made from articles written here, and counts
taken from the store by SPARQL, independently of kg.viz."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.article import Article
from kg.graph import KnowledgeGraph
from kg.model import Entity, Extraction, Mention, Relation
from kg.rdf import extraction_quads

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"

IMG = "<img src=x onerror=alert(1)>"
SCRIPT_END = "</script>"
DOM_PROBE = "<img src=y onerror=\"document.body.dataset.pwned='1'\">"
PERSON = f"Marina {IMG} Quelbar"
INSTITUTION = f"Instituto {SCRIPT_END}<script>alert(2)</script> Varonel"
SENTENCE = (f"{PERSON}, directora del {INSTITUTION}, firmó el acuerdo {DOM_PROBE} en la capital "
            f"<!-- no comment -->.")
TITLE = f"Acuerdo {IMG} firmado {SCRIPT_END}"


def extraction(article: Article, sentences: list[str], entities: list[tuple[str, str, str, list[int]]],
               relations: list[tuple[str, str, str, int]]) -> Extraction:
    """An Extraction as kg.extract would return it: entities as (cls, key, label, sentence indexes),
    relations as (prop, subject ref, object ref, sentence index)."""
    spans, offset = [], 0
    for s in sentences:
        spans.append((offset, offset + len(s)))
        offset += len(s) + 1
    text = " ".join(sentences)
    made = []
    for cls, key, label, where in entities:
        e = Entity(cls, key, label)
        for i in where:
            start = text.find(label, spans[i][0])
            start = start if start >= 0 else spans[i][0]
            e.mentions.append(Mention(cls, label, start, start + len(label), i, key))
        made.append(e)
    rels = [Relation(p, s, o, i) for p, s, o, i in relations]
    return Extraction(article, text, spans, made, rels)


def write_extractions(store: Path, extractions: list[Extraction]) -> None:
    with KnowledgeGraph.open(store) as kg:
        for x in extractions:
            kg.add_quads(extraction_quads(x))


def injection_store(store: Path) -> Path:
    """A store holding an article whose names, sentence, title and link are hostile, and a plain one."""
    hostile = Article(id="hostile-1", text=SENTENCE, title=TITLE, url="javascript:alert(3)",
                      published=date(2024, 5, 2), lang="es")
    plain = Article(id="plain-1", text="Tomas Arvelo, presidente del Fondo Quenar, habló en Lima.",
                    title="Fondo Quenar en Lima", url="https://news.example.org/fondo-quenar",
                    published=date(2023, 1, 20), lang="es")
    write_extractions(store, [
        extraction(hostile, [SENTENCE], [("Person", "marina quelbar", PERSON, [0]),
                                        ("Institution", "instituto varonel", INSTITUTION, [0]),
                                        ("Country", "AR", "Argentina", [])],
                   [("affiliatedWith", "Person:marina quelbar", "Institution:instituto varonel", 0),
                    ("nationality", "Person:marina quelbar", "Country:AR", 0)]),
        extraction(plain, [plain.text], [("Person", "tomas arvelo", "Tomas Arvelo", [0]),
                                         ("Institution", "fondo quenar", "Fondo Quenar", [0]),
                                         ("Country", "PE", "Perú", [])],
                   [("affiliatedWith", "Person:tomas arvelo", "Institution:fondo quenar", 0),
                    ("basedIn", "Institution:fondo quenar", "Country:PE", 0)]),
    ])
    return store


def store_counts(store: Path) -> tuple[int, int]:
    """(entities, relations) in the store: typed entities, and distinct related pairs per property
    (a symmetric partnerOf counted once)."""
    with KnowledgeGraph.open(store, read_only=True) as kg:
        entities = {row["e"].value for row in kg.query(
            "SELECT DISTINCT ?e WHERE { VALUES ?c { kg:Person kg:Institution kg:Country kg:Place kg:Event } ?e a ?c }")}
        triples = set()
        for row in kg.query("""SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { kg:affiliatedWith kg:nationality kg:basedIn
                kg:organizer kg:host kg:sponsor kg:participant kg:speaker kg:location kg:funds kg:partnerOf kg:country }
                ?s ?p ?o FILTER(isIRI(?o)) }"""):
            s, p, o = row["s"].value, row["p"].value, row["o"].value
            if p.endswith("#partnerOf") and (o, p, s) in triples:
                continue
            triples.add((s, p, o))
            entities |= {s, o}
    return len(entities), len(triples)
