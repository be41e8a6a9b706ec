"""The query page of `kg serve` in headless Chromium: examples run, results show as a table, text stays text."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from conftest import QUERIES, run_kg
from liveserver import kg_server

pytestmark = pytest.mark.browser

HOSTILE = '<img src="x" onerror="window.kgPwned=1">Vera &amp; "Lua"'
DATA = """\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/kgnews/id/article/page-test> {
  <https://w3id.org/kgnews/id/person/vera-lua> a kg:Person ; rdfs:label "%s" .
}
""" % HOSTILE.replace('"', '\\"')


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    browser = pytest.importorskip("kg.viz.browser")
    from pathlib import Path

    if not Path(browser.CHROMIUM).exists():
        pytest.skip("no system Chromium")
    tmp = tmp_path_factory.mktemp("page")
    (tmp / "data.trig").write_text(DATA, encoding="utf-8")
    run_kg("import", tmp / "data.trig", "--store", tmp / "store")
    with kg_server(tmp / "store") as url:
        yield url.removesuffix("/sparql") + "/"


def test_an_example_query_runs_from_its_button(page_url):
    from kg.viz.browser import chromium, wait_for

    with chromium() as context:
        page = context.new_page()
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(page_url) else outside.append(r.url))
        page.goto(page_url)
        stems = page.eval_on_selector_all("button.example", "bs => bs.map(b => b.textContent)")
        assert stems == sorted(p.stem for p in QUERIES.glob("*.rq"))
        page.click("button.example >> text=people_and_posts")
        wait_for(page, "document.querySelector('#status').textContent.includes(' in ')")
        headers = page.eval_on_selector_all("#results th", "ths => ths.map(t => t.textContent)")
        assert headers == ["person", "institution", "role"]
        assert page.input_value("#query").startswith("# People")
        assert outside == []


@contextmanager
def answered(page_url: str, query: str, ready: str) -> Iterator:
    """The page after typing `query` and pressing Run, once the JavaScript expression `ready` holds."""
    from kg.viz.browser import chromium, wait_for

    with chromium() as context:
        page = context.new_page()
        page.goto(page_url)
        page.fill("#query", query)
        page.click("#run")
        wait_for(page, ready)
        yield page


def test_labels_are_shown_as_text_never_as_html(page_url):
    query = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }"
    with answered(page_url, query, "document.querySelectorAll('#results td').length > 0") as page:
        assert page.text_content("#results td") == HOSTILE
        assert page.evaluate("document.querySelectorAll('#results img').length") == 0
        assert page.evaluate("window.kgPwned === undefined")


def test_errors_are_shown_with_the_parser_message(page_url):
    with answered(page_url, "SELECT ?x WHERE { ?x ", "document.querySelector('#results pre.error')") as page:
        assert "SPARQL syntax error" in page.text_content("#results pre.error")
        assert page.text_content("#status") == "error 400"
