"""Reading articles from every supported kind of file."""
from __future__ import annotations

import json
from datetime import date

from kg.article import Article
from kg.ingest import InputError, read_articles

PAGE = """<!doctype html><html lang="es"><head><title>Nuevo acuerdo regional de energía</title>
<meta property="article:published_time" content="2024-02-01">
<script>var tracking = 1;</script></head>
<body><nav>Inicio | Noticias | Contacto</nav>
<article><h1>Nuevo acuerdo regional de energía</h1>
<p>El Ministerio de Energía de Chile y la Agencia Nacional de Hidrocarburos de Colombia firmaron ayer en Santiago
un acuerdo de cooperación para el intercambio de información técnica sobre redes eléctricas.</p>
<p>La ministra de Energía, Paula Soto Iribarne, afirmó que el acuerdo fortalecerá la integración energética
de la región andina y permitirá proyectos conjuntos durante los próximos cinco años.</p></article>
<footer>Todos los derechos reservados</footer></body></html>"""


def read_one(path) -> Article:
    items = list(read_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_txt_first_line_is_the_title(tmp_path):
    f = tmp_path / "nota.txt"
    f.write_text("Título da nota\n\nO corpo da nota fala do Banco Central do Brasil em Brasília.", encoding="utf-8")
    a = read_one(f)
    assert (a.id, a.title, a.lang) == ("nota", "Título da nota", "pt")
    assert a.text.startswith("O corpo")


def test_markdown_heading_is_the_title_and_markup_is_dropped(tmp_path):
    f = tmp_path / "note.md"
    f.write_text("# A headline\n\nThe **World Bank** met [officials](http://example.org) in Lima.", encoding="utf-8")
    a = read_one(f)
    assert a.title == "A headline"
    assert a.text == "The World Bank met officials in Lima."


def test_html_main_text_title_and_date(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    a = read_one(f)
    assert a.title == "Nuevo acuerdo regional de energía"
    assert "Paula Soto Iribarne" in a.text and "tracking" not in a.text and "Contacto" not in a.text
    assert a.published == date(2024, 2, 1)
    assert a.lang == "es"


def test_json_object_list_and_jsonl(tmp_path):
    one = {"id": "a1", "title": "T", "text": "Texto en español sobre el Banco Mundial.", "published": "2020-05-06",
           "lang": "es", "source": "ignored"}
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([dict(one, id="a2"), dict(one, id="a3")]), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text("\n".join(json.dumps(dict(one, id=f"l{i}")) for i in range(3)),
                                          encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert sorted(a.id for a in items) == ["a1", "a2", "a3", "l0", "l1", "l2"]
    assert all(a.published == date(2020, 5, 6) for a in items)


def test_unreadable_inputs_are_reported_not_raised(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notext.json").write_text(json.dumps({"id": "x", "title": "no text"}), encoding="utf-8")
    items = list(read_articles([tmp_path, tmp_path / "missing.txt"]))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert len(errors) == 3
    assert any("bad.json:1" in e and "malformed JSON" in e for e in errors)
    assert any("notext.json" in e and "no 'text'" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)


def test_language_outside_pt_es_en_is_warned(tmp_path):
    f = tmp_path / "fr.json"
    f.write_text(json.dumps({"text": "La Banque mondiale a approuvé hier un nouveau prêt pour le Sénégal et le Mali."}),
                 encoding="utf-8")
    a = read_one(f)
    assert a.lang == "fr" and "not supported" in a.warnings[0]


def test_content_hash_follows_the_content():
    a = Article(id="x", text="Um texto.", title="T", lang="pt")
    b = Article(id="x", text="Um texto.", title="T", lang="pt")
    c = Article(id="x", text="Outro texto.", title="T", lang="pt")
    assert a.content_hash == b.content_hash != c.content_hash
