"""The brief's data: who, the homework digest, history, agenda, questions, a next step.

Everything is capped and shortened here, once, so that every renderer (Markdown, HTML,
PDF, the web page) shows the same brief and it fits on one printed page however long the
stored texts are. Nothing here touches the network: homework is what the store holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from unicodedata import east_asian_width

from netprep.models import FACET_KINDS, FACET_LABELS, Idea, NextStep, Person
from netprep.store import Database
from netprep.store import people as people_rows

if TYPE_CHECKING:
    from netprep.homework.dossier import Dossier
    from netprep.homework.dossier import History as DossierHistory

# How much of each list fits on the page.
MAX_FACTS = 6
MAX_POSTS = 3
MAX_PROMISES = 3
MAX_AGENDA = 5
MAX_QUESTIONS = 4
IDEA_POOL = 20
"""How many ranked ideas to ask for, so that giving ones can come first."""

FOLLOW_UP_DAYS = 7
"""The proposed next step is a follow-up this many days after the meeting."""

# How long each text may be, in characters, before it is cut with an ellipsis.
NAME_CHARS = 60
ROLE_CHARS = 110
LINE_CHARS = 80
HEADLINE_CHARS = 130
FACT_CHARS = 150
POST_CHARS = 70
SUMMARY_CHARS = 140
PROMISE_CHARS = 70
TITLE_CHARS = 110
OPENING_CHARS = 190
REASON_CHARS = 200
QUESTION_CHARS = 100

FACT_ORDER = (
    "needs",
    "offers",
    "expertise",
    "notes",
    "wanted_audiences",
    "audiences",
    "site",
    "channels",
    "interests",
    "proposed",
)
"""Which lines make the digest first: what they need is where giving starts."""
FACT_LABELS = {
    **FACET_LABELS,
    "wanted_audiences": "Wants to reach",
    "audiences": "Serves",
    "notes": "Your notes",
    "site": "Their site",
    "channels": "Publishes",
    "proposed": "Pages suggest",
}

MIN_QUESTIONS = 2
EVERGREEN_QUESTIONS = (
    "What is the most useful thing I could do for you this month?",
    "Whom would you like to meet that I might know?",
)
"""Asked when the dossier leaves fewer than MIN_QUESTIONS: there is always something to ask."""

DIRECTION_ORDER = {"give": 0, "mutual": 1, "ask": 2}

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidi overrides: they garble a terminal or hide text."""


def shorten(text: str | None, limit: int) -> str:
    """One line at most ``limit`` columns wide, cut at a word with an ellipsis if longer.

    Columns, not characters: a Chinese, Japanese or Korean character takes two, as it
    does on paper, so a brief in any script stays the same length.
    """
    if not text:
        return ""
    flat = " ".join(_UNSAFE.sub(" ", text).split())
    widths = [2 if east_asian_width(ch) in "WF" else 1 for ch in flat]
    if sum(widths) <= limit:
        return flat
    end, used = 0, 0
    while used + widths[end] <= limit - 1:
        used += widths[end]
        end += 1
    cut = flat[:end]
    space = cut.rfind(" ")
    if space >= end * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


# -- the brief --------------------------------------------------------------------------------
@dataclass
class Who:
    """The header: whom we meet and how we know them."""

    id: str
    name: str
    role: str = ""  # "title, company · location"
    headline: str = ""
    met_via: str = ""
    connected_on: date | None = None
    collaboration: str = ""


@dataclass
class Meeting:
    """When we meet: the date given, else the next appointment on file, else unknown."""

    on: date | None = None
    at: str | None = None
    what: str = ""
    source: str = "unknown"  # "given" (and not on file), "scheduled" or "unknown"


@dataclass
class Fact:
    label: str
    text: str


@dataclass
class Post:
    title: str
    on: date | None = None
    link: str | None = None


@dataclass
class Promise:
    what: str
    due: date
    overdue: bool = False


@dataclass
class History:
    """What already passed between us."""

    first_contact: date | None = None
    last_contact: date | None = None
    last_kind: str = ""
    last_summary: str = ""
    interactions: int = 0
    you_owe: list[Promise] = field(default_factory=list)
    they_owe: list[Promise] = field(default_factory=list)
    you_owe_more: int = 0
    they_owe_more: int = 0
    gave: int = 0
    received: int = 0
    balance: str = ""


@dataclass
class AgendaItem:
    direction: str
    kind: str
    title: str
    opening: str = ""
    because: str = ""
    chosen: bool = False
    """The owner put it on the agenda (rather than the engine ranking it there)."""


@dataclass
class ProposedStep:
    what: str
    due: date
    kind: str = "meeting"


@dataclass
class Brief:
    """Everything the one page shows, already capped and shortened."""

    today: date
    owner: str
    who: Who
    meeting: Meeting
    facts: list[Fact]
    posts: list[Post]
    history: History
    agenda: list[AgendaItem]
    questions: list[str]
    next_step: ProposedStep

    @property
    def first_name(self) -> str:
        return self.who.name.split()[0] if self.who.name.split() else self.who.name


