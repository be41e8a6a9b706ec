"""`kg_coreference`: short forms in an article point to the full entity of the same article.

A person is named in full once and by surname afterwards ("Teodora Vasques Lemos" ... "Vasques
Lemos"), sometimes by a shorter full form ("Teodora Vasques"): those mentions get the
key of the fullest name (its normalised form), and bare surnames that no rule read as a name,
or that a lexicon read as a place ("Lemos"), become mentions of that person. Every other
entity without a lexicon key gets its normalised name as key, so that kg.resolve groups by key.
This is the last component to change the entities (it sets `doc.ents` when configured with
set_ents=True: `pipeline_for(lang, set_ents=True)`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..tokens import Cand, Tokens, norm, tokens
from .persons import NAME_PARTICLES
from .select import ALIASES, ENTS


@Language.factory("kg_coreference", default_config={"set_ents": False})
def make_coreference(nlp: Language, name: str, set_ents: bool) -> "Coreference":
    return Coreference(set_ents)


class Coreference:
    def __init__(self, set_ents: bool = False):
        #: making Span objects costs as much as the rules; kg reads the candidates, displaCy wants doc.ents
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        v = tokens(doc)
        ents: list[Cand] = doc.user_data.get(ENTS, [])
        # fullest names first: a shorter name inside a longer one is the same person
        people = sorted((e for e in ents if e[2] == "Person"), key=lambda e: e[0] - e[1])
        full: list[tuple[list[str], str]] = []  # (words of the name, key)
        person_key: dict[int, str] = {}
        for start, end, _, _ in people:
            words = [v.text[k] for k in range(start, end) if v.lower[k] not in NAME_PARTICLES and v.text[k] != "-"]
            key = next((k for ws, k in full if _shorter_form(words, ws)), None)
            if key is None:
                key = norm(v.surface(start, end))
                full.append((words, key))
            person_key[start] = key
        # surnames: the name minus its first word, its last word, its last two; None where two people share one
        surnames: dict[tuple[str, ...], str | None] = {}
        for words, key in full:
            for tail in {tuple(words[1:]), tuple(words[-1:]), tuple(words[-2:])}:
                if tail and tail != tuple(words):
                    surnames[tail] = key if surnames.get(tail, key) == key else None
        out: list[Cand] = []
        covered = bytearray(len(v))
        surname_words = {w for tail in surnames for w in tail}
        pending: list[Cand] = []  # places read in a surname ("Vasconcelos Prado"): decided after the scan
        for start, end, label, key in ents:
            if label == "Place" and end - start <= 2 and all(w in surname_words for w in v.text[start:end]):
                pending.append((start, end, label, key))
                continue
            if label == "Person":
                out.append((start, end, label, person_key[start]))
            elif label in {"Place", "Institution"} and end - start <= 2 and surnames.get(tuple(v.text[start:end])):
                out.append((start, end, "Person", surnames[tuple(v.text[start:end])] or ""))
            else:
                out.append((start, end, label, key or norm(v.surface(start, end))))
            covered[start:end] = b"\x01" * (end - start)
        if surnames:
            out += self.bare_surnames(v, surnames, covered)
            taken = bytearray(len(v))
            for c in out:
                taken[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
            out += [c for c in pending if not any(taken[c[0]:c[1]])]
        out.sort()
        owner = {c[0]: c for c in out}
        doc.user_data[ENTS] = out
        doc.user_data[ALIASES] = [(a[0], a[1], a[2], owner[a[0]][3]) for a in doc.user_data.get(ALIASES, ())
                                  if a[0] in owner and owner[a[0]][2] == a[2]]
        if self.set_ents:
            doc.ents = [Span(doc, s, e, label=label, kb_id=key) for s, e, label, key in out]
        return doc

    @staticmethod
    def bare_surnames(v: Tokens, surnames: dict[tuple[str, ...], str | None], covered: bytearray) -> list[Cand]:
        longest = max(len(s) for s in surnames)
        found: list[Cand] = []
        k, n = 0, len(v)
        while k < n:
            if covered[k] or not v.cap[k]:
                k += 1
                continue
            hit = 0
            for size in range(min(longest, n - k), 0, -1):
                tail = tuple(v.text[k:k + size])
                if surnames.get(tail) and not any(covered[k:k + size]) and not (k + size < n and v.cap[k + size]):
                    hit = size
                    break
            if hit:
                found.append((k, k + hit, "Person", surnames[tuple(v.text[k:k + hit])] or ""))
                k += hit
            else:
                k += 1
        return found


def _shorter_form(short: list[str], long: list[str]) -> bool:
    """`short` names the same person as `long`: its words in order, starting with the same first
    name ("Teodora Vasques" of "Teodora Vasques Lemos"), or a run of its words."""
    if not short or len(short) > len(long):
        return False
    if short[0] == long[0]:
        it = iter(long)
        if all(w in it for w in short):
            return True
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))
