"""netprep brief on the command line: formats, files, the meeting date, mistakes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from netprep.settings import db_path
from netprep.store import open_database
from netprep.store.steps import briefed_on
from tests.brief.conftest import pdf_pages, pdf_text
from tests.conftest import TODAY, Result

Cli = Callable[..., Result]


@pytest.fixture
def demo(cli: Cli) -> Cli:
    assert cli("demo").code == 0
    return cli


def test_demo_ends_with_the_sample_meeting_brief(cli: Cli) -> None:
    r = cli("demo")
    assert r.code == 0, r.err
    assert "Brief: Kwame Asante" in r.out
    assert "Agenda, giving first" in r.out
    assert "Meeting: Fri 27 Nov 2026" in r.out
    assert r.out.index("Brief: Kwame Asante") < r.out.index("Try next")


def test_brief_prints_markdown_and_notes_that_a_brief_was_made(demo: Cli) -> None:
    r = demo('brief "kwame asante"')
    assert r.code == 0, r.err
    assert r.out.startswith("# Brief: Kwame Asante\n")
    assert "## Agenda, giving first" in r.out
    with open_database(db_path()) as db:
        pid = db.sql.execute("SELECT id FROM person WHERE key = 'p-kwame-asante'").fetchone()[0]
        assert briefed_on(db.sql, [pid]) == {pid: TODAY}


def test_the_output_file_suffix_chooses_the_format(demo: Cli, tmp_path: Path) -> None:
    html, pdf, md = tmp_path / "kwame.html", tmp_path / "kwame.pdf", tmp_path / "kwame.md"
    for target in (html, pdf, md):
        r = demo(f"brief p-kwame-asante -o {target}")
        assert r.code == 0, r.err
        assert str(target) in r.out
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert "@media print" in html.read_text(encoding="utf-8")
    assert md.read_text(encoding="utf-8").startswith("# Brief: Kwame Asante")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and pdf_pages(data) == 1
    assert "Kwame Asante" in pdf_text(data)


def test_format_option_wins_and_html_goes_to_stdout(demo: Cli) -> None:
    r = demo("brief p-kwame-asante --format html")
    assert r.code == 0, r.err
    assert r.out.startswith("<!doctype html>")
    assert "<h1>Kwame Asante</h1>" in r.out


def test_letter_paper(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    assert demo(f"brief p-priyanka-raman -o {target} --paper letter").code == 0
    from pypdf import PdfReader

    page = PdfReader(target).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


@pytest.mark.parametrize(
    ("when", "meeting", "follow_up"),
    [
        ("2026-12-03", "Thu 3 Dec 2026", "Thu 10 Dec 2026"),
        ("next tuesday", "Tue 1 Dec 2026", "Tue 8 Dec 2026"),
        ("tomorrow", "Fri 27 Nov 2026", "Fri 4 Dec 2026"),
    ],
)
def test_on_sets_the_meeting_and_the_follow_up_a_week_later(
    demo: Cli, when: str, meeting: str, follow_up: str
) -> None:
    r = demo("brief", "p-kwame-asante", "--on", when)
    assert r.code == 0, r.err
    assert f"**Meeting:** {meeting}" in r.out
    assert f"on **{follow_up}**" in r.out


def test_unreadable_meeting_date_is_refused(demo: Cli) -> None:
    r = demo("brief", "p-kwame-asante", "--on", "when pigs fly")
    assert r.code == 2
    assert "Cannot read 'when pigs fly' as a date" in r.err
    assert "Traceback" not in r.err


def test_unknown_person_and_bad_options_are_errors(demo: Cli, tmp_path: Path) -> None:
    r = demo("brief nobody-at-all-xyz")
    assert r.code == 3 and "Nobody in your network" in r.err
    r = demo("brief p-kwame-asante --format docx")
    assert r.code == 2 and "md, html, pdf" in r.err
    r = demo("brief p-kwame-asante --paper a5")
    assert r.code == 2 and "A4 nor Letter" in r.err
    r = demo(f"brief p-kwame-asante -o {tmp_path / 'no' / 'such' / 'folder' / 'b.pdf'}")
    assert r.code == 2 and "Cannot write" in r.err


def test_help_has_an_example(cli: Cli) -> None:
    r = cli("brief --help")
    assert r.code == 0
    assert "Example: netprep brief" in r.out


def test_the_next_appointment_gives_the_meeting_its_date_time_and_place(demo: Cli) -> None:
    r = demo("next", "add", "kwame", "Coffee at Case Study on Alberta", "--due", "2026-12-02")
    assert r.code == 0, r.err
    r = demo("next", "add", "kwame", "Coffee at Case Study", "--due", "2026-12-02", "--meeting")
    assert r.code == 0, r.err
    assert demo("next", "add", "kwame", "Lunch", "--due", "2026-12-09", "--meeting").code == 0
    steps = demo("next --json").json()
    coffee = next(s for s in steps if s["what"] == "Coffee at Case Study")
    assert demo("next", "move", coffee["id"], "2026-12-02", "--at", "9:30").code == 0

    scheduled = demo("brief kwame").out
    assert "**Meeting:** Wed 2 Dec 2026, 09:30 · Coffee at Case Study  \n" in scheduled
    assert "on **Wed 9 Dec 2026**" in scheduled  # the follow-up, a week later
    assert "**You owe:** Coffee at Case Study on Alberta" in scheduled  # a task, a promise
    later = demo("brief kwame --on 2026-12-09").out
    assert "**Meeting:** Wed 9 Dec 2026 · Lunch  \n" in later
    elsewhere = demo("brief kwame --on 2026-12-04").out
    assert "**Meeting:** Fri 4 Dec 2026  \n" in elsewhere
