"""Evidence: the sentence behind an edge, asked in SPARQL of a real store on disk; `kg describe`."""
from __future__ import annotations

from datetime import date

from pyoxigraph import NamedNode, Variable

from kg.article import Article
from kg.graph import KnowledgeGraph
from kg.iris import entity_iri
from tests.conftest import run_kg

TEXT = ("A Corporação Andina de Fomento aprovou um empréstimo de US$ 90 milhões para o Paraguai. "
        "Segundo a diretora da CAF no Paraguai, Helena Borba Teixeira, o crédito financia estradas rurais.")

EVIDENCE = """
SELECT ?node ?text ?start ?end ?article WHERE {
  ?st a kg:Statement ; rdf:subject ?node ; rdf:predicate kg:affiliatedWith ; rdf:object ?org ;
      kg:evidence ?s ; kg:role ?role .
  ?s kg:text ?text ; kg:charStart ?start ; kg:charEnd ?end ; kg:inArticle ?article .
}"""


def article() -> Article:
    return Article(id="evidence-1", text=TEXT, title="Crédito para estradas", published=date(2021, 4, 6), lang="pt")


def test_sparql_gives_the_sentence_behind_an_edge(tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        graph.add([article()])
        person = NamedNode(entity_iri("Person", "helena borba teixeira"))
        rows = list(graph.query(EVIDENCE, substitutions={Variable("node"): person}))
        assert len(rows) == 1
        text = rows[0]["text"].value
        assert "Helena Borba Teixeira" in text and text.startswith("Segundo")
        full = article().full_text
        assert full[int(rows[0]["start"].value):int(rows[0]["end"].value)] == text
        amount = list(graph.query(
            "SELECT ?node ?amount ?cur WHERE { ?st rdf:subject ?node ; rdf:predicate kg:funds ; kg:amount ?amount ;"
            " kg:currency ?cur }", substitutions={Variable("node"): NamedNode(entity_iri("Institution", "caf"))}))
        assert [(float(r["amount"].value), r["cur"].value) for r in amount] == [(90_000_000.0, "USD")]


def test_kg_describe_prints_relations_and_sentences(tmp_path):
    src = tmp_path / "a.json"
    import json
    src.write_text(json.dumps({"id": "evidence-1", "lang": "pt", "published": "2021-04-06",
                               "title": "Crédito para estradas", "text": TEXT}), encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", src, "--store", store, "--quiet")
    out = run_kg("describe", "Helena Borba Teixeira", "--store", store).stdout
    assert "affiliatedWith" in out and "diretora da CAF no Paraguai" in out
    assert "Segundo a diretora da CAF" in out
    missing = run_kg("describe", "Nobody Here", "--store", store, check=False)
    assert missing.returncode != 0 and "no entity named" in missing.stderr


def test_one_node_for_caf_across_articles_in_one_store(tmp_path):
    one = Article(id="merge-1", lang="pt", published=date(2020, 3, 2), title="Crédito",
                  text="A Corporação Andina de Fomento aprovou um crédito para o Equador.")
    two = Article(id="merge-2", lang="es", published=date(2020, 3, 9), title="Préstamo",
                  text="La CAF aprobó un préstamo para el Perú. El Banco de Desarrollo de América Latina celebró 50 años.")
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        graph.add([one, two])
        rows = list(graph.query(
            "SELECT DISTINCT ?n WHERE { ?n a kg:Institution }"))
        assert [r["n"].value for r in rows] == [entity_iri("Institution", "caf")]
        graphs = list(graph.query(
            "SELECT (COUNT(DISTINCT ?g) AS ?c) WHERE { GRAPH ?g { ?n a kg:Institution } }"))
        assert int(graphs[0]["c"].value) == 2
