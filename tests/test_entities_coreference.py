"""Within one article, a surname alone or a shorter full name is the person named in full."""
from __future__ import annotations

from test_entities_support import found

from kg.article import Article
from kg.extract import extract


def test_surname_alone_gets_the_full_names_key() -> None:
    text = ("A diretora do programa, Eleonora Vasconcelos Prado, abriu a sessão. "
            "Vasconcelos Prado lembrou os resultados. Depois, Prado encerrou.")
    people = [(t, k) for c, t, k in found("pt", text) if c == "Person"]
    assert {t for t, _ in people} == {"Eleonora Vasconcelos Prado", "Vasconcelos Prado", "Prado"}
    assert len({k for _, k in people}) == 1


def test_shorter_full_form_is_the_same_person() -> None:
    text = "El canciller Luis Alberto Figueras Machado llegó. Luis Alberto Figueras dijo que volverá."
    assert len({k for c, _, k in found("es", text) if c == "Person"}) == 1


def test_surname_read_as_a_place_becomes_the_person() -> None:
    # "Moreno" is also a city in the lexicon; next to its bearer it is the person
    text = "El presidente del banco, Gustavo Adolfo Moreno, viajó. Moreno se reunió con ministros."
    got = found("es", text)
    assert ("Place", "Moreno") not in {(c, t) for c, t, _ in got}
    assert len({k for c, _, k in got if c == "Person"}) == 1


def test_shared_surname_links_to_nobody() -> None:
    text = "Ana Ribeiro Costa e Pedro Lins Costa chegaram. Costa falou primeiro."
    people = [(t, k) for c, t, k in found("pt", text) if c == "Person"]
    assert ("Costa", None) not in people and all(t != "Costa" for t, _ in people)


def test_resolution_groups_the_linked_mentions_into_one_entity() -> None:
    text = "A economista Joana Figueira Lopes apresentou o estudo. Segundo Figueira Lopes, o crédito cresce."
    ex = extract(Article(id="t", text=text, lang="pt"))
    persons = [e for e in ex.entities if e.cls == "Person"]
    assert len(persons) == 1
    assert {"Joana Figueira Lopes", "Figueira Lopes"} <= persons[0].aliases


def test_entities_can_be_set_on_the_doc_for_spacy_tools() -> None:
    from kg.nlp import pipeline_for

    doc = pipeline_for("pt", set_ents=True)("A economista Joana Figueira Lopes visitou Quito.")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Joana Figueira Lopes", "Person", "joana figueira lopes"), ("Quito", "Place", "quito-ec")]
