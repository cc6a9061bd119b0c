"""Next steps as iCalendar (RFC 5545): appointments, promises with alarms, and tasks.

Appointments (kind meeting with a time) become timed VEVENTs in floating local time;
promises become all-day VEVENTs with a display VALARM, because Google Calendar and Outlook
ignore VTODO on import; ``todos=True`` adds VTODOs for Thunderbird, Nextcloud or Apple
Reminders. UIDs derive from the step's id, so importing a newer file updates events in
place; DTSTAMP derives from the injected today, so output is reproducible.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from netprep.followup.steps import StepEntry, entry_from_row
from netprep.store import Database
from netprep.store import steps as rows

if TYPE_CHECKING:
    from icalendar import Calendar, Component

PRODID = "-//netprep//netprep next steps//EN"
CALENDAR_NAME = "netprep"
MEETING_MINUTES = 60
MEETING_ALARM = timedelta(minutes=-30)
PROMISE_ALARM = timedelta(hours=9)
"""All-day promises remind at 09:00 on the due day (relative to the day's start)."""
TODO_STATUS = {"open": "NEEDS-ACTION", "done": "COMPLETED", "dropped": "CANCELLED"}


def event_uid(entry: StepEntry) -> str:
    return f"{entry.step.id}@netprep"


def todo_uid(entry: StepEntry) -> str:
    return f"{entry.step.id}-todo@netprep"


def stamp_for(today: date) -> datetime:
    """DTSTAMP: midnight UTC of the injected today (reproducible output)."""
    return datetime(today.year, today.month, today.day, tzinfo=UTC)


def summary_of(entry: StepEntry) -> str:
    what, name = entry.step.what, entry.person_name
    if entry.step.kind == "meeting":
        return f"Meeting with {name}: {what}"
    if entry.step.owner == "them":
        return f"Expect from {name}: {what}"
    return f"{what[:1].upper()}{what[1:]} ({name})"


def description_of(entry: StepEntry) -> str:
    step = entry.step
    if step.kind == "meeting":
        at = f" at {entry.at}" if entry.at else ""
        lines = [f"Appointment {step.id} with {entry.person_name} on {step.due.isoformat()}{at}."]
        return "\n".join(lines)
    who = "you" if step.owner == "me" else entry.person_name
    lines = [
        f"Next step {step.id} with {entry.person_name}, promised by {who}, "
        f"due {step.due.isoformat()}."
    ]
    if step.status == "open":
        lines.append(f"Done? netprep next done {step.id}")
    return "\n".join(lines)


def _start(entry: StepEntry) -> datetime | None:
    if entry.step.kind == "meeting" and entry.at:
        hour, minute = (int(x) for x in entry.at.split(":"))
        d = entry.step.due
        return datetime(d.year, d.month, d.day, hour, minute)  # floating: the user's local time
    return None


def event_component(entry: StepEntry, *, stamp: datetime) -> Component:
    """One VEVENT: a timed appointment, or an all-day promise with a display alarm."""
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", event_uid(entry))
    event.add("dtstamp", stamp)
    event.add("summary", summary_of(entry))
    event.add("description", description_of(entry))
    start = _start(entry)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary_of(entry))
    if start is not None:
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=MEETING_MINUTES))
        alarm.add("trigger", MEETING_ALARM)
    else:
        event.add("dtstart", entry.step.due)
        event.add("dtend", entry.step.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a promise does not make the day busy
        alarm.add("trigger", PROMISE_ALARM)
    event.add("status", "CANCELLED" if entry.step.status == "dropped" else "CONFIRMED")
    event.add("categories", ["netprep"])
    event.add_component(alarm)
    return event


def todo_component(entry: StepEntry, *, stamp: datetime) -> Component:
    """One VTODO, completed or cancelled as the step is."""
    from icalendar import Todo

    todo = Todo()
    todo.add("uid", todo_uid(entry))
    todo.add("dtstamp", stamp)
    todo.add("summary", summary_of(entry))
    todo.add("description", description_of(entry))
    todo.add("due", _start(entry) or entry.step.due)
    todo.add("status", TODO_STATUS[entry.step.status])
    if entry.step.status == "done" and entry.step.done_on:
        done = entry.step.done_on
        todo.add("completed", datetime(done.year, done.month, done.day, tzinfo=UTC))
        todo.add("percent-complete", 100)
    todo.add("categories", ["netprep"])
    return todo


def new_calendar() -> Calendar:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", CALENDAR_NAME)
    return cal


def build_calendar(entries: Iterable[StepEntry], *, today: date, todos: bool = False) -> Calendar:
    """A calendar of open steps as VEVENTs, plus every step as a VTODO with ``todos``."""
    stamp = stamp_for(today)
    cal = new_calendar()
    for entry in entries:
        if entry.step.status == "open":
            cal.add_component(event_component(entry, stamp=stamp))
        if todos and entry.step.kind == "task":
            cal.add_component(todo_component(entry, stamp=stamp))
    return cal


def calendar_ics(db: Database, *, today: date, todos: bool = False) -> bytes:
    """The .ics file of next steps: open ones as events; with ``todos`` also tasks (done
    and dropped ones too, so re-importing the file completes them)."""
    statuses = None if todos else ("open",)
    entries = [entry_from_row(r) for r in rows.step_rows(db.sql, statuses=statuses)]
    return build_calendar(entries, today=today, todos=todos).to_ical()


def single_item_ics(entry: StepEntry, *, today: date) -> tuple[str, bytes]:
    """One step as its own calendar object for CalDAV: appointments as VEVENT, tasks as
    VTODO. Returns the UID and the iCalendar text."""
    cal = new_calendar()
    stamp = stamp_for(today)
    if entry.step.kind == "meeting":
        component = event_component(entry, stamp=stamp)
        uid = event_uid(entry)
    else:
        uid = todo_uid(entry)
        component = todo_component(entry, stamp=stamp)
    cal.add_component(component)
    return uid, cal.to_ical()


def content_hash(entry: StepEntry) -> str:
    """What a step looks like on a calendar, without the time stamp: equal hashes, no push."""
    _uid, text = single_item_ics(entry, today=date(2000, 1, 1))
    return hashlib.sha256(text).hexdigest()[:32]
