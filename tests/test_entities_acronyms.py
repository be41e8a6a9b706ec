"""Acronym–expansion pairs are one institution, and the acronym alone later is that institution."""
from __future__ import annotations

from test_entities_support import found, key_of, texts


def test_expansion_then_acronym_share_a_key_and_later_uses_follow() -> None:
    text = ("A Agência de Fomento do Litoral (Afolit) apoiou o projeto. "
            "Segundo a AFOLIT, a segunda fase começa em maio. O Afolit publicará o edital.")
    keys = {k for c, t, k in found("pt", text) if c == "Institution"}
    assert len(keys) == 1
    assert {"Agência de Fomento do Litoral", "Afolit", "AFOLIT"} <= set(texts("pt", text, "Institution"))


def test_acronym_then_expansion_in_brackets() -> None:
    text = "El FONDESUR (Fondo de Desarrollo del Sur) aprobó el crédito."
    assert key_of("es", text, "FONDESUR") == key_of("es", text, "Fondo de Desarrollo del Sur")


def test_known_institution_keeps_its_lexicon_id() -> None:
    text = "A Corporação Andina de Fomento (CAF) e o Banco Interamericano de Desenvolvimento (BID) assinaram."
    assert key_of("pt", text, "Corporação Andina de Fomento") == "caf"
    assert key_of("pt", text, "BID") == "idb"


def test_expansion_found_by_its_initials() -> None:
    # no head word: "Partners for Coastal Health" is read because its initials spell PCH
    text = "The NGO Partners for Coastal Health (PCH) opened a clinic. PCH staff trained nurses."
    assert "Partners for Coastal Health" in texts("en", text, "Institution")
    assert key_of("en", text, "Partners for Coastal Health") == key_of("en", "x " + text, "Partners for Coastal Health")
    assert len({k for c, t, k in found("en", text) if c == "Institution" and t in {"PCH", "Partners for Coastal Health"}}) == 1


def test_bracketed_country_or_common_abbreviation_is_no_acronym() -> None:
    got = found("pt", "O especialista Tobias Rangel (Argentina) comentou o PIB (produto interno bruto).")
    assert ("Country", "Argentina", "AR") in got
    assert not any(c == "Institution" for c, _, _ in got)


def test_unexpanded_acronym_is_an_institution_but_not_in_a_capitals_headline() -> None:
    assert "SEDEPAR" in texts("es", "La SEDEPAR coordinó las obras.", "Institution")
    assert texts("en", "THE MINISTERS AGREE ON NEW TRADE RULES", "Institution") == []
