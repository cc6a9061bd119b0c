"""Full-text search over people, accent- and case-insensitive, kept current on every write.

Text goes into the FTS5 index folded to ASCII and lower case (``fold``), and queries are
folded the same way, so "zoe muller" finds "Zoë Müller" and "Zoe" finds "ZOË".
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from netprep.models import ME_KEY
from netprep.normalize import fold

if TYPE_CHECKING:
    from netprep.store.db import Transaction

_WORD = re.compile(r"\w+", re.UNICODE)
_DIRTY = "netprep_fts_dirty"
_CHUNK = 500


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression: every word of the query, each as a prefix."""
    words = _WORD.findall(fold(query))
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


# -- keeping the index current -----------------------------------------------------------
def mark_dirty(tx: Transaction, person_ids: Iterable[int]) -> None:
    """Ask for people to be re-indexed when the transaction commits."""
    tx.info.setdefault(_DIRTY, set()).update(person_ids)


def refresh_tracked(tx: Transaction) -> None:
    """Re-index the people this transaction touched; runs inside it, just before commit."""
    dirty: set[int] = tx.info.get(_DIRTY, set())
    if dirty:
        reindex(tx.conn, dirty)
        dirty.clear()


def raw_connection(tx: Transaction) -> sqlite3.Connection:
    """The transaction's own sqlite3 connection."""
    return tx.conn


_DOCUMENTS = """
SELECT p.id, p.name, c.name, coalesce(p.title, '') || ' ' || coalesce(p.headline, ''),
       (SELECT group_concat(f.text, ' | ') FROM facet f
         WHERE f.person_id = p.id AND f.status = 'accepted'),
       p.notes,
       (SELECT group_concat(t.tag, ' ') FROM tag t WHERE t.person_id = p.id)
FROM person p LEFT JOIN company c ON c.id = p.company_id
WHERE p.id IN ({marks})
"""


def reindex(conn: sqlite3.Connection, person_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these people (deleted people simply leave the index)."""
    ids = list(person_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM people_fts WHERE rowid IN ({marks})", chunk)
        rows = conn.execute(_DOCUMENTS.format(marks=marks), chunk).fetchall()
        conn.executemany(
            "INSERT INTO people_fts (rowid, name, company, title, facets, notes, tags) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(r[0], *(fold(v) for v in r[1:])) for r in rows],
        )


def reindex_all(conn: sqlite3.Connection) -> None:
    """Rebuild the whole index (after a bulk import)."""
    conn.execute("DELETE FROM people_fts")
    ids = [r[0] for r in conn.execute("SELECT id FROM person")]
    reindex(conn, ids)


# -- searching -------------------------------------------------------------------------
_MET = "SELECT person_id FROM interaction WHERE kind IN ('meeting', 'call', 'event')"
_OPEN = "SELECT person_id FROM next_step WHERE status = 'open'"
_DECIDED = "p.id IN (SELECT id FROM person WHERE collaboration {})"
# Each condition is an uncorrelated IN (...): SQLite builds the set once, then walks the
# name index probing it, instead of running a subquery for each of 30,000 people.
PERSON_STATES: dict[str, tuple[str, str]] = {
    "never-met": ("Never met", f"p.id NOT IN ({_MET})"),
    "met": ("Met", f"p.id IN ({_MET})"),
    "open-steps": ("Open next steps", f"p.id IN ({_OPEN})"),
    "overdue": ("Overdue next steps", f"p.id IN ({_OPEN} AND due < :today)"),
    "collaborate": ("Decided: collaborate", _DECIDED.format("= 'collaborate'")),
    "undecided": ("Decided: undecided", _DECIDED.format("= 'undecided'")),
    "pass": ("Decided: pass", _DECIDED.format("= 'pass'")),
    "no-decision": ("No decision yet", _DECIDED.format("IS NULL")),
}
"""Where a relationship stands, for filtering people: key -> (label, SQL condition)."""


RANK_LIMIT = 1000
"""Up to this many matches come best first; more come by name (ranking thousands of matches
of a word's first letters costs tens of milliseconds and tells the reader little)."""
_OWNER = f"coalesce((SELECT id FROM person WHERE key = '{ME_KEY}'), 0)"
_BM25 = "bm25(people_fts, 10.0, 4.0, 3.0, 1.0, 0.5, 2.0)"


def search_ids(
    conn: sqlite3.Connection,
    query: str | None = None,
    *,
    tag: str | None = None,
    company: str | None = None,
    state: str | None = None,
    today: date | None = None,
    limit: int | None = None,
    offset: int = 0,
    known_total: int | None = None,
) -> tuple[list[int], int]:
    """Ids of matching people (best match first, else by name) and the total count.

    ``state`` is a key of ``PERSON_STATES``; "overdue" counts from ``today``. A caller that
    remembers the count of the same search on unchanged data passes it as ``known_total``.
    """
    # Everyone but the owner, named through the unique key index so that the name index
    # alone (which holds the row id) answers a listing: no table lookups, even on page 300.
    where = [f"p.id != {_OWNER}"]
    params: list[Any] = []
    if state:
        condition = PERSON_STATES[state][1]
        if ":today" in condition:
            condition = condition.replace(":today", "?")
            params.append((today or date.today()).isoformat())
        where.append(condition)
    if tag:
        where.append("p.id IN (SELECT person_id FROM tag WHERE tag = ?)")
        params.append(tag)
    if company:
        where.append("p.company_id IN (SELECT id FROM company WHERE name = ? COLLATE NOCASE)")
        params.append(company)
    expression = match_expression(query) if query else None
    if query and expression is None:
        return [], 0
    filters = " AND ".join(where)
    joined = "FROM person p"
    by_name = filters
    if expression:
        # The full-text index leads the join: walking everyone by name and probing the
        # index per person is far slower (CROSS JOIN fixes SQLite's loop order).
        joined = "FROM people_fts CROSS JOIN person p ON p.id = people_fts.rowid"
        filters += " AND people_fts MATCH ?"
        by_name += " AND p.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?)"
        params.append(expression)
    if known_total is not None:
        total = known_total
    elif expression and len(where) == 1:
        # Words alone: count in the index itself, leaving out the owner's own row.
        counting = f"SELECT count(*) FROM people_fts WHERE people_fts MATCH ? AND rowid != {_OWNER}"
        total = conn.execute(counting, (expression,)).fetchone()[0]
    else:
        total = conn.execute(f"SELECT count(*) {joined} WHERE {filters}", params).fetchone()[0]
    if expression and total <= RANK_LIMIT:
        sql = f"SELECT p.id {joined} WHERE {filters} ORDER BY {_BM25}, p.name_folded, p.id"
    else:
        sql = f"SELECT p.id FROM person p WHERE {by_name} ORDER BY p.name_folded, p.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return [r[0] for r in conn.execute(sql, params)], total
