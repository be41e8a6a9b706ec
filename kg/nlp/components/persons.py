"""`kg_persons`: people's names, from a first-name lexicon and the posts written beside them.

A name is a run of capitalised words joined by the particles of Iberian names (de, da, dos,
del, de la...): "José Antonio dos Santos", "María de los Ángeles Pérez". It is a Person when
it starts with a known first name, or when a post stands next to it ("o presidente da CAF,
Rui Tavares Mendes", "Lucía Fernández Ochoa, presidenta del banco"). A capitalised word that
only starts the sentence, a post, a month, a country or an institution's head word is no part
of a name; a headline in title case needs a known first name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ...dates import MONTHS
from ...lang import language_data
from ..lexicon import all_countries, first_names, posts
from ..tokens import Cand, Tokens, tokens

GROUP = "kg_persons"
NAME_PARTICLES = {"de", "da", "do", "das", "dos", "del", "di", "du", "van", "von", "der", "la", "las", "los", "d'"}
#: Words allowed between a post and the name it introduces ("a diretora da CAF no Peru, ...").
BRIDGE = {"de", "da", "do", "das", "dos", "del", "la", "el", "los", "las", "a", "o", "the", "of", "for", "no", "na",
          "en", "in", "at", "em", ",", "-", "–", "general", "geral", "executivo", "ejecutivo",
          "executive", "adjunto", "adjunta"}
INITIAL = re.compile(r"^[A-ZÁÉÍÓÚ]\.$")


@Language.factory("kg_persons")
def make_persons(nlp: Language, name: str) -> "PersonRules":
    return PersonRules(nlp)


class PersonRules:
    def __init__(self, nlp: Language):
        data = language_data(nlp.lang)
        self.first_names = first_names()
        self.posts = {p for p in posts(nlp.lang) if " " not in p}
        self.honorifics = data.HONORIFICS
        months = {m for forms in MONTHS.values() for m in forms} - {n.lower() for n in self.first_names}  # Julio, April
        stop = {w for w in nlp.Defaults.stop_words}
        #: capitalised words that are never part of a person's name
        self.blocked_lower = stop | months | {p.lower() for p in self.posts} | {h.lower() for h in data.INSTITUTION_HEADS}
        self.blocked = set(all_countries()) | data.INSTITUTION_HEADS | data.INSTITUTION_TAILS
        self.blocked_lower -= NAME_PARTICLES

    def name_words(self, v: Tokens) -> list[bool]:
        """Which tokens may be part of a person's name."""
        bl, b = self.blocked_lower, self.blocked
        return [(c and lw not in bl and t not in b and t.replace("-", "").replace("'", "").isalpha())
                or (len(t) == 2 and t[1] == "." and bool(INITIAL.match(t)))
                for t, lw, c in zip(v.text, v.lower, v.cap)]

    def __call__(self, doc: Doc) -> Doc:
        v = tokens(doc)
        spans: list[Cand] = []
        if v.shouting:  # case tells nothing
            doc.user_data[GROUP] = spans
            return doc
        nw = self.name_words(v)
        done = 0
        # a capitalised word that cannot be a name (sentence-initial "Segundo", a post) starts none
        for i in [i for i, ok in enumerate(nw) if ok]:
            if i < done or v.loud[i] or not v.cap[i]:
                continue
            start = i
            end = self.run_end(v, nw, i)
            span = self.person(v, start, end)
            if span is None and end - start > 2 and v.sent_start[start] and v.text[start + 1] in self.first_names:
                span = self.person(v, start + 1, end)
            if span is not None:
                spans.append(span)
            done = end
        doc.user_data[GROUP] = spans
        return doc

    def run_end(self, v: Tokens, nw: list[bool], i: int) -> int:
        n, j, last = len(v), i + 1, i
        while j < n and j - i < 8:
            if v.sent_start[j]:
                break
            if nw[j]:
                last = j
                j += 1
                continue
            if v.text[j] in {"-", "‐"} and not v.space[j - 1] and not v.space[j] and j + 1 < n and v.cap[j + 1]:
                j += 1  # "Salazar-Xirinachs" where the tokenizer split the hyphen
                continue
            k = j
            while k < n and v.lower[k] in NAME_PARTICLES and k - j < 2:
                k += 1
            if k > j and k < n and nw[k] and v.cap[k]:
                j = k
                continue
            break
        return last + 1

    def person(self, v: Tokens, start: int, end: int) -> Cand | None:
        words = [k for k in range(start, end) if v.lower[k] not in NAME_PARTICLES and v.text[k] not in {"-", "‐"}]
        if len(words) < 2 or len(words) > 6:
            return None
        known_first = v.text[start] in self.first_names
        if v.headline[start]:
            ok = known_first and len(words) <= 3
        else:
            ok = known_first or self.post_before(v, start) or self.post_after(v, end)
        return (start, end, "Person", "") if ok else None

    def post_before(self, v: Tokens, start: int) -> bool:
        if start > 0 and v.lower[start - 1] in NAME_PARTICLES | {"of", "for", "e", "y", "and"}:
            return False  # "vice-ministro de Comércio Exterior": the post's domain, not a name
        k = start - 1
        while k >= 0 and start - k <= 10:
            low = v.lower[k]
            if low in self.posts or v.text[k] in self.honorifics:
                return True
            if low in BRIDGE or v.cap[k] or v.upper[k]:
                if v.sent_start[k]:
                    return False
                k -= 1
                continue
            return False
        return False

    def post_after(self, v: Tokens, end: int) -> bool:
        k = end
        if k >= len(v) or v.text[k] not in {",", "(", "–", "-"}:
            return False
        k += 1
        if k < len(v) and v.lower[k] in {"o", "a", "el", "la", "the", "um", "uma", "un", "una"}:
            k += 1
        return k < len(v) and v.lower[k] in self.posts
