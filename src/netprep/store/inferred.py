"""Facts homework inferred from public pages: proposing them, reviewing them, reading provenance.

An inferred facet is a ``facet`` row with ``source='homework'``; an inferred channel is a
``channel`` row with the same source. Both start ``proposed``; only ``accepted`` ones reach
the person's profile (``store.people.load_people`` filters on status). A proposal never
replaces or edits a fact the user entered: an equal phrase already there is simply not
proposed, and a phrase the user rejected is never proposed again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from netprep import normalize
from netprep.errors import InvalidInput, NotFound
from netprep.models import FACET_KINDS, Channel
from netprep.store.db import named_rows

SOURCE = "homework"
STATUSES = ("proposed", "accepted", "rejected")


@dataclass
class Proposed:
    """One inferred fact to store: a facet phrase, or a channel (``kind="channels"``)."""

    kind: str
    text: str
    source_url: str
    channel: Channel | None = None


def _facet_key(kind: str, text: str) -> tuple[str, str]:
    return kind, normalize.fold(text)


def _channel_key(kind: str, name: str, url: str | None) -> tuple[str, str]:
    return kind, normalize.url(url) if url else normalize.fold(name)


def sync_proposals(
    conn: sqlite3.Connection, person_id: int, proposals: Sequence[Proposed], *, today: date
) -> None:
    """Store the latest research's proposals inside the caller's write transaction.

    Proposals found again keep their id (so `netprep accept ID` stays valid); proposals
    not found again are dropped; accepted and rejected ones are left as they are.
    """
    facets = [p for p in proposals if p.kind in FACET_KINDS]
    channels = [p for p in proposals if p.kind == "channels" and p.channel is not None]
    _sync_facets(conn, person_id, facets, today)
    _sync_channels(conn, person_id, channels)


def _sync_facets(
    conn: sqlite3.Connection, person_id: int, proposals: Sequence[Proposed], today: date
) -> None:
    existing = {
        _facet_key(kind, text): (fid, source, status)
        for fid, kind, text, source, status in conn.execute(
            "SELECT id, kind, text, source, status FROM facet WHERE person_id = ?", (person_id,)
        )
    }
    keep: set[int] = set()
    for p in proposals:
        key = _facet_key(p.kind, p.text)
        if key in existing:
            fid, source, status = existing[key]
            if source == SOURCE and status == "proposed":
                conn.execute("UPDATE facet SET source_url = ? WHERE id = ?", (p.source_url, fid))
                keep.add(fid)
            continue
        cur = conn.execute(
            "INSERT INTO facet (person_id, kind, text, position, source, source_url, added_on,"
            " status) VALUES (?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM facet"
            " WHERE person_id = ? AND kind = ?), ?, ?, ?, 'proposed')",
            (person_id, p.kind, p.text, person_id, p.kind, SOURCE, p.source_url, today.isoformat()),
        )
        assert cur.lastrowid is not None
        existing[key] = (cur.lastrowid, SOURCE, "proposed")
        keep.add(cur.lastrowid)
    stale = [
        fid
        for fid, source, status in existing.values()
        if source == SOURCE and status == "proposed" and fid not in keep
    ]
    conn.executemany("DELETE FROM facet WHERE id = ?", [(fid,) for fid in stale])


def _sync_channels(conn: sqlite3.Connection, person_id: int, proposals: Sequence[Proposed]) -> None:
    existing = {
        _channel_key(kind, name, url): (cid, source, status)
        for cid, kind, name, url, source, status in conn.execute(
            "SELECT id, kind, name, url, source, status FROM channel WHERE person_id = ?",
            (person_id,),
        )
    }
    keep: set[int] = set()
    for p in proposals:
        channel = p.channel
        assert channel is not None
        key = _channel_key(channel.kind, channel.name, channel.url)
        values = (channel.name, json.dumps(channel.topics), channel.accepts_guests, p.source_url)
        if key in existing:
            cid, source, status = existing[key]
            if source == SOURCE and status == "proposed":
                conn.execute(
                    "UPDATE channel SET name = ?, topics = ?, accepts_guests = ?, source_url = ?"
                    " WHERE id = ?",
                    (*values, cid),
                )
                keep.add(cid)
            continue
        cur = conn.execute(
            "INSERT INTO channel (person_id, kind, url, name, topics, accepts_guests, source_url,"
            " position, source, status) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position)"
            " + 1, 0) FROM channel WHERE person_id = ?), ?, 'proposed')",
            (person_id, channel.kind, channel.url, *values, person_id, SOURCE),
        )
        assert cur.lastrowid is not None
        existing[key] = (cur.lastrowid, SOURCE, "proposed")
        keep.add(cur.lastrowid)
    stale = [
        cid
        for cid, source, status in existing.values()
        if source == SOURCE and status == "proposed" and cid not in keep
    ]
    conn.executemany("DELETE FROM channel WHERE id = ?", [(cid,) for cid in stale])


def load_inferred(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    """Every inferred fact of a person, facets then channels, each with its id and status.

    ``source`` and ``source_url`` both hold the page the fact came from (``source`` is the
    `homework --json` contract; ``source_url`` matches the known facts' key).

    A channel's date is the day its page was read (channels carry no date of their own).
    """
    facets = named_rows(
        conn,
        "SELECT 'f-' || id AS id, kind AS facet, text, source_url AS source, added_on AS date,"
        " status, source_url FROM facet WHERE person_id = ? AND source = ?"
        " ORDER BY kind, position, id",
        (person_id, SOURCE),
    )
    channels = named_rows(
        conn,
        "SELECT 'c-' || c.id AS id, c.kind, c.name, c.url, c.topics, c.accepts_guests,"
        " c.source_url AS source, g.fetched_on AS date, c.status FROM channel c"
        " LEFT JOIN page g ON g.person_id = c.person_id AND g.url = c.source_url"
        " WHERE c.person_id = ? AND c.source = ? ORDER BY c.position, c.id",
        (person_id, SOURCE),
    )
    found = [dict(r) for r in facets]
    for r in channels:
        channel = Channel(
            kind=r["kind"],
            name=r["name"],
            url=r["url"],
            topics=json.loads(r["topics"]) if r["topics"] else [],
            accepts_guests=None if r["accepts_guests"] is None else bool(r["accepts_guests"]),
        )
        found.append(
            {
                "id": r["id"],
                "facet": "channels",
                "text": r["name"],
                "source": r["source"],
                "date": r["date"],
                "status": r["status"],
                "source_url": r["source"],
                "channel": channel,
            }
        )
    return found


def _parse_ref(ref: str) -> tuple[str, int]:
    text = ref.strip().lower()
    table = "channel" if text.startswith("c-") else "facet"
    digits = text.removeprefix("c-").removeprefix("f-")
    if not digits.isdigit():
        raise InvalidInput(
            f"{ref!r} is not the id of an inferred fact.",
            hint="Ids look like f-12 (a facet) or c-3 (a channel); `netprep homework PERSON` lists them.",
        )
    return table, int(digits)


def set_status(conn: sqlite3.Connection, ref: str, status: str) -> dict[str, Any]:
    """Accept or reject one inferred fact inside the caller's write transaction.

    Returns the fact with its person: ``{"id", "facet", "text", "person_id", "person",
    "person_name", "status"}``.
    """
    if status not in STATUSES:
        raise InvalidInput(f"Unknown status {status!r}.")
    table, row_id = _parse_ref(ref)
    label = "t.kind AS facet, t.text" if table == "facet" else "'channels' AS facet, t.name AS text"
    found = named_rows(
        conn,
        f"SELECT t.id, t.person_id, t.source, p.key AS person, p.name AS person_name,"
        f" {label}"
        f" FROM {table} t JOIN person p ON p.id = t.person_id WHERE t.id = ?",
        (row_id,),
    )
    prefix = "f" if table == "facet" else "c"
    if not found:
        raise NotFound(f"No inferred fact {prefix}-{row_id}.")
    row = found[0]
    if row["source"] != SOURCE:
        raise InvalidInput(
            f"{prefix}-{row_id} is a fact you entered, not one homework inferred.",
            hint="Change it with `netprep edit`.",
        )
    position = ""
    if status == "accepted":
        # Accepted facts join the end of the profile's list, after what the user wrote.
        kind_filter = "AND kind = (SELECT kind FROM facet WHERE id = ?)" if table == "facet" else ""
        params: tuple[Any, ...] = (row["person_id"], row_id) if kind_filter else (row["person_id"],)
        top = conn.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE person_id = ?"
            f" AND status = 'accepted' {kind_filter}",
            params,
        ).fetchone()[0]
        position = f", position = {int(top)}"
    conn.execute(f"UPDATE {table} SET status = ?{position} WHERE id = ?", (status, row_id))
    return {
        "id": f"{prefix}-{row_id}",
        "facet": row["facet"],
        "text": row["text"],
        "person_id": row["person_id"],
        "person": row["person"],
        "person_name": row["person_name"],
        "status": status,
    }


def known_facts(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    """The person's accepted facets with where each came from and when."""
    rows = named_rows(
        conn,
        "SELECT kind AS facet, text, source, source_url, added_on AS date FROM facet"
        " WHERE person_id = ? AND status = 'accepted' ORDER BY kind, position, id",
        (person_id,),
    )
    order = {kind: i for i, kind in enumerate(FACET_KINDS)}
    return sorted((dict(r) for r in rows), key=lambda r: order.get(r["facet"], 99))


def decision(conn: sqlite3.Connection, person_id: int) -> dict[str, Any]:
    """The collaboration decision, when it was taken and why."""
    row = named_rows(
        conn,
        "SELECT collaboration, decided_on, collaboration_why AS why FROM person WHERE id = ?",
        (person_id,),
    )
    return dict(row[0]) if row else {"collaboration": None, "decided_on": None, "why": None}
