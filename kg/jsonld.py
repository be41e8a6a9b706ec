"""JSON-LD export with an `@context` of kg's prefixes, so that keys read `kg:affiliatedWith`, not full IRIs.

pyoxigraph writes expanded JSON-LD only; rdflib's serialiser compacts against a context. Named
graphs are kept (`@graph` per article), so the export is a full dataset and imports back unchanged.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO

from pyoxigraph import Quad, RdfFormat, serialize

from .namespaces import PREFIXES


def jsonld_bytes(quads: Iterable[Quad]) -> bytes:
    import rdflib

    dataset = rdflib.Dataset()
    dataset.parse(data=serialize(quads, format=RdfFormat.N_QUADS), format="nquads")
    text = dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    return text.encode("utf-8")


def write_jsonld(quads: Iterable[Quad], output: str | os.PathLike | IO[bytes] | None) -> bytes | None:
    """Like pyoxigraph's `serialize`: the bytes when `output` is None, else written to a path or binary file."""
    data = jsonld_bytes(quads)
    if output is None:
        return data
    if isinstance(output, (str, os.PathLike)):
        with open(output, "wb") as f:
            f.write(data)
    else:
        output.write(data)
    return None
