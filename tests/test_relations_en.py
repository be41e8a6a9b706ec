"""Relations from English text (invented people and events), with the real pipeline."""
from __future__ import annotations

from datetime import date

import pytest

from tests.test_relations_support import event, facts, run

TITLE = "Regional Forum on Water Security opens in Quito"
TEXT = ("Quito, September 28, 2023 - The Regional Forum on Water Security will be held on October 3-5, 2023 in Quito, "
        "organized by the World Bank and the Ministry of Environment of Ecuador. "
        "Daniel Whitcombe, the World Bank's Country Director, will speak at the forum with Carla Jaramillo, "
        "Minister of Environment of Ecuador. "
        "The World Bank approved a $200 million loan to Ecuador. "
        "The World Bank and the Andean Development Corporation signed a memorandum of understanding.")


@pytest.fixture(scope="module")
def ex():
    return run("en", TITLE, TEXT, date(2023, 9, 28))


def test_event_range_location_and_organizers(ex):
    ev = event(ex, "Forum")
    assert (ev.attrs["start"], ev.attrs["end"]) == (date(2023, 10, 3), date(2023, 10, 5))
    f = facts(ex)
    assert ("location", ev.label, "Quito") in f
    orgs = {r.object for r in ex.relations if r.prop == "organizer" and r.subject == ev.ref}
    assert "Institution:worldbank" in orgs


def test_affiliation_roles_and_nationality(ex):
    roles = {(r.subject, r.object): r.attrs.get("role") for r in ex.relations if r.prop == "affiliatedWith"}
    assert roles[("Person:daniel whitcombe", "Institution:worldbank")] == "the World Bank's Country Director"
    assert roles[("Person:carla jaramillo", "Institution:ministry of environment of ecuador")] == \
        "Minister of Environment of Ecuador"
    f = facts(ex)
    assert ("nationality", "Carla Jaramillo", "Ecuador") in f
    assert ("basedIn", "Ministry of Environment of Ecuador", "Ecuador") in f


def test_speakers(ex):
    ev = event(ex, "Forum")
    speakers = {r.object for r in ex.relations if r.prop == "speaker" and r.subject == ev.ref}
    assert {"Person:daniel whitcombe", "Person:carla jaramillo"} <= speakers


def test_funding_and_partnership_across_languages_of_one_lexicon(ex):
    funds = [(r.subject, r.object, r.attrs) for r in ex.relations if r.prop == "funds"]
    assert ("Institution:worldbank", "Country:EC", {"amount": 200_000_000, "currency": "USD"}) in funds
    partners = {tuple(sorted((r.subject, r.object))) for r in ex.relations if r.prop == "partnerOf"}
    assert ("Institution:caf", "Institution:worldbank") in partners


def test_host_and_office():
    ex = run("en", "Caribbean Housing Summit",
             "The Caribbean Housing Summit was hosted by the University of the West Indies in Kingston. "
             "The Caribbean Development Bank, headquartered in Bridgetown, Barbados, sent a delegation.",
             date(2022, 6, 10))
    ev = event(ex, "Summit")
    label = {e.ref: e.label for e in ex.entities}
    props = {(r.prop, label[r.object]) for r in ex.relations if r.subject == ev.ref}
    assert ("host", "University of the West Indies") in props
    assert ("location", "Kingston") in props
    f = facts(ex)
    assert ("basedIn", "Caribbean Development Bank", "Bridgetown") in f
    assert ("basedIn", "Caribbean Development Bank", "Barbados") in f
