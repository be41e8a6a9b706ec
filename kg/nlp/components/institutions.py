"""`kg_institutions`: institution names built on a head word, whatever the lexicons know.

"Ministério da Pesca e Aquicultura", "Universidad Austral de Misiones", "Secretaria de Obras
Hídricas e Saneamento", "Inter-American Institute of Coastal Studies", "la cancillería mexicana".
A name runs over capitalised words, the particles between them, and a list joined by a
conjunction ("Pesca, Aquicultura e Portos"); it ends before a bracket, a comma that
opens no list, or a person's first name after a complement ("Ministério da Economia Paulo...").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...lang import language_data
from ..lexicon import all_countries, demonyms, first_names, institutions, posts
from ..tokens import Cand, Tokens, tokens

GROUP = "kg_institutions"
ARTICLES = {"a", "o", "as", "os", "el", "la", "los", "las", "the"}
#: Words that say whom a post or office serves ("Banco X para o Brasil"), no part of the name before a country.
FOR = {"para", "for"}


@Language.factory("kg_institutions")
def make_institutions(nlp: Language, name: str) -> "InstitutionRules":
    return InstitutionRules(nlp.lang)


class InstitutionRules:
    def __init__(self, lang: str):
        data = language_data(lang)
        self.lang = lang
        self.heads = data.INSTITUTION_HEADS
        self.tails = data.INSTITUTION_TAILS
        self.particles = data.PARTICLES
        self.conjunctions = data.CONJUNCTIONS
        self.demonym_heads = data.DEMONYM_INSTITUTIONS
        self.demonyms = demonyms(lang)
        self.first_names = first_names()
        self.event_nouns = data.EVENT_NOUNS
        self.countries = all_countries()
        self.acronyms = {name for name, known in institutions().items() if known.acronym}
        self.posts = posts(lang)

    def __call__(self, doc: Doc) -> Doc:
        view = tokens(doc)
        cands: list[Cand] = []
        if not view.shouting:
            n = len(view)
            heads, tails, demonym_heads = self.heads, self.tails, self.demonym_heads
            for i in [i for i, (w, lw) in enumerate(zip(view.text, view.lower))
                      if w in heads or w in tails or lw in demonym_heads or w in self.acronyms]:
                word = view.text[i]  # only the words that can anchor a name
                if view.loud[i]:
                    continue
                if word in self.acronyms:
                    end = self.acronym_name_end(view, i)
                    if end > i + 1:
                        cands.append((i, end, "Institution", ""))
                    continue
                if word in self.heads and not (i > 0 and view.lower[i] in self.event_nouns and self._numbered(view, i - 1)):
                    end = self.name_end(view, i)
                    if end > i + 1:
                        cands.append((i, end, "Institution", ""))
                        continue
                if word in self.tails and i > 0 and (view.cap[i - 1] or view.upper[i - 1]):
                    start = self.name_start(view, i)
                    end = self.name_end(view, i) if i + 1 < n and view.lower[i + 1] in {"of", "for"} else i + 1
                    if start < i:
                        cands.append((start, end, "Institution", ""))
                elif view.lower[i] in self.demonym_heads and i + 1 < n and view.lower[i + 1] in self.demonyms:
                    cands.append((i, i + 2, "Institution", ""))
        doc.user_data[GROUP] = cands
        return doc

    def name_end(self, v: Tokens, i: int) -> int:
        """End (exclusive) of the name whose head is token i."""
        n, last, j = len(v), i, i + 1
        complement, since_particle = False, 0
        needs_particle = self.lang == "en"  # "Ministry of X": an English head takes its complement with "of"
        while j < n:
            word, low = v.text[j], v.lower[j]
            if (v.cap[j] or v.upper[j]) and not v.sent_start[j] and not needs_particle:
                if complement and since_particle and word in self.first_names:
                    break  # "Ministério da Economia Paulo ...": a name after the complement
                last = j
                since_particle += 1
                j += 1
                continue
            if low in self.particles and j + 1 < n:
                k = j + 1
                if v.lower[k] in ARTICLES and k + 1 < n:
                    k += 1
                if low in FOR and v.text[k] in self.countries:
                    break
                if v.cap[k] or v.upper[k]:
                    complement, needs_particle, since_particle = True, False, 0
                    j = k
                    continue
                break
            if low in self.conjunctions and last == j - 1 and not needs_particle:
                k = j + 1
                if k + 1 < n and v.lower[k] in ARTICLES:
                    k += 1
                if k < n and v.cap[k] and v.text[k] not in self.first_names and not self._opens_name(v, k):
                    j = k
                    continue
                break
            if word == "," and last == j - 1 and not needs_particle and self._list_follows(v, j):
                j += 1
                continue
            break
        return last + 1

    def acronym_name_end(self, v: Tokens, i: int) -> int:
        """ "ONU Mujeres", "BID Invest": a known acronym and one capitalised word that names a
        body of it; a longer run of capitals is a name of its own."""
        k = i + 1
        if k < len(v) and v.cap[k] and not v.sent_start[k] and not v.headline[k] and v.text[k].isalpha() \
                and v.text[k] not in self.heads and v.lower[k] not in self.posts \
                and v.text[k] not in self.first_names and v.text[k] not in self.countries \
                and not (k + 1 < len(v) and (v.cap[k + 1] or v.upper[k + 1] or v.lower[k + 1] in self.particles)):
            return k + 1
        return i + 1

    def _opens_name(self, v: Tokens, k: int) -> bool:
        """The capitalised words from k on are a name of their own ("... and the Central Bank"),
        not the last item of this one ("Ministry of Fisheries and Ports")."""
        run = k
        while run < len(v) and (v.cap[run] or v.upper[run]):
            run += 1
        return v.text[k] in self.heads or (run - k >= 2 and v.text[run - 1] in self.tails)

    @staticmethod
    def _numbered(v: Tokens, k: int) -> bool:
        """An ordinal or "General" before a head that is also an event noun: "64th General Assembly"."""
        word = v.text[k]
        return word[:1].isdigit() or word.lower() in {"general", "geral", "annual", "anual"} or word.strip("IVXLC") == ""

    def _list_follows(self, v: Tokens, j: int) -> bool:
        """After a comma: capitalised words, then a conjunction and a capitalised word ("X, Y e Z")."""
        k = j + 1
        while k < len(v) and k < j + 8:
            if v.text[k] in self.heads or v.lower[k] in ARTICLES:
                return False  # ", the Ministry of ...": the next name, not this one's list
            if v.cap[k] or v.lower[k] in self.particles:
                k += 1
                continue
            if v.text[k] == ",":
                k += 1
                continue
            if v.lower[k] not in self.conjunctions:
                return False
            k += 1
            if k + 1 < len(v) and v.lower[k] in ARTICLES:
                k += 1
            return k < len(v) and v.cap[k]
        return False

    def name_start(self, v: Tokens, i: int) -> int:
        """Start of an English-style name that ends with its head at token i."""
        start = i
        k = i - 1
        while k >= 0 and not v.sent_start[k + 1]:
            if v.cap[k] or v.upper[k]:
                start = k
            elif v.text[k] in {"'s", "’s", "-"} and k > 0 and v.cap[k - 1]:
                pass
            else:
                break
            k -= 1
        while start < i and v.lower[start] in {"the", "a", "an"}:
            start += 1
        return start
