"""One canonical label per entity that a lexicon knows, whatever article or language named it.

An article's own wording stays as skos:altLabel; the rdfs:label of a country or of a known
institution must be the same in every article's graph, or the union would hold several labels
for one node (and queries joining on rdfs:label would repeat rows).
"""
from __future__ import annotations

from functools import lru_cache

from .model import Entity
from .nlp.lexicon import LEXICON_DIR, read_tsv


@lru_cache(maxsize=None)
def country_name(iso: str) -> str | None:
    """ISO 3166's English short name ("Bolivia", not "Bolivia, Plurinational State of")."""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso.upper())
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name.split(", ")[0]


@lru_cache(maxsize=1)
def institution_names() -> dict[str, str]:
    """Lexicon id -> the first name the hand-kept source table gives for it."""
    names = {}
    for row in read_tsv(LEXICON_DIR / "institutions.source.tsv"):
        if len(row) >= 5 and row[4].strip():
            names[row[0]] = row[4].split(";")[0].strip()
    return names


def canonical_label(entity: Entity) -> str:
    if entity.cls == "Country":
        return country_name(entity.key) or entity.label
    if entity.cls == "Institution":
        return institution_names().get(entity.key, entity.label)
    return entity.label
