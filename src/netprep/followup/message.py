"""The follow-up message: thanks, what we agreed, who does what by when, the next date.

Printed as text, or written as an .eml draft (``X-Unsent: 1``, so mail programs open it
ready to send) or a ``mailto:`` link (RFC 6068).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import quote

from netprep.followup.steps import StepEntry, entry_from_row
from netprep.store import Database
from netprep.store import people as people_rows
from netprep.store import steps as rows

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
VERBS_SEEN = frozenset(
    [
        "Send",
        "Share",
        "Introduce",
        "Intro",
        "Draft",
        "Write",
        "Call",
        "Email",
        "Book",
        "Schedule",
        "Review",
        "Pitch",
        "Run",
        "Confirm",
        "Prepare",
        "Connect",
        "Check",
        "Ask",
        "Follow",
        "Invite",
        "Read",
        "Post",
        "Publish",
        "Sign",
        "Update",
        "Meet",
        "Set",
        "Find",
        "Make",
        "Give",
        "Get",
        "Put",
        "Look",
        "Try",
        "Plan",
        "Organise",
        "Organize",
        "Reply",
        "Forward",
        "Offer",
        "Recommend",
        "Propose",
    ]
)
"""Capitalised first words safe to lower-case inside a sentence ("You'll send ...")."""
OCCASIONS = {
    "meeting": "meeting",
    "call": "call",
    "event": "chat at the event",
    "email": "note",
    "message": "message",
}


@dataclass
class FollowUp:
    """A follow-up message ready to send."""

    person: str
    name: str
    to: str | None
    sender_name: str
    sender_email: str | None
    subject: str
    body: str
    steps: list[StepEntry] = field(default_factory=list)

    def eml(self, *, today: date) -> bytes:
        """The message as an .eml draft; its Date is ``today`` at 09:00 UTC (reproducible)."""
        from email.message import EmailMessage
        from email.utils import format_datetime, formataddr

        message = EmailMessage()
        if self.to:
            message["To"] = formataddr((self.name, self.to))
        if self.sender_email:
            message["From"] = formataddr((self.sender_name, self.sender_email))
        message["Subject"] = self.subject
        stamp = datetime(today.year, today.month, today.day, 9, 0, tzinfo=UTC)
        message["Date"] = format_datetime(stamp)
        message["X-Unsent"] = "1"
        message.set_content(self.body)
        return message.as_bytes()

    def mailto(self) -> str:
        """A mailto: link that opens the message in the user's mail program."""
        body = self.body.replace("\n", "\r\n")
        query = f"subject={quote(self.subject, safe='')}&body={quote(body, safe='')}"
        return f"mailto:{quote(self.to or '', safe='@')}?{query}"


def spoken_date(day: date, *, today: date) -> str:
    """ "Friday 4 December" (with the year when it is not this year's)."""
    text = f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def _lower_first(text: str) -> str:
    """ "Send the deck" -> "send the deck", but "SEO audit" and "Łukasz ..." stay."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first in VERBS_SEEN:
        return text[0].lower() + text[1:]
    return text


def _sentence(entry: StepEntry, today: date) -> str:
    what = _lower_first(entry.step.what.rstrip("."))
    when = spoken_date(entry.step.due, today=today)
    if entry.step.kind == "meeting":
        at = f" at {entry.at}" if entry.at else ""
        return f"We meet again on {when}{at}: {what}."
    who = "I'll" if entry.step.owner == "me" else "You'll"
    if entry.step.due < today:
        return f"{who} {what} (we said by {when})."
    return f"{who} {what} by {when}."


def followup_message(db: Database, person: str, *, today: date) -> FollowUp:
    """The follow-up for a person after the latest interaction, from their open steps."""
    person_id = people_rows.resolve(db.sql, person)
    them = people_rows.load_person(db.sql, person_id)
    me = people_rows.load_profile(db.sql)
    latest = rows.latest_interaction_row(db.sql, person_id)
    steps = [entry_from_row(r) for r in rows.step_rows(db.sql, person_id=person_id)]
    tasks = [s for s in steps if s.step.kind == "task"]
    meetings = [s for s in steps if s.step.kind == "meeting"]
    first_name = them.name.split()[0] if them.name.split() else them.name

    lines = [f"Hi {first_name},", ""]
    if latest is not None:
        occasion = OCCASIONS.get(latest["kind"], "conversation")
        day = date.fromisoformat(latest["date"])
        when = "today" if day == today else f"on {spoken_date(day, today=today)}"
        lines.append(f"Thank you for the {occasion} {when}. It was good to talk.")
    else:
        lines.append("Thank you for your time. It was good to talk.")
    if tasks:
        lines += ["", "Here is what we agreed:"]
        mine = [s for s in tasks if s.step.owner == "me"]
        theirs = [s for s in tasks if s.step.owner == "them"]
        lines += [f"- {_sentence(s, today)}" for s in (*mine, *theirs)]
    lines.append("")
    if meetings:
        lines.append(_sentence(meetings[0], today))
    elif tasks:
        lines.append("Shall we also pick a date to talk again?")
    else:
        lines.append("Shall we agree on a next step and a date to talk again?")
    lines += ["", "Best,", me.name or ""]
    subject = "Thank you, and our next steps" if steps else "Thank you"
    return FollowUp(
        person=them.id or "",
        name=them.name,
        to=them.emails[0] if them.emails else None,
        sender_name=me.name,
        sender_email=me.emails[0] if me.emails else None,
        subject=subject,
        body="\n".join(lines).rstrip() + "\n",
        steps=steps,
    )
