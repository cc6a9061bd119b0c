"""The domain types of netprep: profiles, channels, interactions, next steps and ideas.

These mirror the exchange format (``shared/spec/exchange-format.md``) field for field; the
store, the importers, the ideas engine and the web app all speak in these types. They are
plain dataclasses so that reading them costs nothing at start-up; validation of untrusted
input happens at the edges (``netprep.exchange``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

FacetKind = Literal["expertise", "needs", "audiences", "wanted_audiences", "offers", "interests"]
FACET_KINDS: tuple[FacetKind, ...] = (
    "expertise",
    "needs",
    "audiences",
    "wanted_audiences",
    "offers",
    "interests",
)
FACET_LABELS: dict[str, str] = {
    "expertise": "Expertise",
    "needs": "Needs",
    "audiences": "Audiences",
    "wanted_audiences": "Wanted audiences",
    "offers": "Offers",
    "interests": "Interests",
}

ChannelKind = Literal["blog", "newsletter", "podcast", "video", "event", "community"]
CHANNEL_KINDS: tuple[str, ...] = ("blog", "newsletter", "podcast", "video", "event", "community")

InteractionKind = Literal["meeting", "call", "email", "message", "event"]
INTERACTION_KINDS: tuple[str, ...] = ("meeting", "call", "email", "message", "event")

Flow = Literal["good", "ok", "poor"]
FLOWS: tuple[str, ...] = ("good", "ok", "poor")

Collaboration = Literal["collaborate", "pass", "undecided"]
COLLABORATIONS: tuple[str, ...] = ("collaborate", "pass", "undecided")

Owner = Literal["me", "them"]
OWNERS: tuple[str, ...] = ("me", "them")

StepKind = Literal["task", "meeting"]
STEP_KINDS: tuple[str, ...] = ("task", "meeting")

StepStatus = Literal["open", "done", "dropped"]
STEP_STATUSES: tuple[str, ...] = ("open", "done", "dropped")

IdeaKind = Literal[
    "learn",
    "teach",
    "skill_swap",
    "obtain",
    "provide",
    "barter",
    "shared_audience",
    "audience_ask",
    "audience_offer",
    "guest_post_pitch",
    "guest_post_invite",
    "intro_offer",
    "intro_ask",
    "common_ground",
]
Direction = Literal["ask", "give", "mutual"]
Side = Literal["me", "them", "network"]

STRICT: dict[str, object] = {"extra": "forbid", "strict": True}
"""How ``netprep.exchange`` validates these types: unknown keys and loose types are errors."""

ME_KEY = "me"
"""The reserved id of the owner's own profile in the store and on the command line."""


@dataclass(kw_only=True)
class Channel:
    """A place where someone publishes: a blog, a newsletter, a podcast, ..."""

    __pydantic_config__ = STRICT

    kind: ChannelKind
    name: str
    url: str | None = None
    topics: list[str] = field(default_factory=list)
    accepts_guests: bool | None = None


@dataclass(kw_only=True)
class Profile:
    """The owner's own profile (``me`` in the exchange format)."""

    __pydantic_config__ = STRICT

    name: str = ""
    """Empty for an owner who has not said who they are yet (an export then writes ``{}``)."""
    headline: str | None = None
    company: str | None = None
    title: str | None = None
    location: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)
    expertise: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    wanted_audiences: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    knows: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str | None = None

    def facet(self, kind: str) -> list[str]:
        """The phrases of one facet kind, e.g. ``profile.facet("needs")``."""
        if kind not in FACET_KINDS:
            raise KeyError(kind)
        phrases: list[str] = getattr(self, kind)
        return phrases


@dataclass(kw_only=True)
class Person(Profile):
    """Someone in the owner's network."""

    __pydantic_config__ = STRICT

    name: str = field()  # required for a person (the owner's may be empty)
    id: str | None = None
    connected_on: date | None = None
    met_via: str | None = None
    collaboration: Collaboration | None = None


@dataclass(kw_only=True)
class Interaction:
    """Something that passed between the owner and a person."""

    __pydantic_config__ = STRICT

    id: str | None = None
    person: str
    date: date
    kind: InteractionKind
    summary: str | None = None
    flow: Flow | None = None
    gave: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)
    direction: Literal["in", "out"] | None = None
    """Who wrote or invited: ``in`` the person, ``out`` the owner."""
    subject: str | None = None
    text: str | None = None
    """The whole message, e-mail body or event description as imported."""


@dataclass(kw_only=True)
class NextStep:
    """A promise with a date: who owes what to whom by when."""

    __pydantic_config__ = STRICT

    id: str | None = None
    person: str
    interaction: str | None = None
    owner: Owner
    what: str
    due: date
    kind: StepKind = "task"
    status: StepStatus = "open"
    done_on: date | None = None


ProposalFacet = Literal[
    "expertise",
    "needs",
    "audiences",
    "wanted_audiences",
    "offers",
    "interests",
    "channels",
    "knows",
    "next_step",
]
PROPOSAL_FACETS: tuple[str, ...] = (*FACET_KINDS, "channels", "knows", "next_step")
ProposalStatus = Literal["proposed", "accepted", "rejected"]
PROPOSAL_STATUSES: tuple[str, ...] = ("proposed", "accepted", "rejected")


@dataclass(kw_only=True)
class Proposal:
    """Something netprep learned from what was imported, with its evidence and verdict."""

    __pydantic_config__ = STRICT

    id: str | None = None
    person: str | None
    """The person's id, or None for the owner."""
    facet: ProposalFacet
    text: str | dict[str, Any]
    """A phrase; for channels and next steps, the object."""
    quote: str | None = None
    source: str | None = None
    confidence: float = 0.5
    status: ProposalStatus = "proposed"


@dataclass(frozen=True, kw_only=True)
class Learned:
    """One fact an extractor read in a text, before it is stored as a proposal."""

    facet: str
    text: str
    quote: str | None
    source: str | None
    """Where, as a user reads it: "message of 12 Mar 2026", "card note", a page address."""
    origin: str
    """What kind of text: message, note, title, summary, position, skill, recommendation, page."""
    origin_ref: str | None
    confidence: float
    extractor: str
    detail: dict[str, Any] | None = None
    """A channel object, a next step's owner and due date, or ``gloss``: the phrase in
    English, as the ideas engine matches it."""


@dataclass(kw_only=True)
class Network:
    """A whole network: what one exchange-format document holds."""

    me: Profile
    people: list[Person] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)


@dataclass(kw_only=True)
class Evidence:
    """One profile phrase an idea rests on, quoted verbatim."""

    side: Side
    person: str | None
    facet: str
    text: str
    quote: str | None = None
    """For a learned phrase, the sentence it was learned from."""
    source: str | None = None
    """For a learned phrase, where that sentence was: "message of 12 Mar 2026", "card note"."""


@dataclass(kw_only=True)
class Idea:
    """A concrete way for the owner and a person to help each other."""

    kind: IdeaKind
    direction: Direction
    score: float
    title: str
    rationale: str
    evidence: list[Evidence] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    opening: str | None = None
