"""Network health: where networking went nowhere, counted with the people behind each count.

Definitions (also in the report of ``netprep health --help``):

* met: at least one interaction of kind meeting, call or event (``store.health.MET_KINDS``);
* the states partition everyone, the first that applies: ``never_met``; ``passed`` (decided
  "pass"); ``dormant`` (no open next step, no contact of any kind for the dormant threshold
  of N months); ``met_no_next_step`` (the latest meeting led to no next step: none tied to
  it and none due on or after it, whatever its status, as the follow-up's log flags it);
  ``active`` (the rest: an open next step, or a recent meeting that led to one);
* one-way: help recorded at least ``ONE_WAY_MIN_TIMES`` times in one direction and never in
  the other;
* collaborate, quiet: decided "collaborate" and no interaction, decision or finished next
  step for ``QUIET_DAYS`` days;
* an active relationship: not passed, with an open next step or a contact within the dormant
  threshold; it is purposeful when it has an open next step due today or later.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from netprep.errors import InvalidInput
from netprep.store.health import Facts, OverdueStep

if TYPE_CHECKING:
    import sqlite3

    from netprep.store import Database

ONE_WAY_MIN_TIMES = 2
"""Help flowing one way this many times, and never back, makes a relationship one-way."""
QUIET_DAYS = 30
"""A collaborator with no activity for this many days is going quiet."""

STATES = ("never_met", "met_no_next_step", "active", "dormant", "passed")
"""The states in the order charts show them (``state_of`` decides in another order)."""
STATE_LABELS = {
    "never_met": "Never met",
    "met_no_next_step": "Met, no next step",
    "active": "Active",
    "dormant": "Dormant",
    "passed": "Passed",
}
LIST_KEYS = (
    "never_met",
    "met_no_next_step",
    "overdue_mine",
    "overdue_theirs",
    "one_way_gave",
    "one_way_received",
    "collaborate_quiet",
    "dormant",
)
"""The lists of ``netprep health --json``: a contract, in this order."""


# -- the dormant threshold -------------------------------------------------------------------
def dormant_months(conn: sqlite3.Connection, override: int | None = None) -> int:
    """Months without contact that make a tie dormant: the override, else NETPREP_DORMANT_MONTHS,
    else the stored setting, else the default (6)."""
    from netprep.settings import DORMANT_MONTHS
    from netprep.store.health import DORMANT_MONTHS_KEY, stored_setting

    if override is not None:
        return _months(str(override), "--dormant-months")
    if DORMANT_MONTHS.env in os.environ:
        return _months(os.environ[DORMANT_MONTHS.env], DORMANT_MONTHS.env)
    stored = stored_setting(conn, DORMANT_MONTHS_KEY)
    if stored is not None:
        return _months(stored, "the stored dormant_months setting")
    return _months(DORMANT_MONTHS.default or "6", "the default")


def _months(value: str, where: str) -> int:
    try:
        months = int(value)
    except ValueError:
        raise InvalidInput(f"{where}: {value!r} is not a whole number of months.") from None
    if not 1 <= months <= 120:
        raise InvalidInput(f"{where}: the dormant threshold must be 1 to 120 months, not {months}.")
    return months


def remember_dormant_months(db: Database, months: int) -> None:
    """Store the dormant threshold with the data, for every later run."""
    from netprep.store.health import DORMANT_MONTHS_KEY, store_setting
    from netprep.store.search import raw_connection

    months = _months(str(months), "--dormant-months")
    with db.write() as session:
        store_setting(raw_connection(session), DORMANT_MONTHS_KEY, str(months))


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (clamped to the month's end)."""
    import calendar

    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


# -- classifying ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Thresholds:
    """The dates that separate recent from dormant and busy from quiet."""

    today: date
    dormant_months: int

    @property
    def dormant_since(self) -> date:
        """Contact before this date is too old: the tie is dormant."""
        return months_before(self.today, self.dormant_months)

    @property
    def quiet_since(self) -> date:
        return self.today - timedelta(days=QUIET_DAYS)


def state_of(f: Facts, t: Thresholds) -> str:
    """The one state a relationship is in (see the module docstring)."""
    if f.meetings == 0:
        return "never_met"
    if f.collaboration == "pass":
        return "passed"
    recent = f.last_contact is not None and f.last_contact >= t.dormant_since
    if not f.open_steps and not recent:
        return "dormant"
    if f.latest_meeting_without_step:
        return "met_no_next_step"
    return "active"


def last_activity(f: Facts) -> date | None:
    """The latest of: an interaction, a finished next step, the decision."""
    days = [d for d in (f.last_contact, f.last_done, f.decided_on) if d is not None]
    return max(days) if days else None


