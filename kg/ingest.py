"""Reading articles from files: .txt, .md, .html, .json, .jsonl and folders of them.

`read_articles` streams: it yields one `Article` at a time, or an `InputError` for what could
not be read, so that a batch of any size is never held in memory and the caller decides
whether a bad file stops the batch (`--on-error fail`) or is skipped with a message.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .article import SUPPORTED_LANGS, Article
from .langid import detect_language

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}

#: Longer texts are cut at a paragraph break, with a warning. A press release is 2,000-20,000
#: characters; past this size a "text" is a dump rather than an article, and extraction time
#: grows faster than the text, so the cap is what keeps one bad file from stalling a batch.
MAX_TEXT_CHARS = 100_000
#: HTML is cut before parsing too (markup runs 5-20 times the size of the text it holds).
MAX_HTML_CHARS = 20 * MAX_TEXT_CHARS

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

#: Magic numbers of binary files people drop into article folders by mistake.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\x1f\x8b": "a gzip archive",
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


@dataclass
class InputError:
    """Something that could not be read: where, and what the user can do about it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Every article under `paths` (files or folders, recursively), in a stable order."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield InputError(str(path), "no such file or folder; check the path")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(str(path), f"folder holds no article files ({', '.join(sorted(SUFFIXES))})")
            for f in files:
                yield from _read_file(f)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}; check that it exists and is readable")
        return
    text = _decode(path, data)
    if isinstance(text, InputError):
        yield text
        return
    text, warning = text
    if suffix in (".html", ".htm") and len(text) > MAX_HTML_CHARS:
        text = text[:MAX_HTML_CHARS]
        warning = "; ".join(filter(None, [warning, f"{path}: HTML page is over {MAX_HTML_CHARS:,} characters; "
                                                   "only its beginning was read"]))
    if not text.strip():
        yield InputError(str(path), _EMPTY_FILE)
        return
    if suffix == ".json":
        yield from _read_json(path, text, warning)
    elif suffix in (".html", ".htm"):
        yield _finish(_from_html(path, text), warning)
    elif suffix in (".md", ".markdown"):
        yield _finish(_from_markdown(path, text), warning)
    else:
        yield _finish(_from_text(path, text), warning)


