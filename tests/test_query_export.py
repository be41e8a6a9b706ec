"""`kg query` and `kg export`: SPARQL in, standard formats out."""
from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib

from conftest import QUERIES, run_kg


def test_select_as_csv_and_json(sample_store):
    q = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
    rows = list(csv.DictReader(io.StringIO(run_kg("query", q, "--store", sample_store, "--format", "csv").stdout)))
    assert "Daniel Whitford" in {r["name"] for r in rows}
    data = json.loads(run_kg("query", q, "--store", sample_store, "--format", "json").stdout)
    assert data["head"]["vars"] == ["name"] and len(data["results"]["bindings"]) == len(rows)


def test_ask_and_construct(sample_store):
    assert run_kg("query", "ASK { ?c a kg:Country }", "--store", sample_store).stdout.strip() == "true"
    ttl = run_kg("query", "CONSTRUCT { ?c a kg:Country } WHERE { ?c a kg:Country }", "--store", sample_store).stdout
    g = rdflib.Graph().parse(data=ttl, format="turtle")
    assert (rdflib.URIRef("https://w3id.org/kgnews/id/country/BR"), rdflib.RDF.type,
            rdflib.URIRef("https://w3id.org/kgnews/ontology#Country")) in g


@pytest.mark.parametrize("query_file", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_every_example_query_runs(sample_store, query_file):
    out = run_kg("query", "-f", query_file, "--store", sample_store).stdout
    assert out.strip().endswith("rows)") or out.strip().endswith("row)")


def test_a_syntax_error_is_one_line_naming_the_problem(sample_store):
    proc = run_kg("query", "SELECT ?x WHERE { ?x ", "--store", sample_store, check=False)
    assert proc.returncode != 0
    assert "SPARQL syntax error" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_a_file_given_as_the_query_gets_told_to_use_dash_f(sample_store):
    proc = run_kg("query", "data/queries/evidence.rq", "--store", sample_store, check=False)
    assert proc.returncode != 0
    assert proc.stderr.strip().endswith("kg query -f data/queries/evidence.rq"), proc.stderr


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt"), ("nq", "nquads"), ("trig", "trig"),
                                        ("jsonld", "json-ld")])
def test_exports_parse_with_rdflib(sample_store, tmp_path, fmt, parser):
    out = tmp_path / f"kg.{fmt}"
    run_kg("export", "--store", sample_store, "--format", fmt, "-o", out)
    ds = rdflib.Dataset()
    ds.parse(out, format=parser)
    assert len(ds) > 0 or sum(len(g) for g in ds.graphs()) > 100


def test_turtle_export_uses_the_ontology_prefixes(sample_store):
    ttl = run_kg("export", "--store", sample_store, "--format", "ttl").stdout
    assert "@prefix kg: <https://w3id.org/kgnews/ontology#>" in ttl
    assert "kg:Person" in ttl


def test_one_article_graph(sample_store):
    nq = run_kg("export", "--store", sample_store, "--format", "nq", "--graph", "sample-es-bid-paraguay").stdout
    graphs = {line.rsplit(" ", 2)[-2] for line in nq.strip().splitlines()}
    assert graphs == {"<https://w3id.org/kgnews/id/article/sample-es-bid-paraguay>"}
