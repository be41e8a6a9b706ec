"""Shared helper of the tests/test_entities_*.py files: run the real pipeline, list what it found."""
from __future__ import annotations

from kg.nlp import mentions_from_doc, pipeline_for


def found(lang: str, text: str) -> list[tuple[str, str, str | None]]:
    """(class, surface text, key) of every mention the real spaCy pipeline finds in `text`."""
    return [(m.cls, m.text, m.key) for m in mentions_from_doc(pipeline_for(lang)(text))]


def texts(lang: str, text: str, cls: str) -> list[str]:
    return [t for c, t, _ in found(lang, text) if c == cls]


def key_of(lang: str, text: str, surface: str) -> str | None:
    keys = {k for _, t, k in found(lang, text) if t == surface}
    assert len(keys) == 1, f"{surface!r}: {keys}"
    return keys.pop()
