"""Helpers of the relation tests: run the real extraction and name its relations by labels."""
from __future__ import annotations

from datetime import date

from kg.article import Article
from kg.extract import extract
from kg.model import Extraction

PARTICIPATION = {"organizer", "host", "sponsor", "participant", "speaker"}


def run(lang: str, title: str, text: str, published: date | None) -> Extraction:
    return extract(Article(id=f"test-{lang}", text=text, title=title, published=published, lang=lang))


def facts(ex: Extraction) -> set[tuple[str, str, str]]:
    """(property, subject label, object label); event participation folded into `takesPart`."""
    label = {e.ref: e.label for e in ex.entities}
    out = set()
    for r in ex.relations:
        prop = "takesPart" if r.prop in PARTICIPATION else r.prop
        out.add((prop, label[r.subject], label[r.object]))
        if r.prop == "partnerOf":
            out.add((prop, label[r.object], label[r.subject]))
    return out


def event(ex: Extraction, word: str):
    return next(e for e in ex.entities if e.cls == "Event" and word in e.label)
