"""Every health count of the small network, and the headline figure."""

from __future__ import annotations

from datetime import date

import pytest

from netprep.health import network_health
from netprep.health.states import LIST_KEYS, months_before, remember_dormant_months
from netprep.store import Database

TODAY = date(2026, 11, 26)


def test_every_list_names_the_right_people_in_working_order(network: Database) -> None:
    health = network_health(network, TODAY)
    assert health.never_met == ["p-ana", "p-ned", "p-lea", "p-ben"]  # newest connection first
    # latest meeting first; Cara's meeting led to a (done) step, so she is not here
    assert health.met_no_next_step == ["p-olga", "p-kim", "p-finn"]
    assert health.overdue_mine == ["n-dan"]
    assert health.overdue_theirs == ["n-eva-1"]
    assert health.one_way_gave == ["p-hal"]  # Dan's single favour is not a pattern
    assert health.one_way_received == ["p-max", "p-gus"]  # most often first
    assert health.collaborate_quiet == ["p-finn"]
    assert health.dormant == ["p-ivy", "p-max", "p-hal", "p-gus"]  # Jo, passed, is not


def test_states_partition_everyone(network: Database) -> None:
    health = network_health(network, TODAY)
    assert health.states == {
        "never_met": 4,
        "met_no_next_step": 3,
        "active": 3,
        "dormant": 4,
        "passed": 1,
    }
    assert sum(health.states.values()) == health.people == 15


def test_purposeful_share_counts_active_relationships_with_a_step_ahead(network: Database) -> None:
    health = network_health(network, TODAY)
    # In motion: recent contact (Cara, Finn, Kim, Olga, and Lea by e-mail) or an open step
    # (Dan, Eva). Only Eva has a step still ahead; Dan's is overdue.
    assert sorted(health.active_relationships) == [
        "p-cara", "p-dan", "p-eva", "p-finn", "p-kim", "p-lea", "p-olga",
    ]  # fmt: skip
    assert health.purposeful == ["p-eva"]
    assert health.purposeful_share == pytest.approx(1 / 7)


def test_json_has_the_contract_keys(network: Database) -> None:
    data = network_health(network, TODAY).to_json()
    for key in LIST_KEYS:
        assert isinstance(data[key], list)
    assert data["purposeful_share"] == pytest.approx(0.1429, abs=1e-4)
    assert data["dormant_months"] == 6


def test_a_longer_dormant_threshold_wakes_ivy(network: Database) -> None:
    health = network_health(network, TODAY, dormant_months_override=12)
    assert "p-ivy" not in health.dormant
    assert health.met_no_next_step[-1] == "p-ivy"  # her meeting led to no next step


def test_the_threshold_can_be_stored_and_the_environment_wins(
    network: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember_dormant_months(network, 12)
    assert network_health(network, TODAY).dormant_months == 12
    monkeypatch.setenv("NETPREP_DORMANT_MONTHS", "3")
    assert network_health(network, TODAY).dormant_months == 3


def test_an_empty_network_is_healthy_but_not_purposeful(db: Database) -> None:
    health = network_health(db, TODAY)
    assert health.people == 0
    assert health.purposeful_share == 0.0
    assert all(getattr(health, key) == [] for key in LIST_KEYS)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 26), 6, date(2026, 5, 26)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected
