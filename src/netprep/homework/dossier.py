"""The dossier: everything known about a person before a meeting, each fact with its source and date.

``build_dossier`` reads the store only (plain sqlite3; nothing heavy is imported), unless
asked to research first (``offline=False``). The meeting brief and the web app call it too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from netprep.models import FACET_KINDS, FACET_LABELS, Interaction, NextStep, Person
from netprep.store import history as history_rows
from netprep.store import inferred as inferred_rows
from netprep.store import pages as page_rows
from netprep.store import people as people_rows

if TYPE_CHECKING:
    from netprep.homework.refresh import FetcherFactory
    from netprep.store import Database

QUESTIONS = {
    "needs": "What do they need right now?",
    "audiences": "Whom do they serve?",
    "expertise": "What are they best at?",
    "offers": "What do they sell or offer?",
    "wanted_audiences": "Whom do they want to reach that they don't reach yet?",
    "interests": "What do they enjoy outside work?",
}


@dataclass
class Help:
    """One piece of help that passed between us, from an interaction's gave/received."""

    date: date
    text: str

    def as_json(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "text": self.text}


@dataclass
class History:
    """What already passed between the owner and the person."""

    first_contact: date | None = None
    first_contact_how: str | None = None
    last_contact: date | None = None
    interactions: list[Interaction] = field(default_factory=list)
    gave: list[Help] = field(default_factory=list)
    received: list[Help] = field(default_factory=list)
    open_next_steps: list[NextStep] = field(default_factory=list)
    decision: dict[str, Any] = field(default_factory=dict)
    today: date = date.min

    @property
    def balance(self) -> int:
        """Help given minus help received: above zero, we have given more."""
        return len(self.gave) - len(self.received)

    def overdue(self) -> list[NextStep]:
        return [s for s in self.open_next_steps if s.due < self.today]

    def kinds(self) -> dict[str, int]:
        return dict(Counter(i.kind for i in self.interactions))

    def flows(self) -> dict[str, int]:
        return dict(Counter(i.flow for i in self.interactions if i.flow))

    def as_json(self) -> dict[str, Any]:
        from netprep.exchange import to_dict

        days = (self.today - self.last_contact).days if self.last_contact else None
        return {
            "first_contact": _iso(self.first_contact),
            "first_contact_how": self.first_contact_how,
            "last_contact": _iso(self.last_contact),
            "days_since_last_contact": days,
            "interactions": [to_dict(i) for i in self.interactions],
            "kinds": self.kinds(),
            "flow": self.flows(),
            "gave": [h.as_json() for h in self.gave],
            "received": [h.as_json() for h in self.received],
            "balance": self.balance,
            "open_next_steps": [
                {**to_dict(s), "overdue": s.due < self.today} for s in self.open_next_steps
            ],
            "overdue": [s.id for s in self.overdue()],
            "decision": self.decision,
        }


