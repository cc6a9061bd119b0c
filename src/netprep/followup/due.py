"""The morning view: what is overdue, due today, due this week, and meetings to prepare."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from netprep.followup.steps import StepEntry, entry_from_row, step_dict
from netprep.store import Database
from netprep.store import steps as rows

WEEK_DAYS = 7
BRIEF_FRESH_DAYS = 14
"""A brief made this many days or fewer before a meeting counts as preparation for it."""


@dataclass
class DueView:
    """The morning view, each list in the order to act on it."""

    today: date
    overdue: list[StepEntry] = field(default_factory=list)
    due_today: list[StepEntry] = field(default_factory=list)
    this_week: list[StepEntry] = field(default_factory=list)
    meetings_without_brief: list[StepEntry] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: each list of next steps as in the exchange format, plus ``at``."""

        def steps(entries: list[StepEntry]) -> list[dict[str, Any]]:
            return [{**step_dict(e.step), **({"at": e.at} if e.at else {})} for e in entries]

        return {
            "today": self.today.isoformat(),
            "overdue": steps(self.overdue),
            "due_today": steps(self.due_today),
            "this_week": steps(self.this_week),
            "meetings_without_brief": steps(self.meetings_without_brief),
        }

    def is_empty(self) -> bool:
        return not (self.overdue or self.due_today or self.this_week or self.meetings_without_brief)


def next_steps_due(db: Database, *, today: date, days: int = WEEK_DAYS) -> DueView:
    """Open steps overdue (mine first, oldest first), due today, due in the next ``days``
    days, and the meetings among today's and the week's whose person has no fresh brief."""
    horizon = today + timedelta(days=days)
    entries = [
        entry_from_row(r) for r in rows.step_rows(db.sql, statuses=("open",), due_until=horizon)
    ]
    view = DueView(today=today)
    for entry in entries:
        if entry.step.due < today:
            view.overdue.append(entry)
        elif entry.step.due == today:
            view.due_today.append(entry)
        else:
            view.this_week.append(entry)
    view.overdue.sort(key=lambda e: (e.step.owner != "me", e.step.due, e.db_id))
    meetings = [e for e in (*view.due_today, *view.this_week) if e.step.kind == "meeting"]
    briefs = rows.briefed_on(db.sql, {e.person_id for e in meetings})
    for entry in meetings:
        made = briefs.get(entry.person_id)
        if made is None or made < entry.step.due - timedelta(days=BRIEF_FRESH_DAYS):
            view.meetings_without_brief.append(entry)
    return view


def record_brief(db: Database, person: str, *, today: date) -> None:
    """Note that a meeting brief was made today for a person (``netprep brief`` calls this),
    so their coming meeting leaves the "no brief yet" list."""
    from netprep.store import people as people_rows
    from netprep.store.search import raw_connection

    person_id = people_rows.resolve(db.sql, person)
    with db.write() as session:
        rows.mark_briefed(raw_connection(session), person_id, today)
