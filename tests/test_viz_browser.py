"""The network page in a real browser: the system's headless Chromium driven by Playwright opens
pages from the file system, offline, and checks what a reader would see and what must never run."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import run_kg
from kg.graph import KnowledgeGraph
from kg.viz.browser import CHROMIUM, chromium, wait_for
from kg.viz.synthetic import build_synthetic_store
from test_viz_support import ARTIFACTS, DOM_PROBE, IMG, INSTITUTION, PERSON, SCRIPT_END, TITLE, injection_store, store_counts

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium: make test installs it")]

READY = "typeof network !== 'undefined' && network !== null && network.body.data.nodes.length >= 0"


class Visit:
    """A page opened from file://, with every console message, page error, dialog and request kept."""

    def __init__(self, context, path: Path):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.resolve().as_uri())
        wait_for(self.page, READY)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def counts(self) -> tuple[int, int]:
        return tuple(self.js("() => [network.body.data.nodes.length, network.body.data.edges.length]"))

    def visible(self) -> int:
        return self.js("() => network.body.data.nodes.get({filter: n => !n.hidden}).length")

    def hover_node(self, label: str) -> None:
        point = self.js("""(label) => {
            const n = nodes.get({filter: x => x.label === label})[0];
            const p = network.canvasToDOM(network.getPositions([n.id])[n.id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""", label)
        self._hover(point)

    def hover_edge(self, from_label: str, words: str) -> None:
        point = self.js("""([label, words]) => {
            const n = nodes.get({filter: x => x.label === label})[0];
            const e = edges.get({filter: x => x.from === n.id && x.label === words})[0];
            const a = network.getPositions([e.from])[e.from], b = network.getPositions([e.to])[e.to];
            const edge = network.body.edges[e.id];  // the drawn curve, where smooth edges bend
            const mid = edge && edge.edgeType.getPoint ? edge.edgeType.getPoint(0.5) : {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
            const p = network.canvasToDOM(mid);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""", [from_label, words])
        self._hover(point)

    def _hover(self, point) -> None:
        # Start from a hidden tooltip, so that the one awaited below is the new one.
        self.js("() => { document.getElementById('kg-tip').style.display = 'none'; }")
        self.page.mouse.move(point[0] + 40, point[1] + 40)
        self.page.mouse.move(point[0], point[1], steps=4)
        self.page.wait_for_selector("#kg-tip", state="visible", timeout=15000)

    def leaves_nothing(self) -> None:
        """No console error, no dialog, and no request that is not the page's own file."""
        assert self.errors == []
        assert self.dialogs == []
        assert [u for u in self.requests if not u.startswith("file://")] == []

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        assert path.stat().st_size > 5000
        return path


@pytest.fixture(scope="module")
def browser():
    with chromium() as context:
        yield context


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-view")
    store = injection_store(root / "store")
    run_kg("viz", "--store", store, "-o", root / "kg.html")
    return store, root / "kg.html"


def test_demo_page_offline_with_every_entity_and_relation(browser, sample_store, tmp_path):
    page_file = tmp_path / "kg.html"
    run_kg("viz", "--store", sample_store, "-o", page_file)
    visit = Visit(browser, page_file)
    entities, relations = store_counts(sample_store)
    assert visit.counts() == (entities, relations) and entities > 10
    visit.page.wait_for_timeout(1500)  # physics settles, then stops
    assert visit.js("() => network.physics.physicsEnabled") is False
    legend = visit.page.inner_text("#kg-classes")
    assert "People" in legend and "Countries" in legend
    # The most central entity's tooltip: its class and the articles that mention it.
    biggest = visit.js("() => nodes.get().sort((a, b) => b.size - a.size)[0]")
    visit.hover_node(biggest["label"])
    tip = visit.page.inner_text("#kg-tip")
    assert tip.startswith(biggest["label"]) and biggest["cls"] in tip and "Mentioned in" in tip
    path = visit.shot("kg-demo.png")
    if os.environ.get("KG_UPDATE_DOCS"):  # regenerate the README's picture: KG_UPDATE_DOCS=1 make test
        shutil.copy(path, Path(__file__).resolve().parent.parent / "docs" / "kg-demo.png")
    visit.leaves_nothing()


