"""What netprep learned and proposes: storing proposals, reviewing them, reading them back.

A proposal is one learned fact of a person (or of the owner): a facet phrase, a channel,
whom they know, a promise. Every extractor (page reading, message and note patterns,
titles, skills) writes through ``sync``, which keeps one row per (person, facet, folded
phrase): found again, a proposal keeps its id and verdict; no longer found, a proposed one
is dropped; a rejected one stays rejected, whatever is imported later. Accepting one
writes the fact into the profile (a facet row, a channel, a knows edge or a next step).

Ids are ``f-N``. The ideas engine reads proposed facts with their confidence
(``active_facets``): what was imported counts before anyone reviews it, for less.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from netprep import normalize
from netprep.errors import InvalidInput, NotFound
from netprep.models import FACET_KINDS, PROPOSAL_STATUSES, Channel, Learned
from netprep.store.db import named_rows

PREFIX = "f-"
FLOOR = 0.5
"""Proposals below this confidence are shown for review but never used by the engine."""
CERTAIN = 0.95
"""The most confidence several sightings of one fact add up to."""


@dataclass(frozen=True)
class Row:
    """One stored proposal, as the review screens and the dossier show it."""

    id: str
    person_id: int
    person: str
    person_name: str
    is_me: bool
    facet: str
    text: str
    detail: dict[str, Any] | None
    quote: str | None
    source: str | None
    origin: str
    confidence: float
    extractor: str
    status: str
    added_on: date | None

    def as_json(self) -> dict[str, Any]:
        """The shape ``homework --json`` lists under ``inferred``."""
        out: dict[str, Any] = {
            "id": self.id,
            "facet": self.facet,
            "text": self.text,
            "source": self.source,
            "status": self.status,
            "quote": self.quote,
            "confidence": round(self.confidence, 2),
            "origin": self.origin,
            "person": None if self.is_me else self.person,
        }
        if self.facet in ("channels", "next_step") and self.detail:
            out["detail"] = {k: v for k, v in self.detail.items() if k != "gloss"}
        return out

    @property
    def gloss(self) -> str | None:
        return (self.detail or {}).get("gloss")


def channel_detail(channel: Channel) -> dict[str, Any]:
    """A channel as a proposal's detail."""
    return {
        "kind": channel.kind,
        "name": channel.name,
        "url": channel.url,
        "topics": list(channel.topics),
        "accepts_guests": channel.accepts_guests,
    }


def detail_channel(detail: dict[str, Any]) -> Channel:
    """The channel a proposal's detail describes."""
    fields = ("kind", "name", "url", "topics", "accepts_guests")
    return Channel(**{k: detail[k] for k in fields if k in detail})


def key_of(facet: str, text: str, detail: dict[str, Any] | None = None) -> str:
    """What makes two proposals one: the folded phrase (a channel's address, a step's date)."""
    if facet == "channels" and detail and detail.get("url"):
        return normalize.url(str(detail["url"]))
    if facet == "next_step" and detail and detail.get("due"):
        return f"{normalize.fold(text)}|{detail['due']}"
    return normalize.fold(text)


def _merged(found: Sequence[Learned]) -> dict[tuple[str, str], Learned]:
    """One finding per fact: the most confident one, with confidence raised a little by
    each further sighting (two messages asking for one thing are surer than one)."""
    by_key: dict[tuple[str, str], list[Learned]] = {}
    for item in found:
        by_key.setdefault((item.facet, key_of(item.facet, item.text, item.detail)), []).append(item)
    out: dict[tuple[str, str], Learned] = {}
    for key, items in by_key.items():
        items.sort(key=lambda x: -x.confidence)
        best = items[0]
        doubt = 1.0
        for other in items:
            doubt *= 1 - other.confidence
        surer = min(CERTAIN, max(best.confidence, 1 - doubt * 2))
        out[key] = Learned(**{**best.__dict__, "confidence": round(surer, 3)})
    return out


