"""The SQL of imports: what is already known (for matching), and bulk writes of new facts.

Everything here runs inside the import's one write transaction, on its sqlite3 connection,
as a handful of ``executemany`` calls: 30,000 people are a few statements, not 30,000.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from netprep import normalize
from netprep.importers.identity import exact_name, fold_name, linkedin_key


@dataclass
class Index:
    """Identifiers of everyone stored, loaded once per import to match incoming records."""

    links: dict[tuple[str, str], tuple[int, str | None]] = field(default_factory=dict)
    by_email: dict[str, int] = field(default_factory=dict)
    by_phone: dict[str, int] = field(default_factory=dict)
    by_linkedin: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, set[int]] = field(default_factory=dict)
    me: int | None = None
    me_name: str | None = None


def load_index(conn: sqlite3.Connection) -> Index:
    index = Index()
    for source, key, pid, digest in conn.execute(
        "SELECT source, source_key, person_id, content_hash FROM source_link"
    ):
        index.links[(source, key)] = (pid, digest)
    me = conn.execute("SELECT id, name FROM person WHERE is_me = 1").fetchone()
    if me:
        index.me, index.me_name = me[0], me[1]
    for address, pid in conn.execute(
        "SELECT address_norm, person_id FROM email e JOIN person p ON p.id = e.person_id"
        " WHERE p.is_me = 0"
    ):
        index.by_email.setdefault(address, pid)
    for number, pid in conn.execute(
        "SELECT number_norm, person_id FROM phone ph JOIN person p ON p.id = ph.person_id"
        " WHERE p.is_me = 0 AND number_norm LIKE '+%'"
    ):
        index.by_phone.setdefault(number, pid)
    for address, pid in conn.execute(
        "SELECT url, person_id FROM url u JOIN person p ON p.id = u.person_id"
        " WHERE p.is_me = 0 AND u.url_norm LIKE '%linkedin.com/%'"
    ):
        key = linkedin_key(address)
        if key:
            index.by_linkedin.setdefault(key, pid)
    for pid, name in conn.execute("SELECT id, name FROM person WHERE is_me = 0"):
        index.by_name.setdefault(exact_name(name), set()).add(pid)
    return index


def me_row(conn: sqlite3.Connection) -> int | None:
    """The owner's database id, once the owner exists."""
    row = conn.execute("SELECT id FROM person WHERE is_me = 1").fetchone()
    return int(row[0]) if row else None


def next_id(conn: sqlite3.Connection, table: str) -> int:
    (top,) = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
    return int(top) + 1


def taken_keys(conn: sqlite3.Connection, table: str, prefix: str) -> set[str]:
    return {
        r[0] for r in conn.execute(f"SELECT key FROM {table} WHERE key LIKE ?", (prefix + "%",))
    }


def interaction_source_keys(conn: sqlite3.Connection, source: str) -> set[str]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT source_key FROM interaction WHERE source = ? AND source_key IS NOT NULL",
            (source,),
        )
    }


# -- people ------------------------------------------------------------------------------
@dataclass
class PersonRow:
    """A person as the import writes them: new, or the new state of a stored one."""

    id: int
    key: str
    name: str
    company: str | None = None
    """The company's name, as the import sees it; ``company_id`` is what is stored."""
    company_id: int | None = None
    title: str | None = None
    headline: str | None = None
    location: str | None = None
    notes: str | None = None
    connected_on: date | None = None
    met_via: str | None = None
    birthday: str | None = None
    photo: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)


_SCALARS = ("name", "company_id", "title", "headline", "location", "notes", "connected_on",
            "met_via", "birthday", "photo")  # fmt: skip


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def insert_people(conn: sqlite3.Connection, people: Sequence[PersonRow]) -> None:
    conn.executemany(
        "INSERT INTO person (id, key, is_me, name, name_folded, headline, company_id, title,"
        " location, notes, connected_on, met_via, birthday, photo)"
        " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                p.id,
                p.key,
                p.name,
                fold_name(p.name),
                p.headline,
                p.company_id,
                p.title,
                p.location,
                p.notes,
                _iso(p.connected_on),
                p.met_via,
                p.birthday,
                p.photo,
            )
            for p in people
        ],
    )
    add_children(conn, [(p.id, p.emails, p.phones, p.urls, p.tags, 0) for p in people])


