"""The database schema as SQLAlchemy models; Alembic migrations create and evolve it.

Every table a feature needs lives here, so the shape of the data reads from one file.
The full-text index (``people_fts``) is an SQLite FTS5 table created by the migrations
and kept current by ``netprep.store.search``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Company(Base):
    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    url: Mapped[str | None]
    notes: Mapped[str | None]


class Person(Base):
    """A person in the network; the owner is the one row with ``is_me``."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String, unique=True)
    is_me: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    name: Mapped[str]
    name_folded: Mapped[str] = mapped_column(index=True)
    headline: Mapped[str | None]
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("company.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str | None]
    location: Mapped[str | None]
    notes: Mapped[str | None] = mapped_column(Text)
    connected_on: Mapped[date | None] = mapped_column(Date)
    met_via: Mapped[str | None]
    collaboration: Mapped[str | None]
    collaboration_why: Mapped[str | None]
    decided_on: Mapped[date | None] = mapped_column(Date)
    birthday: Mapped[str | None]  # ISO date or --MM-DD when the year is unknown
    photo: Mapped[str | None] = mapped_column(Text)  # a URL or a data: URI
    cadence_days: Mapped[int | None]
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    briefed_on: Mapped[date | None] = mapped_column(Date)  # last meeting brief made
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )

    company: Mapped[Company | None] = relationship(lazy="joined")
    emails: Mapped[list[Email]] = relationship(
        order_by="Email.position", cascade="all, delete-orphan", passive_deletes=True
    )
    phones: Mapped[list[Phone]] = relationship(
        order_by="Phone.position", cascade="all, delete-orphan", passive_deletes=True
    )
    urls: Mapped[list[Url]] = relationship(
        order_by="Url.position", cascade="all, delete-orphan", passive_deletes=True
    )
    facets: Mapped[list[Facet]] = relationship(
        order_by="Facet.position", cascade="all, delete-orphan", passive_deletes=True
    )
    channels: Mapped[list[Channel]] = relationship(
        order_by="Channel.position", cascade="all, delete-orphan", passive_deletes=True
    )
    tags: Mapped[list[Tag]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Email(Base):
    __tablename__ = "email"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    address: Mapped[str]
    address_norm: Mapped[str] = mapped_column(index=True)  # lower-cased, for dedupe
    position: Mapped[int] = mapped_column(default=0)


class Phone(Base):
    __tablename__ = "phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    number: Mapped[str]
    number_norm: Mapped[str | None] = mapped_column(index=True)  # E.164 when it parses
    position: Mapped[int] = mapped_column(default=0)


class Url(Base):
    __tablename__ = "url"
    __table_args__ = (UniqueConstraint("person_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    label: Mapped[str]
    url: Mapped[str]
    url_norm: Mapped[str] = mapped_column(index=True)  # scheme/www/trailing slash stripped
    position: Mapped[int] = mapped_column(default=0)


class Facet(Base):
    """One phrase of a person: an expertise, need, audience, wanted audience, offer or interest.

    ``source`` says where it came from: ``user``, ``import:<source>`` or ``homework``;
    homework's phrases carry the page in ``source_url`` and start as ``proposed``.
    """

    __tablename__ = "facet"
    __table_args__ = (Index("ix_facet_person_kind", "person_id", "kind", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str]
    text: Mapped[str]
    position: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(default="user", server_default="user")
    source_url: Mapped[str | None]
    added_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(default="accepted", server_default="accepted")


class Channel(Base):
    __tablename__ = "channel"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str]
    name: Mapped[str]
    url: Mapped[str | None]
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    accepts_guests: Mapped[bool | None]
    position: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(default="user", server_default="user")
    source_url: Mapped[str | None]
    status: Mapped[str] = mapped_column(default="accepted", server_default="accepted")


class Knows(Base):
    """``person`` knows ``other`` well enough to introduce them."""

    __tablename__ = "knows"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)


class Tag(Base):
    __tablename__ = "tag"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (Index("ix_interaction_person_date", "person_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str]
    summary: Mapped[str | None] = mapped_column(Text)
    flow: Mapped[str | None]
    gave: Mapped[list[str]] = mapped_column(JSON, default=list)
    received: Mapped[list[str]] = mapped_column(JSON, default=list)
    direction: Mapped[str | None]  # "in" or "out" for messages, where the source says
    source: Mapped[str] = mapped_column(default="user", server_default="user")
    source_key: Mapped[str | None] = mapped_column(index=True)
    subject: Mapped[str | None]
    text: Mapped[str | None] = mapped_column(Text)
    """The whole message, e-mail body or description as imported: what learning reads."""
    thread: Mapped[str | None]
    """The conversation it belongs to, where the source says (two-way threads are contact)."""
    noise: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    """Spam, sponsored messages, endorsements: kept for the record, but neither contact nor
    help."""


class NextStep(Base):
    __tablename__ = "next_step"
    __table_args__ = (Index("ix_next_step_status_due", "status", "due"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )
    owner: Mapped[str]
    what: Mapped[str]
    due: Mapped[date] = mapped_column(Date)
    at: Mapped[str | None]  # HH:MM for a next appointment
    kind: Mapped[str] = mapped_column(default="task")
    status: Mapped[str] = mapped_column(default="open")
    done_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class SourceLink(Base):
    """Which record of which source became which person, so re-imports change nothing."""

    __tablename__ = "source_link"
    __table_args__ = (UniqueConstraint("source", "source_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str]
    source_key: Mapped[str]
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    content_hash: Mapped[str | None]
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class DuplicateCandidate(Base):
    """A likely duplicate pair, queued for the user rather than merged."""

    __tablename__ = "duplicate_candidate"
    __table_args__ = (UniqueConstraint("a_id", "b_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    a_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    b_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str]
    status: Mapped[str] = mapped_column(default="open")  # open, merged, dismissed


class MergeRecord(Base):
    """What a merge did, so that unmerge can undo it."""

    __tablename__ = "merge_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    kept_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    merged_key: Mapped[str]
    snapshot: Mapped[dict[str, object]] = mapped_column(JSON)
    merged_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class Page(Base):
    """A public page fetched for homework, and what it said."""

    __tablename__ = "page"
    __table_args__ = (UniqueConstraint("person_id", "url"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    url: Mapped[str]
    final_url: Mapped[str | None]
    title: Mapped[str | None]
    description: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    posts: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    channels: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    fetched_on: Mapped[date | None] = mapped_column(Date)
    error: Mapped[str | None]


class Document(Base):
    """A text someone published about themselves and an import brought in: the owner's
    LinkedIn summary, a position's description. Learning reads it like a message."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("source", "source_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str]  # "summary", "position"
    label: Mapped[str]  # where it came from, as a user reads it: "LinkedIn summary"
    text: Mapped[str] = mapped_column(Text)
    written_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str]
    source_key: Mapped[str]


class Proposal(Base):
    """Something netprep learned about a person from what was imported or read: a facet
    phrase, a channel, whom they know, a promise. It shows the sentence it came from and a
    confidence; the owner accepts it (it joins the profile) or rejects it (it is never
    proposed again). ``key`` is the folded phrase, so a re-import finds its verdict."""

    __tablename__ = "proposal"
    __table_args__ = (
        UniqueConstraint("person_id", "facet", "key"),
        Index("ix_proposal_status", "status", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    facet: Mapped[str]
    text: Mapped[str]
    key: Mapped[str]
    detail: Mapped[dict[str, object] | None] = mapped_column(JSON)
    """A channel object, a next step's owner and due date, or the gloss matched in English."""
    quote: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None]  # as a user reads it: "message of 12 Mar 2026", "card note"
    origin: Mapped[str]  # message, note, title, summary, position, skill, recommendation, page
    origin_ref: Mapped[str | None]  # the interaction's key, the page's URL
    confidence: Mapped[float] = mapped_column(Float)
    extractor: Mapped[str]
    status: Mapped[str] = mapped_column(default="proposed", server_default="proposed")
    added_on: Mapped[date | None] = mapped_column(Date)


class DismissedIdea(Base):
    """An idea the owner turned down for one person, and why: it is not suggested again
    for them (undone by deleting the row)."""

    __tablename__ = "dismissed_idea"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    idea_key: Mapped[str] = mapped_column(primary_key=True)
    title: Mapped[str]
    reason: Mapped[str]
    dismissed_on: Mapped[date] = mapped_column(Date)


class AgendaIdea(Base):
    """An idea the owner put on the agenda of their next meeting with one person: the
    brief and the person's page take it first (until it is taken off)."""

    __tablename__ = "agenda_idea"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    idea_key: Mapped[str] = mapped_column(primary_key=True)
    title: Mapped[str]
    added_on: Mapped[date] = mapped_column(Date)


class Gloss(Base):
    """A cached reading of a phrase or title in English (``english`` is NULL when it is
    English already): the lexicon's work, done once per text."""

    __tablename__ = "gloss"

    text: Mapped[str] = mapped_column(primary_key=True)
    english: Mapped[str | None]


class Embedding(Base):
    """A cached phrase embedding, keyed by the phrase and the model that made it."""

    __tablename__ = "embedding"

    model: Mapped[str] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class CalendarLink(Base):
    """A next step pushed to a CalDAV calendar: where it lives there and its last state."""

    __tablename__ = "calendar_link"
    __table_args__ = (UniqueConstraint("next_step_id", "calendar_url"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    next_step_id: Mapped[int] = mapped_column(ForeignKey("next_step.id", ondelete="CASCADE"))
    calendar_url: Mapped[str]
    uid: Mapped[str]
    href: Mapped[str | None]
    etag: Mapped[str | None]
    synced_hash: Mapped[str | None]
    synced_at: Mapped[datetime | None] = mapped_column(DateTime)


class TagCadence(Base):
    """A keep-in-touch cadence for everyone with a tag."""

    __tablename__ = "tag_cadence"

    tag: Mapped[str] = mapped_column(primary_key=True)
    days: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """Small user settings stored with the data (e.g. the dormant threshold)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]
