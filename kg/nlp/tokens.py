"""What the rule components ask of every token, computed once per Doc, and the candidates they pass on.

Reading token attributes through spaCy's Python objects (and making Span objects) is the slow
part of rule components: one pass over `Doc.to_array` fills plain lists that every component
then indexes, and components hand each other candidates as plain tuples in `Doc.user_data`
(`Cand`: start token, end token, label, key); the last one sets `doc.ents` once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from ..iris import normalize

_KEY = "kg_tokens"
#: normalised names recur across articles (countries, institutions): computed once each
norm = lru_cache(maxsize=1 << 16)(normalize)
_STRINGS: dict[int, str] = {}
#: the word list kg_sentences already read, handed to tokens()
_WORDS = "kg_words"
Cand = tuple[int, int, str, str]


@dataclass
class Tokens:
    text: list[str]
    lower: list[str]
    cap: list[bool]        # starts with a capital letter and is not all capitals (a name-like word)
    upper: list[bool]      # an acronym-like word: all capitals, two letters or more
    sent_start: list[bool]
    sent_of: list[int]     # index of the token's sentence
    space: list[bool]      # followed by whitespace
    idx: list[int]         # character offset of the token
    shouting: bool         # the text is (nearly) all capitals: case tells nothing
    loud: list[bool]       # the token's sentence is (nearly) all capitals (a headline in capitals)
    headline: list[bool]   # the token's sentence is in title case ("World Bank Approves New Loan")
    doc_text: str          # Doc.text, which spaCy rebuilds from the tokens at every call

    def surface(self, start: int, end: int) -> str:
        a, b = self.char_span(start, end)
        return self.doc_text[a:b]

    def __len__(self) -> int:
        return len(self.text)

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + len(self.text[end - 1])


def words(doc: Doc) -> list[str]:
    """The tokens' texts, through a process-wide cache (StringStore lookups decode UTF-8 each time)."""
    orth = doc.to_array(ORTH).tolist() if len(doc) else []
    try:
        return [_STRINGS[o] for o in orth]
    except KeyError:
        if len(_STRINGS) > 2_000_000:
            _STRINGS.clear()
        strings = doc.vocab.strings
        _STRINGS.update((o, strings[o]) for o in orth if o not in _STRINGS)
        return [_STRINGS[o] for o in orth]


_SHAPES: dict[str, tuple[str, bool, bool, bool, bool, bool]] = {}


def _shape(s: str) -> tuple[str, bool, bool, bool, bool, bool]:
    """lower case, acronym-like, capitalised, a word, a long word, a long capitalised word."""
    lower = s.lower()
    upper = len(s) >= 2 and s.isupper() and s.isalpha()
    cap = s[:1].isupper() and s != lower and not upper
    word = len(s) > 1 and s.isalpha()
    long_word = word and len(s) > 3
    shape = (lower, upper, cap, word, long_word, long_word and (cap or upper))
    if len(_SHAPES) > 1_000_000:
        _SHAPES.clear()
    _SHAPES[s] = shape
    return shape


def tokens(doc: Doc) -> Tokens:
    cached = doc.user_data.get(_KEY)
    if cached is not None:
        return cached
    n = len(doc)
    sent, spacy_, idx = doc.to_array([SENT_START, SPACY, IDX]).T.tolist() if n else ([], [], [])
    text = doc.user_data.pop(_WORDS, None) or words(doc)
    shapes = [_SHAPES.get(s) or _shape(s) for s in text]
    lower, upper, cap, word, long_word, capital_long = (list(c) for c in zip(*shapes)) if n else ([],) * 6
    starts = [s == 1 for s in sent]
    if n:
        starts[0] = True
    space = [s == 1 for s in spacy_]
    sent_of, loud, headline = [0] * n, [False] * n, [False] * n
    bounds = [k for k, s in enumerate(starts) if s] + [n]
    for s, (a, b) in enumerate(zip(bounds, bounds[1:])):
        sent_of[a:b] = [s] * (b - a)
        n_words = sum(word[a:b])
        if n_words >= 3 and sum(upper[a:b]) > 0.6 * n_words:
            loud[a:b] = [True] * (b - a)
        longs = sum(long_word[a:b])
        last = b - 1
        while last > a and text[last].isspace():
            last -= 1
        # a sentence ending in a full stop is a list of names, not a title in title case
        if longs >= 4 and sum(capital_long[a:b]) >= 0.8 * longs and text[last] != ".":
            headline[a:b] = [True] * (b - a)
    letters = sum(word)
    shouting = letters >= 8 and sum(upper) > 0.6 * letters
    view = doc.user_data[_KEY] = Tokens(text, lower, cap, upper, starts, sent_of, space, idx, shouting, loud, headline,
                                       "".join([t + " " if s else t for t, s in zip(text, space)]))
    return view
