"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store on disk.

    GET/POST /sparql   queries (form, application/sparql-query, or ?query=); no query: service description
    GET /              a page with a query box and the example queries, working offline

Queries run in worker processes (`kg.querypool`) so that the time limit really stops them; the
HTTP side is starlette on uvicorn. Updates, LOAD and SERVICE are refused with 403 before any
worker sees them.
"""
from __future__ import annotations

import asyncio
import html
import re
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, serialize
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .namespaces import RDF_TYPE
from .query_guard import too_complex
from .querypool import Job, QueryPool
from .sparql_results import GRAPH_TYPES, Reply, choose, error_reply, not_acceptable, preferences

STATIC = Path(__file__).parent / "static"
EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "queries"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"

#: Security headers on every page: nothing is loaded from elsewhere, nothing frames us.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass
class Limits:
    timeout: float = 30.0
    max_rows: int = 100_000
    max_body: int = 1_000_000
    workers: int = 2


# ---------------------------------------------------------------- what a read-only endpoint refuses

_LEXEMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''  # long strings
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''                          # strings
    r'|<[^<>"{}|^`\\\s]*>'                                                  # IRIs
    r'|#[^\n]*',                                                             # comments
    re.S,
)
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<>|BASE\s*<>)\s*)*", re.I)
_UPDATE = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)


def refusal(query: str) -> str | None:
    """Why a read-only endpoint refuses this text (an update, LOAD, SERVICE), or None."""
    # Strings, IRIs and comments are blanked first so that a label containing "DELETE" or an IRI
    # ending in /service never counts as a keyword.
    bare = _LEXEMES.sub(lambda m: '""' if m.group(0)[0] in "\"'" else ("<>" if m.group(0)[0] == "<" else " "), query)
    if _UPDATE.match(bare, _PROLOGUE.match(bare).end()):
        return "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP...) is not allowed"
    if _SERVICE.search(bare):
        return "SERVICE (federated query) is not allowed: this endpoint does not reach other servers"
    return None


# ---------------------------------------------------------------- the endpoint

class Endpoint:
    def __init__(self, store: Path, limits: Limits, examples: Path = EXAMPLES):
        self.store = Path(store)
        self.limits = limits
        self.examples = examples
        self.pool = QueryPool(self.store, limits.workers, limits.timeout, limits.max_rows)

    async def sparql(self, request: Request) -> Response:
        params = request.query_params
        form: dict[str, list[str]] = {}
        query: str | None = None
        if request.method == "POST":
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await _read_body(request, self.limits.max_body)
            if body is None:
                return _send(error_reply(413, f"request body over {self.limits.max_body} bytes "
                                              "(the server's --max-body)"))
            if media == "application/sparql-update":
                return _send(error_reply(403, "this endpoint is read-only: SPARQL Update is not allowed"))
            if media == "application/sparql-query":
                query = body.decode("utf-8", errors="replace")
            elif media == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            else:
                return _send(error_reply(415, "send the query as application/sparql-query or as a "
                                              "application/x-www-form-urlencoded form with a `query` field"))
        if "update" in form or "update" in params:
            return _send(error_reply(403, "this endpoint is read-only: SPARQL Update is not allowed"))
        queries = form.get("query", []) + params.getlist("query") if query is None else [query]
        if not queries:
            return self.service_description(request)
        if len(queries) > 1:
            return _send(error_reply(400, "give exactly one `query` parameter"))
        query = queries[0]
        if len(query.encode("utf-8")) > self.limits.max_body:
            return _send(error_reply(413, f"query over {self.limits.max_body} bytes (the server's --max-body)"))
        reason = refusal(query)
        if reason:
            return _send(error_reply(403, reason))
        reason = too_complex(query)
        if reason:  # such a query would crash the query worker (stack overflow in the engine)
            return _send(error_reply(400, reason))
        fmt = (form.get("format") or form.get("output") or [params.get("format") or params.get("output")])[0]
        job = Job(query, preferences(request.headers.get("accept"), fmt),
                  form.get("default-graph-uri", []) + params.getlist("default-graph-uri"),
                  form.get("named-graph-uri", []) + params.getlist("named-graph-uri"))
        return _send(await self._run_while_connected(request, job))

    async def _run_while_connected(self, request: Request, job: Job) -> Reply:
        """Run the query, stopping it (and freeing its worker) if the client hangs up."""
        task = asyncio.ensure_future(self.pool.run(job))
        while True:
            done, _ = await asyncio.wait({task}, timeout=0.2)
            if done:
                return task.result()
            if await request.is_disconnected():
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
                return error_reply(499, "client closed the connection")

    def service_description(self, request: Request) -> Response:
        """SPARQL 1.1 Service Description of this endpoint, as Turtle, N-Triples, JSON-LD or RDF/XML."""
        wanted = preferences(request.headers.get("accept"), None)
        media = choose(wanted, GRAPH_TYPES, "text/turtle", graph=True)
        if media is None:
            return _send(not_acceptable(GRAPH_TYPES))
        service = BlankNode()
        dataset, default_graph = BlankNode(), BlankNode()

        def sd(local: str) -> NamedNode:
            return NamedNode(SD + local)

        quads = [
            Quad(service, RDF_TYPE, sd("Service")),
            Quad(service, sd("endpoint"), NamedNode(str(request.url.replace(query="")))),
            Quad(service, sd("supportedLanguage"), sd("SPARQL11Query")),
            Quad(service, sd("feature"), sd("UnionDefaultGraph")),
            Quad(service, sd("defaultDataset"), dataset),
            Quad(dataset, RDF_TYPE, sd("Dataset")),
            Quad(dataset, sd("defaultGraph"), default_graph),
            Quad(default_graph, RDF_TYPE, sd("Graph")),
            Quad(service, NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
                 Literal("kg news knowledge graph, read-only; the default graph is the union of all article graphs")),
        ]
        for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                     "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
            quads.append(Quad(service, sd("resultFormat"), NamedNode(FORMATS + name)))
        body = serialize([q.triple for q in quads], format=GRAPH_TYPES[media],
                         prefixes={"sd": SD} if GRAPH_TYPES[media] == RdfFormat.TURTLE else None)
        return _send(Reply(200, media if "json" in media or "xml" in media else media + "; charset=utf-8", body))

    async def page(self, request: Request) -> Response:
        template = (STATIC / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(template.replace("<!--EXAMPLES-->", self.example_buttons()), headers=PAGE_HEADERS)

    def example_buttons(self) -> str:
        """One button per `.rq` file: its first comment line as the label, the query in a data attribute."""
        buttons = []
        for path in sorted(self.examples.glob("*.rq")) if self.examples.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            first = text.lstrip().splitlines()[0] if text.strip() else ""
            title = first.lstrip("# ").strip() if first.startswith("#") else path.stem
            buttons.append(f'<button type="button" class="example" title="{html.escape(title)}" '
                           f'data-query="{html.escape(text)}">{html.escape(path.stem)}</button>')
        return "\n".join(buttons) or "<p>No example queries found.</p>"


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The request body, or None as soon as it passes `limit` bytes (nothing more is read)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _send(reply: Reply) -> Response:
    headers = {"Vary": "Accept", **reply.headers}
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)


def create_app(store: Path, limits: Limits | None = None, examples: Path = EXAMPLES) -> Starlette:
    """The ASGI application serving `store`."""
    endpoint = Endpoint(store, limits or Limits(), examples)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        endpoint.pool.start()
        try:
            yield
        finally:
            endpoint.pool.close()

    routes = [
        Route("/", endpoint.page, methods=["GET"]),
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def serve(store: Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None) -> None:
    """Serve until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store, limits), host=host, port=port, log_level="warning",
                limit_concurrency=256, timeout_keep_alive=5)

