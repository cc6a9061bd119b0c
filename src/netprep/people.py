"""Looking after the people in the network: find, add, edit, tag, note, link, delete.

The command line and the web app both call these; each write is one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from netprep.errors import Conflict, InvalidInput, NotFound
from netprep.models import FACET_KINDS, ME_KEY, Person, Profile
from netprep.normalize import has_words
from netprep.store import Database
from netprep.store import people as rows
from netprep.store.search import PERSON_STATES, mark_dirty, raw_connection, search_ids

if TYPE_CHECKING:
    from netprep.store.db import Transaction

SCALAR_FIELDS = ("name", "headline", "company", "title", "location", "notes", "met_via")
LIST_FIELDS = (*FACET_KINDS, "emails", "phones", "tags")
FIELD_ALIASES = {
    "need": "needs",
    "audience": "audiences",
    "wanted_audience": "wanted_audiences",
    "wanted-audience": "wanted_audiences",
    "wanted-audiences": "wanted_audiences",
    "offer": "offers",
    "interest": "interests",
    "email": "emails",
    "phone": "phones",
    "tag": "tags",
    "met-via": "met_via",
}


@dataclass
class Page:
    """One page of a people listing."""

    people: list[Person]
    total: int


def find_people(
    db: Database,
    query: str | None = None,
    *,
    tag: str | None = None,
    company: str | None = None,
    state: str | None = None,
    today: date | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> Page:
    """People matching a search (best first; everyone by name without one).

    ``state`` filters by where the relationship stands (``store.search.PERSON_STATES``).
    """
    if state and state not in PERSON_STATES:
        raise InvalidInput(f"Unknown state {state!r}.", hint=f"States: {', '.join(PERSON_STATES)}.")
    ids, total = search_ids(
        db.sql,
        query,
        tag=tag,
        company=company,
        state=state,
        today=today,
        limit=limit,
        offset=offset,
    )
    found = rows.load_people(db.sql, ids)
    return Page(people=list(found.values()), total=total)


def get_person(db: Database, ref: str) -> Person:
    """The person named by id or name (see ``store.people.resolve``)."""
    return rows.load_person(db.sql, rows.resolve(db.sql, ref))


def person_keys(db: Database, refs: Iterable[str]) -> list[str]:
    """The ids of the people named by id or name, in order; a name that fits no one or
    several people is an error naming it."""
    ids = [rows.resolve(db.sql, ref) for ref in refs]
    keys = rows.keys_of(db.sql, ids)
    return list(dict.fromkeys(keys[i] for i in ids))


def get_me(db: Database) -> Profile:
    return rows.load_profile(db.sql)


def url_label(address: str) -> str:
    """The label a bare URL is filed under: linkedin, twitter, github or website."""
    lowered = address.lower()
    for label in ("linkedin", "twitter", "github", "youtube", "instagram", "facebook"):
        if f"{label}.com" in lowered:
            return label
    if "x.com/" in lowered:
        return "twitter"
    if lowered.rstrip("/").endswith((".xml", "/feed", "/rss", ".rss", ".atom")):
        return "feed"
    return "website"


def parse_url_option(value: str) -> tuple[str, str]:
    """``label=URL`` or a bare URL; the URL must be http(s)."""
    label, sep, address = value.partition("=")
    if not sep or "://" in label:
        label, address = url_label(value), value
    address = address.strip()
    if not address.lower().startswith(("http://", "https://")):
        address = "https://" + address
    if " " in address or "." not in address:
        raise InvalidInput(
            f"{value!r} is not a web address.", hint="Example: --url https://example.com"
        )
    return label.strip().lower(), address


def _field(name: str) -> str:
    key = FIELD_ALIASES.get(name.strip().lower(), name.strip().lower())
    if key.startswith("url.") or key in SCALAR_FIELDS or key in LIST_FIELDS:
        return key
    known = ", ".join((*SCALAR_FIELDS, *LIST_FIELDS, "url.<label>"))
    raise InvalidInput(f"Unknown field {name!r}.", hint=f"Fields: {known}.")


def _pair(assignment: str) -> tuple[str, str]:
    name, sep, value = assignment.partition("=")
    if not sep:
        raise InvalidInput(
            f"{assignment!r} is not FIELD=VALUE.", hint='Example: --set title="Head of Growth"'
        )
    return _field(name), value.strip()


def apply_edits(
    profile: Profile,
    *,
    sets: Sequence[str] = (),
    adds: Sequence[str] = (),
    removes: Sequence[str] = (),
) -> Profile:
    """A copy of ``profile`` with FIELD=VALUE edits applied.

    ``sets`` replace a field (a list field takes phrases separated by ";"), ``adds``
    append one phrase, ``removes`` take one away; ``url.<label>`` edits a web address.
    """
    edited = _apply(profile, sets, adds, removes)
    _check_phrases(edited)
    return edited


def _check_phrases(profile: Profile) -> None:
    """Refuse phrases that say nothing (only spaces, zero-width characters, punctuation)."""
    for kind in FACET_KINDS:
        for phrase in profile.facet(kind):
            if not has_words(phrase):
                raise InvalidInput(f"{kind}: {phrase!r} has no letter or digit.")


def _apply(
    profile: Profile, sets: Sequence[str], adds: Sequence[str], removes: Sequence[str]
) -> Profile:
    edited = replace(profile)
    for kind in LIST_FIELDS:
        setattr(edited, kind, list(getattr(profile, kind)))
    edited.urls = dict(profile.urls)
    for assignment in sets:
        name, value = _pair(assignment)
        if name.startswith("url."):
            if value:
                edited.urls[name[4:]] = parse_url_option(value)[1]
            else:
                edited.urls.pop(name[4:], None)
        elif name in LIST_FIELDS:
            setattr(edited, name, [v.strip() for v in value.split(";") if v.strip()])
        elif name == "met_via" and not isinstance(edited, Person):
            raise InvalidInput("met_via belongs to people, not to your own profile.")
        else:
            if name == "name" and not value:
                raise InvalidInput("A name cannot be empty.")
            setattr(edited, name, value or None)
    for assignment in adds:
        name, value = _pair(assignment)
        if name not in LIST_FIELDS or not value:
            raise InvalidInput(f"--add takes a list field and a phrase, not {assignment!r}.")
        current = getattr(edited, name)
        if value not in current:
            current.append(value)
    for assignment in removes:
        name, value = _pair(assignment)
        if name not in LIST_FIELDS:
            raise InvalidInput(f"--remove takes a list field, not {assignment!r}.")
        current = getattr(edited, name)
        if value not in current:
            raise NotFound(f"{value!r} is not among {name}.")
        current.remove(value)
    return edited


def add_person(db: Database, person: Person, *, today: date) -> Person:
    """Add someone new; returns them with their id."""
    if not has_words(person.name):
        raise InvalidInput("A person needs a name.")
    _check_phrases(person)
    with db.write() as session:
        conn = raw_connection(session)
        writer = rows.PersonWriter(conn, today=today)
        if (
            person.id
            and conn.execute("SELECT 1 FROM person WHERE key = ?", (person.id,)).fetchone()
        ):
            raise InvalidInput(f"The id {person.id!r} is taken.")
        pid = writer.insert(person)
        writer.set_knows(pid, person.knows, rows.all_keys(conn))
        _reindex(session, writer)
        return rows.load_person(conn, pid)


def version_of(person: Profile) -> str:
    """A short fingerprint of everything stored about a person: it changes with any edit,
    so a form or a client can tell that the record moved on since they read it."""
    import hashlib
    import json

    from netprep.exchange import to_dict

    text = json.dumps(to_dict(person), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def save_person(
    db: Database, ref: str, person: Profile, *, today: date, expected: str | None = None
) -> Person:
    """Replace what is stored for ``ref`` (a person, or "me") with ``person``; with
    ``expected`` (a ``version_of`` read earlier), only if nothing changed since."""
    return update_person(db, ref, lambda _stored: person, today=today, expected=expected)


def update_person(
    db: Database,
    ref: str,
    change: Callable[[Profile], Profile],
    *,
    today: date,
    expected: str | None = None,
) -> Person:
    """Read ``ref`` (a person, or "me"), ``change`` it and write it back, all in one write
    transaction: what another writer saved meanwhile is read first, never overwritten.
    With ``expected``, a record that changed since that version is a Conflict."""

    def checked(stored: Profile) -> Profile:
        if expected and version_of(stored) != expected:
            raise Conflict(
                f"{stored.name or 'This profile'} was changed since you opened it"
                " (elsewhere, or in another window).",
                hint="Nothing was saved; look at what is stored now, then save again.",
            )
        return change(stored)

    with db.write() as session:
        conn = raw_connection(session)
        writer = rows.PersonWriter(conn, today=today)
        if ref == ME_KEY:
            pid = rows.me_id(conn)
            person = checked(rows.load_profile(conn))
            _check_phrases(person)
            if pid is None:
                if not person.name.strip():
                    raise InvalidInput(
                        "Give your name first.", command='netprep me --set name="..."'
                    )
                pid = writer.insert(person, is_me=True)
            else:
                writer.update(pid, person)
        else:
            pid = rows.resolve(conn, ref)
            person = checked(rows.load_person(conn, pid))
            _check_phrases(person)
            writer.update(pid, person)
        writer.set_knows(pid, person.knows, rows.all_keys(conn))
        _reindex(session, writer)
        return rows.load_person(conn, pid)


def edit_person(
    db: Database,
    ref: str,
    *,
    sets: Sequence[str] = (),
    adds: Sequence[str] = (),
    removes: Sequence[str] = (),
    today: date,
    expected: str | None = None,
) -> Person:
    """Apply FIELD=VALUE edits to a person, or to your own profile with ref "me" (read and
    written in one transaction, so two edits at once both count); ``expected`` as in
    ``update_person``."""
    return update_person(
        db,
        ref,
        lambda current: apply_edits(current, sets=sets, adds=adds, removes=removes),
        today=today,
        expected=expected,
    )


def tag_people(
    db: Database, refs: Sequence[str], tags: Sequence[str], *, remove: bool = False
) -> int:
    """Add (or remove) tags on people; returns how many people changed."""
    clean = [t.strip() for t in tags if t.strip()]
    if not clean:
        raise InvalidInput("Name at least one tag.")
    changed = 0
    with db.write() as session:
        conn = raw_connection(session)
        for ref in refs:
            pid = rows.resolve(conn, ref)
            for tag in clean:
                if remove:
                    cur = conn.execute(
                        "DELETE FROM tag WHERE person_id = ? AND tag = ?", (pid, tag)
                    )
                else:
                    cur = conn.execute(
                        "INSERT OR IGNORE INTO tag (person_id, tag, position) VALUES (?, ?,"
                        " (SELECT coalesce(max(position) + 1, 0) FROM tag WHERE person_id = ?))",
                        (pid, tag, pid),
                    )
                changed += cur.rowcount
            mark_dirty(session, [pid])
    return changed


def add_note(db: Database, ref: str, text: str, *, today: date) -> Person:
    """Append a dated line to a person's notes."""
    if not text.strip():
        raise InvalidInput("The note is empty.")
    line = f"{today.isoformat()}: {text.strip()}"

    def append(person: Profile) -> Profile:
        person.notes = f"{person.notes}\n{line}" if person.notes else line
        return person

    return update_person(db, ref, append, today=today)


