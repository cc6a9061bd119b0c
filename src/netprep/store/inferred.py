"""What homework and learning proposed for one person, as the dossier reads it, and the
facts already in the profile with where each came from.

Proposals themselves live in ``store.proposals`` (one lifecycle for every extractor);
this module adapts homework's page findings to it and shapes the rows the dossier shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from netprep.models import FACET_KINDS, Channel, Learned
from netprep.store import proposals
from netprep.store.db import named_rows
from netprep.store.proposals import channel_detail, detail_channel

EXTRACTOR = "pages"
CONFIDENCE = 0.6
"""What a phrase read on someone's own page is worth before review."""


@dataclass
class Proposed:
    """One fact homework read on a page: a facet phrase, or a channel (``kind="channels"``)."""

    kind: str
    text: str
    source_url: str
    channel: Channel | None = None
    quote: str | None = None


def sync_proposals(
    conn: sqlite3.Connection, person_id: int, found: Sequence[Proposed], *, today: date
) -> int:
    """Store the latest research's proposals inside the caller's write transaction (see
    ``proposals.sync``: ids and verdicts are kept, stale open ones dropped)."""
    learned = [
        Learned(
            facet=p.kind,
            text=p.channel.name if p.channel is not None else p.text,
            quote=p.quote,
            source=p.source_url,
            origin="page",
            origin_ref=p.source_url,
            confidence=CONFIDENCE,
            extractor=EXTRACTOR,
            detail=channel_detail(p.channel) if p.channel is not None else None,
        )
        for p in found
        if p.kind in FACET_KINDS or (p.kind == "channels" and p.channel is not None)
    ]
    return proposals.sync(conn, person_id, learned, extractors={EXTRACTOR}, today=today)


def load_inferred(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    """Every proposal of a person, open ones first: ``id``, ``facet``, ``text``,
    ``source``, ``status`` (the ``homework --json`` contract), with ``quote``,
    ``confidence``, ``origin``, ``date`` and, for a channel, the ``channel``."""
    found = []
    for row in proposals.of_person(conn, person_id):
        entry: dict[str, Any] = {
            "id": row.id,
            "facet": row.facet,
            "text": row.text,
            "source": row.source,
            "status": row.status,
            "quote": row.quote,
            "confidence": round(row.confidence, 2),
            "origin": row.origin,
            "date": row.added_on.isoformat() if row.added_on else None,
        }
        if row.origin == "page":
            entry["source_url"] = row.source
        if row.facet == "channels" and row.detail:
            entry["channel"] = detail_channel(row.detail)
        elif row.facet == "next_step" and row.detail:
            entry["due"] = row.detail.get("due")
            entry["owner"] = row.detail.get("owner")
        found.append(entry)
    return found


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
