"""What the web pages read and keep: names for links, counts, the session-signing secret."""

from __future__ import annotations

import json
import sqlite3

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


def names_by_key(conn: sqlite3.Connection, keys: list[str]) -> dict[str, str]:
    """Display names of the people with these ids (unknown ids are left out)."""
    if not keys:
        return {}
    rows = conn.execute(
        "SELECT key, name FROM person WHERE key IN (SELECT value FROM json_each(?))",
        (json.dumps(keys),),
    )
    return {key: name for key, name in rows}


def people_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM person WHERE is_me = 0").fetchone()[0])
