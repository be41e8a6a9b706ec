"""One spaCy pipeline per language, built without any model download."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Mention
from . import components  # noqa: F401  (registers the kg_* factories)

LABELS = ("Person", "Institution", "Country", "Place", "Event")


@lru_cache(maxsize=None)
def pipeline_for(lang: str) -> Language:
    """blank(lang) + sentencizer + kg's rule and lexicon components."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_gazetteer")
    nlp.add_pipe("kg_names")
    return nlp


def mentions_from_doc(doc: Doc) -> list[Mention]:
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    starts = sorted(sent_index)
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in LABELS and ent.label_ != "COUNTRY":
            continue
        cls = "Country" if ent.label_ == "COUNTRY" else ent.label_
        sent = sent_index[ent.sent.start]
        mentions.append(Mention(cls=cls, text=ent.text, start=ent.start_char, end=ent.end_char,
                                sentence=sent, key=ent.kb_id_ or None))
    return mentions
