"""A small network with a known answer for every health count and for the plan's order.

Today is 2026-11-26 and ties go dormant after 6 months (no contact since 2026-05-26).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from netprep import transfer
from netprep.health import cadence
from netprep.store import Database

ME = {
    "name": "Rosa Delgado",
    "needs": ["podcast editing", "intros to seed investors"],
    "wanted_audiences": ["restaurant owners"],
}


def person(key: str, name: str, **fields: Any) -> dict[str, Any]:
    return {"id": key, "name": name, "connected_on": "2023-05-01", **fields}


PEOPLE = [
    # never met; new, and their expertise is exactly a need of mine
    person("p-ana", "Ana Alves", connected_on="2026-11-01", expertise=["podcast editing"],
           knows=["p-ben", "p-cara"]),
    # never met; the same fit, but an old connection
    person("p-ben", "Ben Bauer", connected_on="2020-01-01", expertise=["podcast editing"],
           knows=["p-cara"]),
    # met this month; the meeting led to a thank-you note, sent: active, nothing open
    person("p-cara", "Cara Costa"),
    # I owe Dan something, overdue
    person("p-dan", "Dan Dorn"),
    # Eva owes me something overdue; I have a step ahead with her
    person("p-eva", "Eva Eng"),
    # decided to collaborate, quiet since August
    person("p-finn", "Finn Falk", collaboration="collaborate"),
    # dormant; helped me twice, conversations flowed
    person("p-gus", "Gus Gray"),
    # dormant, older than Ivy; I gave twice, got nothing back, poor flow
    person("p-hal", "Hal Holt"),
    # dormant a year; offers exactly what I need
    person("p-ivy", "Ivy Ives", expertise=["intros to seed investors"]),
    # met, then I passed
    person("p-jo", "Jo Jung", collaboration="pass"),
    # a 30-day cadence of his own
    person("p-kim", "Kim Kahn"),
    # never met, emailed in August; tagged clients, which has a 60-day cadence
    person("p-lea", "Lea Lund", tags=["clients"]),
    # the best dormant tie of all, but snoozed until 2027
    person("p-max", "Max Moss"),
    # never met, new, nothing I need
    person("p-ned", "Ned Nash", connected_on="2026-10-01", expertise=["accounting"]),
    # met at an event this month, nothing agreed
    person("p-olga", "Olga Orr"),
]  # fmt: skip


def meeting(who: str, day: str, kind: str = "meeting", **fields: Any) -> dict[str, Any]:
    return {"person": who, "date": day, "kind": kind, **fields}


INTERACTIONS = [
    meeting("p-cara", "2026-11-01"),
    meeting("p-dan", "2026-10-01", "call", gave=["notes on pricing"]),
    meeting("p-eva", "2026-09-15"),
    meeting("p-finn", "2026-08-01"),
    meeting("p-gus", "2024-10-01", flow="good", received=["an intro to a caterer"]),
    meeting("p-gus", "2025-01-10", flow="good", received=["feedback on my pitch deck"]),
    meeting("p-hal", "2025-02-01", flow="poor", gave=["a review of his website"]),
    meeting("p-hal", "2025-03-01", "call", flow="poor", gave=["two leads"]),
    meeting("p-ivy", "2025-12-01", flow="ok"),
    meeting("p-jo", "2025-01-01"),
    meeting("p-kim", "2026-10-01", "call"),
    meeting("p-lea", "2026-08-01", "email"),
    meeting("p-max", "2025-02-01", flow="good", received=["a podcast guest spot"]),
    meeting("p-max", "2025-04-01", flow="good", received=["two client referrals"]),
    meeting("p-max", "2025-06-01", flow="good", received=["a venue for my workshop"]),
    meeting("p-olga", "2026-11-10", "event"),
    meeting("p-olga", "2026-12-05"),  # planned, not yet happened: not a contact
]

STEPS = [
    {"id": "n-dan", "person": "p-dan", "owner": "me", "what": "Send Dan the deck",
     "due": "2026-11-20"},
    {"id": "n-eva-1", "person": "p-eva", "owner": "them", "what": "Intro to her investor",
     "due": "2026-11-01"},
    {"id": "n-eva-2", "person": "p-eva", "owner": "me", "what": "Lunch with Eva",
     "due": "2026-12-10", "kind": "meeting"},
    {"id": "n-cara-old", "person": "p-cara", "owner": "me", "what": "Thank-you note",
     "due": "2026-11-03", "status": "done", "done_on": "2026-11-02"},
]  # fmt: skip


@pytest.fixture
def network(db: Database) -> Database:
    """The small network above, with Kim's and the clients' cadences and Max snoozed."""
    document = {
        "format": "netprep/1",
        "me": ME,
        "people": PEOPLE,
        "interactions": INTERACTIONS,
        "next_steps": STEPS,
    }
    transfer.import_json(db, json.dumps(document).encode(), today=date(2026, 11, 26))
    cadence.set_cadence(db, "p-kim", 30)
    cadence.set_tag_cadence(db, "clients", 60)
    cadence.snooze(db, "p-max", date(2027, 1, 1))
    return db
