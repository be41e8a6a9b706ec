"""`kg build --workers N`, `--bulk` and `--atomic`: the same dataset as one process, whatever the route."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, Triple, serialize

from kg import KnowledgeGraph
from kg.ingest import read_articles
from kg.iris import article_iri
from kg.union import JOURNAL, MENDING

from conftest import ROOT, SAMPLES, run_kg

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py: synthetic articles with invented people)


def quads(store: Path) -> frozenset[str]:
    snapshot = Store.read_only(str(store / "oxigraph"))
    try:
        return frozenset(str(q) for q in snapshot)
    finally:
        del snapshot


def synthetic(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            f.write(json.dumps(generate.article(i), ensure_ascii=False) + "\n")
    return path


def test_generated_articles_are_long_multilingual_and_name_many_entities():
    records = list(generate.articles(60))
    assert {r["lang"] for r in records} == {"pt", "es", "en"}
    assert 1300 <= sum(len(r["text"]) for r in records) / len(records) <= 1800
    assert len({r["id"] for r in records}) == 60
    assert generate.article(5) == generate.article(5)  # reproducible: the same data in every run


def test_two_workers_build_the_same_dataset_as_one(tmp_path):
    corpus = synthetic(tmp_path / "corpus.jsonl", 18)
    one, two = tmp_path / "one", tmp_path / "two"
    run_kg("build", corpus, SAMPLES, "--store", one, "--workers", "1", "-q")
    out = run_kg("build", corpus, SAMPLES, "--store", two, "--workers", "2", "-q").stdout
    assert "24 articles built (24 new, 0 replaced)" in out
    assert quads(one) == quads(two)
    assert len(quads(one)) > 18 * 50


def test_bulk_loading_builds_the_same_dataset_as_transactions(tmp_path):
    corpus = synthetic(tmp_path / "corpus.jsonl", 12)
    run_kg("build", corpus, "--store", tmp_path / "tx", "--atomic", "-q")
    run_kg("build", corpus, "--store", tmp_path / "bulk", "-q")
    assert quads(tmp_path / "tx") == quads(tmp_path / "bulk")
    assert not (tmp_path / "bulk" / JOURNAL).exists() and not (tmp_path / "bulk" / MENDING).exists()


def test_a_bulk_batch_cut_short_is_rebuilt_whole_by_the_next_build(tmp_path):
    corpus = synthetic(tmp_path / "corpus.jsonl", 12)
    reference, store = tmp_path / "reference", tmp_path / "store"
    run_kg("build", corpus, "--store", reference, "--atomic", "-q")
    # What a build killed inside the bulk loader leaves: the batch listed with its union triples,
    # part of an article and all of its union triples on disk.
    victim = NamedNode(article_iri(generate.article(3)["id"]))
    with KnowledgeGraph.open(store) as graph:
        graph.add(read_articles([corpus]))
        doomed = list(graph.store.quads_for_pattern(None, None, None, victim))
        for quad in doomed[: len(doomed) // 2]:
            graph.store.remove(quad)
        # a triple that only the victim states stays in the union: the recovery must remove it
        graph.store.add(Quad(victim, NamedNode("https://example.org/only-in-victim"), victim))
    del graph  # releases Oxigraph's lock before the next build opens the store
    lost = [q.triple for q in doomed] + [Triple(victim, NamedNode("https://example.org/only-in-victim"), victim)]
    (store / MENDING).write_bytes(serialize(lost, format=RdfFormat.N_TRIPLES))
    (store / JOURNAL).write_text(victim.value + "\n", encoding="utf-8")
    assert quads(store) != quads(reference)
    proc = run_kg("build", corpus, "--store", store)
    assert "1 articles built (1 new, 0 replaced), 11 unchanged" in proc.stdout
    assert "interrupted bulk build" in proc.stderr
    assert quads(store) == quads(reference)
    assert not (store / JOURNAL).exists() and not (store / MENDING).exists()
