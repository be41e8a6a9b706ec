"""Loading the lexicons under data/lexicons/ (built by scripts/build_lexicons.py)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "lexicons"


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
