"""People in the store: naming them, reading them as domain objects, writing them.

Reads take a plain sqlite3 connection (``Database.sql``); writes take the sqlite3
connection of an open write transaction (``search.raw_connection(session)``), so a bulk
import of 30,000 people runs as a few ``executemany`` calls inside one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from netprep import normalize
from netprep.errors import Ambiguous, InvalidInput, NotFound
from netprep.models import FACET_KINDS, ME_KEY, Channel, Person, Profile
from netprep.store.db import named_rows

FUZZY_CUTOFF = 82


# -- naming a person ---------------------------------------------------------------------
def resolve(conn: sqlite3.Connection, ref: str) -> int:
    """The database id of the person named ``ref``: an id, or a name (fuzzy, accent-blind).

    Raises NotFound when nobody fits and Ambiguous, listing them, when several do.
    """
    ref = ref.strip()
    if not ref:
        raise InvalidInput("Name a person: an id such as p-zoe-muller, or a name.")
    row = conn.execute("SELECT id FROM person WHERE key = ?", (ref,)).fetchone()
    if row:
        return int(row[0])
    if ref.lower() == ME_KEY:
        raise NotFound(
            "Your own profile is empty.",
            hint="Fill in My profile first.",
            command="netprep me --set name=...",
        )
    folded = normalize.fold(ref)
    rows = conn.execute(
        "SELECT id FROM person WHERE name_folded = ? AND is_me = 0", (folded,)
    ).fetchall()
    if not rows:
        rows = _word_prefix_matches(conn, folded)
    if len(rows) == 1:
        return int(rows[0][0])
    if len(rows) > 1:
        raise Ambiguous(f"{ref!r} fits {len(rows)} people.", _labels(conn, [r[0] for r in rows]))
    return _fuzzy(conn, ref, folded)


def _word_prefix_matches(conn: sqlite3.Connection, folded: str) -> list[sqlite3.Row]:
    words = folded.split()
    if not words:
        return []
    # Every word of the query starts a word of the name: "zoe mul" fits "zoe muller".
    clauses = " AND ".join("(' ' || name_folded) LIKE ?" for _ in words)
    params = [f"% {w.replace('%', '').replace('_', '')}%" for w in words]
    return conn.execute(
        f"SELECT id FROM person WHERE is_me = 0 AND {clauses} LIMIT 21", params
    ).fetchall()


def _fuzzy(conn: sqlite3.Connection, ref: str, folded: str) -> int:
    from rapidfuzz import fuzz, process

    names = conn.execute("SELECT id, name_folded FROM person WHERE is_me = 0").fetchall()
    choices = {r[0]: r[1] for r in names}
    found = process.extract(folded, choices, scorer=fuzz.WRatio, limit=6, score_cutoff=FUZZY_CUTOFF)
    if not found:
        raise NotFound(
            f"Nobody in your network is called {ref!r}.",
            hint="Check the spelling, or search People for part of the name.",
            command="Try `netprep people --search ...`.",
        )
    best = found[0][1]
    close = [f for f in found if best - f[1] < 4]
    if len(close) == 1:
        return int(close[0][2])
    raise Ambiguous(f"{ref!r} fits {len(close)} people.", _labels(conn, [f[2] for f in close]))


def _labels(conn: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[str, str]]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT p.key, p.name, c.name, p.title FROM person p "
        f"LEFT JOIN company c ON c.id = p.company_id WHERE p.id IN ({marks}) ORDER BY p.name",
        list(ids),
    ).fetchall()
    labels = []
    for key, name, company, title in rows:
        where = ", ".join(x for x in (title, company) if x)
        labels.append((key, f"{name} ({where})" if where else name))
    return labels


def me_id(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT id FROM person WHERE is_me = 1").fetchone()
    return int(row[0]) if row else None


def keys_of(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    ids = list(ids)
    out: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        out.update(
            conn.execute(f"SELECT id, key FROM person WHERE id IN ({marks})", chunk).fetchall()
        )
    return out


def names_of(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """Display names by person id, for the ids that exist."""
    wanted = list(keys)
    if not wanted:
        return {}
    rows = conn.execute(
        "SELECT key, name FROM person WHERE key IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    )
    return {key: name for key, name in rows}


# -- reading -------------------------------------------------------------------------------
def _in_clause(ids: Sequence[int] | None, column: str) -> tuple[str, list[int]]:
    if ids is None:
        return "1=1", []
    return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]  # type: ignore[list-item]


def load_people(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> dict[int, Person]:
    """People as domain objects, by database id, in the order of ``ids`` (all but the owner,
    in the order they were added, when ``ids`` is None)."""
    where, params = _in_clause(ids, "p.id")
    if ids is None:
        where = "p.is_me = 0"
    rows = named_rows(
        conn,
        f"SELECT p.id, p.key, p.is_me, p.name, p.headline, c.name AS company, p.title, p.location,"
        f" p.notes, p.connected_on, p.met_via, p.collaboration FROM person p"
        f" LEFT JOIN company c ON c.id = p.company_id WHERE {where} ORDER BY p.id",
        params,
    )
    people: dict[int, Person] = {}
    for r in rows:
        people[r["id"]] = Person(
            id=None if r["is_me"] else r["key"],
            name=r["name"],
            headline=r["headline"],
            company=r["company"],
            title=r["title"],
            location=r["location"],
            notes=r["notes"],
            connected_on=date.fromisoformat(r["connected_on"]) if r["connected_on"] else None,
            met_via=r["met_via"],
            collaboration=r["collaboration"],
        )
    if not people:
        return people
    where, params = _in_clause(None if ids is None else list(people), "person_id")
    for pid, address in conn.execute(
        f"SELECT person_id, address FROM email WHERE {where} ORDER BY person_id, position", params
    ):
        if pid in people:
            people[pid].emails.append(address)
    for pid, number in conn.execute(
        f"SELECT person_id, number FROM phone WHERE {where} ORDER BY person_id, position", params
    ):
        if pid in people:
            people[pid].phones.append(number)
    for pid, label, address in conn.execute(
        f"SELECT person_id, label, url FROM url WHERE {where} ORDER BY person_id, position", params
    ):
        if pid in people:
            people[pid].urls[label] = address
    for pid, kind, text in conn.execute(
        f"SELECT person_id, kind, text FROM facet WHERE {where} AND status = 'accepted' "
        f"ORDER BY person_id, kind, position, id",
        params,
    ):
        if pid in people:
            people[pid].facet(kind).append(text)
    for pid, kind, name, address, topics, guests in conn.execute(
        f"SELECT person_id, kind, name, url, topics, accepts_guests FROM channel "
        f"WHERE {where} AND status = 'accepted' ORDER BY person_id, position, id",
        params,
    ):
        if pid in people:
            people[pid].channels.append(
                Channel(
                    kind=kind,
                    name=name,
                    url=address,
                    topics=json.loads(topics) if topics else [],
                    accepts_guests=None if guests is None else bool(guests),
                )
            )
    for pid, other in conn.execute(
        f"SELECT k.person_id, o.key FROM knows k JOIN person o ON o.id = k.other_id "
        f"WHERE {where.replace('person_id', 'k.person_id')} AND o.is_me = 0 "
        f"ORDER BY k.person_id, k.position, o.key",
        params,
    ):
        if pid in people:
            people[pid].knows.append(other)
    for pid, tag in conn.execute(
        f"SELECT person_id, tag FROM tag WHERE {where} ORDER BY person_id, position, tag", params
    ):
        if pid in people:
            people[pid].tags.append(tag)
    if ids is not None:
        return {i: people[i] for i in ids if i in people}
    return people


def load_person(conn: sqlite3.Connection, person_id: int) -> Person:
    found = load_people(conn, [person_id])
    if person_id not in found:
        raise NotFound(f"No person with database id {person_id}.")
    return found[person_id]


def load_profile(conn: sqlite3.Connection) -> Profile:
    """The owner's profile; an empty one (no name) before it is set."""
    pid = me_id(conn)
    if pid is None:
        return Profile(name="")
    person = load_person(conn, pid)
    fields = {f: getattr(person, f) for f in Profile.__dataclass_fields__}
    return Profile(**fields)


