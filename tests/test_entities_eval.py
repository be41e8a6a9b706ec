"""`kg eval`: the scoring rules of the corpus guidelines, on articles and graphs written here."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, run_kg

from kg.evaluate import Graph, evaluate, score_article, subproperty_closure

KG = "https://w3id.org/kgnews/ontology#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

ARTICLE = {
    "id": "invented-pt-1", "lang": "pt", "title": "Agência Costeira aprova crédito para Recife",
    "text": ("Agência Costeira aprova crédito para Recife\n\n"
             "O presidente da Corporação Andina de Fomento (CAF), Rui Tavares Mendes, anunciou em Recife "
             "a aprovação de um crédito de US$ 50 milhões para o Brasil. Segundo Tavares Mendes, o "
             "\"Seminário de Cidades Costeiras\" reunirá prefeitos da região em março."),
    "entities": [
        {"type": "Institution", "name": "CAF", "aliases": ["CAF", "Corporação Andina de Fomento"]},
        {"type": "Person", "name": "Rui Tavares Mendes", "aliases": ["Rui Tavares Mendes", "Tavares Mendes"]},
        {"type": "Place", "name": "Recife", "aliases": ["Recife"]},
        {"type": "Country", "name": "Brasil", "iso": "BR", "aliases": ["Brasil"]},
        {"type": "Event", "name": "Seminário de Cidades Costeiras", "aliases": ["Seminário de Cidades Costeiras"]},
        {"type": "Event", "name": "aprovação de um crédito de US$ 50 milhões para o Brasil",
         "aliases": ["aprovação de um crédito de US$ 50 milhões para o Brasil", "aprova crédito para Recife"]},
        {"type": "Institution", "name": "Agência Costeira", "aliases": ["Agência Costeira"], "optional": True},
    ],
    "relations": [{"type": "affiliation", "s": "Rui Tavares Mendes", "o": "CAF"}],
}


def graph(nodes: dict[str, tuple[str, list[str]]], edges: list[tuple[str, str, str]] = ()) -> Graph:
    triples = []
    for node, (cls, labels) in nodes.items():
        triples.append((node, TYPE, KG + cls))
        triples.append((node, LABEL, labels[0]))
        triples += [(node, ALT, x) for x in labels[1:]]
    triples += [(s, KG + p, o) for s, p, o in edges]
    return Graph(triples)


def test_rules_case_accents_duplicates_optional_events() -> None:
    g = graph({
        "n1": ("Institution", ["corporacao andina de fomento"]),   # case and accents do not matter
        "n2": ("Institution", ["CAF"]),                            # a second node for the same one: duplicate
        "n3": ("Person", ["Rui Tavares Mendes"]),
        "n4": ("Event", ["seminário sobre cidades costeiras"]),   # Jaccard 3/4 with the title
        "n5": ("Institution", ["Agência Costeira"]),               # optional: neither rewarded nor penalised
        "n6": ("Place", ["Olinda"]),                               # spurious
    }, [("n3", "affiliatedWith", "n1")])
    result, details = score_article(ARTICLE, g, subproperty_closure())
    e = result["entities"]
    assert e["Institution"] == (1, 1, 0)
    assert e["Person"] == (1, 0, 0)
    assert e["Event"] == (1, 0, 1)
    assert e["Place"] == (0, 1, 1)
    assert e["Country"] == (0, 0, 1)
    assert result["relations"]["affiliation"] == (1, 0, 0)
    assert any("missed Country: Brasil" in d for d in details)


def test_event_below_half_overlap_does_not_match() -> None:
    g = graph({"n1": ("Event", ["reunião de prefeitos"])})
    result, _ = score_article(ARTICLE, g, subproperty_closure())
    assert result["entities"]["Event"] == (0, 1, 2)


def test_evaluate_builds_each_article_and_reports_per_type(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(ARTICLE, ensure_ascii=False), encoding="utf-8")
    summary = evaluate(tmp_path)
    assert summary["articles"] == 1 and summary["build_failures"] == 0
    for t in ("Person", "Institution", "Country", "Place", "Event"):
        assert summary["entities"][t]["f1"] == 1.0, (t, summary["entities"][t])


def test_cli_eval_writes_json_and_lists_misses(tmp_path: Path) -> None:
    gold = dict(ARTICLE, entities=ARTICLE["entities"] + [{"type": "Person", "name": "Inês Caldeira", "aliases": []}])
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "scores.json"
    proc = run_kg("eval", tmp_path / "gold", "--json", out, "--verbose")
    assert "missed Person: Inês Caldeira" in proc.stdout
    assert json.loads(out.read_text())["entities"]["Person"]["fn"] == 1


@pytest.mark.slow
def test_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    scorer = SHARED / "tools" / "kgscore.py"
    if not scorer.exists():
        pytest.skip("reference scorer not present")
    (tmp_path / "a.json").write_text(json.dumps(ARTICLE, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(scorer), str(tmp_path), "--kg", f"{sys.executable} -m kg"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=True)
    theirs = {m[0]: tuple(map(int, m[1:])) for m in re.findall(r"^(\w+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)/(\d+)/(\d+)$",
                                                                proc.stdout, re.M)}
    ours = evaluate(tmp_path)
    for part in ("entities", "relations"):
        for t, s in ours[part].items():
            if t != "overall" and t in theirs:
                assert theirs[t] == (s["tp"], s["fp"], s["fn"]), (t, theirs[t], s)
