"""Next steps on the command line: add, list, done, drop, move; --json as the exchange format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netprep.store import Database

pytestmark = pytest.mark.usefixtures("network")


def test_add_a_promise_with_words_for_the_date(cli: Callable[..., Any]) -> None:
    r = cli('next add kevin "send the pricing deck" --due "next Tuesday"')
    assert r.code == 0, r.err
    assert "due Tue 2026-12-01" in r.out
    steps = cli("next --json").json()
    added = [s for s in steps if s["person"] == "p-kevin"]
    assert added == [
        {
            "id": added[0]["id"],
            "person": "p-kevin",
            "owner": "me",
            "what": "send the pricing deck",
            "due": "2026-12-01",
            "kind": "task",
            "status": "open",
        }
    ]


def test_json_listing_is_exactly_the_exchange_format(cli: Callable[..., Any]) -> None:
    from netprep.exchange import parse

    cli('next add kevin "coffee" --due tomorrow --at 9:30')
    listed = cli("next --json").json()
    doc = {
        "format": "netprep/1",
        "me": {"name": "x"},
        "people": [{"id": p, "name": p} for p in ("p-kevin", "p-ana")],
        "interactions": [{"id": "i-1", "person": "p-ana", "date": "2026-11-02", "kind": "meeting"}],
        "next_steps": listed,
    }
    import json

    parsed = parse(json.dumps(doc))  # strict: an unknown key would fail
    assert [s.kind for s in parsed.next_steps] == ["task", "meeting"]  # by due date
    assert listed[1]["due"] == "2026-11-27"


@pytest.mark.parametrize("when", ["yesterday", "2026-11-01", "blorp", "Nov 20"])
def test_past_or_unreadable_dates_save_nothing(cli: Callable[..., Any], when: str) -> None:
    before = cli("next --json").json()
    r = cli("next", "add", "kevin", "send it", "--due", when)
    assert r.code == 2
    assert "Examples:" in r.err
    assert cli("next --json").json() == before


def test_owner_and_overdue_filters(cli: Callable[..., Any]) -> None:
    cli('next add kevin "send the deck" --due friday')
    overdue = cli("next --overdue --json").json()
    assert [s["id"] for s in overdue] == ["n-1"]  # Ana's agenda, due 2026-11-20
    assert [s["owner"] for s in cli("next --owner them --json").json()] == ["them"]
    assert [s["person"] for s in cli("next --owner me --json").json()] == ["p-kevin"]
    r = cli("next --overdue")
    assert "Send the workshop agenda" in r.out and "send the deck" not in r.out


def test_done_drop_and_move(cli: Callable[..., Any]) -> None:
    step = cli('next add kevin "send the deck" --due friday --json').json()["id"]
    moved = cli(f'next move {step} "end of month" --json').json()
    assert moved["due"] == "2026-11-30"
    done = cli(f"next done {step} --json").json()
    assert done["status"] == "done" and done["done_on"] == "2026-11-26"
    assert step not in [s["id"] for s in cli("next --json").json()]
    assert cli(f"next move {step} tomorrow").code == 6  # done steps don't move
    cli("next drop 1")  # a bare number names n-1
    everything = {s["id"]: s["status"] for s in cli("next --all --json").json()}
    assert everything == {"n-1": "dropped", step: "done"}


def test_unknown_step_and_bad_time(cli: Callable[..., Any]) -> None:
    r = cli("next done n-99")
    assert r.code == 3 and "n-99" in r.err
    r = cli('next add kevin "coffee" --due friday --at 25:00')
    assert r.code == 2 and "time of day" in r.err


def test_appointment_time_in_words(network: Database) -> None:
    from netprep.followup.steps import add_next_step
    from tests.conftest import TODAY

    entry = add_next_step(network, "Kevin", "lunch", "next Tuesday", today=TODAY, at="1pm")
    assert (entry.step.kind, entry.at) == ("meeting", "13:00")


def test_every_command_help_has_an_example(cli: Callable[..., Any]) -> None:
    for command in (
        "log",
        "next",
        "next add",
        "next done",
        "next drop",
        "next move",
        "decide",
        "followup",
        "calendar export",
        "calendar sync",
        "due",
    ):
        r = cli(f"{command} --help")
        assert r.code == 0 and "Example:" in r.out, command


def test_the_fast_step_dict_equals_the_exchange_one() -> None:
    from datetime import date

    from netprep.exchange import to_dict
    from netprep.followup.steps import step_dict
    from netprep.models import NextStep

    variants = [
        NextStep(person="p-a", owner="me", what="x", due=date(2026, 12, 1)),
        NextStep(
            id="n-1",
            person="p-a",
            interaction="i-1",
            owner="them",
            what="y",
            due=date(2026, 12, 1),
            kind="meeting",
            status="done",
            done_on=date(2026, 11, 30),
        ),
    ]
    for step in variants:
        assert step_dict(step) == to_dict(step)
        assert list(step_dict(step)) == list(to_dict(step))


def test_a_long_listing_is_cut_with_a_hint(cli: Callable[..., Any]) -> None:
    for n in range(4):
        cli("next", "add", "kevin", f"task {n}", "--due", "friday")
    r = cli("next --limit 2")
    assert "2 of 5 shown; see more with netprep next --limit N." in r.out
    assert len(cli("next --json --limit 2").json()) == 5
