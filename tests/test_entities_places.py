"""Places the lexicon does not know, read from their context; multi-word places over their parts."""
from __future__ import annotations

import pytest
from test_entities_support import texts


@pytest.mark.parametrize("lang,text,places", [
    ("pt", "A Prefeitura de Porto Alegre assinou o termo.", ["Porto Alegre"]),  # not also "Porto", "Alegre"
    ("pt", "O projeto atende o Vale do Rio Claro e a Região Metropolitana de Recife.",
     ["Vale do Rio Claro", "Região Metropolitana de Recife"]),
    ("es", "El Distrito Central de Honduras recibe el crédito.", ["Distrito Central"]),
    ("en", "The works in the Rio Claro Valley start in May.", ["Rio Claro Valley"]),
    ("es", "El banco aprobó un crédito para el municipio de Villa Esperanza de Arriba.", ["Villa Esperanza de Arriba"]),
    ("es", "La obra se hará en Villa Rosales, Honduras, y en la ciudad de Puerto Lempira.",
     ["Villa Rosales", "Puerto Lempira"]),
    ("en", "It replaces lines in the parishes of St. Ann, Manor and Clifton this year.", ["St. Ann", "Manor", "Clifton"]),
    ("es", "Beneficiará a los habitantes de Tegucigalpa y Lomas Altas.", ["Tegucigalpa", "Lomas Altas"]),
    ("es", "El Departamento de Antioquia recibe el crédito.", ["Departamento de Antioquia"]),
    ("es", "Beneficiará a los habitantes de Tegucigalpa y Comayaguita.", ["Tegucigalpa", "Comayaguita"]),
])
def test_places_from_context(lang: str, text: str, places: list[str]) -> None:
    assert texts(lang, text, "Place") == places


@pytest.mark.parametrize("text,place", [
    ("SAN JOSÉ, Costa Rica, 3 de mayo. El banco aprobó un crédito.", "SAN JOSÉ"),
    ("TEGUCIGALPA (Agencia). El banco aprobó un crédito.", "TEGUCIGALPA"),
])
def test_dateline_in_capitals_is_a_place_not_acronyms(text: str, place: str) -> None:
    assert texts("es", text, "Place") == [place]
    assert texts("es", text, "Institution") == []


@pytest.mark.parametrize("lang,text", [
    ("pt", "O Departamento de Planejamento e José Serra falaram."),  # an institution, a surname
    ("es", "El proyecto del Banco del Valle avanza."),
    ("pt", "A reunião contou com Marília Teles de Castro Moura e outros."),  # surnames, not towns
    ("en", "In January, Peru approved the loan."),  # a month before a country
    ("es", "Defendió el estado de Derecho en la reunión."),
])
def test_no_place(lang: str, text: str) -> None:
    assert texts(lang, text, "Place") == []