def sync(
    conn: sqlite3.Connection,
    person_id: int,
    found: Sequence[Learned],
    *,
    today: date,
    extractors: Collection[str] = (),
    scope: Collection[str] = (),
) -> int:
    """Store what was found for one person now, inside the caller's write transaction;
    returns how many proposals are new. Open proposals that were made before by one of
    ``extractors``, or from one of the texts in ``scope`` (their ``origin_ref``), and were
    not found again are dropped; reviewed ones stay as they are."""
    facts = _merged(found)
    typed = _typed_keys(conn, person_id)
    existing = {
        (facet, key): (pid, status, extractor, ref)
        for pid, facet, key, status, extractor, ref in conn.execute(
            "SELECT id, facet, key, status, extractor, origin_ref FROM proposal"
            " WHERE person_id = ?",
            (person_id,),
        )
    }
    keep: set[int] = set()
    added = 0
    for (facet, key), item in facts.items():
        if (facet, key) in typed:
            continue  # the profile already says so
        values = (
            item.text,
            json.dumps(item.detail, ensure_ascii=False) if item.detail else None,
            item.quote,
            item.source,
            item.origin,
            item.origin_ref,
            item.confidence,
            item.extractor,
        )
        if (facet, key) in existing:
            pid, status, _, _ = existing[(facet, key)]
            keep.add(pid)
            if status == "proposed":
                conn.execute(
                    "UPDATE proposal SET text = ?, detail = ?, quote = ?, source = ?,"
                    " origin = ?, origin_ref = ?, confidence = ?, extractor = ? WHERE id = ?",
                    (*values, pid),
                )
            continue
        conn.execute(
            "INSERT INTO proposal (person_id, facet, key, text, detail, quote, source, origin,"
            " origin_ref, confidence, extractor, status, added_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?)",
            (person_id, facet, key, *values, today.isoformat()),
        )
        added += 1
    stale = [
        (pid,)
        for pid, status, extractor, ref in existing.values()
        if status == "proposed" and pid not in keep and (extractor in extractors or ref in scope)
    ]
    conn.executemany("DELETE FROM proposal WHERE id = ?", stale)
    return added


def _typed_keys(conn: sqlite3.Connection, person_id: int) -> set[tuple[str, str]]:
    """(facet, key) of what the profile holds already, so that it is not proposed again."""
    keys = {
        (kind, normalize.fold(text))
        for kind, text in conn.execute(
            "SELECT kind, text FROM facet WHERE person_id = ? AND status = 'accepted'",
            (person_id,),
        )
    }
    for name, url in conn.execute(
        "SELECT name, url FROM channel WHERE person_id = ? AND status = 'accepted'", (person_id,)
    ):
        keys.add(("channels", normalize.url(url) if url else normalize.fold(name)))
    return keys


# -- reading -----------------------------------------------------------------------------------
_ROW = (
    "SELECT 'f-' || r.id AS id, r.person_id, p.key AS person, p.name AS person_name, p.is_me,"
    " r.facet, r.text, r.detail, r.quote, r.source, r.origin, r.confidence, r.extractor,"
    " r.status, r.added_on FROM proposal r JOIN person p ON p.id = r.person_id"
)


def _row(r: sqlite3.Row) -> Row:
    return Row(
        id=r["id"],
        person_id=r["person_id"],
        person=r["person"],
        person_name=r["person_name"],
        is_me=bool(r["is_me"]),
        facet=r["facet"],
        text=r["text"],
        detail=json.loads(r["detail"]) if r["detail"] else None,
        quote=r["quote"],
        source=r["source"],
        origin=r["origin"],
        confidence=float(r["confidence"]),
        extractor=r["extractor"],
        status=r["status"],
        added_on=date.fromisoformat(r["added_on"]) if r["added_on"] else None,
    )


_ORDER = (
    " ORDER BY r.status = 'proposed' DESC, r.origin IN ('title', 'skill'), r.confidence DESC,"
    " r.facet, r.id"
)
"""Open ones first; what people wrote before what their titles say; surest first."""


def of_person(
    conn: sqlite3.Connection, person_id: int, *, statuses: Sequence[str] = PROPOSAL_STATUSES
) -> list[Row]:
    """A person's proposals, open ones first and surest first."""
    marks = ",".join("?" * len(statuses))
    rows = named_rows(
        conn, f"{_ROW} WHERE r.person_id = ? AND r.status IN ({marks}){_ORDER}",
        (person_id, *statuses),
    )  # fmt: skip
    return [_row(r) for r in rows]


def open_proposals(conn: sqlite3.Connection, *, limit: int | None = None) -> list[Row]:
    """Proposals awaiting review across the network, surest first."""
    tail = f" LIMIT {int(limit)}" if limit else ""
    rows = named_rows(conn, f"{_ROW} WHERE r.status = 'proposed'{_ORDER}{tail}")
    return [_row(r) for r in rows]


def everything(conn: sqlite3.Connection) -> list[Row]:
    """Every proposal, for the export."""
    return [_row(r) for r in named_rows(conn, f"{_ROW} ORDER BY r.id")]


