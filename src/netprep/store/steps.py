"""Next steps, decisions, meetings without a next step and calendar links: the SQL.

Reads take a plain sqlite3 connection; writes take the connection of an open write
transaction (``search.raw_connection(session)``). Last contact with a person is always
the date of their latest interaction (``last_contact_dates``): nothing else keeps a clock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from netprep.errors import NotFound
from netprep.store.db import named_rows

CONVERSATION_KINDS = ("meeting", "call")
"""Interactions after which a dated next step is expected."""

STEP_ROW = (
    "SELECT s.id, s.key, s.person_id, p.key AS person, p.name AS person_name,"
    " i.key AS interaction, s.owner, s.what, s.due, s.at, s.kind, s.status, s.done_on"
    " FROM next_step s JOIN person p ON p.id = s.person_id"
    " LEFT JOIN interaction i ON i.id = s.interaction_id"
)


# -- next steps ------------------------------------------------------------------------------
def find_step(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """The step with id ``ref`` ("n-7"; a bare "7" means "n-7"), or NotFound."""
    ref = ref.strip()
    candidates = [ref, f"n-{ref}"] if ref.isdigit() else [ref]
    for key in candidates:
        rows = named_rows(conn, f"{STEP_ROW} WHERE s.key = ?", (key,))
        if rows:
            return rows[0]
    raise NotFound(f"No next step with id {ref!r}.", command="List them with `netprep next`.")


def step_rows(
    conn: sqlite3.Connection,
    *,
    statuses: Sequence[str] | None = ("open",),
    owner: str | None = None,
    person_id: int | None = None,
    kind: str | None = None,
    due_before: date | None = None,
    due_until: date | None = None,
    step_ids: Sequence[int] | None = None,
) -> list[sqlite3.Row]:
    """Steps by due date (then time, then id), filtered; ``due_before`` is exclusive."""
    where: list[str] = ["1=1"]
    params: list[Any] = []
    if statuses is not None:
        where.append(f"s.status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    if owner:
        where.append("s.owner = ?")
        params.append(owner)
    if person_id is not None:
        where.append("s.person_id = ?")
        params.append(person_id)
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    if due_before is not None:
        where.append("s.due < ?")
        params.append(due_before.isoformat())
    if due_until is not None:
        where.append("s.due <= ?")
        params.append(due_until.isoformat())
    if step_ids is not None:
        where.append("s.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(step_ids)))
    return named_rows(
        conn,
        f"{STEP_ROW} WHERE {' AND '.join(where)} ORDER BY s.due, coalesce(s.at, ''), s.id",
        params,
    )


def set_step_status(
    conn: sqlite3.Connection, step_id: int, status: str, done_on: date | None
) -> None:
    conn.execute(
        "UPDATE next_step SET status = ?, done_on = ? WHERE id = ?",
        (status, done_on.isoformat() if done_on else None, step_id),
    )


def set_step_due(conn: sqlite3.Connection, step_id: int, due: date, at: str | None) -> None:
    conn.execute(
        "UPDATE next_step SET due = ?, at = coalesce(?, at) WHERE id = ?",
        (due.isoformat(), at, step_id),
    )


def delete_step(conn: sqlite3.Connection, step_id: int) -> None:
    conn.execute("DELETE FROM next_step WHERE id = ?", (step_id,))


def set_step_what(conn: sqlite3.Connection, step_id: int, what: str) -> None:
    conn.execute("UPDATE next_step SET what = ? WHERE id = ?", (what, step_id))


def set_step_at(conn: sqlite3.Connection, step_id: int, at: str | None, kind: str) -> None:
    conn.execute("UPDATE next_step SET at = ?, kind = ? WHERE id = ?", (at, kind, step_id))


# -- interactions and the keep-in-touch clock ------------------------------------------------
def last_contact_dates(
    conn: sqlite3.Connection, person_ids: Sequence[int] | None = None, *, today: date | None = None
) -> dict[int, date]:
    """Each person's last contact: the date of their latest interaction (up to ``today``)."""
    where, params = ["1=1"], []
    if person_ids is not None:
        where.append("person_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(person_ids)))
    if today is not None:
        where.append("date <= ?")
        params.append(today.isoformat())
    rows = conn.execute(
        f"SELECT person_id, max(date) FROM interaction WHERE {' AND '.join(where)}"
        " GROUP BY person_id",
        params,
    )
    return {pid: date.fromisoformat(day) for pid, day in rows}


@dataclass(frozen=True)
class MetWithoutStep:
    """Someone whose latest meeting or call led to no dated next step."""

    person_id: int
    person: str
    name: str
    met_on: date
    interaction: str


def people_met_without_next_step(
    conn: sqlite3.Connection, today: date, person_ids: Sequence[int] | None = None
) -> list[MetWithoutStep]:
    """People whose latest meeting or call (on or before ``today``) has no next step: none
    tied to it and none due on or after it, whatever its status. Decided "pass" is left out:
    no next step is the decision. Most recent meeting first."""
    kinds = ",".join("?" * len(CONVERSATION_KINDS))
    params: list[Any] = [*CONVERSATION_KINDS, today.isoformat()]
    only = ""
    if person_ids is not None:
        only = " AND person_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(person_ids)))
    rows = conn.execute(
        f"""
        WITH latest AS (
            SELECT person_id, max(date) AS met_on FROM interaction
            WHERE kind IN ({kinds}) AND date <= ?{only} GROUP BY person_id
        )
        SELECT p.id, p.key, p.name, latest.met_on,
               (SELECT i.key FROM interaction i WHERE i.person_id = p.id
                  AND i.date = latest.met_on AND i.kind IN ({kinds}) ORDER BY i.id DESC LIMIT 1)
        FROM latest JOIN person p ON p.id = latest.person_id
        WHERE p.is_me = 0 AND coalesce(p.collaboration, '') != 'pass'
          AND NOT EXISTS (
            SELECT 1 FROM next_step s WHERE s.person_id = p.id AND (
                s.due >= latest.met_on
                OR s.interaction_id IN (SELECT i.id FROM interaction i
                                        WHERE i.person_id = p.id AND i.date = latest.met_on)))
        ORDER BY latest.met_on DESC, p.name_folded
        """,
        [*params, *CONVERSATION_KINDS],
    )
    return [
        MetWithoutStep(
            person_id=r[0],
            person=r[1],
            name=r[2],
            met_on=date.fromisoformat(r[3]),
            interaction=r[4],
        )
        for r in rows
    ]


def latest_interaction_row(conn: sqlite3.Connection, person_id: int) -> sqlite3.Row | None:
    rows = named_rows(
        conn,
        "SELECT key, date, kind, summary FROM interaction WHERE person_id = ?"
        " ORDER BY date DESC, id DESC LIMIT 1",
        (person_id,),
    )
    return rows[0] if rows else None


# -- decisions and briefs --------------------------------------------------------------------
def set_decision(
    conn: sqlite3.Connection, person_id: int, decision: str, why: str | None, on: date
) -> None:
    conn.execute(
        "UPDATE person SET collaboration = ?, collaboration_why = ?, decided_on = ?,"
        " updated_at = CURRENT_TIMESTAMP WHERE id = ?",
        (decision, why, on.isoformat(), person_id),
    )


def decision_row(conn: sqlite3.Connection, person_id: int) -> sqlite3.Row:
    rows = named_rows(
        conn,
        "SELECT key, name, collaboration, collaboration_why, decided_on FROM person WHERE id = ?",
        (person_id,),
    )
    if not rows:
        raise NotFound(f"No person with database id {person_id}.")
    return rows[0]


def mark_briefed(conn: sqlite3.Connection, person_id: int, on: date) -> None:
    """Note that a meeting brief was made for this person (the brief feature calls this)."""
    conn.execute("UPDATE person SET briefed_on = ? WHERE id = ?", (on.isoformat(), person_id))


def briefed_on(conn: sqlite3.Connection, person_ids: Iterable[int]) -> dict[int, date | None]:
    rows = conn.execute(
        "SELECT id, briefed_on FROM person WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(person_ids)),),
    )
    return {pid: date.fromisoformat(day) if day else None for pid, day in rows}


# -- calendar links (CalDAV sync) ------------------------------------------------------------
def calendar_links(conn: sqlite3.Connection, calendar_url: str) -> dict[int, sqlite3.Row]:
    """What was pushed to one calendar, by next-step database id."""
    rows = named_rows(
        conn,
        "SELECT next_step_id, uid, href, etag, synced_hash FROM calendar_link"
        " WHERE calendar_url = ?",
        (calendar_url,),
    )
    return {r["next_step_id"]: r for r in rows}


def save_calendar_link(
    conn: sqlite3.Connection,
    *,
    step_id: int,
    calendar_url: str,
    uid: str,
    href: str | None,
    synced_hash: str,
) -> None:
    conn.execute(
        "INSERT INTO calendar_link (next_step_id, calendar_url, uid, href, synced_hash, synced_at)"
        " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)"
        " ON CONFLICT (next_step_id, calendar_url) DO UPDATE SET uid = excluded.uid,"
        " href = excluded.href, synced_hash = excluded.synced_hash, synced_at = excluded.synced_at",
        (step_id, calendar_url, uid, href, synced_hash),
    )
