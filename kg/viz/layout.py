"""Graph work done before the page opens: node importance, communities, positions, first view.

A browser running physics on thousands of nodes never settles and a laptop fan says so; above
`PRECOMPUTE_FROM` nodes the positions are computed here and the page draws them with physics off.
Full force-directed layout of 5,000 nodes in networkx takes half a minute, so the graph is cut
into blocks (connected components, the big ones split into Louvain communities); each block is
laid out on its own, and the blocks are placed by a layout of the block graph and pushed apart
until their discs no longer overlap.
"""
from __future__ import annotations

import math
from collections import Counter

import networkx as nx
import numpy as np

PRECOMPUTE_FROM = 150
BLOCK_MAX = 300
TINY = 3  # components this small are shelved in a grid rather than each placed like a block
SPACING = 45.0  # pixels per node, roughly: labels of neighbours should not sit on one another


def simple_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """One weighted link per pair of related nodes, whatever the direction or relation."""
    u = nx.Graph()
    u.add_nodes_from(g)
    for s, o in g.edges():
        if s != o:
            w = u[s][o]["weight"] + 1 if u.has_edge(s, o) else 1
            u.add_edge(s, o, weight=w)
    return u


def importance(u: nx.Graph, measure: str) -> dict[str, float]:
    """PageRank or degree centrality; the page sizes nodes by it and keeps the top ones first."""
    if u.number_of_nodes() == 0:
        return {}
    if measure == "pagerank":
        return nx.pagerank(u, weight="weight")
    if measure == "degree":
        return dict(nx.degree_centrality(u)) if u.number_of_nodes() > 1 else {n: 1.0 for n in u}
    raise ValueError(f"unknown size measure {measure!r}: pagerank or degree")


def communities(u: nx.Graph, seed: int = 7) -> dict[str, int]:
    """Louvain community of each node, numbered from the largest community down."""
    found = nx.community.louvain_communities(u, weight="weight", seed=seed) if u.number_of_nodes() else []
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {n: i for i, c in enumerate(ordered) for n in c}


def _blocks(u: nx.Graph, membership: dict[str, int] | None) -> tuple[list[list[str]], list[list[str]]]:
    """Blocks to lay out one by one, and the tiny components to shelve together in a grid."""
    blocks: list[list[str]] = []
    tiny: list[list[str]] = []
    for component in nx.connected_components(u):
        if len(component) <= TINY:
            tiny.append(sorted(component))
        elif len(component) <= BLOCK_MAX:
            blocks.append(sorted(component))
            continue
        if membership is not None:
            groups: dict[int, list[str]] = {}
            for n in component:
                groups.setdefault(membership[n], []).append(n)
            parts = list(groups.values())
        else:
            parts = nx.community.louvain_communities(u.subgraph(component), weight="weight", seed=7)
        blocks += [sorted(p) for p in parts]
    return blocks, sorted(tiny, key=lambda c: (-len(c), c))


