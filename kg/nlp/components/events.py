"""`kg_events`: the happenings an article reports (seminars, meetings, summits, visits, signings...).

Three ways an event is written: a title in quotes or in capitals ("XV Foro Ministerial para el
Desarrollo", "12º Encontro Regional de Cidades Portuárias"); an event noun with what qualifies it ("a
primeira visita do chanceler à Argentina", "la firma de un acuerdo de educación"); a verb that
is itself the event ("aprobó créditos por US$ 681 millones"). Mentions of one event are grouped
under one key: the same kind of event, or events named in one sentence, are one event unless
two titles tell them apart. A bare "o evento" refers to the article's first event. Each mention
also gives its short form ("encontro técnico") as an alias. Mentions go to
doc.user_data["kg_events"]; they may overlap the entities they contain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ...lang import language_data
from ..lexicon import places
from ..tokens import Cand, Tokens, norm, tokens
from .select import ENTS

GROUP = "kg_events"
OPEN_QUOTES = {'"': '"', "“": "”", "«": "»", "'": "'", "‘": "’"}
ORDINAL = re.compile(r"^(\d+[ªºa°o]?|[IVXLC]+|\d+(st|nd|rd|th))$")
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "primeira", "primeiro", "segunda", "segundo", "terceira", "terceiro", "quarta", "quarto", "quinta",
                 "quinto", "primera", "primer", "tercera", "tercer", "cuarta", "cuarto", "annual", "anual"}
ARTICLES = {"a", "o", "as", "os", "el", "la", "los", "las", "the", "um", "uma", "un", "una", "este", "esta", "esse",
            "essa", "this", "that", "dicho", "dicha", "aquele", "aquela"}
#: Words an event phrase does not end on ("primeira visita à", "reuniones con").
DANGLING = {"a", "à", "ao", "aos", "às", "com", "con", "with", "por", "by", "para", "to", "en", "em", "in", "on",
            "sobre", "entre", "at", "no", "na", "nos", "nas", "del", "al", "of", "for", "from", "desde", "de", "da",
            "do", "das", "dos", "e", "y", "and", "o", "u", "or"}
#: Prepositions inside an event's title ("Forum on Urban Mobility", "Seminario sobre Agua").
TITLE_LINKS = {"on", "in", "for", "of", "sobre", "em", "en", "para", "entre", "between", "among"}
LOCATIVE = {"en", "em", "in", "at", "no", "na"}
PURPOSE = {"to", "para"}
PROGRAMMES = {"program", "programme", "programs", "programmes", "plan", "project", "course", "courses"}
IDIOM_NEXT = {"com", "con", "a", "al", "with", "to", "para"}
PUNCT_STOP = {".", ",", ";", ":", "(", ")", "!", "?", '"', "“", "”", "«", "»", "—", "–", "-"}
MAX_PHRASE = 10
#: Adjectives that follow an event noun in Portuguese and Spanish (by their endings).
ADJECTIVE = re.compile(r"^[^\W\d_]{3,}(al|ar|ic[oa]|ivo|iva|ad[oa]|id[oa]|nte|ári[oa]|ari[oa]|os[oa]|an[oa]|ense|ês|és|esa|ial)s?$")


@dataclass
class _Mention:
    start: int
    end: int
    family: str
    sentence: int
    titled: bool
    alias_end: int = 0  # end of the short form, when it differs


@Language.factory("kg_events")
def make_events(nlp: Language, name: str) -> "EventRules":
    return EventRules(nlp.lang)


class EventRules:
    def __init__(self, lang: str):
        data = language_data(lang)
        self.nouns: dict[str, str] = data.EVENT_NOUNS
        self.verbs: dict[str, str] = data.EVENT_VERBS
        self.premods = data.EVENT_PREMODIFIERS
        self.anaphora = data.EVENT_ANAPHORA
        self.stops = data.PHRASE_STOPS
        self.particles = data.PARTICLES
        self.conjunctions = data.CONJUNCTIONS
        self.heads = data.INSTITUTION_HEADS
        self.verb_endings = data.VERB_ENDINGS
        self.triggers = set(OPEN_QUOTES) | set(self.nouns) | set(self.verbs) | set(self.anaphora)
        self.cities = {k.key for k in places().values() if k.country}

    def __call__(self, doc: Doc) -> Doc:
        v = tokens(doc)
        n = len(v)
        sent_of = v.sent_of
        institution = bytearray(n)
        entity: dict[int, int] = {}  # end -> start of every entity, to read a verb's subject
        located: set[int] = set()  # starts of countries and cities (not world regions)
        for start, end, label, key in doc.user_data.get(ENTS, ()):
            entity[end] = start
            if label == "Institution":
                institution[start:end] = b"\x01" * (end - start)
            elif label == "Country" or (label == "Place" and key in self.cities):
                located.add(start)
        found: list[_Mention] = []
        covered = bytearray(n)
        anaphora: list[int] = []
        triggers = self.triggers
        for k in [k for k, low in enumerate(v.lower) if low in triggers]:  # only the words that can start one
            if covered[k] or v.loud[k] or (v.headline[k] and sent_of[k] == 0):
                continue  # the headline: its words tell nothing of titles, and the body repeats it
            word, low = v.text[k], v.lower[k]
            if word in OPEN_QUOTES:
                m = self.quoted(v, k, sent_of)
                if m:
                    found.append(m)
                    covered[m.start - 1:m.end + 1] = b"\x01" * (m.end - m.start + 2)
                continue
            family = self.nouns.get(low)
            if family and k > 0 and v.lower[k - 1] in {"de", "of"} and k + 1 < n and v.lower[k + 1] in IDIOM_NEXT:
                family = None  # "de acuerdo con", "de acordo com": "according to"
            if family and k + 1 < n and v.lower[k + 1] in PROGRAMMES:
                family = None  # "a training program": a programme runs for years, it is no event
            if family:
                if v.cap[k] and not (v.sent_start[k] and k + 1 < n and not v.cap[k + 1]):
                    m = self.titled(v, k, family, sent_of, institution, located)
                else:
                    m = self.described(v, k, family, sent_of)
                if m:
                    found.append(m)
                    covered[m.start:m.end] = b"\x01" * (m.end - m.start)
                continue
            family = self.verbs.get(low)
            if family:
                start, obj = k, k + 1
                if family == "signing":  # named by who signs what: "X and Y signed a letter of intent"
                    start, obj = self.signers_start(v, k, entity), self.object_start(v, k + 1, entity)
                    if obj > k + 1:  # the partner stood between: the name is what was signed
                        start = obj + 1 if obj + 1 < n and v.lower[obj] in ARTICLES else obj
                end = self.phrase_end(v, obj, family, limit=8)
                if end > obj:
                    found.append(_Mention(start, end, family, sent_of[k], False))
                    covered[k:end] = b"\x01" * (end - k)
                continue
            if low in self.anaphora and k > 0 and v.lower[k - 1] in ARTICLES:
                anaphora.append(k)
        doc.user_data[GROUP] = self.mentions(doc, v, found, anaphora)
        return doc

    def quoted(self, v: Tokens, k: int, sent_of: list[int]) -> _Mention | None:
        close = OPEN_QUOTES[v.text[k]]
        for j in range(k + 2, min(len(v), k + 30)):
            if v.text[j] == close:
                # a title names its kind first ("Seminário de ..."); a quoted statement does not
                head = next((t for t in range(k + 1, min(j, k + 4)) if v.lower[t] in self.nouns), None)
                if v.cap[k + 1] and head is not None:
                    return _Mention(k + 1, j, self.nouns[v.lower[head]], sent_of[k], True)
                return None
            if sent_of[j] != sent_of[k]:
                return None
        return None

    def titled(self, v: Tokens, k: int, family: str, sent_of: list[int], institution: bytearray,
               located: set[int]) -> _Mention | None:
        start = k
        while start > 0 and not v.sent_start[start] and (
                v.cap[start - 1] or ORDINAL.match(v.text[start - 1]) or v.lower[start - 1] in ORDINAL_WORDS):
            start -= 1
        while start < k and (v.lower[start] in ARTICLES or v.lower[start] in self.stops):
            start += 1  # "The Fifth Session ...": the article is no part of the title
        numbered = start < k and (ORDINAL.match(v.text[start]) or v.lower[start] in ORDINAL_WORDS)
        if institution[k] and not numbered:
            return None  # "Congreso Nacional", "Assembleia Legislativa": an institution
        end, j, n = k + 1, k + 1, len(v)
        while j < n and not v.sent_start[j] and j - k < 20 and not v.text[j].isspace():
            if v.cap[j] or v.upper[j] or ORDINAL.match(v.text[j]):
                end = j = j + 1
                continue
            if v.lower[j] in LOCATIVE and j + 1 in located:
                break  # "... de la Región Andina en Quito": where it happens, not its title
            if v.lower[j] in self.particles or v.lower[j] in self.conjunctions or v.lower[j] in TITLE_LINKS:
                t = j + 1
                while t < n and (v.lower[t] in ARTICLES or v.lower[t] in self.particles) and t - j < 3:
                    t += 1
                if t < n and (v.cap[t] or v.upper[t] or ORDINAL.match(v.text[t])):
                    j = t
                    continue
            break
        if end - start < 2:
            return self.described(v, k, family, sent_of)
        return _Mention(start, end, family, sent_of[k], True)

    def described(self, v: Tokens, k: int, family: str, sent_of: list[int]) -> _Mention:
        start = k
        while start > 0 and v.lower[start - 1] in self.premods and not v.sent_start[start]:
            start -= 1
        alias_end = k + 1
        if alias_end < len(v) and not v.cap[alias_end] and ADJECTIVE.match(v.lower[alias_end]) \
                and v.lower[alias_end] not in self.stops:
            alias_end += 1  # "encontro técnico", "jornada regional", "talleres prácticos"
        end = self.phrase_end(v, k + 1, family, limit=MAX_PHRASE)
        return _Mention(start, max(end, alias_end), family, sent_of[k], False, alias_end)

    @staticmethod
    def signers_start(v: Tokens, k: int, entity: dict[int, int]) -> int:
        """Start of the entities just before a signing verb, joined by "and"/"e"/"y"."""
        start, j = k, k
        while j in entity and not v.sent_start[j]:
            start = j = entity[j]
            while j > 0 and v.lower[j - 1] in ARTICLES and not v.sent_start[j]:
                j -= 1
            if j > 0 and v.lower[j - 1] in {"and", "e", "y", ","} and not v.sent_start[j] and j - 1 in entity:
                j -= 1
            elif j > 1 and v.lower[j - 1] in {"and", "e", "y", ","} and v.lower[j - 2] in ARTICLES | {"the"}:
                j -= 1
        return start

    @staticmethod
    def object_start(v: Tokens, j: int, entity: dict[int, int]) -> int:
        """Where what is signed starts, past "com a Agência X (AX)": the partner is named elsewhere."""
        n = len(v)
        if j < n and v.lower[j] in {"com", "con", "with"}:
            k = j + 1
            if k < n and v.lower[k] in ARTICLES:
                k += 1
            ends = [e for e, s in entity.items() if s == k]
            if ends:
                k = max(ends)
                if k + 2 < n and v.text[k] == "(" and v.text[k + 2] == ")":
                    k += 3
                return k
        return j

    def phrase_end(self, v: Tokens, j: int, family: str, limit: int) -> int:
        """End of the words that qualify an event noun or verb: up to punctuation or a new clause."""
        start, end, n = j, j, len(v)
        while j < n and j - start < limit and not v.sent_start[j]:
            low = v.lower[j]
            if v.text[j] in PUNCT_STOP or low in self.stops or self.nouns.get(low, family) != family or v.text[j].isspace() \
                    or (low.endswith(self.verb_endings) and not v.cap[j] and len(low) > 4) \
                    or (low in PURPOSE and j + 1 < n and not v.cap[j + 1] and v.lower[j + 1] not in ARTICLES):
                break  # "... to create", "... para fortalecer": a purpose, no part of the name
            j += 1
            if low not in DANGLING and low not in ARTICLES and low not in self.particles:
                end = j
        return end

    def mentions(self, doc: Doc, v: Tokens, found: list[_Mention], anaphora: list[int]) -> list[Cand]:
        groups: list[list[_Mention]] = []
        sentences: dict[int, set[int]] = {}  # id of a group -> the sentences it is named in
        for m in sorted(found, key=lambda m: (not m.titled, m.start)):
            target = None
            if not m.titled and m.alias_end >= m.end and groups:
                # a bare "a reunião" is the event of that kind already named, or the first one
                target = next((g for g in groups if g[0].family == m.family), groups[0])
                target.append(m)
                sentences[id(target)].add(m.sentence)
                continue
            for g in groups:
                head = g[0]
                if m.titled and head.titled:
                    if _overlap(v.lower[m.start:m.end], v.lower[head.start:head.end]) >= 0.8:
                        target = g
                        break
                    continue
                if head.family == m.family or (not head.titled and m.sentence in sentences[id(g)]):
                    target = g
                    break
            if target is None:
                target = [m]
                groups.append(target)
            else:
                target.append(m)
            sentences.setdefault(id(target), set()).add(m.sentence)
        out: list[Cand] = []

        def key_of(m: _Mention) -> str:
            return norm(v.surface(m.start, m.end))

        for g in groups:
            key = key_of(g[0])
            for m in g:
                out.append((m.start, m.end, "Event", key))
                if m.alias_end and m.alias_end < m.end:
                    out.append((m.start, m.alias_end, "Event", key))
        if groups:
            key = key_of(min(groups, key=lambda g: min(m.start for m in g))[0])
            out += [(k, k + 1, "Event", key) for k in anaphora]
        return out


def _overlap(a: list[str], b: list[str]) -> float:
    """How much the shorter title is part of the longer ("Port Forum" of "Port Forum
    of the Andean Cities")."""
    sa, sb = {w for w in a if len(w) > 2}, {w for w in b if len(w) > 2}
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
