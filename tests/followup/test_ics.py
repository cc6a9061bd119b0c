"""iCalendar export: a golden file, parsed back with icalendar, stable UIDs."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from netprep.followup.ics import calendar_ics
from netprep.store import Database
from tests.conftest import TODAY

GOLDEN = Path(__file__).parent.parent / "data" / "followup"
UPDATE = os.environ.get("NETPREP_UPDATE_GOLDEN") == "1"

pytestmark = pytest.mark.usefixtures("network")


def _steps(cli: Callable[..., Any]) -> None:
    for line in (
        'next add kevin "Send the pricing deck" --due friday',
        'next add kevin "Introduce me to two bakery owners" --due "next Tuesday" --owner them',
        'next add kevin "lunch at Blue Yonder" --due "Dec 10" --at 12:30',
        'next add "Dana Lee" "first call" --due "end of month" --meeting',
        'next add "Dana Lee" "Send the case study" --due tomorrow',
    ):
        assert cli(line).code == 0
    assert cli("next done n-6").code == 0  # Dana's case study: done
    assert cli("next drop n-1").code == 0  # Ana's agenda: dropped


def _golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_bytes(data)
        if not UPDATE:
            pytest.fail(f"wrote missing golden file {path}; check it and commit it")
    assert data == path.read_bytes(), f"differs from {path} (NETPREP_UPDATE_GOLDEN=1 rewrites it)"


@pytest.mark.parametrize(
    ("todos", "name"), [(False, "next-steps.ics"), (True, "next-steps-todos.ics")]
)
def test_golden_ics(cli: Callable[..., Any], tmp_path: Path, todos: bool, name: str) -> None:
    _steps(cli)
    target = tmp_path / name
    r = cli("calendar", "export", "-o", str(target), *(["--todos"] if todos else []))
    assert r.code == 0, r.err
    _golden(name, target.read_bytes())


def test_the_export_parses_back_as_rfc5545(cli: Callable[..., Any], network: Database) -> None:
    _steps(cli)
    cal = Calendar.from_ical(calendar_ics(network, today=TODAY, todos=True))
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    todos = {str(t["UID"]): t for t in cal.walk("VTODO")}
    # open steps only as events; done and dropped ones only as completed/cancelled tasks
    assert sorted(events) == ["n-2@netprep", "n-3@netprep", "n-4@netprep", "n-5@netprep"]
    lunch = events["n-4@netprep"]
    assert lunch.decoded("DTSTART") == datetime(2026, 12, 10, 12, 30)  # floating local time
    assert lunch.decoded("DURATION") == timedelta(hours=1)
    assert str(lunch["SUMMARY"]) == "Meeting with Kevin Okafor: lunch at Blue Yonder"
    deck = events["n-2@netprep"]
    assert deck.decoded("DTSTART") == date(2026, 11, 27)  # all day
    assert deck.decoded("DTEND") == date(2026, 11, 28)
    [alarm] = deck.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    assert str(events["n-3@netprep"]["SUMMARY"]).startswith("Expect from Kevin Okafor")
    assert all(
        e.decoded("DTSTAMP") == datetime(2026, 11, 26, tzinfo=e.decoded("DTSTAMP").tzinfo)
        for e in events.values()
    )
    assert str(todos["n-6-todo@netprep"]["STATUS"]) == "COMPLETED"
    assert str(todos["n-1-todo@netprep"]["STATUS"]) == "CANCELLED"
    assert str(todos["n-2-todo@netprep"]["STATUS"]) == "NEEDS-ACTION"
    assert "n-4-todo@netprep" not in todos  # appointments are events, not tasks


def test_uids_stay_when_a_step_moves(cli: Callable[..., Any], network: Database) -> None:
    _steps(cli)
    before = Calendar.from_ical(calendar_ics(network, today=TODAY))
    cli('next move n-2 "next Friday"')
    after = Calendar.from_ical(calendar_ics(network, today=TODAY))
    uids = lambda cal: sorted(str(e["UID"]) for e in cal.walk("VEVENT"))  # noqa: E731
    assert uids(before) == uids(after)
    moved = next(e for e in after.walk("VEVENT") if str(e["UID"]) == "n-2@netprep")
    assert moved.decoded("DTSTART") == date(2026, 12, 4)


def test_export_to_stdout(cli: Callable[..., Any]) -> None:
    _steps(cli)
    r = cli("calendar export")
    assert r.code == 0
    assert "BEGIN:VCALENDAR" in r.out and "END:VCALENDAR" in r.out


def test_hostile_text_is_escaped_and_long_lines_fold_on_characters(
    cli: Callable[..., Any], network: Database
) -> None:
    what = "Send the deck; the notes, and\nthe 見積書 — " + "très " * 30 + "\\ end"
    assert cli("next", "add", "kevin", what, "--due", "friday").code == 0
    data = calendar_ics(network, today=TODAY, todos=True)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no character split across a fold
    cal = Calendar.from_ical(data)
    [event] = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "n-2@netprep"]
    assert (
        str(event["SUMMARY"])
        == " ".join(what.split())[:1].upper() + " ".join(what.split())[1:] + " (Kevin Okafor)"
    )