def link_people(db: Database, a: str, b: str, *, today: date) -> tuple[Person, Person]:
    """Record that two people know each other well enough to introduce."""
    with db.write() as session:
        conn = raw_connection(session)
        ida = _resolve_or_me(conn, a)
        idb = _resolve_or_me(conn, b)
        if ida == idb:
            raise InvalidInput("A person cannot be introduced to themselves.")
        rows.PersonWriter(conn, today=today).add_knows(ida, idb)
        found = rows.load_people(conn, [ida, idb])
        return found[ida], found[idb]


def _resolve_or_me(conn: sqlite3.Connection, ref: str) -> int:
    if ref == ME_KEY:
        pid = rows.me_id(conn)
        if pid is None:
            raise NotFound(
                "Your own profile is empty.",
                hint="Fill in My profile first.",
                command="netprep me --set name=...",
            )
        return pid
    return rows.resolve(conn, ref)


def delete_person(db: Database, ref: str) -> Person:
    """Delete a person with their facets, history and next steps."""
    with db.write() as session:
        conn = raw_connection(session)
        pid = rows.resolve(conn, ref)
        person = rows.load_person(conn, pid)
        writer = rows.PersonWriter(conn, today=date.today())
        writer.delete(pid)
        _reindex(session, writer)
        return person


def _reindex(session: Transaction, writer: rows.PersonWriter) -> None:
    mark_dirty(session, writer.touched)
