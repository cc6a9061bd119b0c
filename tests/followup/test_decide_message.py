"""The decision after meeting, and the follow-up message (text, .eml, mailto:)."""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from netprep.followup.decisions import get_decision
from netprep.store import Database

pytestmark = pytest.mark.usefixtures("network")


def test_decide_stores_the_decision_why_and_when(
    cli: Callable[..., Any], network: Database
) -> None:
    r = cli('decide kevin collab --why "complementary clients"')
    assert r.code == 0, r.err
    assert "collaborate (2026-11-26): complementary clients" in r.out
    found = get_decision(network, "p-kevin")
    assert (found.decision, found.why, found.decided_on.isoformat()) == (
        "collaborate",
        "complementary clients",
        "2026-11-26",
    )
    # the person's own record (show, export) says it too
    assert cli("show kevin --json").json()["collaboration"] == "collaborate"


def test_decide_refuses_other_words(cli: Callable[..., Any]) -> None:
    r = cli("decide kevin maybe")
    assert r.code == 2 and "collaborate, pass or undecided" in r.err


def _agree(cli: Callable[..., Any]) -> None:
    cli('log kevin --date yesterday --summary "coffee"')
    cli('next add kevin "Send the pricing deck" --due friday')
    cli('next add kevin "Introduce me to two bakery owners" --due "next Tuesday" --owner them')
    cli('next add kevin "lunch at Blue Yonder" --due "Dec 10" --at 12:30')


def test_followup_text_says_who_does_what_by_when(cli: Callable[..., Any]) -> None:
    _agree(cli)
    r = cli("followup kevin")
    assert r.code == 0, r.err
    assert "To: kevin@example.com" in r.out
    assert "Hi Kevin," in r.out
    assert "Thank you for the meeting on Wednesday 25 November." in r.out
    assert "- I'll send the pricing deck by Friday 27 November." in r.out
    assert "- You'll introduce me to two bakery owners by Tuesday 1 December." in r.out
    assert "We meet again on Thursday 10 December at 12:30: lunch at Blue Yonder." in r.out
    assert r.out.rstrip().endswith("Rosa Delgado")


def test_followup_as_eml_and_mailto(cli: Callable[..., Any], tmp_path: Path) -> None:
    _agree(cli)
    target = tmp_path / "kevin.eml"
    r = cli(f"followup kevin --eml {target}")
    assert r.code == 0, r.err
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["To"] == "Kevin Okafor <kevin@example.com>"
    assert message["From"] == "Rosa Delgado <rosa@example.com>"
    assert message["X-Unsent"] == "1"
    assert "I'll send the pricing deck" in message.get_content()
    link = cli("followup kevin --mailto").out.strip()
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "kevin@example.com"
    body = parse_qs(parts.query)["body"][0]
    assert "I'll send the pricing deck by Friday 27 November.\r\n" in body


def test_followup_without_anything_agreed_asks_for_a_next_step(cli: Callable[..., Any]) -> None:
    r = cli("followup dana")
    assert r.code == 0
    assert "To: (no e-mail address on file)" in r.out
    assert "Shall we agree on a next step" in r.out


def test_show_says_the_decision_why_and_when(cli: Callable[..., Any]) -> None:
    cli('decide kevin pass --why "no overlap"')
    assert "pass (2026-11-26): no overlap" in cli("show kevin").out