CHILD_INSERTS = {
    "email": "INSERT INTO email (person_id, address, address_norm, position) VALUES (?,?,?,?)",
    "phone": "INSERT INTO phone (person_id, number, number_norm, position) VALUES (?,?,?,?)",
    "url": "INSERT INTO url (person_id, label, url, url_norm, position) VALUES (?,?,?,?,?)",
    "tag": "INSERT INTO tag (person_id, tag, position) VALUES (?, ?, ?)",
    "channel": "INSERT INTO channel (person_id, kind, name, url, topics, accepts_guests,"
    " position, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "facet": "INSERT INTO facet (person_id, kind, text, position, source, added_on)"
    " VALUES (?, ?, ?, ?, ?, ?)",
}


# -- writing -------------------------------------------------------------------------------
class PersonWriter:
    """Writes people inside one open transaction, keeping ids, companies and the index."""

    def __init__(self, conn: sqlite3.Connection, *, today: date, source: str = "user") -> None:
        self.conn = conn
        self.today = today
        self.source = source
        self._companies: dict[str, int] = {
            name: cid for cid, name in conn.execute("SELECT id, name FROM company")
        }
        self._keys: set[str] | None = None
        self.touched: set[int] = set()

    # keys ----------------------------------------------------------------------------
    def new_key(self, name: str) -> str:
        """A fresh, readable person id: "p-zoe-muller", then "p-zoe-muller-2", ..."""
        if self._keys is None:
            self._keys = {r[0] for r in self.conn.execute("SELECT key FROM person")}
        base = "p-" + (normalize.slug(name) or "person")
        key, n = base, 1
        while key in self._keys:
            n += 1
            key = f"{base}-{n}"
        self._keys.add(key)
        return key

    def _claim(self, key: str) -> None:
        if self._keys is not None:
            self._keys.add(key)

    def company_id(self, name: str | None) -> int | None:
        if not name or not name.strip():
            return None
        if name not in self._companies:
            cur = self.conn.execute("INSERT INTO company (name) VALUES (?)", (name,))
            assert cur.lastrowid is not None
            self._companies[name] = cur.lastrowid
        return self._companies[name]

    # whole people --------------------------------------------------------------------
    def insert(self, person: Profile, *, key: str | None = None, is_me: bool = False) -> int:
        """Add one person (or the owner); returns the database id. Knows edges come later."""
        return self.insert_many([person], keys=[key], is_me=is_me)[0]

    def insert_many(
        self,
        people: Sequence[Profile],
        *,
        keys: Sequence[str | None] | None = None,
        is_me: bool = False,
    ) -> list[int]:
        """Add many people at once (their facts in one batch per table); returns their ids."""
        ids: list[int] = []
        batch: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for person, key in zip(people, keys or [None] * len(people), strict=True):
            if is_me:
                key = ME_KEY
            elif key is None:
                key = person.id if isinstance(person, Person) and person.id else None
                key = key or self.new_key(person.name)
            self._claim(key)
            cur = self.conn.execute(
                "INSERT INTO person (key, is_me, name, name_folded, headline, company_id, title,"
                " location, notes, connected_on, met_via, collaboration)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, is_me, *self._columns(person)),
            )
            assert cur.lastrowid is not None
            ids.append(cur.lastrowid)
            self._child_rows(cur.lastrowid, person, batch)
        self._insert_children(batch)
        self.touched.update(ids)
        return ids

    def update(self, pid: int, person: Profile) -> None:
        """Make the stored person equal to ``person``, keeping provenance of unchanged facts."""
        self.conn.execute(
            "UPDATE person SET name = ?, name_folded = ?, headline = ?, company_id = ?, title = ?,"
            " location = ?, notes = ?, connected_on = ?, met_via = ?, collaboration = ?,"
            " updated_at = CURRENT_TIMESTAMP WHERE id = ?",
            (*self._columns(person), pid),
        )
        self._write_children(pid, person, fresh=False)
        self.touched.add(pid)

    def _columns(self, person: Profile) -> tuple[Any, ...]:
        connected_on = met_via = collaboration = None
        if isinstance(person, Person):
            connected_on = person.connected_on.isoformat() if person.connected_on else None
            met_via, collaboration = person.met_via, person.collaboration
        return (
            person.name,
            normalize.fold(person.name),
            person.headline,
            self.company_id(person.company),
            person.title,
            person.location,
            person.notes,
            connected_on,
            met_via,
            collaboration,
        )

    def _write_children(self, pid: int, person: Profile, *, fresh: bool) -> None:
        if not fresh:
            for table in ("email", "phone", "url", "tag"):
                self.conn.execute(f"DELETE FROM {table} WHERE person_id = ?", (pid,))
            self.conn.execute(
                "DELETE FROM channel WHERE person_id = ? AND status = 'accepted'", (pid,)
            )
        batch: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self._child_rows(pid, person, batch, facets=fresh)
        self._insert_children(batch)
        if not fresh:
            self._write_facets(pid, person)

    def _child_rows(
        self,
        pid: int,
        person: Profile,
        batch: dict[str, list[tuple[Any, ...]]],
        *,
        facets: bool = True,
    ) -> None:
        """The rows of a person's emails, phones, urls, tags, channels (and facets)."""
        batch["email"] += [(pid, a, normalize.email(a), i) for i, a in enumerate(person.emails)]
        batch["phone"] += [(pid, n, normalize.phone(n), i) for i, n in enumerate(person.phones)]
        batch["url"] += [
            (pid, label, u, normalize.url(u), i) for i, (label, u) in enumerate(person.urls.items())
        ]
        batch["tag"] += [(pid, t, i) for i, t in enumerate(dict.fromkeys(person.tags))]
        batch["channel"] += [
            (pid, c.kind, c.name, c.url, json.dumps(c.topics), c.accepts_guests, i, self.source)
            for i, c in enumerate(person.channels)
        ]
        if facets:
            added = self.today.isoformat()
            for kind in FACET_KINDS:
                batch["facet"] += [
                    (pid, kind, text, i, self.source, added)
                    for i, text in enumerate(dict.fromkeys(person.facet(kind)))
                ]

    def _insert_children(self, batch: dict[str, list[tuple[Any, ...]]]) -> None:
        for table, rows in batch.items():
            if rows:
                self.conn.executemany(CHILD_INSERTS[table], rows)

    def _write_facets(self, pid: int, person: Profile) -> None:
        """Bring a stored person's facets in line, keeping the provenance of unchanged ones."""
        existing: dict[tuple[str, str], int] = {
            (kind, text): fid
            for fid, kind, text in self.conn.execute(
                "SELECT id, kind, text FROM facet WHERE person_id = ? AND status = 'accepted'",
                (pid,),
            )
        }
        inserts: list[tuple[Any, ...]] = []
        for kind in FACET_KINDS:
            for position, text in enumerate(dict.fromkeys(person.facet(kind))):
                fid = existing.pop((kind, text), None)
                if fid is None:
                    inserts.append((pid, kind, text, position, self.source, self.today.isoformat()))
                else:
                    self.conn.execute("UPDATE facet SET position = ? WHERE id = ?", (position, fid))
        if existing:
            marks = ",".join("?" * len(existing))
            self.conn.execute(f"DELETE FROM facet WHERE id IN ({marks})", list(existing.values()))
        self.conn.executemany(
            "INSERT INTO facet (person_id, kind, text, position, source, added_on)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            inserts,
        )

    def set_knows(self, pid: int, keys: Sequence[str], key_to_id: dict[str, int]) -> None:
        """Replace whom ``pid`` knows; every key must name a stored person."""
        self.conn.execute("DELETE FROM knows WHERE person_id = ?", (pid,))
        rows = []
        for position, key in enumerate(dict.fromkeys(keys)):
            other = key_to_id.get(key)
            if other is None:
                raise InvalidInput(f"knows: no person with id {key!r}")
            if other != pid:
                rows.append((pid, other, position))
        self.conn.executemany(
            "INSERT INTO knows (person_id, other_id, position) VALUES (?, ?, ?)", rows
        )

    def add_knows(self, a: int, b: int) -> None:
        """Record that a and b know each other (both directions)."""
        for x, y in ((a, b), (b, a)):
            self.conn.execute(
                "INSERT OR IGNORE INTO knows (person_id, other_id, position) VALUES (?, ?,"
                " (SELECT coalesce(max(position) + 1, 0) FROM knows WHERE person_id = ?))",
                (x, y, x),
            )

    def delete(self, pid: int) -> None:
        self.conn.execute("DELETE FROM person WHERE id = ?", (pid,))
        self.touched.add(pid)


def all_keys(conn: sqlite3.Connection) -> dict[str, int]:
    return {k: i for i, k in conn.execute("SELECT id, key FROM person")}


def tag_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Each tag with how many people carry it, by tag."""
    return dict(conn.execute("SELECT tag, count(*) FROM tag GROUP BY tag ORDER BY tag").fetchall())
