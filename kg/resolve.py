"""Entity resolution: the mentions of one article grouped into entities with stable keys.

Within an article a surname alone, an acronym and a short form join the full name they stand
for; across articles the key is what makes two articles' entities one node: the lexicon id of a
known institution or place, the ISO code of a country, the normalised full name otherwise.
Labels are chosen by a fixed order (fullest form, then alphabetical), so that rebuilding the
same articles gives the same triples.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from functools import lru_cache

from .iris import normalize
from .model import Entity, Mention
from .nlp.lexicon import LEXICON_DIR, read_tsv

#: Name particles: not initials of an acronym, not a surname on their own.
PARTICLES = {"de", "da", "do", "das", "dos", "del", "la", "las", "los", "el", "y", "e", "and",
             "of", "the", "for", "para", "por", "en", "em", "na", "no", "a", "o", "i", "von", "van"}
_TOKEN = re.compile(r"[\w'’-]+")


# resolution and the relation rules compare the same few names' words over and over
@lru_cache(maxsize=1 << 15)
def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalize(text)))


# asked of every surface form each time a group's label is chosen
@lru_cache(maxsize=1 << 14)
def is_acronym(text: str) -> bool:
    """CAF, BID, Mincetur-like short forms are written with capitals and no spaces."""
    t = text.strip()
    return " " not in t and 2 <= len(t) <= 10 and sum(c.isupper() for c in t) >= 2


# asked of every surface form of every group when acronyms look for their expansion
@lru_cache(maxsize=1 << 14)
def initials(text: str) -> str:
    return "".join(w[0] for w in tokens(text) if w not in PARTICLES and w[0].isalpha())


@dataclass
class _Group:
    cls: str
    mentions: list[Mention] = field(default_factory=list)
    key: str | None = None   # lexicon identity, when any mention has one

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def texts(self) -> set[str]:
        return {m.text for m in self.mentions}

    def fullest(self) -> str:
        """The canonical label: longest non-acronym form, ties broken alphabetically."""
        # an event's title is capitalised; "forum with X" is a phrase around it
        titled = self.cls == "Event"
        forms = sorted(self.texts(), key=lambda t: (is_acronym(t), titled and not t[:1].isupper(),
                                                    -len(tokens(t)), -len(t), t))
        return forms[0]

    def absorb(self, other: _Group) -> None:
        self.mentions += other.mentions
        self.key = self.key or other.key


def resolve_mentions(mentions: list[Mention], lang: str) -> list[Entity]:
    """Group mentions by identity: lexicon key, then same name, then short forms into full ones."""
    groups: dict[tuple[str, str], _Group] = {}
    order: dict[int, int] = {}    # id of a group -> its rank in `groups`
    # (class, normalised form) -> the earliest group holding that form, instead of a scan of all
    holder: dict[tuple[str, str], _Group] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        form = (m.cls, normalize(m.text))
        ident = ("key", m.key) if m.key else ("name", form[1])
        g = groups.get((m.cls, *ident))
        if g is None:
            # a name already seen with a lexicon key keeps that key when written alone
            g = None if m.key else holder.get(form)
            if g is None:
                g = groups[(m.cls, *ident)] = _Group(m.cls, key=m.key)
                order[id(g)] = len(order)
        g.mentions.append(m)
        if form not in holder or order[id(holder[form])] > order[id(g)]:
            holder[form] = g
    merged = list(groups.values())
    merged = _merge_adjacent_acronyms(merged)
    merged = _merge_short_forms(merged)
    merged = _merge_generic_events(merged)
    return [_entity(g, lang) for g in sorted(merged, key=lambda g: g.first)]


def _merge_adjacent_acronyms(groups: list[_Group]) -> list[_Group]:
    """"Long Name (ACR)" / "ACR - long name": the acronym written beside its expansion."""
    owner = {id(m): g for g in groups for m in g.mentions}
    ordered = sorted((m for g in groups for m in g.mentions), key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        ga, gb = owner[id(a)], owner[id(b)]
        if ga is gb or ga.cls != gb.cls or ga.cls not in ("Institution", "Place") or b.start - a.end > 3:
            continue
        short = _short_form if ga.cls == "Institution" else is_acronym   # "São Paulo, Campinas" are two places
        if short(b.text) != short(a.text) and (ga.key is None or gb.key is None or ga.key == gb.key):
            _join(groups, owner, ga, gb)
    return [g for g in groups if g.mentions]


def _short_form(text: str) -> bool:
    """CAF, Mincetur, Inpesca: one word standing for a name of several."""
    return is_acronym(text) or (" " not in text.strip() and text[:1].isupper())


def _join(groups: list[_Group], owner: dict[int, _Group], keep: _Group, gone: _Group) -> None:
    if gone.key and not keep.key:
        keep, gone = gone, keep
    keep.absorb(gone)
    for m in gone.mentions:
        owner[id(m)] = keep
    gone.mentions = []


def _merge_short_forms(groups: list[_Group]) -> list[_Group]:
    """A surname, a partial name or an acronym joins the one fuller entity it can stand for."""
    owner = {id(m): g for g in groups for m in g.mentions}
    by_word: dict[str, set[int]] = {}     # an index, so that a long article is not quadratic
    by_initials: dict[str, set[int]] = {}
    for i, g in enumerate(groups):
        for text in g.texts():
            for w in tokens(text):
                by_word.setdefault(w, set()).add(i)
            by_initials.setdefault(initials(text), set()).add(i)
    # longest first: "Vasconcelos Pardo" joins the full name before "Vasconcelos" looks for one
    for short in sorted(groups, key=lambda g: (-len(tokens(g.fullest())), g.first)):
        if not short.mentions or short.key:
            continue
        form = short.fullest()
        words = [w for w in tokens(form) if w not in PARTICLES] or tokens(form)
        pool = set.intersection(*(by_word.get(w, set()) for w in words)) if words else set()
        if is_acronym(form):
            pool |= by_initials.get(normalize(form), set())
        cands = [groups[i] for i in sorted(pool) if groups[i] is not short and groups[i].mentions
                 and groups[i].cls == short.cls and _stands_for(form, groups[i])]
        if len({id(g) for g in cands}) == 1:
            _join(groups, owner, cands[0], short)
    return [g for g in groups if g.mentions]


def _merge_generic_events(groups: list[_Group]) -> list[_Group]:
    """"o evento", "la reunión", "the conference": a bare event noun is the article's named event
    that precedes it (the first one when none does)."""
    named = sorted((g for g in groups if g.cls == "Event" and len(_content(g.fullest())) > 1), key=lambda g: g.first)
    if not named:
        return groups
    owner = {id(m): g for g in groups for m in g.mentions}
    for g in [g for g in groups if g.cls == "Event" and len(_content(g.fullest())) <= 1 and not g.key]:
        before = [n for n in named if n.first < g.first]
        _join(groups, owner, before[-1] if before else named[0], g)
    return [g for g in groups if g.mentions]


def _content(text: str) -> list[str]:
    return [w for w in tokens(text) if w not in PARTICLES and w not in _DEMONSTRATIVES]


_DEMONSTRATIVES = {"este", "esta", "esse", "essa", "aquele", "aquela", "this", "that", "ese", "esa", "dito",
                   "dicho", "dicha", "mesmo", "mesma", "referido", "referida", "o", "a", "os", "as", "el", "la",
                   "los", "las", "the", "um", "uma", "un", "una"}


def _stands_for(form: str, full: _Group) -> bool:
    short_toks = tokens(form)
    for text in full.texts():
        long_toks = tokens(text)
        if len(long_toks) <= len(short_toks):
            continue
        if full.cls == "Person" and _contiguous(short_toks, long_toks) and short_toks[-1] not in PARTICLES:
            return True
        if full.cls in ("Institution", "Event") and is_acronym(form) and initials(text) == normalize(form):
            return True
        if full.cls == "Event" and set(short_toks) - PARTICLES <= set(long_toks):
            return True
    return False


def _contiguous(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    n = len(part)
    return any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


@lru_cache(maxsize=None)
def _lexicon_rows() -> dict[str, list[str]]:
    """Lexicon id -> its row, over the lexicons that give ids (form, id, ...: institutions, places)."""
    rows: dict[str, list[str]] = {}
    for name in ("institutions.tsv", "places.tsv"):
        for row in read_tsv(LEXICON_DIR / name):
            if len(row) > 1:
                rows.setdefault(row[1], row)
    return rows


# asked for every known entity of every article; callers copy the dict, never change it
@lru_cache(maxsize=1 << 12)
def lexicon_attrs(cls: str, key: str) -> dict[str, str]:
    """What a lexicon row adds to an entity: its Wikidata id, the country of its seat."""
    if cls == "Country":
        return {}
    row = _lexicon_rows().get(key, [])[2:]
    attrs = {}
    wikidata = next((c for c in row if re.fullmatch(r"Q\d+", c)), None)
    country = next((c for c in row if re.fullmatch(r"[A-Z]{2}", c)), None)
    if wikidata:
        attrs["wikidata"] = wikidata
    if country:
        attrs["country"] = country
    return attrs


def _entity(g: _Group, lang: str) -> Entity:
    label = g.fullest()
    if g.cls == "Country" and g.key:
        key = g.key.upper()
    else:
        key = g.key or normalize(label)
    ent = Entity(cls=g.cls, key=key, label=label, aliases=g.texts(),
                 mentions=sorted(g.mentions, key=lambda m: m.start))
    if g.key:
        ent.attrs.update(lexicon_attrs(g.cls, g.key))
    return ent