@dataclass
class Dossier:
    """The homework on one person. ``to_json()`` gives the `homework --json` object."""

    today: date
    person: Person
    known: list[dict[str, Any]]
    history: History
    pages: list[dict[str, Any]]
    inferred: list[dict[str, Any]]
    questions: list[str]
    names: dict[str, str] = field(default_factory=dict)
    """Names of the people this person knows, by id."""

    def proposed(self) -> list[dict[str, Any]]:
        return [i for i in self.inferred if i["status"] == "proposed"]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the ``--json`` contract: keys may be added, never renamed)."""
        from netprep.exchange import channel_dict, person_dict

        p = self.person
        inferred = []
        for item in self.inferred:
            entry = {k: v for k, v in item.items() if k != "channel"}
            if item.get("channel") is not None:
                entry["channel"] = channel_dict(item["channel"])
            inferred.append(entry)
        return {
            "today": self.today.isoformat(),
            "person": person_dict(p),
            "who": {
                "name": p.name,
                "headline": p.headline,
                "title": p.title,
                "company": p.company,
                "location": p.location,
                "connected_on": _iso(p.connected_on),
                "met_via": p.met_via,
                "urls": dict(p.urls),
            },
            "known": self.known,
            "history": self.history.as_json(),
            "pages": [_page_json(page) for page in self.pages],
            "inferred": inferred,
            "questions": self.questions,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _page_json(page: dict[str, Any]) -> dict[str, Any]:
    keys = ("url", "final_url", "title", "description", "summary", "fetched_on", "topics")
    return {
        **{k: page.get(k) for k in keys},
        "posts": page.get("posts") or [],
        "channels": page.get("channels") or [],
        "error": page.get("error"),
    }


def build_dossier(
    db: Database,
    person_ref: str | int,
    today: date,
    offline: bool = True,
    *,
    refresh: bool = False,
    make_fetcher: FetcherFactory | None = None,
) -> Dossier:
    """The dossier of the person named ``person_ref`` (id, name, or database id).

    With ``offline=False`` the person's pages are read first where they never were (all
    of them again with ``refresh=True``); otherwise only the store is read.
    """
    conn = db.sql
    person_id = person_ref if isinstance(person_ref, int) else people_rows.resolve(conn, person_ref)
    if not offline:
        from netprep.homework import refresh as refresher

        if refresh or refresher.needs_research(db, person_id):
            refresher.research_one(db, person_id, today=today, make_fetcher=make_fetcher)
    person = people_rows.load_person(conn, person_id)
    history = _history(db, person_id, person, today)
    inferred = inferred_rows.load_inferred(conn, person_id)
    return Dossier(
        today=today,
        person=person,
        known=inferred_rows.known_facts(conn, person_id),
        history=history,
        pages=page_rows.load_pages(conn, person_id),
        inferred=inferred,
        questions=questions(person, history, inferred),
        names=people_rows.names_of(conn, person.knows),
    )


def _history(db: Database, person_id: int, person: Person, today: date) -> History:
    conn = db.sql
    interactions = history_rows.load_interactions(conn, [person_id])
    steps = history_rows.load_next_steps(conn, [person_id], status="open")
    past = [i for i in interactions if i.date <= today]
    found = History(
        interactions=interactions,
        open_next_steps=steps,
        decision=inferred_rows.decision(conn, person_id),
        today=today,
        last_contact=past[-1].date if past else None,
    )
    starts: list[tuple[date, str]] = [(i.date, i.kind) for i in past[:1]]
    if person.connected_on:
        starts.append((person.connected_on, "connected"))
    if starts:
        found.first_contact, found.first_contact_how = min(starts)
    for item in interactions:
        found.gave.extend(Help(item.date, text) for text in item.gave)
        found.received.extend(Help(item.date, text) for text in item.received)
    return found


def questions(person: Person, history: History, inferred: list[dict[str, Any]]) -> list[str]:
    """What is still unknown, as questions to ask in the meeting."""
    asked: list[str] = []
    proposed: dict[str, list[str]] = {}
    for item in inferred:
        if item["status"] == "proposed":
            proposed.setdefault(item["facet"], []).append(item["text"])
    for kind in FACET_KINDS:
        if person.facet(kind):
            continue
        if kind in proposed:
            guesses = "; ".join(proposed[kind][:3])
            asked.append(
                f"{QUESTIONS[kind]} (What netprep learned suggests {FACET_LABELS[kind].lower()}:"
                f" {guesses}.)"
            )
        else:
            asked.append(QUESTIONS[kind])
    if not person.channels and "channels" not in proposed:
        asked.append("Where do they publish or speak?")
    if not person.knows:
        asked.append("Whom do they know that I should meet?")
    if not person.met_via and not history.interactions:
        asked.append("How did we first connect?")
    met = any(i.kind in ("meeting", "call") for i in history.interactions)
    if met and not history.decision.get("collaboration"):
        asked.append("Do we want to work together, and on what?")
    return asked
