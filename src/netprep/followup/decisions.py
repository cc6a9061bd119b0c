"""The decision after meeting: collaborate, pass or undecided, with why and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netprep.errors import InvalidInput
from netprep.models import COLLABORATIONS
from netprep.store import Database
from netprep.store import people as people_rows
from netprep.store import steps as rows
from netprep.store.search import raw_connection


@dataclass(frozen=True)
class Decision:
    """A person's collaboration decision as stored."""

    person: str
    name: str
    decision: str | None
    why: str | None
    decided_on: date | None

    def describe(self) -> str:
        """One line for wherever the person is shown: "collaborate (2026-11-26): why"."""
        if not self.decision:
            return "not decided yet"
        when = f" ({self.decided_on.isoformat()})" if self.decided_on else ""
        return f"{self.decision}{when}" + (f": {self.why}" if self.why else "")


def check_decision(value: str) -> str:
    """A decision word; unambiguous prefixes ("collab") are accepted."""
    word = value.strip().lower()
    matches = [c for c in COLLABORATIONS if c.startswith(word)] if word else []
    if len(matches) != 1:
        raise InvalidInput(
            f"{value!r} is not a decision.",
            hint="Choose collaborate, pass or undecided.",
            command="Example: netprep decide Kevin collaborate",
        )
    return matches[0]


def decide(
    db: Database, person: str, decision: str, *, today: date, why: str | None = None
) -> Decision:
    """Record whether to collaborate with a person, why, and on which day."""
    chosen = check_decision(decision)
    reason = " ".join(why.split()) if why and why.strip() else None
    person_id = people_rows.resolve(db.sql, person)
    with db.write() as session:
        rows.set_decision(raw_connection(session), person_id, chosen, reason, today)
    return get_decision(db, str(people_rows.keys_of(db.sql, [person_id])[person_id]))


def get_decision(db: Database, person: str) -> Decision:
    """The stored decision about a person (``decision`` is None before any)."""
    r = rows.decision_row(db.sql, people_rows.resolve(db.sql, person))
    return Decision(
        person=r["key"],
        name=r["name"],
        decision=r["collaboration"],
        why=r["collaboration_why"],
        decided_on=date.fromisoformat(r["decided_on"]) if r["decided_on"] else None,
    )
