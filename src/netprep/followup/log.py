"""The meeting log: record what happened, with its next steps, in one transaction.

Logging an interaction is all it takes to reset a person's keep-in-touch clock: last
contact is the date of the latest interaction (``store.steps.last_contact_dates``), so no
reminder can ignore logged activity. A meeting or call that leaves no dated next step is
flagged here and listed by ``people_met_without_next_step`` for the health view.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from netprep.errors import InvalidInput
from netprep.followup.dates import parse_day
from netprep.followup.steps import StepEntry, StepRequest, entry_from_row
from netprep.models import FLOWS, INTERACTION_KINDS, Interaction
from netprep.store import Database
from netprep.store import people as people_rows
from netprep.store import steps as rows
from netprep.store.history import save_interaction, save_next_step
from netprep.store.search import raw_connection
from netprep.store.steps import CONVERSATION_KINDS, MetWithoutStep

__all__ = [
    "CONVERSATION_KINDS",
    "LogResult",
    "MetWithoutStep",
    "last_contact",
    "log_interaction",
    "people_met_without_next_step",
]


@dataclass
class LogResult:
    """What logging stored, and whether the meeting still lacks a dated next step."""

    interaction: Interaction
    person_name: str
    steps: list[StepEntry] = field(default_factory=list)
    needs_next_step: bool = False


def _choice(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    value = value.strip().lower()
    if value not in allowed:
        raise InvalidInput(f"{what} {value!r} is not one of {', '.join(allowed)}.")
    return value


def _phrases(values: Sequence[str]) -> list[str]:
    return [" ".join(v.split()) for v in values if v.strip()]


def log_interaction(
    db: Database,
    person: str,
    *,
    today: date,
    when: str | date | None = None,
    kind: str = "meeting",
    flow: str | None = None,
    summary: str | None = None,
    gave: Sequence[str] = (),
    received: Sequence[str] = (),
    next_steps: Sequence[StepRequest] = (),
    planned: str | None = None,
) -> LogResult:
    """Record an interaction (and the next steps agreed in it) for a person.

    ``when`` is a date or words ("yesterday", "last Tuesday"); today by default, never the
    future. ``planned`` is the meeting this logs (a step of theirs): it is marked done
    with it. Everything is checked first; then one transaction writes it all, or nothing.
    """
    person_id = people_rows.resolve(db.sql, person)
    key = people_rows.keys_of(db.sql, [person_id])[person_id]
    if when is None:
        day = today
    elif isinstance(when, date):
        day = when
        if day > today:
            raise InvalidInput(f"{day.isoformat()} is in the future; log what already happened.")
    else:
        day = parse_day(when, today=today)
    item = Interaction(
        person=key,
        date=day,
        kind=_choice(kind, INTERACTION_KINDS, "Kind") or "meeting",  # type: ignore[arg-type]
        summary=summary.strip() if summary and summary.strip() else None,
        flow=_choice(flow, FLOWS, "Flow"),  # type: ignore[arg-type]
        gave=_phrases(gave),
        received=_phrases(received),
    )
    agreed = [(r.resolve(key, today=today), r.time()) for r in next_steps]
    with db.write() as session:
        conn = raw_connection(session)
        if planned:
            meeting = rows.find_step(conn, planned)
            if meeting["person_id"] != person_id:
                raise InvalidInput("That planned meeting is with someone else.")
            if meeting["status"] == "open":
                rows.set_step_status(conn, meeting["id"], "done", day)
        save_interaction(conn, item, person_id)
        step_ids = []
        for step, time in agreed:
            step.interaction = item.id
            step_ids.append(save_next_step(conn, step, person_id, at=time))
        entries = [
            entry_from_row(r) for r in rows.step_rows(conn, statuses=None, step_ids=step_ids)
        ]
        lacking = rows.people_met_without_next_step(conn, today, [person_id])
    name = people_rows.load_person(db.sql, person_id).name
    return LogResult(
        interaction=item,
        person_name=name,
        steps=entries,
        needs_next_step=any(m.interaction == item.id for m in lacking),
    )


def people_met_without_next_step(
    conn: sqlite3.Connection, today: date, person_ids: Sequence[int] | None = None
) -> list[MetWithoutStep]:
    """People whose latest meeting or call led to no next step ("met, no next step"),
    most recent first. Decided "pass" is left out."""
    return rows.people_met_without_next_step(conn, today, person_ids)


def last_contact(conn: sqlite3.Connection, person_id: int, *, today: date) -> date | None:
    """The date of the latest interaction with a person: the keep-in-touch clock."""
    return rows.last_contact_dates(conn, [person_id], today=today).get(person_id)