def people_with_open(conn: sqlite3.Connection, person_ids: Iterable[int]) -> set[int]:
    """Those of these people who have open proposals."""
    rows = conn.execute(
        "SELECT DISTINCT person_id FROM proposal WHERE status = 'proposed'"
        " AND person_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(person_ids))),),
    )
    return {r[0] for r in rows}


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many proposals there are in each status."""
    return dict(conn.execute("SELECT status, count(*) FROM proposal GROUP BY status").fetchall())


@dataclass(frozen=True)
class Active:
    """A proposed facet phrase as the ideas engine reads it."""

    person_id: int
    facet: str
    text: str
    gloss: str | None
    quote: str | None
    source: str | None
    confidence: float
    origin: str = ""
    role: str | None = None
    """The lexicon's role when the phrase names who someone is ("higienista" in a note)."""


def active_facets(
    conn: sqlite3.Connection, person_ids: Iterable[int] | None = None, *, floor: float = FLOOR
) -> list[Active]:
    """Proposed (not yet reviewed) facet phrases at or above ``floor``, of these people
    (everyone's, owner included, when None)."""
    kinds = ",".join(f"'{k}'" for k in FACET_KINDS)
    sql = (
        "SELECT person_id, facet, text, detail, quote, source, confidence, origin FROM proposal"
        f" WHERE status = 'proposed' AND confidence >= ? AND facet IN ({kinds})"
    )
    params: list[Any] = [floor]
    if person_ids is not None:
        sql += " AND person_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(set(person_ids))))
    out = []
    for pid, facet, text, detail, quote, source, confidence, origin in conn.execute(sql, params):
        info = json.loads(detail) if detail else {}
        out.append(
            Active(
                pid, facet, text, info.get("gloss"), quote, source, float(confidence), origin,
                info.get("role"),
            )
        )  # fmt: skip
    return out


def active_channels(
    conn: sqlite3.Connection, person_ids: Iterable[int], *, floor: float = FLOOR
) -> dict[int, list[tuple[Channel, list[str], str | None, str | None, float, bool]]]:
    """Open channel proposals at or above ``floor``, by person: the channel with its topics
    in English, the topics as written, the quote, the source, the confidence, and whether
    its host invited the owner on."""
    rows = conn.execute(
        "SELECT person_id, detail, quote, source, confidence FROM proposal"
        " WHERE status = 'proposed' AND facet = 'channels' AND confidence >= ?"
        " AND person_id IN (SELECT value FROM json_each(?))",
        (floor, json.dumps(sorted(set(person_ids)))),
    )
    out: dict[int, list[tuple[Channel, list[str], str | None, str | None, float, bool]]] = {}
    for pid, detail, quote, source, confidence in rows:
        info = json.loads(detail) if detail else {}
        if not info.get("name"):
            continue
        written = list(info.get("topics") or [])
        channel = detail_channel({**info, "topics": info.get("gloss_topics") or written})
        invited = bool(info.get("invited"))
        out.setdefault(pid, []).append(
            (channel, written, quote, source, float(confidence), invited)
        )
    return out


def active_knows(
    conn: sqlite3.Connection, person_ids: Iterable[int] | None = None, *, floor: float = FLOOR
) -> dict[int, list[int]]:
    """Whom people know, as open proposals say (person id -> the ids they know)."""
    sql = (
        "SELECT person_id, json_extract(detail, '$.person_id') FROM proposal"
        " WHERE status = 'proposed' AND facet = 'knows' AND confidence >= ?"
        " AND json_extract(detail, '$.person_id') IS NOT NULL"
    )
    params: list[Any] = [floor]
    if person_ids is not None:
        sql += " AND person_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(set(person_ids))))
    out: dict[int, list[int]] = {}
    for pid, other in conn.execute(sql, params):
        out.setdefault(pid, []).append(int(other))
    return out


def evidence_of(
    conn: sqlite3.Connection, person_ids: Iterable[int]
) -> dict[tuple[int, str, str], tuple[str | None, str | None]]:
    """(quote, source) of accepted learned phrases, keyed by (person id, facet, text)."""
    rows = conn.execute(
        "SELECT person_id, facet, text, quote, source FROM proposal WHERE status = 'accepted'"
        " AND person_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(person_ids))),),
    )
    return {(pid, facet, text): (quote, source) for pid, facet, text, quote, source in rows}


# -- reviewing ---------------------------------------------------------------------------------
def parse_ref(ref: str) -> int:
    text = ref.strip().lower()
    digits = text.removeprefix(PREFIX)
    if not digits.isdigit():
        raise InvalidInput(
            f"{ref!r} is not the id of a proposal.",
            command="Ids look like f-12; `netprep homework PERSON --offline` lists them.",
        )
    return int(digits)


def find(conn: sqlite3.Connection, ref: str) -> Row:
    rows = named_rows(conn, f"{_ROW} WHERE r.id = ?", (parse_ref(ref),))
    if not rows:
        raise NotFound(f"No proposal {ref.strip()}.")
    return _row(rows[0])


