"""Keep-in-touch cadences (per person or per tag) and snoozes, and when a cadence falls due.

A person's own cadence wins over their tags'; among tags, the shortest cadence wins. A
cadence falls due ``days`` after the last contact of any kind (or after connecting, for
someone never contacted). A snoozed person stays out of the weekly plan until the date
they were snoozed to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from netprep.errors import InvalidInput
from netprep.store.health import Facts

if TYPE_CHECKING:
    from netprep.store import Database

MAX_CADENCE_DAYS = 3650


@dataclass(frozen=True)
class CadenceDue:
    """A cadence that has fallen due."""

    days: int
    source: str  # "" for the person's own cadence, else the tag it comes from
    due_on: date
    overdue_days: int

    def describe(self, last_contact: date | None, today: date) -> str:
        origin = f"everyone tagged {self.source}" if self.source else "them"
        since = (
            f"last contact {(today - last_contact).days} days ago"
            if last_contact
            else "no contact yet"
        )
        return f"You keep in touch with {origin} every {self.days} days; {since}."


def cadence_due(f: Facts, by_tag: tuple[int, str] | None, today: date) -> CadenceDue | None:
    """The person's cadence if it has fallen due on ``today``, else None."""
    if f.cadence_days:
        days, source = f.cadence_days, ""
    elif by_tag is not None:
        days, source = by_tag
    else:
        return None
    start = f.last_contact or f.connected_on or today - timedelta(days=days)
    due_on = start + timedelta(days=days)
    if due_on > today:
        return None
    return CadenceDue(days, source, due_on, (today - due_on).days)


def is_snoozed(f: Facts, today: date) -> bool:
    return f.snoozed_until is not None and f.snoozed_until > today


# -- changing cadences and snoozes -----------------------------------------------------------
def _days(days: int | None) -> int | None:
    """None or 0 clears a cadence; otherwise 1 to 3650 days."""
    if days is None or days == 0:
        return None
    if not 1 <= days <= MAX_CADENCE_DAYS:
        raise InvalidInput(f"A cadence is 1 to {MAX_CADENCE_DAYS} days (0 clears it), not {days}.")
    return days


def set_cadence(db: Database, person_ref: str, days: int | None) -> tuple[str, str]:
    """Set (or with None/0 clear) a person's own cadence; returns their id and name."""
    from netprep.store import people
    from netprep.store.health import set_person_cadence
    from netprep.store.search import raw_connection

    days = _days(days)
    with db.write() as session:
        conn = raw_connection(session)
        pid = people.resolve(conn, person_ref)
        set_person_cadence(conn, pid, days)
        key, name = conn.execute("SELECT key, name FROM person WHERE id = ?", (pid,)).fetchone()
    return key, name


def set_tag_cadence(db: Database, tag: str, days: int | None) -> int:
    """Set (or clear) the cadence of everyone with ``tag``; returns how many carry the tag."""
    from netprep.store import health as rows
    from netprep.store.search import raw_connection

    tag = tag.strip()
    if not tag:
        raise InvalidInput("Name a tag, e.g. --tag clients.")
    days = _days(days)
    with db.write() as session:
        conn = raw_connection(session)
        rows.set_tag_cadence(conn, tag, days)
        (count,) = conn.execute("SELECT count(*) FROM tag WHERE tag = ?", (tag,)).fetchone()
    return int(count)


def parse_until(text: str, today: date) -> date:
    """A snooze date: an ISO date, or words such as "in 3 weeks" when the follow-up
    date reader is installed."""
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        try:
            from netprep.followup.dates import parse_due
        except ImportError:
            raise InvalidInput(
                f"{text!r} is not a date.", hint="Give the date as YYYY-MM-DD."
            ) from None
        day = parse_due(text, today=today)
    if day <= today:
        raise InvalidInput(f"Snooze until a day after today ({today.isoformat()}), not {day}.")
    return day


def snooze(db: Database, person_ref: str, until: date | None) -> tuple[str, str]:
    """Leave a person out of the weekly plan until ``until`` (None wakes them now)."""
    from netprep.store import people
    from netprep.store.health import set_snooze
    from netprep.store.search import raw_connection

    with db.write() as session:
        conn = raw_connection(session)
        pid = people.resolve(conn, person_ref)
        set_snooze(conn, pid, until)
        key, name = conn.execute("SELECT key, name FROM person WHERE id = ?", (pid,)).fetchone()
    return key, name


# -- listing -------------------------------------------------------------------------------
@dataclass
class PersonCadence:
    person: str
    name: str
    days: int | None
    snoozed_until: date | None


@dataclass
class Cadences:
    """Every cadence and snooze in force."""

    tags: dict[str, int] = field(default_factory=dict)
    people: list[PersonCadence] = field(default_factory=list)

    def to_json(self, today: date) -> dict[str, object]:
        return {
            "tags": dict(self.tags),
            "people": [
                {
                    "person": p.person,
                    "name": p.name,
                    "days": p.days,
                    "snoozed_until": (
                        p.snoozed_until.isoformat()
                        if p.snoozed_until and p.snoozed_until > today
                        else None
                    ),
                }
                for p in self.people
            ],
        }


def list_cadences(db: Database) -> Cadences:
    from netprep.store.health import person_cadences, tag_cadences

    return Cadences(
        tags=tag_cadences(db.sql),
        people=[PersonCadence(*row) for row in person_cadences(db.sql)],
    )
