"""kg.dates: explicit and relative dates in pt, es, en, resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from kg.dates import find_dates


def first(text: str, lang: str, published: date | None = None):
    found = find_dates(text, lang, published)
    assert found, f"no date in {text!r}"
    return found[0]


@pytest.mark.parametrize("lang, text, published, start, end", [
    ("pt", "O seminário foi realizado de 18 a 20 de abril.", date(2012, 4, 20), date(2012, 4, 18), date(2012, 4, 20)),
    ("pt", "em 20 de abril de 2012", None, date(2012, 4, 20), None),
    ("pt", "no dia 1º de setembro de 2021", None, date(2021, 9, 1), None),
    ("es", "la gira será del 1 al 4 de marzo", date(2011, 2, 25), date(2011, 3, 1), date(2011, 3, 4)),
    ("es", "se celebrará el 5 de mayo", date(2020, 4, 30), date(2020, 5, 5), None),
    ("es", "los días 3 y 4 de marzo de 2011", None, date(2011, 3, 3), date(2011, 3, 4)),
    ("en", "on September 28, 2023", None, date(2023, 9, 28), None),
    ("en", "will meet on October 3-5, 2023 in Santiago", None, date(2023, 10, 3), date(2023, 10, 5)),
    ("en", "signed on 12 June 2019", None, date(2019, 6, 12), None),
])
def test_explicit_dates(lang, text, published, start, end):
    d = first(text, lang, published)
    assert (d.begin, d.until) == (start, end)
    assert not d.relative


# 2019-12-03 was a Tuesday
TUESDAY = date(2019, 12, 3)


@pytest.mark.parametrize("lang, text, expected", [
    ("pt", "Os presidentes se reúnem nesta quinta-feira.", date(2019, 12, 5)),
    ("pt", "A reunião foi hoje.", TUESDAY),
    ("pt", "O acordo foi assinado ontem.", date(2019, 12, 2)),
    ("pt", "O banco anuncia amanhã o resultado.", date(2019, 12, 4)),
    ("pt", "na última segunda-feira o conselho aprovou", date(2019, 12, 2)),
    ("pt", "no último dia 19, o diretório aprovou", date(2019, 11, 19)),
    ("es", "El presidente llegará el próximo sábado.", date(2019, 12, 7)),
    ("es", "El ministro viajará el próximo martes.", date(2019, 12, 10)),
    ("es", "El banco informó ayer.", date(2019, 12, 2)),
    ("es", "La firma será mañana.", date(2019, 12, 4)),
    ("es", "Se reunieron esta mañana.", TUESDAY),
    ("en", "The board approved the loan yesterday.", date(2019, 12, 2)),
    ("en", "The board meets today.", TUESDAY),
    ("en", "The summit opens next Monday.", date(2019, 12, 9)),
    ("en", "The envoy arrived last Friday.", date(2019, 11, 29)),
])
def test_relative_dates(lang, text, expected):
    d = first(text, lang, TUESDAY)
    assert d.begin == expected
    assert d.relative


def test_relative_dates_need_a_publication_date():
    assert find_dates("Os presidentes se reúnem nesta quinta-feira.", "pt", None) == []


def test_undated_article_takes_the_year_that_fits_the_weekday():
    # 6 November was a Monday in 2023, not in 2024: the weekday picks the year among the text's
    text = "assinaram nesta segunda-feira, 6 de novembro, o programa para 2024"
    d = first(text, "pt", None)
    assert d.begin == date(2023, 11, 6)


def test_ordinals_and_verbs_are_not_dates():
    assert find_dates("a segunda etapa do programa", "pt", TUESDAY) == []
    assert find_dates("the bank may approve it in march", "en", TUESDAY) == []


def test_weekday_before_explicit_date_is_not_counted_twice():
    found = find_dates("on Tuesday, October 3, 2023", "en", date(2023, 9, 28))
    assert [(d.begin, d.relative) for d in found] == [(date(2023, 10, 3), False)]
