"""Interactions and next steps in the store: reading them as domain objects, writing them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from netprep.models import Interaction, NextStep
from netprep.store.db import named_rows


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _ids_filter(person_ids: Sequence[int] | None, column: str) -> tuple[str, list[Any]]:
    if person_ids is None:
        return "1=1", []
    return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(list(person_ids))]


# -- interactions --------------------------------------------------------------------------
def load_interactions(
    conn: sqlite3.Connection, person_ids: Sequence[int] | None = None, *, by: str = "date"
) -> list[Interaction]:
    """Interactions, oldest first, or in stored order with ``by="id"`` (everyone's when
    ``person_ids`` is None)."""
    order = "i.date, i.id" if by == "date" else "i.id"
    where, params = _ids_filter(person_ids, "i.person_id")
    rows = named_rows(
        conn,
        f"SELECT i.key, p.key AS person, i.date, i.kind, i.summary, i.flow, i.gave, i.received,"
        f" i.direction, i.subject, i.text FROM interaction i JOIN person p ON p.id = i.person_id WHERE {where}"
        f" ORDER BY {order}",
        params,
    )
    return [
        Interaction(
            id=r["key"],
            person=r["person"],
            date=date.fromisoformat(r["date"]),
            kind=r["kind"],
            summary=r["summary"],
            flow=r["flow"],
            gave=json.loads(r["gave"]) if r["gave"] else [],
            received=json.loads(r["received"]) if r["received"] else [],
            direction=r["direction"] if r["direction"] in ("in", "out") else None,
            subject=r["subject"],
            text=r["text"],
        )
        for r in rows
    ]


def new_key(conn: sqlite3.Connection, table: str, prefix: str) -> str:
    """A fresh id for an interaction ("i-12") or a next step ("n-7")."""
    (top,) = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
    n = int(top) + 1
    while conn.execute(f"SELECT 1 FROM {table} WHERE key = ?", (f"{prefix}-{n}",)).fetchone():
        n += 1
    return f"{prefix}-{n}"


def save_interaction(
    conn: sqlite3.Connection,
    item: Interaction,
    person_id: int,
    *,
    source: str = "user",
    source_key: str | None = None,
    direction: str | None = None,
) -> int:
    """Insert or update one interaction; without an id, an identical one is reused."""
    row = None
    if item.id:
        row = conn.execute("SELECT id FROM interaction WHERE key = ?", (item.id,)).fetchone()
    else:
        row = conn.execute(
            "SELECT id FROM interaction WHERE person_id = ? AND date = ? AND kind = ?"
            " AND coalesce(summary, '') = ?",
            (person_id, item.date.isoformat(), item.kind, item.summary or ""),
        ).fetchone()
    values = (
        person_id,
        item.date.isoformat(),
        item.kind,
        item.summary,
        item.flow,
        json.dumps(item.gave),
        json.dumps(item.received),
        item.direction or direction,
        item.subject,
        item.text,
    )
    if row:
        conn.execute(
            "UPDATE interaction SET person_id = ?, date = ?, kind = ?, summary = ?, flow = ?,"
            " gave = ?, received = ?, direction = ?, subject = ?, text = ? WHERE id = ?",
            (*values, row[0]),
        )
        item.id = (
            item.id
            or conn.execute("SELECT key FROM interaction WHERE id = ?", (row[0],)).fetchone()[0]
        )
        return int(row[0])
    key = item.id or new_key(conn, "interaction", "i")
    cur = conn.execute(
        "INSERT INTO interaction (key, person_id, date, kind, summary, flow, gave, received,"
        " direction, subject, text, source, source_key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (key, *values, source, source_key),
    )
    item.id = key
    assert cur.lastrowid is not None
    return cur.lastrowid


# -- next steps ----------------------------------------------------------------------------
_STEP_COLUMNS = (
    "s.key, p.key AS person, i.key AS interaction, s.owner, s.what, s.due, s.kind, s.status,"
    " s.done_on"
)


def step_from_row(r: sqlite3.Row) -> NextStep:
    """A next step from a row with the next_step columns plus the person's and interaction's keys."""
    return NextStep(
        id=r["key"],
        person=r["person"],
        interaction=r["interaction"],
        owner=r["owner"],
        what=r["what"],
        due=date.fromisoformat(r["due"]),
        kind=r["kind"],
        status=r["status"],
        done_on=_date(r["done_on"]),
    )


def load_next_steps(
    conn: sqlite3.Connection,
    person_ids: Sequence[int] | None = None,
    *,
    status: str | None = None,
    by: str = "due",
) -> list[NextStep]:
    """Next steps by due date, or in stored order with ``by="id"`` (everyone's when
    ``person_ids`` is None)."""
    order = "s.due, s.id" if by == "due" else "s.id"
    where, params = _ids_filter(person_ids, "s.person_id")
    if status:
        where += " AND s.status = ?"
        params.append(status)
    rows = named_rows(
        conn,
        f"SELECT {_STEP_COLUMNS} FROM next_step s JOIN person p ON p.id = s.person_id"
        f" LEFT JOIN interaction i ON i.id = s.interaction_id WHERE {where}"
        f" ORDER BY {order}",
        params,
    )
    return [step_from_row(r) for r in rows]


def save_next_step(
    conn: sqlite3.Connection, step: NextStep, person_id: int, *, at: str | None = None
) -> int:
    """Insert or update one next step; without an id, an identical one is reused."""
    interaction_id = None
    if step.interaction:
        found = conn.execute(
            "SELECT id FROM interaction WHERE key = ?", (step.interaction,)
        ).fetchone()
        interaction_id = found[0] if found else None
    if step.id:
        row = conn.execute("SELECT id FROM next_step WHERE key = ?", (step.id,)).fetchone()
    else:
        row = conn.execute(
            "SELECT id, key FROM next_step WHERE person_id = ? AND what = ? AND due = ?",
            (person_id, step.what, step.due.isoformat()),
        ).fetchone()
    values = (
        person_id,
        interaction_id,
        step.owner,
        step.what,
        step.due.isoformat(),
        step.kind,
        step.status,
        step.done_on.isoformat() if step.done_on else None,
    )
    if row:
        conn.execute(
            "UPDATE next_step SET person_id = ?, interaction_id = ?, owner = ?, what = ?, due = ?,"
            " kind = ?, status = ?, done_on = ?, at = coalesce(?, at) WHERE id = ?",
            (*values, at, row[0]),
        )
        if not step.id:
            step.id = conn.execute("SELECT key FROM next_step WHERE id = ?", (row[0],)).fetchone()[
                0
            ]
        return int(row[0])
    key = step.id or new_key(conn, "next_step", "n")
    cur = conn.execute(
        "INSERT INTO next_step (key, person_id, interaction_id, owner, what, due, kind, status,"
        " done_on, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (key, *values, at),
    )
    step.id = key
    assert cur.lastrowid is not None
    return cur.lastrowid
