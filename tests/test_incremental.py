"""Incremental builds: unchanged articles skipped, changed ones replaced, `--prune`, stable IRIs."""
from __future__ import annotations

import json
from pathlib import Path

from pyoxigraph import NamedNode

from kg import BuildReport, KnowledgeGraph
from kg.ingest import read_articles
from kg.iris import article_iri
from kg.parallel import stored_hashes

from conftest import run_kg
from test_scale import generate, quads, synthetic


def build(store: Path, *paths: Path, **options) -> BuildReport:
    """A build through the API, in this process (its spaCy pipelines stay loaded between builds)."""
    with KnowledgeGraph.open(store) as graph:
        report = graph.add(read_articles(paths), **options)
    del graph  # releases Oxigraph's own lock at once, for the next build or reader
    return report


def entities(store: Path) -> set[str]:
    with KnowledgeGraph.open(store, read_only=True) as graph:
        rows = graph.query("SELECT DISTINCT ?e WHERE { ?e a ?c FILTER(?c != kg:Article && ?c != kg:Statement) }")
        return {row["e"].value for row in rows}


def test_a_second_run_skips_every_unchanged_article_and_changes_nothing(tmp_path):
    corpus = synthetic(tmp_path / "corpus.jsonl", 30)
    store = tmp_path / "store"
    build(store, corpus)
    before, iris = quads(store), entities(store)
    report = build(store, corpus)
    assert (report.articles, report.unchanged) == (0, 30)
    assert quads(store) == before and entities(store) == iris


def test_a_changed_article_replaces_its_graph_and_the_result_equals_a_fresh_build(tmp_path):
    records = [generate.article(i) for i in range(10)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = tmp_path / "store"
    build(store, corpus)
    old_text = records[4]["text"]
    records[4]["text"] = generate.article(99)["text"]  # same id, other content
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = build(store, corpus)
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 9)
    fresh = tmp_path / "fresh"
    build(fresh, corpus)
    assert quads(store) == quads(fresh)
    graph_name = f"<{article_iri(records[4]['id'])}>"
    assert not any(old_text[:60] in q and q.endswith(graph_name + " .") for q in quads(store))


def test_prune_removes_the_articles_no_longer_in_the_input(tmp_path):
    store = tmp_path / "store"
    build(store, synthetic(tmp_path / "all.jsonl", 8))
    kept = synthetic(tmp_path / "kept.jsonl", 5)
    assert build(store, kept).unchanged == 5  # without --prune nothing goes
    with KnowledgeGraph.open(store, read_only=True) as graph:
        assert len(stored_hashes(graph.store)) == 8
    out = run_kg("build", kept, "--store", store, "--prune", "-q").stdout
    assert "3 removed" in out
    fresh = tmp_path / "fresh"
    build(fresh, kept)
    assert quads(store) == quads(fresh)


def test_prune_is_refused_when_part_of_the_input_cannot_be_read(tmp_path):
    store = tmp_path / "store"
    corpus = synthetic(tmp_path / "corpus.jsonl", 4)
    build(store, corpus)
    report = build(store, corpus, tmp_path / "missing.jsonl", prune=True)
    assert report.removed == 0 and any("--prune skipped" in w for w in report.warnings)
    with KnowledgeGraph.open(store, read_only=True) as graph:
        assert len(stored_hashes(graph.store)) == 4
        assert graph.store.contains_named_graph(NamedNode(article_iri(generate.article(0)["id"])))


def test_entity_iris_stay_the_same_across_incremental_runs(tmp_path):
    store, fresh = tmp_path / "store", tmp_path / "fresh"
    build(store, synthetic(tmp_path / "a.jsonl", 6))
    first = entities(store)
    build(store, synthetic(tmp_path / "b.jsonl", 6, start=6))
    build(fresh, tmp_path / "a.jsonl", tmp_path / "b.jsonl")
    assert first <= entities(store)
    assert entities(store) == entities(fresh) and quads(store) == quads(fresh)