def build_brief(
    db: Database, person_ref: str, *, today: date, meeting_on: date | None = None
) -> Brief:
    """The brief for a meeting with ``person_ref`` (an id or a name), from the store only."""
    from netprep.brief.fit import fit_to_page
    from netprep.homework.dossier import build_dossier
    from netprep.ideas.agenda import agenda_keys

    person_id = people_rows.resolve(db.sql, person_ref)
    dossier = build_dossier(db, person_id, today, offline=True)
    person = dossier.person
    meeting = _meeting(db, person_id, today, meeting_on)
    brief = Brief(
        today=today,
        owner=shorten(people_rows.load_profile(db.sql).name, NAME_CHARS),
        who=_who(person),
        meeting=meeting,
        facts=_facts(dossier),
        posts=_posts(dossier.pages),
        history=_history(dossier.history, today),
        agenda=_agenda(_ideas(db, person.id or person_ref, today), agenda_keys(db.sql, person_id)),
        questions=_questions(dossier.questions),
        next_step=_next_step(person, meeting, today),
    )
    return fit_to_page(brief)


def note_briefed(db: Database, person_ref: str, *, today: date) -> None:
    """Note that a brief was made today, so the morning view stops listing the meeting as
    unprepared. One UPDATE on the plain connection: ``followup.due.record_brief`` does the
    same through SQLAlchemy, whose import alone would double a brief's start-up time."""
    from netprep.store.steps import mark_briefed

    with db.sql:  # one transaction: committed on success, rolled back on error
        mark_briefed(db.sql, people_rows.resolve(db.sql, person_ref), today)


def meeting_date(text: str, *, today: date) -> date:
    """The meeting's date (``--on``): an ISO date, or words such as "next Tuesday"."""
    from netprep.followup.dates import parse_when

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return parse_when(text, today=today, direction="future")


def _who(person: Person) -> Who:
    job = ", ".join(x for x in (person.title, person.company) if x and x.strip())
    role = " · ".join(x for x in (job, person.location) if x and x.strip())
    return Who(
        id=person.id or "",
        name=shorten(person.name, NAME_CHARS),
        role=shorten(role, ROLE_CHARS),
        headline=shorten(person.headline, HEADLINE_CHARS),
        met_via=shorten(person.met_via, LINE_CHARS),
        connected_on=person.connected_on,
        collaboration=person.collaboration or "",
    )


def _meeting(db: Database, person_id: int, today: date, given: date | None) -> Meeting:
    """The meeting: on the date given (with what the calendar says of that day, if
    anything), else the next appointment with them on file."""
    from netprep.store.steps import step_rows

    coming = step_rows(db.sql, person_id=person_id, kind="meeting")
    coming = [r for r in coming if r["due"] >= today.isoformat()]
    if given is not None:
        coming = [r for r in coming if r["due"] == given.isoformat()]
    if not coming:
        return Meeting(on=given, source="given" if given else "unknown")
    first = coming[0]
    return Meeting(
        on=date.fromisoformat(first["due"]),
        at=first["at"],
        what=shorten(first["what"], LINE_CHARS),
        source="scheduled",
    )


def _facts(dossier: Dossier) -> list[Fact]:
    """The most useful lines of homework, in FACT_ORDER, at most MAX_FACTS of them."""
    person = dossier.person
    lines: dict[str, str] = {kind: "; ".join(person.facet(kind)) for kind in FACET_KINDS}
    lines["notes"] = person.notes or ""
    lines["site"] = next((p["summary"] for p in dossier.pages if p.get("summary")), "")
    lines["channels"] = "; ".join(f"{c.name} ({c.kind})" for c in person.channels)
    guesses = [f"{i['text']} ({i['facet'].replace('_', ' ')})" for i in dossier.proposed()]
    lines["proposed"] = "; ".join(guesses)
    facts = [
        Fact(FACT_LABELS[key], shorten(lines[key], FACT_CHARS))
        for key in FACT_ORDER
        if lines[key].strip()
    ]
    return facts[:MAX_FACTS]


def _posts(pages: list[dict[str, Any]]) -> list[Post]:
    """The latest posts across the person's stored pages, newest first."""
    seen: set[str] = set()
    posts: list[Post] = []
    for page in pages:
        for item in page.get("posts") or []:
            title = shorten(item.get("title"), POST_CHARS)
            if not title or title in seen:
                continue
            seen.add(title)
            posts.append(Post(title, _as_date(item.get("date")), item.get("link")))
    posts.sort(key=lambda p: p.on or date.min, reverse=True)
    return posts[:MAX_POSTS]


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _history(known: DossierHistory, today: date) -> History:
    past = [i for i in known.interactions if i.date <= today]
    found = History(
        first_contact=known.first_contact,
        last_contact=known.last_contact,
        interactions=len(past),
        gave=len(known.gave),
        received=len(known.received),
        balance=balance_sentence(len(known.gave), len(known.received)),
    )
    if past:
        found.last_kind = past[-1].kind
        found.last_summary = shorten(past[-1].summary, SUMMARY_CHARS)
    tasks = [s for s in known.open_next_steps if s.kind == "task"]
    mine = [s for s in tasks if s.owner == "me"]
    theirs = [s for s in tasks if s.owner == "them"]
    found.you_owe = [_promise(s, today) for s in mine[:MAX_PROMISES]]
    found.they_owe = [_promise(s, today) for s in theirs[:MAX_PROMISES]]
    found.you_owe_more = max(0, len(mine) - MAX_PROMISES)
    found.they_owe_more = max(0, len(theirs) - MAX_PROMISES)
    return found


