"""A synthetic news graph of any size, written through the real RDF path, for scale checks.

`kg viz` must stay quick and readable at 5,000 entities; no corpus at hand is that big, and
building one with spaCy would take the benchmark's whole budget. This makes Extractions the way
kg.extract would (invented names, one sentence per relation, popular entities in many articles)
and stores them with kg.rdf.extraction_quads, so the page is built from the store as usual.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ..article import Article
from ..graph import KnowledgeGraph
from ..model import Entity, Extraction, Mention, Relation
from ..rdf import extraction_quads

SYLLABLES = ("ka", "lo", "mi", "ra", "ten", "vo", "su", "ne", "dar", "li", "po", "qui", "ber", "sa", "to", "ma", "ri", "vel")
INSTITUTION_KINDS = ("Fundo", "Instituto", "Agencia", "Banco", "Consejo", "Secretaria", "Foundation", "Council")
PLACE_KINDS = ("Porto", "San", "Vila", "Puerto", "Nova", "Santa")
EVENT_KINDS = ("Forum", "Encuentro", "Seminario", "Summit", "Cumbre", "Jornada")
COUNTRY_CODES = ("AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "MX", "NI", "PA", "PY",
                 "PE", "UY", "VE", "ES", "PT", "US", "CA", "DE", "FR", "IT", "GB", "JP", "CN", "KR", "IN", "ZA")
# Which classes each relation joins (subject class, object classes), as the ontology's domains say.
SHAPES = (("affiliatedWith", "Person", ("Institution",)), ("nationality", "Person", ("Country",)),
          ("basedIn", "Institution", ("Country", "Place")), ("funds", "Institution", ("Country", "Place", "Institution")),
          ("partnerOf", "Institution", ("Institution",)), ("organizer", "Event", ("Institution", "Person")),
          ("participant", "Event", ("Institution", "Person", "Country")), ("speaker", "Event", ("Person",)),
          ("location", "Event", ("Place",)), ("sponsor", "Event", ("Institution",)))
MIX = {"Person": 0.5, "Institution": 0.25, "Place": 0.12, "Event": 0.13}


@dataclass
class SyntheticEntity:
    cls: str
    key: str
    label: str


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_entities(n: int, rng: random.Random) -> list[SyntheticEntity]:
    entities = [SyntheticEntity("Country", code, code) for code in COUNTRY_CODES[:max(1, min(len(COUNTRY_CODES), n // 100))]]
    seen = set()
    while len(entities) < n:
        cls = rng.choices(list(MIX), weights=list(MIX.values()))[0]
        if cls == "Person":
            label = f"{_name(rng, 2)} {_name(rng, 3)}"
        elif cls == "Institution":
            label = f"{rng.choice(INSTITUTION_KINDS)} {_name(rng, 3)}"
        elif cls == "Place":
            label = f"{rng.choice(PLACE_KINDS)} {_name(rng, 3)}"
        else:
            label = f"{rng.choice(EVENT_KINDS)} {_name(rng, 3)} {rng.randint(2015, 2026)}"
        if (cls, label) in seen:
            continue
        seen.add((cls, label))
        entities.append(SyntheticEntity(cls, label.lower(), label))
    return entities


def build_synthetic_store(kg: KnowledgeGraph, n_entities: int = 5000, n_relations: int = 15000, seed: int = 11,
                          per_article: int = 12) -> tuple[int, int]:
    """Fill `kg` with articles until it holds `n_entities` entities and `n_relations` distinct relations.

    Returns (entities, relations) as the view should count them.
    """
    rng = random.Random(seed)
    entities = make_entities(n_entities, rng)
    by_class: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        by_class.setdefault(e.cls, []).append(i)
    # Popularity follows a long tail, as in the news: a few banks and countries everywhere.
    weights = [1.0 / (1 + (rank % 997)) ** 0.8 for rank in range(len(entities))]
    relations: set[tuple[int, str, int]] = set()
    unmentioned = list(range(len(entities)))
    rng.shuffle(unmentioned)
    article_no = 0
    while len(relations) < n_relations or unmentioned:
        article_no += 1
        relations_here: list[tuple[int, str, int]] = []
        while len(relations_here) < per_article and len(relations) + len(relations_here) < n_relations:
            prop, subject_cls, object_classes = rng.choice(SHAPES)
            s = _pick(rng, by_class, subject_cls, weights, unmentioned, entities)
            o = _pick(rng, by_class, rng.choice(object_classes), weights, unmentioned, entities)
            key = (s, prop, o)
            if s == o or key in relations or (prop == "partnerOf" and (o, prop, s) in relations):
                continue
            relations_here.append(key)
            relations.add(key)
        loose = [unmentioned.pop() for _ in range(min(len(unmentioned), 3))] if len(relations) >= n_relations else []
        _store_article(kg, article_no, entities, relations_here, loose, rng)
    kg.store.flush()
    return len(entities), len(relations)


def _pick(rng: random.Random, by_class: dict[str, list[int]], cls: str, weights: list[float],
          unmentioned: list[int], entities: list[SyntheticEntity]) -> int:
    pool = by_class.get(cls) or by_class["Country"]
    if unmentioned and rng.random() < 0.35:
        # Bring every entity in at least once, so the graph has exactly n_entities nodes.
        for back in range(1, min(len(unmentioned), 30) + 1):
            if entities[unmentioned[-back]].cls == cls:
                return unmentioned.pop(len(unmentioned) - back)
    return rng.choices(pool, weights=[weights[i] for i in pool])[0]


def _store_article(kg: KnowledgeGraph, number: int, entities: list[SyntheticEntity],
                   relations: list[tuple[int, str, int]], loose: list[int], rng: random.Random) -> None:
    sentences: list[tuple[int, int]] = []
    text_parts: list[str] = []
    offset = 0
    involved: dict[int, Entity] = {}
    rels: list[Relation] = []

    def add_sentence(sentence: str) -> int:
        nonlocal offset
        sentences.append((offset, offset + len(sentence)))
        text_parts.append(sentence)
        offset += len(sentence) + 1
        return len(sentences) - 1

    def entity(i: int, sentence: int, start: int) -> Entity:
        e = entities[i]
        if i not in involved:
            involved[i] = Entity(e.cls, e.key, e.label)
        involved[i].mentions.append(Mention(e.cls, e.label, start, start + len(e.label), sentence, e.key))
        return involved[i]

    for s, prop, o in relations:
        # As long as a news sentence (about 150 characters), so that page sizes are realistic.
        sentence = (f"According to a statement released this week, {entities[s].label} ({prop}) "
                    f"{entities[o].label} within a regional programme on water, housing and innovation.")
        index = add_sentence(sentence)
        subject = entity(s, index, sentences[index][0])
        obj = entity(o, index, sentences[index][0] + sentence.index(entities[o].label))
        rels.append(Relation(prop, subject.ref, obj.ref, index))
    for i in loose:
        index = add_sentence(f"{entities[i].label} was also named.")
        entity(i, index, sentences[index][0])
    published = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
    article = Article(id=f"synthetic-{number:05d}", text=" ".join(text_parts), title=f"Synthetic report {number}",
                      url=f"https://news.example.org/{number}", published=published, lang="en")
    extraction = Extraction(article, article.text, sentences, list(involved.values()), rels)
    kg.add_quads(extraction_quads(extraction))
