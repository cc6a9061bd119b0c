"""On paper: one page per brief, as WeasyPrint's PDF and as Chromium prints the HTML.

Every demo person is printed on A4 and on Letter; so are the fullest briefs the caps allow
(tests/brief/worst.py) and the hostile one. Chromium's renderings are kept as PNGs in
artifacts/brief/ for a person to look at.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from netprep.brief.build import Brief, build_brief
from netprep.brief.fit import fit_to_page
from netprep.brief.render import render_html, render_pdf
from netprep.store import Database
from tests.brief.conftest import ARTIFACTS, DEMO_KEYS, pdf_pages, pdf_text
from tests.brief.worst import CJK, LATIN, worst_brief
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, TODAY

PAPERS = ("A4", "Letter")
SCREENSHOTS = {"p-kwame-asante", "p-priyanka-raman", "p-kim-minji", "p-wang-fang", "p-yuki-tanaka"}


@pytest.fixture(scope="module")
def briefs(demo_db: Database) -> dict[str, Brief]:
    """Every demo person's brief, plus the fullest possible ones, fitted to the page."""
    made = {key: build_brief(demo_db, key, today=TODAY) for key in DEMO_KEYS}
    made["fullest-latin"] = fit_to_page(worst_brief(LATIN))
    made["fullest-cjk"] = fit_to_page(worst_brief(CJK))
    return made


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("key", [*DEMO_KEYS, "fullest-latin", "fullest-cjk"])
def test_pdf_is_one_page_with_the_agenda(briefs: dict[str, Brief], key: str) -> None:
    brief = briefs[key]
    for paper in PAPERS:
        data = render_pdf(brief, paper=paper)  # type: ignore[arg-type]
        assert pdf_pages(data) == 1, f"{key} takes more than one {paper} page"
    text = pdf_text(data)
    assert "AGENDA, GIVING FIRST" in text
    for item in brief.agenda:
        assert folded(item.title) in text, f"{key}: {item.title!r} missing from the PDF"
    assert folded(brief.next_step.what) in text


def test_demo_agendas_are_not_empty(briefs: dict[str, Brief]) -> None:
    """The one-page test means little on empty briefs: most demo people have ideas."""
    with_ideas = [key for key in DEMO_KEYS if briefs[key].agenda]
    assert len(with_ideas) >= len(DEMO_KEYS) // 2


FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{cache}</cachedir></fontconfig>
"""
RENDER = (
    "import sys; from netprep.brief.render import html_to_pdf; "
    "sys.stdout.buffer.write(html_to_pdf(open(sys.argv[1], encoding='utf-8').read()))"
)


def font_names(data: bytes) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_cjk_names_use_the_cjk_font_and_print_without_it(
    briefs: dict[str, Brief], tmp_path: Path
) -> None:
    html = tmp_path / "wang-fang.html"
    html.write_text(render_html(briefs["p-wang-fang"]), encoding="utf-8")
    with_font = subprocess.run(
        [sys.executable, "-c", RENDER, str(html)], capture_output=True, check=True
    ).stdout
    assert any("WenQuanYi" in name for name in font_names(with_font))
    assert "王芳" in pdf_text(with_font)

    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTS_CONF.format(cache=tmp_path / "cache"), encoding="utf-8")
    without = subprocess.run(
        [sys.executable, "-c", RENDER, str(html)],
        capture_output=True,
        check=True,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    ).stdout
    assert not any("WenQuanYi" in name for name in font_names(without))
    assert pdf_pages(without) == 1
    # WeasyPrint re-encodes the fonts when a glyph is missing, which pypdf reads as UTF-16.
    assert "Harbourbridge Sourcing" in pdf_text(without).replace("\x00", "")


# -- Chromium --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: make system-deps installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.slow
def test_chromium_prints_every_brief_on_one_page(
    briefs: dict[str, Brief], chromium: object
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(chromium, Browser)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # The viewport is the printable width of A4 (186 mm at 96 px per inch).
    page = chromium.new_page(viewport={"width": 703, "height": 964})
    page.emulate_media(media="print")
    too_long = []
    for key, brief in briefs.items():
        page.set_content(render_html(brief))
        for paper in PAPERS:
            if pdf_pages(page.pdf(format=paper)) != 1:
                too_long.append(f"{key} on {paper}")
        if key in SCREENSHOTS or key.startswith("fullest"):
            page.screenshot(path=str(ARTIFACTS / f"{key}.png"), full_page=True)
    page.close()
    assert not too_long, too_long
    assert (ARTIFACTS / "p-kwame-asante.png").stat().st_size > 10_000
