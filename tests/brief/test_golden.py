"""Golden Markdown and HTML briefs for demo people, today fixed at 2026-11-26.

The ideas engine and the dossier still evolve, so these files change with them: rewrite
them with NETPREP_UPDATE_GOLDEN=1, then read the diff as a user would read the brief.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest

from netprep.brief.build import Brief, build_brief
from netprep.brief.render import render_html, render_markdown
from netprep.store import Database
from tests.brief.conftest import GOLDEN
from tests.conftest import TODAY

UPDATE = os.environ.get("NETPREP_UPDATE_GOLDEN") == "1"

# Who, and the meeting date given with --on (None: whatever the store says).
PEOPLE: dict[str, date | None] = {
    "p-kwame-asante": TODAY + timedelta(days=1),  # the demo's sample meeting
    "p-priyanka-raman": None,  # a quarterly coffee already on the calendar
    "p-kim-minji": None,  # a Korean name; promises both ways
    "p-wang-fang": TODAY + timedelta(days=6),  # a Chinese name, notes, a thin profile
    "p-camille-dubois": None,  # a connection we know nothing about
}


def brief_for(db: Database, key: str) -> Brief:
    return build_brief(db, key, today=TODAY, meeting_on=PEOPLE[key])


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run with NETPREP_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"differs from {path} (NETPREP_UPDATE_GOLDEN=1 rewrites it)"


@pytest.mark.parametrize("key", PEOPLE)
def test_markdown_brief_matches_golden(demo_db: Database, key: str) -> None:
    check_golden(f"{key}.md", render_markdown(brief_for(demo_db, key)))


@pytest.mark.parametrize("key", PEOPLE)
def test_html_brief_matches_golden(demo_db: Database, key: str) -> None:
    check_golden(f"{key}.html", render_html(brief_for(demo_db, key)))


def test_sample_brief_holds_every_part_of_the_page(demo_db: Database) -> None:
    brief = brief_for(demo_db, "p-kwame-asante")
    text = render_markdown(brief)
    for heading in ("Homework", "History", "Agenda, giving first", "Questions to ask"):
        assert f"## {heading}" in text
    assert "**Meeting:** Fri 27 Nov 2026" in text
    assert "Portland Founders Breakfast" in text  # how we met
    assert "**You owe:** Send Kwame the retainer pricing worksheet" in text
    assert "**They owe:** Run an SEO audit" in text
    assert "overdue" in text
    assert "**Give and take:** You gave 2, received 1" in text
    # A follow-up a week after the meeting, to agree on before leaving.
    assert "on **Fri 4 Dec 2026**" in text
    assert 3 <= len(brief.agenda) <= 5
    assert all(item.opening for item in brief.agenda)


def test_agenda_puts_giving_first(demo_db: Database) -> None:
    for key in ("p-kwame-asante", "p-priyanka-raman", "p-kim-minji"):
        directions = [item.direction for item in brief_for(demo_db, key).agenda]
        assert directions == sorted(directions, key=("give", "mutual", "ask").index), key


def test_a_scheduled_meeting_fills_the_header_and_sets_the_follow_up(demo_db: Database) -> None:
    brief = brief_for(demo_db, "p-priyanka-raman")
    assert brief.meeting.on == date(2026, 12, 4)
    assert brief.meeting.what == "Quarterly coffee with Priyanka"
    assert brief.next_step.due == date(2026, 12, 11)


def test_without_a_meeting_date_the_follow_up_is_a_week_from_today(demo_db: Database) -> None:
    brief = brief_for(demo_db, "p-camille-dubois")
    assert brief.meeting.on is None
    assert brief.next_step.due == TODAY + timedelta(days=7)
    assert "not on the calendar yet" in render_markdown(brief)
    assert "Nothing known yet beyond the name" in render_html(brief)
    assert len(brief.questions) >= 2
