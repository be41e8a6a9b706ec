"""`kg validate`: the SHACL shapes hold on what kg builds, and catch what breaks the contract."""
from __future__ import annotations

import pytest

from conftest import DEV_CORPUS, run_kg

BROKEN = """\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix art: <https://w3id.org/kgnews/id/article/> .
@prefix person: <https://w3id.org/kgnews/id/person/> .
@prefix place: <https://w3id.org/kgnews/id/place/> .
@prefix event: <https://w3id.org/kgnews/id/event/> .
@prefix inst: <https://w3id.org/kgnews/id/institution/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
art:broken {
  art:broken a kg:Article ; kg:contentHash "x" ; kg:published "yesterday" ;
      kg:mentions person:ana-quintela-voss , place:vila-nenhures , event:feira-imaginaria , inst:sem-nome .
  person:ana-quintela-voss a kg:Person , kg:Institution ; rdfs:label "Ana Quintela Voss" ;
      kg:affiliatedWith place:vila-nenhures .
  place:vila-nenhures a kg:Place ; rdfs:label "Vila Nenhures" .
  inst:sem-nome a kg:Institution .
  inst:banco-do-vale a kg:Institution ; rdfs:label "Banco do Vale" ; kg:funds inst:sem-nome .
  event:feira-imaginaria a kg:Event ; rdfs:label "Feira Imaginária" ;
      kg:startDate "2031-02-03T10:00:00"^^xsd:dateTime .
  <https://w3id.org/kgnews/id/statement/ok> a kg:Statement ;
      rdf:subject inst:banco-do-vale ; rdf:predicate kg:partnerOf ; rdf:object inst:sem-nome .
}
"""


def test_samples_conform(sample_store):
    proc = run_kg("validate", "--store", sample_store, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conforms" in proc.stderr and proc.stdout.strip() == ""


def test_every_broken_rule_is_reported(tmp_path):
    data = tmp_path / "broken.trig"
    data.write_text(BROKEN, encoding="utf-8")
    store = tmp_path / "store"
    run_kg("import", data, "--store", store)
    proc = run_kg("validate", "--store", store, check=False)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    expected = [
        ("kgd:article/broken kg:published", "xsd:date"),
        ("kgd:event/feira-imaginaria kg:startDate", "xsd:date"),
        ("kgd:institution/sem-nome rdfs:label", "rdfs:label"),
        ("kgd:person/ana-quintela-voss kg:affiliatedWith = kgd:place/vila-nenhures", "kg:Institution"),
        ("kgd:person/ana-quintela-voss rdf:type", "exactly one of the classes"),
        ("kgd:institution/banco-do-vale kg:funds kgd:institution/sem-nome", "no kg:Statement"),
        ("kgd:statement/ok kg:evidence", "kg:evidence"),
    ]
    for where, what in expected:
        assert any(where in line and what in line for line in lines), (where, proc.stdout)
    assert all(line.startswith("Violation: ") for line in lines)
    assert "[in broken]" in proc.stdout  # each violation names the article that states it
    assert f"{len(lines)} violation(s)" in proc.stderr


@pytest.mark.slow
@pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="the shared dev corpus is not on this machine")
def test_dev_corpus_conforms(tmp_path):
    store = tmp_path / "dev"
    run_kg("build", DEV_CORPUS, "--store", store, "--quiet", timeout=900)
    proc = run_kg("validate", "--store", store, check=False)
    assert proc.returncode == 0, f"violations on the dev corpus:\n{proc.stdout}"
