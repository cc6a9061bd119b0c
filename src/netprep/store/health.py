"""Network-health queries: per-person relationship facts, overdue promises, cadences, charts.

Everything here is set-based SQL over a plain sqlite3 connection, so that ``netprep health``
and ``netprep plan`` read 30,000 people in a few tens of milliseconds. The health package
turns these rows into states, counts and the weekly plan.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MET_KINDS = ("meeting", "call", "event")
"""Interaction kinds that count as having met someone (an e-mail or a message does not)."""

DORMANT_MONTHS_KEY = "dormant_months"
"""The ``setting`` row holding the user's dormant threshold, in months."""


@dataclass(slots=True)
class Facts:
    """What the store knows about one relationship, aggregated over its history."""

    id: int
    key: str
    name: str
    collaboration: str | None
    decided_on: date | None
    connected_on: date | None
    cadence_days: int | None
    snoozed_until: date | None
    contacts: int  # interactions of any kind
    meetings: int  # interactions of a MET_KINDS kind
    last_contact: date | None
    last_met: date | None
    gave_times: int  # interactions where I gave help
    received_times: int  # interactions where I received help
    flow: float | None  # mean flow, good = 1, ok = 0.5, poor = 0
    open_steps: int
    open_ahead: int  # open steps due today or later
    last_done: date | None
    latest_meeting_without_step: bool
    """The latest meeting led to no next step: none tied to it, none due on or after it,
    whatever its status (as ``store.steps.people_met_without_next_step`` has it)."""


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_MET = ", ".join(f"'{k}'" for k in MET_KINDS)

CONTACT = """
  noise = 0 AND (thread IS NULL OR EXISTS (
    SELECT 1 FROM interaction o WHERE o.person_id = interaction.person_id
    AND o.thread = interaction.thread AND o.direction IS NOT interaction.direction
    AND o.noise = 0))
"""
"""Which interactions are contact: not noise (spam, sponsored, an endorsement), and for a
message thread, only one where both sides wrote (a pitch nobody answered is no contact)."""

_FACTS = f"""
WITH i AS (
  SELECT person_id,
         count(*) AS contacts,
         sum(kind IN ({_MET})) AS meetings,
         max(date) AS last_contact,
         max(CASE WHEN kind IN ({_MET}) THEN date END) AS last_met,
         sum(coalesce(json_array_length(gave), 0) > 0) AS gave_times,
         sum(coalesce(json_array_length(received), 0) > 0) AS received_times,
         avg(CASE flow WHEN 'good' THEN 1.0 WHEN 'ok' THEN 0.5 WHEN 'poor' THEN 0.0 END) AS flow
  FROM interaction WHERE date <= :today AND {CONTACT} GROUP BY person_id
), s AS (
  SELECT n.person_id,
         sum(n.status = 'open') AS open_steps,
         sum(n.status = 'open' AND n.due >= :today) AS open_ahead,
         max(CASE WHEN n.status = 'done' THEN n.done_on END) AS last_done,
         max(n.due) AS last_due,
         max(t.date) AS last_tied
  FROM next_step n LEFT JOIN interaction t ON t.id = n.interaction_id GROUP BY n.person_id
)
SELECT p.id, p.key, p.name, p.collaboration, p.decided_on, p.connected_on, p.cadence_days,
       p.snoozed_until, coalesce(i.contacts, 0), coalesce(i.meetings, 0), i.last_contact,
       i.last_met, coalesce(i.gave_times, 0), coalesce(i.received_times, 0), i.flow,
       coalesce(s.open_steps, 0), coalesce(s.open_ahead, 0), s.last_done,
       i.last_met IS NOT NULL AND coalesce(s.last_due < i.last_met, 1)
         AND coalesce(s.last_tied < i.last_met, 1)
FROM person p LEFT JOIN i ON i.person_id = p.id LEFT JOIN s ON s.person_id = p.id
WHERE p.is_me = 0
ORDER BY p.id
"""


