"""Export then `kg import` into a fresh store gives back the same data, in every format."""
from __future__ import annotations

import json

import pytest
from pyoxigraph import CanonicalizationAlgorithm, Dataset, DefaultGraph, RdfFormat, Store, parse

from conftest import run_kg

DATASET_FORMATS = ["trig", "nq", "jsonld"]
GRAPH_FORMATS = ["ttl", "nt", "rdfxml"]
SUFFIX = {"ttl": "ttl", "trig": "trig", "nt": "nt", "nq": "nq", "jsonld": "jsonld", "rdfxml": "rdf"}


def dataset_of(store_dir, union: bool) -> Dataset:
    """The store's quads, canonicalised: with `union` its default graph (kg keeps the union of the
    article graphs there, kg/union.py), else its named graphs."""
    store = Store.read_only(str(store_dir / "oxigraph"))
    dataset = Dataset()
    for quad in store:
        if isinstance(quad.graph_name, DefaultGraph) == union:
            dataset.add(quad)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def roundtrip(sample_store, tmp_path, fmt: str, *extra: str):
    exported = tmp_path / f"export.{SUFFIX[fmt]}"
    run_kg("export", "--store", sample_store, "--format", fmt, "-o", exported, *extra)
    fresh = tmp_path / "fresh"
    out = run_kg("import", exported, "--store", fresh).stdout
    assert "quads added" in out
    return exported, fresh


@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_dataset_formats_keep_every_quad_and_graph(sample_store, tmp_path, fmt):
    _, fresh = roundtrip(sample_store, tmp_path, fmt)
    original = dataset_of(sample_store, union=False)
    assert len(original) > 100
    assert dataset_of(fresh, union=False) == original


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_graph_formats_keep_the_union_of_the_articles(sample_store, tmp_path, fmt):
    _, fresh = roundtrip(sample_store, tmp_path, fmt)
    assert dataset_of(fresh, union=True) == dataset_of(sample_store, union=True)


def test_graph_formats_survive_a_second_round(sample_store, tmp_path):
    # Triples imported into the default graph must come out of the next export too.
    _, fresh = roundtrip(sample_store, tmp_path, "ttl")
    again = tmp_path / "again.nt"
    run_kg("export", "--store", fresh, "--format", "nt", "-o", again)
    reread = Dataset(parse(path=str(again), format=RdfFormat.N_TRIPLES))
    reread.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    assert reread == dataset_of(sample_store, union=True)


def test_one_article_graph_round_trips(sample_store, tmp_path):
    article = "sample-pt-reuniao-fonplata"
    _, fresh = roundtrip(sample_store, tmp_path, "trig", "--graph", article)
    back = dataset_of(fresh, union=False)
    graphs = {q.graph_name.value for q in back}
    assert graphs == {f"https://w3id.org/kgnews/id/article/{article}"}
    whole = dataset_of(sample_store, union=False)
    assert all(q in whole for q in back)


def test_jsonld_has_a_context_with_the_ontology_prefixes(sample_store):
    doc = json.loads(run_kg("export", "--store", sample_store, "--format", "jsonld").stdout)
    assert doc["@context"]["kg"] == "https://w3id.org/kgnews/ontology#"
    assert "kg:mentions" in json.dumps(doc)  # keys compacted against the context


def test_turtle_is_written_with_the_ontology_prefixes(sample_store):
    ttl = run_kg("export", "--store", sample_store, "--format", "ttl").stdout
    assert "@prefix kg: <https://w3id.org/kgnews/ontology#> ." in ttl and " kg:Person" in ttl


def test_import_refuses_broken_files_whole(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('<http://example.org/a> <http://example.org/b> "ok" .\n<http://example.org/a> <b "x .\n')
    proc = run_kg("import", bad, "--store", tmp_path / "store", check=False)
    assert proc.returncode != 0 and "bad.ttl" in proc.stderr and "not valid ttl" in proc.stderr
    unknown = tmp_path / "data.xyz"
    unknown.write_text("")
    proc = run_kg("import", unknown, "--store", tmp_path / "store", check=False)
    assert proc.returncode != 0 and "--format" in proc.stderr
