"""`kg serve` keeps answering while `kg build` writes into the same store, and sees what it committed."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import httpx

from conftest import ROOT, SAMPLES, run_kg
from liveserver import kg_server

COUNT = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"
ARTICLE = {
    "id": "test-live-article",
    "lang": "en",
    "title": "Harbour council meets in Port Velmora",
    "published": "2031-03-14",
    "text": "Harbour council meets in Port Velmora\n\nThe Inter-American Development Bank approved a loan "
            "for Chile on Tuesday. Marisol Quenby, president of the Velmora Harbour Council, "
            "welcomed the decision.",
}


def articles(client: httpx.Client, url: str) -> int:
    r = client.get(url, params={"query": COUNT})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_queries_are_served_during_a_build_and_see_its_result(tmp_path):
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir()
    rest.mkdir()
    samples = sorted(SAMPLES.iterdir())
    shutil.copy(samples[0], first)
    for path in samples[1:]:
        shutil.copy(path, rest)
    (rest / "live.json").write_text(json.dumps(ARTICLE), encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", first, "--store", store, "--quiet")

    with kg_server(store) as url, httpx.Client(timeout=30) as client:
        assert articles(client, url) == 1
        build = subprocess.Popen([sys.executable, "-m", "kg", "build", rest, "--store", store, "--quiet"],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = []
        try:
            while build.poll() is None:
                seen.append(articles(client, url))
                time.sleep(0.05)
        finally:
            out, err = build.communicate(timeout=300)
        assert build.returncode == 0, err
        assert seen and seen == sorted(seen)  # never goes back to an older state
        assert articles(client, url) == len(samples) + 1  # the next query sees the finished build
        r = client.get(url, params={"query": 'ASK { ?p a kg:Person ; rdfs:label "Marisol Quenby" }'})
        assert r.json()["boolean"] is True

        run_kg("remove", ARTICLE["id"], "--store", store)
        assert articles(client, url) == len(samples)
