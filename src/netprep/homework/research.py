"""Researching one person's public pages: fetch each URL, its feed and telling pages, and read them.

No database here: ``research_person`` takes URLs and a fetcher and returns what the pages
said (``PageReport``) and the facets and channels they suggest (``Proposal``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from netprep.errors import FetchError
from netprep.homework import extract, feeds, infer
from netprep.homework.extract import PageFacts, clean_text
from netprep.homework.fetch import Fetched, Fetcher
from netprep.models import Channel, ChannelKind

WALLED = ("linkedin.com", "facebook.com", "instagram.com", "x.com", "twitter.com", "tiktok.com")
"""Sites that show profiles only to signed-in members: netprep does not sign in, so it skips them."""
FOLLOW = (
    ("guest", extract.GUEST),
    ("services", extract.SERVICES),
    ("careers", extract.CAREERS),
    ("about", extract.ABOUT),
)
"""Same-site pages worth one fetch each: they say whether guests are welcome, what is sold,
who is hired, and whom the person serves."""
EXPERTISE_TOPICS = 3
SINGLE_WORD_TOPIC = 4
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass
class PageReport:
    """What one fetched page said (or why it could not be read): one stored page row."""

    url: str
    fetched_on: date
    final_url: str | None = None
    title: str | None = None
    description: str | None = None
    summary: str | None = None
    text: str | None = None
    topics: list[str] = field(default_factory=list)
    posts: list[feeds.Post] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    error: str | None = None


@dataclass
class Proposal:
    """A facet (or a channel, ``kind="channels"``) the pages suggest, with the page it came from."""

    kind: str
    text: str
    source_url: str
    channel: Channel | None = None


@dataclass
class Research:
    pages: list[PageReport] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    fetched: int = 0
    seconds: float = 0.0


@dataclass
class _Run:
    """One person's research: the fetcher, the deadline and the page budget."""

    fetcher: Fetcher
    today: date
    deadline: float
    budget: int
    seen: set[str] = field(default_factory=set)
    fetched: int = 0

    def get(self, url: str) -> Fetched:
        if self.fetched >= self.budget:
            raise FetchError(f"{url}: not fetched; the limit of {self.budget} pages was reached.")
        if time.monotonic() >= self.deadline:
            raise FetchError(f"{url}: not fetched; the time for this person ran out.")
        self.seen.add(_key(url))
        self.fetched += 1
        result = self.fetcher.fetch(url, deadline=self.deadline)
        self.seen.add(_key(result.final_url))
        return result


def _key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port else ""
    return f"{host}{port}{parts.path.rstrip('/')}?{parts.query}"


def _with_scheme(url: str) -> str:
    """Imported addresses often lack a scheme ("www.example.com"): assume https."""
    url = url.strip()
    return url if "://" in url else "https://" + url.lstrip("/")


