"""The weekly plan's order, reasons, snoozes and cadences on the small network."""

from __future__ import annotations

from datetime import date

import pytest

from netprep.errors import InvalidInput
from netprep.health import cadence, weekly_plan
from netprep.store import Database

TODAY = date(2026, 11, 26)


def order(db: Database, limit: int = 20, today: date = TODAY) -> list[tuple[str, str]]:
    return [(i.person, i.why) for i in weekly_plan(db, today, limit, with_ideas=False)]


def test_the_plan_order(network: Database) -> None:
    assert order(network) == [
        ("p-dan", "overdue_promise"),
        ("p-finn", "collaborator_quiet"),
        # dormant ties by the value of reconnecting, not by age: Gus helped twice and
        # talks flowed; Ivy offers what I need; Hal, older than Ivy, never gave back
        ("p-gus", "dormant"),
        ("p-ivy", "dormant"),
        ("p-hal", "dormant"),
        # cadences due, most overdue first: Lea's tag (60 days from Aug 1), Kim's own (30)
        ("p-lea", "cadence"),
        ("p-kim", "cadence"),
        # new, never met, and their expertise meets a need of mine (Ben's is as good,
        # but he is no new connection; Ned's is no fit)
        ("p-ana", "never_met_fit"),
    ]


def test_limit_keeps_the_best(network: Database) -> None:
    assert order(network, limit=3) == [
        ("p-dan", "overdue_promise"),
        ("p-finn", "collaborator_quiet"),
        ("p-gus", "dormant"),
    ]


def test_reasons_say_why(network: Database) -> None:
    items = {i.person: i for i in weekly_plan(network, TODAY, 20, with_ideas=False)}
    assert items["p-dan"].reason == (
        "You promised “Send Dan the deck” by Nov 20, 2026 (6 days overdue)."
    )
    assert "nothing has happened for 117 days" in items["p-finn"].reason
    assert "they helped you before (2 times)" in items["p-gus"].reason
    assert "your conversations flowed well" in items["p-gus"].reason
    assert "“intros to seed investors”" in items["p-ivy"].reason
    assert "everyone tagged clients every 60 days" in items["p-lea"].reason
    assert "every 30 days; last contact 56 days ago" in items["p-kim"].reason
    assert "their expertise “podcast editing” meets your need “podcast editing”" in (
        items["p-ana"].reason
    )
    assert items["p-gus"].score is not None and items["p-ivy"].score is not None
    assert items["p-gus"].score > items["p-ivy"].score > (items["p-hal"].score or 0)


def test_a_snoozed_person_returns_when_woken(network: Database) -> None:
    assert "p-max" not in dict(order(network))
    cadence.snooze(network, "Max Moss", None)
    dormant = [p for p, why in order(network) if why == "dormant"]
    assert dormant[0] == "p-max"  # he helped three times: the best tie to wake


def test_snooze_ends_on_its_date(network: Database) -> None:
    assert "p-max" in dict(order(network, today=date(2027, 1, 1)))


def test_snoozing_an_overdue_promise_hides_it_too(network: Database) -> None:
    cadence.snooze(network, "p-dan", date(2026, 12, 1))
    assert "p-dan" not in dict(order(network))


def test_a_personal_cadence_beats_the_tag(network: Database) -> None:
    cadence.set_cadence(network, "p-lea", 200)  # due 2027: not this week
    assert "p-lea" not in dict(order(network))
    cadence.set_cadence(network, "p-lea", 0)  # cleared: the tag's 60 days again
    assert ("p-lea", "cadence") in order(network)


def test_each_item_has_the_contract_keys(network: Database) -> None:
    for item in weekly_plan(network, TODAY, 5):
        data = item.to_json()
        assert set(data) >= {"person", "reason", "why", "idea"}
        assert data["idea"] is None or {"kind", "title", "evidence"} <= set(data["idea"])


def test_the_plan_is_empty_for_an_empty_network(db: Database) -> None:
    assert weekly_plan(db, TODAY, 5) == []


@pytest.mark.parametrize("limit", [0, 101])
def test_limit_out_of_range(network: Database, limit: int) -> None:
    with pytest.raises(InvalidInput):
        weekly_plan(network, TODAY, limit)


def test_cadence_values_are_checked(network: Database) -> None:
    with pytest.raises(InvalidInput):
        cadence.set_cadence(network, "p-kim", -3)
    with pytest.raises(InvalidInput):
        cadence.parse_until("2026-11-01", TODAY)


def test_each_person_in_the_plan_comes_with_a_first_idea(network: Database) -> None:
    items = {i.person: i for i in weekly_plan(network, TODAY, 20)}
    idea = items["p-ana"].idea
    assert idea is not None
    assert idea.kind in ("learn", "obtain")
    assert any(e.side == "them" and e.text == "podcast editing" for e in idea.evidence)
    assert items["p-ivy"].idea is not None  # her expertise is my need, word for word
