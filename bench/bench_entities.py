#!/usr/bin/env python3
"""Speed of entity extraction: articles/s and tokens/s, one process, full lexicons loaded.

The articles are generated here (~1,500 characters, pt/es/en press-release style, invented
people; institutions, countries and cities drawn from the lexicons), so the figures do not
depend on any corpus. Also reports the pipelines' load time and the CLI's start-up time.

usage: .venv/bin/python bench/bench_entities.py [--articles 2000] [--lang pt,es,en] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = ["Amaranta", "Belisario", "Casimira", "Dionísio", "Eulália", "Fulgencio", "Graciela", "Hermínio", "Isaura",
         "Jacinto", "Leocádia", "Melquíades", "Nicanor", "Olímpia", "Práxedes", "Rosaura", "Saturnino", "Teodora"]
LAST = ["Albarracín", "Bezerra", "Cifuentes", "Dornelles", "Echeverría", "Figueroa", "Guimarães", "Huidobro",
        "Iturralde", "Jaramillo", "Lacerda", "Mondragón", "Nogueira", "Olivares", "Pimentel", "Quiroga", "Sepúlveda"]
TEMPLATES = {
    "pt": ["O {post} da {inst}, {person}, anunciou em {city} um financiamento de US$ {n} milhões para o {country}.",
           "A {inst} e o Ministério da {area} do {country} assinaram um acordo de cooperação técnica.",
           "Durante o seminário sobre {area} realizado em {city}, {person} destacou o papel da {inst}.",
           "Segundo {surname}, a iniciativa beneficiará {n} mil famílias de {city} e de outras cidades do {country}.",
           "O Banco Nacional de {area} e a Secretaria de {area} participaram da reunião com representantes de {country}."],
    "es": ["El {post} de la {inst}, {person}, anunció en {city} un crédito de US$ {n} millones para {country}.",
           "La {inst} y el Ministerio de {area} de {country} firmaron un convenio de cooperación técnica.",
           "Durante el seminario sobre {area} realizado en {city}, {person} destacó el papel de la {inst}.",
           "Según {surname}, la iniciativa beneficiará a {n} mil familias de {city} y de otras ciudades de {country}.",
           "El Banco Nacional de {area} y la Secretaría de {area} participaron en la reunión con representantes de {country}."],
    "en": ["The {post} of the {inst}, {person}, announced in {city} a US$ {n} million loan to {country}.",
           "The {inst} and the Ministry of {area} of {country} signed a technical cooperation agreement.",
           "During the seminar on {area} held in {city}, {person} stressed the role of the {inst}.",
           "According to {surname}, the initiative will benefit {n} thousand families in {city} and other cities of {country}.",
           "The National Bank of {area} and the Department of {area} took part in the meeting with officials from {country}."],
}
POSTS = {"pt": ["presidente", "diretora", "vice-ministro"], "es": ["presidenta", "director", "viceministro"],
         "en": ["president", "director", "deputy minister"]}
AREAS = {"pt": ["Agricultura", "Saúde", "Educação", "Energia"], "es": ["Agricultura", "Salud", "Educación", "Energía"],
         "en": ["Agriculture", "Health", "Education", "Energy"]}
INSTITUTIONS = ["CAF", "BID", "FONPLATA", "Banco Mundial", "CEPAL", "BNDES", "IDB", "World Bank"]
CITIES = ["Lima", "Bogotá", "Quito", "Montevideo", "Asunción", "Recife", "Córdoba", "Santiago", "La Paz", "Salvador"]


def make_article(lang: str, rng: random.Random, target: int = 1500) -> str:
    from kg.nlp.lexicon import countries

    names = sorted(countries(lang))
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < target:
        first, last, last2 = rng.choice(FIRST), rng.choice(LAST), rng.choice(LAST)
        parts.append(rng.choice(TEMPLATES[lang]).format(
            post=rng.choice(POSTS[lang]), inst=rng.choice(INSTITUTIONS), person=f"{first} {last} {last2}",
            surname=last, city=rng.choice(CITIES), country=rng.choice(names), area=rng.choice(AREAS[lang]),
            n=rng.randint(2, 900)))
    return " ".join(parts)[: target + 200]


def cli_startup() -> float:
    kg = ROOT / ".venv" / "bin" / "kg"
    cmd = [str(kg), "--help"] if kg.exists() else [sys.executable, "-m", "kg", "--help"]
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles per language")
    ap.add_argument("--lang", default="pt,es,en")
    ap.add_argument("--json", help="write the figures here too")
    a = ap.parse_args()
    from kg.nlp import mentions_from_doc, pipeline_for

    results = {"cli_startup_s": round(cli_startup(), 3), "languages": {}}
    for lang in a.lang.split(","):
        t = time.perf_counter()
        nlp = pipeline_for(lang)
        load = time.perf_counter() - t
        rng = random.Random(7)
        texts = [make_article(lang, rng) for _ in range(a.articles)]
        for text in texts[:20]:  # warm-up: caches, lazy imports
            mentions_from_doc(nlp(text))
        tokens = mentions = 0
        t, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            doc = nlp(text)
            mentions += len(mentions_from_doc(doc))
            tokens += len(doc)
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        base = time.process_time()
        for text in texts:  # the floor: spaCy's tokenizer alone, in the same conditions
            nlp.make_doc(text)
        base = time.process_time() - base
        results["languages"][lang] = {
            "articles": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts)),
            "articles_per_s": round(len(texts) / took, 1), "tokens_per_s": round(tokens / took),
            # per second of this process's CPU time: what one core gives when other work shares the machine
            "articles_per_cpu_s": round(len(texts) / cpu, 1), "tokens_per_cpu_s": round(tokens / cpu),
            "tokenizer_only_articles_per_cpu_s": round(len(texts) / base, 1),
            "mentions_per_article": round(mentions / len(texts), 1), "pipeline_load_s": round(load, 2)}
    for lang, r in results["languages"].items():
        print(f"{lang}: {r['articles_per_s']:>8} articles/s  {r['tokens_per_s']:>9} tokens/s wall-clock | "
              f"{r['articles_per_cpu_s']:>8} articles/s  {r['tokens_per_cpu_s']:>9} tokens/s of CPU time  "
              f"({r['articles']} articles of ~{r['mean_chars']} chars, {r['mentions_per_article']} mentions each; "
              f"pipeline load {r['pipeline_load_s']} s; tokenizer alone {r['tokenizer_only_articles_per_cpu_s']} articles/s)")
    print(f"load average while running: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"CLI start-up (kg --help): {results['cli_startup_s']} s")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
