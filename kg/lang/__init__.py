"""Per-language word lists the rule components read (spaCy's style: language data in its own module).

Each module (pt, es, en) defines the same names; `language_data(lang)` picks one, English for
a language kg has no list for. Lexicons that are built from outside sources (countries,
places, institutions, posts, first names) live in data/lexicons/ instead.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

SUPPORTED = ("pt", "es", "en")


def language_data(lang: str) -> ModuleType:
    return import_module(f"{__name__}.{lang if lang in SUPPORTED else 'en'}")
