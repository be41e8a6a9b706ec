"""Refusing SPARQL big enough in structure to overflow the query engine's stack.

Oxigraph parses and evaluates recursively: a query nested a few thousand levels deep, or a flat
chain of a few thousand UNIONs, MINUSes, BINDs or `+`/`&&` operators (which become a tree as deep
as the chain is long), exhausts the native stack and kills the process outright, with no Python
exception to catch. Measured with an 8 MB stack, pyoxigraph 0.5: nesting 5,000 deep, 3,000
MINUS, 5,000 BIND, 10,000 `+` crash; half of each does not. Hand-written queries use a few dozen
of each, so the limits below leave a wide margin on both sides.

The count is deliberately blunt: it does not skip strings, IRIs or comments, because telling them
apart needs a real lexer (`<` is also a comparison, `#` also a fragment) and a guard that skips
the wrong span can be walked around. Counting everything can only refuse more, never less.
"""
from __future__ import annotations

MAX_DEPTH = 100
MAX_GROUPS = 2_000
MAX_OPERATORS = 4_000

_OPEN, _CLOSE = "{([", "})]"
_OPERATORS = "!+-*/&|=<>.,;^"


def too_complex(query: str) -> str | None:
    """Why `query` is refused (too deep, or too long a chain to evaluate safely), or None."""
    groups = sum(query.count(c) for c in _OPEN)
    if groups > MAX_GROUPS:
        return f"query has {groups} brackets; at most {MAX_GROUPS} are allowed"
    operators = sum(query.count(c) for c in _OPERATORS)
    if operators > MAX_OPERATORS:
        return f"query has {operators} operators and separators; at most {MAX_OPERATORS} are allowed"
    if groups > MAX_DEPTH:  # else it cannot nest deeper than that
        depth = deepest = 0
        for char in query:
            if char in _OPEN:
                depth += 1
                deepest = max(deepest, depth)
            elif char in _CLOSE:
                depth = max(depth - 1, 0)
        if deepest > MAX_DEPTH:
            return f"query nested {deepest} levels deep; at most {MAX_DEPTH} are allowed"
    return None
