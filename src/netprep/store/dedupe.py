"""The SQL of duplicates: the queue of likely pairs, and merges that can be undone.

A merge copies the merged person's facts onto the kept one (skipping what is already
there), moves their history, next steps, pages and import links, then deletes them. The
merge record keeps a full snapshot of the merged person and the ids of everything copied
or moved, so ``unmerge`` can put both people back as they were.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from netprep import normalize
from netprep.errors import NotFound
from netprep.importers.duplicates import Candidate
from netprep.store.db import named_rows

_MOVED = ("interaction", "next_step", "source_link")
_FILLED = ("headline", "company_id", "title", "location", "connected_on", "met_via",
           "collaboration", "collaboration_why", "decided_on", "birthday", "photo",
           "cadence_days", "snoozed_until")  # fmt: skip


# -- the queue ---------------------------------------------------------------------------
def queue(conn: sqlite3.Connection, candidates: Sequence[Candidate]) -> int:
    """Add pairs not seen before (a dismissed or merged pair stays so); returns how many."""
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO duplicate_candidate (a_id, b_id, score, reason, status)"
        " VALUES (?, ?, ?, ?, 'open')",
        [(c.a, c.b, c.score, c.reason) for c in candidates if c.a != c.b],
    )
    return conn.total_changes - before


def open_pairs(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = named_rows(
        conn,
        "SELECT d.id, d.a_id, d.b_id, a.key AS a, a.name AS a_name, b.key AS b,"
        " b.name AS b_name, d.score,"
        " d.reason FROM duplicate_candidate d JOIN person a ON a.id = d.a_id"
        " JOIN person b ON b.id = d.b_id WHERE d.status = 'open'"
        " ORDER BY d.score DESC, a.name_folded, d.id",
    )
    return [dict(r) for r in rows]


def pair_sides(conn: sqlite3.Connection, person_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """What tells the people of the pairs apart, by person id: company, title, e-mail
    addresses, where they were imported from, when last in contact, when connected."""
    wanted = json.dumps(sorted(set(person_ids)))
    found = named_rows(
        conn,
        "SELECT p.id, p.title, c.name AS company, p.connected_on, p.location,"
        " (SELECT group_concat(address, ' ') FROM (SELECT address FROM email e"
        "   WHERE e.person_id = p.id ORDER BY e.id)) AS emails,"
        " (SELECT group_concat(source, ' ') FROM (SELECT DISTINCT source FROM source_link s"
        "   WHERE s.person_id = p.id ORDER BY source)) AS sources,"
        " (SELECT max(date) FROM interaction i WHERE i.person_id = p.id) AS last_contact"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id"
        " WHERE p.id IN (SELECT value FROM json_each(?))",
        (wanted,),
    )
    return {r["id"]: dict(r) for r in found}


def open_count(conn: sqlite3.Connection) -> int:
    """How many pairs wait for review."""
    found: int = conn.execute(
        "SELECT count(*) FROM duplicate_candidate WHERE status = 'open'"
    ).fetchone()[0]
    return found


def dismiss(conn: sqlite3.Connection, a: int, b: int) -> None:
    """Record that two people are different, queued or not, so imports don't pair them."""
    conn.execute(
        "INSERT OR IGNORE INTO duplicate_candidate (a_id, b_id, score, reason, status)"
        " VALUES (?, ?, 0, 'two people, says you', 'dismissed')",
        (min(a, b), max(a, b)),
    )
    set_pair_status(conn, a, b, "dismissed")


def set_pair_status(conn: sqlite3.Connection, a: int, b: int, status: str) -> None:
    conn.execute(
        "UPDATE duplicate_candidate SET status = ? WHERE (a_id = ? AND b_id = ?)"
        " OR (a_id = ? AND b_id = ?)",
        (status, a, b, b, a),
    )


# -- merging -----------------------------------------------------------------------------
def _rows(
    conn: sqlite3.Connection, table: str, where: str, params: Sequence[Any]
) -> list[dict[str, Any]]:
    return [dict(r) for r in named_rows(conn, f"SELECT * FROM {table} WHERE {where}", params)]


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    columns = list(row)
    cur = conn.execute(
        f"INSERT OR IGNORE INTO {table} ({', '.join(columns)})"
        f" VALUES ({', '.join('?' * len(columns))})",
        [row[c] for c in columns],
    )
    return int(cur.lastrowid or 0) if cur.rowcount else 0


