"""A whole network in and out of the store: what ``import json`` and ``export json`` do."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from netprep import normalize
from netprep.models import Network, Person, Profile, Proposal
from netprep.store import history, people, proposals, search

BULK_REINDEX = 2000
"""Above this many people touched, rebuild the whole index rather than row by row."""


@dataclass
class LoadReport:
    """What loading a network changed."""

    added: int = 0
    updated: int = 0
    interactions: int = 0
    next_steps: int = 0
    proposals: int = 0
    touched: set[int] = field(default_factory=set)
    """Database ids of the people the file wrote (what learning reads next)."""


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
    me_pid = people.me_id(conn)
    for proposal in network.proposals:
        pid = key_to_id[proposal.person] if proposal.person else me_pid
        if pid is None:
            pid = me_pid = writer.insert(Profile(name=""), is_me=True)
        proposals.restore(conn, pid, proposal_row(proposal), today=today)
        report.proposals += 1
    report.touched = set(writer.touched) | {key_to_id[i.person] for i in network.interactions}
    if report.touched or network.me != Profile(name=""):
        from netprep.learn import learn

        me = people.me_id(conn)
        learn(conn, today=today, person_ids=report.touched | ({me} if me else set()))

    if len(writer.touched) > BULK_REINDEX:
        search.reindex_all(conn)
    else:
        search.reindex(conn, writer.touched)
    return report


def proposal_row(item: Proposal) -> dict[str, Any]:
    """An exchange-format proposal as ``proposals.restore`` stores it."""
    row: dict[str, Any] = {
        "facet": item.facet,
        "quote": item.quote,
        "source": item.source,
        "confidence": item.confidence,
        "status": item.status,
    }
    if isinstance(item.text, dict):
        detail = dict(item.text)
        row["text"] = str(detail.pop("what" if item.facet == "next_step" else "name", ""))
        if item.facet == "channels":
            detail["name"] = row["text"]
        row["detail"] = detail
    else:
        row["text"] = item.text
    return row


def _proposal(r: proposals.Row) -> Proposal:
    text: str | dict[str, Any] = r.text
    detail = {k: v for k, v in (r.detail or {}).items() if k != "gloss"}
    if r.facet == "channels":
        text = {**detail, "name": r.text}
    elif r.facet == "next_step":
        text = {"what": r.text, **detail}
    return Proposal(
        id=r.id,
        person=None if r.is_me else r.person,
        facet=r.facet,  # type: ignore[arg-type]
        text=text,
        quote=r.quote,
        source=r.source,
        confidence=round(r.confidence, 3),
        status=r.status,  # type: ignore[arg-type]
    )


def dump_network(conn: sqlite3.Connection) -> Network:
    """Everything in the store as one network."""
    profile = people.load_profile(conn)
    return Network(
        me=profile,
        people=list(people.load_people(conn).values()),
        interactions=history.load_interactions(conn, by="id"),
        next_steps=history.load_next_steps(conn, by="id"),
        proposals=[_proposal(r) for r in proposals.everything(conn)],
    )
