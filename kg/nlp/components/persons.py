"""`kg_persons`: people's names, from a first-name lexicon and the posts written beside them.

A name is a run of capitalised words joined by the particles of Iberian names (de, da, dos,
del, de la...): "Ulisses Bento dos Reis", "Marta de los Ríos Quintela". It is a Person when
it starts with a known first name, or when a post stands next to it ("o presidente da CAF,
Rui Tavares Mendes", "Lucía Fernández Ochoa, presidenta del banco"). A capitalised word that
only starts the sentence, a post, a month, a country or an institution's head word is no part
of a name; a headline in title case needs a known first name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ...dates import MONTHS
from ...lang import language_data
from ..lexicon import all_countries, demonyms, first_names, posts
from ..tokens import Cand, Tokens, tokens

GROUP = "kg_persons"
NAME_PARTICLES = {"de", "da", "do", "das", "dos", "del", "di", "du", "van", "von", "der", "la", "las", "los", "d'"}
#: Words allowed between a post and the name it introduces ("a diretora da CAF no Peru, ...").
BRIDGE = {"de", "da", "do", "das", "dos", "del", "la", "el", "los", "las", "a", "o", "the", "of", "for", "no", "na",
          "en", "in", "at", "em", ",", "-", "–", "general", "geral", "executivo", "ejecutivo",
          "executive", "adjunto", "adjunta"}
INITIAL = re.compile(r"^[A-ZÁÉÍÓÚ]\.$")
#: Abbreviations inside a surname ("Shari-Lee St. Clair").
SURNAME_ABBREVIATIONS = {"St.", "Ste.", "Sta.", "Sto."}
#: Words joining two surnames of one person ("Benítez y Zamora").
SURNAME_JOINS = {"y"}
#: Articles between a comma and the post that follows a name ("Ana Lins, a diretora").
ARTICLES = {"o", "a", "el", "la", "the", "um", "uma", "un", "una", "an"}


@Language.factory("kg_persons")
def make_persons(nlp: Language, name: str) -> "PersonRules":
    return PersonRules(nlp)


class PersonRules:
    def __init__(self, nlp: Language):
        data = language_data(nlp.lang)
        self.first_names = first_names()
        # "Luíza" and "Luiza": the name list keeps one spelling, articles write either
        self.folded_first_names = {_fold(n) for n in self.first_names}
        self.speech = data.SPEECH_VERBS
        self.countries = set(all_countries())
        self.posts = {p for p in posts(nlp.lang) if " " not in p} | data.PERSON_NOUNS
        self.sources = data.SOURCE_WORDS
        #: "el economista ghanés Kofi Asante": a demonym between the post and the name
        self.bridge = BRIDGE | {d.lower() for d in demonyms(nlp.lang)}
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
            start = self.name_start(v, start, end)
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
                j += 1  # "Ruiz-Albornoz" where the tokenizer split the hyphen
                continue
            if v.text[j] in SURNAME_ABBREVIATIONS and j + 1 < n and nw[j + 1]:
                j += 1
                continue
            if self.joined_surname(v, nw, i, j):
                j += 1
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
        known_first = self.is_first_name(v.text[start])
        if v.headline[start]:
            ok = known_first and len(words) <= 3
        else:
            ok = known_first or (self.post_before(v, start) and not self.domain_follows(v, end)) \
                or self.post_after(v, end) \
                or (len(words) <= 4 and self.speaker(v, start, end))
        return (start, end, "Person", "") if ok else None

    def post_before(self, v: Tokens, start: int) -> bool:
        if start > 0 and v.lower[start - 1] in NAME_PARTICLES | {"of", "for", "e", "y", "and"}:
            return False  # "vice-ministro de Comércio Exterior": the post's domain, not a name
        k = start - 1
        while k >= 0 and start - k <= 10:
            low = v.lower[k]
            if low in self.posts or v.text[k] in self.honorifics:
                return True
            if low in self.bridge or v.cap[k] or v.upper[k]:
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
        if v.text[end] == "(" and k + 1 < len(v) and v.text[k + 1] == ")" and v.text[k] in self.countries:
            return True  # a list of speakers: "Kofi Asante (Ghana), ..."
        if k < len(v) and v.lower[k] in ARTICLES:
            k += 1
        return k < len(v) and v.lower[k] in self.posts

    def name_start(self, v: Tokens, start: int, end: int) -> int:
        """Where the name starts in a run that opens with other capitalised words: a verb opening
        the sentence ("Participan Rosa Quintana") or the end of a post ("Secretary for Water
        Affairs Rosa Quintana")."""
        if self.is_first_name(v.text[start]):
            return start
        for k in range(start + 1, min(end - 1, start + 4)):
            if self.is_first_name(v.text[k]) and v.lower[k] not in NAME_PARTICLES:
                # not "Ponte Anselmo Tavares": a bridge named after someone
                return k if v.sent_start[start] or self.post_before(v, k) else start
        return start

    def domain_follows(self, v: Tokens, end: int) -> bool:
        """The capitalised words after a post are its domain, not a name, when an organisation
        follows them ("diretor de Infraestrutura, Transição Energética e Clima do Banco X")."""
        n, k = len(v), end
        if k < n and v.lower[k] in {"e", "y", "and"}:
            k += 1
            while k < n and v.cap[k] and not self.is_first_name(v.text[k]):
                k += 1
        return k + 1 < n and v.lower[k] in {"do", "da", "de", "del", "of"} and (v.upper[k + 1] or v.cap[k + 1]) \
            and not self.is_first_name(v.text[k + 1])

    def is_first_name(self, word: str) -> bool:
        return word in self.first_names or _fold(word) in self.folded_first_names \
            or ("-" in word and word.split("-", 1)[0] in self.first_names)

    def speaker(self, v: Tokens, start: int, end: int) -> bool:
        """A name said to speak: "said Kofi Asante", "Kofi Asante afirmó"."""
        if start > 0 and v.lower[start - 1] in NAME_PARTICLES | {"of", "for", "e", "y", "and"}:
            return False  # "a secretária de Pesca Artesanal destacou": the post's domain
        before = start > 0 and (v.lower[start - 1] in self.speech or v.lower[start - 1] in self.sources
                                or (start > 1 and v.lower[start - 2] in self.sources))  # "according to X"
        k = end + 1 if end < len(v) and v.text[end] == "," else end
        return before or (k < len(v) and v.lower[k] in self.speech)

    def joined_surname(self, v: Tokens, nw: list[bool], i: int, j: int) -> bool:
        """ "y" between two surnames of one name (not two people: the word after is no first name
        and ends the name)."""
        n = len(v)
        if v.lower[j] not in SURNAME_JOINS or j - i < 2 or j + 1 >= n or not nw[j + 1] or not v.cap[j + 1]:
            return False
        if self.is_first_name(v.text[j + 1]) or v.text[j + 1] in self.countries:
            return False
        return j + 2 >= n or not nw[j + 2] or v.sent_start[j + 2]


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    """A first name's spelling with its regional variants made one: accents, Brazilian "z" between
    vowels and "y" for "i" ("Luíza" ~ "Luisa", "Thaís" ~ "Tais", "Suely" ~ "Sueli")."""
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    w = w.replace("th", "t").replace("ph", "f").replace("y", "i")
    return _VOWEL_Z.sub(r"\1s", w)


_VOWEL_Z = re.compile(r"([aeiou])z(?=[aeiou])")
