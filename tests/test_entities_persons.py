"""People's names: first-name lexicon, posts before and after, particles, and what is not a name."""
from __future__ import annotations

import pytest
from test_entities_support import texts


@pytest.mark.parametrize("lang,text,name", [
    ("pt", "O presidente da Agência Costeira, Rui Tavares Mendes, inaugurou a obra.", "Rui Tavares Mendes"),
    ("es", "Lucía Fernández Ochoa, presidenta del banco, habló con la prensa.", "Lucía Fernández Ochoa"),
    ("pt", "Participou também Mariana dos Santos Pereira, da secretaria.", "Mariana dos Santos Pereira"),
    ("es", "Según María de los Ángeles Quintero, el plan avanza.", "María de los Ángeles Quintero"),
    ("es", "Intervino el ministro Teodoro del Campo Ruiz en la apertura.", "Teodoro del Campo Ruiz"),
    ("en", "The loan was signed by Margaret Okonkwo-Bright and the mayor.", "Margaret Okonkwo-Bright"),
    ("pt", "A vice-ministra Dorvalina Queiroz Mattos abriu o evento.", "Dorvalina Queiroz Mattos"),  # post, rare name
    ("es", "Habló Julio Ernesto Barrantes sobre el tema.", "Julio Ernesto Barrantes"),  # a first name that is a month
])
def test_names(lang: str, text: str, name: str) -> None:
    assert name in texts(lang, text, "Person")


def test_two_people_joined_by_a_conjunction_are_two() -> None:
    got = texts("pt", "Estiveram presentes Paulo Andrade Lins e Beatriz Coutinho.", "Person")
    assert set(got) == {"Paulo Andrade Lins", "Beatriz Coutinho"}


def test_post_domain_is_not_a_person() -> None:
    # "de Comércio Exterior" belongs to the post, even though a name follows
    got = texts("pt", "O vice-ministro de Comércio Exterior, Caetano Brum Falcão, falou.", "Person")
    assert got == ["Caetano Brum Falcão"]


def test_sentence_start_word_is_not_part_of_the_name() -> None:
    assert texts("pt", "Ontem Renata Bastos Viana assinou o termo.", "Person") == ["Renata Bastos Viana"]


def test_title_case_headline_words_are_not_people() -> None:
    assert texts("en", "Regional Bank Approves New Water Program For Coastal Towns", "Person") == []


def test_capitalised_words_without_a_first_name_or_post_are_not_people() -> None:
    assert texts("es", "El programa Ciudades Verdes Integradas comenzó en marzo.", "Person") == []


def test_all_caps_text_gives_no_people() -> None:
    assert texts("pt", "O PRESIDENTE RUI TAVARES MENDES VISITOU A OBRA EM LIMA", "Person") == []


@pytest.mark.parametrize("lang,text,name", [
    # surnames joined by "y"
    ("es", "El gerente del fondo, Aurelio Benítez y Zamora, visitó la obra.", "Aurelio Benítez y Zamora"),
    # a first name written with a regional spelling the name list lacks
    ("pt", "A reunião contou com Luíza Helena de Souto Moura e outros.", "Luíza Helena de Souto Moura"),
    # a hyphenated first name and an abbreviation inside the surname
    ("en", "The Minister of Ports, Trade and Energy, Shari-Lee St. Clair, stressed the need.", "Shari-Lee St. Clair"),
    # a first name no lexicon knows, next to a verb of saying
    ("en", '"It works," said Tendai Moyo, adding that more is needed.', "Tendai Moyo"),
    ("es", "Tendai Moyo afirmó que el plan avanza.", "Tendai Moyo"),
    # the end of a post before the name
    ("en", "He will meet IDB Vice President for Regions Tomás de la Fuente Rivas next week.",
     "Tomás de la Fuente Rivas"),
    # an occupation, a demonym, a source of what is said
    ("en", "Kofi Boateng, an economist at the fund, presented the study.", "Kofi Boateng"),
    ("es", "El economista peruano Kwabena Boateng presentó el estudio.", "Kwabena Boateng"),
    ("pt", "Segundo Kwabena Boateng, o plano avança.", "Kwabena Boateng"),
    ("en", "According to Kwabena Boateng, the plan works.", "Kwabena Boateng"),
])
def test_names_beyond_the_first_name_lexicon(lang: str, text: str, name: str) -> None:
    assert name in texts(lang, text, "Person")


def test_list_of_speakers_with_their_countries() -> None:
    text = ("Participan en los paneles Rosa Quintana Mamani (Perú), Andrés Felipe Ortega del Río (Colombia), "
            "Joana Pires dos Reis Neves (Brasil), Carmen Vidal y Roca (España) y Kwabena Addo (Ghana), además "
            "de funcionarios del Banco Interamericano de Desarrollo (BID).")
    assert texts("es", text, "Person") == ["Rosa Quintana Mamani", "Andrés Felipe Ortega del Río",
                                           "Joana Pires dos Reis Neves", "Carmen Vidal y Roca", "Kwabena Addo"]
    assert texts("es", text, "Place") == []  # "Neves" and "Roca" are surnames here, not towns


def test_two_people_joined_by_y_stay_two() -> None:
    assert texts("es", "Estuvieron Pedro Sánchez y Marta Ruiz en la sala.", "Person") == ["Pedro Sánchez", "Marta Ruiz"]


@pytest.mark.parametrize("lang,text", [
    ("pt", "A secretária de Pesca Artesanal destacou o plano."),  # the post's domain before a speech verb
    ("pt", "O termo foi firmado pelo diretor de Infraestrutura, Transição Energética e Clima do BNDES."),
    ("pt", "A obra da Ponte Anselmo Tavares começa em maio."),  # a bridge named after someone
    ("es", "El Banco Mundial dijo que el crédito avanza."),
])
def test_not_people(lang: str, text: str) -> None:
    assert texts(lang, text, "Person") == []
