"""The ideas engine: ranked ways for the owner and one person to help each other.

``generate_ideas`` is a pure function of domain objects (the owner, the person met, the
rest of the network, what passed between them); ``ideas_for`` reads those from the store
and keeps the phrase vectors in its cache. The brief, the weekly plan and the web app
call ``ideas_for``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from netprep.models import Idea, Interaction, Person, Profile

if TYPE_CHECKING:
    from netprep.ideas.learned import Provenance
    from netprep.ideas.similarity import Matcher, PhraseVectors
    from netprep.store import Database

HINT = (
    "{name}'s profile says little about what they know, need or offer, so there is little "
    'to match. Add what you learn: netprep edit {key} --add needs="..." --add offers="..."'
)
REVIEW_HINT = (
    "Little is known about what {name} knows, needs or offers. Your messages and notes "
    "suggest {count} to confirm, which would sharpen these ideas: netprep review {key}"
)
SPARSE_PHRASES = 2
"""Below this many phrases of expertise, needs, offers and audiences, say how to add more."""


@dataclass
class IdeasResult:
    """The ideas for one meeting, and a hint when the person's profile is too thin."""

    person: Person
    ideas: list[Idea]
    thin: bool = False
    """The person's profile says too little about them to match much."""
    to_review: int = 0
    """What netprep learned about them and waits for a yes or no."""

    @property
    def hint(self) -> str | None:
        """The thin-profile hint as the command line words it (the web app words its own)."""
        if not self.thin:
            return None
        if self.to_review:
            count = "one thing" if self.to_review == 1 else f"{self.to_review} things"
            return REVIEW_HINT.format(name=self.person.name, key=self.person.id, count=count)
        return HINT.format(name=self.person.name, key=self.person.id)


def generate_ideas(
    me: Profile,
    them: Person,
    network: Sequence[Person],
    history: Sequence[Interaction] = (),
    *,
    matcher: Matcher | None = None,
    provenance: Provenance | None = None,
    limit: int | None = None,
) -> list[Idea]:
    """Ranked ideas for a meeting between ``me`` and ``them``, best first.

    ``network`` is everyone else the owner knows (``them`` may be among them); ``history``
    the interactions with ``them``; ``provenance`` how phrases that were read or learned
    rather than typed weigh and are quoted (see ``ideas.learned``).
    """
    from netprep.ideas.meeting import Meeting
    from netprep.ideas.ranking import rank_ideas
    from netprep.ideas.registry import rules

    if matcher is None:
        from netprep.ideas.similarity import Matcher, PhraseVectors

        matcher = Matcher(PhraseVectors())
    meeting = Meeting.build(me, them, network, history, matcher, provenance)
    registered = rules()
    found: list[Idea] = []
    for rule in registered.values():
        found.extend(rule.find(meeting))
    ranked = rank_ideas(found, registered, matcher.threshold, history)
    return ranked[:limit] if limit is not None else ranked


def ideas_for(
    db: Database, person_ref: str, limit: int | None = 10, today: date | None = None
) -> list[Idea]:
    """Ranked ideas for meeting the person named ``person_ref`` (id or name)."""
    return meeting_ideas(db, person_ref, limit=limit, today=today).ideas


def meeting_ideas(
    db: Database,
    person_ref: str,
    *,
    limit: int | None = 10,
    today: date | None = None,
    vectors: PhraseVectors | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IdeasResult:
    """Ideas for meeting one person, with a hint when their profile is too thin to match.

    The network is narrowed first, with the fast search model: people whose phrases or
    identity lie close to one of the person's needs (whom I could introduce), and the
    people they know or work with whose phrases lie close to one of mine (whom they could
    introduce). Only the people in the meeting are then read with the matching model.
    """
    from netprep.ideas import dismissed, learned
    from netprep.ideas.index import needs_index, network_index, query_matrix, search_vectors
    from netprep.ideas.similarity import Matcher, PhraseVectors
    from netprep.store import history, proposals
    from netprep.store import ideas as stored
    from netprep.store import people as rows

    conn = db.sql
    learned.prime(conn)
    pid = rows.resolve(conn, person_ref)
    me_pid = rows.me_id(conn)
    shown_them = rows.load_person(conn, pid)
    first, me, _ = learned.read(conn, {pid: shown_them}, me_pid, rows.load_profile(conn))
    them = first[pid]
    vectors = vectors or PhraseVectors(db=db)
    search = search_vectors(db, vectors)
    vectors.on_progress = search.on_progress = progress
    index = network_index(db, search)
    mine = set(stored.known_by_me(conn))
    for_them = index.candidates(query_matrix(search, _asks(them)))
    if mine:
        for_them &= mine
    sells = _sells(them)
    if sells:  # looking for clients: whom I know who needs what they sell
        clients = needs_index(db, search)
        for_them |= clients.candidates(query_matrix(search, sells), within=mine or None)
    theirs = set(stored.colleagues_and_known(conn, pid))
    for_me = index.candidates(query_matrix(search, _asks(me)), within=theirs)
    ids = sorted((for_them | for_me) - {pid, me_pid})
    people, me, provenance = learned.read(
        conn,
        {pid: shown_them, **rows.load_people(conn, ids)},
        me_pid,
        rows.load_profile(conn),
        stored.facet_sources(conn, [pid, *ids]),
    )
    them = people.pop(pid)
    turned_down = dismissed.dismissed_keys(conn, pid)
    ideas = generate_ideas(
        me,
        them,
        list(people.values()),
        history.load_interactions(conn, [pid]),
        matcher=Matcher(vectors),
        provenance=provenance,
        limit=None if limit is None else limit + len(turned_down),
    )
    ideas = [i for i in ideas if dismissed.idea_key(i) not in turned_down][:limit]
    vectors.flush()
    search.flush()
    learned.remember(db)
    waiting = len(proposals.of_person(conn, pid, statuses=("proposed",)))
    return IdeasResult(person=shown_them, ideas=ideas, thin=_thin(them), to_review=waiting)


def _asks(person: Profile) -> list[str]:
    """What someone asks for, as searched: needs, wanted audiences, the audience each
    need for custom names, and the subject of each need for a kind of person."""
    from netprep.ideas import phrases

    audiences = [a for t in person.needs if (a := phrases.client_audience(t))]
    return [*person.needs, *person.wanted_audiences, *audiences, *_subjects(person.needs)]


def _subjects(needs: list[str]) -> list[str]:
    """What needs for a kind of person are about, without the kind ("a lawyer who
    understands GDPR for health data" -> "understands GDPR health data"): searched too, so
    that the one privacy counsel is found among a network's dozens of plain lawyers."""
    from netprep.ideas import phrases

    out = []
    for need in needs:
        role = phrases.role(need)
        rest = phrases.without(need, phrases.stems(role)) if role else ""
        if rest and len(rest.split()) >= 2:
            out.append(rest)
    return out


def _sells(person: Profile) -> list[str]:
    """What someone who looks for clients sells: their offers and expertise (nothing for
    anyone not looking for clients)."""
    from netprep.ideas.phrases import wants_custom

    if not any(wants_custom(t) for t in person.needs):
        return []
    return [*person.offers, *person.expertise]


def _thin(person: Person) -> bool:
    said = sum(len(person.facet(k)) for k in ("expertise", "needs", "offers", "audiences"))
    return said + len(person.channels) < SPARSE_PHRASES
