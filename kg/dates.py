"""Dates written in news text (pt, es, en), explicit or relative, resolved to datetime.date.

Press releases date their events as "de 18 a 20 de abril", "October 3-5, 2023", "el 5 de mayo",
"nesta quinta-feira", "el próximo martes", "yesterday", "no último dia 19". Relative forms are
resolved against the article's publication date; a missing year comes from that date, or, for an
undated article, from the years the text itself names (a weekday beside the date picks the year).
Small per-language tables instead of `dateparser`: it is slow to import and guesses too freely.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, dict[str, int]] = {
    "pt": {"janeiro": 1, "fevereiro": 2, "marco": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
           "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
           "jan": 1, "fev": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "set": 9,
           "out": 10, "nov": 11, "dez": 12},
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
           "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
           "diciembre": 12, "ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8,
           "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dic": 12},
    "en": {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
           "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
           "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
           "sept": 9, "oct": 10, "nov": 11, "dec": 12},
}
WEEKDAYS: dict[str, dict[str, int]] = {
    "pt": {"segunda-feira": 0, "terca-feira": 1, "quarta-feira": 2, "quinta-feira": 3,
           "sexta-feira": 4, "sabado": 5, "domingo": 6, "segunda": 0, "terca": 1, "quarta": 2,
           "quinta": 3, "sexta": 4},
    "es": {"lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5,
           "domingo": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
           "saturday": 5, "sunday": 6},
}
#: Words before a weekday or day number: +1 the coming one, -1 the past one, 0 this week's.
DIRECTION: dict[str, dict[str, int]] = {
    "pt": {"proximo": 1, "proxima": 1, "ultimo": -1, "ultima": -1, "passado": -1, "passada": -1,
           "nesta": 0, "neste": 0, "esta": 0, "este": 0, "nessa": 0, "nesse": 0},
    "es": {"proximo": 1, "proxima": 1, "ultimo": -1, "ultima": -1, "pasado": -1, "pasada": -1,
           "este": 0, "esta": 0, "el": 0, "la": 0},
    "en": {"next": 1, "last": -1, "past": -1, "this": 0, "on": 0, "coming": 1},
}
#: Words after a weekday that say which way it goes ("a segunda-feira passada", "el lunes siguiente").
AFTER_DIRECTION: dict[str, dict[str, int]] = {
    "pt": {"passada": -1, "passado": -1, "que vem": 1, "seguinte": 1},
    "es": {"pasado": -1, "pasada": -1, "siguiente": 1, "que viene": 1, "proximo": 1},
    "en": {"next": 1},
}
#: Whole relative words, as offsets in days from the publication date.
RELATIVE_DAYS: dict[str, dict[str, int]] = {
    "pt": {"hoje": 0, "ontem": -1, "anteontem": -2, "amanha": 1, "depois de amanha": 2},
    "es": {"hoy": 0, "ayer": -1, "anteayer": -2, "antier": -2, "manana": 1, "pasado manana": 2},
    "en": {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0},
}
#: "mañana" is also "morning": "esta mañana", "por la mañana" are today, not tomorrow.
_MORNING_BEFORE = re.compile(r"(?:esta|la|de|una|cada|toda)\s+$", re.I)

_DAY = r"(\d{1,2})(?:º|°|o|st|nd|rd|th)?"
_YEAR = r"(\d{4})"


@dataclass(frozen=True)
class DateMention:
    start: int        # character offsets of the date expression
    end: int
    begin: date
    until: date | None = None   # last day of a range ("de 18 a 20 de abril")
    relative: bool = False


class _FoldTable(dict):
    """str.translate table filled on demand: each character to one lower-case, accent-free one."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)) or ch
        low = base[0].lower()
        self[code] = low if len(low) == 1 else ch
        return self[code]


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free text of the same length (offsets stay valid)."""
    return text.translate(_FOLD)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


class _Patterns:
    def __init__(self, lang: str):
        # a pattern that needs one of these words runs only where the text holds one of them:
        # scanning a sentence costs a few microseconds per pattern, a substring test far less
        self.month_words = tuple(MONTHS[lang])
        self.weekday_words = tuple(WEEKDAYS[lang])
        self.relative_words = tuple(RELATIVE_DAYS[lang])
        months = _alt(MONTHS[lang])
        m = rf"({months})\.?"
        sep = r"(?:\s+(?:de|del)\s+|\s+|,\s*)"
        # 18 a 20 de abril de 2012 / del 1 al 4 de marzo / 3-5 October 2023 / entre 3 e 5 de outubro
        self.range_dm = re.compile(
            rf"\b(?:de\s+|del\s+|entre\s+(?:os\s+dias\s+|los\s+dias\s+)?|from\s+)?{_DAY}\s*(?:a|al|e|y|-|–|to|and|until)\s*{_DAY}{sep}{m}(?:{sep}{_YEAR})?\b")
        # October 3-5, 2023 / October 3 to 5
        self.range_md = re.compile(rf"\b{m}\s+{_DAY}\s*(?:-|–|to|and|through)\s*{_DAY}(?:,?\s+{_YEAR})?\b")
        # 20 de abril de 2012 / 28 September 2023 / 1º de setembro
        self.dm = re.compile(rf"\b{_DAY}{sep}{m}(?:{sep}{_YEAR})?\b")
        # September 28, 2023
        self.md = re.compile(rf"\b{m}\s+{_DAY}(?:,?\s+{_YEAR})?\b")
        self.numeric = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b")
        self.iso = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
        # pt "segunda", "terça"... alone are also ordinals and verbs: only with a direction word
        full_days = _alt(w for w in WEEKDAYS[lang] if lang != "pt" or "-" in w or w in ("sabado", "domingo"))
        short_days = _alt(WEEKDAYS[lang])
        before = _alt(DIRECTION[lang])
        after = _alt(AFTER_DIRECTION[lang])
        self.weekday = re.compile(
            rf"\b(?:(?:({before})\s+)({short_days})|({full_days}))\b(?:\s+({after})\b)?")
        self.day_only = re.compile(rf"\b({before}|no|na|el|the)\s+(?:dia|day)\s+{_DAY}\b")
        self.relative = re.compile(rf"\b({_alt(RELATIVE_DAYS[lang])})\b")
        #: a weekday just before a date ("Tuesday, October 3"), which picks its year
        self.weekday_end = re.compile(rf"({_alt(WEEKDAYS[lang])})\W{{1,3}}$")


_PATTERNS: dict[str, _Patterns] = {}
_DIGIT = re.compile(r"\d")


def _patterns(lang: str) -> _Patterns:
    if lang not in _PATTERNS:
        _PATTERNS[lang] = _Patterns(lang if lang in MONTHS else "en")
    return _PATTERNS[lang]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def reference_years(text: str) -> list[int]:
    """Years the text names, most frequent first: the year of an undated article's events."""
    years = Counter(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text))
    return [y for y, _ in years.most_common()]


