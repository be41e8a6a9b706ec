#!/usr/bin/env python3
"""PER/ORG/LOC F1 of kg's entity pipeline on public gold NER test sets, as a reference.

Reads ../shared/benchmarks/ (MiniHAREM for Portuguese, CoNLL-2002 esp.testb for Spanish) at run
time; nothing from them is kept. kg's classes map to the CoNLL ones: Person -> PER,
Institution -> ORG, Country and Place -> LOC; events and the extra alias mentions are left
out. Scores are exact-span micro P/R/F1 per class, as conlleval counts them. kg is not tuned to
these sets (their notion of ORG and LOC is broader than a press release's), so compare per
class with the published figures the benchmarks' README gives, not with the overall ones.

usage: .venv/bin/python bench/bench_ner_public.py [--limit N] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "benchmarks"
SETS = {  # name -> (file, language)
    "minharem_selective": (BENCH / "harem" / "minharem_selective_test.jsonl", "pt"),
    "conll2002_es_testb": (BENCH / "conll2002_es" / "esp_testb.jsonl", "es"),
}
CLASSES = {"Person": "PER", "Institution": "ORG", "Country": "LOC", "Place": "LOC"}


def predicted(lang: str, text: str) -> set[tuple[int, int, str]]:
    from kg.nlp import pipeline_for
    from kg.nlp.components.select import ENTS
    from kg.nlp.tokens import tokens

    doc = pipeline_for(lang)(text)
    v = tokens(doc)
    out = set()
    for start, end, label, _ in doc.user_data.get(ENTS, ()):
        if label in CLASSES:
            a, b = v.char_span(start, end)
            out.add((a, b, CLASSES[label]))
    return out


def score(path: Path, lang: str, limit: int | None) -> dict[str, dict[str, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            item = json.loads(line)
            gold = {(e["start"], e["end"], e["label"]) for e in item["entities"] if e["label"] in {"PER", "ORG", "LOC"}}
            pred = predicted(lang, item["text"])
            for cls in ("PER", "ORG", "LOC"):
                g = {x for x in gold if x[2] == cls}
                p = {x for x in pred if x[2] == cls}
                tp[cls] += len(g & p)
                fp[cls] += len(p - g)
                fn[cls] += len(g - p)
    table = {}
    for cls in ("PER", "ORG", "LOC", "all"):
        t, p_, n_ = (sum(c.values()) for c in (tp, fp, fn)) if cls == "all" else (tp[cls], fp[cls], fn[cls])
        prec = t / (t + p_) if t + p_ else 0.0
        rec = t / (t + n_) if t + n_ else 0.0
        table[cls] = {"p": round(prec, 3), "r": round(rec, 3), "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0}
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="lines per set (documents for HAREM, sentences for CoNLL)")
    ap.add_argument("--json")
    a = ap.parse_args()
    results = {}
    for name, (path, lang) in SETS.items():
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        results[name] = score(path, lang, a.limit)
        cells = "  ".join(f"{c} P {s['p']:.2f} R {s['r']:.2f} F1 {s['f1']:.2f}" for c, s in results[name].items())
        print(f"{name} ({lang}): {cells}")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
