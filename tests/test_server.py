"""`kg serve`: the real server on a loopback port, queried with SPARQLWrapper and with plain HTTP."""
from __future__ import annotations

import csv
import io
import json
import re
import threading
import urllib.error
import xml.etree.ElementTree as ET

import httpx
import pytest
import rdflib
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from conftest import QUERIES
from liveserver import kg_server

PEOPLE = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MAX_ROWS = 50


@pytest.fixture(scope="module")
def endpoint(sample_store):
    with kg_server(sample_store, "--timeout", "3", "--max-rows", str(MAX_ROWS), "--max-body", "20000") as url:
        yield url


def wrapper(url: str, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql


# ---------------------------------------------------------------- SPARQLWrapper, as researchers use it

def test_sparqlwrapper_select_json_get_and_post(endpoint):
    prefixed = "PREFIX kg: <https://w3id.org/kgnews/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    for method in (None, POST):
        data = wrapper(endpoint, prefixed + PEOPLE, JSON, method).queryAndConvert()
        names = [b["name"]["value"] for b in data["results"]["bindings"]]
        assert "Daniel Whitford" in names and names == sorted(names)


def test_sparqlwrapper_ask_construct_csv_xml(endpoint):
    assert wrapper(endpoint, "ASK { ?c a kg:Country }", JSON).queryAndConvert()["boolean"] is True
    graph = wrapper(endpoint, "CONSTRUCT { ?c a kg:Country } WHERE { ?c a kg:Country }", TURTLE).queryAndConvert()
    graph = rdflib.Graph().parse(data=graph, format="turtle") if isinstance(graph, bytes) else graph
    assert (rdflib.URIRef("https://w3id.org/kgnews/id/country/BR"), rdflib.RDF.type,
            rdflib.URIRef("https://w3id.org/kgnews/ontology#Country")) in graph
    rows = list(csv.reader(io.StringIO(wrapper(endpoint, PEOPLE, CSV).queryAndConvert().decode())))
    assert rows[0] == ["name"] and ["Daniel Whitford"] in rows
    doc = wrapper(endpoint, PEOPLE, XML).queryAndConvert()
    assert doc.getElementsByTagName("binding")[0].getAttribute("name") == "name"


def test_sparqlwrapper_sees_a_malformed_query_as_bad_request(endpoint):
    with pytest.raises(QueryBadFormed) as err:
        wrapper(endpoint, "SELECT ?x WHERE { ?x ", JSON).queryAndConvert()
    assert "SPARQL syntax error" in str(err.value)


@pytest.mark.parametrize("query_file", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_every_example_query_answers(endpoint, query_file):
    data = wrapper(endpoint, query_file.read_text(encoding="utf-8"), JSON, POST).queryAndConvert()
    assert "vars" in data["head"]


# ---------------------------------------------------------------- the protocol over plain HTTP

def test_content_negotiation_for_solutions(endpoint):
    q = {"query": PEOPLE}
    r = httpx.get(endpoint, params=q, headers={"Accept": "text/tab-separated-values"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")
    assert r.text.splitlines()[0] == "?name" and '"Daniel Whitford"' in r.text
    r = httpx.get(endpoint, params=q, headers={"Accept": "text/html;q=0.9, text/csv"})
    assert r.headers["content-type"].startswith("text/csv") and "Daniel Whitford" in r.text
    r = httpx.get(endpoint, params=q, headers={"Accept": "application/sparql-results+xml"})
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert ET.fromstring(r.content).find(f"{ns}results") is not None
    r = httpx.get(endpoint, params=q)  # no Accept: JSON
    assert r.headers["content-type"] == "application/sparql-results+json"
    assert r.json()["head"]["vars"] == ["name"]
    r = httpx.get(endpoint, params=q, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "text/csv" in r.text


def test_content_negotiation_for_graphs(endpoint):
    q = "CONSTRUCT { ?p a kg:Person ; rdfs:label ?n } WHERE { ?p a kg:Person ; rdfs:label ?n }"
    country = rdflib.URIRef("https://w3id.org/kgnews/id/country/BR")
    graphs = {}
    for accept, rdflib_format in [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                  ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")]:
        r = httpx.post(endpoint, content=q, headers={"Content-Type": "application/sparql-query", "Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        graphs[accept] = rdflib.Graph().parse(data=r.text, format=rdflib_format)
    sizes = {len(g) for g in graphs.values()}
    assert len(sizes) == 1 and sizes.pop() > 2
    assert country not in {s for g in graphs.values() for s in g.subjects()}
    assert isomorphic(graphs["text/turtle"], graphs["application/ld+json"])
    r = httpx.get(endpoint, params={"query": f"DESCRIBE <{country}>"}, headers={"Accept": "application/n-triples"})
    described = rdflib.Graph().parse(data=r.text, format="nt")
    assert (country, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/kgnews/ontology#Country")) in described


def test_ask_in_every_result_format(endpoint):
    for accept, marker in [("application/sparql-results+json", '"boolean":true'),
                           ("application/sparql-results+xml", "<boolean>true</boolean>"),
                           ("text/csv", "true"), ("text/tab-separated-values", "true")]:
        r = httpx.post(endpoint, data={"query": "ASK { ?p a kg:Person }"}, headers={"Accept": accept})
        assert r.status_code == 200 and marker in r.text.replace(" ", "")


def test_service_description(endpoint):
    r = httpx.get(endpoint, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = g.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert service is not None
    assert g.value(service, sd.endpoint) == rdflib.URIRef(endpoint)
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in g


@pytest.mark.parametrize("request_kwargs", [
    {"data": {"update": "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }"}},
    {"content": "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }",
     "headers": {"Content-Type": "application/sparql-update"}},
    {"data": {"query": "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }"}},
    {"data": {"query": "PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }"}},
    {"data": {"query": "LOAD <http://example.org/data.ttl>"}},
    {"data": {"query": "# a comment\nDROP ALL"}},
], ids=["update-form", "update-body", "insert-as-query", "delete-as-query", "load", "drop"])
def test_updates_are_refused(endpoint, request_kwargs):
    r = httpx.post(endpoint, **request_kwargs)
    assert r.status_code == 403 and "read-only" in r.text
    assert httpx.get(endpoint, params={"query": "ASK { <http://example.org/a> ?p ?o }"}).json()["boolean"] is False


def test_service_is_refused_but_the_word_in_data_is_not(endpoint):
    r = httpx.get(endpoint, params={"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 403 and "SERVICE" in r.text
    r = httpx.get(endpoint, params={"query": "SELECT * WHERE { service silent <http://example.org/s> { ?s ?p ?o } }"})
    assert r.status_code == 403
    harmless = 'SELECT ?service WHERE { BIND ("SERVICE and DELETE" AS ?service) } # SERVICE'
    r = httpx.get(endpoint, params={"query": harmless})
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["service"]["value"] == "SERVICE and DELETE"


@pytest.mark.parametrize("query", ["SELECT ?x WHERE { ?x ", "SELEC * WHERE {}", "SELECT * WHERE { ?x nope:p ?y }",
                                   "\x00\xff", ""])
def test_malformed_queries_get_400_with_the_parser_message(endpoint, query):
    r = httpx.post(endpoint, data={"query": query})
    assert r.status_code == 400, r.text
    assert "SPARQL syntax error" in r.text and re.search(r"\d", r.text)


def test_protocol_errors_are_4xx(endpoint):
    assert httpx.post(endpoint, content="SELECT * {}", headers={"Content-Type": "text/plain"}).status_code == 415
    assert httpx.post(endpoint, data={"query": ["ASK {}", "ASK {}"]}).status_code == 400
    too_big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30000
    r = httpx.post(endpoint, content=too_big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    assert httpx.put(endpoint, content="x").status_code == 405


def test_results_are_capped_at_max_rows(endpoint):
    r = httpx.get(endpoint, params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["X-Result-Truncated"] == "true"
    assert len(list(csv.reader(io.StringIO(r.text)))) == MAX_ROWS + 1
    r = httpx.get(endpoint, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert r.headers["X-Result-Truncated"] == "true" and len(r.text.strip().splitlines()) == MAX_ROWS
    r = httpx.get(endpoint, params={"query": PEOPLE + " LIMIT 3"})
    assert "X-Result-Truncated" not in r.headers


def test_a_query_over_the_time_limit_is_stopped_and_the_server_goes_on(endpoint):
    with httpx.Client(timeout=30) as client:
        r = client.post(endpoint, data={"query": SLOW})
        assert r.status_code == 503 and "timed out after 3 s" in r.text
        assert r.elapsed.total_seconds() < 10
        assert client.get(endpoint, params={"query": "ASK { ?p a kg:Person }"}).json()["boolean"] is True


def test_clients_that_hang_up_do_not_use_up_the_workers(endpoint):
    for _ in range(4):  # more than the server's workers
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(endpoint, data={"query": SLOW}, timeout=0.5)
    r = httpx.get(endpoint, params={"query": "ASK { ?p a kg:Person }"}, timeout=30)
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_default_and_named_graph_parameters(endpoint):
    article = "https://w3id.org/kgnews/id/article/sample-pt-reuniao-fonplata"
    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"
    only = httpx.get(endpoint, params={"query": q, "default-graph-uri": article}).json()
    assert only["results"]["bindings"][0]["n"]["value"] == "1"
    everything = httpx.get(endpoint, params={"query": q}).json()
    assert int(everything["results"]["bindings"][0]["n"]["value"]) == 6


def test_sixteen_clients_at_once(endpoint):
    errors: list[str] = []

    def client() -> None:
        with httpx.Client(timeout=60) as http:
            for query_file in sorted(QUERIES.glob("*.rq")):
                r = http.post(endpoint, data={"query": query_file.read_text(encoding="utf-8")})
                if r.status_code != 200:
                    errors.append(f"{query_file.name}: {r.status_code} {r.text}")

    threads = [threading.Thread(target=client) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# ---------------------------------------------------------------- the page

def test_page_lists_every_example_query_and_loads_nothing_from_elsewhere(endpoint):
    base = endpoint.removesuffix("/sparql")
    r = httpx.get(base + "/")
    assert r.status_code == 200 and "default-src 'self'" in r.headers["content-security-policy"]
    for query_file in QUERIES.glob("*.rq"):
        assert f">{query_file.stem}</button>" in r.text
    assert 'data-query="# ' in r.text and "&lt;https://w3id.org/kgnews/ontology#&gt;" in r.text
    sources = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert sources and all(s.startswith("/") for s in sources)
    for path in sources:
        assert httpx.get(base + path).status_code == 200
    script = httpx.get(base + "/static/app.js").text
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", script)


def test_json_of_results_is_valid_for_labels_with_quotes(endpoint):
    r = httpx.get(endpoint, params={"query": 'SELECT ?x WHERE { BIND ("a \\"quoted\\" <b>\\n" AS ?x) }'})
    assert json.loads(r.text)["results"]["bindings"][0]["x"]["value"] == 'a "quoted" <b>\n'


def test_sparqlwrapper_reports_refusals(endpoint):
    # SPARQLWrapper maps 400/401/404/500 to its own exceptions and lets urllib's HTTPError through for 403.
    with pytest.raises(urllib.error.HTTPError) as err:
        wrapper(endpoint, "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }", JSON).queryAndConvert()
    assert err.value.code == 403
