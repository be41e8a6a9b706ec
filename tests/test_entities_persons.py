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
