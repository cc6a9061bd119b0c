"""What the web pages read and keep: names for links, counts, the session-signing secret."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

SESSION_SECRET = "web.session_secret"


def ensure_session_secret(conn: sqlite3.Connection, candidate: str) -> str:
    """The stored secret, storing ``candidate`` first if there is none yet.

    Runs inside the caller's write transaction; two processes starting at once agree on
    one secret because the first insert wins.
    """
    conn.execute(
        "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", (SESSION_SECRET, candidate)
    )
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (SESSION_SECRET,)).fetchone()
    return str(row[0])


SIGNED_OUT = "web.signed_out_at"


def signed_out_at(conn: sqlite3.Connection) -> int:
    """When the owner last logged out of the web app (Unix seconds; 0 if never)."""
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (SIGNED_OUT,)).fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def sign_out(conn: sqlite3.Connection, at: int) -> None:
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SIGNED_OUT, str(at)),
    )


def people_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM person WHERE is_me = 0").fetchone()[0])


def person_summaries(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, Any]]:
    """What a listing shows of each person (id, name, title, company, decision, tags), in
    the order of ``ids``: two queries, where loading whole people would take ten."""
    if not ids:
        return []
    marks = json.dumps(ids)
    found: dict[int, dict[str, Any]] = {}
    for pid, key, name, title, company, decision in conn.execute(
        "SELECT p.id, p.key, p.name, p.title, c.name, p.collaboration FROM person p"
        " LEFT JOIN company c ON c.id = p.company_id"
        " WHERE p.id IN (SELECT value FROM json_each(?))",
        (marks,),
    ):
        found[pid] = {
            "id": key,
            "name": name,
            "title": title,
            "company": company,
            "collaboration": decision,
            "tags": [],
        }
    for pid, tag in conn.execute(
        "SELECT person_id, tag FROM tag WHERE person_id IN (SELECT value FROM json_each(?))"
        " ORDER BY person_id, position, tag",
        (marks,),
    ):
        found[pid]["tags"].append(tag)
    return [found[i] for i in ids if i in found]
