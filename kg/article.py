"""The unit of input: one news article, whatever file it came from."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

SUPPORTED_LANGS = ("pt", "es", "en")


@dataclass
class Article:
    id: str
    text: str
    title: str = ""
    url: str | None = None
    published: date | None = None
    lang: str | None = None
    source: str = ""  # file (and line) it was read from, for messages
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """Changes whenever anything that extraction reads changes; drives incremental builds."""
        h = hashlib.sha256()
        for part in (self.title, self.text, self.lang or "", str(self.published or ""), self.url or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
        return h.hexdigest()

    @property
    def full_text(self) -> str:
        """The text extraction runs on: the title line first unless the text already starts with it."""
        if self.title and not self.text.lstrip().startswith(self.title.strip()):
            return f"{self.title}\n\n{self.text}"
        return self.text