def merge(conn: sqlite3.Connection, kept: int, gone: int) -> int:
    """Fold person ``gone`` into ``kept``; returns the id of the merge record."""
    before = _rows(conn, "person", "id = ?", (kept,))[0]
    snapshot: dict[str, Any] = {"person": _rows(conn, "person", "id = ?", (gone,))[0]}
    for table in ("email", "phone", "url", "facet", "channel", "tag", "page"):
        snapshot[table] = _rows(conn, table, "person_id = ?", (gone,))
    snapshot["knows_out"] = _rows(conn, "knows", "person_id = ?", (gone,))
    snapshot["knows_in"] = _rows(conn, "knows", "other_id = ?", (gone,))
    snapshot["candidates"] = _rows(
        conn, "duplicate_candidate", "a_id = ? OR b_id = ?", (gone, gone)
    )
    added: dict[str, list[Any]] = {}

    def copy(table: str, key: str, norm: Any) -> None:
        have = {norm(r) for r in _rows(conn, table, "person_id = ?", (kept,))}
        for row in snapshot[table]:
            if norm(row) in have:
                continue
            have.add(norm(row))
            new = {k: v for k, v in row.items() if k != "id"} | {"person_id": kept}
            if table == "url":
                labels = {r["label"] for r in _rows(conn, "url", "person_id = ?", (kept,))}
                label, n = new["label"], 1
                while new["label"] in labels:
                    n += 1
                    new["label"] = f"{label}-{n}"
            new_id = _insert(conn, table, new)
            if new_id:
                added.setdefault(table, []).append(new_id)

    copy("email", "address_norm", lambda r: r["address_norm"])
    copy("phone", "number_norm", lambda r: r["number_norm"] or r["number"])
    copy("url", "url_norm", lambda r: r["url_norm"])
    copy("facet", "text", lambda r: (r["kind"], normalize.fold(r["text"])))
    copy("channel", "name", lambda r: normalize.fold(r["name"]))
    for row in snapshot["tag"]:
        if _insert(conn, "tag", {**row, "person_id": kept}):
            added.setdefault("tag", []).append(row["tag"])
    for row in snapshot["knows_out"]:
        if row["other_id"] != kept and _insert(conn, "knows", {**row, "person_id": kept}):
            added.setdefault("knows", []).append([kept, row["other_id"]])
    for row in snapshot["knows_in"]:
        if row["person_id"] != kept and _insert(conn, "knows", {**row, "other_id": kept}):
            added.setdefault("knows", []).append([row["person_id"], kept])
    moved: dict[str, list[int]] = {}
    for table in _MOVED:
        moved[table] = [
            r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE person_id = ?", (gone,))
        ]
        conn.execute(f"UPDATE {table} SET person_id = ? WHERE person_id = ?", (kept, gone))
    kept_urls = {r["url"] for r in _rows(conn, "page", "person_id = ?", (kept,))}
    moved["page"] = [r["id"] for r in snapshot["page"] if r["url"] not in kept_urls]
    conn.executemany(
        "UPDATE page SET person_id = ? WHERE id = ?", [(kept, i) for i in moved["page"]]
    )

    fills = {
        c: snapshot["person"][c]
        for c in _FILLED
        if before[c] in (None, "") and snapshot["person"][c] not in (None, "")
    }
    gone_notes = snapshot["person"]["notes"]
    if gone_notes and gone_notes not in (before["notes"] or ""):
        fills["notes"] = f"{before['notes']}\n\n{gone_notes}" if before["notes"] else gone_notes
    if fills:
        assignments = ", ".join(f"{c} = ?" for c in fills)
        conn.execute(f"UPDATE person SET {assignments} WHERE id = ?", (*fills.values(), kept))
    conn.execute("DELETE FROM person WHERE id = ?", (gone,))
    record = {
        "snapshot": snapshot,
        "added": added,
        "moved": moved,
        "before": {c: before[c] for c in fills},
        "after": fills,
    }
    cur = conn.execute(
        "INSERT INTO merge_record (kept_id, merged_key, snapshot, undone) VALUES (?, ?, ?, 0)",
        (kept, snapshot["person"]["key"], json.dumps(record, ensure_ascii=False)),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def merges_between(conn: sqlite3.Connection, first: int, last: int) -> list[int]:
    """The merges of one batch (records ``first`` to ``last``) not undone, latest first."""
    found = conn.execute(
        "SELECT id FROM merge_record WHERE id BETWEEN ? AND ? AND undone = 0 ORDER BY id DESC",
        (first, last),
    )
    return [int(r[0]) for r in found]


def find_merge(
    conn: sqlite3.Connection, *, merged_key: str | None = None, kept: int | None = None
) -> tuple[int, int, str]:
    """The latest merge not yet undone, by the merged person's old id or the kept person."""
    if merged_key is not None:
        row = conn.execute(
            "SELECT id, kept_id, merged_key FROM merge_record WHERE merged_key = ? AND undone = 0"
            " ORDER BY id DESC LIMIT 1",
            (merged_key,),
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT id, kept_id, merged_key FROM merge_record WHERE kept_id = ? AND undone = 0"
            " ORDER BY id DESC LIMIT 1",
            (kept,),
        ).fetchone()
    if row is None:
        raise NotFound(
            "No merge to undo there.",
            hint="Undo a merge from the person who was kept.",
            command="`netprep unmerge` takes the person who was kept, or the id of the one merged away.",
        )
    return int(row[0]), int(row[1]), str(row[2])


def unmerge(conn: sqlite3.Connection, record_id: int, new_key: Any, *, reopen: bool = False) -> int:
    """Undo a merge; returns the restored person's id. ``new_key(name)`` names them if their
    old id was taken in the meantime. The pair of the two is then kept apart, unless
    ``reopen`` (an undo of a batch) puts it back in the queue as it was."""
    kept, raw = conn.execute(
        "SELECT kept_id, snapshot FROM merge_record WHERE id = ?", (record_id,)
    ).fetchone()
    record = json.loads(raw)
    snapshot = record["snapshot"]
    person = dict(snapshot["person"])
    old_id = person["id"]
    if conn.execute("SELECT 1 FROM person WHERE id = ?", (old_id,)).fetchone():
        person.pop("id")
    if conn.execute("SELECT 1 FROM person WHERE key = ?", (person["key"],)).fetchone():
        person["key"] = new_key(person["name"])
    if (
        person.get("company_id")
        and not conn.execute(
            "SELECT 1 FROM company WHERE id = ?", (person["company_id"],)
        ).fetchone()
    ):
        person["company_id"] = None
    cur = conn.execute(
        f"INSERT INTO person ({', '.join(person)}) VALUES ({', '.join('?' * len(person))})",
        list(person.values()),
    )
    restored = int(person.get("id") or cur.lastrowid or 0)
    existing = {r[0] for r in conn.execute("SELECT id FROM person")}
    remap = {old_id: restored}
    for table in ("email", "phone", "url", "facet", "channel", "tag"):
        for row in snapshot[table]:
            _insert(
                conn, table, {k: v for k, v in row.items() if k != "id"} | {"person_id": restored}
            )
    for row in snapshot["knows_out"]:
        if row["other_id"] in existing:
            _insert(conn, "knows", {**row, "person_id": restored})
    for row in snapshot["knows_in"]:
        if row["person_id"] in existing:
            _insert(conn, "knows", {**row, "other_id": restored})
    for table, ids in record["moved"].items():
        conn.executemany(
            f"UPDATE {table} SET person_id = ? WHERE id = ? AND person_id = ?",
            [(restored, i, kept) for i in ids],
        )
    moved_pages = set(record["moved"].get("page", []))
    for row in snapshot["page"]:
        if row["id"] not in moved_pages:
            _insert(
                conn, "page", {k: v for k, v in row.items() if k != "id"} | {"person_id": restored}
            )
    for table, ids in record["added"].items():
        if table == "tag":
            conn.executemany(
                "DELETE FROM tag WHERE person_id = ? AND tag = ?", [(kept, t) for t in ids]
            )
        elif table == "knows":
            conn.executemany(
                "DELETE FROM knows WHERE person_id = ? AND other_id = ?", [tuple(p) for p in ids]
            )
        else:
            conn.executemany(
                f"DELETE FROM {table} WHERE id = ? AND person_id = ?", [(i, kept) for i in ids]
            )
    current = _rows(conn, "person", "id = ?", (kept,))[0]
    for column, value in record["after"].items():
        if current[column] == value:
            conn.execute(
                f"UPDATE person SET {column} = ? WHERE id = ?", (record["before"][column], kept)
            )
    for row in snapshot["candidates"]:
        a, b = (remap.get(row["a_id"], row["a_id"]), remap.get(row["b_id"], row["b_id"]))
        if a in existing | {restored} and b in existing | {restored}:
            kept_apart = {a, b} == {kept, restored} and not reopen
            status = "dismissed" if kept_apart else row["status"]
            _insert(
                conn,
                "duplicate_candidate",
                {k: v for k, v in row.items() if k != "id"}
                | {"a_id": a, "b_id": b, "status": status},
            )
    conn.execute("UPDATE merge_record SET undone = 1 WHERE id = ?", (record_id,))
    return restored