def add_children(
    conn: sqlite3.Connection,
    rows: Iterable[tuple[int, list[str], list[str], dict[str, str], list[str], int]],
) -> None:
    """Append e-mails, phones, URLs and tags; the last number is the first free position."""
    emails, phones, urls, tags = [], [], [], []
    for pid, new_emails, new_phones, new_urls, new_tags, start in rows:
        emails += [(pid, a, normalize.email(a), start + i) for i, a in enumerate(new_emails)]
        phones += [(pid, n, normalize.phone(n), start + i) for i, n in enumerate(new_phones)]
        urls += [
            (pid, label, u, normalize.url(u), start + i)
            for i, (label, u) in enumerate(new_urls.items())
        ]
        tags += [(pid, t, start + i) for i, t in enumerate(new_tags)]
    conn.executemany(
        "INSERT INTO email (person_id, address, address_norm, position) VALUES (?, ?, ?, ?)",
        emails,
    )
    conn.executemany(
        "INSERT INTO phone (person_id, number, number_norm, position) VALUES (?, ?, ?, ?)", phones
    )
    conn.executemany(
        "INSERT OR IGNORE INTO url (person_id, label, url, url_norm, position)"
        " VALUES (?, ?, ?, ?, ?)",
        urls,
    )
    conn.executemany("INSERT OR IGNORE INTO tag (person_id, tag, position) VALUES (?, ?, ?)", tags)


def load_people_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, PersonRow]:
    """Stored people, as rows the import can merge into."""
    found: dict[int, PersonRow] = {}
    if not ids:
        return found
    selector = "(SELECT value FROM json_each(?))"
    param = (json.dumps(list(ids)),)
    for r in conn.execute(
        f"SELECT p.id, p.key, p.name, c.name, p.company_id, p.title, p.headline, p.location,"
        f" p.notes, p.connected_on, p.met_via, p.birthday, p.photo FROM person p"
        f" LEFT JOIN company c ON c.id = p.company_id WHERE p.id IN {selector}",
        param,
    ):
        found[r[0]] = PersonRow(
            id=r[0],
            key=r[1],
            name=r[2],
            company=r[3],
            company_id=r[4],
            title=r[5],
            headline=r[6],
            location=r[7],
            notes=r[8],
            connected_on=date.fromisoformat(r[9]) if r[9] else None,
            met_via=r[10],
            birthday=r[11],
            photo=r[12],
        )
    for table, column, target in (
        ("email", "address", "emails"),
        ("phone", "number", "phones"),
        ("tag", "tag", "tags"),
    ):
        for pid, value in conn.execute(
            f"SELECT person_id, {column} FROM {table} WHERE person_id IN {selector}"
            f" ORDER BY person_id, position",
            param,
        ):
            getattr(found[pid], target).append(value)
    for pid, label, address in conn.execute(
        f"SELECT person_id, label, url FROM url WHERE person_id IN {selector}"
        f" ORDER BY person_id, position",
        param,
    ):
        found[pid].urls[label] = address
    return found


def update_people(conn: sqlite3.Connection, changes: Sequence[tuple[int, dict[str, Any]]]) -> None:
    """Set changed scalar columns, one statement shape per set of columns."""
    shapes: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for pid, values in changes:
        columns = tuple(sorted(values))
        if columns:
            shapes.setdefault(columns, []).append((*(_iso(values[c]) for c in columns), pid))
    for columns, rows in shapes.items():
        assignments = ", ".join(f"{c} = ?" for c in columns)
        extra = ", name_folded = ?" if "name" in columns else ""
        if extra:
            at = columns.index("name")
            rows = [(*row[:-1], normalize.fold(row[at]), row[-1]) for row in rows]
        conn.executemany(
            f"UPDATE person SET {assignments}{extra}, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
            rows,
        )


def child_positions(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, int]:
    """The first free position of each person's lists (so appended facts come last)."""
    if not ids:
        return {}
    param = (json.dumps(list(ids)),)
    out: dict[int, int] = {}
    for table in ("email", "phone", "url", "tag"):
        for pid, top in conn.execute(
            f"SELECT person_id, max(position) FROM {table}"
            f" WHERE person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id",
            param,
        ):
            out[pid] = max(out.get(pid, 0), top + 1)
    return out


def save_links(conn: sqlite3.Connection, rows: Sequence[tuple[str, str, int, str]]) -> None:
    conn.executemany(
        "INSERT INTO source_link (source, source_key, person_id, content_hash)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (source, source_key) DO UPDATE SET"
        " person_id = excluded.person_id, content_hash = excluded.content_hash,"
        " imported_at = CURRENT_TIMESTAMP",
        rows,
    )


# -- history, companies, the owner --------------------------------------------------------
@dataclass(slots=True)
class InteractionRow:
    id: int
    key: str
    person_id: int
    on: date
    summary: str | None
    direction: str | None
    source: str
    source_key: str
    received: list[str] = field(default_factory=list)
    kind: str = "message"
    gave: list[str] = field(default_factory=list)
    subject: str | None = None
    text: str | None = None
    thread: str | None = None
    noise: bool = False


