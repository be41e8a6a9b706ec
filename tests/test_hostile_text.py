"""Hostile text in names, titles, ids and bodies: quotes, newlines, `>`, `{`, NUL, right-to-left
marks, emoji, lone surrogates, markup. It is stored as data, every export parses and loads back
into the same dataset, and query results in every format stay well-formed.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from conftest import run_kg
from reliability_support import build, dataset, store_graphs, union_triples, write_jsonl

NASTY = ('aspas " e \' e """ triplas, <tag> & >, {chaves} e [colchetes], barra \\ invertida, '
         'RLM\u200f RLO\u202e LRI\u2066 PDI\u2069, emoji 🇧🇷👩🏽‍💻, CDATA ]]>, @prefix x: <y> .')
RECORDS = [
    {"id": 'quote"s>{id}\u202e ../../etc', "lang": "pt",
     "title": 'Título "entre aspas" com\nquebra > e {chave}\u0000 e \u200fRTL 🚀',
     "url": "https://example.org/a b?c=\"d\"&e=<f>",
     "text": f"A ministra Ana \"Chefa\" {{Prata}} visitou o Brasil. {NASTY} O Banco Mundial apoiou o Brasil."},
    {"id": "surrogates", "lang": "es",
     "title": "Sustituto solitario \ud800 aquí", "text": "Carla \udfff Rocha visitó Perú. \ud83d\ude00 El Perú firmó."},
    {"id": "\u05e9\u05dc\u05d5\u05dd 🌍", "lang": "en",
     "title": "\u202eevil\u202c title", "text": "Officials of the World Bank met in Colombia on Monday.\r\nColombia agreed."},
]
EXPORTS = {"ttl": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "rdfxml": RdfFormat.RDF_XML,
           "trig": RdfFormat.TRIG, "nq": RdfFormat.N_QUADS, "jsonld": RdfFormat.JSON_LD}
DATASETS = {"trig", "nq", "jsonld"}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    source = root / "hostile.jsonl"
    # ensure_ascii keeps the lone surrogates as \\udXXX escapes, which is how they arrive in JSON
    with source.open("w", encoding="utf-8") as f:
        for record in RECORDS:
            f.write(json.dumps(record, ensure_ascii=True) + "\n")
    proc = build(source, "--store", root / "store")
    assert proc.returncode == 0, proc.stderr
    assert "unpaired UTF-16 surrogates; replaced with U+FFFD" in proc.stderr
    return root / "store"


def titles(store: Path) -> set[str]:
    out = run_kg("query", "--store", store, "--format", "json", "SELECT ?t WHERE { ?a kg:title ?t }").stdout
    return {row["t"]["value"] for row in json.loads(out)["results"]["bindings"]}


def test_text_is_stored_as_data_with_only_nul_and_lone_surrogates_replaced(store):
    assert titles(store) == {
        'Título "entre aspas" com\nquebra > e {chave} e \u200fRTL 🚀',
        "Sustituto solitario \ufffd aquí",
        "\u202eevil\u202c title",
    }
    quads = [q for graph in store_graphs(store).values() for q in graph]
    assert any("<tag> & >" in q and "]]>" in q for q in quads), "the hostile sentence was not stored verbatim"


def test_every_iri_is_valid_whatever_the_id(store):
    for graph in store_graphs(store):
        iri = graph.strip("<>")
        NamedNode(iri)
        assert not set(iri) & set(' <>"{}|\\^`\u202e'), iri


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_every_export_parses_back_to_the_same_data(store, tmp_path, fmt):
    out = tmp_path / f"kg.{fmt}"
    run_kg("export", "--store", store, "--format", fmt, "-o", out)
    parsed = {str(q) if fmt in DATASETS else str(q.triple) for q in parse(path=str(out), format=EXPORTS[fmt])}
    assert parsed == (dataset(store) if fmt in DATASETS else union_triples(store))


@pytest.mark.parametrize("fmt", sorted(DATASETS))
def test_dataset_exports_round_trip_through_kg_import(store, tmp_path, fmt):
    out = tmp_path / f"kg.{fmt}"
    run_kg("export", "--store", store, "--format", fmt, "-o", out)
    run_kg("import", out, "--format", fmt, "--store", tmp_path / "copy")
    assert dataset(tmp_path / "copy") == dataset(store)


def test_query_results_stay_well_formed_in_every_format(store):
    q = "SELECT ?a ?t ?text WHERE { ?a kg:title ?t . OPTIONAL { ?s kg:inArticle ?a ; kg:text ?text } }"
    table = run_kg("query", "--store", store, q).stdout
    assert "rows)" in table and "\x00" not in table
    rows = list(csv.reader(io.StringIO(run_kg("query", "--store", store, "--format", "csv", q).stdout)))
    assert rows[0] == ["a", "t", "text"] and len(rows) > 3
    assert any("<tag> & >" in cell for row in rows for cell in row)
    bindings = json.loads(run_kg("query", "--store", store, "--format", "json", q).stdout)["results"]["bindings"]
    assert len(bindings) == len(rows) - 1
    ET.fromstring(run_kg("query", "--store", store, "--format", "xml", q).stdout.encode())
    tsv = run_kg("query", "--store", store, "--format", "tsv", q).stdout.splitlines()
    assert len(tsv) == len(rows)  # newlines inside values are escaped, one line per row


def test_hostile_strings_never_become_query_syntax(store, tmp_path):
    """An article id or title that looks like SPARQL is stored and matched as a plain string."""
    injected = {"id": "x' } ; DROP ALL ; #", "lang": "en",
                "title": "\" . } INSERT DATA { <a:b> <a:c> <a:d> } #",
                "text": "The World Bank met officials of Chile in Santiago."}
    write_jsonl(tmp_path / "inj.jsonl", [injected])
    assert build(tmp_path / "inj.jsonl", "--store", tmp_path / "s").returncode == 0
    assert titles(tmp_path / "s") == {injected["title"]}
    assert run_kg("remove", injected["id"], "--store", tmp_path / "s").returncode == 0
    assert store_graphs(tmp_path / "s") == {}
