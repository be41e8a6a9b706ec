"""The Python API the CLI wraps: open, add, query, export."""
from __future__ import annotations

import pytest
import rdflib

from kg import KnowledgeGraph, StoreError, read_articles
from kg.article import Article

from conftest import DEV_CORPUS, SAMPLES


def test_open_add_query_export(tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        report = graph.add(read_articles([SAMPLES]))
        assert report.added == len(list(SAMPLES.iterdir())) and report.failed == 0
        names = {r["n"].value for r in graph.query("SELECT ?n WHERE { ?c a kg:Country ; rdfs:label ?n }")}
        assert "Brasil" in names or "Brazil" in names
        ttl = graph.export("ttl")
    assert len(rdflib.Graph().parse(data=ttl, format="turtle")) > 100


def test_a_changed_article_replaces_its_graph(tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        first = Article(id="n1", lang="en", title="Note", text="The minister visited Peru on Monday.")
        graph.add([first])
        changed = Article(id="n1", lang="en", title="Note", text="The minister visited Chile on Monday.")
        report = graph.add([changed])
        assert (report.replaced, report.added) == (1, 0)
        countries = {r["c"].value.rsplit("/", 1)[-1] for r in graph.query("SELECT ?c WHERE { ?c a kg:Country }")}
    assert countries == {"CL"}


def test_read_only_graphs_refuse_to_build(tmp_path):
    KnowledgeGraph.open(tmp_path / "store").close()
    with KnowledgeGraph.open(tmp_path / "store", read_only=True) as graph:
        with pytest.raises(StoreError, match="read-only"):
            graph.add([Article(id="x", lang="en", text="Text.")])


def test_reading_a_missing_store_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        KnowledgeGraph.open(tmp_path / "nothing", read_only=True)


@pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="needs ../shared/corpus/dev")
def test_the_dev_corpus_builds_and_its_nquads_parse(tmp_path):
    from conftest import run_kg

    store, out = tmp_path / "store", tmp_path / "dev.nq"
    run_kg("build", DEV_CORPUS, "--store", store, "--quiet")
    run_kg("export", "--store", store, "--format", "nq", "-o", out)
    ds = rdflib.Dataset()
    ds.parse(out, format="nquads")
    article_class = rdflib.URIRef("https://w3id.org/kgnews/ontology#Article")
    articles = {s for s, _, _, _ in ds.quads((None, rdflib.RDF.type, article_class, None))}
    assert len(articles) == len(list(DEV_CORPUS.glob("*.json")))