def insert_interactions(conn: sqlite3.Connection, rows: Sequence[InteractionRow]) -> None:
    conn.executemany(
        "INSERT INTO interaction (id, key, person_id, date, kind, summary, gave, received,"
        " direction, source, source_key, subject, text, thread, noise)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.id,
                r.key,
                r.person_id,
                r.on.isoformat(),
                r.kind,
                r.summary,
                json.dumps(r.gave, ensure_ascii=False) if r.gave else "[]",
                json.dumps(r.received, ensure_ascii=False) if r.received else "[]",
                r.direction,
                r.source,
                r.source_key,
                r.subject,
                r.text,
                r.thread,
                r.noise,
            )
            for r in rows
        ],
    )


def save_documents(
    conn: sqlite3.Connection,
    person_id: int,
    documents: Sequence[tuple[str, str, str, str, str, Any]],
) -> int:
    """(source, source_key, kind, label, text, date) rows of one person: new ones added,
    changed ones updated; returns how many changed."""
    changed = 0
    for source, key, kind, label, text, on in documents:
        found = conn.execute(
            "SELECT id, text, label FROM document WHERE source = ? AND source_key = ?",
            (source, key),
        ).fetchone()
        if found and (found[1], found[2]) == (text, label):
            continue
        if found:
            conn.execute(
                "UPDATE document SET text = ?, label = ?, kind = ?, written_on = ? WHERE id = ?",
                (text, label, kind, _iso(on), found[0]),
            )
        else:
            conn.execute(
                "INSERT INTO document (person_id, kind, label, text, written_on, source,"
                " source_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person_id, kind, label, text, _iso(on), source, key),
            )
        changed += 1
    return changed


def fill_met_via(conn: sqlite3.Connection, rows: Sequence[tuple[str, int]]) -> int:
    """Set how we met where nothing is recorded yet; returns how many people changed."""
    before = conn.total_changes
    conn.executemany(
        "UPDATE person SET met_via = ? WHERE id = ? AND (met_via IS NULL OR met_via = '')", rows
    )
    return conn.total_changes - before


def add_companies(conn: sqlite3.Connection, companies: Sequence[tuple[str, str | None]]) -> int:
    """Add companies that are not stored yet; returns how many were new."""
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO company (name, url) VALUES (?, ?)", companies)
    return conn.total_changes - before


def add_me_facts(
    conn: sqlite3.Connection,
    me: int,
    *,
    fills: dict[str, Any],
    urls: dict[str, str],
    expertise: Sequence[str],
    source: str,
    today: date,
) -> list[str]:
    """Fill the owner's empty fields and add phrases and links; what the user typed stays.

    Returns the names of the fields that changed.
    """
    changed: list[str] = []
    current = conn.execute(
        "SELECT headline, location, title, company_id FROM person WHERE id = ?", (me,)
    ).fetchone()
    columns = dict(zip(("headline", "location", "title", "company_id"), current, strict=True))
    for column, value in fills.items():
        if value and not columns.get(column):
            conn.execute(f"UPDATE person SET {column} = ? WHERE id = ?", (value, me))
            changed.append("company" if column == "company_id" else column)
    labels = {r[0] for r in conn.execute("SELECT label FROM url WHERE person_id = ?", (me,))}
    new_urls = {k: v for k, v in urls.items() if k not in labels}
    if new_urls:
        add_children(conn, [(me, [], [], new_urls, [], 1000)])
        changed.append("urls")
    have = {
        normalize.fold(r[0])
        for r in conn.execute(
            "SELECT text FROM facet WHERE person_id = ? AND kind = 'expertise'", (me,)
        )
    }
    (top,) = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM facet WHERE person_id = ? AND kind = 'expertise'",
        (me,),
    ).fetchone()
    phrases = [p for p in dict.fromkeys(expertise) if normalize.fold(p) not in have]
    conn.executemany(
        "INSERT INTO facet (person_id, kind, text, position, source, added_on)"
        " VALUES (?, 'expertise', ?, ?, ?, ?)",
        [(me, p, top + i, source, today.isoformat()) for i, p in enumerate(phrases)],
    )
    if phrases:
        changed.append("expertise")
    return changed


def create_me(conn: sqlite3.Connection, name: str) -> int:
    cur = conn.execute(
        "INSERT INTO person (key, is_me, name, name_folded) VALUES ('me', 1, ?, ?)",
        (name, normalize.fold(name)),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def people_identities(conn: sqlite3.Connection) -> list[tuple[int, str, str | None, str | None]]:
    """Everyone's id, name, company and LinkedIn URL: what likely-duplicate checks compare."""
    return conn.execute(
        "SELECT p.id, p.name, c.name,"
        " (SELECT u.url FROM url u WHERE u.person_id = p.id AND u.label = 'linkedin')"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.is_me = 0"
    ).fetchall()
