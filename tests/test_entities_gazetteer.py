"""Names the lexicons know: countries, places, institutions (acronyms, long names in any case)."""
from __future__ import annotations

import pytest
import spacy
from test_entities_support import found, key_of, texts

from kg.nlp.components.gazetteer import PLAIN, _pattern
from kg.nlp.lexicon import all_countries, institutions, places


@pytest.mark.parametrize("lang,text,name,iso", [
    ("pt", "A delegação viajou da Colômbia para a Espanha.", "Colômbia", "CO"),
    ("es", "El acuerdo entre Perú y Bolivia fue celebrado.", "Perú", "PE"),
    ("en", "The loan to the Dominican Republic was approved.", "Dominican Republic", "DO"),
    ("pt", "Produtores do Brasil exportam para os Estados Unidos.", "Estados Unidos", "US"),
])
def test_countries_in_each_language(lang: str, text: str, name: str, iso: str) -> None:
    assert ("Country", name, iso) in found(lang, text)


def test_places_cities_and_regions_with_their_keys() -> None:
    got = found("pt", "O encontro reuniu prefeitos de Recife, do Rio Grande do Sul e de Santa Cruz de la Sierra.")
    places = {t: k for c, t, k in got if c == "Place"}
    assert set(places) == {"Recife", "Rio Grande do Sul", "Santa Cruz de la Sierra"}
    assert places["Rio Grande do Sul"] == "br-rs"
    assert places["Recife"].endswith("-br")


def test_institution_acronym_and_long_names_share_the_lexicon_key() -> None:
    text = ("O Banco Interamericano de Desenvolvimento e o BID Invest financiam a obra; "
            "a banco de desenvolvimento da América Latina também, disse a CAF.")
    assert key_of("pt", text, "Banco Interamericano de Desenvolvimento") == "idb"
    assert key_of("pt", text, "banco de desenvolvimento da América Latina") == "caf"  # lower case written
    assert key_of("pt", text, "CAF") == "caf"


def test_institution_names_in_another_language_than_the_article() -> None:
    # Portuguese press releases quote the Spanish names of Andean bodies
    assert key_of("pt", "Segundo a Corporación Andina de Fomento, o projeto avança.", "Corporación Andina de Fomento") == "caf"


def test_world_bank_in_three_languages() -> None:
    for lang, text, name in (("en", "The World Bank approved it.", "World Bank"),
                             ("es", "El Banco Mundial lo aprobó.", "Banco Mundial"),
                             ("pt", "O Banco Mundial aprovou.", "Banco Mundial")):
        assert key_of(lang, text, name) == "worldbank"


def test_lowercase_word_is_not_a_place() -> None:
    # "lima" (the tool) and a sentence-initial common word are no places: places match as written
    assert texts("pt", "Ele usou uma lima para afiar a faca.", "Place") == []


def test_acronym_in_a_capitalised_headline_is_a_word() -> None:
    assert "CAN" not in texts("en", "WE CAN DO IT, SAYS THE MINISTER OF FINANCE", "Institution")


def test_plain_names_skip_the_tokenizer_without_changing_tokens() -> None:
    """The start-up shortcut in the gazetteer must tokenize every lexicon name as spaCy does."""
    names = list(places()) + list(institutions()) + list(all_countries())
    for lang in ("pt", "es", "en"):
        nlp = spacy.blank(lang)
        for name in names:
            if PLAIN.match(name):
                assert [t.text for t in _pattern(nlp, name)] == [t.text for t in nlp.make_doc(name)], name
