"""A whole network in and out of the store: what ``import json`` and ``export json`` do."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from netprep import normalize
from netprep.models import Network, Person, Profile
from netprep.store import history, people, search

BULK_REINDEX = 2000
"""Above this many people touched, rebuild the whole index rather than row by row."""


@dataclass
class LoadReport:
    """What loading a network changed."""

    added: int = 0
    updated: int = 0
    interactions: int = 0
    next_steps: int = 0


def _existing_match(conn: sqlite3.Connection, person: Person) -> int | None:
    """A stored person an id-less incoming person already is: same e-mail, else same name."""
    for address in person.emails:
        row = conn.execute(
            "SELECT person_id FROM email WHERE address_norm = ?", (normalize.email(address),)
        ).fetchone()
        if row:
            return int(row[0])
    rows = conn.execute(
        "SELECT p.id, c.name FROM person p LEFT JOIN company c ON c.id = p.company_id"
        " WHERE p.name_folded = ? AND p.is_me = 0",
        (normalize.fold(person.name),),
    ).fetchall()
    if len(rows) == 1 and (rows[0][1] or None) == (person.company or None):
        return int(rows[0][0])
    return None


def _key_of(conn: sqlite3.Connection, pid: int) -> str:
    return str(conn.execute("SELECT key FROM person WHERE id = ?", (pid,)).fetchone()[0])


def load_network(conn: sqlite3.Connection, network: Network, *, today: date) -> LoadReport:
    """Store a validated network inside the caller's write transaction.

    People with a known id are updated to match the file; new ones are added, and people
    without an id get one. Interactions and next steps are matched by id, or by content.
    """
    report = LoadReport()
    writer = people.PersonWriter(conn, today=today, source="user")
    key_to_id = people.all_keys(conn)
    pending_knows: list[tuple[int, list[str]]] = []

    if network.me != Profile(name=""):
        me = people.me_id(conn)
        if me is None:
            me = writer.insert(network.me, is_me=True)
        else:
            writer.update(me, network.me)
        pending_knows.append((me, network.me.knows))

    new_people: list[Person] = []
    for person in network.people:
        pid = key_to_id.get(person.id) if person.id else _existing_match(conn, person)
        if pid is None:
            new_people.append(person)
            continue
        writer.update(pid, person)
        report.updated += 1
        pending_knows.append((pid, person.knows))
    for person, pid in zip(new_people, writer.insert_many(new_people), strict=True):
        report.added += 1
        key_to_id[person.id or _key_of(conn, pid)] = pid
        pending_knows.append((pid, person.knows))

    for pid, knows in pending_knows:
        writer.set_knows(pid, knows, key_to_id)

    for item in network.interactions:
        history.save_interaction(conn, item, key_to_id[item.person])
        report.interactions += 1
    for step in network.next_steps:
        history.save_next_step(conn, step, key_to_id[step.person])
        report.next_steps += 1

    if len(writer.touched) > BULK_REINDEX:
        search.reindex_all(conn)
    else:
        search.reindex(conn, writer.touched)
    return report


def dump_network(conn: sqlite3.Connection) -> Network:
    """Everything in the store as one network."""
    profile = people.load_profile(conn)
    return Network(
        me=profile,
        people=list(people.load_people(conn).values()),
        interactions=history.load_interactions(conn, by="id"),
        next_steps=history.load_next_steps(conn, by="id"),
    )