def _shelf(u: nx.Graph, tiny: list[list[str]]) -> dict[str, np.ndarray]:
    """Tiny components in a square grid of cells, centred on 0, in pixels."""
    side = math.ceil(math.sqrt(len(tiny)))
    cell = SPACING * 2
    positions: dict[str, np.ndarray] = {}
    for k, component in enumerate(tiny):
        centre = np.array([(k % side - (side - 1) / 2) * cell, (k // side - (side - 1) / 2) * cell])
        for j, n in enumerate(component):
            angle = 2 * math.pi * j / len(component)
            offset = np.array([math.cos(angle), math.sin(angle)]) * (SPACING * 0.6 if len(component) > 1 else 0)
            positions[n] = centre + offset
    return positions


def _block_layout(u: nx.Graph, nodes: list[str], seed: int) -> dict[str, np.ndarray]:
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    sub = u.subgraph(nodes)
    # Dense Fruchterman-Reingold costs n² per round: big blocks get fewer rounds.
    rounds = 50 if len(nodes) < 60 else 30 if len(nodes) < 150 else 20
    pos = nx.spring_layout(sub, seed=seed, iterations=rounds)
    return {n: np.asarray(p, dtype=float) for n, p in pos.items()}


def _separate(centres: np.ndarray, radii: np.ndarray, rounds: int = 80) -> np.ndarray:
    """Push overlapping discs apart (all pairs at once, a few dozen rounds)."""
    c = centres.copy()
    for _ in range(rounds):
        diff = c[:, None, :] - c[None, :, :]
        dist = np.sqrt((diff ** 2).sum(-1)) + np.eye(len(c))
        overlap = radii[:, None] + radii[None, :] - dist
        np.fill_diagonal(overlap, 0)
        if overlap.max() <= 0:
            break
        push = np.where(overlap > 0, overlap / (2 * dist), 0.0)
        c += (diff * push[..., None]).sum(1) * 0.5
    return c


def precomputed_positions(u: nx.Graph, membership: dict[str, int] | None = None, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Fixed pixel positions for every node of a large graph."""
    blocks, tiny = _blocks(u, membership)
    if tiny:
        blocks.append([n for c in tiny for n in c])
    where = {n: i for i, b in enumerate(blocks) for n in b}
    links: Counter[tuple[int, int]] = Counter()
    for s, o in u.edges():
        a, b = where[s], where[o]
        if a != b:
            links[(min(a, b), max(a, b))] += 1
    radii = np.array([SPACING * math.sqrt(len(b)) * 0.9 + SPACING / 2 for b in blocks])
    if tiny:  # the shelf is a square grid: its disc is the circumscribed one
        radii[-1] = SPACING * 2 * math.ceil(math.sqrt(len(tiny))) / math.sqrt(2) + SPACING
    bg = nx.Graph()
    bg.add_nodes_from(range(len(blocks)))
    bg.add_weighted_edges_from((a, b, w) for (a, b), w in links.items())
    # Start the blocks on a sunflower spiral, largest in the middle, then let linked ones gather.
    order = sorted(range(len(blocks)), key=lambda i: -len(blocks[i]))
    area = math.sqrt(float((radii ** 2).sum()))
    start = {}
    for rank, i in enumerate(order):
        r, theta = math.sqrt(rank + 0.5) / math.sqrt(len(blocks)), rank * 2.39996
        start[i] = (r * math.cos(theta), r * math.sin(theta))
    if links:
        moved = nx.spring_layout(bg, pos=start, seed=seed, iterations=30, weight="weight")
        start = {i: tuple(p) for i, p in moved.items()}
    centres = np.array([start[i] for i in range(len(blocks))], dtype=float) * area * 1.2
    centres = _separate(centres, radii)
    positions: dict[str, tuple[float, float]] = {}
    for i, block in enumerate(blocks):
        if tiny and i == len(blocks) - 1:
            placed = {n: centres[i] + p for n, p in _shelf(u, tiny).items()}
        else:
            placed = {n: centres[i] + p * (radii[i] - SPACING / 2) for n, p in _block_layout(u, block, seed).items()}
        for n, (x, y) in placed.items():
            positions[n] = (round(float(x), 1), round(float(y), 1))
    return positions


def first_view(u: nx.Graph, rank: dict[str, float], limit: int, edge_limit: int | None = None) -> set[str] | None:
    """The nodes drawn when the page opens, or None for all of them.

    The largest components first and, within each, the most central nodes first, until `limit`
    nodes or `edge_limit` links among them (default twice `limit`): a browser without a GPU
    redraws some thousands of edges per frame at best, and a screen can show no more.
    """
    edge_limit = 2 * limit if edge_limit is None else edge_limit
    if limit <= 0 or (u.number_of_nodes() <= limit and u.number_of_edges() <= edge_limit):
        return None
    chosen: set[str] = set()
    links = 0
    for component in sorted(nx.connected_components(u), key=lambda c: (-len(c), min(c))):
        for n in sorted(component, key=lambda n: (-rank.get(n, 0.0), n)):
            added = sum(1 for m in u[n] if m in chosen)
            if len(chosen) >= limit or links + added > edge_limit:
                return chosen
            chosen.add(n)
            links += added
    return chosen
