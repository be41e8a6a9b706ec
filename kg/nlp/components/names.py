"""`kg_names`: capitalised name sequences read as people and institutions.

A first, deliberately simple rule set: a sequence of capitalised words (joined by name
particles) is an Institution when it starts with an institution head word, a Person when
it has two to four words and does not start the sentence alone.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

PARTICLES = {"de", "da", "do", "das", "dos", "del", "la", "y", "e", "of", "the", "and", "for", "para"}
INSTITUTION_HEADS = {
    "Ministério", "Ministerio", "Ministry", "Secretaria", "Secretaría", "Banco", "Bank", "Universidade",
    "Universidad", "University", "Fundação", "Fundación", "Foundation", "Agência", "Agencia", "Agency",
    "Instituto", "Institute", "Comissão", "Comisión", "Commission", "Conselho", "Consejo", "Council",
    "Corporação", "Corporación", "Corporation", "Fundo", "Fondo", "Fund", "Organização", "Organización",
    "Organization", "Associação", "Asociación", "Association", "Câmara", "Cámara", "Chamber",
}


@Language.factory("kg_names")
def make_names(nlp: Language, name: str) -> "NameRules":
    return NameRules()


class NameRules:
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        i = 0
        while i < len(doc):
            if not _capitalised(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < len(doc) and (_capitalised(doc[j]) or (doc[j].lower_ in PARTICLES and j + 1 < len(doc) and _capitalised(doc[j + 1]))):
                j += 1
            span = Span(doc, i, j)
            label = None
            if doc[i].text in INSTITUTION_HEADS and j - i >= 2:
                label = "Institution"
            elif 2 <= j - i <= 4 and not doc[i].is_sent_start and all(t.lower_ not in {"e", "y", "and"} for t in span):
                label = "Person"
            if label:
                spans.append(Span(doc, i, j, label=label))
            i = j
        existing = list(doc.ents)
        taken = {t.i for e in existing for t in e}
        doc.ents = filter_spans(existing + [s for s in spans if not any(t.i in taken for t in s)])
        return doc


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[0].isupper() and not token.is_upper or (token.is_upper and len(token) >= 2 and token.is_alpha)
