"""Relations from Spanish text (invented people and events), with the real pipeline."""
from __future__ import annotations

from datetime import date

import pytest

from tests.test_relations_support import event, facts, run

TITLE = "Conferencia Anual de Infraestructura Sostenible reúne a ministros"
TEXT = ("Montevideo, 3 de mayo de 2021.- La Conferencia Anual de Infraestructura Sostenible, organizada por el "
        "Banco Interamericano de Desarrollo (BID), se celebrará el próximo martes en Montevideo. "
        "Lucía Fernández Ochoa, ministra de Economía y Finanzas de Uruguay, inaugurará el evento. "
        "El colombiano Andrés Villalobos, representante del BID en Uruguay, también participará. "
        "El BID aprobó un préstamo de USD 45 millones para Uruguay. "
        "El BID y la Corporación Nacional para el Desarrollo firmaron un convenio de cooperación.")


@pytest.fixture(scope="module")
def ex():
    return run("es", TITLE, TEXT, date(2021, 5, 3))


def test_event_organizer_participants_location_and_relative_date(ex):
    ev = event(ex, "Conferencia")
    f = facts(ex)
    assert any(r.prop == "organizer" and r.subject == ev.ref and r.object == "Institution:idb" for r in ex.relations)
    assert ("takesPart", ev.label, "Lucía Fernández Ochoa") in f
    assert ("takesPart", ev.label, "Andrés Villalobos") in f
    assert ("location", ev.label, "Montevideo") in f
    assert ev.attrs["start"] == date(2021, 5, 4)   # "el próximo martes" after Monday 3 May


def test_nationality_from_post_and_demonym(ex):
    f = facts(ex)
    assert ("nationality", "Lucía Fernández Ochoa", "Uruguay") in f
    # "representante del BID en Uruguay": a post's place; the demonym gives no country the text names
    assert ("nationality", "Andrés Villalobos", "Uruguay") not in f


def test_affiliation_after_name(ex):
    aff = [r for r in ex.relations if r.prop == "affiliatedWith" and r.object == "Institution:idb"]
    assert [r.attrs.get("role") for r in aff] == ["representante del BID en Uruguay"]


def test_funding_and_partnership(ex):
    funds = [r for r in ex.relations if r.prop == "funds"]
    assert [(r.subject, r.object, r.attrs["amount"], r.attrs["currency"]) for r in funds] == \
        [("Institution:idb", "Country:UY", 45_000_000, "USD")]
    assert ("partnerOf", "Banco Interamericano de Desarrollo", "Corporación Nacional para el Desarrollo") in facts(ex)


def test_yesterday_in_spanish():
    ex = run("es", "Foro Andino", "El Foro Andino de Energía Limpia se realizó ayer en Quito.", date(2022, 6, 10))
    ev = event(ex, "Foro")
    assert ev.attrs.get("start") == date(2022, 6, 9)


def test_seat_and_host():
    ex = run("es", "Foro de Ciudades Resilientes",
             "Con sede en Cochabamba, Bolivia, la Fundación Andina para el Agua organizó el Foro de Ciudades "
             "Resilientes, que fue auspiciado por el Banco Interamericano de Desarrollo.", date(2022, 6, 10))
    f = facts(ex)
    assert ("basedIn", "Fundación Andina para el Agua", "Cochabamba") in f
    assert ("basedIn", "Fundación Andina para el Agua", "Bolivia") in f
    ev = event(ex, "Foro")
    props = {(r.prop, r.object) for r in ex.relations if r.subject == ev.ref}
    assert ("sponsor", "Institution:idb") in props
    assert ("organizer", "Institution:fundacion andina para el agua") in props
