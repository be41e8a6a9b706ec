"""`kg viz`, `visualize.py` and `kg export --format graphml|gexf|csv`, without a browser: the graph
read from the store, the page's offline and escaping guarantees, ego networks, queries, exports."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import networkx as nx
import pytest

from conftest import ROOT, run_kg
from kg.graph import KnowledgeGraph
from kg.viz import layout
from kg.viz.graph import ego_network, query_graph, store_graph
from kg.viz.page import ViewOptions, render_page
from kg.viz.safety import safe_url, script_json, text
from kg.viz.synthetic import build_synthetic_store
from test_viz_support import IMG, INSTITUTION, PERSON, SCRIPT_END, SENTENCE, injection_store, store_counts


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    return injection_store(tmp_path_factory.mktemp("hostile") / "store")


def page_data(html: str) -> tuple[list[dict], list[dict]]:
    """The node and edge lists the page hands to vis.DataSet, parsed as JSON."""
    nodes = re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", html).group(1)
    edges = re.search(r"edges = new vis\.DataSet\((.*?)\);\n", html).group(1)
    return json.loads(nodes), json.loads(edges)


def test_script_json_cannot_close_or_comment_the_script_and_reads_back_the_same():
    value = {"name": f"{SCRIPT_END}<!-- {IMG} \u2028 \\</script>"}
    encoded = script_json(value)
    assert "</" not in encoded and "<!--" not in encoded and "\u2028" not in encoded
    assert json.loads(encoded) == value


def test_text_escaping_and_links_only_to_web_pages():
    assert text(IMG) == "&lt;img src=x onerror=alert(1)&gt;"
    assert text('"') == "&quot;"
    assert safe_url("https://news.example.org/a?b=1") == "https://news.example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "//evil.example", "", None):
        assert safe_url(bad) is None


def test_graph_from_store_matches_the_store(hostile_store):
    with KnowledgeGraph.open(hostile_store, read_only=True) as kg:
        g = store_graph(kg)
    assert (g.number_of_nodes(), g.number_of_edges()) == store_counts(hostile_store) == (6, 4)
    marina = next(a for _, a in g.nodes(data=True) if a["label"] == PERSON)
    assert marina["cls"] == "Person" and marina["dates"] == ["2024-05-02"]
    assert [g.nodes[c]["label"] for c in marina["countries"]] == ["Argentina"]
    (edge,) = [a for s, o, a in g.edges(data=True) if a["prop"] == "affiliatedWith" and g.nodes[s]["label"] == PERSON]
    assert edge["evidence"][0]["text"] == SENTENCE


def test_the_page_loads_nothing_and_carries_no_live_markup(hostile_store, tmp_path):
    out = tmp_path / "kg.html"
    proc = run_kg("viz", "--store", hostile_store, "-o", out, "--title", f"News {IMG}")
    assert "6 entities" in proc.stdout and "4 relations" in proc.stdout
    html = out.read_text(encoding="utf-8")
    markup = re.sub(r"<script>.*?</script>", "<script></script>", html, flags=re.DOTALL)
    # Nothing to fetch: no external script, style, font or image, and a policy forbidding any.
    assert not re.search(r"<(script|link|img|iframe|object|embed)[^>]*(src|href|data)=", markup, re.IGNORECASE)
    assert "default-src 'none'" in markup and "://" not in markup
    # Script data can hold the hostile strings as JSON, but can neither end early nor open a comment:
    # the only closing tags are those of vis-network's script and the page's own.
    assert html.count("</script") == 2 and html.count("<!--") == 0
    # Outside scripts they exist only escaped.
    assert IMG not in markup and "<!-- no comment" not in markup and "News &lt;img src=x" in markup
    nodes, edges = page_data(html)
    assert {n["label"] for n in nodes} >= {PERSON, INSTITUTION}
    person = next(n for n in nodes if n["label"] == PERSON)
    assert "&lt;img src=x onerror=alert(1)&gt;" in person["title"] and "<img" not in person["title"]
    edge = next(e for e in edges if e["prop"] == "affiliatedWith" and e["from"] == person["id"])
    assert edge["label"] == "works for" and "&lt;/script&gt;" in edge["title"]
    articles = json.loads(re.search(r"var KG_ARTICLES = (.*?);  //", html).group(1))
    assert ["Acuerdo " + IMG + " firmado " + SCRIPT_END, None, "2024-05-02"] in articles  # javascript: URL dropped


def test_visualize_py_is_the_same_command(hostile_store, tmp_path):
    out = tmp_path / "v.html"
    proc = subprocess.run([sys.executable, str(ROOT / "visualize.py"), "--store", str(hostile_store), "-o", str(out)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    nodes, edges = page_data(out.read_text(encoding="utf-8"))
    assert (len(nodes), len(edges)) == (6, 4)


def test_focus_depth_gives_the_ego_network(hostile_store, tmp_path):
    with KnowledgeGraph.open(hostile_store, read_only=True) as kg:
        g = store_graph(kg)
    ego = ego_network(g, "fondo quenar", 1)  # case-insensitive
    assert sorted(a["label"] for _, a in ego.nodes(data=True)) == ["Fondo Quenar", "Peru", "Tomas Arvelo"]
    assert ego_network(g, "Arvelo", 0).number_of_nodes() == 1  # part of a name when no name matches whole
    out = tmp_path / "ego.html"
    run_kg("viz", "--store", hostile_store, "--focus", "Tomas Arvelo", "--depth", "2", "-o", out)
    nodes, _ = page_data(out.read_text(encoding="utf-8"))
    assert len(nodes) == 3 and [n["borderWidth"] for n in nodes if n["label"] == "Tomas Arvelo"] == [4]
    proc = run_kg("viz", "--store", hostile_store, "--focus", "Nobody Here", "-o", out, check=False)
    assert proc.returncode != 0 and "no entity named 'Nobody Here'" in proc.stderr


def test_query_draws_a_construct_or_a_select(hostile_store, tmp_path):
    with KnowledgeGraph.open(hostile_store, read_only=True) as kg:
        g = query_graph(kg, "CONSTRUCT { ?p kg:affiliatedWith ?i } WHERE { ?p kg:affiliatedWith ?i }")
        assert g.number_of_edges() == 2 and {a["cls"] for _, a in g.nodes(data=True)} == {"Person", "Institution"}
        g = query_graph(kg, "SELECT ?i ?c WHERE { ?i kg:basedIn ?c }")
        assert [(g.nodes[s]["label"], a["prop"], g.nodes[o]["label"]) for s, o, a in g.edges(data=True)] == \
            [("Fondo Quenar", "c", "Peru")]
        g = query_graph(kg, "SELECT ?p ?i ?role WHERE { ?p kg:affiliatedWith ?i BIND('head' AS ?role) }")
        assert sorted(a["facts"] for _, _, a in g.edges(data=True)) == [[("role", "head")]] * 2
    rq = tmp_path / "one.rq"
    rq.write_text("SELECT ?a WHERE { ?a ?b ?c } LIMIT 1", encoding="utf-8")
    proc = run_kg("viz", "--store", hostile_store, "--query", rq, "-o", tmp_path / "q.html", check=False)
    assert proc.returncode != 0 and "two columns" in proc.stderr
    rq = tmp_path / "works.rq"
    rq.write_text("CONSTRUCT { ?p kg:affiliatedWith ?i . ?p rdfs:label ?n } WHERE { ?p kg:affiliatedWith ?i ; rdfs:label ?n }",
                  encoding="utf-8")
    out = tmp_path / "q.html"
    run_kg("viz", "--store", hostile_store, "--query", rq, "-o", out)
    nodes, edges = page_data(out.read_text(encoding="utf-8"))
    assert len(nodes) == 4 and [e["label"] for e in edges] == ["works for", "works for"]


def test_large_graph_gets_fixed_positions_and_opens_on_its_core(tmp_path):
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        n_entities, n_relations = build_synthetic_store(kg, 400, 900, per_article=10)
    with KnowledgeGraph.open(store, read_only=True) as kg:
        g = store_graph(kg)
    assert (g.number_of_nodes(), g.number_of_edges()) == (n_entities, n_relations) == store_counts(store)
    html = render_page(g, ViewOptions(max_nodes=150, communities=True))
    nodes, edges = page_data(html)
    assert len(nodes) == 400 and len(edges) == 900
    assert all("x" in n and "y" in n for n in nodes) and '"physics":{"enabled":false}' in html
    shown = [n for n in nodes if not n.get("hidden")]
    assert 50 <= len(shown) <= 150 and f"the view opens on {len(shown)} of 400 entities" in html
    shown_links = sum(1 for e in edges if not {e["from"], e["to"]} - {n["id"] for n in shown})
    assert shown_links <= 2 * 150 * 2  # the edge budget is on related pairs; parallel relations add a few
    # The first view is the core: the shown nodes are the most central ones of the biggest component.
    u = layout.simple_undirected(g)
    biggest = max(nx.connected_components(u), key=len)
    assert all(n["iri"] in biggest for n in shown)
    # Louvain communities: several, each with its fill colour, the class still in the border.
    assert len({n["community"] for n in nodes}) > 2
    assert len({n["color"]["background"] for n in nodes}) > 2 and all("community" in n["title"] for n in nodes)
    # Positions spread the graph out: no two nodes on the same spot.
    assert len({(n["x"], n["y"]) for n in nodes}) == 400


def test_network_exports_read_back_in_networkx(hostile_store, tmp_path):
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"kg.{fmt}"
        run_kg("export", "--store", hostile_store, "--format", fmt, "-o", out)
        back = reader(out)
        assert (back.number_of_nodes(), back.number_of_edges()) == (6, 4)
        labels = {a.get("label") for _, a in back.nodes(data=True)}
        assert PERSON in labels and INSTITUTION in labels
    rows = list(csv.DictReader(io.StringIO(run_kg("export", "--store", hostile_store, "--format", "csv").stdout)))
    related = [r for r in rows if r["relation"]]
    assert len(related) == 4
    works = next(r for r in related if r["relation"] == "works for" and r["source"] == PERSON)
    assert works["target"] == INSTITUTION and works["sentence"] == SENTENCE and works["published"] == "2024-05-02"
    proc = run_kg("export", "--store", hostile_store, "--format", "csv", "--graph", "hostile-1", check=False)
    assert proc.returncode != 0 and "RDF formats only" in proc.stderr
