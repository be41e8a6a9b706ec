"""`kg_places`: places the place lexicon does not know, read from the words around them.

A region's name opens with a geographic head ("Vale do Rio Claro", "Distrito Central",
"Região Metropolitana de Lagoa Azul") or, in English, ends with one ("Rio Claro Valley"); a town
follows a common noun and "de/of" ("no município de Lagoa Azul", "the city of Port Evans") or
"em/en/in" when a country or known place comes after a comma ("en Villa Rosales, Honduras").
A dateline in capitals ("SAN JOSÉ, 3 de mayo") is matched against the lexicons in any case.
Candidates go to doc.user_data["kg_places"]; a longer candidate (an institution's name) wins in kg_select.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...dates import MONTHS
from ...lang import language_data
from ..lexicon import all_countries, first_names, places
from ..tokens import Cand, Tokens, tokens

GROUP = "kg_places"
#: Abbreviations that open a place's name ("St. Ann", "Sta. Rosa").
ABBREVIATIONS = {"St.", "Ste.", "Sta.", "Sto.", "Pto.", "Mt."}
#: Words joining the items of a list of places.
JOINS = {",", "e", "y", "and"}
PARTICLES = {"de", "do", "da", "dos", "das", "del", "de la", "of", "the", "la", "las", "los"}
#: Longest run of words a place's name takes after its head or cue.
MAX_WORDS = 6


@Language.factory("kg_places")
def make_places(nlp: Language, name: str) -> "PlaceRules":
    return PlaceRules(nlp)


class PlaceRules:
    def __init__(self, nlp: Language):
        data = language_data(nlp.lang)
        self.heads = data.PLACE_HEADS
        self.tails = data.PLACE_TAILS
        self.cues = data.PLACE_CUES
        self.prepositions = data.PLACE_PREPOSITIONS
        self.institution_heads = data.INSTITUTION_HEADS - self.heads
        #: heads that open institutions' names too ("Departamento de Planeación")
        self.ambiguous_heads = data.INSTITUTION_HEADS & self.heads
        # "In January, Peru...": a month is no town
        self.stop = nlp.Defaults.stop_words | {m for forms in MONTHS.values() for m in forms}
        self.first_names = first_names()
        self.countries = all_countries()
        self.known = {name.lower(): known.key for name, known in places().items()}
        self.known_countries = {name.lower(): iso for name, iso in self.countries.items()}
        self.triggers = {w.lower() for w in self.heads | self.tails} | self.cues | self.prepositions

    def __call__(self, doc: Doc) -> Doc:
        v = tokens(doc)
        cands: list[Cand] = []
        if not v.shouting:
            triggers = self.triggers
            for i in [i for i, low in enumerate(v.lower) if low in triggers]:  # only the words that can anchor one
                word, low = v.text[i], v.lower[i]
                if v.loud[i]:
                    continue
                if word in self.heads and v.cap[i]:
                    self.headed(v, i, cands)
                elif word in self.tails and i > 0 and v.cap[i - 1]:
                    self.tailed(v, i, cands)
                elif low in self.cues and i + 2 < len(v) and v.lower[i + 1] in {"de", "of", "do", "da", "del"}:
                    self.listed(v, i + 2, cands)
                elif low in self.prepositions and i + 1 < len(v) and v.cap[i + 1]:
                    end = self.name_end(v, i + 1)
                    if end > i + 1 and end + 1 < len(v) and v.text[end] == "," and self.plausible(v, i + 1, end) \
                            and v.text[end + 1] in self.countries:
                        cands.append((i + 1, end, "Place", ""))
            self.coordinated(v, doc.user_data.get("kg_gazetteer", ()), cands)
            for i in [i for i, (first, up) in enumerate(zip(v.sent_start, v.upper)) if first and up]:
                self.dateline(v, i, cands)
        doc.user_data[GROUP] = cands
        return doc

    def listed(self, v: Tokens, j: int, cands: list[Cand]) -> None:
        """The places named after a cue, one or a list ("the parishes of St. Ann, Manor and Clifton")."""
        first = True
        while j < len(v):
            end = self.name_end(v, j)
            if end == j or not (self.plausible(v, j, end) or not first and v.lower[j] not in self.stop):
                return
            first = False
            cands.append((j, end, "Place", ""))
            if end + 1 < len(v) and v.text[end] in JOINS:
                j = end + 1
            else:
                return

    def coordinated(self, v: Tokens, known: list[Cand], cands: list[Cand]) -> None:
        """A capitalised name joined to a known place ("Lima y Callao"): a place as well."""
        for start, end, label, _ in known:
            if label != "Place" or end + 1 >= len(v) or v.lower[end] not in JOINS - {","} or not v.cap[end + 1]:
                continue
            stop = self.name_end(v, end + 1)
            if end + 2 <= stop <= end + 4 and self.plausible(v, end + 1, stop) \
                    and not (stop < len(v) and (v.cap[stop] or v.lower[stop] in PARTICLES)):
                cands.append((end + 1, stop, "Place", ""))

    def name_end(self, v: Tokens, j: int) -> int:
        """End of a run of capitalised words and the particles between them, from j."""
        n, end, k = len(v), j, j
        while k < n and k - j < MAX_WORDS and not (k > j and v.sent_start[k]):
            if v.text[k] in self.countries and k > j:
                break  # "Distrito Central de Honduras": the country says where, it is no part of the name
            if v.cap[k] and v.text[k].isalpha() and v.text[k] not in self.institution_heads:
                end = k = k + 1
            elif v.text[k] in ABBREVIATIONS and k + 1 < n and v.cap[k + 1]:
                k += 1
            elif k > j and v.lower[k] in PARTICLES:
                k += 1
            else:
                break
        return end

    def plausible(self, v: Tokens, start: int, end: int) -> bool:
        """Not an institution, a person or a word that only starts a phrase."""
        low = v.lower[start]
        return (low not in self.stop and v.text[start] not in self.first_names) or low in self.known

    def headed(self, v: Tokens, i: int, cands: list[Cand]) -> None:
        if i > 0 and (v.cap[i - 1] or v.upper[i - 1]) and v.lower[i - 1] not in self.stop and not v.sent_start[i]:
            return  # "Banco do Vale", "José Serra": the head word is part of another name
        end = self.name_end(v, i + 1)
        if end == i + 1 and i + 2 < len(v) and v.lower[i + 1] in PARTICLES:
            end = self.name_end(v, i + 2)
        if end > i + 1 and (v.text[i] not in self.ambiguous_heads
                            or " ".join(v.lower[i + 2:end]) in self.known):  # "Departamento de Cundinamarca"
            cands.append((i, end, "Place", ""))

    def tailed(self, v: Tokens, i: int, cands: list[Cand]) -> None:
        start = i
        while start > 0 and i - start < 3 and v.cap[start - 1] and not v.sent_start[start] \
                and v.text[start - 1] not in self.institution_heads:
            start -= 1
        if start < i and v.text[start] not in self.first_names:
            cands.append((start, i + 1, "Place", ""))

    def dateline(self, v: Tokens, i: int, cands: list[Cand]) -> None:
        """ "SAN JOSÉ, 3 de mayo": the first words in capitals name the place the article is written from."""
        end = i
        while end < len(v) and end - i < MAX_WORDS and (v.upper[end] or v.lower[end] in PARTICLES) \
                and not (end > i and v.sent_start[end]):
            end += 1
        while end > i + 1 and v.lower[end - 1] in PARTICLES:
            end -= 1
        if end - i == 1 and len(v.text[i]) < 4:
            return  # a short word in capitals is an acronym more often than a town
        name = " ".join(v.lower[i:end])
        if name in self.known_countries:
            cands.append((i, end, "Country", self.known_countries[name]))
        elif name in self.known:
            cands.append((i, end, "Place", self.known[name]))
