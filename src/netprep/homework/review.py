"""Accepting or rejecting what homework inferred: only accepted facts reach the profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


def review(db: Database, refs: Sequence[str], status: str) -> list[Reviewed]:
    """Set ``status`` ("accepted" or "rejected") on inferred facts, all in one transaction."""
    from netprep.store import inferred
    from netprep.store.search import mark_dirty, raw_connection

    if not refs:
        raise InvalidInput("Name at least one inferred fact, e.g. f-12.")
    reviewed: list[Reviewed] = []
    touched: set[int] = set()
    with db.write() as session:
        conn = raw_connection(session)
        for ref in dict.fromkeys(refs):
            fact = inferred.set_status(conn, ref, status)
            touched.add(fact["person_id"])
            reviewed.append(
                Reviewed(
                    fact["id"],
                    fact["facet"],
                    fact["text"],
                    fact["person"],
                    fact["person_name"],
                    fact["status"],
                )
            )
        mark_dirty(session, touched)
    return reviewed
