"""The meeting log: the keep-in-touch clock, and the flag on a meeting with no next step."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from netprep.followup.log import last_contact, people_met_without_next_step
from netprep.store import Database
from netprep.store.people import resolve
from tests.conftest import TODAY
from tests.followup.conftest import TTYInput

pytestmark = pytest.mark.usefixtures("network")


def test_logging_resets_the_keep_in_touch_clock(cli: Callable[..., Any], network: Database) -> None:
    kevin = resolve(network.sql, "p-kevin")
    assert last_contact(network.sql, kevin, today=TODAY) is None
    r = cli('log kevin --kind email --date yesterday --summary "sent the intro"')
    assert r.code == 0, r.err
    assert last_contact(network.sql, kevin, today=TODAY) == date(2026, 11, 25)
    cli("log kevin --kind message")
    assert last_contact(network.sql, kevin, today=TODAY) == TODAY


def test_a_meeting_with_no_next_step_warns_and_shows_in_health(
    cli: Callable[..., Any], network: Database
) -> None:
    r = cli('log kevin --flow good --summary "SEO for bakeries" --gave "an intro to Ana"')
    assert r.code == 0, r.err
    assert "No dated next step with Kevin Okafor" in r.err
    assert 'netprep next add p-kevin "WHAT" --due WHEN' in r.err
    flagged = people_met_without_next_step(network.sql, TODAY)
    # Ana's meeting led to a step (overdue now, but agreed): not flagged.
    assert [m.person for m in flagged] == ["p-kevin"]
    assert flagged[0].met_on == TODAY
    # Bruno had a meeting too, but the decision was to pass: no next step is expected.
    assert "p-bruno" not in {m.person for m in flagged}


def test_a_next_step_clears_the_flag(cli: Callable[..., Any], network: Database) -> None:
    cli("log kevin")
    cli('next add kevin "send the deck" --due "by Friday"')
    assert "p-kevin" not in {m.person for m in people_met_without_next_step(network.sql, TODAY)}


def test_log_with_its_next_step_in_one_go(cli: Callable[..., Any], network: Database) -> None:
    r = cli('log kevin --next "send the pricing deck" --due "next Tuesday" --json')
    assert r.code == 0, r.err
    data = r.json()
    assert data["needs_next_step"] is False
    assert data["interaction"]["kind"] == "meeting"
    [step] = data["next_steps"]
    assert step["interaction"] == data["interaction"]["id"]
    assert step["due"] == "2026-12-01"
    assert "Warning" not in r.err


def test_a_bad_next_step_date_logs_nothing(cli: Callable[..., Any], network: Database) -> None:
    r = cli('log kevin --next "send it" --due yesterday')
    assert r.code == 2
    assert last_contact(network.sql, resolve(network.sql, "p-kevin"), today=TODAY) is None


def test_an_email_is_not_flagged(cli: Callable[..., Any]) -> None:
    r = cli("log kevin --kind email")
    assert r.code == 0 and "Warning" not in r.err


def test_bad_kind_flow_and_future_dates_are_refused(cli: Callable[..., Any]) -> None:
    assert cli("log kevin --kind lunch").code == 2
    assert cli("log kevin --flow great").code == 2
    r = cli("log kevin --date tomorrow")
    assert r.code == 2 and "next add" in r.err


def test_interactively_the_log_asks_for_the_next_step(
    cli: Callable[..., Any], network: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", TTYInput("send the deck\nyesterday\nnext Friday\nthem\n"))
    r = cli('log kevin --summary "coffee"')
    assert r.code == 0, r.err
    assert "no dated next step yet" in r.out
    assert "in the past" in r.err  # "yesterday" was refused, and asked again
    steps = [s for s in cli("next --json").json() if s["person"] == "p-kevin"]
    assert len(steps) == 1
    assert (steps[0]["what"], steps[0]["due"], steps[0]["owner"]) == (
        "send the deck",
        "2026-12-04",
        "them",
    )
    assert steps[0]["interaction"]  # tied to the meeting just logged
    assert "p-kevin" not in {m.person for m in people_met_without_next_step(network.sql, TODAY)}


def test_interactively_an_empty_answer_skips(
    cli: Callable[..., Any], network: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", TTYInput("\n"))
    r = cli("log kevin")
    assert r.code == 0
    assert "met, no next step" in r.err
    assert "p-kevin" in {m.person for m in people_met_without_next_step(network.sql, TODAY)}


def test_logging_the_same_meeting_twice_keeps_one(cli: Callable[..., Any]) -> None:
    first = cli('log kevin --summary "coffee" --json').json()["interaction"]["id"]
    again = cli('log kevin --summary "coffee" --json').json()["interaction"]["id"]
    assert first == again
