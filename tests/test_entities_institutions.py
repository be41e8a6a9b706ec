"""Institution names built on a head word, with the right span ends, in pt, es and en."""
from __future__ import annotations

import pytest
from test_entities_support import found, texts


@pytest.mark.parametrize("lang,text,name", [
    ("pt", "O Ministério da Pesca e Aquicultura anunciou ontem o plano.", "Ministério da Pesca e Aquicultura"),
    ("pt", "A Secretaria de Obras Públicas, em nota, confirmou.", "Secretaria de Obras Públicas"),
    ("pt", "Pesquisadores da Universidade Federal do Tocantins participaram.", "Universidade Federal do Tocantins"),
    ("pt", "A Fundação Amparo à Pesquisa do Acre abriu o edital.", "Fundação Amparo à Pesquisa do Acre"),
    ("pt", "A Agência Nacional de Águas e Saneamento Básico (ANA) emitiu o alerta.", "Agência Nacional de Águas e Saneamento Básico"),
    ("pt", "O Instituto Nacional de Pesquisas, Inovação e Tecnologia divulgou dados.", "Instituto Nacional de Pesquisas, Inovação e Tecnologia"),
    ("pt", "O Conselho Nacional de Saúde aprovou a resolução.", "Conselho Nacional de Saúde"),
    ("es", "El Ministerio de Vivienda y Urbanismo presentó el informe.", "Ministerio de Vivienda y Urbanismo"),
    ("es", "La Universidad de Cartagena firmó el convenio.", "Universidad de Cartagena"),
    ("es", "La Comisión Nacional de Energía Atómica, según fuentes, no opinó.", "Comisión Nacional de Energía Atómica"),
    ("es", "El Banco Agrario de Fomento Rural otorgó créditos.", "Banco Agrario de Fomento Rural"),
    ("es", "El Comité de Lucha contra la Desnutrición sesionó.", "Comité de Lucha contra la Desnutrición"),
    ("en", "The Ministry of Fisheries and Ocean Resources issued a statement.", "Ministry of Fisheries and Ocean Resources"),
    ("en", "Officials of the Coastal Resilience Institute attended.", "Coastal Resilience Institute"),
    ("en", "He joined the Andean Ports Authority in 2015.", "Andean Ports Authority"),
])
def test_head_word_names(lang: str, text: str, name: str) -> None:
    assert name in texts(lang, text, "Institution")


def test_name_stops_before_a_person_written_after_it() -> None:
    got = texts("pt", "O Ministério da Fazenda Rodrigo Albuquerque Neves anunciou cortes.", "Institution")
    assert got == ["Ministério da Fazenda"]


def test_list_of_two_institutions_is_two_names() -> None:
    got = texts("en", "The Ministry of Trade and Industry, the Ministry of Labour and the Central Bank met.", "Institution")
    assert "Ministry of Trade and Industry" in got and "Ministry of Labour" in got
    assert not any("Labour and" in g or ", the" in g for g in got)


def test_country_qualifier_gives_the_short_name_and_the_country() -> None:
    got = found("es", "Lo confirmó el Ministerio de Hacienda del Uruguay en un comunicado.")
    inst = {(t, k) for c, t, k in got if c == "Institution"}
    keys = {k for _, k in inst}
    assert {t for t, _ in inst} == {"Ministerio de Hacienda del Uruguay", "Ministerio de Hacienda"}
    assert len(keys) == 1  # one institution, two names
    assert ("Country", "Uruguay", "UY") in got


def test_city_hall_names_its_city() -> None:
    got = found("pt", "A Prefeitura de Londrina assinou o contrato.")
    assert ("Institution", "Prefeitura de Londrina") in {(c, t) for c, t, _ in got}
    assert ("Place", "Londrina") in {(c, t) for c, t, _ in got}


def test_demonym_names_a_foreign_ministry() -> None:
    assert "cancillería chilena" in texts("es", "La cancillería chilena convocó al embajador.", "Institution")


def test_lowercase_head_is_not_a_name() -> None:
    assert texts("pt", "o banco emprestou dinheiro ao ministério.", "Institution") == []


def test_numbered_assembly_is_an_event_not_an_institution() -> None:
    text = "Delegates met at the 75th General Assembly of the Pan-Oceanic Union in Lisbon."
    assert not any(t.startswith("Assembly") for t in texts("en", text, "Institution"))


@pytest.mark.parametrize("lang,text,names", [
    # a known acronym and the word naming one of its bodies
    ("es", "El programa cuenta con el apoyo de ONU Mujeres en la región.", ["ONU Mujeres"]),
    # the dateline's punctuation stays out of the name
    ("es", "Asunción, 9 de mayo de 2026 (Agencia IP).- El secretario llegó.", ["Agencia IP"]),
    # "para o Brasil" says whom the office serves
    ("pt", "O diretor do Banco Mundial para o Brasil, Raul Antunes, falou.", ["Banco Mundial"]),
    ("pt", "O Complexo Industrial e Portuário de Pecém recebeu a visita.", ["Complexo Industrial e Portuário de Pecém"]),
    # the institution an office belongs to is named too
    ("es", "Se reunirá con la Comisión de Hacienda de la Cámara de Senadores.",
     ["Comisión de Hacienda de la Cámara de Senadores", "Cámara de Senadores"]),
    ("pt", "A Secretaria do Tesouro Nacional do Ministério da Pesca aprovou.",
     ["Secretaria do Tesouro Nacional do Ministério da Pesca", "Ministério da Pesca"]),
    # a reference rate is no organisation
    ("en", "Its rate is tied to the Secured Overnight Financing Rate (SOFR) plus a margin.", []),
])
def test_institution_boundaries(lang: str, text: str, names: list[str]) -> None:
    assert texts(lang, text, "Institution") == names


def test_acronym_before_a_post_or_a_name_stays_alone() -> None:
    got = texts("en", "The CAF President spoke; CAF Banco de Desarrollo was there.", "Institution")
    assert "CAF President" not in got and "CAF Banco" not in got
