"""Loading the lexicons under data/lexicons/ (built by scripts/build_lexicons.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "lexicons"


@dataclass(frozen=True)
class Known:
    """A name the lexicons know: what it is and its identity."""
    cls: str            # Country, Place or Institution
    key: str            # ISO alpha-2, place key, institution id
    country: str = ""   # ISO alpha-2 of the country it belongs to, where known
    acronym: bool = False
    wikidata: str = ""


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TSV lexicon, skipping comments (#) and blank lines; missing file -> no rows."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=None)
def countries(lang: str) -> dict[str, str]:
    """Country name as written in `lang` -> ISO alpha-2."""
    return {row[0]: row[1] for row in read_tsv(LEXICON_DIR / lang / "countries.tsv")}


@lru_cache(maxsize=None)
def all_countries() -> dict[str, str]:
    """Country names of every supported language: articles name countries in the others' forms too."""
    names: dict[str, str] = {}
    for lang in ("en", "es", "pt"):
        names.update(countries(lang))
    return names


@lru_cache(maxsize=None)
def demonyms(lang: str) -> dict[str, str]:
    """Demonym (any gender and number) -> ISO alpha-2."""
    return {row[0]: row[1] for row in read_tsv(LEXICON_DIR / lang / "demonyms.tsv")}


@lru_cache(maxsize=None)
def places() -> dict[str, Known]:
    """City, region or world-region name -> its identity."""
    return {row[0]: Known("Place", row[1], row[2]) for row in read_tsv(LEXICON_DIR / "places.tsv")}


@lru_cache(maxsize=None)
def institutions() -> dict[str, Known]:
    """Acronym or name (in any of the three languages) of a known institution -> its identity."""
    return {row[0]: Known("Institution", row[1], row[3], row[2] == "acronym", row[4] if len(row) > 4 else "")
            for row in read_tsv(LEXICON_DIR / "institutions.tsv")}


@lru_cache(maxsize=None)
def posts(lang: str) -> frozenset[str]:
    """Posts and titles (lower case, possibly several words)."""
    return frozenset(row[0] for row in read_tsv(LEXICON_DIR / lang / "posts.tsv"))


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv(LEXICON_DIR / "first_names.tsv"))