def _promise(step: NextStep, today: date) -> Promise:
    return Promise(shorten(step.what, PROMISE_CHARS), step.due, step.due < today)


def balance_sentence(gave: int, received: int) -> str:
    """The give-and-take balance in words, with what it suggests for this meeting."""
    if gave == received == 0:
        return "No help recorded either way yet: open by giving."
    counts = f"You gave {gave}, received {received}"
    if received - gave >= 2:
        return f"{counts}: they have given more, so give first."
    if gave - received >= 2:
        return f"{counts}: you have given more; asking is fair."
    return f"{counts}: roughly even."


def _ideas(db: Database, person_ref: str, today: date) -> list[Idea]:
    from netprep.ideas import ideas_for

    return ideas_for(db, person_ref, limit=IDEA_POOL, today=today)


def agenda_order(ideas: list[Idea], picked: Sequence[str] = ()) -> list[Idea]:
    """The ideas in the order a meeting takes them: those the owner put on the agenda
    (``picked``, their idea keys) in that order, then the engine's agenda (the top ones up
    to MAX_AGENDA, giving first, and a giving idea never drops out for a lower-ranked ask),
    then the rest by rank. The brief shows the agenda; the web app lists them all so."""
    from netprep.ideas.dismissed import idea_key

    if picked:
        keyed = {idea_key(i): i for i in ideas}
        first = [keyed[k] for k in dict.fromkeys(picked) if k in keyed]
        return [*first, *agenda_order([i for i in ideas if all(i is not f for f in first)])]
    chosen = ideas[:MAX_AGENDA]
    if chosen and not any(i.direction == "give" for i in chosen):
        give = next((i for i in ideas if i.direction == "give"), None)
        if give is not None:
            chosen = [*chosen[: MAX_AGENDA - 1], give]
    chosen = sorted(chosen, key=lambda i: DIRECTION_ORDER.get(i.direction, 3))
    return [*chosen, *(i for i in ideas if all(i is not c for c in chosen))]


def _agenda(ideas: list[Idea], picked: Sequence[str] = ()) -> list[AgendaItem]:
    """The agenda: the first MAX_AGENDA of ``agenda_order``, shortened to fit a page; the
    ideas the owner picked come first, and all of them are kept however many."""
    from netprep.ideas.dismissed import idea_key

    ordered = agenda_order(ideas, picked)
    mine = sum(1 for i in ordered if idea_key(i) in set(picked))
    chosen = ordered[: max(MAX_AGENDA, mine)]
    return [
        AgendaItem(
            direction=i.direction,
            kind=i.kind,
            title=shorten(i.title, TITLE_CHARS),
            opening=shorten(i.opening, OPENING_CHARS),
            because=shorten(i.rationale, REASON_CHARS),
            chosen=idea_key(i) in set(picked),
        )
        for i in chosen
    ]


def _questions(unknown: list[str]) -> list[str]:
    """The dossier's questions about what is unknown, put to the person, and topped up with
    ones always worth asking."""
    asked = [shorten(to_you(q), QUESTION_CHARS) for q in unknown[:MAX_QUESTIONS]]
    for extra in EVERGREEN_QUESTIONS:
        if len(asked) >= MIN_QUESTIONS:
            break
        asked.append(extra)
    return asked


_THIRD_PERSON = re.compile(r"\b(they|their|theirs|them)\b", re.IGNORECASE)
_SECOND_PERSON = {"they": "you", "their": "your", "theirs": "yours", "them": "you"}


def to_you(question: str) -> str:
    """A question about them, as asked to them: "What do they need?" -> "What do you need?".

    Only the question itself; a note after it in brackets ("(Their pages suggest ...)")
    stays about them.
    """
    head, bracket, note = question.partition(" (")

    def swap(match: re.Match[str]) -> str:
        word = _SECOND_PERSON[match.group(1).lower()]
        return word.capitalize() if match.group(1)[0].isupper() else word

    return _THIRD_PERSON.sub(swap, head) + bracket + note


def _next_step(person: Person, meeting: Meeting, today: date) -> ProposedStep:
    first = person.name.split()[0] if person.name.split() else "them"
    due = (meeting.on or today) + timedelta(days=FOLLOW_UP_DAYS)
    return ProposedStep(
        what=shorten(f"Follow-up call with {first}: check on what you each promised", LINE_CHARS),
        due=due,
    )
