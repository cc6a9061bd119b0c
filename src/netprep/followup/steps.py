"""Next steps: add a dated promise or appointment, list them, mark done, drop, move,
change, snooze and put back."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from netprep.errors import Conflict, InvalidInput
from netprep.followup.dates import parse_due
from netprep.models import OWNERS, NextStep
from netprep.store import Database
from netprep.store import people as people_rows
from netprep.store import steps as rows
from netprep.store.history import save_next_step, step_from_row
from netprep.store.search import raw_connection

_AT = re.compile(r"^(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?P<ampm>am|pm)?$")


@dataclass
class StepEntry:
    """A next step with what a listing shows beside it: whose it is, and the time if any."""

    step: NextStep
    person_name: str
    at: str | None = None
    db_id: int = 0
    person_id: int = 0

    def is_overdue(self, today: date) -> bool:
        return self.step.status == "open" and self.step.due < today


def step_dict(step: NextStep) -> dict[str, Any]:
    """A next step exactly as ``exchange.to_dict`` writes it (empty fields left out), for
    long listings: about five times faster than the generic ``to_dict``."""
    out: dict[str, Any] = {"id": step.id, "person": step.person}
    if step.interaction:
        out["interaction"] = step.interaction
    out["owner"] = step.owner
    out["what"] = step.what
    out["due"] = step.due.isoformat()
    out["kind"] = step.kind
    out["status"] = step.status
    if step.done_on:
        out["done_on"] = step.done_on.isoformat()
    if not step.id:
        del out["id"]
    return out


def entry_from_row(r: sqlite3.Row) -> StepEntry:
    return StepEntry(
        step=step_from_row(r),
        person_name=r["person_name"],
        at=r["at"],
        db_id=r["id"],
        person_id=r["person_id"],
    )


def parse_at(text: str) -> str:
    """A time of day as HH:MM: "14:30", "9:00", "9am", "2.30pm", "14h"."""
    match = _AT.match(text.strip().lower())
    if match:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        ampm = match.group("ampm")
        if ampm and 1 <= hour <= 12:
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        elif ampm:
            hour = 99
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise InvalidInput(f"{text!r} is not a time of day.", hint="Example: 14:30 or 2.30pm.")


def check_owner(owner: str) -> str:
    owner = owner.strip().lower()
    if owner not in OWNERS:
        raise InvalidInput(f"Owner {owner!r} is neither me nor them.", hint="Example: --owner them")
    return owner


def check_what(what: str) -> str:
    what = " ".join(what.split())
    if not what:
        raise InvalidInput("Say what the next step is.", hint='Example: "send the pricing deck"')
    return what


@dataclass
class StepRequest:
    """A next step to add, as the user said it (dates and times still in words)."""

    what: str
    due: str | date
    owner: str = "me"
    meeting: bool = False
    at: str | None = None

    def resolve(self, person: str, *, today: date, interaction: str | None = None) -> NextStep:
        """The checked NextStep (InvalidInput for a bad date, owner or time)."""
        due = self.due if isinstance(self.due, date) else parse_due(self.due, today=today)
        if isinstance(self.due, date) and due < today:
            raise InvalidInput(f"{due.isoformat()} is in the past.", hint="Pick today or later.")
        return NextStep(
            person=person,
            interaction=interaction,
            owner=check_owner(self.owner),  # type: ignore[arg-type]
            what=check_what(self.what),
            due=due,
            kind="meeting" if self.meeting or self.at else "task",
        )

    def time(self) -> str | None:
        return parse_at(self.at) if self.at else None


def add_next_step(
    db: Database,
    person: str,
    what: str,
    due: str | date,
    *,
    today: date,
    owner: str = "me",
    meeting: bool = False,
    at: str | None = None,
    interaction: str | None = None,
) -> StepEntry:
    """Add a dated next step for a person; a bad date, owner or time saves nothing.

    ``at`` (HH:MM) makes it an appointment (kind meeting) at that time.
    """
    person_id = people_rows.resolve(db.sql, person)
    request = StepRequest(what=what, due=due, owner=owner, meeting=meeting, at=at)
    key = people_rows.keys_of(db.sql, [person_id])[person_id]
    step = request.resolve(key, today=today, interaction=interaction)
    time = request.time()
    with db.write() as session:
        conn = raw_connection(session)
        step_id = save_next_step(conn, step, person_id, at=time)
        return entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[step_id])[0])


def get_step(db: Database, ref: str) -> StepEntry:
    return entry_from_row(rows.find_step(db.sql, ref))


def complete_step(db: Database, ref: str, *, today: date) -> StepEntry:
    """Mark a step done today (a step already done keeps the day it was done)."""
    return _set_status(db, ref, "done", today)


def drop_step(db: Database, ref: str, *, today: date) -> StepEntry:
    """Give a step up: it stays on record as dropped, off every list of what is due."""
    return _set_status(db, ref, "dropped", today)


def reopen_step(db: Database, ref: str, *, today: date) -> StepEntry:
    return _set_status(db, ref, "open", today)


def _set_status(db: Database, ref: str, status: str, today: date) -> StepEntry:
    with db.write() as session:
        conn = raw_connection(session)
        row = rows.find_step(conn, ref)
        if row["status"] != status:
            rows.set_step_status(conn, row["id"], status, today if status == "done" else None)
        return entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[row["id"]])[0])


def move_step(
    db: Database, ref: str, when: str | date, *, today: date, at: str | None = None
) -> StepEntry:
    """Give an open step a new due date (and time); the past is refused, nothing changes."""
    if isinstance(when, date):
        due = when
        if due < today:
            raise InvalidInput(f"{due.isoformat()} is in the past.", hint="Pick today or later.")
    else:
        due = parse_due(when, today=today)
    time = parse_at(at) if at else None
    with db.write() as session:
        conn = raw_connection(session)
        row = rows.find_step(conn, ref)
        if row["status"] != "open":
            raise Conflict(
                f"This next step is {row['status']}; only open steps can be moved.",
                hint="Reopen it first, or add a new one.",
                command=f"netprep next add {row['person']} ... --due ...",
            )
        rows.set_step_due(conn, row["id"], due, time)
        if time:
            rows.set_step_at(conn, row["id"], time, "meeting")
        return entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[row["id"]])[0])


SNOOZE_DAYS = 7
"""How far "snooze" pushes a step: a week past its due date, or past today if overdue."""


@dataclass
class Moved:
    """A step after a move, and where it was before (what an undo puts back)."""

    entry: StepEntry
    was_due: date
    was_at: str | None


def change_step(
    db: Database,
    ref: str,
    *,
    today: date,
    what: str | None = None,
    when: str | None = None,
    at: str | None = None,
) -> Moved:
    """Change an open step's words, due date (words or a date, never the past) or time
    (``at=""`` takes the time away); everything is checked first, a bad value changes
    nothing."""
    new_what = check_what(what) if what is not None else None
    due = parse_due(when, today=today) if when else None
    time = parse_at(at) if at else None
    with db.write() as session:
        conn = raw_connection(session)
        row = _open_row(conn, ref)
        before = entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[row["id"]])[0])
        if new_what is not None:
            rows.set_step_what(conn, row["id"], new_what)
        if due is not None:
            rows.set_step_due(conn, row["id"], due, None)
        if at is not None:
            kind = "meeting" if time else before.step.kind
            rows.set_step_at(conn, row["id"], time, kind)
        after = entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[row["id"]])[0])
    return Moved(entry=after, was_due=before.step.due, was_at=before.at)


def snooze_step(db: Database, ref: str, *, today: date, days: int = SNOOZE_DAYS) -> Moved:
    """Push an open step ``days`` later: from its due date, or from today if overdue."""
    with db.write() as session:
        conn = raw_connection(session)
        row = _open_row(conn, ref)
        before = entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[row["id"]])[0])
        due = max(before.step.due, today) + timedelta(days=days)
        rows.set_step_due(conn, row["id"], due, None)
        after = entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[row["id"]])[0])
    return Moved(entry=after, was_due=before.step.due, was_at=before.at)


def put_back(db: Database, ref: str, due: date, at: str | None) -> StepEntry:
    """Undo a move: the step's due date and time as they were (a past date included)."""
    time = parse_at(at) if at else None
    with db.write() as session:
        conn = raw_connection(session)
        row = _open_row(conn, ref)
        rows.set_step_due(conn, row["id"], due, None)
        if time != row["at"]:
            rows.set_step_at(conn, row["id"], time, row["kind"])
        return entry_from_row(rows.step_rows(conn, statuses=None, step_ids=[row["id"]])[0])


def take_back(db: Database, ref: str) -> StepEntry:
    """Undo adding a step: it goes, as if never added (an open step only, never one done)."""
    with db.write() as session:
        conn = raw_connection(session)
        row = _open_row(conn, ref)
        entry = entry_from_row(row)
        rows.delete_step(conn, row["id"])
        return entry


def _open_row(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    row = rows.find_step(conn, ref)
    if row["status"] != "open":
        raise Conflict(
            f"This next step is {row['status']}; only open steps can be changed.",
            hint="Reopen it first, or add a new one.",
        )
    return row


def list_next_steps(
    db: Database,
    *,
    today: date,
    overdue: bool = False,
    owner: str | None = None,
    person: str | None = None,
    include_closed: bool = False,
) -> list[StepEntry]:
    """Open next steps by due date (all of them with ``include_closed``); ``overdue`` keeps
    only open ones due before today."""
    person_id = people_rows.resolve(db.sql, person) if person else None
    found = rows.step_rows(
        db.sql,
        statuses=None if include_closed and not overdue else ("open",),
        owner=check_owner(owner) if owner else None,
        person_id=person_id,
        due_before=today if overdue else None,
    )
    return [entry_from_row(r) for r in found]
