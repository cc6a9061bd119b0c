"""The texts learning reads, straight from the store: messages, notes, titles, documents.

Importers keep every text whole (``interaction.text``, ``person.notes``, ``document``);
learning reads them from here, so that it can run again over everything when the
extractors improve, and nothing has to be imported twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Message:
    key: str
    person_id: int
    on: date
    kind: str
    direction: str | None
    subject: str | None
    text: str
    source: str
    source_key: str


@dataclass(frozen=True, slots=True)
class Card:
    """What a person's row says about who they are, and the owner's note on them."""

    person_id: int
    name: str
    title: str | None
    headline: str | None
    company: str | None
    notes: str | None
    is_me: bool


@dataclass(frozen=True, slots=True)
class Writing:
    """A document the owner published about themselves."""

    person_id: int
    kind: str
    label: str
    text: str
    on: date | None


def _ids(person_ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(person_ids)))


def messages_of(
    conn: sqlite3.Connection, person_ids: Iterable[int] | None, *, direction: str | None = None
) -> list[Message]:
    """Messages and e-mails with text (noise left out), oldest first: of these people, or
    everyone's with ``person_ids`` None; only one direction when ``direction`` is given."""
    sql = (
        "SELECT key, person_id, date, kind, direction, subject, text, source,"
        " coalesce(source_key, '') FROM interaction"
        " WHERE noise = 0 AND text IS NOT NULL AND text <> ''"
    )
    params: list[object] = []
    if person_ids is not None:
        sql += " AND person_id IN (SELECT value FROM json_each(?))"
        params.append(_ids(person_ids))
    if direction:
        sql += " AND direction = ?"
        params.append(direction)
    rows = conn.execute(sql + " ORDER BY date, id", params).fetchall()
    return [
        Message(k, pid, date.fromisoformat(d), kind, direction, subject, text, source, skey)
        for k, pid, d, kind, direction, subject, text, source, skey in rows
    ]


def cards_of(conn: sqlite3.Connection, person_ids: Iterable[int] | None) -> list[Card]:
    """Name, title, headline, company and notes of these people (everyone's with None)."""
    sql = (
        "SELECT p.id, p.name, p.title, p.headline, c.name, p.notes, p.is_me FROM person p"
        " LEFT JOIN company c ON c.id = p.company_id"
    )
    params: list[object] = []
    if person_ids is not None:
        sql += " WHERE p.id IN (SELECT value FROM json_each(?))"
        params.append(_ids(person_ids))
    return [
        Card(pid, name, title, headline, company, notes, bool(is_me))
        for pid, name, title, headline, company, notes, is_me in conn.execute(sql, params)
    ]


def writings_of(conn: sqlite3.Connection, person_id: int) -> list[Writing]:
    rows = conn.execute(
        "SELECT person_id, kind, label, text, written_on FROM document WHERE person_id = ?"
        " ORDER BY id",
        (person_id,),
    ).fetchall()
    return [
        Writing(pid, kind, label, text, date.fromisoformat(on) if on else None)
        for pid, kind, label, text, on in rows
    ]


def names(conn: sqlite3.Connection) -> dict[str, int]:
    """Folded full names of everyone but the owner, for naming whom someone knows (names
    two people share are left out: they name nobody for sure)."""
    from netprep.learn.lexicon import tokens

    counts: dict[str, list[int]] = {}
    for pid, name in conn.execute("SELECT id, name FROM person WHERE is_me = 0"):
        folded = " ".join(tokens(name))
        if len(folded.split()) >= 2:
            counts.setdefault(folded, []).append(pid)
    return {name: ids[0] for name, ids in counts.items() if len(ids) == 1}