def set_status(conn: sqlite3.Connection, ref: str, status: str, *, today: date) -> Row:
    """Accept or reject one proposal inside the caller's write transaction; accepting
    writes the fact into the profile, rejecting an accepted one takes it out again."""
    if status not in ("accepted", "rejected", "proposed"):
        raise InvalidInput(f"Unknown status {status!r}.")
    row = find(conn, ref)
    if row.status == status:
        return row
    if status == "accepted":
        _materialise(conn, row, today)
    elif row.status == "accepted":
        _withdraw(conn, row)
    conn.execute("UPDATE proposal SET status = ? WHERE id = ?", (status, parse_ref(row.id)))
    return find(conn, row.id)


def _source_label(row: Row) -> str:
    return "homework" if row.origin == "page" else f"learned:{row.origin}"


def _materialise(conn: sqlite3.Connection, row: Row, today: date) -> None:
    pid = row.person_id
    if row.facet in FACET_KINDS:
        conn.execute(
            "INSERT INTO facet (person_id, kind, text, position, source, source_url, added_on,"
            " status) VALUES (?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM facet"
            " WHERE person_id = ? AND kind = ?), ?, ?, ?, 'accepted')",
            (pid, row.facet, row.text, pid, row.facet, _source_label(row),
             row.source if row.origin == "page" else None,
             (row.added_on or today).isoformat()),
        )  # fmt: skip
    elif row.facet == "channels":
        channel = detail_channel(row.detail or {"kind": "blog", "name": row.text})
        conn.execute(
            "INSERT INTO channel (person_id, kind, name, url, topics, accepts_guests, position,"
            " source, source_url, status) VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce("
            "max(position) + 1, 0) FROM channel WHERE person_id = ?), ?, ?, 'accepted')",
            (pid, channel.kind, channel.name, channel.url, json.dumps(channel.topics),
             channel.accepts_guests, pid, _source_label(row), row.source),
        )  # fmt: skip
    elif row.facet == "knows":
        other = (row.detail or {}).get("person_id")
        if other:
            conn.execute(
                "INSERT OR IGNORE INTO knows (person_id, other_id, position) VALUES (?, ?,"
                " (SELECT coalesce(max(position) + 1, 0) FROM knows WHERE person_id = ?))",
                (pid, int(other), pid),
            )
    elif row.facet == "next_step":
        _add_step(conn, row)


def _add_step(conn: sqlite3.Connection, row: Row) -> None:
    from netprep.store.history import new_key

    detail = row.detail or {}
    owner = detail.get("owner", "them")
    due = detail.get("due") or date.today().isoformat()
    person = row.person_id
    if row.is_me:
        return  # a promise is always to someone: the owner's own have a person in detail
    conn.execute(
        "INSERT INTO next_step (key, person_id, owner, what, due, kind, status)"
        " VALUES (?, ?, ?, ?, ?, 'task', 'open')",
        (new_key(conn, "next_step", "n"), person, owner, row.text, due),
    )


def _withdraw(conn: sqlite3.Connection, row: Row) -> None:
    if row.facet in FACET_KINDS:
        conn.execute(
            "DELETE FROM facet WHERE person_id = ? AND kind = ? AND text = ? AND source = ?",
            (row.person_id, row.facet, row.text, _source_label(row)),
        )
    elif row.facet == "channels":
        conn.execute(
            "DELETE FROM channel WHERE person_id = ? AND name = ? AND source = ?",
            (row.person_id, row.text, _source_label(row)),
        )


def restore(conn: sqlite3.Connection, person_id: int, item: dict[str, Any], *, today: date) -> None:
    """Put back a proposal from an export, with its verdict (a re-import of the same file
    keeps the stored one)."""
    facet, text, detail = item["facet"], item["text"], item.get("detail")
    key = key_of(facet, text, detail)
    found = conn.execute(
        "SELECT id FROM proposal WHERE person_id = ? AND facet = ? AND key = ?",
        (person_id, facet, key),
    ).fetchone()
    if found:
        return
    conn.execute(
        "INSERT INTO proposal (person_id, facet, key, text, detail, quote, source, origin,"
        " origin_ref, confidence, extractor, status, added_on)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
        (person_id, facet, key, text, json.dumps(detail, ensure_ascii=False) if detail else None,
         item.get("quote"), item.get("source"), item.get("origin", "import"),
         float(item.get("confidence", 0.5)), item.get("extractor", "import"),
         item.get("status", "proposed"), today.isoformat()),
    )  # fmt: skip
