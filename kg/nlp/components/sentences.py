"""`kg_sentences`: sentence boundaries, fast, and at paragraph breaks too.

spaCy's sentencizer splits after . ! ? (and the quotes and brackets that close them); press
releases also put a headline, a dateline or a list item on a line of its own without a full
stop, and a blank line ends a sentence there. The boundaries are written with one
`Doc.from_array` call instead of setting them token by token.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import _WORDS, words

ENDS = {".", "!", "?", "...", "…", "!?", "?!", "。"}
#: Tokens that stay with the sentence they follow ("... fim." ”)
CLOSERS = {'"', "”", "’", "'", "»", ")", "]", "}"}


@Language.factory("kg_sentences")
def make_sentences(nlp: Language, name: str) -> "Sentences":
    return Sentences()


class Sentences:
    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        text = doc.user_data[_WORDS] = words(doc)
        starts = [-1] * n
        starts[0] = 1
        k = 0
        while k < n:
            word = text[k]
            if word in ENDS or (word.isspace() and "\n" in word):
                j = k + 1
                while j < n and (text[j] in ENDS or text[j] in CLOSERS or text[j].isspace()):
                    j += 1
                if j < n:
                    starts[j] = 1
                k = j
            else:
                k += 1
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc
