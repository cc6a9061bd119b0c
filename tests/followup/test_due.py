"""The morning view: overdue (mine first), today, this week, meetings with no brief yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from netprep.followup.due import next_steps_due, record_brief
from netprep.followup.steps import add_next_step
from netprep.models import NextStep
from netprep.store import Database
from netprep.store.history import save_next_step
from netprep.store.people import resolve
from netprep.store.search import raw_connection
from tests.conftest import TODAY

pytestmark = pytest.mark.usefixtures("network")


def _plan(network: Database) -> None:
    with network.write() as session:
        conn = raw_connection(session)
        # a promise made earlier and now overdue (add_next_step rightly refuses the past)
        overdue = NextStep(
            person="p-kevin", owner="me", what="send the deck", due=date(2026, 11, 24)
        )
        save_next_step(conn, overdue, resolve(conn, "p-kevin"))
    add_next_step(network, "kevin", "call about pricing", "today", today=TODAY)
    add_next_step(network, "kevin", "lunch", "next Tuesday", today=TODAY, at="12:30")
    add_next_step(network, "dana", "first coffee", "Saturday", today=TODAY, meeting=True)
    add_next_step(network, "dana", "send the brochure", "in 3 weeks", today=TODAY)


def test_the_morning_view(network: Database, cli: Callable[..., Any]) -> None:
    _plan(network)
    view = next_steps_due(network, today=TODAY)
    # mine first, though Ana's (theirs) is older
    assert [e.step.what for e in view.overdue] == ["send the deck", "Send the workshop agenda"]
    assert [e.step.what for e in view.due_today] == ["call about pricing"]
    assert [e.step.what for e in view.this_week] == ["first coffee", "lunch"]  # not in 3 weeks
    assert [e.step.what for e in view.meetings_without_brief] == ["first coffee", "lunch"]
    record_brief(network, "kevin", today=TODAY)
    again = next_steps_due(network, today=TODAY)
    assert [e.step.what for e in again.meetings_without_brief] == ["first coffee"]

    data = cli("due --json").json()
    assert list(data) == ["today", "overdue", "due_today", "this_week", "meetings_without_brief"]
    assert data["this_week"][1] == {
        "id": data["this_week"][1]["id"],
        "person": "p-kevin",
        "owner": "me",
        "what": "lunch",
        "due": "2026-12-01",
        "kind": "meeting",
        "status": "open",
        "at": "12:30",
    }
    text = cli("due").out
    for heading in ("Overdue", "Today", "This week", "Meetings with no brief yet"):
        assert heading in text


def test_nothing_due(cli: Callable[..., Any]) -> None:
    cli("next drop n-1")
    r = cli("due")
    assert r.code == 0 and "Nothing due this week" in r.out
