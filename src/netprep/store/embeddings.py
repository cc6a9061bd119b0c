"""Cached phrase embeddings: the ``embedding`` table, keyed by model and text.

Vectors are stored as little-endian float32 bytes. Reads use the plain sqlite3
connection; writes take the connection of an open write transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

CHUNK = 900
"""SQLite's default limit on host parameters is 999; stay below it."""


def load_vectors(
    conn: sqlite3.Connection, model: str, texts: Iterable[str] | None = None
) -> dict[str, bytes]:
    """Stored vectors of ``model`` by text: of ``texts``, or all of them when None."""
    if texts is None:
        return dict(conn.execute("SELECT text, vector FROM embedding WHERE model = ?", (model,)))
    wanted = list(dict.fromkeys(texts))
    found: dict[str, bytes] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            conn.execute(
                f"SELECT text, vector FROM embedding WHERE model = ? AND text IN ({marks})",
                [model, *chunk],
            )
        )
    return found


def save_vectors(conn: sqlite3.Connection, model: str, rows: Sequence[tuple[str, bytes]]) -> None:
    """Store vectors (text, float32 bytes) of ``model``, replacing any for the same text."""
    conn.executemany(
        "INSERT OR REPLACE INTO embedding (model, text, vector) VALUES (?, ?, ?)",
        [(model, text, vector) for text, vector in rows],
    )


def count_vectors(conn: sqlite3.Connection, model: str) -> int:
    (n,) = conn.execute("SELECT count(*) FROM embedding WHERE model = ?", (model,)).fetchone()
    return int(n)


def all_phrases(conn: sqlite3.Connection) -> list[str]:
    """Every distinct facet phrase and channel topic in the store."""
    texts = [
        r[0] for r in conn.execute("SELECT DISTINCT text FROM facet WHERE status = 'accepted'")
    ]
    for (topics,) in conn.execute(
        "SELECT DISTINCT topics FROM channel WHERE status = 'accepted' AND topics IS NOT NULL"
    ):
        texts.extend(t for t in json.loads(topics) if isinstance(t, str))
    # What was learned and may be read by the engine before review (in English, as matched).
    for text, detail in conn.execute(
        "SELECT text, detail FROM proposal WHERE status = 'proposed' AND confidence >= 0.5"
        " AND facet NOT IN ('knows', 'next_step')"
    ):
        info = json.loads(detail) if detail else {}
        if "topics" in info:
            texts.extend(
                t for t in info.get("gloss_topics") or info["topics"] if isinstance(t, str)
            )
        else:
            texts.append(info.get("gloss") or text)
    return list(dict.fromkeys(t for t in texts if t and t.strip()))


def identity_rows(conn: sqlite3.Connection) -> list[tuple[str | None, str | None, str | None]]:
    """Distinct (headline, title, company) of everyone: what says who a person is."""
    return conn.execute(
        "SELECT DISTINCT p.headline, p.title, c.name FROM person p"
        " LEFT JOIN company c ON c.id = p.company_id"
    ).fetchall()


def delete_model(conn: sqlite3.Connection, model: str) -> int:
    """Forget every vector of one model; returns how many."""
    return conn.execute("DELETE FROM embedding WHERE model = ?", (model,)).rowcount