class _Resolver:
    """Fills in missing years: from the publication date, else from the text's own years."""

    def __init__(self, published: date | None, years: list[int]):
        self.published = published
        self.years = years

    def complete(self, month: int, day: int, weekday: int | None = None) -> date | None:
        if self.published:
            candidates = [_safe(self.published.year + k, month, day) for k in (0, -1, 1)]
            candidates = [c for c in candidates if c]
            if weekday is not None and any(c.weekday() == weekday for c in candidates):
                candidates = [c for c in candidates if c.weekday() == weekday]
            return min(candidates, key=lambda c: abs((c - self.published).days), default=None)
        if not self.years:
            return None
        if weekday is not None:
            # the weekday beside the date names the year, near the years the text mentions
            near = sorted({y + k for y in self.years[:3] for k in (-1, 0, 1)},
                          key=lambda y: min(abs(y - r) for r in self.years[:3]) * 10 + (y not in self.years))
            for y in near:
                d = _safe(y, month, day)
                if d and d.weekday() == weekday:
                    return d
        return _safe(self.years[0], month, day)


def find_dates(text: str, lang: str, published: date | None = None,
               years: list[int] | None = None, low: str | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved where the context allows.
    `low` is fold(text), for a caller that has it already."""
    p = _patterns(lang)
    low = fold(text) if low is None else low
    digits = _DIGIT.search(low) is not None
    if not digits and (published is None or not any(w in low for w in p.weekday_words + p.relative_words)):
        return []   # every pattern needs a digit, a weekday or a relative word: most sentences end here
    months = MONTHS.get(lang, MONTHS["en"])
    weekdays = WEEKDAYS.get(lang, WEEKDAYS["en"])
    res = _Resolver(published, years if years is not None else reference_years(text))
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(a: int, b: int, begin: date | None, until: date | None = None, relative: bool = False) -> None:
        if begin and free(a, b) and (until is None or until >= begin):
            found.append(DateMention(a, b, begin, until, relative))
            taken.append((a, b))

    def weekday_before(pos: int) -> int | None:
        m = p.weekday_end.search(low[max(0, pos - 30):pos])
        return weekdays[m.group(1)] if m else None

    def full(year: str | None, month: int, day: int, pos: int) -> date | None:
        if year:
            return _safe(int(year), month, day)
        return res.complete(month, day, weekday_before(pos))

    months_named = digits and any(w in low for w in p.month_words)
    for m in _scan(p.iso, low, digits and "-" in low):
        add(m.start(), m.end(), _safe(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _scan(p.range_dm, low, months_named):
        d1, d2, mon, y = int(m.group(1)), int(m.group(2)), months[m.group(3)], m.group(4)
        add(m.start(), m.end(), full(y, mon, d1, m.start()), full(y, mon, d2, m.start()))
    for m in _scan(p.range_md, low, months_named):
        mon, d1, d2, y = months[m.group(1)], int(m.group(2)), int(m.group(3)), m.group(4)
        add(m.start(), m.end(), full(y, mon, d1, m.start()), full(y, mon, d2, m.start()))
    for m in _scan(p.dm, low, months_named):
        if lang == "en" and not text[m.start(2)].isupper():
            continue  # "may", "march": English months are capitalised, the verbs are not
        add(m.start(), m.end(), full(m.group(3), months[m.group(2)], int(m.group(1)), m.start()))
    for m in _scan(p.md, low, months_named):
        if lang == "en" and not text[m.start()].isupper():
            continue
        add(m.start(), m.end(), full(m.group(3), months[m.group(1)], int(m.group(2)), m.start()))
    for m in _scan(p.numeric, low, digits and "/" in low):
        a, b = int(m.group(1)), int(m.group(2))
        day, mon = (b, a) if lang == "en" else (a, b)
        if not (1 <= mon <= 12 and 1 <= day <= 31):
            continue
        y = m.group(3)
        if y and len(y) == 2:
            y = str(2000 + int(y))
        add(m.start(), m.end(), full(y, mon, day, m.start()))
    if published:
        explicit = [d.start for d in found]
        # a weekday that introduces an explicit date ("Tuesday, October 3") adds nothing
        _relative(low, lang, published, p,
                  lambda a, b, *rest, **kw: None if any(0 <= s - b <= 4 for s in explicit) else add(a, b, *rest, **kw))
    return sorted(found, key=lambda d: d.start)


def _scan(pattern: re.Pattern[str], low: str, possible: bool) -> Iterator[re.Match[str]]:
    """The pattern's matches, none without scanning where a word it needs is missing."""
    return pattern.finditer(low) if possible else iter(())


def _relative(low: str, lang: str, published: date, p: _Patterns, add) -> None:
    weekdays = WEEKDAYS[lang] if lang in WEEKDAYS else WEEKDAYS["en"]
    direction = DIRECTION.get(lang, DIRECTION["en"])
    after = AFTER_DIRECTION.get(lang, AFTER_DIRECTION["en"])
    rel_days = RELATIVE_DAYS.get(lang, RELATIVE_DAYS["en"])
    for m in _scan(p.day_only, low, _DIGIT.search(low) is not None):
        way, day = direction.get(m.group(1), 0), int(m.group(2))
        add(m.start(), m.end(), _day_of_month(published, day, way), relative=True)
    for m in _scan(p.weekday, low, any(w in low for w in p.weekday_words)):
        way = direction.get(m.group(1) or "", 0)
        if m.group(4):
            way = after[m.group(4)]
        add(m.start(), m.end(), _weekday(published, weekdays[m.group(2) or m.group(3)], way), relative=True)
    for m in _scan(p.relative, low, any(w in low for w in p.relative_words)):
        word = m.group(1)
        if word == "manana" and _MORNING_BEFORE.search(low[max(0, m.start() - 12):m.start()]):
            offset = 0
        else:
            offset = rel_days[word]
        add(m.start(), m.end(), published + timedelta(days=offset), relative=True)


def _weekday(published: date, weekday: int, way: int) -> date:
    """The weekday nearest the publication date, or the next / last one when the text says so."""
    delta = (weekday - published.weekday()) % 7
    if way > 0:
        return published + timedelta(days=delta or 7)
    if way < 0:
        return published - timedelta(days=(published.weekday() - weekday) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    return published + timedelta(days=delta) if delta <= back else published - timedelta(days=back)


def _day_of_month(published: date, day: int, way: int) -> date | None:
    """"no último dia 19": the 19th on or before the publication date ("próximo dia 5": after)."""
    if way == 0:
        options = [d for d in (_day_of_month(published, day, -1), _day_of_month(published, day, 1)) if d]
        return min(options, key=lambda d: abs((d - published).days), default=None)
    y, m = published.year, published.month
    for _ in range(3):
        d = _safe(y, m, day)
        if d and ((way < 0 and d <= published) or (way >= 0 and d >= published)):
            return d
        if way < 0:
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        else:
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    return None
