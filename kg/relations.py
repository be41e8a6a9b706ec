"""Relations between the entities of one article, each tied to the sentence that states it."""
from __future__ import annotations

from spacy.tokens import Doc

from .model import Extraction, Relation


def extract_relations(doc: Doc, extraction: Extraction) -> list[Relation]:
    """First rule: a person and an institution in one sentence, joined by a comma, is an affiliation."""
    relations = []
    by_sentence: dict[int, list] = {}
    for e in extraction.entities:
        for m in e.mentions:
            by_sentence.setdefault(m.sentence, []).append((m, e))
    for sent, items in by_sentence.items():
        people = [(m, e) for m, e in items if e.cls == "Person"]
        orgs = [(m, e) for m, e in items if e.cls == "Institution"]
        for pm, pe in people:
            near = [(abs(om.start - pm.start), oe) for om, oe in orgs]
            if near:
                _, oe = min(near, key=lambda x: x[0])
                relations.append(Relation("affiliatedWith", pe.ref, oe.ref, sent))
    return relations