def relationship_facts(conn: sqlite3.Connection, today: date) -> list[Facts]:
    """One row of facts per person in the network (the owner left out), by database id."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(_FACTS, {"today": today.isoformat()}).fetchall()
    day = _date
    return [
        Facts(
            r[0], r[1], r[2], r[3], day(r[4]), day(r[5]), r[6], day(r[7]), r[8], r[9],
            day(r[10]), day(r[11]), r[12], r[13], r[14], r[15], r[16], day(r[17]), bool(r[18]),
        )  # positional, in the order of the fields: 30,000 of these must be cheap
        for r in rows
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class OverdueStep:
    """An open next step whose due date has passed."""

    key: str
    person_id: int
    person_key: str
    person_name: str
    owner: str
    what: str
    due: date


@dataclass(frozen=True, slots=True)
class Due:
    """Something the owner owes soon: an open step, or a promise learned from a message."""

    person_id: int
    what: str
    due: date
    learned: bool


def promises_due(conn: sqlite3.Connection, today: date, days: int) -> list[Due]:
    """The owner's promises due from today to ``days`` ahead, soonest first: open next
    steps they own, and promises they made in a message (proposed, not yet reviewed)."""
    until = (today + timedelta(days=days)).isoformat()
    rows = conn.execute(
        "SELECT person_id, what, due, 0 FROM next_step WHERE status = 'open' AND owner = 'me'"
        " AND due >= :today AND due <= :until"
        " UNION ALL SELECT person_id, text, json_extract(detail, '$.due'), 1 FROM proposal"
        " WHERE status = 'proposed' AND facet = 'next_step'"
        " AND json_extract(detail, '$.owner') = 'me'"
        " AND json_extract(detail, '$.due') >= :today AND json_extract(detail, '$.due') <= :until",
        {"today": today.isoformat(), "until": until},
    ).fetchall()
    found = [Due(pid, what, date.fromisoformat(d), bool(learned)) for pid, what, d, learned in rows]
    return sorted(found, key=lambda x: (x.due, x.person_id))


@dataclass(frozen=True, slots=True)
class Ask:
    """A need or offer someone wrote to the owner that is still open."""

    person_id: int
    facet: str
    text: str
    quote: str | None
    on: date


def open_asks(conn: sqlite3.Connection, today: date, days: int) -> list[Ask]:
    """Needs and offers people wrote in the last ``days`` days that are still open: not
    said to be solved, not rejected, and not answered since (the owner has not written
    to them after the message). Newest first."""
    since = (today - timedelta(days=days)).isoformat()
    rows = conn.execute(
        "SELECT r.person_id, r.facet, r.text, r.quote, json_extract(r.detail, '$.on') AS said"
        " FROM proposal r JOIN person p ON p.id = r.person_id"
        " WHERE p.is_me = 0 AND r.origin = 'message' AND r.facet IN ('needs', 'offers')"
        " AND r.status <> 'rejected' AND r.confidence >= 0.5"
        " AND json_extract(r.detail, '$.solved') IS NULL"
        " AND said >= :since AND said <= :today"
        " AND NOT EXISTS (SELECT 1 FROM interaction o WHERE o.person_id = r.person_id"
        "   AND o.direction = 'out' AND o.date > said)",
        {"since": since, "today": today.isoformat()},
    ).fetchall()
    found = [
        Ask(pid, facet, text, quote, date.fromisoformat(on)) for pid, facet, text, quote, on in rows
    ]
    return sorted(found, key=lambda x: (-x.on.toordinal(), x.person_id))


def overdue_steps(conn: sqlite3.Connection, today: date) -> list[OverdueStep]:
    """Open next steps due before today, oldest first."""
    rows = conn.execute(
        "SELECT s.key, p.id, p.key, p.name, s.owner, s.what, s.due FROM next_step s"
        " JOIN person p ON p.id = s.person_id"
        " WHERE s.status = 'open' AND s.due < ? ORDER BY s.due, s.id",
        (today.isoformat(),),
    ).fetchall()
    return [
        OverdueStep(
            key=r[0],
            person_id=r[1],
            person_key=r[2],
            person_name=r[3],
            owner=r[4],
            what=r[5],
            due=date.fromisoformat(r[6]),
        )
        for r in rows
    ]


# -- phrases for matching ------------------------------------------------------------------
def my_phrases(conn: sqlite3.Connection, kinds: Sequence[str]) -> dict[str, list[str]]:
    """The owner's accepted phrases of the given facet kinds."""
    found: dict[str, list[str]] = {k: [] for k in kinds}
    marks = ",".join("?" * len(kinds))
    for kind, text in conn.execute(
        f"SELECT f.kind, f.text FROM facet f JOIN person p ON p.id = f.person_id"
        f" WHERE p.is_me = 1 AND f.status = 'accepted' AND f.kind IN ({marks})"
        f" ORDER BY f.kind, f.position, f.id",
        list(kinds),
    ):
        found[kind].append(text)
    return found


