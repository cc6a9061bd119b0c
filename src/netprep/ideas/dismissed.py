"""Ideas the owner dismissed for a person, and why: they are not suggested for them again.

An idea is known by its kind and the phrases it rests on, not by its wording, so a reworded
title of the same suggestion stays dismissed, and a new phrase makes a new idea.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from typing import TYPE_CHECKING

from netprep.errors import InvalidInput

if TYPE_CHECKING:
    from netprep.models import Idea
    from netprep.store import Database

REASONS = {
    "wrong": "It is wrong about them",
    "done": "Already done",
    "not-now": "Not now",
    "not-for-me": "Not something I would do",
}
"""Why an idea is dismissed, as the web app offers it (a typed reason is kept as well)."""
MAX_REASON = 300


def idea_key(idea: Idea) -> str:
    """A short stable name for an idea: its kind and the phrases of its evidence."""
    parts = [
        idea.kind,
        *sorted(f"{e.side}|{e.person or ''}|{e.facet}|{e.text}" for e in idea.evidence),
    ]
    if not idea.evidence:
        parts.append(idea.title)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def dismissed_keys(conn: sqlite3.Connection, person_id: int) -> set[str]:
    rows = conn.execute("SELECT idea_key FROM dismissed_idea WHERE person_id = ?", (person_id,))
    return {key for (key,) in rows}


def dismiss(
    db: Database, person_ref: str, key: str, *, title: str, reason: str, today: date
) -> str:
    """Dismiss the idea ``key`` for a person, with a reason; returns the person's name."""
    from netprep.store import people as rows
    from netprep.store.search import raw_connection

    why = " ".join(reason.split())[:MAX_REASON]
    if not why:
        raise InvalidInput("Say why the idea is dismissed.")
    if not key.strip():
        raise InvalidInput("Name the idea to dismiss.")
    with db.write() as session:
        conn = raw_connection(session)
        pid = rows.resolve(conn, person_ref)
        conn.execute(
            "INSERT INTO dismissed_idea (person_id, idea_key, title, reason, dismissed_on)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, idea_key) DO UPDATE"
            " SET reason = excluded.reason, dismissed_on = excluded.dismissed_on",
            (pid, key.strip(), " ".join(title.split())[:500], why, today.isoformat()),
        )
        name = conn.execute("SELECT name FROM person WHERE id = ?", (pid,)).fetchone()[0]
    return str(name)


def restore(db: Database, person_ref: str, key: str) -> bool:
    """Undo a dismissal: the idea may be suggested again. False if it was not dismissed."""
    from netprep.store import people as rows
    from netprep.store.search import raw_connection

    with db.write() as session:
        conn = raw_connection(session)
        pid = rows.resolve(conn, person_ref)
        gone = conn.execute(
            "DELETE FROM dismissed_idea WHERE person_id = ? AND idea_key = ?", (pid, key.strip())
        )
        return gone.rowcount > 0
