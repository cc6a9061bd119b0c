"""The health, plan, cadence and snooze commands, as a user runs them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netprep.store import Database

CONTRACT = (
    "never_met",
    "met_no_next_step",
    "overdue_mine",
    "overdue_theirs",
    "one_way_gave",
    "one_way_received",
    "collaborate_quiet",
    "dormant",
    "purposeful_share",
)

Cli = Callable[..., Any]


def test_health_json(network: Database, cli: Cli) -> None:
    r = cli("health --json")
    assert r.code == 0, r.err
    data = r.json()
    assert set(CONTRACT) <= set(data)
    assert data["overdue_mine"] == ["n-dan"]
    assert data["dormant"] == ["p-ivy", "p-max", "p-hal", "p-gus"]
    assert 0 <= data["purposeful_share"] <= 1


def test_health_for_people(network: Database, cli: Cli) -> None:
    r = cli("health")
    assert r.code == 0, r.err
    assert "14% of the 7 people you are in touch with have a dated next step ahead" in r.out
    assert "Dan Dorn: Send Dan the deck (2026-11-20)" in r.out
    assert "Ivy Ives; Max Moss; Hal Holt; +1 more" in r.out


def test_dormant_months_option_and_remember(network: Database, cli: Cli) -> None:
    assert "p-ivy" not in cli("health --json --dormant-months 12").json()["dormant"]
    assert "p-ivy" in cli("health --json").json()["dormant"]
    cli("health --json --dormant-months 12 --remember")
    assert "p-ivy" not in cli("health --json").json()["dormant"]
    assert cli("health --dormant-months 0").code == 2


def test_health_chart_files(network: Database, cli: Cli, tmp_path: Path) -> None:
    svg, png = tmp_path / "health.svg", tmp_path / "knows.png"
    r = cli("health", "--chart", str(svg))
    assert r.code == 0, r.err
    assert "Chart written to" in r.out
    assert "Relationships by state" in svg.read_text()
    r = cli("health", "--json", "--chart", str(png), "--kind", "knows", "--person", "Ana")
    assert r.code == 0, r.err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert r.json()["never_met"]  # --json still prints the report alone


@pytest.mark.parametrize(
    "args",
    [
        ("--chart", "health.pdf"),
        ("--chart", "knows.svg", "--kind", "knows"),
        ("--chart", "x.svg", "--kind", "pie"),
    ],
)
def test_bad_chart_requests(network: Database, cli: Cli, tmp_path: Path, args: tuple[str]) -> None:
    r = cli("health", *(str(tmp_path / a) if a.endswith((".svg", ".pdf")) else a for a in args))
    assert r.code == 2
    assert "Error" in r.err and "Traceback" not in r.err


def test_plan(network: Database, cli: Cli) -> None:
    r = cli("plan --json --limit 3")
    assert r.code == 0, r.err
    assert [(i["person"], i["why"]) for i in r.json()] == [
        ("p-dan", "overdue_promise"),
        ("p-finn", "collaborator_quiet"),
        ("p-gus", "dormant"),
    ]
    r = cli("plan --no-ideas")
    assert "1. Dan Dorn (p-dan) · overdue promise" in r.out
    assert "5. Hal Holt (p-hal) · dormant tie" in r.out


def test_cadence_and_snooze_commands(network: Database, cli: Cli) -> None:
    r = cli("cadence 'Cara Costa' 14")
    assert r.code == 0, r.err
    assert "Cara Costa (p-cara): every 14 days." in r.out
    assert cli("cadence --tag clients 90").out.startswith("✓ Tag clients (1 people): every 90")
    r = cli("snooze Ivy 2027-02-01")
    assert "Ivy Ives (p-ivy) is snoozed until 2027-02-01." in r.out
    listing = cli("cadence --json").json()
    assert listing["tags"] == {"clients": 90}
    people = {p["person"]: p for p in listing["people"]}
    assert people["p-cara"]["days"] == 14
    assert people["p-ivy"]["snoozed_until"] == "2027-02-01"
    assert people["p-max"]["snoozed_until"] == "2027-01-01"
    assert "p-ivy" not in [i["person"] for i in cli("plan --json --limit 20 --no-ideas").json()]
    assert "Ivy Ives (p-ivy) is awake." in cli("snooze Ivy --off").out
    assert "until 2026-12-10" in cli("snooze Kim 'in 2 weeks'").out
    assert "tag clients: every 90 days" in cli("cadence").out


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("cadence Nobody-Here-Zzz 30", 3),
        ("cadence Kim -5", 2),
        ("cadence Kim", 2),
        ("cadence --tag clients", 2),
        ("snooze Kim 2026-11-01", 2),
        ("snooze Kim", 2),
        ("plan --limit 0", 2),
    ],
)
def test_bad_input_is_an_error_not_a_traceback(
    network: Database, cli: Cli, line: str, code: int
) -> None:
    r = cli(line)
    assert r.code == code, (r.out, r.err)
    assert "Traceback" not in r.err


def test_help_has_examples(cli: Cli) -> None:
    for command in ("health", "plan", "cadence", "snooze"):
        assert "Example:" in cli(f"{command} --help").out
