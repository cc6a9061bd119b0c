"""The bundled fictional network, with its dates moved so that they end today."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from importlib import resources

from netprep import exchange
from netprep.models import Network
from netprep.store import Database
from netprep.store.network import load_network
from netprep.store.search import raw_connection
from netprep.transfer import clear, ensure_empty

ANCHOR = date(2026, 11, 26)
"""The demo file is written as if this were today."""

SAMPLE_PERSON = "p-kwame-asante"
SAMPLE_MEETING_IN = timedelta(days=1)
"""The sample meeting with SAMPLE_PERSON, whose brief the demo prints, is tomorrow."""


def demo_network(today: date) -> Network:
    """The demo network with every date shifted by (today - ANCHOR)."""
    data = resources.files("netprep").joinpath("data/demo.json").read_bytes()
    network = exchange.parse(data)
    return shift_dates(network, today - ANCHOR)


def shift_dates(network: Network, delta: timedelta) -> Network:
    def moved(obj: object) -> None:
        for f in dataclasses.fields(obj):  # type: ignore[arg-type]
            value = getattr(obj, f.name)
            if isinstance(value, date):
                setattr(obj, f.name, value + delta)

    for item in (*network.people, *network.interactions, *network.next_steps):
        moved(item)
    return network


def load_demo(db: Database, *, today: date, force: bool = False) -> Network:
    """Fill the database with the demo network (refusing a non-empty one unless forced)."""
    ensure_empty(db, force=force)
    network = demo_network(today)
    with db.write() as session:
        conn = raw_connection(session)
        if force:
            clear(conn)
        load_network(conn, network, today=today)
    return network


def next_commands(path: object) -> list[str]:
    """Commands worth trying on the demo database."""
    db = f"netprep --db {path}"
    return [
        f"{db} people --search coach",
        f"{db} show {SAMPLE_PERSON}",
        f"{db} brief {SAMPLE_PERSON} -o brief.pdf",
        f"{db} me",
    ]
