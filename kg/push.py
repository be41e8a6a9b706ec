"""`kg push`: copy the store's graphs to a shared triple store with the SPARQL 1.1 Graph Store Protocol.

One HTTP PUT per article graph (`?graph=<article IRI>`), which replaces that graph on the server:
pushing again sends the same graphs and leaves the server as it was, and an article rebuilt
locally replaces its old version remotely. The local default graph is kg's union of the article
graphs (kg/union.py) and is not sent; only triples there that no article states (from `kg import`
of a plain Turtle file) go with `?default`.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, serialize

from .graph import KnowledgeGraph
from .union import plain_triples

#: N-Triples: every Graph Store Protocol server reads it, and it streams with no prefix handling.
MEDIA_TYPE = "application/n-triples"


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.graphs} graphs pushed ({self.triples} triples), {self.failed} failed, "
                f"{self.seconds:.1f} s")


def push(
    graph: KnowledgeGraph,
    endpoint: str,
    *,
    auth: tuple[str, str] | None = None,
    timeout: float = 60.0,
    only: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> PushReport:
    """PUT each graph of the store to `endpoint` (a Graph Store Protocol URL); failures are reported, not raised."""
    report = PushReport()
    started = time.perf_counter()
    targets: list[NamedNode | DefaultGraph] = sorted(graph.store.named_graphs(), key=lambda g: g.value)
    if only is not None:
        wanted = set(only)
        targets = [g for g in targets if g.value in wanted]
    else:
        plain = plain_triples(graph.store)
        if plain:
            targets.append(DefaultGraph())
    with httpx.Client(auth=auth, timeout=timeout, follow_redirects=True) as client:
        for target in targets:
            if isinstance(target, DefaultGraph):
                triples = plain
            else:
                triples = [q.triple for q in graph.store.quads_for_pattern(None, None, None, target)]
            body = serialize(triples, format=RdfFormat.N_TRIPLES)
            params = {"default": ""} if isinstance(target, DefaultGraph) else {"graph": target.value}
            name = "the default graph" if isinstance(target, DefaultGraph) else f"<{target.value}>"
            try:
                response = _put_with_retry(client, endpoint, params, body)
            except httpx.ConnectError as e:
                # Nothing will get through to a server that cannot be reached: stop here.
                report.failed += len(targets) - report.graphs - report.failed
                report.errors.append(f"cannot reach {endpoint}: {e}")
                break
            except httpx.HTTPError as e:
                report.failed += 1
                report.errors.append(f"{name}: {type(e).__name__}: {e}")
            else:
                if response.is_success:
                    report.graphs += 1
                    report.triples += len(triples)
                else:
                    report.failed += 1
                    report.errors.append(f"{name}: HTTP {response.status_code}: {response.text.strip()[:300]}")
            if progress:
                progress(1)
    report.seconds = time.perf_counter() - started
    return report


def _put_with_retry(client: httpx.Client, endpoint: str, params: dict[str, str], body: bytes) -> httpx.Response:
    # A PUT replaces the graph, so repeating one after a dropped connection is safe.
    for attempt in range(3):
        try:
            response = client.put(endpoint, params=params, content=body, headers={"Content-Type": MEDIA_TYPE})
        except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError):
            if attempt == 2:
                raise
            time.sleep(0.5 * (attempt + 1))
            continue
        if response.status_code not in (502, 503, 504) or attempt == 2:
            return response
        time.sleep(0.5 * (attempt + 1))
    raise AssertionError("unreachable")
