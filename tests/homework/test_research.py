"""Reading the fictional sites: feeds, posts, guest pages, podcasts, services, careers, hostile pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from netprep.homework.fetch import Fetcher
from netprep.homework.research import Research, research_person
from tests.homework.sites import Sites

TODAY = date(2026, 11, 26)
MakeFetcher = Callable[..., Fetcher]


def _research(urls: list[str], fetcher: MakeFetcher, **limits: float) -> Research:
    return research_person(urls, today=TODAY, fetcher=fetcher(**limits))


def _proposed(research: Research, kind: str) -> list[str]:
    return [p.text for p in research.proposals if p.kind == kind]


def test_the_consultant_site_gives_posts_offers_audience_and_needs(
    sites: Sites, fetcher: MakeFetcher
) -> None:
    research = _research([sites.url("consultant")], fetcher)
    home = research.pages[0]
    assert home.title == "Quill Local SEO | Search engine optimization for independent bakeries"
    assert home.summary and home.summary.startswith("Hannah Quill helps independent bakeries")
    # The RSS feed is not linked: it is found at a common path.
    assert next((p.title, p.date) for p in home.posts) == (
        "Five Google Business Profile fixes for bakeries",
        date(2026, 11, 10),
    )
    assert [p.date for p in home.posts] == sorted((p.date for p in home.posts), reverse=True)
    assert "search engine optimization" in home.topics
    assert _proposed(research, "offers") == [
        "local SEO audit",
        "review strategy workshop",
        "monthly search check-ups",
    ]
    assert "independent bakeries" in _proposed(research, "audiences")
    assert "video editor" in _proposed(research, "needs")
    assert "hiring: Part-time Content Writer" in _proposed(research, "needs")
    assert "search engine optimization" in _proposed(research, "expertise")
    sources = {p.text: p.source_url for p in research.proposals}
    assert sources["local SEO audit"] == sites.url("consultant", "/services")
    # robots.txt forbids /private/: the linked notes page is never read.
    assert all("/private/" not in p.url for p in research.pages)


def test_the_blog_accepts_guests_and_has_an_atom_feed_and_a_newsletter(
    sites: Sites, fetcher: MakeFetcher
) -> None:
    research = _research([sites.url("blog")], fetcher)
    home = research.pages[0]
    assert [p.title for p in home.posts][:2] == [
        "Pricing your sourdough without losing your regulars",
        "Food cost tracking for bakeries, week by week",
    ]
    assert home.posts[0].date == date(2026, 11, 20)
    assert home.posts[0].link == sites.url("blog", "/posts/pricing-sourdough")
    kinds = {c.kind: c for c in home.channels}
    assert kinds["blog"].name == "The Crumb Ledger"
    assert kinds["blog"].accepts_guests is True
    assert "newsletter" in kinds
    assert any(p.url.endswith("/write-for-us") for p in research.pages)
    assert "small food businesses" in _proposed(research, "audiences")
    assert {p.text for p in research.proposals if p.kind == "channels"} >= {"The Crumb Ledger"}


def test_the_podcast_page_is_a_podcast_that_welcomes_guests(
    sites: Sites, fetcher: MakeFetcher
) -> None:
    research = _research([sites.url("podcast")], fetcher)
    (home,) = research.pages
    podcast = next(c for c in home.channels if c.kind == "podcast")
    assert podcast.name == "Rising Early"
    assert podcast.accepts_guests is True
    assert [p.title for p in home.posts] == [
        "Episode 42: Hiring your first baker",
        "Episode 41: Surviving a slow winter",
    ]


def test_a_feed_url_is_read_as_a_feed(sites: Sites, fetcher: MakeFetcher) -> None:
    research = _research([sites.url("blog", "/atom.xml")], fetcher)
    (page,) = research.pages
    assert page.title == "The Crumb Ledger"
    assert len(page.posts) == 3
    assert page.channels[0].kind == "blog"


def test_hostile_markup_stays_inert_text(sites: Sites, fetcher: MakeFetcher) -> None:
    research = _research([sites.url("hostile"), sites.url("hostile", "/escapes")], fetcher)
    page, escapes = research.pages
    stored = " ".join(str(v) for v in vars(page).values())
    for script in ("document.cookie", "alert(", "display: none", "payload.js"):
        assert script not in stored
    assert "plain words about gardening" in (page.text or "")
    assert page.title == "[bold red]Free money[/bold red] <b>now</b>"
    assert escapes.title is not None and "\x1b" not in escapes.title and "\x07" not in escapes.title
    assert "Red" in escapes.title


def test_failures_are_recorded_per_page_and_the_rest_goes_on(
    sites: Sites, fetcher: MakeFetcher
) -> None:
    research = _research(
        [
            sites.url("hostile", "/to-metadata"),
            sites.url("hostile", "/picture.png"),
            "https://www.linkedin.com/in/someone-fictional",
            sites.url("podcast"),
        ],
        fetcher,
    )
    errors = [p.error for p in research.pages]
    assert errors[0] and "cloud metadata" in errors[0]
    assert errors[1] and "not a web page (image/png)" in errors[1]
    assert errors[2] and "signed-in members" in errors[2]
    assert errors[3] is None and research.pages[3].title


def test_the_page_budget_caps_what_one_person_costs(sites: Sites, fetcher: MakeFetcher) -> None:
    research = _research(
        [sites.url("consultant"), sites.url("blog"), sites.url("podcast")], fetcher, max_pages=3
    )
    assert research.fetched == 3
    assert any(p.error and "limit of 3 pages" in p.error for p in research.pages)


def test_the_person_deadline_stops_a_slow_site(sites: Sites, fetcher: MakeFetcher) -> None:
    research = _research(
        [sites.url("hostile", "/drip"), sites.url("podcast")],
        fetcher,
        page_seconds=5.0,
        person_seconds=1.0,
    )
    assert research.seconds < 3.0
    assert all(p.error for p in research.pages)


def test_an_address_without_scheme_is_read_as_https_and_kept_as_given(
    fetcher: MakeFetcher,
) -> None:
    research = _research(["www.linkedin.com/in/someone-fictional", "localhost:1/x"], fetcher)
    assert [p.url for p in research.pages] == [
        "www.linkedin.com/in/someone-fictional",
        "localhost:1/x",
    ]
    error = research.pages[1].error
    assert error and error.startswith("https://localhost:1/robots.txt: cannot connect")
