"""Deterministic IRIs: the same article or entity always gets the same IRI.

Countries are keyed by ISO 3166 alpha-2 code, other entities by class and normalised
canonical name, articles by their id. Keys are reduced to a readable ASCII slug; a key
that does not reduce to one (a name in another script, say) or is too long gets a hash,
so every IRI is valid whatever text it came from.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from .namespaces import DATA

_MAX_SLUG = 80
_QUOTES = re.compile(r"[\"'“”‘’«»]")
_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


class _NoMarks(dict):
    """str.translate table filled on demand: combining marks deleted, every other character kept."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_NO_MARKS = _NoMarks()


# the same names are normalised many times per article (resolution, relations, IRIs)
@lru_cache(maxsize=1 << 15)
def normalize(text: str) -> str:
    """Case-, accent- and space-insensitive form of a name, used as its identity key."""
    text = unicodedata.normalize("NFKD", text).translate(_NO_MARKS).casefold()
    text = _QUOTES.sub("", text)
    return _SPACES.sub(" ", text).strip(" .,;:-–—()")


# every IRI of an entity or article goes through a slug, the same ones many times over
@lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """A readable, IRI-safe slug; long or non-Latin keys carry a short hash to stay unique."""
    base = _NON_SLUG.sub("-", normalize(text)).strip("-")
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if not base:
        return digest
    if len(base) > _MAX_SLUG:
        return base[:_MAX_SLUG].rstrip("-") + "-" + digest
    return base


# each sentence and statement IRI of an article starts with the article's IRI
@lru_cache(maxsize=256)
def article_iri(article_id: str) -> str:
    """The article's IRI, which is also the name of the graph that holds its facts."""
    return f"{DATA}article/{slug(article_id)}"


def entity_iri(cls: str, key: str) -> str:
    """IRI of an entity of class `cls` (Person, Institution, ...) with identity `key`."""
    if cls == "Country":
        return f"{DATA}country/{key.upper()}"
    return f"{DATA}{cls.lower()}/{slug(key)}"


def sentence_iri(article_id: str, index: int) -> str:
    return f"{article_iri(article_id)}/sentence/{index}"


def statement_iri(article_id: str, parts: tuple[str, ...]) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{article_iri(article_id)}/statement/{digest}"
