"""The cache of texts read in English (see ``ideas.learned.phrase_in_english``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def load_all(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Every cached reading: text -> its English, or None for a text already English."""
    return dict(conn.execute("SELECT text, english FROM gloss").fetchall())


def save(conn: sqlite3.Connection, readings: Iterable[tuple[str, str | None]]) -> None:
    """Store readings inside the caller's write transaction (a cache: the newest wins)."""
    conn.executemany("INSERT OR REPLACE INTO gloss (text, english) VALUES (?, ?)", readings)
