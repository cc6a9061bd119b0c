"""What importers yield: plain records of contacts, messages and facts, before any saving."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True, kw_only=True)
class Contact:
    """One person as a source describes them."""

    source: str
    source_key: str
    """A stable id inside the source (profile URL, UID, or a hash of the identity)."""
    file: str
    line: int
    name: str
    alt_keys: tuple[str, ...] = ()
    """Further keys that name the same record (an older export of the same source)."""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)
    company: str | None = None
    title: str | None = None
    headline: str | None = None
    location: str | None = None
    notes: str | None = None
    connected_on: date | None = None
    met_via: str | None = None
    birthday: str | None = None
    """An ISO date, or --MM-DD when the year is unknown."""
    photo: str | None = None
    """A URL or a data: URI."""
    tags: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """A hash of the content, so that a re-import of an unchanged record changes nothing."""
        import hashlib

        text = "\x1f".join(
            (
                self.name,
                "\x1e".join(self.emails),
                "\x1e".join(self.phones),
                "\x1e".join(f"{k}={v}" for k, v in sorted(self.urls.items())),
                self.company or "",
                self.title or "",
                self.headline or "",
                self.location or "",
                self.notes or "",
                self.connected_on.isoformat() if self.connected_on else "",
                self.met_via or "",
                self.birthday or "",
                self.photo or "",
                "\x1e".join(self.tags),
            )
        )
        return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


@dataclass(slots=True, kw_only=True)
class Organisation:
    """A card that describes a company, not a person (vCard KIND:org)."""

    file: str
    line: int
    name: str
    url: str | None = None
    notes: str | None = None


@dataclass(slots=True, kw_only=True)
class Message:
    """Messages exchanged with one person on one day, in one direction."""

    source: str
    source_key: str
    file: str
    line: int
    on: date
    direction: str  # "in" or "out"
    counterpart_url: str | None
    counterpart_name: str | None
    summary: str | None = None
    text: str | None = None
    """Every message of the day in that direction, whole, oldest first."""
    subject: str | None = None
    thread: str | None = None
    noise: bool = False
    """Spam or a sponsored message: neither contact nor help."""


@dataclass(slots=True, kw_only=True)
class Invitation:
    """How a connection started: who invited whom, when, and with what words."""

    file: str
    line: int
    on: date | None
    direction: str  # "in" or "out"
    counterpart_url: str | None
    counterpart_name: str | None
    message: str | None = None


@dataclass(slots=True, kw_only=True)
class HelpReceived:
    """Help a person gave the owner (an endorsement, a recommendation): the reciprocity ledger."""

    source: str
    source_key: str
    file: str
    line: int
    on: date
    counterpart_url: str | None
    counterpart_name: str | None
    what: str
    summary: str
    text: str | None = None
    noise: bool = False
    """An endorsement: a click, not help (kept, but counted as neither contact nor help)."""


@dataclass(slots=True, kw_only=True)
class HelpGiven:
    """Help the owner gave a person (a recommendation written for them)."""

    source: str
    source_key: str
    file: str
    line: int
    on: date
    counterpart_url: str | None
    counterpart_name: str | None
    what: str
    summary: str
    text: str | None = None


@dataclass(slots=True, kw_only=True)
class Document:
    """A text the owner published about themselves: a profile summary, a position."""

    source: str
    source_key: str
    kind: str
    label: str
    text: str
    on: date | None = None


@dataclass(slots=True, kw_only=True)
class OwnerFacts:
    """What a source says about the owner; it fills gaps and never overwrites."""

    file: str
    name: str | None = None
    headline: str | None = None
    location: str | None = None
    company: str | None = None
    title: str | None = None
    urls: dict[str, str] = field(default_factory=dict)
    expertise: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Hidden:
    """A row for a connection whose profile is hidden (no name): counted, not imported."""

    file: str
    line: int


@dataclass(slots=True, kw_only=True)
class Rejected:
    """A row or card that could not be imported, and why."""

    file: str
    line: int
    reason: str


@dataclass(slots=True, kw_only=True)
class Caveat:
    """Something imported with a caveat (an unreadable date, a re-encoded file)."""

    file: str
    line: int
    reason: str


@dataclass(slots=True, kw_only=True)
class Skipped:
    """Something deliberately left out (a message from someone outside the network)."""

    what: str


Record = (
    Contact
    | Organisation
    | Message
    | Invitation
    | HelpReceived
    | HelpGiven
    | Document
    | OwnerFacts
    | Hidden
    | Rejected
    | Caveat
    | Skipped
)
