"""What each page shows, gathered from the library: one function per page, no HTML here.

Routes call one of these and hand the result to a template, so a page's content can be
tested without a browser and the routes stay a few lines long.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from netprep.errors import InvalidInput, NetprepError
from netprep.followup.due import DueView, next_steps_due
from netprep.followup.steps import StepEntry
from netprep.models import (
    CHANNEL_KINDS,
    FACET_KINDS,
    FACET_LABELS,
    Evidence,
    Idea,
    Interaction,
    NextStep,
    Person,
    Profile,
)
from netprep.store import Database, dedupe, history, proposals
from netprep.store import people as rows
from netprep.store.search import PERSON_STATES, RANK_LIMIT, search_ids
from netprep.store.steps import step_rows
from netprep.store.web import people_count, person_summaries

log = logging.getLogger(__name__)
PAGE_SIZE = 50
PLAN_SIZE = 5
HOME_LIST = 10


# -- home --------------------------------------------------------------------------------
@dataclass
class MeetingRow:
    """A planned meeting on the home page: prepared (a fresh brief) or not, and whether
    its day has come, so that it is logged from here."""

    entry: StepEntry
    briefed: bool
    to_log: bool


@dataclass
class HomeView:
    due: DueView
    met_without_step: list[Any]
    plan: list[Any]
    people: int
    has_profile: bool
    to_review: int = 0
    """Open proposals: what netprep learned and is waiting for a verdict."""
    meetings: list[MeetingRow] = field(default_factory=list)
    """Planned meetings: those passed and not yet logged, then today's and the week's."""
    met_without_step_total: int = 0
    """Everyone in the health report's "met, no next step" (the first few are listed)."""


def planned_meetings(due: DueView) -> list[MeetingRow]:
    """The meetings of the due lists: first those whose day has passed (log them), then
    today's and the coming week's, each said to be prepared when its brief is fresh."""
    unprepared = {e.db_id for e in due.meetings_without_brief}
    rows_ = [
        MeetingRow(e, briefed=e.db_id not in unprepared, to_log=e.step.due <= due.today)
        for e in (*due.overdue, *due.due_today, *due.this_week)
        if e.step.kind == "meeting"
    ]
    return sorted(rows_, key=lambda m: (m.entry.step.due, m.entry.at or "", m.entry.db_id))


def home(db: Database, today: date) -> HomeView:
    """The morning view: overdue, due today, this week; meetings left without a next step;
    whom to contact this week."""
    from netprep.health import overview

    count = people_count(db.sql)
    due = next_steps_due(db, today=today)
    report, plan = overview(db, today, PLAN_SIZE, with_ideas=False)
    lacking = report.met_no_next_step
    return HomeView(
        due=due,
        meetings=planned_meetings(due),
        met_without_step=[
            (key, report.names.get(key, key), report.last_met.get(key))
            for key in lacking[:HOME_LIST]
        ],
        met_without_step_total=len(lacking),
        plan=plan,
        people=count,
        has_profile=bool(rows.load_profile(db.sql).name),
        to_review=proposals.counts(db.sql).get("proposed", 0),
    )


# -- review ------------------------------------------------------------------------------
REVIEW_SIZE = 200
FACET_WORDS = {
    "expertise": "Knows or does",
    "needs": "Needs",
    "audiences": "Serves",
    "wanted_audiences": "Wants to reach",
    "offers": "Offers",
    "interests": "Enjoys",
    "channels": "Publishes",
    "knows": "Knows",
    "next_step": "Promised",
}
"""How each kind of proposal reads in a sentence, for people who don't speak 'facets'."""


@dataclass
class ReviewGroup:
    key: str
    name: str
    is_me: bool
    proposals: list[Any]


@dataclass
class ReviewView:
    groups: list[ReviewGroup]
    total: int
    words: dict[str, str]


def review_view(db: Database) -> ReviewView:
    """Open proposals, surest first, grouped by person (the owner first)."""
    found = proposals.open_proposals(db.sql, limit=REVIEW_SIZE)
    groups: dict[int, ReviewGroup] = {}
    for row in found:
        group = groups.setdefault(
            row.person_id, ReviewGroup(row.person, row.person_name, row.is_me, [])
        )
        group.proposals.append(row)
    ordered = sorted(groups.values(), key=lambda g: (not g.is_me, -len(g.proposals), g.name))
    total = proposals.counts(db.sql).get("proposed", 0)
    return ReviewView(groups=ordered, total=total, words=FACET_WORDS)


