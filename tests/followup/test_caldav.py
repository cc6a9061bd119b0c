"""CalDAV sync against a real Radicale server on 127.0.0.1: round trip, completion, idempotence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.radicale import free_port, server_items

pytestmark = pytest.mark.usefixtures("network")


def _components(items: list[Any], name: str) -> dict[str, Any]:
    out = {}
    for item in items:
        for component in item.icalendar_instance.walk(name):
            out[str(component["UID"])] = component
    return out


def _sync(cli: Callable[..., Any], url: str, user: str) -> dict[str, Any]:
    r = cli("calendar", "sync", url, "--user", user, "--json")
    assert r.code == 0, r.err
    result: dict[str, Any] = r.json()
    return result


def _agree(cli: Callable[..., Any]) -> None:
    assert cli('next add kevin "Send the pricing deck" --due friday').code == 0  # n-2
    assert cli('next add kevin "lunch at Blue Yonder" --due "Dec 10" --at 12:30').code == 0  # n-3


def test_round_trip_and_idempotence(cli: Callable[..., Any], radicale: str) -> None:
    _agree(cli)
    first = _sync(cli, radicale, "rosa")
    assert (first["created"], first["updated"], first["unchanged"]) == (3, 0, 0)
    events, todos = server_items(radicale, "rosa")
    assert sorted(_components(events, "VEVENT")) == ["n-3@netprep"]
    tasks = _components(todos, "VTODO")
    assert sorted(tasks) == ["n-1-todo@netprep", "n-2-todo@netprep"]
    assert str(tasks["n-2-todo@netprep"]["SUMMARY"]) == "Send the pricing deck (Kevin Okafor)"
    assert str(tasks["n-2-todo@netprep"]["STATUS"]) == "NEEDS-ACTION"

    again = _sync(cli, radicale, "rosa")
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
    # the calendar's own URL works as well, and knows what was pushed there
    direct = _sync(cli, first["calendar"], "rosa")
    assert direct["calendar"] == first["calendar"]
    assert (direct["created"], direct["unchanged"]) == (0, 3)
    events2, todos2 = server_items(radicale, "rosa")
    assert (len(events2), len(todos2)) == (1, 2)  # no duplicates


def test_done_completes_the_task_and_moves_update(cli: Callable[..., Any], radicale: str) -> None:
    _agree(cli)
    _sync(cli, radicale, "sam")
    cli("next done n-2")
    cli('next move n-3 "Dec 11" --at 13:00')
    cli("next drop n-1")
    report = _sync(cli, radicale, "sam")
    assert (report["completed"], report["updated"], report["cancelled"]) == (1, 1, 1)
    events, todos = server_items(radicale, "sam")
    tasks = _components(todos, "VTODO")
    assert str(tasks["n-2-todo@netprep"]["STATUS"]) == "COMPLETED"
    assert tasks["n-2-todo@netprep"].get("COMPLETED") is not None
    assert str(tasks["n-1-todo@netprep"]["STATUS"]) == "CANCELLED"
    lunch = _components(events, "VEVENT")["n-3@netprep"]
    assert lunch.decoded("DTSTART").isoformat() == "2026-12-11T13:00:00"
    assert _sync(cli, radicale, "sam")["unchanged"] == 3


def test_a_sync_after_lost_links_makes_no_duplicates(
    cli: Callable[..., Any], radicale: str, tmp_path: Path
) -> None:
    _agree(cli)
    _sync(cli, radicale, "lee")
    from netprep.settings import db_path
    from netprep.store import open_database

    with open_database(db_path()) as db, db.write() as session:
        from netprep.store.search import raw_connection

        raw_connection(session).execute("DELETE FROM calendar_link")
    report = _sync(cli, radicale, "lee")
    assert report["created"] == 3  # netprep forgot, but UIDs name the same objects
    events, todos = server_items(radicale, "lee")
    assert (len(events), len(todos)) == (1, 2)


def test_login_refused_and_unreachable_server(cli: Callable[..., Any], radicale: str) -> None:
    r = cli("calendar", "sync", radicale)  # Radicale wants a user name, even with auth none
    assert r.code == 7 and "refused the login" in r.err
    r = cli("calendar", "sync", f"http://127.0.0.1:{free_port()}/", "--user", "rosa")
    assert r.code == 7 and "Cannot reach" in r.err
    r = cli("calendar sync ftp://example.com/")
    assert r.code == 2
    r = cli("calendar", "sync", radicale, "--user", "rosa", "--password-env", "NETPREP_NO_SUCH_VAR")
    assert r.code == 2 and "NETPREP_NO_SUCH_VAR" in r.err
