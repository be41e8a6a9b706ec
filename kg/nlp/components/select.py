"""`kg_select`: one reading of each stretch of text, from the candidates of the components before.

The longest candidate wins (a person "Santiago Irazabal ..." over the city "Santiago", an
institution "Ministerio de Turismo del Ecuador" over the country); between equal spans the
lexicon wins over a rule, a rule over a statistical model's guess. Places and countries named
inside an institution's name are kept as mentions of their own where the name says whose
institution it is ("Prefeitura de Vila Serena", "Ministerio de Turismo del Ecuador"), and such a
name is also known without its country ("Ministerio de Economía").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...lang import language_data
from ..tokens import Cand, tokens

#: Candidate lists read, most trusted first.
SOURCES = ("kg_gazetteer", "kg_places", "kg_institutions", "kg_persons", "kg_statistical")
ENTS, NESTED, ALIASES = "kg_ents", "kg_nested", "kg_aliases"
#: Words that put a country or place after an institution's name ("del Perú", "of Chile").
QUALIFY = {"de", "del", "do", "da", "dos", "das", "of", "the", "la", "el", "em", "en", "in", "no", "na"}


@Language.factory("kg_select")
def make_select(nlp: Language, name: str) -> "Select":
    data = language_data(nlp.lang)
    return Select(data.PLACE_GOVERNMENTS, nlp.Defaults.stop_words, data.INSTITUTION_HEADS)


class Select:
    def __init__(self, governments: set[str], stop_words: set[str], heads: set[str]):
        self.governments = {g.lower() for g in governments}
        self.stop_words = stop_words
        self.heads = heads

    def __call__(self, doc: Doc) -> Doc:
        v = tokens(doc)
        lower = v.lower
        ranked: list[tuple[int, bool, int, Cand]] = []
        for rank, group in enumerate(SOURCES):
            for cand in doc.user_data.get(group, ()):
                ranked.append((cand[0] - cand[1], lower[cand[0]] in self.stop_words, rank, cand))
        # longest first; then one that does not start with a function word ("El Banco" the town
        # loses to "Banco Mundial"); then the more trusted source; then the earlier
        ranked.sort(key=lambda r: (r[0], r[1], r[2], r[3][0]))
        taken = bytearray(len(doc))
        chosen: list[Cand] = []
        for _, _, _, cand in ranked:
            start, end = cand[0], cand[1]
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(cand)
        chosen.sort()
        nested: list[Cand] = []
        aliases: list[Cand] = []
        places: dict[int, list[Cand]] = {}
        for c in [*doc.user_data.get("kg_gazetteer", ()), *doc.user_data.get("kg_places", ())]:
            if c[2] in {"Place", "Country"}:
                places.setdefault(c[0], []).append(c)
        for inst in chosen:
            if inst[2] == "Institution":
                self.inner(v.text, lower, inst, nested)
        if places:
            for inst in chosen:
                if inst[2] == "Institution" and inst[1] - inst[0] > 2:
                    inside = [p for k in range(inst[0] + 1, inst[1]) for p in places.get(k, ())]
                    # "Porto Alegre", not also "Porto" and "Alegre"
                    inside = [p for p in inside if not any(q[0] <= p[0] and p[1] <= q[1] and q != p for q in inside)]
                    if inside:
                        self.nested(lower, inst, inside, nested, aliases)
        doc.user_data[ENTS] = chosen
        doc.user_data[NESTED] = nested
        doc.user_data[ALIASES] = aliases
        return doc

    def nested(self, lower: list[str], inst: Cand, places: list[Cand], nested: list[Cand], aliases: list[Cand]) -> None:
        start, end, _, key = inst
        governs = None
        for place in places:
            if not (start < place[0] and place[1] <= end):
                continue
            if governs is None:
                governs = self.governs(lower, start)
            qualifier = place[2] == "Country" and not key and place[1] == end \
                and place[0] >= start + 2 and lower[place[0] - 1] in QUALIFY
            if governs or qualifier:
                nested.append(place)
            if qualifier and not governs:
                cut = place[0] - 1
                while cut > start + 1 and lower[cut - 1] in QUALIFY:
                    cut -= 1
                aliases.append((start, cut, "Institution", ""))

    def inner(self, text: list[str], lower: list[str], inst: Cand, nested: list[Cand]) -> None:
        """The institution an office belongs to, named at the end of the office's name
        ("Comisión de Hacienda de la Cámara de Senadores"): a mention of its own."""
        for k in range(inst[0] + 3, inst[1] - 1):  # not "Secretaria do Tesouro": the head's own complement
            if text[k] in self.heads and (lower[k - 1] in QUALIFY and lower[k - 1] not in {"em", "en", "in", "no", "na"}):
                nested.append((k, inst[1], "Institution", ""))
                return

    def governs(self, lower: list[str], start: int) -> bool:
        return lower[start] in self.governments
