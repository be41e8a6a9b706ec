"""Relations between the entities of one article, each tied to the sentence that states it.

`extract_relations` reads the article through a `Context` (words, mentions, sentences, cue
words of its language) and runs the rule families, one module each: people
(`relations_people`: affiliatedWith, nationality), organisations (`relations_orgs`: basedIn,
funds, partnerOf) and events (`relations_events`: organizer/host/sponsor/participant/speaker,
location, and the events' dates).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

from spacy.tokens import Doc

from .dates import DateMention, find_dates, fold, reference_years
from .model import Entity, Extraction, Mention, Relation
from .nlp.lexicon import LEXICON_DIR, countries, read_tsv
from .relations_cues import cue, words

_WORD = re.compile(r"\w+(?:-\w+)*|\S")
ARTICLES = {"o", "a", "os", "as", "um", "uma", "el", "la", "los", "las", "un", "una", "the", "an", "lo"}
CONNECTORS = {"e", "y", "and", "&"}


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str   # folded (lower-case, accent-free)

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


#: Tok from a tuple, without Tok.__new__'s Python frame
_new_tok = partial(tuple.__new__, Tok)
_first, _second = itemgetter(0), itemgetter(1)


@lru_cache(maxsize=None)
def demonyms(lang: str) -> dict[str, str]:
    """Folded demonym (colombiano, argentinas, Peruvian) -> ISO alpha-2, from the lexicons."""
    return {fold(row[0]): row[1] for row in read_tsv(LEXICON_DIR / lang / "demonyms.tsv") if len(row) > 1}


@lru_cache(maxsize=None)
def country_names(lang: str) -> dict[str, str]:
    return {fold(name): iso for name, iso in countries(lang).items()}


@lru_cache(maxsize=None)
def post_words(lang: str) -> frozenset[str]:
    """Posts and titles: the lexicon's list and the cue table's (stems)."""
    lex = {fold(row[0]) for row in read_tsv(LEXICON_DIR / lang / "posts.tsv") if row}
    return frozenset(lex | set(words(lang, "post")))


@lru_cache(maxsize=None)
def world_regions() -> frozenset[str]:
    """Keys and folded names of world regions ("América Latina", "Caribbean"): no one's seat or venue."""
    out = set()
    for row in read_tsv(LEXICON_DIR / "places.tsv"):
        if len(row) > 3 and row[3] == "world-region":
            out |= {row[1], fold(row[0])}
    return frozenset(out)


def is_world_region(e: Entity) -> bool:
    return e.cls == "Place" and (e.key in world_regions() or any(fold(a) in world_regions() for a in e.aliases))


