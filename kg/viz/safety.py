"""Article text is untrusted: this module is the only way it reaches the page.

Three places could turn text into markup or code. Tooltips: pyvis-style pages (ours too) put
the tooltip into the DOM with innerHTML so that it can hold formatting, so every string is
HTML-escaped here before it joins our own tags. Links: only http(s) URLs become links
(`safe_url`). Data in <script>: a name holding `</script>` or `<!--` would end or derail the
script element, so JSON embedded in the page has those written with escapes that JavaScript
reads back as the same characters.
"""
from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlsplit

# The HTML parser ends a script at "</script" and changes state at "<!--"; with every "</" written
# as "<\\/" (JSON's escaped slash) and "<!--" as "\\u003c!--", neither can occur. Our own markup
# inside tooltips keeps its "<", so the page stays small.
_SCRIPT_ESCAPES = (("</", "<\\/"), ("<!--", "\\u003c!--"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def text(value: object) -> str:
    """Any value as HTML text: `<img onerror=...>` shows as those characters."""
    return html.escape(str(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if a click on it can only navigate to a web page (http, https), else None.

    A `javascript:` or `data:` link from an article would run in the page's origin.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (and still the same data once parsed)."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES:  # str.replace runs in C; translate() is ten times slower on megabytes
        encoded = encoded.replace(char, escape)
    return encoded
