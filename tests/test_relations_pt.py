"""Relations from Portuguese text (invented people and events), with the real pipeline."""
from __future__ import annotations

from datetime import date

import pytest

from tests.test_relations_support import event, facts, run

TITLE = "CAF e Ministério da Indústria promovem seminário"
TEXT = ("Lima, 14 de março de 2019 - A CAF e o Ministério da Indústria do Peru assinaram um acordo de cooperação. "
        "O Seminário Regional de Inovação Produtiva foi realizado de 12 a 14 de março em Cusco e teve a palestra "
        "do vice-ministro da Indústria, Rodrigo Vasconcelos Pardo, e da diretora da CAF no Peru, Mariana Quintela Sousa. "
        "O evento contou com os especialistas Tomás Ferreyra (Argentina) e Inês Calado (Portugal). "
        "A CAF aprovou um empréstimo de US$ 120 milhões para o Peru. "
        "Vasconcelos Pardo destacou a cooperação.")


@pytest.fixture(scope="module")
def ex():
    return run("pt", TITLE, TEXT, date(2019, 3, 14))


def test_affiliation_with_role(ex):
    f = facts(ex)
    assert ("affiliatedWith", "Mariana Quintela Sousa", "Banco de Desenvolvimento da América Latina") in f or \
        any(p == "affiliatedWith" and s == "Mariana Quintela Sousa" for p, s, _ in f)
    roles = {r.attrs.get("role") for r in ex.relations if r.prop == "affiliatedWith"}
    assert "diretora da CAF no Peru" in roles
    assert "vice-ministro da Indústria" in roles


def test_nationality_stated_in_parentheses_and_by_government_served(ex):
    f = facts(ex)
    assert ("nationality", "Tomás Ferreyra", "Argentina") in f
    assert ("nationality", "Inês Calado", "Portugal") in f
    # a post "no Peru" says where the post is, not whose citizen she is
    assert ("nationality", "Mariana Quintela Sousa", "Peru") not in f


def test_event_participants_location_and_dates(ex):
    ev = event(ex, "Seminário")
    f = facts(ex)
    for person in ("Rodrigo Vasconcelos Pardo", "Mariana Quintela Sousa", "Tomás Ferreyra", "Inês Calado"):
        assert ("takesPart", ev.label, person) in f
    assert ("location", ev.label, "Cusco") in f
    assert (ev.attrs["start"], ev.attrs["end"]) == (date(2019, 3, 12), date(2019, 3, 14))


def test_speaker_from_a_talk(ex):
    ev = event(ex, "Seminário")
    label = {e.ref: e.label for e in ex.entities}
    speakers = {label[r.object] for r in ex.relations if r.prop == "speaker" and r.subject == ev.ref}
    assert "Rodrigo Vasconcelos Pardo" in speakers


def test_funding_with_amount_and_currency(ex):
    funds = [r for r in ex.relations if r.prop == "funds" and r.object == "Country:PE"]
    assert len(funds) == 1
    assert funds[0].attrs == {"amount": 120_000_000, "currency": "USD"}
    assert funds[0].subject == "Institution:caf"


def test_based_in_and_partnership(ex):
    f = facts(ex)
    assert ("basedIn", "Ministério da Indústria do Peru", "Peru") in f
    partners = {(s, o) for p, s, o in f if p == "partnerOf"}
    assert any("Ministério da Indústria" in o for s, o in partners if s.startswith(("CAF", "Banco")))


def test_relative_date_of_event():
    ex = run("pt", "Cúpula regional",
             "Os presidentes da região se reúnem nesta quinta-feira em Assunção para a Cúpula Regional de Energia.",
             date(2019, 12, 3))
    ev = event(ex, "Cúpula")
    assert ev.attrs.get("start") == date(2019, 12, 5)
    assert ("location", ev.label, "Assunção") in facts(ex)
