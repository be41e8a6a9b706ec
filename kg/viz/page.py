"""The graph as one self-contained HTML page, rendered by pyvis with our own template.

pyvis's own templates fetch Bootstrap (and in some modes vis-network itself) from CDNs; an analyst
offline would get a blank page, and any request would leak what they are reading. Our template
inlines the vis-network script and styles that ship inside the pyvis package and loads nothing
else; a Content-Security-Policy forbids any fetch should something try. pyvis's global `network`
(and `nodes`, `edges`) stay on the page for tests and users' own scripts.
"""
from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from . import DEFAULT_MAX_NODES, layout
from .safety import script_json
from .style import CLASS_STYLES, COMMUNITY_COLOURS, class_style, relation_words
from .tooltips import ArticleTable, edge_tooltip, node_tooltip

TEMPLATES = Path(__file__).with_name("templates")
VIS_VERSION = "vis-9.1.2"


@dataclass
class ViewOptions:
    title: str = "kg — news network"
    size_by: str = "pagerank"          # or "degree"
    communities: bool = False
    max_nodes: int = DEFAULT_MAX_NODES  # above this the page opens on a part of the graph (0: never)
    notes: list[str] = field(default_factory=list)  # what the reader is looking at (ego network, query...)


@dataclass
class PageReport:
    nodes: int
    edges: int
    shown: int
    bytes: int
    seconds: float
    precomputed: bool


def _vis_asset(name: str) -> Markup:
    """vis-network's file as shipped by pyvis, fit to sit inside a <script> or <style> element."""
    source = files("pyvis").joinpath("templates", "lib", VIS_VERSION, name).read_text(encoding="utf-8")
    # Only a closing tag could end the element early; rewriting "</" in general would break regexes.
    if re.search(r"</(script|style)", source, re.IGNORECASE):
        raise ValueError(f"pyvis's {name} holds a closing script/style tag; it cannot be inlined as it is")
    return Markup(source)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    env.filters["script_json"] = lambda value: Markup(script_json(value))
    return env


def _sizes(rank: dict[str, float]) -> dict[str, float]:
    if not rank:
        return {}
    top = max(rank.values()) or 1.0
    return {n: round(8 + 30 * math.sqrt(v / top), 1) for n, v in rank.items()}


def _country_names(g: nx.MultiDiGraph, countries: set[str]) -> list[str]:
    return sorted(g.nodes[c]["label"] if c in g else c.rsplit("/", 1)[-1] for c in countries)


def vis_options(precomputed: bool, large: bool) -> dict[str, Any]:
    edges: dict[str, Any] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"inherit": False, "color": "#9aa5b1", "highlight": "#333", "hover": "#333"},
        "font": {"size": 12, "color": "#444", "strokeWidth": 3, "align": "middle"}, "width": 1.2,
        "smooth": False if large else {"type": "dynamic"}}
    options: dict[str, Any] = {
        "nodes": {"font": {"size": 14, "strokeWidth": 3}, "borderWidth": 1.5},
        "edges": edges,
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": False},
    }
    if precomputed:
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
    else:
        options["physics"] = {"enabled": True, "solver": "forceAtlas2Based",
                              # Compact enough that the fitted view keeps labels readable.
                              "forceAtlas2Based": {"gravitationalConstant": -55, "springLength": 95,
                                                   "centralGravity": 0.015, "avoidOverlap": 0.6},
                              "stabilization": {"enabled": True, "iterations": 300}}
    return options


