"""The weekly plan: whom to contact this week, why, and a first idea for each.

Order, each person once, under the first reason that applies:
1. ``overdue_promise``: I owe them something past its date (oldest first);
   ``promise_due``: I promised them something due in the next ``PROMISE_DAYS`` days, in a
   next step or in a message (soonest first);
   ``open_ask``: they wrote asking for or offering something in the last ``ASK_DAYS``
   days, still open and unanswered (newest first);
2. ``collaborator_quiet``: decided to collaborate, nothing for 30 days (quiet longest first);
3. ``dormant``: dormant ties, best value of reconnecting first (``reconnect.reconnect_value``);
4. ``cadence``: a keep-in-touch cadence has fallen due (most overdue first);
5. ``never_met_fit``: connected in the last ``NEW_CONNECTION_DAYS`` days, never met, and
   something in their profile meets a need of mine (best fit first).
Snoozed people are left out until their date; people I passed on are left out of 3 and 5.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from netprep.errors import InvalidInput
from netprep.health.cadence import cadence_due, is_snoozed
from netprep.health.reconnect import MIN_FIT, THEIR_KINDS, FitFinder, reconnect_value
from netprep.health.states import Thresholds, dormant_months, is_quiet_collaborator, last_activity
from netprep.health.states import state_of as _state_of
from netprep.store.health import Due, Facts, OverdueStep

if TYPE_CHECKING:
    import sqlite3

    from netprep.models import Idea
    from netprep.store import Database

Why = Literal[
    "overdue_promise",
    "promise_due",
    "open_ask",
    "collaborator_quiet",
    "dormant",
    "cadence",
    "never_met_fit",
]
WHY_ORDER: tuple[Why, ...] = (
    "overdue_promise",
    "promise_due",
    "open_ask",
    "collaborator_quiet",
    "dormant",
    "cadence",
    "never_met_fit",
)
NEW_CONNECTION_DAYS = 90
"""A connection made within this many days is new."""
MAX_LIMIT = 100
PROMISE_DAYS = 7
ASK_DAYS = 60


@dataclass
class PlanItem:
    """One person to contact this week."""

    person: str
    name: str
    why: Why
    reason: str
    score: float | None = None
    idea: Idea | None = None

    def to_json(self) -> dict[str, Any]:
        idea = None
        if self.idea is not None:
            from netprep.exchange import idea_dict

            idea = idea_dict(self.idea)
        return {
            "person": self.person,
            "reason": self.reason,
            "why": self.why,
            "idea": idea,
            "name": self.name,
            "score": self.score,
        }


def weekly_plan(
    db: Database,
    today: date,
    limit: int = 5,
    *,
    with_ideas: bool = True,
    dormant_months_override: int | None = None,
) -> list[PlanItem]:
    """Whom to contact this week, best first, at most ``limit`` people."""
    from netprep.store.health import overdue_steps, relationship_facts

    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"The plan holds 1 to {MAX_LIMIT} people, not {limit}.")
    conn = db.sql
    thresholds = Thresholds(today, dormant_months(conn, dormant_months_override))
    facts = relationship_facts(conn, today)
    items = plan_items(conn, facts, overdue_steps(conn, today), thresholds, limit)
    if with_ideas:
        attach_ideas(db, items, today)
    return items


def plan_items(
    conn: sqlite3.Connection,
    facts: list[Facts],
    overdue: list[OverdueStep],
    t: Thresholds,
    limit: int,
) -> list[PlanItem]:
    """The first ``limit`` plan items; later reasons are only worked out when needed."""
    awake = {f.id: f for f in facts if not is_snoozed(f, t.today)}
    chosen: dict[int, PlanItem] = {}
    sources = (
        _overdue_promises(overdue, awake, t.today),
        _promises_due(conn, awake, t.today),
        _open_asks(conn, awake, t.today),
        _quiet_collaborators(awake, t),
        _dormant_ties(conn, awake, t),
        _cadences_due(conn, awake, t.today),
        _new_fits(conn, awake, t),
    )
    for source in sources:
        for pid, item in source:
            if pid not in chosen:
                chosen[pid] = item
                if len(chosen) == limit:
                    return list(chosen.values())
    return list(chosen.values())


Candidates = Iterator[tuple[int, PlanItem]]


def _day(day: date) -> str:
    return f"{day:%b} {day.day}, {day.year}"


def _overdue_promises(
    overdue: list[OverdueStep], awake: dict[int, Facts], today: date
) -> Candidates:
    mine: dict[int, list[OverdueStep]] = {}
    for step in overdue:  # oldest first
        if step.owner == "me" and step.person_id in awake:
            mine.setdefault(step.person_id, []).append(step)
    for pid, steps in mine.items():
        first = steps[0]
        late = (today - first.due).days
        reason = f"You promised “{first.what}” by {_day(first.due)} ({late} days overdue)"
        if len(steps) > 1:
            reason += f", and {len(steps) - 1} more"
        f = awake[pid]
        yield pid, PlanItem(f.key, f.name, "overdue_promise", reason + ".")


def _promises_due(conn: sqlite3.Connection, awake: dict[int, Facts], today: date) -> Candidates:
    from netprep.store.health import promises_due

    mine: dict[int, list[Due]] = {}
    for due in promises_due(conn, today, PROMISE_DAYS):
        if due.person_id in awake:
            mine.setdefault(due.person_id, []).append(due)
    for pid, steps in mine.items():
        first = steps[0]
        when = "today" if first.due == today else f"by {_day(first.due)}"
        said = " (you said so in a message)" if first.learned else ""
        reason = f"You promised “{first.what}” {when}{said}"
        if len(steps) > 1:
            reason += f", and {len(steps) - 1} more"
        f = awake[pid]
        yield pid, PlanItem(f.key, f.name, "promise_due", reason + ".")


def _open_asks(conn: sqlite3.Connection, awake: dict[int, Facts], today: date) -> Candidates:
    from netprep.store.health import open_asks

    seen: set[int] = set()
    for ask in open_asks(conn, today, ASK_DAYS):
        if ask.person_id not in awake or ask.person_id in seen:
            continue
        seen.add(ask.person_id)
        f = awake[ask.person_id]
        first = f.name.split()[0] if f.name else f.name
        verb = "asked for" if ask.facet == "needs" else "offered"
        reason = f"{first} {verb} “{ask.text}” on {_day(ask.on)}, and you have not written back"
        yield ask.person_id, PlanItem(f.key, f.name, "open_ask", reason + ".")


def _quiet_collaborators(awake: dict[int, Facts], t: Thresholds) -> Candidates:
    quiet = [f for f in awake.values() if is_quiet_collaborator(f, t)]
    quiet.sort(key=lambda f: ((last_activity(f) or date.min), f.id))
    for f in quiet:
        latest = last_activity(f)
        reason = (
            f"You decided to collaborate; nothing has happened for {(t.today - latest).days} days."
            if latest
            else "You decided to collaborate, but nothing has happened yet."
        )
        yield f.id, PlanItem(f.key, f.name, "collaborator_quiet", reason)


def _dormant_ties(conn: sqlite3.Connection, awake: dict[int, Facts], t: Thresholds) -> Candidates:
    from netprep.store.health import my_phrases, phrases_of

    dormant = [f for f in awake.values() if _state_of(f, t) == "dormant"]
    if not dormant:
        return
    finder = FitFinder(my_phrases(conn, ("needs", "wanted_audiences")))
    theirs = {} if finder.empty else phrases_of(conn, [f.id for f in dormant], THEIR_KINDS)
    scored = []
    for f in dormant:
        fit = finder.best(theirs[f.id]) if f.id in theirs else None
        scored.append((reconnect_value(f, fit, t.today), f))
    scored.sort(key=lambda pair: (-pair[0].score, pair[1].id))
    for value, f in scored:
        assert f.last_contact is not None  # dormant ties were met
        months = max(1, round((t.today - f.last_contact).days / 30.44))
        meetings = "once" if f.meetings == 1 else f"{f.meetings} times"
        reason = (
            f"Dormant for {months} months (last contact {_day(f.last_contact)}; met {meetings})"
        )
        parts = value.reasons(f)
        if parts:
            reason += ": " + "; ".join(parts)
        yield f.id, PlanItem(f.key, f.name, "dormant", reason + ".", score=value.score)


def _cadences_due(conn: sqlite3.Connection, awake: dict[int, Facts], today: date) -> Candidates:
    from netprep.store.health import cadence_by_tag

    by_tag = cadence_by_tag(conn)
    due = []
    for f in awake.values():
        if f.cadence_days or f.id in by_tag:
            found = cadence_due(f, by_tag.get(f.id), today)
            if found is not None:
                due.append((found, f))
    due.sort(key=lambda pair: (-pair[0].overdue_days, pair[1].id))
    for found, f in due:
        reason = found.describe(f.last_contact, today)
        yield f.id, PlanItem(f.key, f.name, "cadence", reason)


def _new_fits(conn: sqlite3.Connection, awake: dict[int, Facts], t: Thresholds) -> Candidates:
    from netprep.store.health import my_phrases, phrases_of

    finder = FitFinder(my_phrases(conn, ("needs", "wanted_audiences")))
    if finder.empty:
        return
    since = t.today - timedelta(days=NEW_CONNECTION_DAYS)
    new = [
        f
        for f in awake.values()
        if f.meetings == 0
        and f.collaboration != "pass"
        and f.connected_on is not None
        and since <= f.connected_on <= t.today
    ]
    theirs = phrases_of(conn, [f.id for f in new], THEIR_KINDS)
    fits = []
    for f in new:
        fit = finder.best(theirs[f.id])
        if fit is not None and fit.score >= MIN_FIT:
            fits.append((fit, f))
    fits.sort(key=lambda pair: (-pair[0].score, -(pair[1].connected_on or date.min).toordinal()))
    for fit, f in fits:
        assert f.connected_on is not None
        reason = f"New connection ({_day(f.connected_on)}) you have not met yet: {fit.describe()}."
        yield f.id, PlanItem(f.key, f.name, "never_met_fit", reason, score=round(fit.score, 4))


# -- ideas ---------------------------------------------------------------------------------
def attach_ideas(db: Database, items: list[PlanItem], today: date) -> None:
    """Give each item the ideas engine's best idea for meeting that person, if it has one.

    Only the few people in the plan are asked about, never the whole network. An engine
    that cannot run here (no embedding model, say) leaves the ideas out, not the plan.
    """
    from netprep.errors import NetprepError
    from netprep.ideas import ideas_for

    for item in items:
        try:
            found = ideas_for(db, item.person, 1, today)
        except NetprepError:
            return
        item.idea = found[0] if found else None
