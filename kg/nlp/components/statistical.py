"""`kg_statistical`: a statistical spaCy pipeline's NER as extra recall, where one is installed.

Named by the environment (KG_SPACY_MODEL_PT=pt_core_news_sm, ...); nothing requires it and
nothing downloads it. Its guesses are candidates of the lowest rank for `kg_select`: the
lexicons and rules decide wherever they read the same words.
"""
from __future__ import annotations

import os
import warnings

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import all_countries
from ..tokens import Cand

GROUP = "kg_statistical"
LABELS = {"PER": "Person", "PERSON": "Person", "ORG": "Institution", "LOC": "Place", "GPE": "Place"}


def model_name(lang: str) -> str | None:
    return os.environ.get(f"KG_SPACY_MODEL_{lang.upper()}") or None


def load_model(lang: str) -> Language | None:
    """The installed pipeline named for `lang`, or None (with a warning if it is named but missing)."""
    name = model_name(lang)
    if not name:
        return None
    try:
        return spacy.load(name, exclude=["parser", "lemmatizer", "textcat"])
    except (OSError, ImportError) as exc:
        warnings.warn(f"KG_SPACY_MODEL_{lang.upper()}={name} cannot be loaded ({exc}); using rules only")
        return None


@Language.factory("kg_statistical", default_config={"model": ""})
def make_statistical(nlp: Language, name: str, model: str) -> "StatisticalNER":
    return StatisticalNER(spacy.load(model, exclude=["parser", "lemmatizer", "textcat"]))


class StatisticalNER:
    def __init__(self, model: Language):
        self.model = model
        self.countries = all_countries()

    def __call__(self, doc: Doc) -> Doc:
        cands: list[Cand] = []
        for ent in self.model(doc.text).ents:
            label = LABELS.get(ent.label_)
            span = doc.char_span(ent.start_char, ent.end_char, alignment_mode="contract") if label else None
            if span is None or not len(span):
                continue
            iso = self.countries.get(span.text)
            cands.append((span.start, span.end, "Country" if iso else label, iso or ""))
        doc.user_data[GROUP] = cands
        return doc
