"""Feeds: finding a site's RSS/Atom feed and reading its latest posts with feedparser."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urljoin, urlsplit

from netprep.homework.extract import clean_text

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/xml",
        "text/xml",
    }
)
COMMON_PATHS = ("/feed", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml")
"""Where feeds usually live when a page does not link to one."""
LATEST = 5


@dataclass
class Post:
    title: str
    date: date | None
    link: str | None

    def as_json(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "link": self.link,
        }


@dataclass
class Feed:
    """What a feed says: its title and description, its latest posts, whether it is audio."""

    url: str
    title: str | None = None
    description: str | None = None
    site: str | None = None
    posts: list[Post] = field(default_factory=list)
    audio: bool = False
    guests_welcome: bool = False


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """True when a response is a feed rather than a web page."""
    if content_type in FEED_TYPES and content_type not in ("application/xml", "text/xml"):
        return True
    head = body[:1024].lstrip().lower()
    if content_type in ("application/xml", "text/xml") or head.startswith(b"<?xml"):
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return False


def discovered_links(alternates: list[tuple[str, str]], base: str) -> list[str]:
    """Feed URLs a page announces with ``<link rel="alternate" type=...>``, in page order."""
    found = []
    for href, kind in alternates:
        if kind.lower() in FEED_TYPES and href.strip():
            found.append(urljoin(base, href.strip()))
    return list(dict.fromkeys(found))


def common_locations(page_url: str) -> list[str]:
    """The usual feed paths on the page's site."""
    parts = urlsplit(page_url)
    return [f"{parts.scheme}://{parts.netloc}{path}" for path in COMMON_PATHS]


def parse_feed(body: bytes, url: str) -> Feed | None:
    """The feed in ``body`` (None when it is not one). Only bytes go in: handed a string,
    feedparser would fetch URLs or open local files by itself."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        return None
    meta = parsed.feed
    feed = Feed(
        url=url,
        title=clean_text(meta.get("title")) or None,
        description=clean_text(meta.get("subtitle") or meta.get("description")) or None,
        site=_safe_link(meta.get("link"), url),
    )
    posts: list[Post] = []
    for entry in parsed.entries:
        title = clean_text(entry.get("title"))
        if not title:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        posted = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        posts.append(Post(title=title, date=posted, link=_safe_link(entry.get("link"), url)))
        for enclosure in entry.get("enclosures", []):
            if str(enclosure.get("type", "")).startswith("audio/"):
                feed.audio = True
    if "itunes_type" in meta or "itunes_author" in meta:
        feed.audio = True
    posts.sort(key=lambda p: p.date or date.min, reverse=True)
    feed.posts = posts[:LATEST]
    return feed


def _safe_link(link: object, base: str) -> str | None:
    """An http(s) link, or None: a feed's ``javascript:`` link is never passed on."""
    if not isinstance(link, str) or not link.strip():
        return None
    absolute = urljoin(base, link.strip())
    return absolute if absolute.lower().startswith(("http://", "https://")) else None
