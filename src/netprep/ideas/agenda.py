"""Ideas the owner put on the agenda of the next meeting with someone: the brief and the
person's page take them first, in the order they were added.

An idea is known by ``dismissed.idea_key`` (its kind and evidence), so a reworded title of
the same suggestion stays on the agenda.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING

from netprep.errors import InvalidInput

if TYPE_CHECKING:
    from netprep.store import Database


def agenda_keys(conn: sqlite3.Connection, person_id: int) -> list[str]:
    """The keys of the ideas on their agenda, first added first."""
    rows = conn.execute(
        "SELECT idea_key FROM agenda_idea WHERE person_id = ? ORDER BY added_on, rowid",
        (person_id,),
    )
    return [key for (key,) in rows]


def put_on_agenda(db: Database, person_ref: str, key: str, *, title: str, today: date) -> None:
    """Put the idea ``key`` on the agenda for a person (again: nothing changes)."""
    from netprep.store import people as rows
    from netprep.store.search import raw_connection

    if not key.strip():
        raise InvalidInput("Name the idea to put on the agenda.")
    with db.write() as session:
        conn = raw_connection(session)
        pid = rows.resolve(conn, person_ref)
        conn.execute(
            "INSERT INTO agenda_idea (person_id, idea_key, title, added_on) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (person_id, idea_key) DO NOTHING",
            (pid, key.strip(), " ".join(title.split())[:500], today.isoformat()),
        )


def take_off_agenda(db: Database, person_ref: str, key: str) -> bool:
    """Take the idea off their agenda; False if it was not on it."""
    from netprep.store import people as rows
    from netprep.store.search import raw_connection

    with db.write() as session:
        conn = raw_connection(session)
        pid = rows.resolve(conn, person_ref)
        gone = conn.execute(
            "DELETE FROM agenda_idea WHERE person_id = ? AND idea_key = ?", (pid, key.strip())
        )
        return gone.rowcount > 0
