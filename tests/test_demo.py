"""The demo network: loads into an empty database, refuses a full one, ends today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from netprep.demo import ANCHOR, demo_network
from tests.conftest import Result

Cli = Callable[..., Result]


def test_demo_fills_an_empty_database_and_suggests_what_to_try(cli: Cli) -> None:
    r = cli("demo")
    assert r.code == 0, r.err
    assert "Try next" in r.out
    everyone = cli("people --json").json()
    assert len(everyone) >= 50
    assert any(p.get("channels") for p in everyone)
    assert any(p.get("knows") for p in everyone)
    assert cli("me --json").json()["needs"]


def test_demo_refuses_a_database_that_holds_a_network(cli: Cli) -> None:
    cli('add "Ada Lovelace"')
    r = cli("demo")
    assert r.code == 6 and "--force" in r.err
    assert [p["name"] for p in cli("people --json").json()] == ["Ada Lovelace"]
    assert cli("demo --force").code == 0
    assert "Ada Lovelace" not in {p["name"] for p in cli("people --json").json()}


@pytest.mark.parametrize("today", [ANCHOR, date(2030, 2, 14)])
def test_demo_dates_move_with_today(today: date) -> None:
    network = demo_network(today)
    last = max(i.date for i in network.interactions)
    assert 0 <= (today - last).days <= 30
    overdue = [s for s in network.next_steps if s.status == "open" and s.due < today]
    upcoming = [s for s in network.next_steps if s.status == "open" and s.due >= today]
    assert overdue and upcoming
