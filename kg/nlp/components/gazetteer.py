"""`kg_gazetteer`: entities known from the lexicons (countries), matched as phrases."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..lexicon import countries


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> "Gazetteer":
    return Gazetteer(nlp)


class Gazetteer:
    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[str, tuple[str, str]] = {}
        for i, (name, iso) in enumerate(countries(nlp.lang).items()):
            match_id = f"COUNTRY|{iso}"
            self.matcher.add(match_id, [nlp.make_doc(name)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, key = doc.vocab.strings[match_id].split("|", 1)
            span = doc[start:end]
            span.label_ = label
            span.kb_id_ = key
            spans.append(span)
        doc.ents = filter_spans(list(doc.ents) + spans)
        return doc
