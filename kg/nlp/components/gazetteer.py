"""`kg_gazetteer`: names the lexicons know (countries, places, institutions), matched as phrases.

Countries, places, acronyms and one-word names match as written (a capital is what tells
"Lima" the city from a word); institutions' multi-word names match in any case, because
articles write "banco de desarrollo de América Latina" as often as "Banco de Desarrollo...".
Candidates go to doc.user_data["kg_gazetteer"]; `kg_select` decides between overlapping ones.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..lexicon import Known, all_countries, institutions, places
from ..tokens import Cand, tokens

GROUP = "kg_gazetteer"
#: Names of words and spaces only: the tokenizer splits them at the spaces (checked for every
#: lexicon name in tests/test_entities_gazetteer.py), so they skip the tokenizer at start-up.
PLAIN = re.compile(r"^[^\W\d_]+( [^\W\d_]+)*$")


def _pattern(nlp: Language, name: str) -> Doc:
    if PLAIN.match(name):
        words = name.split(" ")
        return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    return nlp.make_doc(name)


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> "Gazetteer":
    return Gazetteer(nlp)


class Gazetteer:
    def __init__(self, nlp: Language):
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.ids: dict[int, tuple[str, str]] = {}
        #: acronyms that are words in a headline written in capitals
        self.stop_words = nlp.Defaults.stop_words | {"can", "who", "alba", "sela"}
        # later lexicons win a name: an institution over a country over a place
        entries: dict[str, Known] = dict(places())
        entries.update((name, Known("Country", iso, iso)) for name, iso in all_countries().items())
        entries.update(institutions())
        exact, caseless = [], []
        for name, known in entries.items():
            match_id = f"{known.cls}|{known.key}"
            doc = _pattern(nlp, name)
            if known.cls == "Institution" and not known.acronym and len(doc) > 1:
                caseless.append((match_id, doc))
            else:
                exact.append((match_id, doc))
        for store, matcher in ((exact, self.exact), (caseless, self.caseless)):
            by_id: dict[str, list[Doc]] = {}
            for match_id, doc in store:
                by_id.setdefault(match_id, []).append(doc)
            for match_id, docs in by_id.items():
                matcher.add(match_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        view = tokens(doc)
        cands: list[Cand] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.exact(doc) + self.caseless(doc):
            label, key = self.ids.get(match_id) or self._id(strings[match_id], match_id)
            if view.loud[start] and end - start == 1 and label != "Country" and view.lower[start] in self.stop_words:
                continue  # in a headline in capitals "CAN" is a verb, not the Andean Community
            cands.append((start, end, label, key))
        doc.user_data[GROUP] = cands
        return doc

    def _id(self, match: str, match_id: int) -> tuple[str, str]:
        label, key = match.split("|", 1)
        self.ids[match_id] = (label, key)
        return label, key