class Context:
    """One article as the relation rules see it."""

    def __init__(self, doc: Doc, extraction: Extraction):
        self.ex = extraction
        self.text = extraction.text
        self.lang = extraction.article.lang if extraction.article.lang in ("pt", "es", "en") else "en"
        self.low = fold(self.text)
        # one Tok per word of the article: built by map and zip, without a Python frame per word
        spans = list(map(re.Match.span, _WORD.finditer(self.text)))
        starts, ends = list(map(_first, spans)), list(map(_second, spans))
        slices = list(map(slice, starts, ends))
        self.toks = list(map(_new_tok, zip(starts, ends, map(self.text.__getitem__, slices),
                                           map(self.low.__getitem__, slices))))
        self.tok_at = dict(zip(starts, range(len(starts))))
        self._tok_ends = ends
        self._tok_starts = starts
        self.items: list[tuple[Mention, Entity]] = sorted(
            ((m, e) for e in extraction.entities for m in e.mentions), key=lambda x: x[0].start)
        self._item_starts = [m.start for m, _ in self.items]
        self.by_start: dict[int, tuple[Mention, Entity]] = {}
        self.by_end: dict[int, list[tuple[Mention, Entity]]] = {}
        self.by_sentence: dict[int, list[tuple[Mention, Entity]]] = {}
        for m, e in self.items:
            i = self._tok_index(m.start)
            if i is not None:
                self.by_start.setdefault(i, (m, e))
            self.by_end.setdefault(self.end_tok_of(m), []).append((m, e))
            self.by_sentence.setdefault(m.sentence, []).append((m, e))
        self._sent_starts = [a for a, _ in extraction.sentences]
        self.relations: list[Relation] = []
        #: character spans of the post phrases read by the people rules ("diretora da CAF no Peru")
        self.role_spans: list[tuple[int, int]] = []
        self._seen: set[tuple[str, str, str]] = set()
        self.demonyms = demonyms(self.lang)
        self.posts = post_words(self.lang)
        self._years: list[int] | None = None
        self._dates: dict[int, list[DateMention]] = {}

    # --- positions ---------------------------------------------------------------------------
    def _tok_index(self, char: int) -> int | None:
        if char in self.tok_at:
            return self.tok_at[char]
        i = bisect_right(self._tok_ends, char)   # the first token that ends after `char`
        return i if i < len(self.toks) else None

    def tok_of(self, char: int) -> int:
        i = self._tok_index(char)
        return len(self.toks) if i is None else i

    def end_tok_of(self, m: Mention) -> int:
        """Index of the first token after mention `m`."""
        return bisect_left(self._tok_starts, m.end)

    def mention_at(self, i: int) -> tuple[Mention, Entity] | None:
        return self.by_start.get(i)

    def mentions_ending(self, i: int, cls: str) -> list[tuple[Mention, Entity]]:
        """Mentions of class `cls` whose last token is just before token `i`."""
        return [(m, e) for m, e in self.by_end.get(i, []) if e.cls == cls]

    def in_sentence(self, index: int, *classes: str) -> list[tuple[Mention, Entity]]:
        return [(m, e) for m, e in self.by_sentence.get(index, []) if not classes or e.cls in classes]

    def between(self, start: int, end: int, *classes: str) -> list[tuple[Mention, Entity]]:
        lo = bisect_left(self._item_starts, start)
        hi = bisect_right(self._item_starts, end)
        return [(m, e) for m, e in self.items[lo:hi] if m.end <= end and (not classes or e.cls in classes)]

    def before(self, char: int, cls: str) -> tuple[Mention, Entity] | None:
        """The last mention of class `cls` that ends before `char`."""
        for m, e in reversed(self.items[:bisect_left(self._item_starts, char)]):
            if e.cls == cls and m.end <= char:
                return m, e
        return None

    def inside_event(self, m: Mention, unless: re.Pattern[str] | None = None) -> bool:
        """Whether `m` lies within an event's name ("Assembly of the United Nations", "Cumbre de X"),
        other than one whose name matches `unless` ("acordo entre X e Y" names its parties)."""
        for em, e in self.between(m.start - 300, m.end, "Event"):
            if em.start <= m.start and m.end <= em.end and em is not m:
                if unless is None or not unless.search(fold(em.text)):
                    return True
        return False

    def in_role(self, m: Mention) -> bool:
        return any(a <= m.start and m.end <= b for a, b in self.role_spans)

    def sentence_of(self, char: int) -> int:
        return max(bisect_right(self._sent_starts, char) - 1, 0)

    def sentence_low(self, index: int) -> str:
        a, b = self.ex.sentences[index]
        return self.low[a:b]

    def sentence_span(self, index: int) -> tuple[int, int]:
        return self.ex.sentences[index]

    def dates_in(self, index: int) -> list[DateMention]:
        """The dates of sentence `index`, read once: the scopes of several events share sentences."""
        if index not in self._dates:
            if self._years is None:
                self._years = reference_years(self.text)
            a, b = self.ex.sentences[index]
            self._dates[index] = find_dates(self.text[a:b], self.lang, self.ex.article.published, self._years,
                                            self.low[a:b])
        return self._dates[index]

    # --- words -------------------------------------------------------------------------------
    def is_post(self, i: int) -> bool:
        return i < len(self.toks) and _is_post_word(self.lang, self.toks[i].low)

    def demonym(self, i: int) -> str | None:
        return self.demonyms.get(self.toks[i].low) if i < len(self.toks) else None

    def has(self, family: str, text: str) -> bool:
        return bool(cue(self.lang, family).search(text))

    def word_in(self, i: int, family: str) -> bool:
        return i < len(self.toks) and self.toks[i].low in words(self.lang, family)

    # --- output ------------------------------------------------------------------------------
    def add(self, prop: str, subject: Entity, obj: Entity, sentence: int, **attrs: object) -> None:
        if subject.ref == obj.ref:
            return
        key = (prop, subject.ref, obj.ref)
        if prop == "partnerOf":
            key = (prop, *sorted((subject.ref, obj.ref)))
        if key in self._seen:
            return
        self._seen.add(key)
        self.relations.append(Relation(prop, subject.ref, obj.ref, sentence,
                                       {k: v for k, v in attrs.items() if v not in (None, "")}))

    def has_relation(self, prop: str, subject: Entity, obj: Entity) -> bool:
        return (prop, subject.ref, obj.ref) in self._seen


# asked of the words around every person's name, from a small vocabulary
@lru_cache(maxsize=1 << 14)
def _is_post_word(lang: str, word: str) -> bool:
    return _post_pattern(post_words(lang)).fullmatch(word) is not None


# one per language, not one per article
@lru_cache(maxsize=8)
def _post_pattern(posts: frozenset[str]) -> re.Pattern[str]:
    single = [p for p in posts if " " not in p]
    alts = sorted(single, key=len, reverse=True)
    parts = [re.escape(p[:-1]) + r"[\w-]*" if p.endswith("*") else re.escape(p) for p in alts]
    # "vice-ministro", "sub-secretario", "ex-presidente": the post word after a prefix
    return re.compile(r"(?:(?:vice|sub|co|ex|deputy|vice)-)?(?:" + "|".join(parts) + r")")


def extract_relations(doc: Doc, extraction: Extraction) -> list[Relation]:
    """Every relation kg finds in one article; also sets the events' start/end dates."""
    from . import relations_events, relations_orgs, relations_people

    ctx = Context(doc, extraction)
    relations_people.extract(ctx)
    relations_events.extract(ctx)   # before funds: a venue is not a borrower
    relations_orgs.extract(ctx)
    return ctx.relations
