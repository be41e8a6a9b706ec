"""What a reader sees on hovering: a node's names, class, countries and articles; an edge's
sentences and the articles they come from.

Tooltips are HTML built here with every string escaped by `kg.viz.safety.text`. An article is
cited by many nodes and edges, so a tooltip holds only a slot `<span data-article="N">` that the
page fills from one table of articles with DOM calls (textContent, a checked href): the page
stays small at 15,000 relations and no article string is ever parsed as HTML.
"""
from __future__ import annotations

from typing import Any

from .safety import safe_url, text
from .style import relation_words

MAX_ARTICLES = 8
MAX_SENTENCES = 4
MAX_SENTENCE_CHARS = 400


class ArticleTable:
    """Numbers the articles that tooltips cite; `rows` goes to the page as [title, url, published]."""

    def __init__(self, articles: dict[str, dict[str, Any]]):
        self.articles = articles
        self.index: dict[str, int] = {}
        self.rows: list[list[str | None]] = []

    def slot(self, iri: str) -> str:
        if iri not in self.index:
            info = self.articles.get(iri) or {}
            self.index[iri] = len(self.rows)
            self.rows.append([info.get("title") or iri.rsplit("/", 1)[-1], safe_url(info.get("url")), info.get("published")])
        return f'<span data-article="{self.index[iri]}"></span>'

    def published(self, iri: str) -> str:
        return (self.articles.get(iri) or {}).get("published") or ""


def node_tooltip(attrs: dict[str, Any], country_names: list[str], table: ArticleTable, community: int | None = None) -> str:
    meta = text(attrs["cls"])
    if country_names:
        meta += " · " + text(", ".join(country_names))
    if community is not None:
        meta += f" · community {community + 1}"
    parts = [f"<b>{text(attrs['label'])}</b><br><small>{meta}</small>"]
    others = sorted(n for n in attrs["names"] if n != attrs["label"])
    if others:
        parts.append(f"<div>Also called: {text('; '.join(others))}</div>")
    if attrs.get("start"):
        parts.append(f"<div>Starts: {text(attrs['start'])}</div>")
    for prop, value in attrs.get("facts", [])[:6]:
        parts.append(f"<div>{text(prop)}: {text(value)}</div>")
    mentioned = attrs["articles"]
    if mentioned:
        # Newest first: an analyst looks for what is recent.
        ordered = sorted(mentioned, key=lambda a: (table.published(a), a), reverse=True)
        items = "".join(f"<li>{table.slot(a)}</li>" for a in ordered[:MAX_ARTICLES])
        if len(ordered) > MAX_ARTICLES:
            items += f"<li>… and {len(ordered) - MAX_ARTICLES} more</li>"
        parts.append(f"<div>Mentioned in {len(ordered)} article{'s' if len(ordered) != 1 else ''}:</div><ul>{items}</ul>")
    return "".join(parts)


def edge_tooltip(subject: str, obj: str, attrs: dict[str, Any], table: ArticleTable) -> str:
    """`subject` and `obj` are the labels in reading order (already swapped for reversed relations)."""
    words, _ = relation_words(attrs["prop"])
    parts = [f"<b>{text(subject)}</b> <i>{text(words)}</i> <b>{text(obj)}</b>"]
    details = []
    if attrs.get("role"):
        details.append(f"as {text(attrs['role'])}")
    if attrs.get("amount"):
        details.append(f"amount: {text(attrs['amount'])} {text(attrs.get('currency') or '')}".rstrip())
    details += [f"{text(name)}: {text(value)}" for name, value in attrs.get("facts", [])]
    if details:
        parts.append(f"<br><small>{'; '.join(details)}</small>")
    evidence = attrs.get("evidence") or []
    for e in evidence[:MAX_SENTENCES]:
        sentence = e.get("text") or ""
        if len(sentence) > MAX_SENTENCE_CHARS:
            sentence = sentence[:MAX_SENTENCE_CHARS] + "…"
        if sentence:
            parts.append(f"<blockquote>{text(sentence)}</blockquote>")
        if e.get("article"):
            parts.append(f"<div>— {table.slot(e['article'])}</div>")
    if len(evidence) > MAX_SENTENCES:
        parts.append(f"<div>… stated in {len(evidence) - MAX_SENTENCES} more sentences</div>")
    return "".join(parts)
