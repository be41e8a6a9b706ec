"""Bad input does not crash the pipeline, and the batch goes on."""
from __future__ import annotations

import time

import pytest
from test_entities_support import found

from kg.article import Article
from kg.extract import extract
from kg.nlp import mentions_from_doc, pipeline_for


@pytest.mark.parametrize("lang", ["pt", "es", "en"])
@pytest.mark.parametrize("text", ["", " ", "\n\n", "Brasil", "CAF", ".", "((((", "\u200b", "José"])
def test_tiny_texts(lang: str, text: str) -> None:
    found(lang, text)  # no exception


def test_all_caps_article() -> None:
    text = ("O PRESIDENTE DO BANCO, RUI TAVARES MENDES, ANUNCIOU EM LIMA UM EMPRÉSTIMO DE US$ 50 MILHÕES "
            "PARA O PERU. A REUNIÃO DO DIRETÓRIO APROVOU O CRÉDITO. ") * 5
    got = found("pt", text)
    assert not any(c in {"Person", "Institution"} and t in {"O", "A", "DE", "PARA", "EM"} for c, t, _ in got)


def test_other_language_gives_few_and_no_crash() -> None:
    text = ("Der Vorstand der Bank hat am Dienstag in Frankfurt einen Kredit genehmigt. "
            "Die Sitzung dauerte drei Stunden und endete ohne Erklärung.")
    got = found("en", text)
    assert ("Place", "Frankfurt") in {(c, t) for c, t, _ in got} or got == [] or all(c for c, _, _ in got)


def test_text_in_another_script() -> None:
    found("en", "世界银行批准了一笔贷款。 Всемирный банк одобрил кредит.")


@pytest.mark.slow
def test_one_megabyte_article_is_linear() -> None:
    unit = ("A Corporação Andina de Fomento (CAF) e o Ministério da Saúde do Peru realizaram em Lima o "
            "seminário sobre hospitais, com a presidenta Lúcia Antunes Ribeiro. ")
    text = unit * (1_000_000 // len(unit) + 1)
    nlp = pipeline_for("pt")
    started = time.perf_counter()
    doc = nlp(text[: len(text) // 10])
    tenth = time.perf_counter() - started
    started = time.perf_counter()
    doc = nlp(text)
    full = time.perf_counter() - started
    mentions = mentions_from_doc(doc)
    assert len(text) >= 1_000_000 and len(mentions) > 1000
    assert full < 25 * tenth + 2  # grows with the text, not with its square


def test_extract_survives_each_bad_article() -> None:
    for text, lang in (("", "pt"), ("x", "es"), ("ÇÇÇÇ ÇÇÇ", "en"), ("A" * 5000, "pt"), ("- - - -", None)):
        extraction = extract(Article(id="bad", text=text, lang=lang))
        assert extraction.text == text
