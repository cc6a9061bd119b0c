"""vCard 4.0 out: one card per person, readable by phones, mail clients and ``import vcard``."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.importers.vcard_syntax import escape, fold
from netprep.models import Person
from netprep.store import Database
from netprep.store import people as rows

PRODID = "-//netprep//netprep vCard export//EN"


def card(person: Person, *, birthday: str | None = None, photo: str | None = None) -> str:
    """One vCard 4.0 card, CRLF line ends, folded at 75 octets."""
    words = person.name.split()
    family, given = (words[-1], " ".join(words[:-1])) if len(words) > 1 else (person.name, "")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:{PRODID}",
        f"UID:netprep:{person.id}",
        f"FN:{escape(person.name)}",
        f"N:{escape(family)};{escape(given)};;;",
    ]
    lines += [f"EMAIL:{escape(e)}" for e in person.emails]
    lines += [f"TEL;VALUE=text:{escape(n)}" for n in person.phones]
    if person.company:
        lines.append(f"ORG:{escape(person.company)}")
    if person.title:
        lines.append(f"TITLE:{escape(person.title)}")
    for n, (label, url) in enumerate(person.urls.items(), 1):
        lines.append(f"item{n}.URL:{url}")
        lines.append(f"item{n}.X-ABLabel:{escape(label)}")
    if birthday:
        # vCard 4.0 dates are basic format: 19800322, or --0322 without a year.
        compact = birthday[2:].replace("-", "") if birthday.startswith("--") else None
        lines.append(f"BDAY:--{compact}" if compact else f"BDAY:{birthday.replace('-', '')}")
    if photo:
        lines.append(f"PHOTO:{photo}")
    if person.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in person.tags))
    if person.notes:
        lines.append(f"NOTE:{escape(person.notes)}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def cards(db: Database) -> Iterator[str]:
    """Everyone in the network as vCard 4.0, in the order they were added."""
    conn = db.sql
    extras = {
        pid: (birthday, photo)
        for pid, birthday, photo in conn.execute(
            "SELECT id, birthday, photo FROM person WHERE is_me = 0"
        )
    }
    people = rows.load_people(conn)
    for pid, person in people.items():
        birthday, photo = extras.get(pid, (None, None))
        yield card(person, birthday=birthday, photo=photo)
