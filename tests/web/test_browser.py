"""End to end in headless Chromium against a real uvicorn server: the journey of a user.

Import a LinkedIn export, find a person by typing, read their brief, log a meeting with a
next step, and see it due on the home page. Screenshots land in artifacts/web/.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from netprep.store import Database
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.web.conftest import ARTIFACTS, DATA, LiveServer, start_server, stop_server

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is missing (make test installs it)"
)


@pytest.fixture
def page(live_server: LiveServer) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_page(viewport={"width": 1200, "height": 900}).context
        tab = context.pages[0]
        tab.set_default_timeout(15_000)
        problems: list[str] = []
        tab.on("dialog", lambda d: problems.append(f"a dialog opened: {d.message}"))
        tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        tab.on(
            "console",
            lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        tab.problems = problems  # type: ignore[attr-defined]
        yield tab
        browser.close()


def shot(tab: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def linkedin_zip(tmp_path: Path) -> Path:
    path = tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", (DATA / "Connections.csv").read_bytes())
    return path


def test_import_find_brief_log_and_see_it_due(
    page: object, live_server: LiveServer, tmp_path: Path
) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base = live_server.url

    # 1. Import a LinkedIn export through the upload form.
    page.goto(base + "/")
    expect(page.get_by_text("Your network is empty")).to_be_visible()
    page.get_by_role("link", name="Import", exact=True).first.click()
    page.set_input_files("input[type=file]", str(linkedin_zip(tmp_path)))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="Imported Basic_LinkedInDataExport")).to_be_visible()
    expect(page.locator(".counts")).to_contain_text("3 added")
    shot(page, "1-import-report")

    # 2. Find a person by typing: the results change without pressing Search.
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.locator("#results")).to_contain_text("3 people")
    expect(page.get_by_text("<img src=x onerror=alert(1)> Okonkwo")).to_be_visible()
    page.get_by_label("Search").press_sequentially("teodo", delay=40)
    expect(page.locator("#results")).to_contain_text("1 person.")
    assert "q=teodo" in page.url
    shot(page, "2-search-as-you-type")
    page.get_by_role("link", name="Teodora Vasquez-Lind").click()
    expect(page.get_by_role("heading", name="Teodora Vasquez-Lind", level=1)).to_be_visible()

    # 3. Read their brief.
    page.get_by_role("link", name="Brief", exact=True).click()
    expect(page.get_by_role("heading", name="Agenda, giving first")).to_be_visible()
    expect(page.locator("article.brief")).to_contain_text("Head Baker")
    shot(page, "3-brief")
    page.get_by_role("link", name="← Teodora Vasquez-Lind").click()

    # 4. Log a meeting with a next step, in one form.
    form = page.locator("form.log")
    form.get_by_label("What happened").fill("Coffee at her bakery; she needs a wholesale partner.")
    form.get_by_label("Help you gave").fill("an intro to a café owner")
    form.locator("input[name=step1_what]").fill("Send Teodora the café owner's details")
    form.locator("input[name=step1_due]").fill("in 2 days")
    expect(form.locator("input[name=step1_due] ~ .date-read")).to_have_text(
        "Saturday 28 November 2026"
    )
    form.get_by_label("When", exact=True).fill("next Friday")  # a slip: the meeting was last Friday
    expect(form.locator("input[name=when] ~ .date-read")).to_contain_text("in the future")
    shot(page, "4-log-form")
    form.get_by_role("button", name="Log it").click()
    # Refused beside the field, on the same page, with every word still there.
    form = page.locator("form.log")
    expect(form.locator("#e-when")).to_contain_text("in the future")
    expect(form.get_by_label("What happened")).to_have_value(
        "Coffee at her bakery; she needs a wholesale partner."
    )
    expect(form.locator("input[name=step1_what]")).to_have_value(
        "Send Teodora the café owner's details"
    )
    shot(page, "4b-log-form-refused")
    refused = page.problems  # type: ignore[attr-defined]
    assert [m for m in refused if "422" in m] == [refused.pop()]  # the refusal, nothing else
    form.get_by_label("When", exact=True).fill("last Friday")
    form.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status")).to_contain_text("Logged")
    expect(page.locator("#history")).to_contain_text("Coffee at her bakery")

    # 5. See it due on the home page.
    page.get_by_role("link", name="Home", exact=True).click()
    week = page.get_by_role("region", name=re.compile(r"^This week"))
    expect(week).to_contain_text("Send Teodora the café owner's details")
    expect(week).to_contain_text("in 2 days")
    shot(page, "5-home-due")

    # 6. Say whom Teodora knows, picking the person by name as you type.
    page.goto(base + "/people/teodora")
    page.get_by_role("link", name="Edit facts").click()
    picker = page.get_by_label("Add someone from your network")
    picker.press_sequentially("Mar")
    expect(page.locator("#people-picker option[value='Marek Halvorsen']")).to_have_count(1)
    picker.fill("Marek Halvorsen")
    expect(page.locator("input[name=knows_id_0]")).to_have_value(re.compile(r"\S"))
    shot(page, "6-people-picker")
    picker.blur()  # the suggestions close, as when a user leaves the field
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#facts")).to_contain_text("Marek Halvorsen")

    assert page.problems == []  # type: ignore[attr-defined]


def test_pages_work_without_javascript(live_server: LiveServer) -> None:
    """Search submits as a plain form when scripts are off."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False)
        tab = context.new_page()
        tab.goto(live_server.url + "/people/new")
        tab.get_by_label("Name").fill("Nadia Petrova")
        tab.get_by_label("Company").fill("Petrova Prints")
        tab.get_by_role("button", name="Add").click()
        expect(tab.get_by_role("heading", name="Nadia Petrova", level=1)).to_be_visible()
        tab.goto(live_server.url + "/people")
        tab.get_by_label("Search").fill("petrova")
        tab.get_by_role("button", name="Search").click()
        expect(tab.locator("#results")).to_contain_text("1 person.")
        shot(tab, "7-no-javascript")
        browser.close()


PHONE_PAGES = (
    "/",
    "/people",
    "/people/p-kwame-asante",
    "/people/p-kwame-asante/brief",
    "/people/p-kwame-asante/edit",
    "/health",
    "/health/lists/never_met",
    "/settings",
    "/import",
    "/review",
    "/me",
    "/duplicates",
)
WIDE = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(0, 3).map(e => e.tagName + '.' + e.className)"""
TINY = """() => [...document.querySelectorAll('body *')]
  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(e => e.getClientRects().length && parseFloat(getComputedStyle(e).fontSize) < 12)
  .slice(0, 3).map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 30))"""


def test_every_page_fits_a_phone_with_readable_text(demo_db: Database) -> None:
    """At 390 px wide nothing spills sideways and no text is under 12 px."""
    from playwright.sync_api import sync_playwright

    server = start_server(demo_db.path)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 390, "height": 844})
            for path in PHONE_PAGES:
                tab.goto(server.url + path)
                assert tab.evaluate("document.documentElement.scrollWidth") <= 390, (
                    path,
                    tab.evaluate(WIDE),
                )
                assert tab.evaluate(TINY) == [], path
            shot(tab, "8-phone-duplicates")
            browser.close()
    finally:
        stop_server(server)