def phrases_of(
    conn: sqlite3.Connection, person_ids: Iterable[int], kinds: Sequence[str]
) -> dict[int, dict[str, list[str]]]:
    """Accepted phrases of the given kinds for these people: person id -> kind -> phrases."""
    ids = list(person_ids)
    found: dict[int, dict[str, list[str]]] = {pid: {k: [] for k in kinds} for pid in ids}
    if not ids:
        return found
    marks = ",".join("?" * len(kinds))
    for pid, kind, text in conn.execute(
        f"SELECT person_id, kind, text FROM facet"
        f" WHERE person_id IN (SELECT value FROM json_each(?)) AND status = 'accepted'"
        f" AND kind IN ({marks}) ORDER BY person_id, kind, position, id",
        [json.dumps(ids), *kinds],
    ):
        found[pid][kind].append(text)
    return found


# -- cadences, snoozes, the dormant threshold ---------------------------------------------
def tag_cadences(conn: sqlite3.Connection) -> dict[str, int]:
    """Every tag's keep-in-touch cadence in days."""
    return {
        tag: days for tag, days in conn.execute("SELECT tag, days FROM tag_cadence ORDER BY tag")
    }


def cadence_by_tag(conn: sqlite3.Connection) -> dict[int, tuple[int, str]]:
    """For each person with a tag that has a cadence: the shortest one and its tag."""
    found: dict[int, tuple[int, str]] = {}
    for pid, days, tag in conn.execute(
        "SELECT t.person_id, c.days, t.tag FROM tag t JOIN tag_cadence c ON c.tag = t.tag"
        " ORDER BY t.person_id, c.days, t.tag"
    ):
        found.setdefault(pid, (days, tag))
    return found


def set_person_cadence(conn: sqlite3.Connection, person_id: int, days: int | None) -> None:
    conn.execute("UPDATE person SET cadence_days = ? WHERE id = ?", (days, person_id))


def set_tag_cadence(conn: sqlite3.Connection, tag: str, days: int | None) -> None:
    if days is None:
        conn.execute("DELETE FROM tag_cadence WHERE tag = ?", (tag,))
    else:
        conn.execute(
            "INSERT INTO tag_cadence (tag, days) VALUES (?, ?)"
            " ON CONFLICT (tag) DO UPDATE SET days = excluded.days",
            (tag, days),
        )


def tag_exists(conn: sqlite3.Connection, tag: str) -> bool:
    return conn.execute("SELECT 1 FROM tag WHERE tag = ? LIMIT 1", (tag,)).fetchone() is not None