def test_hostile_names_sentences_and_links_stay_text(browser, hostile_page):
    store, page_file = hostile_page
    visit = Visit(browser, page_file)
    assert visit.counts() == store_counts(store) == (6, 4)
    visit.hover_node(PERSON)
    tip = visit.page.inner_text("#kg-tip")
    assert PERSON in tip and "Argentina" in tip and TITLE in tip
    visit.hover_edge(PERSON, "works for")
    tip = visit.page.inner_text("#kg-tip")
    assert f"{PERSON} works for {INSTITUTION}" in tip
    assert DOM_PROBE in tip and "<!-- no comment -->" in tip and TITLE in tip
    # The article's javascript: URL is not a link; the plain article's web address is.
    visit.hover_edge("Tomas Arvelo", "works for")
    assert visit.js("() => [...document.querySelectorAll('#kg-tip a')].map(a => a.href)") == ["https://news.example.org/fondo-quenar"]
    visit.hover_edge(PERSON, "works for")
    assert visit.js("() => document.querySelectorAll('#kg-tip a').length") == 0
    # Click keeps the details; search shows the name in the status line.
    visit.page.fill("#kg-search", "quelbar")
    visit.page.press("#kg-search", "Enter")
    wait_for(visit.page, "network.getSelectedNodes().length === 1")
    assert PERSON in visit.page.inner_text("#kg-search-status") and PERSON in visit.page.inner_text("#kg-details")
    visit.page.wait_for_timeout(300)  # an injected onerror would fire by now
    # Nothing ran: no alert, no DOM change by a probe, no element made from article text.
    assert visit.js("() => document.body.dataset.pwned") is None
    assert visit.js("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert visit.js("() => document.scripts.length") == 2
    assert SCRIPT_END in visit.js("() => nodes.get({filter: n => n.cls === 'Institution'}).map(n => n.label).join(' ')")
    assert IMG in visit.js("() => [...document.querySelectorAll('#kg-names option')].map(o => o.value).join(' ')")
    visit.shot("kg-hostile.png")
    visit.leaves_nothing()


def test_filters_by_class_country_and_date(browser, hostile_page):
    _, page_file = hostile_page
    visit = Visit(browser, page_file)
    assert visit.visible() == 6
    visit.page.uncheck("#kg-classes input[value=Person]")
    assert visit.visible() == 4
    visit.page.check("#kg-classes input[value=Person]")
    visit.page.select_option("#kg-country", "Peru")  # the country itself and the fund based there
    assert sorted(visit.js("() => nodes.get({filter: n => !n.hidden}).map(n => n.label)")) == ["Fondo Quenar", "Peru"]
    visit.page.select_option("#kg-country", "")
    visit.page.fill("#kg-from", "2024-01-01")
    visit.page.dispatch_event("#kg-from", "change")
    assert visit.visible() == 3  # the entities of the 2024 article
    hidden_edges = visit.js("() => edges.get({filter: e => e.hidden}).map(e => e.label).sort()")
    assert hidden_edges == ["based in", "works for"]  # the 2023 article's relations
    visit.page.click("#kg-reset")
    assert visit.visible() == 6
    visit.leaves_nothing()


def test_large_graph_opens_on_its_core_and_search_reveals_the_rest(browser, tmp_path):
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        n_entities, n_relations = build_synthetic_store(kg, 600, 1500, per_article=12)
    page_file = tmp_path / "big.html"
    run_kg("viz", "--store", store, "-o", page_file, "--max-nodes", "200", "--communities")
    visit = Visit(browser, page_file)
    assert visit.counts() == (n_entities, n_relations) == store_counts(store)
    first = visit.visible()
    assert 50 <= first <= 200 and f"opens on {first} of 600" in visit.page.inner_text("#kg-notice")
    assert visit.js("() => network.physics.physicsEnabled") is False
    hidden = visit.js("() => nodes.get({filter: n => n.hidden})[0].label")
    visit.page.fill("#kg-search", hidden)
    visit.page.press("#kg-search", "Enter")
    wait_for(visit.page, "network.getSelectedNodes().length === 1")
    assert visit.js("(label) => nodes.get({filter: n => n.label === label})[0].hidden", hidden) is False
    assert visit.visible() == first + 1
    visit.page.click("#kg-show-all")
    assert visit.visible() == 600
    visit.shot("kg-large.png")
    visit.leaves_nothing()
