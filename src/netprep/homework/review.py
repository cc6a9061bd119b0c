"""Accepting or rejecting what netprep learned: only accepted facts join the profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from netprep.errors import InvalidInput

if TYPE_CHECKING:
    from netprep.store import Database


@dataclass
class Reviewed:
    """One inferred fact after review."""

    id: str
    facet: str
    text: str
    person: str
    person_name: str
    status: str

    def as_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "facet": self.facet,
            "text": self.text,
            "person": self.person,
            "status": self.status,
        }


def review(
    db: Database, refs: Sequence[str], status: str, *, today: date | None = None
) -> list[Reviewed]:
    """Set ``status`` ("accepted" or "rejected") on proposals, all in one transaction."""
    from netprep.store import proposals
    from netprep.store.search import mark_dirty, raw_connection

    if not refs:
        raise InvalidInput("Name at least one proposal, e.g. f-12.")
    reviewed: list[Reviewed] = []
    touched: set[int] = set()
    with db.write() as session:
        conn = raw_connection(session)
        for ref in dict.fromkeys(refs):
            row = proposals.set_status(conn, ref, status, today=today or date.today())
            touched.add(row.person_id)
            reviewed.append(
                Reviewed(row.id, row.facet, row.text, row.person, row.person_name, row.status)
            )
        mark_dirty(session, touched)
    return reviewed


def review_person(
    db: Database, person_ref: str, status: str, *, today: date | None = None
) -> list[Reviewed]:
    """Accept or reject every open proposal of one person (``me`` for the owner)."""
    from netprep.store import people, proposals

    person_id = people.resolve(db.sql, person_ref)
    refs = [r.id for r in proposals.of_person(db.sql, person_id, statuses=("proposed",))]
    if not refs:
        return []
    return review(db, refs, status, today=today)