def walled_garden(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    for site in WALLED:
        if host == site or host.endswith("." + site):
            return site
    return None


def research_person(urls: Sequence[str], *, today: date, fetcher: Fetcher) -> Research:
    """Fetch and read a person's pages within the fetcher's limits."""
    started = time.monotonic()
    limits = fetcher.limits
    run = _Run(fetcher, today, started + limits.person_seconds, limits.max_pages)
    research = Research()
    for given in dict.fromkeys(urls):
        url = _with_scheme(given)
        site = walled_garden(url)
        if site:
            research.pages.append(
                PageReport(
                    url=given,
                    fetched_on=today,
                    error=f"not fetched: {site} shows profiles only to signed-in members.",
                )
            )
            continue
        if _key(url) in run.seen:
            continue
        first = len(research.pages)
        try:
            _research_site(url, run, research)
        except Exception as exc:  # one odd site must not cost the others; say what happened
            reason = f"could not be read ({type(exc).__name__}: {clean_text(str(exc), 120)})."
            research.pages.append(PageReport(url=url, fetched_on=today, error=reason))
        # The page is stored under the address as the user gave it, so it counts as read.
        research.pages[first].url = given
    texts = [p.text or "" for p in research.pages] + [
        post.title for p in research.pages for post in p.posts
    ]
    audiences = {p.text.casefold() for p in research.proposals if p.kind == "audiences"}
    names = [c.name for p in research.pages for c in p.channels]
    found = infer.counted_topics(texts, limit=8, exclude=names)
    # One word is a topic only when it recurs a lot; a phrase is telling sooner.
    telling = [t for t, n in found if " " in t or n >= SINGLE_WORD_TOPIC]
    best_page = {topic: _page_for(topic, research.pages) for topic in telling}
    for topic, source in best_page.items():
        if any(topic in a or a in topic for a in audiences):
            continue
        research.proposals.append(Proposal("expertise", topic, source))
        if sum(p.kind == "expertise" for p in research.proposals) == EXPERTISE_TOPICS:
            break
    research.fetched = run.fetched
    research.seconds = time.monotonic() - started
    return research


def _page_for(topic: str, pages: list[PageReport]) -> str:
    counts = [((p.text or "").lower().count(topic), -i, p.url) for i, p in enumerate(pages)]
    return max(counts)[2]


def _research_site(url: str, run: _Run, research: Research) -> None:
    try:
        fetched = run.get(url)
    except FetchError as exc:
        research.pages.append(PageReport(url=url, fetched_on=run.today, error=exc.message))
        return
    if feeds.looks_like_feed(fetched.content_type, fetched.body):
        feed = feeds.parse_feed(fetched.body, fetched.final_url)
        if feed is not None:
            research.pages.append(_feed_report(url, fetched, feed, run.today))
            _propose_channels(research, url)
            return
    if "html" not in fetched.content_type and fetched.body.lstrip()[:1] != b"<":
        kind = fetched.content_type or "unknown"
        research.pages.append(
            PageReport(url=url, fetched_on=run.today, error=f"not a web page ({kind}).")
        )
        return
    page = extract.read_page(_decode(fetched), fetched.final_url)
    feed = _find_feed(page, run)
    followed = _follow(page, run)
    report = _page_report(url, fetched.final_url, page, run.today)
    if feed is not None:
        report.posts = feed.posts
        report.topics = infer.topics([page.text, *(p.title for p in feed.posts)])
    report.channels = _channels(page, feed, followed, report.topics)
    research.pages.append(report)
    _propose_facets(research, url, page)
    _propose_channels(research, url)
    for sub_url, sub_page in followed:
        research.pages.append(_page_report(sub_url, sub_page.url, sub_page, run.today))
        _propose_facets(research, sub_url, sub_page)


def _decode(fetched: Fetched) -> str:
    if fetched.charset:
        return fetched.text()
    try:
        return fetched.body.decode("utf-8")
    except UnicodeDecodeError:
        declared = _META_CHARSET.search(fetched.body[:4096])
        encoding = declared.group(1).decode("ascii") if declared else "cp1252"
        try:
            return fetched.body.decode(encoding, errors="replace")
        except LookupError:
            return fetched.body.decode("cp1252", errors="replace")


def _find_feed(page: PageFacts, run: _Run) -> feeds.Feed | None:
    candidates = feeds.discovered_links(page.alternates, page.url)
    if not candidates and urlsplit(page.url).path in ("", "/"):
        candidates = feeds.common_locations(page.url)
    for candidate in candidates[:5]:
        if _key(candidate) in run.seen:
            continue
        try:
            fetched = run.get(candidate)
        except FetchError:
            continue
        feed = feeds.parse_feed(fetched.body, fetched.final_url)
        if feed is not None:
            return feed
    return None


def _follow(page: PageFacts, run: _Run) -> list[tuple[str, PageFacts]]:
    """Fetch the site's telling pages (write for us, services, careers, about) once each."""
    followed: list[tuple[str, PageFacts]] = []
    for _name, pattern in FOLLOW:
        if page.is_a(pattern):
            continue
        for link in page.same_site_links(pattern)[:1]:
            if _key(link) in run.seen:
                continue
            try:
                fetched = run.get(link)
            except FetchError:
                continue
            if "html" in fetched.content_type:
                followed.append((link, extract.read_page(_decode(fetched), fetched.final_url)))
    return followed


def _page_report(url: str, final_url: str, page: PageFacts, today: date) -> PageReport:
    return PageReport(
        url=url,
        fetched_on=today,
        final_url=final_url if final_url != url else None,
        title=page.title,
        description=page.description,
        summary=page.summary,
        text=page.text,
        topics=infer.topics([page.text]),
    )


def _feed_report(url: str, fetched: Fetched, feed: feeds.Feed, today: date) -> PageReport:
    topics = infer.topics([p.title for p in feed.posts] + [feed.description or ""])
    kind: ChannelKind = "podcast" if feed.audio else "blog"
    name = feed.title or urlsplit(url).hostname or url
    channel = Channel(kind=kind, name=name, url=feed.site or url, topics=topics[:3])
    return PageReport(
        url=url,
        fetched_on=today,
        final_url=fetched.final_url if fetched.final_url != url else None,
        title=feed.title,
        summary=clean_text(feed.description, extract.SUMMARY_CHARS) or None,
        topics=topics,
        posts=feed.posts,
        channels=[channel],
    )


def _channels(
    page: PageFacts,
    feed: feeds.Feed | None,
    followed: list[tuple[str, PageFacts]],
    topics: list[str],
) -> list[Channel]:
    """The channels a site shows: a blog (welcoming guests?), a podcast, a newsletter."""
    pages = [page, *(sub for _, sub in followed)]
    guest_page = page.is_a(extract.GUEST) or any(
        sub.is_a(extract.GUEST) or extract.GUEST.search(sub.full_text) for _, sub in followed
    )
    podcast = (feed is not None and feed.audio) or page.is_a(extract.PODCAST)
    podcast = podcast or any(
        any(host in link.href for host in extract.PODCAST_HOSTS) for link in page.links
    )
    name = page.own_name
    found: list[Channel] = []
    if podcast:
        guests = any(extract.PODCAST_GUESTS.search(p.full_text) for p in pages)
        title = feed.title if feed is not None and feed.audio and feed.title else name
        found.append(
            Channel(
                kind="podcast", name=title, url=page.url, topics=topics[:3], accepts_guests=guests
            )
        )
    if (feed is not None and not feed.audio) or guest_page:
        title = feed.title if feed is not None and feed.title else name
        site = feed.site if feed is not None and feed.site else page.url
        found.append(
            Channel(
                kind="blog",
                name=title,
                url=site,
                topics=topics[:3],
                accepts_guests=True if guest_page else None,
            )
        )
    if page.mentions(extract.NEWSLETTER):
        label = name if name.lower().endswith("newsletter") else f"{name} newsletter"
        found.append(Channel(kind="newsletter", name=label, url=page.url, topics=topics[:3]))
    return found


def _propose_facets(research: Research, url: str, page: PageFacts) -> None:
    for kind, phrases in (
        ("audiences", infer.audiences(page)),
        ("offers", infer.offers(page)),
        ("needs", infer.needs(page)),
    ):
        for phrase in phrases:
            research.proposals.append(Proposal(kind, phrase, url))


def _propose_channels(research: Research, url: str) -> None:
    for channel in research.pages[-1].channels:
        research.proposals.append(Proposal("channels", channel.name, url, channel))
