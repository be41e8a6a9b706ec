"""Events: titles in quotes or capitals, described events with their short form, verbs, anaphora."""
from __future__ import annotations

import pytest
from test_entities_support import found, texts


def events(lang: str, text: str) -> dict[str, set[str]]:
    """Event key -> the surface forms of its mentions."""
    out: dict[str, set[str]] = {}
    for c, t, k in found(lang, text):
        if c == "Event":
            out.setdefault(k, set()).add(t)
    return out


def test_quoted_title() -> None:
    text = 'O banco organizou o "Seminário Regional de Logística Portuária" em Santos. O evento reuniu 200 pessoas.'
    ev = events("pt", text)
    assert len(ev) == 1
    forms = ev.popitem()[1]
    assert "Seminário Regional de Logística Portuária" in forms and "evento" in forms


def test_capitalised_numbered_title() -> None:
    text = "Los ministros asistieron a la XII Cumbre de Ministros de Obras Públicas de la Región Andina en Quito."
    assert "XII Cumbre de Ministros de Obras Públicas de la Región Andina" in texts("es", text, "Event")


def test_english_title_without_its_article() -> None:
    text = "The Third Regional Forum on Urban Mobility opened on Monday."
    assert "Third Regional Forum on Urban Mobility" in texts("en", text, "Event")


def test_described_event_with_short_form() -> None:
    text = "A primeira visita oficial do chanceler ao Uruguai durou dois dias."
    forms = set().union(*events("pt", text).values())
    assert "primeira visita oficial" in forms
    assert "primeira visita oficial do chanceler ao Uruguai" in forms


def test_phrase_ends_before_a_clause_or_a_verb() -> None:
    got = texts("es", "La reunión de gobernadores que se realizó en Lima terminó tarde.", "Event")
    assert "reunión de gobernadores" in got
    got = texts("es", "La visita del ministro supondrá nuevas inversiones.", "Event")
    assert "visita del ministro" in got


def test_loan_approval_as_a_verb() -> None:
    text = "The board approved a US$120 million loan to Paraguay on Tuesday."
    assert any(t.startswith("approved a US$120 million loan to Paraguay") for t in texts("en", text, "Event"))


def test_one_kind_of_event_in_one_article_is_one_event() -> None:
    text = ("El seminario sobre agua potable se realizó en Cusco. "
            "Durante el seminario, los técnicos presentaron estudios.")
    assert len(events("es", text)) == 1


def test_two_titled_events_stay_apart() -> None:
    text = ("Delegates attended the Second Andean Water Forum and, a week later, "
            "the Ninth Conference on Coastal Cities.")
    assert len(events("en", text)) == 2


def test_according_to_is_not_an_agreement() -> None:
    assert texts("es", "De acuerdo con el informe, la economía crece.", "Event") == []
    assert texts("pt", "De acordo com a nota, o crédito cresce.", "Event") == []


def test_institution_named_like_an_event_is_not_one() -> None:
    assert texts("es", "El Congreso Nacional votó la ley.", "Event") == []


def test_signing_is_named_by_who_signs_what() -> None:
    text = "The OAS and the University of the North Coast signed a letter of intent to create a regional network."
    assert texts("en", text, "Event") == ["OAS and the University of the North Coast signed a letter of intent"]


def test_signing_with_a_partner_is_named_by_what_is_signed() -> None:
    text = "A prefeitura assinou com a Agência Costeira de Cooperação (ACC) o projeto Sementes para Vila Serena."
    assert texts("pt", text, "Event") == ["projeto Sementes para Vila Serena"]


def test_a_future_signing_is_an_event() -> None:
    assert texts("es", "El próximo lunes se firmará el contrato de préstamo.", "Event") == \
        ["firmará el contrato de préstamo"]


@pytest.mark.parametrize("lang,text", [
    ("pt", "Uma missão técnica do banco esteve na cidade."),  # a team, not a visit
    ("en", "The bank funds a regional training program for public servants."),  # a programme, not an event
])
def test_not_events(lang: str, text: str) -> None:
    assert texts(lang, text, "Event") == []


def test_the_headline_names_no_event_of_its_own() -> None:
    text = "Vila Serena Sedia Fórum Sobre Financiamento Para Cidades\nO Fórum Cidades Costeiras abriu ontem."
    assert texts("pt", text, "Event") == ["Fórum Cidades Costeiras"]