# -- people ------------------------------------------------------------------------------
@dataclass
class PeopleFilters:
    """The people page's query: words, tag, company, state and page number."""

    q: str = ""
    tag: str = ""
    company: str = ""
    state: str = ""
    page: int = 1

    def params(self) -> dict[str, Any]:
        """The filters as query parameters (without the page)."""
        pairs = (("q", self.q), ("tag", self.tag), ("company", self.company), ("state", self.state))
        return {key: value for key, value in pairs if value}


@dataclass
class PeopleView:
    filters: PeopleFilters
    people: list[dict[str, Any]]
    """What the listing shows of each person (``store.web.person_summaries``)."""
    total: int
    page: int
    pages: int
    first: int
    tags: dict[str, int] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    duplicates: int = 0
    """Pairs of people who may be one person, waiting for review."""

    @property
    def by_name(self) -> bool:
        """Whether a search had too many matches to rank, so they come in name order."""
        return bool(self.filters.q) and self.total > RANK_LIMIT


def people(
    db: Database, filters: PeopleFilters, today: date, *, with_choices: bool = True
) -> PeopleView:
    """One page of people matching the filters (with the tag and state choices for the form).

    The same search as ``people.find_people``, loading only what the listing shows.
    """
    if filters.state and filters.state not in PERSON_STATES:
        raise InvalidInput(f"Unknown state {filters.state!r}.")
    conn = db.sql
    key = (id(conn), filters.q, filters.tag, filters.company, filters.state, today)
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    known = _COUNTS.get(key)
    ids, total = search_ids(
        conn,
        filters.q or None,
        tag=filters.tag or None,
        company=filters.company or None,
        state=filters.state or None,
        today=today,
        limit=PAGE_SIZE,
        offset=(filters.page - 1) * PAGE_SIZE,
        known_total=known[1] if known and known[0] == version else None,
    )
    _remember_count(key, version, total)
    return PeopleView(
        filters=filters,
        people=person_summaries(db.sql, ids),
        total=total,
        page=filters.page,
        pages=max(1, -(-total // PAGE_SIZE)),
        first=(filters.page - 1) * PAGE_SIZE + 1,
        tags=rows.tag_counts(db.sql) if with_choices else {},
        states={key: label for key, (label, _sql) in PERSON_STATES.items()},
        duplicates=dedupe.open_count(db.sql) if with_choices else 0,
    )


_COUNTS: OrderedDict[tuple[Any, ...], tuple[int, int]] = OrderedDict()
"""Recent searches' totals with the connection's ``data_version`` when counted: counting
30,000 people is most of a listing page's cost, and the count only changes on a write."""
COUNTS_KEPT = 256


def _remember_count(key: tuple[Any, ...], version: int, total: int) -> None:
    _COUNTS[key] = (version, total)
    _COUNTS.move_to_end(key)
    while len(_COUNTS) > COUNTS_KEPT:
        _COUNTS.popitem(last=False)


# -- a person ----------------------------------------------------------------------------
DIRECTION_WORDS = {"give": "You can give", "mutual": "Together", "ask": "You can ask"}


@dataclass
class ShownIdea:
    """An idea as the page shows it: its evidence led by plain words ("Kwame needs")."""

    idea: Idea
    direction: str
    evidence: list[tuple[str, Evidence]]
    key: str
    """The idea's stable name, for dismissing it or putting it on the agenda."""
    on_agenda: bool = False


@dataclass
class IdeasPart:
    """The ideas section: the ideas, a hint when the profile is too thin, or the problem."""

    ideas: list[ShownIdea]
    thin: bool = False
    """Their profile says too little to match much: the page says how to add more."""
    to_review: int = 0
    problem: str | None = None
    reasons: dict[str, str] = field(default_factory=dict)
    """Why an idea may be dismissed, by code."""


@dataclass
class PersonView:
    person: Person
    facets: list[tuple[str, str, list[str]]]
    knows: list[tuple[str, str]]
    interactions: list[Interaction]
    open_steps: list[NextStep]
    closed_steps: list[NextStep]
    times: dict[str, str]
    """The time of day of each open appointment, by step id."""
    decision: Any
    dossier: Any
    ideas: IdeasPart
    cadence_days: int | None = None
    """Keep in touch every this many days (their own cadence, not a tag's)."""
    snoozed_until: date | None = None
    """Left out of the weekly plan until this day, when it is still ahead."""
    words: dict[str, str] = field(default_factory=lambda: dict(FACET_WORDS))
    """How each kind of learned fact reads in a sentence."""


def log_planned(view: PersonView, step: str) -> dict[str, str]:
    """The log form filled in for a planned meeting of theirs (its day, the kind), or
    empty when ``step`` is not one of their open appointments."""
    meeting = next((s for s in view.open_steps if s.id == step and s.kind == "meeting"), None)
    if meeting is None:
        return {}
    return {"planned": step, "when": meeting.due.isoformat(), "kind": "meeting"}


def person(db: Database, ref: str, today: date) -> PersonView:
    """Everything the person page shows: facts, dossier, history, steps, decision, ideas."""
    from netprep.followup.decisions import get_decision
    from netprep.homework.dossier import build_dossier
    from netprep.store.health import rhythm_of

    pid = rows.resolve(db.sql, ref)
    found = rows.load_person(db.sql, pid)
    assert found.id is not None
    steps = history.load_next_steps(db.sql, [pid])
    times = step_rows(db.sql, person_id=pid, statuses=("open",), kind="meeting")
    names = rows.names_of(db.sql, found.knows)
    cadence_days, snoozed_until = rhythm_of(db.sql, pid)
    return PersonView(
        person=found,
        facets=profile_facets(found),
        knows=[(key, names.get(key, key)) for key in found.knows],
        interactions=list(reversed(history.load_interactions(db.sql, [pid]))),
        open_steps=[s for s in steps if s.status == "open"],
        closed_steps=[s for s in steps if s.status != "open"],
        times={r["key"]: r["at"] for r in times if r["at"]},
        decision=get_decision(db, found.id),
        dossier=build_dossier(db, pid, today, offline=True),
        ideas=ideas(db, found.id, today),
        cadence_days=cadence_days,
        snoozed_until=snoozed_until if snoozed_until and snoozed_until > today else None,
    )


def ideas(db: Database, key: str, today: date, limit: int = 8) -> IdeasPart:
    """Ideas for a meeting with ``key``, or why there are none (a thin profile, no model)."""
    from netprep.brief.build import agenda_order
    from netprep.ideas.agenda import agenda_keys
    from netprep.ideas.dismissed import REASONS
    from netprep.ideas.engine import meeting_ideas

    try:
        result = meeting_ideas(db, key, limit=limit, today=today)
    except NetprepError as exc:
        return IdeasPart(ideas=[], problem=exc.plain)
    except Exception as exc:  # a bug in the engine must not take the person's page down
        log.exception("ideas for %s failed", key)
        return IdeasPart(ideas=[], problem=f"Ideas could not be worked out ({type(exc).__name__}).")
    picked = agenda_keys(db.sql, rows.resolve(db.sql, key))
    ordered = agenda_order(result.ideas, picked)
    shown = [shown_idea(db, idea, result.person.name, picked) for idea in ordered]
    return IdeasPart(
        ideas=shown, thin=result.thin, to_review=result.to_review, reasons=dict(REASONS)
    )


def shown_idea(db: Database, idea: Idea, their_name: str, picked: Sequence[str] = ()) -> ShownIdea:
    from netprep.ideas.dismissed import idea_key
    from netprep.ideas.wording import evidence_lead

    others = rows.names_of(
        db.sql, [e.person for e in idea.evidence if e.side == "network" and e.person]
    )
    first = their_name.split()[0] if their_name.strip() else their_name
    led = []
    for e in idea.evidence:
        name = first if e.side == "them" else others.get(e.person or "", "Someone you know")
        led.append((evidence_lead(e, name), e))
    return ShownIdea(
        idea=idea,
        direction=DIRECTION_WORDS.get(idea.direction, ""),
        evidence=led,
        key=idea_key(idea),
        on_agenda=idea_key(idea) in picked,
    )


URL_LABELS = ("website", "linkedin", "blog", "newsletter", "podcast", "youtube", "github")
"""Labels the web-address rows suggest; any other word is kept as typed."""


def profile_form(db: Database | None, profile: Profile) -> dict[str, Any]:
    """What a profile form shows besides the profile: facets, channel rows and web-address
    rows (with blank ones to add), and whom the profile knows, by name."""
    from netprep.web.forms import BLANK_CHANNELS, KNOWS_ADD_ROWS

    names = rows.names_of(db.sql, profile.knows) if db is not None else {}
    return {
        "facets": profile_facets(profile),
        "channel_rows": [*profile.channels, *[None] * BLANK_CHANNELS],
        "channel_kinds": CHANNEL_KINDS,
        "url_rows": [*profile.urls.items(), *[("", "")] * BLANK_CHANNELS],
        "url_labels": URL_LABELS,
        "known": [(key, names[key]) for key in profile.knows if key in names],
        "knows_add_rows": KNOWS_ADD_ROWS,
        "choices": {},
    }


def profile_form_again(
    db: Database, profile: Profile, form: dict[str, str], exc: NetprepError
) -> dict[str, Any]:
    """A refused profile form's context: what was typed, and what is wrong beside each
    field (or above the form, for what belongs to no one field)."""
    from netprep.web.forms import FormErrors

    shown = profile_form(db, profile)
    if isinstance(exc, FormErrors):
        return {**shown, "form": form, "errors": exc.errors, "choices": exc.choices}
    return {**shown, "form": form, "errors": {"": exc.plain}}


def profile_facets(profile: Profile) -> list[tuple[str, str, list[str]]]:
    """(kind, label, phrases) for each facet kind, in the exchange format's order."""
    return [(kind, FACET_LABELS[kind], profile.facet(kind)) for kind in FACET_KINDS]


# -- health ------------------------------------------------------------------------------
HEALTH_LISTS = (
    ("overdue_mine", "Promises you have not kept yet"),
    ("overdue_theirs", "Promises made to you, overdue"),
    ("met_no_next_step", "Met, but no next step"),
    ("collaborate_quiet", "Decided to collaborate, then went quiet"),
    ("one_way_gave", "Help only ever flowed from you"),
    ("one_way_received", "Help only ever flowed to you"),
    ("dormant", "Dormant ties"),
    ("never_met", "Connections never met"),
)
LIST_CAP = 12
CHARTS = ("states", "interactions", "balance")


@dataclass
class HealthView:
    report: Any
    lists: list[tuple[str, str, list[tuple[str, str]], int]]
    plan: list[Any]
    charts: list[tuple[str, str]]
    """(kind, what it shows in words) of each chart."""


def health(db: Database, today: date) -> HealthView:
    """The dashboard: the headline share, each list with the first people in it, the plan."""
    from netprep.health import overview
    from netprep.health.charts import describe

    report, plan = overview(db, today, PLAN_SIZE)
    lists = []
    for key, label in HEALTH_LISTS:
        keys: list[str] = getattr(report, key)
        shown = [_entry(report, k) for k in keys[:LIST_CAP]]
        lists.append((key, label, shown, len(keys)))
    return HealthView(
        report=report,
        lists=lists,
        plan=plan,
        charts=[(kind, describe(kind, db, today, report.states)) for kind in CHARTS]
        if report.people
        else [],
    )


LIST_PAGE = 100


@dataclass
class HealthListView:
    key: str
    label: str
    shown: list[tuple[str, str]]
    total: int
    page: int
    pages: int
    first: int


def health_list(db: Database, key: str, today: date, page: int) -> HealthListView:
    """Everyone in one list of the health report, a page at a time, in the report's order."""
    from netprep.errors import NotFound
    from netprep.health import network_health

    labels = dict(HEALTH_LISTS)
    if key not in labels:
        raise NotFound("There is no such list.")
    report = network_health(db, today)
    keys: list[str] = getattr(report, key)
    pages = max(1, -(-len(keys) // LIST_PAGE))
    page = min(page, pages)
    start = (page - 1) * LIST_PAGE
    shown = [_entry(report, k) for k in keys[start : start + LIST_PAGE]]
    return HealthListView(key, labels[key], shown, len(keys), page, pages, start + 1)


def _entry(report: Any, key: str) -> tuple[str, str]:
    """(person id, label) of an entry in a health list (overdue lists hold step ids)."""
    step = report.steps.get(key)
    if step is not None:
        return step.person_key, f"{step.what} ({step.person_name}, due {step.due.isoformat()})"
    return key, report.names.get(key, key)


# -- settings ----------------------------------------------------------------------------
@dataclass
class SettingsView:
    db_path: str
    db_bytes: int
    people: int
    dormant_months: int
    settings: list[tuple[str, str, str]]
    token_set: bool
    calendar: Any = None
    """The CalDAV account of the last sync (``followup.caldav_sync.CalendarAccount``)."""


def settings_view(db: Database, *, token_set: bool) -> SettingsView:
    from netprep import settings
    from netprep.followup.caldav_sync import remembered_account
    from netprep.health.states import dormant_months

    size = sum(p.stat().st_size for p in db.path.parent.glob(db.path.name + "*") if p.is_file())
    shown = []
    for s in settings.ALL:
        value = s.get() or ""
        shown.append(
            (s.env, "(set)" if s is settings.WEB_TOKEN and value else value, s.description)
        )
    return SettingsView(
        db_path=str(db.path),
        db_bytes=size,
        people=people_count(db.sql),
        dormant_months=dormant_months(db.sql),
        settings=shown,
        token_set=token_set,
        calendar=remembered_account(db),
    )
