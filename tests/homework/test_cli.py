"""`netprep homework`, `accept` and `reject` as a user runs them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result, write_network
from tests.homework.sites import Sites

Cli = Callable[..., Result]


def _add_hannah(cli: Cli, sites: Sites, *extra: str) -> None:
    r = cli(
        "add",
        "Hannah Quill",
        "--company",
        "Quill Local SEO",
        "--url",
        sites.url("consultant"),
        "--url",
        "blog=" + sites.url("blog"),
        *extra,
    )
    assert r.code == 0, r.err


def _inferred(cli: Cli, person: str = "Hannah") -> dict[str, dict[str, Any]]:
    r = cli("homework", person, "--offline", "--json")
    assert r.code == 0, r.err
    return {i["text"]: i for i in r.json()["inferred"]}


def test_the_json_keys_are_the_contract(cli: Cli, sites: Sites) -> None:
    _add_hannah(cli, sites)
    r = cli("homework Hannah --json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["person"]["id"] == "p-hannah-quill"
    assert data["person"]["name"] == "Hannah Quill"
    assert {"first_contact", "last_contact", "interactions", "gave", "received"} <= set(
        data["history"]
    )
    assert "open_next_steps" in data["history"]
    page = data["pages"][0]
    assert {"url", "title", "summary", "fetched_on", "posts", "channels"} <= set(page)
    assert set(page["posts"][0]) >= {"title", "date", "link"}
    assert {"kind", "name"} <= set(page["channels"][0])
    item = data["inferred"][0]
    assert set(item) >= {"id", "facet", "text", "source", "date", "status"}
    assert item["status"] == "proposed"
    assert all(isinstance(q, str) for q in data["questions"])


def test_pages_are_read_once_then_kept_and_refresh_reads_again(cli: Cli, sites: Sites) -> None:
    _add_hannah(cli, sites)
    assert "No pages read yet" in cli("homework Hannah --offline").out
    first = cli("homework Hannah --json").json()
    assert first["pages"][0]["fetched_on"] == "2026-11-26"
    again = cli(
        "homework Hannah --json",
    )
    assert again.json()["pages"] == first["pages"]
    refreshed = cli("homework Hannah --refresh --json").json()
    assert [p["url"] for p in refreshed["pages"]] == [p["url"] for p in first["pages"]]


def test_accepted_facts_join_the_profile_and_rejected_ones_stay_out(cli: Cli, sites: Sites) -> None:
    _add_hannah(cli, sites, "--audience", "Independent Bakeries")
    cli("homework Hannah")
    inferred = _inferred(cli)
    # What the user wrote is never proposed again, whatever the case.
    assert "independent bakeries" not in inferred
    offer = inferred["local SEO audit"]["id"]
    need = inferred["video editor"]["id"]
    assert cli("show Hannah --json").json().get("offers") is None
    r = cli(f"accept {offer}")
    assert r.code == 0 and "Accepted" in r.out and "local SEO audit" in r.out
    r = cli(f"reject {need}")
    assert r.code == 0 and "Rejected" in r.out
    person = cli("show Hannah --json").json()
    assert person["offers"] == ["local SEO audit"]
    assert "video editor" not in person.get("needs", [])
    assert person["audiences"] == ["Independent Bakeries"]
    # A refresh keeps the review: accepted stays accepted, rejected is not proposed again.
    cli("homework Hannah --refresh")
    after = _inferred(cli)
    assert after["local SEO audit"]["status"] == "accepted"
    assert after["video editor"]["status"] == "rejected"
    assert after["review strategy workshop"]["id"] == inferred["review strategy workshop"]["id"]
    assert cli("people --search audit --json").json()[0]["id"] == "p-hannah-quill"


def test_an_accepted_channel_joins_the_profile(cli: Cli, sites: Sites) -> None:
    _add_hannah(cli, sites)
    cli("homework Hannah")
    channel = _inferred(cli)["The Crumb Ledger"]
    assert channel["facet"] == "channels" and channel["channel"]["accepts_guests"] is True
    assert cli(f"accept {channel['id']}").code == 0
    channels = cli("show Hannah --json").json()["channels"]
    assert channels == [channel["channel"]]


def test_reviewing_bad_ids_says_why(cli: Cli, sites: Sites) -> None:
    _add_hannah(cli, sites, "--expertise", "local SEO")
    r = cli("accept f-999")
    assert r.code == 3 and "No proposal f-999" in r.err
    r = cli("reject banana")
    assert r.code == 2 and "not the id of a proposal" in r.err
    own = cli("homework Hannah --offline --json").json()["known"]
    assert own[0]["source"] == "user"


def test_offline_and_refresh_do_not_mix(cli: Cli, sites: Sites) -> None:
    _add_hannah(cli, sites)
    r = cli("homework Hannah --offline --refresh")
    assert r.code == 2 and "--offline" in r.err


def test_hostile_text_is_shown_literally(cli: Cli, sites: Sites) -> None:
    r = cli("add", "Vic Tamper", "--url", sites.url("hostile"))
    assert r.code == 0
    r = cli("homework Vic")
    assert r.code == 0, r.err
    assert "Free money" in r.out
    assert "[bold red" in r.out.replace("\\", "")
    assert "file:///etc/passwd" in r.out
    assert "\x1b" not in r.out
    assert "document.cookie" not in r.out


def test_a_local_address_is_refused_without_the_opt_in(
    cli: Cli, sites: Sites, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NETPREP_ALLOW_PRIVATE_FETCH")
    local = sites.url("consultant").replace("127.0.0.1", "localhost")
    lou = {"id": "p-lou", "name": "Lou Calhost", "urls": {"website": local}}
    assert cli("import", "json", str(write_network(tmp_path / "n.json", people=[lou]))).code == 0
    r = cli("homework Lou --json")
    assert r.code == 0, r.err
    (page,) = r.json()["pages"]
    assert "localhost resolves to" in page["error"]
    assert "loopback address; netprep fetches only public addresses" in page["error"]
    assert "only public addresses" in cli("homework Lou --offline").out


def test_all_stale_refreshes_only_what_is_old_or_never_read(
    cli: Cli, sites: Sites, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_hannah(cli, sites)
    cli("add", "Maya Lindqvist", "--url", sites.url("podcast"))
    cli("add", "Nobody Online")
    cli("homework Hannah")
    r = cli("homework --all --stale 30d --json")
    assert r.code == 0, r.err
    assert [o["person"] for o in r.json()] == ["p-maya-lindqvist"]
    assert r.json()[0]["pages"] == 1
    monkeypatch.setenv("NETPREP_TODAY", "2027-01-15")
    r = cli("homework --all --stale 4w")
    assert r.code == 0, r.err
    assert "Researched 2 people" in r.out
    assert cli("homework --all --stale soon").code == 2


def test_a_dossier_without_pages_asks_the_open_questions(cli: Cli) -> None:
    cli("add", "Quiet Person", "--expertise", "pastry")
    data = cli("homework Quiet --json").json()
    assert data["pages"] == [] and data["inferred"] == []
    assert "What do they need right now?" in data["questions"]
    assert "What are they best at?" not in data["questions"]
