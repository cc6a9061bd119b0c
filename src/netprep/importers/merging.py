"""Duplicates the user decides on: list the queued pairs, merge two people, undo a merge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netprep.errors import InvalidInput, NotFound
from netprep.models import Person
from netprep.store import Database
from netprep.store import dedupe as rows
from netprep.store import people as people_rows
from netprep.store.search import mark_dirty, raw_connection


@dataclass
class Pair:
    """A likely duplicate pair, as ``netprep duplicates`` lists it."""

    a: str
    a_name: str
    b: str
    b_name: str
    score: float
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "reason": self.reason,
            "a_name": self.a_name,
            "b_name": self.b_name,
        }


def list_duplicates(db: Database) -> list[Pair]:
    """Open pairs, most likely first."""
    return [
        Pair(r["a"], r["a_name"], r["b"], r["b_name"], r["score"], r["reason"])
        for r in rows.open_pairs(db.sql)
    ]


def dismiss_pair(db: Database, a: str, b: str) -> tuple[Person, Person]:
    """Mark two people as different: their pair leaves the list and is not queued again."""
    with db.write() as session:
        conn = raw_connection(session)
        ida, idb = people_rows.resolve(conn, a), people_rows.resolve(conn, b)
        if ida == idb:
            raise InvalidInput("Those name the same person; name two different people.")
        rows.dismiss(conn, ida, idb)
        found = people_rows.load_people(conn, [ida, idb])
        return found[ida], found[idb]


@dataclass
class MergeResult:
    kept: Person
    merged_key: str
    merged_name: str


def merge_people(db: Database, keep: str, fold: str) -> MergeResult:
    """Merge ``fold`` into ``keep``: every fact is kept, history and next steps move over,
    and the merge is recorded so that ``unmerge_person`` can undo it."""
    with db.write() as session:
        conn = raw_connection(session)
        kept = people_rows.resolve(conn, keep)
        gone = people_rows.resolve(conn, fold)
        if kept == gone:
            raise InvalidInput("Those name the same person; name two different people.")
        if people_rows.me_id(conn) in (kept, gone):
            raise InvalidInput("Your own profile cannot be merged with someone else.")
        gone_person = people_rows.load_person(conn, gone)
        rows.merge(conn, kept, gone)
        mark_dirty(session, [kept, gone])
        return MergeResult(
            kept=people_rows.load_person(conn, kept),
            merged_key=gone_person.id or "",
            merged_name=gone_person.name,
        )


def merge_to_undo(db: Database, merged_key: str) -> str | None:
    """The name of the person kept when ``merged_key`` was merged away, if that merge can
    still be undone; otherwise None."""
    try:
        _record, kept_id, _key = rows.find_merge(db.sql, merged_key=merged_key)
    except NotFound:
        return None
    row = db.sql.execute("SELECT name FROM person WHERE id = ?", (kept_id,)).fetchone()
    return str(row[0]) if row else None


@dataclass
class UnmergeResult:
    kept: Person
    restored: Person


def unmerge_person(db: Database, ref: str, *, today: Any) -> UnmergeResult:
    """Undo the latest merge into ``ref`` (the person kept), or of ``ref`` (the id the
    merged person had)."""
    with db.write() as session:
        conn = raw_connection(session)
        try:
            record, kept, _key = rows.find_merge(conn, merged_key=ref.strip())
        except Exception:  # not a merged id: a person who was kept
            record, kept, _key = rows.find_merge(conn, kept=people_rows.resolve(conn, ref))
        writer = people_rows.PersonWriter(conn, today=today)
        restored = rows.unmerge(conn, record, writer.new_key)
        mark_dirty(session, [kept, restored])
        found = people_rows.load_people(conn, [kept, restored])
        return UnmergeResult(kept=found[kept], restored=found[restored])
