"""Property-based tests (hypothesis) of the real pipeline: reading, extraction, RDF and a store on disk.

- any bytes in any kind of file are read without an exception (an article or a message);
- any unicode text, lone surrogates included, builds without error;
- every IRI produced is a valid IRI (ASCII, no character RFC 3987 forbids);
- every export format parses back to the same dataset.
Example counts are bounded so that the file runs in well under a minute.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode, RdfFormat, parse

from kg.article import Article
from kg.graph import EXPORT_FORMATS, KnowledgeGraph
from kg.ingest import InputError, read_articles
from kg.iris import article_iri, entity_iri, slug
from kg.union import named_quads

#: RFC 3987's IRI characters that kg may use: unreserved, reserved and percent signs, in ASCII.
IRI = re.compile(r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$")
#: All of unicode, lone surrogates and control characters included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=400)
#: Text that looks like an article: words with capitals (names), digits, punctuation and any char.
WORDS = st.lists(st.one_of(st.sampled_from(["Ana", "Lima", "Banco Mundial", "Brasil", "ministra", "de", ".", ",",
                                            "US$", "2024", "\n\n", '"', "{", ">", "\u200f", "🇵🇪"]),
                           st.text(ANY_CHAR, min_size=1, max_size=12)), max_size=60).map(" ".join)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
                    max_leaves=12)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_valid_iri(iri: str) -> None:
    NamedNode(iri)
    assert IRI.match(iri), iri


@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]))
def test_any_bytes_in_any_file_are_read_without_an_exception(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(data)
        for item in read_articles([path]):
            assert isinstance(item, (Article, InputError))
            if isinstance(item, Article):
                assert item.text.strip() and "\x00" not in item.text
                item.full_text.encode("utf-8")  # no lone surrogates left
            else:
                assert str(path) in item.source and "\n" not in item.message


@FAST
@given(record=JSON)
def test_any_json_value_is_an_article_or_a_message(record):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        items = list(read_articles([path]))
        assert len(items) == 1 and isinstance(items[0], (Article, InputError))


@settings(max_examples=300, deadline=None)
@given(key=ANY_TEXT, cls=st.sampled_from(["Person", "Institution", "Place", "Event"]))
def test_every_iri_from_any_name_or_id_is_valid_and_stable(key, cls):
    for iri in (article_iri(key), entity_iri(cls, key)):
        assert_valid_iri(iri)
    assert slug(key) == slug(key)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, text=WORDS | ANY_TEXT, lang=st.sampled_from(["pt", "es", "en", "xx", ""]),
       article_id=ANY_TEXT)
def test_any_unicode_text_builds_with_valid_iris_and_exports_that_round_trip(title, text, lang, article_id):
    record = {"id": article_id, "title": title, "text": text, "lang": lang}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "a.jsonl"
        source.write_text(json.dumps(record) + "\n", encoding="utf-8")
        check_build(source, Path(tmp) / "store", empty=not text.replace("\x00", "").strip())


def check_build(source: Path, store: Path, empty: bool) -> None:
    # in a function of its own so that the store is closed (garbage) before its folder is removed
    with KnowledgeGraph.open(store) as graph:
        report = graph.add(read_articles([source]), workers=1)
        if empty:
            assert report.failed == 1 and "text is empty" in report.errors[0]
            return
        assert report.failed == 0 and report.articles == 1, report.errors
        quads = list(named_quads(graph.store))  # the article graphs; the default graph is their union
        for quad in quads:
            for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
                if isinstance(term, NamedNode):
                    assert_valid_iri(term.value)
        stored = {str(q) for q in quads}
        triples = {str(q.triple) for q in quads}
        for fmt, rdf_format in EXPORT_FORMATS.items():
            parsed = parse(graph.export(fmt), format=rdf_format)
            if fmt in ("trig", "nq", "jsonld"):
                assert {str(q) for q in parsed} == stored, fmt
            else:
                assert {str(q.triple) for q in parsed} == triples, fmt


def test_the_iri_check_can_fail():
    """The checks above would catch a bad IRI."""
    for bad in ("https://w3id.org/kgnews/id/person/ana maria", "https://x.org/\u202e", "https://x.org/{a}"):
        try:
            assert_valid_iri(bad)
        except (AssertionError, ValueError):
            continue
        raise AssertionError(f"{bad!r} passed the IRI check")
    assert RdfFormat.TURTLE in EXPORT_FORMATS.values()
