"""Reading a fetched web page: main text, title, description, OpenGraph, links and signals.

Fetched content is untrusted text. It is parsed, never run: scripts and styles are dropped,
control characters (terminal escapes, bidi overrides) are stripped from every string that
leaves this module, and lengths are capped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

MAX_FIELD = 300
MAX_TEXT = 20_000
SUMMARY_CHARS = 280

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

GUEST = re.compile(
    r"write for us|guest (?:post|author|blog|contribut)|contribut(?:e|or|ors|ing)\b|"
    r"submit (?:a|your) (?:post|article|pitch|guest)|pitch us|become a contributor",
    re.IGNORECASE,
)
SERVICES = re.compile(
    r"\bservices?\b|what we do|work with (?:me|us)|offerings|hire (?:me|us)", re.IGNORECASE
)
CAREERS = re.compile(r"careers?|jobs\b|we'?re hiring|join (?:our|the) team", re.IGNORECASE)
ABOUT = re.compile(r"^about\b|/about\b", re.IGNORECASE)
PODCAST = re.compile(r"\bpodcast\b|\bepisodes?\b", re.IGNORECASE)
PODCAST_GUESTS = re.compile(
    r"be (?:a|our) guest|guest on (?:the|our) (?:show|podcast)|apply to be (?:a guest|on)|"
    r"pitch (?:yourself|a guest)|guest (?:application|request)",
    re.IGNORECASE,
)
NEWSLETTER = re.compile(
    r"\bnewsletter\b|subscribe (?:to|for) (?:my|our|the)\b|substack\.com|buttondown\.|"
    r"list-manage\.com|convertkit|beehiiv",
    re.IGNORECASE,
)
PODCAST_HOSTS = ("podcasts.apple.com", "open.spotify.com/show", "overcast.fm", "pca.st")


def clean_text(value: object, limit: int = MAX_FIELD) -> str:
    """Untrusted text made safe to store and show: no control characters, one line, capped."""
    if not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", value))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def clean_block(value: str, limit: int = MAX_TEXT) -> str:
    """Like ``clean_text`` but keeps line breaks (main text)."""
    lines = (_SPACE.sub(" ", _CONTROL.sub(" ", line)).strip() for line in value.splitlines())
    text = "\n".join(line for line in lines if line)
    return text[:limit]


@dataclass
class Link:
    href: str
    text: str


@dataclass
class PageFacts:
    """What one web page says about its owner."""

    url: str
    title: str | None = None
    description: str | None = None
    site_name: str | None = None
    opengraph: dict[str, str] = field(default_factory=dict)
    text: str = ""
    full_text: str = ""
    headings: list[str] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)
    nav_texts: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    alternates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def summary(self) -> str | None:
        """The description, else the first sentences of the main text."""
        if self.description:
            return clean_text(self.description, SUMMARY_CHARS)
        # Prose only: headings and menu lines (short, no full stop) make poor summaries.
        prose = [
            line for line in self.text.splitlines() if len(line.split()) >= 6 or line[-1:] in ".!?"
        ]
        sentences = _SENTENCE_END.split(" ".join(prose))
        summary = ""
        for sentence in sentences:
            if len(summary) + len(sentence) > SUMMARY_CHARS and summary:
                break
            summary = f"{summary} {sentence}".strip()
        return clean_text(summary, SUMMARY_CHARS) or None

    @property
    def own_name(self) -> str:
        """How the page names its site: og:site_name, else the first part of the title."""
        if self.site_name:
            return self.site_name
        title = self.title or urlsplit(self.url).hostname or self.url
        return clean_text(re.split(r"\s+[|–—-]\s+", title)[0], 80)

    def same_site_links(self, pattern: re.Pattern[str]) -> list[str]:
        """Links on this site whose text or address matches ``pattern``, in page order."""
        host = _host(self.url)
        found = []
        for link in self.links:
            if _host(link.href) != host or link.href.split("#")[0] == self.url.split("#")[0]:
                continue
            path = urlsplit(link.href).path
            if pattern.search(link.text) or pattern.search(path):
                found.append(link.href.split("#")[0])
        return list(dict.fromkeys(found))

    def mentions(self, pattern: re.Pattern[str]) -> bool:
        where = [self.title or "", self.full_text, *(link.href for link in self.links)]
        return any(pattern.search(part) for part in where)

    def is_a(self, pattern: re.Pattern[str]) -> bool:
        """True when the page itself is of a kind: its path, title or first heading says so."""
        path = urlsplit(self.url).path
        first = self.headings[0] if self.headings else ""
        return bool(
            pattern.search(path) or pattern.search(self.title or "") or pattern.search(first)
        )


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def read_page(html: str, url: str) -> PageFacts:
    """Parse a page: metadata with lxml, the main text with trafilatura."""
    import lxml.html
    from lxml import etree

    facts = PageFacts(url=url)
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return facts
    for bad in tree.xpath("//script|//style|//noscript|//template|//iframe|//object"):
        bad.drop_tree()
    facts.title = clean_text(tree.findtext(".//title")) or None
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = clean_text(meta.get("content"))
        if not key or not content:
            continue
        if key.startswith("og:") and key not in facts.opengraph:
            facts.opengraph[key] = content
        elif key == "description" and not facts.description:
            facts.description = content
    facts.title = facts.title or facts.opengraph.get("og:title")
    facts.description = facts.description or facts.opengraph.get("og:description")
    facts.site_name = facts.opengraph.get("og:site_name")
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "alternate" in rel and link.get("href"):
            facts.alternates.append((link.get("href", ""), link.get("type") or ""))
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        absolute = urljoin(url, href) if href else ""
        if absolute.lower().startswith(("http://", "https://")):
            facts.links.append(Link(absolute, clean_text(anchor.text_content(), 120)))
    for nav in tree.xpath("//nav|//header|//footer"):
        facts.nav_texts.update(clean_text(a.text_content()).lower() for a in nav.iter("a"))
    facts.headings = [
        text for h in tree.xpath("//h1|//h2|//h3") if (text := clean_text(h.text_content(), 150))
    ]
    facts.list_items = [
        text
        for li in tree.xpath("//main//li|//article//li|//section//li")
        if (text := clean_text(li.text_content(), 150))
    ]
    facts.full_text = _body_text(tree)
    facts.text = _main_text(html, url) or facts.full_text
    return facts


def _main_text(html: str, url: str) -> str:
    import trafilatura

    try:
        text = trafilatura.extract(
            html,
            url=url,
            fast=True,
            favor_recall=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception:  # trafilatura on hostile markup: fall back to the plain body text
        return ""
    return clean_block(text or "")


def _body_text(tree: object) -> str:
    body = tree.find("body") if hasattr(tree, "find") else None
    return clean_block(body.text_content()) if body is not None else ""
