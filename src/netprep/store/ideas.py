"""Reads for the ideas engine: who holds which phrase, where phrases came from, who knows whom."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence


def facet_sources(
    conn: sqlite3.Connection, person_ids: Sequence[int]
) -> dict[tuple[str | None, str, str], str]:
    """Where each accepted facet phrase of these people came from, keyed by (person key or
    None for the owner, facet, text): "user", "import:<source>" or "homework"."""
    rows = conn.execute(
        "SELECT CASE WHEN p.is_me THEN NULL ELSE p.key END, f.kind, f.text, f.source"
        " FROM facet f JOIN person p ON p.id = f.person_id"
        " WHERE f.status = 'accepted' AND (p.is_me OR f.person_id IN (SELECT value FROM json_each(?)))",
        (json.dumps(list(person_ids)),),
    )
    return {(key, kind, text): source for key, kind, text, source in rows}


LEARNED_FLOOR = 0.5
"""Open proposals at or above this confidence count as phrases (``store.proposals.FLOOR``)."""

_PHRASES = f"""
SELECT person_id, kind, text FROM facet WHERE status = 'accepted' AND kind IN ({{kinds}})
UNION ALL
SELECT person_id, facet, coalesce(json_extract(detail, '$.gloss'), text) FROM proposal
WHERE status = 'proposed' AND confidence >= {LEARNED_FLOOR} AND facet IN ({{kinds}})
"""
"""Phrases of some facets, typed or accepted, and learned (in English where glossed)."""


def _phrases(*kinds: str) -> str:
    return _PHRASES.format(kinds=", ".join(f"'{k}'" for k in kinds))


def supply_rows(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(person id, facet, text) of every expertise and offer (learned ones too), the
    owner's excepted."""
    return conn.execute(
        f"SELECT f.person_id, f.kind, f.text FROM ({_phrases('expertise', 'offers')}) f"
        " JOIN person p ON p.id = f.person_id WHERE p.is_me = 0"
    ).fetchall()


def supply_holders(conn: sqlite3.Connection) -> list[tuple[str, list[int]]]:
    """Each distinct expertise or offer phrase with the people who hold it (owner excepted)."""
    me = conn.execute("SELECT id FROM person WHERE is_me = 1").fetchone()
    rows = conn.execute(
        f"SELECT text, group_concat(person_id) FROM ({_phrases('expertise', 'offers')})"
        " WHERE person_id <> ? GROUP BY text",
        (me[0] if me else -1,),
    )
    return [(text, [int(i) for i in ids.split(",")]) for text, ids in rows]


def identity_holders(
    conn: sqlite3.Connection,
) -> list[tuple[str | None, str | None, str | None, list[int]]]:
    """Each distinct (headline, title, company) with the people it describes (owner excepted)."""
    rows = conn.execute(
        "SELECT p.headline, p.title, c.name, group_concat(p.id) FROM person p"
        " LEFT JOIN company c ON c.id = p.company_id WHERE p.is_me = 0"
        " GROUP BY p.headline, p.title, c.name"
    )
    return [(h, t, c, [int(i) for i in ids.split(",")]) for h, t, c, ids in rows]


def ask_rows(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(person id, facet, text) of every need and wanted audience (learned ones too),
    owner's excepted."""
    return conn.execute(
        f"SELECT f.person_id, f.kind, f.text FROM ({_phrases('needs', 'wanted_audiences')}) f"
        " JOIN person p ON p.id = f.person_id WHERE p.is_me = 0"
    ).fetchall()


def identity_of_everyone(
    conn: sqlite3.Connection,
) -> list[tuple[int, str | None, str | None, str | None]]:
    """(person id, headline, title, company) of everyone but the owner."""
    return conn.execute(
        "SELECT p.id, p.headline, p.title, c.name FROM person p"
        " LEFT JOIN company c ON c.id = p.company_id WHERE p.is_me = 0"
    ).fetchall()


def colleagues_and_known(conn: sqlite3.Connection, pid: int) -> list[int]:
    """Whom ``pid`` knows, and who works at the same company when that makes them
    colleagues (``meeting.colleagues_by``: not self-employment, not a firm of hundreds)."""
    from netprep.ideas.meeting import COLLEAGUES, colleagues_by
    from netprep.store.proposals import active_knows

    known = [r[0] for r in conn.execute("SELECT other_id FROM knows WHERE person_id = ?", (pid,))]
    known += active_knows(conn, [pid]).get(pid, [])
    row = conn.execute(
        "SELECT c.id, c.name FROM person p JOIN company c ON c.id = p.company_id WHERE p.id = ?",
        (pid,),
    ).fetchone()
    if row is None:
        return known
    mates = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM person WHERE company_id = ? AND id <> ? AND is_me = 0 LIMIT ?",
            (row[0], pid, COLLEAGUES + 1),
        )
    ]
    if not colleagues_by(row[1], len(mates)):
        return known
    return list(dict.fromkeys([*known, *mates]))


def known_by_me(conn: sqlite3.Connection) -> list[int]:
    """Whom the owner's profile says they know (empty: everyone counts)."""
    rows = conn.execute(
        "SELECT k.other_id FROM knows k JOIN person p ON p.id = k.person_id WHERE p.is_me = 1"
    )
    return [r[0] for r in rows]


def fingerprint(conn: sqlite3.Connection) -> tuple[object, ...]:
    """Changes whenever people, facets or knows edges change (to keep in-process indexes)."""
    return tuple(
        conn.execute(
            "SELECT (SELECT count(*) FROM facet), (SELECT coalesce(max(id), 0) FROM facet),"
            " (SELECT count(*) FROM person), (SELECT max(updated_at) FROM person),"
            " (SELECT count(*) FROM knows), (SELECT count(*) FROM proposal),"
            " (SELECT coalesce(max(id), 0) FROM proposal),"
            " (SELECT count(*) FROM proposal WHERE status = 'proposed')"
        ).fetchone()
    )
