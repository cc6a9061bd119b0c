"""Duplicates the user decides on: list the queued pairs, merge two people, undo a merge."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from netprep.errors import InvalidInput, NotFound
from netprep.models import Person
from netprep.store import Database
from netprep.store import dedupe as rows
from netprep.store import people as people_rows
from netprep.store.search import mark_dirty, raw_connection

SOURCE_NAMES = {
    "linkedin": "LinkedIn",
    "vcard": "vCard",
    "csv": "CSV",
    "google": "Google Contacts",
    "outlook": "Outlook",
    "json": "netprep file",
}
LIKELY = 0.9
"""Pairs this sure (the same name and company, or one contact matching both) are merged
together by ``merge_likely``; the rest wait for a look at each."""


@dataclass
class Side:
    """One person of a pair, with what tells them apart from the other."""

    company: str | None = None
    title: str | None = None
    emails: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    last_contact: date | None = None
    connected_on: date | None = None
    location: str | None = None

    def differences(self, other: Side) -> set[str]:
        """The fields that differ from ``other`` (both known, or one of them)."""
        return {f for f in FIELDS if getattr(self, f) != getattr(other, f)}


FIELDS = ("company", "title", "emails", "sources", "last_contact", "connected_on", "location")


@dataclass
class Pair:
    """A likely duplicate pair, as ``netprep duplicates`` lists it."""

    a: str
    a_name: str
    b: str
    b_name: str
    score: float
    reason: str
    a_side: Side = field(default_factory=Side)
    b_side: Side = field(default_factory=Side)

    @property
    def likely(self) -> bool:
        return self.score >= LIKELY

    @property
    def different(self) -> set[str]:
        return self.a_side.differences(self.b_side)

    def as_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "reason": self.reason,
            "a_name": self.a_name,
            "b_name": self.b_name,
        }


def list_duplicates(db: Database, *, sides: bool = False) -> list[Pair]:
    """Open pairs, most likely first; with ``sides``, what tells each pair apart."""
    found = rows.open_pairs(db.sql)
    known = (
        rows.pair_sides(db.sql, [r[k] for r in found for k in ("a_id", "b_id")]) if sides else {}
    )
    return [
        Pair(
            r["a"],
            r["a_name"],
            r["b"],
            r["b_name"],
            r["score"],
            r["reason"],
            _side(known.get(r["a_id"])),
            _side(known.get(r["b_id"])),
        )
        for r in found
    ]


def _side(row: dict[str, Any] | None) -> Side:
    if row is None:
        return Side()
    day = date.fromisoformat
    return Side(
        company=row["company"],
        title=row["title"],
        emails=(row["emails"] or "").split(),
        sources=[SOURCE_NAMES.get(s, s) for s in (row["sources"] or "").split()],
        last_contact=day(row["last_contact"]) if row["last_contact"] else None,
        connected_on=day(row["connected_on"]) if row["connected_on"] else None,
        location=row["location"],
    )


@dataclass
class Batch:
    """Likely pairs merged together: how many, and the merge records an undo takes back."""

    merged: int
    first: int = 0
    last: int = 0

    @property
    def ref(self) -> str:
        return f"{self.first}-{self.last}"


def merge_likely(db: Database) -> Batch:
    """Merge every likely pair (score ``LIKELY`` or more) in one transaction, each into the
    person listed first; a pair whose person was merged away earlier in the batch follows
    them to the person kept. All of it is undone together by ``unmerge_batch``."""
    with db.write() as session:
        conn = raw_connection(session)
        me = people_rows.me_id(conn)
        into: dict[int, int] = {}
        records: list[int] = []
        for pair in rows.open_pairs(conn):
            if pair["score"] < LIKELY:
                continue
            kept, gone = _final(into, pair["a_id"]), _final(into, pair["b_id"])
            if kept == gone or me in (kept, gone):
                continue
            records.append(rows.merge(conn, kept, gone))
            into[gone] = kept
            mark_dirty(session, [kept, gone])
        if not records:
            return Batch(merged=0)
        return Batch(merged=len(records), first=min(records), last=max(records))


def _final(into: dict[int, int], person: int) -> int:
    while person in into:
        person = into[person]
    return person


def unmerge_batch(db: Database, ref: str, *, today: Any) -> int:
    """Undo the merges of one batch (``Batch.ref``), the latest first; how many."""
    first, _, last = ref.partition("-")
    if not (first.isdigit() and last.isdigit()):
        raise InvalidInput("There is nothing to undo.")
    with db.write() as session:
        conn = raw_connection(session)
        writer = people_rows.PersonWriter(conn, today=today)
        undone = 0
        for record in rows.merges_between(conn, int(first), int(last)):
            restored = rows.unmerge(conn, record, writer.new_key, reopen=True)
            kept = conn.execute("SELECT kept_id FROM merge_record WHERE id = ?", (record,))
            mark_dirty(session, [restored, int(kept.fetchone()[0])])
            undone += 1
        return undone


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
