"""Public pages fetched for homework: storing what each said, reading them back, finding stale ones."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from netprep.store.db import named_rows

PAGE_COLUMNS = (
    "url",
    "final_url",
    "title",
    "description",
    "summary",
    "text",
    "topics",
    "posts",
    "channels",
    "fetched_on",
    "error",
)
JSON_COLUMNS = ("topics", "posts", "channels")


def replace_pages(
    conn: sqlite3.Connection, person_id: int, pages: Sequence[dict[str, Any]]
) -> None:
    """Make the person's stored pages exactly ``pages`` (dicts keyed by PAGE_COLUMNS).

    Runs inside the caller's write transaction; a later page with the same URL wins.
    """
    conn.execute("DELETE FROM page WHERE person_id = ?", (person_id,))
    rows: dict[str, tuple[Any, ...]] = {}
    for page in pages:
        values = []
        for column in PAGE_COLUMNS:
            value = page.get(column)
            if column in JSON_COLUMNS:
                value = json.dumps(value or [], ensure_ascii=False)
            elif isinstance(value, date):
                value = value.isoformat()
            values.append(value)
        rows[page["url"]] = (person_id, *values)
    marks = ", ".join("?" * (len(PAGE_COLUMNS) + 1))
    conn.executemany(
        f"INSERT INTO page (person_id, {', '.join(PAGE_COLUMNS)}) VALUES ({marks})",
        list(rows.values()),
    )


def load_pages(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    """The person's stored pages in the order they were read, JSON columns decoded."""
    rows = named_rows(
        conn,
        f"SELECT {', '.join(PAGE_COLUMNS)} FROM page WHERE person_id = ? ORDER BY id",
        (person_id,),
    )
    pages = []
    for row in rows:
        page = dict(row)
        for column in JSON_COLUMNS:
            page[column] = json.loads(page[column]) if page[column] else []
        pages.append(page)
    return pages


def person_urls(conn: sqlite3.Connection, person_id: int) -> list[str]:
    """The URLs homework looks at for a person, in the order the user gave them."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT url FROM url WHERE person_id = ? ORDER BY position, id", (person_id,)
        )
    ]


def unread_urls(conn: sqlite3.Connection, person_id: int) -> list[str]:
    """The person's URLs that have no stored page yet."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT u.url FROM url u WHERE u.person_id = ? AND NOT EXISTS"
            " (SELECT 1 FROM page g WHERE g.person_id = u.person_id AND g.url = u.url)"
            " ORDER BY u.position, u.id",
            (person_id,),
        )
    ]


def stale_people(conn: sqlite3.Connection, *, today: date, older_than_days: int) -> list[int]:
    """People with a URL never read, or read more than ``older_than_days`` days ago."""
    cutoff = (today - timedelta(days=older_than_days)).isoformat()
    rows = conn.execute(
        "SELECT DISTINCT u.person_id FROM url u JOIN person p ON p.id = u.person_id"
        " LEFT JOIN page g ON g.person_id = u.person_id AND g.url = u.url"
        " WHERE p.is_me = 0 AND (g.id IS NULL OR g.fetched_on IS NULL OR g.fetched_on <= ?)"
        " ORDER BY u.person_id",
        (cutoff,),
    )
    return [r[0] for r in rows]
