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
        yield InputError(str(path), f"cannot read: {e.strerror or e}")
        return
    text = _decode(path, data)
    if isinstance(text, InputError):
        yield text
        return
    text, warning = text
    if not text.strip():
        yield InputError(str(path), "file is empty; nothing to build")
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

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None or not (extracted.text or "").strip():
        return InputError(str(path), "HTML page has no readable article text (all script or markup?)")
    record = {
        "id": path.stem,
        "title": extracted.title or "",
        "text": extracted.text,
        "url": extracted.url,
        "published": extracted.date,
    }
    return _make(str(path), record)


def _read_json(path: Path, text: str, warning: str | None) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield InputError(f"{path}:{e.lineno}", f"malformed JSON at column {e.colno}: {e.msg}")
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
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield InputError(source, f"malformed JSON at column {e.colno}: {e.msg}; fix or remove the line")
                continue
            yield _finish(_make(source, record, default_id=f"{path.stem}-{lineno}"), warning)
        if not seen_any:
            yield InputError(str(path), "file is empty; nothing to build")


def _make(source: str, record: object, default_id: str | None = None) -> Article | InputError:
    """An Article from a record's fields (id, url, title, published, lang, text); others are ignored."""
    if not isinstance(record, dict):
        return InputError(source, "an article must be a JSON object with a 'text' field")
    text = record.get("text")
    if text is None:
        return InputError(source, "article has no 'text' field")
    if not isinstance(text, str):
        return InputError(source, f"'text' must be a string, not {type(text).__name__}")
    text = text.replace("\x00", "")
    if not text.strip():
        return InputError(source, "article text is empty")
    warnings: list[str] = []
    title = _as_str(record.get("title")).replace("\x00", "")
    url = _as_str(record.get("url")) or None
    article_id = _as_str(record.get("id")) or url or default_id or source
    published = _parse_date(record.get("published"))
    if record.get("published") and published is None:
        warnings.append(f"{source}: published date {record.get('published')!r} is not an ISO date; ignored")
    lang = _as_str(record.get("lang")).lower()[:2] or None
    if lang is None:
        lang = detect_language(f"{title}\n{text}")
    if lang not in SUPPORTED_LANGS:
        warnings.append(
            f"{source}: language {lang!r} is not supported (pt, es, en); extracted with the English rules"
        )
    return Article(id=article_id, text=text, title=title, url=url, published=published, lang=lang,
                   source=source, warnings=warnings)


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