def rhythm_of(conn: sqlite3.Connection, person_id: int) -> tuple[int | None, date | None]:
    """A person's own cadence in days and the day their snooze ends (None when unset)."""
    days, until = conn.execute(
        "SELECT cadence_days, snoozed_until FROM person WHERE id = ?", (person_id,)
    ).fetchone()
    return days, date.fromisoformat(until) if until else None


def set_snooze(conn: sqlite3.Connection, person_id: int, until: date | None) -> None:
    conn.execute(
        "UPDATE person SET snoozed_until = ? WHERE id = ?",
        (until.isoformat() if until else None, person_id),
    )


def person_cadences(conn: sqlite3.Connection) -> list[tuple[str, str, int | None, date | None]]:
    """People with a cadence or a snooze: key, name, cadence days, snoozed until."""
    rows = conn.execute(
        "SELECT key, name, cadence_days, snoozed_until FROM person"
        " WHERE is_me = 0 AND (cadence_days IS NOT NULL OR snoozed_until IS NOT NULL)"
        " ORDER BY name_folded, id"
    ).fetchall()
    return [(r[0], r[1], r[2], _date(r[3])) for r in rows]


def stored_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def store_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# -- charts --------------------------------------------------------------------------------
def interactions_by_month(
    conn: sqlite3.Connection, since: date, until: date
) -> list[tuple[str, str, int]]:
    """(YYYY-MM, kind, count) for interactions dated within [since, until]."""
    rows = conn.execute(
        "SELECT substr(date, 1, 7) AS month, kind, count(*) FROM interaction"
        " WHERE date >= ? AND date <= ? GROUP BY month, kind ORDER BY month, kind",
        (since.isoformat(), until.isoformat()),
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def give_and_take(conn: sqlite3.Connection, limit: int) -> list[tuple[str, str, int, int]]:
    """People with the most help exchanged: key, name, times I gave, times I received."""
    rows = conn.execute(
        "SELECT p.key, p.name,"
        " sum(coalesce(json_array_length(i.gave), 0) > 0) AS gave_times,"
        " sum(coalesce(json_array_length(i.received), 0) > 0) AS received_times"
        " FROM interaction i JOIN person p ON p.id = i.person_id WHERE p.is_me = 0"
        " GROUP BY p.id HAVING gave_times + received_times > 0"
        " ORDER BY gave_times + received_times DESC, p.name_folded LIMIT ?",
        (limit,),
    ).fetchall()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def knows_around(
    conn: sqlite3.Connection, person_id: int, limit: int
) -> tuple[list[tuple[int, str, str]], list[tuple[int, int]]]:
    """Whom a person knows (either direction), best connected first, and the edges among
    them: ([(id, key, name)], [(a, b)]); the person comes first in the list."""
    me = conn.execute("SELECT id, key, name FROM person WHERE id = ?", (person_id,)).fetchone()
    neighbours = conn.execute(
        "WITH n AS (SELECT other_id AS id FROM knows WHERE person_id = :p"
        "  UNION SELECT person_id FROM knows WHERE other_id = :p)"
        " SELECT p.id, p.key, p.name,"
        "  (SELECT count(*) FROM knows k WHERE k.person_id = p.id OR k.other_id = p.id) AS degree"
        " FROM n JOIN person p ON p.id = n.id WHERE p.is_me = 0 AND p.id != :p"
        " ORDER BY degree DESC, p.name_folded, p.id LIMIT :limit",
        {"p": person_id, "limit": limit},
    ).fetchall()
    people = [(me[0], me[1], me[2]), *((r[0], r[1], r[2]) for r in neighbours)]
    ids = json.dumps([p[0] for p in people])
    edges = conn.execute(
        "SELECT DISTINCT min(person_id, other_id), max(person_id, other_id) FROM knows"
        " WHERE person_id IN (SELECT value FROM json_each(?))"
        " AND other_id IN (SELECT value FROM json_each(?)) ORDER BY 1, 2",
        (ids, ids),
    ).fetchall()
    return people, [(a, b) for a, b in edges]
