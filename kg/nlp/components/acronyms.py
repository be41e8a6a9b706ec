"""`kg_acronyms`: an acronym and its expansion are one institution.

"Corporação Andina de Fomento (CAF)", "el BID (Banco Interamericano de Desarrollo)",
"Partners in Health (PIH)": both spans get the same key (the lexicon id where the lexicon
knows either form, the expansion's normalised name otherwise), and every later bare use of the
acronym in the article ("o Minturi", "MINTURI") gets it too. An acronym the article never
expands still names an institution ("a STP"), unless it is one of the common non-institution
abbreviations below or sits in a headline written in capitals.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import all_countries
from ..tokens import Cand, Tokens, norm, tokens
from .select import ENTS

#: Capitalised abbreviations that are not institutions (economics, units, media, documents).
NOT_INSTITUTIONS = set("""CEO CFO COO CTO PIB GDP PBI ONG ONGs NGO NGOs TV AM FM PM UTC GMT ID PDF HTML
    URL IVA ICMS IPI IR VAT MW GW KW KM KG ODS SDG SDGs COVID HIV AIDS SIDA USD EUR BRL ARS MXN COP CLP PEN
    UYU PYG BOB US UE EU OK PPP APP PPPs TIC TI IT ICT CO2 GEE GHG ESG PYME PYMES PME PMEs MPE MPEs SME SMEs
    LGBT LGBTI RSS FAQ CPF CNPJ RUC RUT NIT DNI AFP EFE EP ANSA AP UPI DPA BBC CNN EUA EEUU EE UU
    SOFR LIBOR EURIBOR SONIA SELIC CDI IPCA IPC CPI TJLP TLP TIIE IGP INPC TIR IRR VAN NPV""".split())
ROMAN = re.compile(r"^[IVXLC]+$")
#: Small words inside an expanded name.
LINKS = {"de", "da", "do", "das", "dos", "del", "la", "el", "y", "e", "of", "for", "the", "and", "in", "para", "en",
         "em", "-", "à", "a", "al", "on"}


@Language.factory("kg_acronyms")
def make_acronyms(nlp: Language, name: str) -> "AcronymLinks":
    return AcronymLinks()


def _acronym_like(v: Tokens, k: int) -> bool:
    """CAF, BNDES, Mincetur, Cofiex: a short word in capitals, or one capitalised word in brackets."""
    word = v.text[k]
    return v.upper[k] or (v.cap[k] and 3 <= len(word) <= 10 and word.isalpha())


def _initials_match(acronym: str, words: list[str]) -> bool:
    """Each letter of the acronym starts a word of the name, in order; small words may be skipped."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    if len(letters) < 2 or not words or words[0][:1].upper() != letters[0]:
        return False
    li = 0
    for w in words:
        if li < len(letters) and w[:1].upper() == letters[li]:
            li += 1
    return li == len(letters)


class AcronymLinks:
    def __init__(self) -> None:
        self.countries = all_countries()

    def __call__(self, doc: Doc) -> Doc:
        v = tokens(doc)
        n = len(v)
        by_start: dict[int, Cand] = {c[0]: c for c in doc.user_data.get(ENTS, ())}
        by_end: dict[int, Cand] = {c[1]: c for c in by_start.values()}
        keys: dict[str, str] = {}  # acronym (lower case) -> key

        def put(start: int, end: int, key: str) -> None:
            old = by_start.pop(start, None)
            if old is not None:
                by_end.pop(old[1], None)
            cand = (start, end, "Institution", key)
            by_start[start] = by_end[end] = cand

        for i in range(1, n - 2):
            if v.text[i] != "(" or v.text[i + 2] != ")" or not _acronym_like(v, i + 1):
                continue
            acr = v.text[i + 1]
            if acr in self.countries or acr in NOT_INSTITUTIONS or ROMAN.match(acr):
                continue
            before, inner = by_end.get(i), by_start.get(i + 1)
            inner_key = inner[3] if inner is not None and inner[2] == "Institution" else ""
            if before is not None and before[2] == "Institution":
                start = self._expansion_start(v, i, acr) if v.upper[i + 1] else None
                if start is not None and start > before[0] and not before[3] \
                        and not _initials_match(acr, v.text[before[0]:i]):
                    by_start.pop(before[0], None)  # "NGO Partners for Coastal Health (PCH)": the name is what PCH spells
                    before = (start, i, "Institution", "")
                key = inner_key or before[3] or norm(v.surface(before[0], before[1]))
                put(before[0], before[1], key)
                put(i + 1, i + 2, key)
                keys[v.lower[i + 1]] = key
            elif before is None and v.upper[i + 1]:
                start = self._expansion_start(v, i, acr)
                if start is not None:
                    key = inner_key or norm(v.surface(start, i))
                    for k in range(start, i):  # the expansion replaces what was read inside it
                        old = by_start.pop(k, None)
                        if old is not None:
                            by_end.pop(old[1], None)
                    put(start, i, key)
                    put(i + 1, i + 2, key)
                    keys[v.lower[i + 1]] = key
        # "o BID (Banco Interamericano de Desenvolvimento)"
        inside_ent = bytearray(n)
        for c in by_start.values():
            inside_ent[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
        for i in range(0, n - 2):
            if v.text[i + 1] != "(":
                continue
            acr = by_start.get(i)
            if acr is None and v.upper[i] and len(v.text[i]) <= 10 and v.text[i] not in NOT_INSTITUTIONS \
                    and not inside_ent[i]:
                acr = (i, i + 1, "Institution", "")
            if acr is None or acr[2] != "Institution" or acr[1] != i + 1:
                continue
            inside = by_start.get(i + 2)
            if inside is not None and inside[2] == "Institution" and inside[1] < n and v.text[inside[1]] == ")":
                key = acr[3] or inside[3] or norm(v.surface(inside[0], inside[1]))
                put(acr[0], acr[1], key)
                put(inside[0], inside[1], key)
                keys[v.lower[i]] = key
        # every other use of an expanded acronym, and acronyms the article never expands
        covered = bytearray(n)
        for c in by_start.values():
            covered[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
        for k in range(n):
            if covered[k] or not (v.upper[k] or v.cap[k]):
                continue
            key = keys.get(v.lower[k])
            if key is None and v.upper[k] and not v.loud[k] and len(v.text[k]) <= 8 \
                    and v.text[k] not in NOT_INSTITUTIONS and v.text[k] not in self.countries and not ROMAN.match(v.text[k]):
                key = v.lower[k]
            if key is not None:
                put(k, k + 1, key)
        doc.user_data[ENTS] = sorted(by_start.values())
        return doc

    @staticmethod
    def _expansion_start(v: Tokens, paren: int, acr: str) -> int | None:
        """Start of the capitalised name just before "(ACR)" whose initials spell ACR."""
        k = paren - 1
        while k >= 0 and paren - k <= 14:
            if not (v.cap[k] or v.upper[k] or v.lower[k] in LINKS):
                break
            if (v.cap[k] or v.upper[k]) and _initials_match(acr, v.text[k:paren]):
                return k
            k -= 1
        return None
