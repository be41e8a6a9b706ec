"""Synthetic news articles for benchmarks: pt, es and en press releases of about 1,500 characters.

Every person is invented (common first names, made-up surnames); institutions are the region's
multilateral banks plus ministries and agencies composed from countries, so that the extractor
sees dozens of distinct institutions and hundreds of people, as in a real archive. The output
is JSON Lines, written as it is generated, so that any size fits in memory:

    python bench/generate.py 10000 -o /tmp/bench/10k.jsonl [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import IO

FIRST = ["Ana", "Carlos", "María", "João", "Lucía", "Pedro", "Fernanda", "Diego", "Camila", "Rafael",
         "Beatriz", "Andrés", "Julia", "Miguel", "Paula", "Tomás", "Helena", "Javier", "Marta", "Daniel",
         "Laura", "Rodrigo", "Sofía", "Gabriel", "Elena", "Felipe", "Clara", "Mateo", "Isabel", "Hugo"]
# Made-up surnames: no real person is named.
SURNAMES = ["Valdrena", "Orlacio", "Quintarro", "Belmiro", "Castrelo", "Ferrandiz", "Moravel", "Taliente",
            "Urquelo", "Brasanto", "Lindoro", "Pestana Ruvio", "Solarte", "Albrenes", "Carvanho", "Demarcio",
            "Escobal", "Fontiveros", "Garmendo", "Iturralde Paz", "Lucarno", "Montiel Saro", "Navarrel",
            "Olivenço", "Pradera", "Ribamar", "Sequeiro", "Tavorda", "Vilaseca", "Zamborín"]
COUNTRIES = {
    "es": ["Argentina", "Bolivia", "Chile", "Colombia", "Ecuador", "Paraguay", "Perú", "Uruguay", "México",
           "Panamá", "Honduras", "Guatemala"],
    "pt": ["Argentina", "Bolívia", "Chile", "Colômbia", "Equador", "Paraguai", "Peru", "Uruguai", "México",
           "Panamá", "Honduras", "Guatemala"],
    "en": ["Argentina", "Bolivia", "Chile", "Colombia", "Ecuador", "Paraguay", "Peru", "Uruguay", "Mexico",
           "Panama", "Honduras", "Guatemala"],
}
CITIES = ["Asunción", "Lima", "Quito", "Montevideo", "Santiago", "Bogotá", "La Paz", "Panamá", "Tegucigalpa",
          "Brasília", "Buenos Aires", "Cartagena", "Recife", "Cusco", "Salvador"]
BANKS = {
    "es": ["Banco Interamericano de Desarrollo (BID)", "Banco Mundial", "CAF", "FONPLATA",
           "Banco Centroamericano de Integración Económica (BCIE)", "Banco Europeo de Inversiones (BEI)"],
    "pt": ["Banco Interamericano de Desenvolvimento (BID)", "Banco Mundial", "CAF", "FONPLATA",
           "Banco Nacional de Desenvolvimento Econômico e Social (BNDES)", "Banco Europeu de Investimento (BEI)"],
    "en": ["Inter-American Development Bank (IDB)", "World Bank", "CAF", "FONPLATA",
           "Central American Bank for Economic Integration (CABEI)", "European Investment Bank (EIB)"],
}
MINISTRIES = {
    "es": ["Ministerio de Economía", "Ministerio de Obras Públicas", "Ministerio de Salud", "Ministerio de Educación",
           "Ministerio de Ambiente", "Ministerio de Hacienda"],
    "pt": ["Ministério da Economia", "Ministério de Obras Públicas", "Ministério da Saúde", "Ministério da Educação",
           "Ministério do Meio Ambiente", "Ministério da Fazenda"],
    "en": ["Ministry of Economy", "Ministry of Public Works", "Ministry of Health", "Ministry of Education",
           "Ministry of Environment", "Ministry of Finance"],
}
POSTS = {
    "es": [("la ministra", "f"), ("el ministro", "m"), ("el presidente", "m"), ("la presidenta", "f"),
           ("el director ejecutivo", "m"), ("la gerente general", "f"), ("el representante", "m")],
    "pt": [("a ministra", "f"), ("o ministro", "m"), ("o presidente", "m"), ("a presidenta", "f"),
           ("o diretor executivo", "m"), ("a gerente geral", "f"), ("o representante", "m")],
    "en": [("Minister", "-"), ("President", "-"), ("Executive Director", "-"), ("General Manager", "-"),
           ("Representative", "-")],
}
PURPOSES = {
    "es": ["mejorar caminos rurales", "ampliar el acceso al agua potable", "fortalecer la salud primaria",
           "modernizar escuelas técnicas", "apoyar a pequeñas empresas", "reducir pérdidas de energía"],
    "pt": ["melhorar estradas rurais", "ampliar o acesso à água potável", "fortalecer a atenção primária",
           "modernizar escolas técnicas", "apoiar pequenas empresas", "reduzir perdas de energia"],
    "en": ["improve rural roads", "expand access to drinking water", "strengthen primary health care",
           "modernise technical schools", "support small businesses", "reduce energy losses"],
}
MONTHS = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
EVENTS = {
    "es": ["Foro Regional de Infraestructura", "Cumbre de Ciudades Sostenibles", "Seminario de Innovación Pública"],
    "pt": ["Fórum Regional de Infraestrutura", "Cúpula de Cidades Sustentáveis", "Seminário de Inovação Pública"],
    "en": ["Regional Infrastructure Forum", "Sustainable Cities Summit", "Public Innovation Seminar"],
}
SENTENCES = {
    "es": {
        "lead": "El Directorio del {bank} aprobó un préstamo de {amount} millones de dólares para {country}, destinado a {purpose}.",
        "sign": "{Post} del {ministry} de {country}, {person}, firmó el contrato en {city} junto a {post2} del {bank}, {person2}.",
        "quote": "\"Este financiamiento llega a miles de familias\", afirmó {surname}.",
        "partner": "El programa será ejecutado por el {ministry} y contará con la cooperación técnica del {bank2}.",
        "event": "El {event} se realizará en {event_city} del {d1} al {d2} de {month} de {year}, con delegaciones de {country} y {country2}.",
        "cofund": "El {bank2} aportará otros {amount2} millones de dólares como cofinanciamiento.",
        "filler": "Según el documento aprobado, las obras comenzarán en el segundo semestre y generarán empleo local en las regiones más pobres del país.",
        "title": "{bank_short} aprueba {amount} millones de dólares para {country}",
    },
    "pt": {
        "lead": "A Diretoria do {bank} aprovou um empréstimo de {amount} milhões de dólares para {country}, destinado a {purpose}.",
        "sign": "{Post} do {ministry} de {country}, {person}, assinou o contrato em {city} com {post2} do {bank}, {person2}.",
        "quote": "\"Este financiamento chega a milhares de famílias\", afirmou {surname}.",
        "partner": "O programa será executado pelo {ministry} e contará com a cooperação técnica do {bank2}.",
        "event": "O {event} será realizado em {event_city} de {d1} a {d2} de {month} de {year}, com delegações de {country} e de {country2}.",
        "cofund": "O {bank2} aportará outros {amount2} milhões de dólares como cofinanciamento.",
        "filler": "Segundo o documento aprovado, as obras começarão no segundo semestre e vão gerar emprego local nas regiões mais pobres do país.",
        "title": "{bank_short} aprova {amount} milhões de dólares para {country}",
    },
    "en": {
        "lead": "The Board of the {bank} approved a ${amount} million loan to {country} to {purpose}.",
        "sign": "{country}'s {Post} of {ministry_bare}, {person}, signed the agreement in {city} with {bank_short} {post2} {person2}.",
        "quote": "\"This financing reaches thousands of families,\" said {surname}.",
        "partner": "The programme will be carried out by the {ministry} of {country} with technical cooperation from the {bank2}.",
        "event": "The {event} will take place in {event_city} from {month} {d1} to {d2}, {year}, with delegations from {country} and {country2}.",
        "cofund": "The {bank2} will provide a further ${amount2} million in co-financing.",
        "filler": "According to the approved document, works will start in the second half of the year and create local jobs in the poorest regions of the country.",
        "title": "{bank_short} approves ${amount} million for {country}",
    },
}
ORDER = ["lead", "sign", "quote", "partner", "event", "cofund", "filler"]
TARGET_CHARS = 1250  # paragraphs are added until this is passed: about 1,500 on average


def _short(name: str) -> str:
    return name[name.index("(") + 1:-1] if "(" in name else name


def _slots(rng: random.Random, lang: str) -> dict[str, str]:
    bank, bank2 = rng.sample(BANKS[lang], 2)
    country, country2 = rng.sample(COUNTRIES[lang], 2)
    post, _ = rng.choice(POSTS[lang])
    post2, _ = rng.choice(POSTS[lang])
    ministry = rng.choice(MINISTRIES[lang])
    surname = rng.choice(SURNAMES)
    # A recurring event is held once a year, at one place and date: its editions, not every
    # article, set where and when it happens.
    event = rng.randrange(len(EVENTS[lang]))
    year = rng.choice([2023, 2024, 2025])
    edition = random.Random(event * 10_000 + year)
    month, d1, city = edition.randrange(12), edition.randint(1, 25), edition.choice(CITIES)
    return {
        "bank": bank, "bank2": bank2, "bank_short": _short(bank), "country": country, "country2": country2,
        "Post": post[0].upper() + post[1:], "post2": post2, "ministry": ministry,
        "ministry_bare": ministry.removeprefix("Ministry of "),
        "person": f"{rng.choice(FIRST)} {surname}", "person2": f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}",
        "surname": surname, "city": rng.choice(CITIES), "event_city": city, "purpose": rng.choice(PURPOSES[lang]),
        "amount": str(rng.choice([25, 40, 80, 120, 150, 200, 300, 450])), "amount2": str(rng.choice([5, 10, 20, 35])),
        "event": EVENTS[lang][event], "month": MONTHS[lang][month], "d1": str(d1), "d2": str(d1 + 2),
        "year": str(year),
    }


def article(i: int, seed: int = 7) -> dict[str, str]:
    """The i-th synthetic article: same (i, seed), same article."""
    rng = random.Random(seed * 1_000_003 + i)
    lang = ("es", "pt", "en")[i % 3]
    templates = SENTENCES[lang]
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < TARGET_CHARS:
        slots = _slots(rng, lang)
        paragraphs.append(" ".join(templates[k].format(**slots) for k in ORDER
                                   if k in ("lead", "sign") or rng.random() < 0.6))
    title = templates["title"].format(**_slots(random.Random(i), lang))
    published = date(2023, 1, 1) + timedelta(days=i % 900)
    return {"id": f"bench-{seed}-{i:07d}", "lang": lang, "title": title, "published": published.isoformat(),
            "text": "\n\n".join(paragraphs)}


def articles(n: int, seed: int = 7, start: int = 0) -> Iterator[dict[str, str]]:
    for i in range(start, start + n):
        yield article(i, seed)


def write_jsonl(n: int, out: IO[str], seed: int = 7) -> None:
    for record in articles(n, seed):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("-o", "--output", type=Path, help="JSONL file (stdout if absent)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.output is None:
        write_jsonl(args.n, sys.stdout, args.seed)
        return
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_name(args.output.name + ".part")
    with tmp.open("w", encoding="utf-8") as out:
        write_jsonl(args.n, out, args.seed)
    tmp.replace(args.output)


if __name__ == "__main__":
    main()