def _decode(path: Path, data: bytes) -> tuple[str, str | None] | InputError:
    """UTF-8 (with or without BOM); Latin-1 text is read with a warning; binaries are refused."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return InputError(str(path), f"is {kind}, not text; remove it from the input")
    if b"\x00" in data[:4096]:
        return InputError(str(path), "is a binary file (NUL bytes), not text; remove it from the input")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        warning = f"{path}: not valid UTF-8 at byte {e.start}; read as Latin-1 (save it as UTF-8 to silence this)"
        return data.decode("cp1252", errors="replace"), warning


_EMPTY_FILE = "file is empty; add the article's text or remove the file"


def _finish(item: Article | InputError, warning: str | None) -> Article | InputError:
    if warning and isinstance(item, Article):
        item.warnings.append(warning)
    return item


def _from_text(path: Path, text: str) -> Article | InputError:
    title, _, body = text.strip().partition("\n")
    return _make(str(path), {"id": path.stem, "title": title.strip(), "text": body.strip() or title})


def _from_markdown(path: Path, text: str) -> Article | InputError:
    lines = text.strip().splitlines()
    title = next((re.sub(r"^#+\s*", "", l).strip() for l in lines if l.strip()), "")
    body = "\n".join(lines[1:]) if lines and lines[0].lstrip().startswith("#") else text
    # Markdown syntax is not part of what the article says: drop emphasis, links' targets, headings' hashes.
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"^#+\s*", "", body, flags=re.M)
    body = re.sub(r"[*_`]{1,3}", "", body)
    return _make(str(path), {"id": path.stem, "title": title, "text": body.strip() or title})


def _from_html(path: Path, html: str) -> Article | InputError:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as e:  # a parser's failure on one hostile page must not stop the batch
        return InputError(str(path), f"HTML page could not be parsed ({type(e).__name__}); save its text as .txt")
    if extracted is None or not (extracted.text or "").strip():
        return InputError(str(path), "HTML page has no readable article text (all script or markup?); "
                                     "save the article's text as .txt instead")
    record = {
        "id": path.stem,
        "title": extracted.title or "",
        "text": extracted.text,
        "url": extracted.url,
        "published": extracted.date,
    }
    return _make(str(path), record)


def _read_json(path: Path, text: str, warning: str | None) -> Iterator[Article | InputError]:
    data = _parse_json(str(path), text, "fix the file (a JSON validator shows where) or remove it", whole_file=True)
    if isinstance(data, InputError):
        yield data
        return
    if isinstance(data, dict):
        yield _finish(_make(str(path), data, default_id=path.stem), warning)
    elif isinstance(data, list):
        for i, record in enumerate(data):
            yield _finish(_make(f"{path}[{i}]", record, default_id=f"{path.stem}-{i}"), warning)
    else:
        yield InputError(str(path), "JSON must be an article object or a list of them")


def _read_jsonl(path: Path) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")
        return
    with handle:
        head = handle.read(8)
        if isinstance(_decode(path, head), InputError):
            yield _decode(path, head)  # type: ignore[misc]
            return
        handle.seek(0)
        seen_any = False
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            seen_any = True
            source = f"{path}:{lineno}"
            decoded = _decode(Path(source), raw)
            if isinstance(decoded, InputError):
                yield decoded
                continue
            line, warning = decoded
            record = _parse_json(source, line, "fix or remove the line")
            if isinstance(record, InputError):
                yield record
                continue
            yield _finish(_make(source, record, default_id=f"{path.stem}-{lineno}"), warning)
        if not seen_any:
            yield InputError(str(path), _EMPTY_FILE)


def _parse_json(source: str, text: str, advice: str, whole_file: bool = False) -> object | InputError:
    """The parsed JSON, or an error naming where it breaks (a JSONL `source` already names its line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        if whole_file:
            return InputError(f"{source}:{e.lineno}", f"malformed JSON at line {e.lineno} column {e.colno}: "
                                                      f"{e.msg}; {advice}")
        return InputError(source, f"malformed JSON at column {e.colno}: {e.msg}; {advice}")
    except RecursionError:
        return InputError(source, f"JSON nested too deeply to be an article; {advice}")
    except ValueError as e:  # e.g. an integer of thousands of digits
        return InputError(source, f"JSON value cannot be read ({e}); {advice}")


def _make(source: str, record: object, default_id: str | None = None) -> Article | InputError:
    """An Article from a record's fields (id, url, title, published, lang, text); others are ignored."""
    if not isinstance(record, dict):
        return InputError(source, "an article must be a JSON object with a 'text' field")
    text = record.get("text")
    if text is None:
        return InputError(source, "article has no 'text' field; put the article's body in 'text'")
    if not isinstance(text, str):
        return InputError(source, f"'text' must be a string, not {type(text).__name__}; "
                                  "put the article's body in 'text' as one string")
    warnings: list[str] = []
    text = _clean(text, source, "text", warnings)
    if not text.strip():
        return InputError(source, "article text is empty; give it some text or remove it")
    text = _cap(text, source, warnings)
    title = _clean(_as_str(record.get("title")), source, "title", warnings)[:1000]
    url = _clean(_as_str(record.get("url")), source, "url", warnings) or None
    article_id = _clean(_as_str(record.get("id")), source, "id", warnings) or url or default_id or source
    published = _parse_date(record.get("published"))
    if record.get("published") and published is None:
        warnings.append(f"{source}: published date {record.get('published')!r} is not an ISO date; ignored")
    lang = _clean(_as_str(record.get("lang")), source, "lang", warnings).lower()[:2] or None
    if lang is None:
        lang = detect_language(f"{title}\n{text}")
    if lang not in SUPPORTED_LANGS:
        warnings.append(
            f"{source}: language {lang!r} is not supported (pt, es, en); extracted with the English rules"
        )
    return Article(id=article_id, text=text, title=title, url=url, published=published, lang=lang,
                   source=source, warnings=warnings)


def _clean(value: str, source: str, name: str, warnings: list[str]) -> str:
    """Drop NULs and replace lone surrogates (JSON allows "\\ud800"; RDF and UTF-8 do not)."""
    value = value.replace("\x00", "")
    if _LONE_SURROGATE.search(value):
        warnings.append(f"{source}: '{name}' holds unpaired UTF-16 surrogates; replaced with U+FFFD")
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        value = _LONE_SURROGATE.sub("\ufffd", value)
    return value


def _cap(text: str, source: str, warnings: list[str]) -> str:
    """At most MAX_TEXT_CHARS, cut at the last paragraph (else sentence, else space) break before it."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    head = text[:MAX_TEXT_CHARS]
    for sep in ("\n\n", "\n", ". ", " "):
        cut = head.rfind(sep)
        if cut > MAX_TEXT_CHARS // 2:
            head = head[:cut + len(sep)].rstrip()
            break
    warnings.append(f"{source}: article text has {len(text):,} characters; only the first {len(head):,} "
                    f"(up to a paragraph break before {MAX_TEXT_CHARS:,}) were read; split it into articles "
                    "to read the rest")
    return head


def _as_str(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _parse_date(value: object) -> date | None:
    if not value:
        return None
    if isinstance(value, (int, float)):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
