"""`kg build` turns the bundled samples into a graph on disk: what a new user sees first."""
from __future__ import annotations

import json

from pyoxigraph import Literal, NamedNode

from kg import KnowledgeGraph
from kg.iris import article_iri, entity_iri
from kg.namespaces import KG, RDF_TYPE, XSD

from conftest import SAMPLES, run_kg


def labels_of(graph: KnowledgeGraph, cls: str) -> set[str]:
    rows = graph.query(f"SELECT ?l WHERE {{ ?e a kg:{cls} ; rdfs:label|skos:altLabel ?l }}")
    return {row["l"].value for row in rows}


def test_every_sample_becomes_an_article_with_its_metadata(sample_store):
    with KnowledgeGraph.open(sample_store, read_only=True) as graph:
        assert graph.stats()["articles"] == len(list(SAMPLES.iterdir()))
        art = NamedNode(article_iri("sample-es-bid-paraguay"))
        facts = {(q.predicate.value, q.object) for q in graph.store.quads_for_pattern(art, None, None, art)}
    assert (KG + "published", Literal("2023-11-08", datatype=NamedNode(XSD + "date"))) in facts
    assert (KG + "language", Literal("es")) in facts
    assert (KG + "title", Literal("El BID aprueba un préstamo de 200 millones de dólares para Paraguay")) in facts


def test_countries_are_keyed_by_iso_code_whatever_the_language(sample_store):
    with KnowledgeGraph.open(sample_store, read_only=True) as graph:
        for iso in ("BR", "PY", "PE", "CO", "CL"):
            node = NamedNode(entity_iri("Country", iso))
            assert any(graph.store.quads_for_pattern(node, RDF_TYPE, NamedNode(KG + "Country"), None)), iso
        # "Paraguay" (es) and "Paraguai" (pt) are one node
        names = {r["l"].value for r in graph.query(
            "SELECT ?l WHERE { kgd:country\\/PY rdfs:label|skos:altLabel ?l }")}
    assert {"Paraguay", "Paraguai"} <= names


def test_people_and_institutions_of_the_samples(sample_store):
    with KnowledgeGraph.open(sample_store, read_only=True) as graph:
        people = labels_of(graph, "Person")
        institutions = labels_of(graph, "Institution")
    assert {"Marta Giménez Ocampo", "Daniel Whitford", "Helena Duarte Vasconcelos"} <= people
    assert "Banco Interamericano de Desarrollo" in institutions
    assert "World Bank" in institutions


def test_every_entity_has_one_class_and_a_label(sample_store):
    with KnowledgeGraph.open(sample_store, read_only=True) as graph:
        rows = list(graph.query("""
            SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE {
              ?e a ?c . FILTER (?c IN (kg:Person, kg:Institution, kg:Country, kg:Place, kg:Event))
            } GROUP BY ?e HAVING (COUNT(DISTINCT ?c) != 1)"""))
        unlabelled = list(graph.query("""
            SELECT ?e WHERE { ?e a ?c . FILTER (?c IN (kg:Person, kg:Institution, kg:Country, kg:Place, kg:Event))
                              FILTER NOT EXISTS { ?e rdfs:label ?l } }"""))
    assert rows == [] and unlabelled == []


def test_each_relation_has_its_sentence(sample_store):
    with KnowledgeGraph.open(sample_store, read_only=True) as graph:
        edges = list(graph.query("""
            SELECT ?s ?p ?o ?text WHERE {
              ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?sent .
              ?sent kg:text ?text ; kg:charStart ?a ; kg:charEnd ?b .
              ?s ?p ?o . }"""))
        direct = int(next(iter(graph.query("""
            SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o .
              FILTER (?p IN (kg:affiliatedWith, kg:nationality, kg:basedIn, kg:organizer, kg:host, kg:sponsor,
                             kg:participant, kg:speaker, kg:location, kg:funds, kg:partnerOf)) }""")))["n"].value)
    assert edges, "the samples state relations"
    assert all(row["text"].value.strip() for row in edges)
    assert direct >= len({(r["s"], r["p"], r["o"]) for r in edges})


def test_rebuilding_the_same_input_changes_nothing(sample_store, tmp_path):
    other = tmp_path / "again"
    run_kg("build", SAMPLES, "--store", other, "--quiet")
    first = run_kg("export", "--store", sample_store, "--format", "nq").stdout
    second = run_kg("export", "--store", other, "--format", "nq").stdout
    assert sorted(first.splitlines()) == sorted(second.splitlines())
    again = run_kg("build", SAMPLES, "--store", other)
    assert f"{len(list(SAMPLES.iterdir()))} unchanged" in again.stdout


def test_remove_drops_one_article_and_its_facts(tmp_path):
    store = tmp_path / "store"
    run_kg("build", SAMPLES, "--store", store, "--quiet")
    run_kg("remove", "sample-es-bid-paraguay", "--store", store)
    stats = json.loads(run_kg("stats", "--store", store, "--json").stdout)
    assert stats["articles"] == len(list(SAMPLES.iterdir())) - 1
    left = run_kg("query", "--store", store, "--format", "csv",
                  "SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }").stdout
    assert "Marta Giménez Ocampo" not in left
    missing = run_kg("remove", "no-such-article", "--store", store, check=False)
    assert missing.returncode != 0 and "no article 'no-such-article'" in missing.stderr


def test_a_second_writer_is_refused_with_the_store_named(tmp_path):
    store = tmp_path / "store"
    with KnowledgeGraph.open(store):
        proc = run_kg("build", SAMPLES, "--store", store, check=False)
    assert proc.returncode != 0
    assert str(store) in proc.stderr and "being written by pid" in proc.stderr
