"""`kg push` against a real Oxigraph server (Graph Store Protocol), then queried with SPARQL there."""
from __future__ import annotations

import json
import shutil

import httpx
import pytest

from conftest import SAMPLES, run_kg
from liveserver import OXIGRAPH, oxigraph_server

pytestmark = pytest.mark.skipif(not OXIGRAPH.exists(), reason="the oxigraph server (PyPI `oxigraph`) is not installed")

PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def remote_counts(base: str) -> dict[str, int]:
    r = httpx.post(base + "/query", data={"query": PER_GRAPH}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return {b["g"]["value"]: int(b["n"]["value"]) for b in r.json()["results"]["bindings"]}


def local_counts(store) -> dict[str, int]:
    out = run_kg("query", PER_GRAPH, "--store", store, "--format", "json").stdout
    return {b["g"]["value"]: int(b["n"]["value"]) for b in json.loads(out)["results"]["bindings"]}


def test_push_sends_every_article_graph_and_is_idempotent(sample_store, tmp_path):
    with oxigraph_server(tmp_path / "remote") as base:
        proc = run_kg("push", "--endpoint", base + "/store", "--store", sample_store)
        local = local_counts(sample_store)
        assert len(local) == 6
        assert f"{len(local)} graphs pushed ({sum(local.values())} triples), 0 failed" in proc.stdout
        assert remote_counts(base) == local

        run_kg("push", "--endpoint", base + "/store", "--store", sample_store, "--quiet")
        assert remote_counts(base) == local  # a second push replaces, never duplicates

        people = "SELECT DISTINCT ?name WHERE { GRAPH ?g { ?p a kg:Person ; rdfs:label ?name } }"
        prologue = "PREFIX kg: <https://w3id.org/kgnews/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        r = httpx.post(base + "/query", headers={"Accept": "application/sparql-results+json"},
                       data={"query": prologue + people})
        remote = {b["name"]["value"] for b in r.json()["results"]["bindings"]}
        here = json.loads(run_kg("query", people, "--store", sample_store, "--format", "json").stdout)
        assert remote and remote == {b["name"]["value"] for b in here["results"]["bindings"]}


def test_a_rebuilt_article_replaces_its_remote_graph(tmp_path):
    articles = tmp_path / "in"
    shutil.copytree(SAMPLES, articles)
    store = tmp_path / "store"
    run_kg("build", articles, "--store", store, "--quiet")
    with oxigraph_server(tmp_path / "remote") as base:
        run_kg("push", "--endpoint", base + "/store", "--store", store, "--quiet")
        before = remote_counts(base)
        story = articles / "en-worldbank-colombia.txt"
        story.write_text(story.read_text(encoding="utf-8").split("\n")[0] + "\n\nThe story was withdrawn.\n",
                         encoding="utf-8")
        run_kg("build", articles, "--store", store, "--quiet")
        proc = run_kg("push", "--endpoint", base + "/store", "--store", store, "--graph", "en-worldbank-colombia")
        assert "1 graphs pushed" in proc.stdout
        after = remote_counts(base)
        assert after == local_counts(store) and after != before


def test_push_reports_an_unreachable_server(sample_store, tmp_path):
    from liveserver import free_port

    proc = run_kg("push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--store", sample_store,
                  "--quiet", check=False)
    assert proc.returncode == 1 and "cannot reach" in proc.stderr and "0 graphs pushed" in proc.stdout


def test_push_reports_server_errors(sample_store, tmp_path):
    with oxigraph_server(tmp_path / "remote") as base:
        proc = run_kg("push", "--endpoint", base + "/no-such-path", "--store", sample_store, "--quiet", check=False)
    assert proc.returncode == 1 and "HTTP 404" in proc.stderr and "6 failed" in proc.stdout