def is_quiet_collaborator(f: Facts, t: Thresholds) -> bool:
    if f.collaboration != "collaborate":
        return False
    latest = last_activity(f)
    return latest is None or latest < t.quiet_since


def is_active_relationship(f: Facts, t: Thresholds) -> bool:
    if f.collaboration == "pass":
        return False
    recent = f.last_contact is not None and f.last_contact >= t.dormant_since
    return bool(f.open_steps) or recent


# -- the health report ------------------------------------------------------------------------
@dataclass
class Health:
    """Counts with the people behind them, and the headline figure."""

    today: date
    dormant_months: int
    people: int
    never_met: list[str] = field(default_factory=list)
    met_no_next_step: list[str] = field(default_factory=list)
    overdue_mine: list[str] = field(default_factory=list)
    overdue_theirs: list[str] = field(default_factory=list)
    one_way_gave: list[str] = field(default_factory=list)
    one_way_received: list[str] = field(default_factory=list)
    collaborate_quiet: list[str] = field(default_factory=list)
    dormant: list[str] = field(default_factory=list)
    active_relationships: list[str] = field(default_factory=list)
    purposeful: list[str] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Display names of the people (and next steps, by step id) in the lists."""
    steps: dict[str, OverdueStep] = field(default_factory=dict)
    last_met: dict[str, date] = field(default_factory=dict)
    """When each person of ``met_no_next_step`` was last met."""

    @property
    def purposeful_share(self) -> float:
        """The share of active relationships with an open next step still ahead (0 to 1)."""
        if not self.active_relationships:
            return 0.0
        return len(self.purposeful) / len(self.active_relationships)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` document: the contract keys first, then extra detail."""
        out: dict[str, Any] = {key: list(getattr(self, key)) for key in LIST_KEYS}
        out["purposeful_share"] = round(self.purposeful_share, 4)
        out["active_relationships"] = list(self.active_relationships)
        out["purposeful"] = list(self.purposeful)
        out["states"] = dict(self.states)
        out["people"] = self.people
        out["dormant_months"] = self.dormant_months
        out["today"] = self.today.isoformat()
        return out


def _recent_first(day: date | None) -> int:
    return -(day.toordinal() if day else 0)


def build_health(
    facts: list[Facts], overdue: list[OverdueStep], t: Thresholds, *, names: bool = True
) -> Health:
    """The health report from the store's per-person facts (pure: no database)."""
    health = Health(today=t.today, dormant_months=t.dormant_months, people=len(facts))
    by_state: dict[str, list[Facts]] = {s: [] for s in STATES}
    gave: list[Facts] = []
    received: list[Facts] = []
    quiet: list[Facts] = []
    for f in facts:
        by_state[state_of(f, t)].append(f)
        if f.gave_times >= ONE_WAY_MIN_TIMES and f.received_times == 0:
            gave.append(f)
        elif f.received_times >= ONE_WAY_MIN_TIMES and f.gave_times == 0:
            received.append(f)
        if is_quiet_collaborator(f, t):
            quiet.append(f)
        if is_active_relationship(f, t):
            health.active_relationships.append(f.key)
            if f.open_ahead:
                health.purposeful.append(f.key)
    health.states = {s: len(by_state[s]) for s in STATES}

    # Each list in the order a user would work through it.
    health.never_met = [
        f.key for f in sorted(by_state["never_met"], key=lambda f: _recent_first(f.connected_on))
    ]
    lacking = sorted(by_state["met_no_next_step"], key=lambda f: _recent_first(f.last_met))
    health.met_no_next_step = [f.key for f in lacking]
    health.last_met = {f.key: f.last_met for f in lacking if f.last_met}
    health.dormant = [
        f.key for f in sorted(by_state["dormant"], key=lambda f: _recent_first(f.last_contact))
    ]
    health.one_way_gave = [f.key for f in sorted(gave, key=lambda f: -f.gave_times)]
    health.one_way_received = [f.key for f in sorted(received, key=lambda f: -f.received_times)]
    health.collaborate_quiet = [
        f.key for f in sorted(quiet, key=lambda f: -_recent_first(last_activity(f)))
    ]
    health.overdue_mine = [s.key for s in overdue if s.owner == "me"]
    health.overdue_theirs = [s.key for s in overdue if s.owner != "me"]
    health.steps = {s.key: s for s in overdue}
    if names:
        health.names = {f.key: f.name for f in facts}
    return health


def network_health(
    db: Database, today: date, *, dormant_months_override: int | None = None
) -> Health:
    """The health of the whole network on ``today``."""
    from netprep.store.health import overdue_steps, relationship_facts

    conn = db.sql
    thresholds = Thresholds(today, dormant_months(conn, dormant_months_override))
    return build_health(relationship_facts(conn, today), overdue_steps(conn, today), thresholds)
