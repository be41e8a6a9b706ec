"""Entity resolution: short forms join full names in an article; one key per entity across articles."""
from __future__ import annotations

from datetime import date

from kg.article import Article
from kg.extract import extract
from kg.iris import entity_iri
from kg.model import Mention
from kg.resolve import resolve_mentions


def m(cls: str, text: str, start: int, key: str | None = None, sentence: int = 0) -> Mention:
    return Mention(cls, text, start, start + len(text), sentence, key)


def test_surname_and_partial_name_join_the_full_name():
    ents = resolve_mentions([m("Person", "Rodrigo Vasconcelos Pardo", 0), m("Person", "Vasconcelos Pardo", 100, sentence=2),
                             m("Person", "Vasconcelos", 200, sentence=3)], "pt")
    assert len(ents) == 1
    assert ents[0].label == "Rodrigo Vasconcelos Pardo"
    assert ents[0].key == "rodrigo vasconcelos pardo"
    assert ents[0].aliases == {"Rodrigo Vasconcelos Pardo", "Vasconcelos Pardo", "Vasconcelos"}


def test_ambiguous_surname_stays_apart():
    ents = resolve_mentions([m("Person", "Ana Duarte Lima", 0), m("Person", "Paulo Duarte Reis", 50),
                             m("Person", "Duarte", 120)], "pt")
    assert len(ents) == 3


def test_acronym_beside_its_expansion_and_by_initials():
    ents = resolve_mentions([m("Institution", "Instituto Nacional de Pesca Artesanal", 0),
                             m("Institution", "Inpesca", 39),   # "... Artesanal (Inpesca)"
                             m("Institution", "Ministério do Turismo e Esporte", 100),
                             m("Institution", "MTE", 300)], "pt")
    labels = {e.label: e.aliases for e in ents}
    assert labels == {"Instituto Nacional de Pesca Artesanal": {"Instituto Nacional de Pesca Artesanal", "Inpesca"},
                      "Ministério do Turismo e Esporte": {"Ministério do Turismo e Esporte", "MTE"}}


def test_lexicon_key_wins_and_label_is_deterministic():
    mentions = [m("Institution", "CAF", 0, "caf"), m("Institution", "Corporación Andina de Fomento", 10, "caf"),
                m("Institution", "Banco de Desarrollo de América Latina", 60, "caf")]
    a = resolve_mentions(mentions, "es")
    b = resolve_mentions(list(reversed(mentions)), "es")
    assert [(e.key, e.label) for e in a] == [(e.key, e.label) for e in b] == [("caf", "Banco de Desarrollo de América Latina")]


def test_countries_are_keyed_by_iso_code():
    ents = resolve_mentions([m("Country", "Peru", 0, "PE"), m("Country", "Perú", 20, "PE")], "es")
    assert [(e.ref, entity_iri(e.cls, e.key)) for e in ents] == [("Country:PE", entity_iri("Country", "PE"))]


def test_generic_event_noun_joins_the_named_event():
    ents = resolve_mentions([m("Event", "Foro Andino de Energía Limpia", 0), m("Event", "el evento", 200, sentence=3)], "es")
    assert len(ents) == 1 and ents[0].label == "Foro Andino de Energía Limpia"


def test_two_articles_naming_caf_differently_give_one_iri():
    one = Article(id="r1", lang="pt", published=date(2020, 3, 2), title="Novo crédito",
                  text="A Corporação Andina de Fomento aprovou um crédito para o Equador.")
    two = Article(id="r2", lang="es", published=date(2020, 3, 9), title="Nuevo crédito",
                  text="La CAF aprobó un crédito para Bolivia.")
    iris = []
    for art in (one, two):
        ex = extract(art)
        caf = [e for e in ex.entities if e.cls == "Institution"]
        assert len(caf) == 1, [e.label for e in ex.entities]
        iris.append(entity_iri(caf[0].cls, caf[0].key))
    assert iris[0] == iris[1]
    assert iris[0].endswith("/institution/caf")


def test_wikidata_id_from_the_lexicon():
    ex = extract(Article(id="r3", lang="en", title="Loan", text="The World Bank approved a loan to Peru."))
    bank = next(e for e in ex.entities if e.cls == "Institution")
    assert bank.attrs.get("wikidata", "").startswith("Q")
