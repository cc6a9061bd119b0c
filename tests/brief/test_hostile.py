"""Hostile and outsized content: escaped in HTML, inert in Markdown, shortened on the page."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from netprep import people
from netprep.brief import build, fit
from netprep.brief.build import Brief, build_brief
from netprep.brief.render import render_html, render_markdown, render_pdf
from netprep.models import Interaction, NextStep, Person, Profile
from netprep.store import Database
from netprep.store.history import save_interaction, save_next_step
from netprep.store.pages import replace_pages
from netprep.store.people import resolve
from netprep.store.search import raw_connection
from tests.brief.conftest import pdf_pages, pdf_text
from tests.conftest import TODAY

SCRIPT = "<script>alert('x')</script>"
LONG_FACET = "bookkeeping help for a bakery " * 170  # 5,100 characters


@pytest.fixture
def hostile(db: Database) -> Brief:
    people.save_person(
        db,
        "me",
        Profile(
            name="Rosa Delgado",
            expertise=["cash-flow forecasting", "bookkeeping"],
            needs=["a podcast editor"],
        ),
        today=TODAY,
    )
    person = people.add_person(
        db,
        Person(
            id="p-mallory",
            name=f"{SCRIPT} Mallory \x1b[31mRed\x1b[0m \u202eevil",
            headline='<img src=x onerror="alert(1)"> **bold** _under_',
            title="[click me](javascript:alert(1))",
            company="<b>Evil & Co</b> &amp; friends",
            met_via="![tracker](https://tracker.example/pixel.png)",
            needs=[f"cash-flow forecasting {SCRIPT}", LONG_FACET],
            expertise=["podcast editing <iframe src=https://evil.example></iframe>"],
            offers=["`rm -rf /` as a service | table | pipes"],
            notes="<!-- hidden --> <style>body{display:none}</style>" + "x" * 3000,
        ),
        today=TODAY,
    )
    assert person.id
    with db.write() as session:
        conn = raw_connection(session)
        pid = resolve(conn, person.id)
        save_interaction(
            conn,
            Interaction(
                person=person.id,
                date=TODAY - timedelta(days=9),
                kind="meeting",
                summary=f"We talked {SCRIPT} " + "on and on " * 400,
                gave=["<b>help</b>"],
            ),
            pid,
        )
        for n in range(6):
            save_next_step(
                conn,
                NextStep(
                    person=person.id,
                    owner="them" if n % 2 else "me",
                    what=f"Promise {n} <a href='javascript:alert(1)'>x</a> " + "and more " * 50,
                    due=TODAY + timedelta(days=n - 2),
                ),
                pid,
            )
        replace_pages(
            conn,
            pid,
            [
                {
                    "url": "https://mallory.example",
                    "title": SCRIPT,
                    "summary": f"{SCRIPT} " + "a summary " * 300,
                    "fetched_on": TODAY,
                    "posts": [
                        {
                            "title": f"Post {n} {SCRIPT}",
                            "date": "2026-11-0" + str(n + 1),
                            "link": "javascript:alert(1)" if n % 2 else "https://mallory.example/p",
                        }
                        for n in range(8)
                    ],
                }
            ],
        )
    return build_brief(db, "p-mallory", today=TODAY)


class Tags(HTMLParser):
    """Every tag and attribute an HTML document really contains."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags_of(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def assert_inert(html: str, *, styles: int = 0) -> None:
    found = tags_of(html)
    names = [tag for tag, _ in found.tags]
    assert not set(names) & {"script", "img", "iframe", "b"}, names
    assert names.count("style") == styles  # the brief's own stylesheet, and no other
    for tag, attrs in found.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value and value.startswith(("http://", "https://")), (tag, value)


def test_html_escapes_everything_stored(hostile: Brief) -> None:
    html = render_html(hostile)
    assert_inert(html, styles=1)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Mallory" in html
    assert "\x1b" not in html and "\u202e" not in html
    assert "&amp;amp;" in html  # "&amp;" as typed, shown as typed


def test_markdown_stays_text_even_in_a_renderer_that_allows_html(hostile: Brief) -> None:
    from markdown_it import MarkdownIt

    text = render_markdown(hostile)
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\<script\\>" in text
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    assert_inert(html)
    assert "&lt;script&gt;alert('x')&lt;/script&gt; Mallory" in html
    assert "[click me](javascript:alert(1))" in html  # shown as the text it is, not a link


def test_outsized_texts_are_shortened_with_an_ellipsis(hostile: Brief) -> None:
    needs = next(f for f in hostile.facts if f.label == "Needs")
    assert needs.text.endswith("…") and len(needs.text) <= build.FACT_CHARS
    assert all(len(f.text) <= build.FACT_CHARS for f in hostile.facts)
    assert len(hostile.history.last_summary) <= build.SUMMARY_CHARS
    assert len(hostile.posts) <= build.MAX_POSTS
    assert len(hostile.history.you_owe) <= build.MAX_PROMISES
    assert hostile.history.you_owe_more + len(hostile.history.you_owe) == 3
    assert len(render_html(hostile)) < 25_000
    assert len(render_markdown(hostile)) < 8_000
    assert fit.estimate(hostile) <= fit.PAGE_LINES


def test_post_links_are_http_only(hostile: Brief) -> None:
    assert hostile.posts[0].link == "javascript:alert(1)"  # the newest post
    html = render_html(hostile)
    assert "Post 7 &lt;script&gt;" in html  # shown, but not as a link
    links = [dict(attrs).get("href") for tag, attrs in tags_of(html).tags if tag == "a"]
    assert set(links) <= {"https://mallory.example/p"}
    hostile.posts[0].link = 'https://mallory.example/p?q=<x>&y="z" (1)'
    links = [dict(attrs).get("href") for tag, attrs in tags_of(render_html(hostile)).tags]
    assert "https://mallory.example/p?q=%3Cx%3E&y=%22z%22%20%281%29" in links


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_hostile_brief_prints_on_one_page(hostile: Brief, paper: str) -> None:
    data = render_pdf(hostile, paper=paper)  # type: ignore[arg-type]
    assert pdf_pages(data) == 1
    text = pdf_text(data)
    assert "<script>alert('x')</script> Mallory" in text
    assert re.search(r"AGENDA, GIVING FIRST", text)