def build_network(g: nx.MultiDiGraph, opts: ViewOptions) -> tuple[Network, dict[str, Any]]:
    """A pyvis Network holding the page's nodes and edges, and what else the template needs.

    Node ids on the page are numbers (the IRI is the node's `iri`): at 15,000 edges, IRIs in
    every edge's from/to would cost megabytes.
    """
    u = layout.simple_undirected(g)
    rank = layout.importance(u, opts.size_by)
    sizes = _sizes(rank)
    membership = layout.communities(u) if opts.communities else None
    precomputed = g.number_of_nodes() > layout.PRECOMPUTE_FROM
    positions = layout.precomputed_positions(u, membership) if precomputed else {}
    shown = layout.first_view(u, rank, opts.max_nodes)
    table = ArticleTable(g.graph.get("articles", {}))
    focus = set(g.graph.get("focus", ()))
    number = {n: i for i, n in enumerate(g.nodes)}

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=opts.title)
    # Filled directly rather than by add_node/add_edge, whose list lookups are quadratic at 5,000 nodes.
    for n, attrs in g.nodes(data=True):
        style = class_style(attrs["cls"])
        community = membership.get(n) if membership is not None else None
        colour: Any = style.colour
        if community is not None:
            colour = {"background": COMMUNITY_COLOURS[community % len(COMMUNITY_COLOURS)], "border": style.colour}
        countries = _country_names(g, attrs["countries"])
        node: dict[str, Any] = {
            "id": number[n], "iri": n, "label": attrs["label"], "shape": style.shape, "color": colour,
            "size": sizes.get(n, 10), "title": node_tooltip(attrs, countries, table, community),
            "cls": attrs["cls"], "names": sorted(attrs["names"]), "countries": countries,
            "dates": attrs.get("dates", []), "view": shown is None or n in shown,
        }
        if community is not None:
            node["community"] = community
        if n in positions:
            node["x"], node["y"] = positions[n]
        if not node["view"]:
            node["hidden"] = True
        if n in focus:
            node["borderWidth"] = 4
        net.nodes.append(node)
    net.node_ids = list(number.values())
    net.node_map = {node["id"]: node for node in net.nodes}
    for s, o, attrs in g.edges(data=True):
        words, reverse = relation_words(attrs["prop"])
        tail, head = (o, s) if reverse else (s, o)
        edge: dict[str, Any] = {
            "from": number[tail], "to": number[head], "label": words, "prop": attrs["prop"],
            "title": edge_tooltip(g.nodes[tail]["label"], g.nodes[head]["label"], attrs, table),
            "dates": attrs.get("dates", []),
        }
        net.edges.append(edge)
    net.options = vis_options(precomputed, g.number_of_edges() > 2000)
    context = _page_context(g, opts, membership, shown, precomputed)
    context["articles"] = table.rows
    return net, context


def _page_context(g: nx.MultiDiGraph, opts: ViewOptions, membership: dict[str, int] | None,
                  shown: set[str] | None, precomputed: bool) -> dict[str, Any]:
    class_counts: dict[str, int] = {}
    for _, attrs in g.nodes(data=True):
        class_counts[attrs["cls"]] = class_counts.get(attrs["cls"], 0) + 1
    legend = [{"cls": cls, "plural": style.plural, "colour": style.colour, "shape": style.shape, "count": class_counts[cls]}
              for cls, style in CLASS_STYLES.items() if cls in class_counts]
    countries: dict[str, int] = {}
    for _, attrs in g.nodes(data=True):
        for name in _country_names(g, attrs["countries"]):
            countries[name] = countries.get(name, 0) + 1
    dates = sorted({d for _, a in g.nodes(data=True) for d in a.get("dates", [])})
    notice = None
    if shown is not None:
        notice = (f"Large graph: the view opens on {len(shown):,} of {g.number_of_nodes():,} entities, "
                  "the largest connected groups and their most central entities. "
                  "Search finds any entity; “Show all” draws every one.")
    return {
        "page_title": opts.title, "notes": opts.notes, "legend": legend, "countries": sorted(countries.items()),
        "date_min": dates[0] if dates else "", "date_max": dates[-1] if dates else "",
        "notice": notice, "n_shown": g.number_of_nodes() if shown is None else len(shown), "n_nodes": g.number_of_nodes(), "n_edges": g.number_of_edges(),
        "n_articles": len(g.graph.get("articles", {})), "precomputed": precomputed,
        "communities": len(set(membership.values())) if membership else 0,
        "size_by": "PageRank" if opts.size_by == "pagerank" else "number of relations",
        "vis_js": _vis_asset("vis-network.min.js"), "vis_css": _vis_asset("vis-network.css"),
        "view_js": Markup((TEMPLATES / "view.js").read_text(encoding="utf-8")),
        "view_css": Markup((TEMPLATES / "view.css").read_text(encoding="utf-8")),
    }


def _render(g: nx.MultiDiGraph, opts: ViewOptions) -> tuple[str, dict[str, Any]]:
    net, context = build_network(g, opts)
    net.template = _environment().get_template("page.html", globals={**context, "vis_options": net.options})
    # notebook=True makes pyvis render net.template (ours) instead of loading its own template.html.
    return net.generate_html(notebook=True), context


def render_page(g: nx.MultiDiGraph, opts: ViewOptions | None = None) -> str:
    """The page's HTML."""
    return _render(g, opts or ViewOptions())[0]


def write_page(g: nx.MultiDiGraph, output: str | Path, opts: ViewOptions | None = None) -> PageReport:
    """Write the page to `output` (whole or not at all) and say what is in it."""
    started = time.perf_counter()
    opts = opts or ViewOptions()
    html, context = _render(g, opts)
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    return PageReport(nodes=g.number_of_nodes(), edges=g.number_of_edges(), shown=context["n_shown"],
                      bytes=len(html.encode("utf-8")), seconds=time.perf_counter() - started,
                      precomputed=context["precomputed"])
