"""What the engine reads of people: their profile, plus what netprep learned, in English.

A profile holds what the owner typed or accepted. Before anyone reviews anything, a real
network's needs and offers exist only as proposals (``store.proposals``): the engine reads
the open ones at or above the floor, each weighed by its confidence. Phrases and titles in
another language are matched by their English gloss ("Contable autónomo" as an
accountant), and shown as written: ``Provenance`` remembers, for each phrase the engine
matches, the words to quote, the sentence it came from and where that sentence was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from netprep.models import Channel, Evidence, Person, Profile

HOMEWORK = 0.85
"""Weight of an accepted phrase that homework read on a page (the owner did not type it)."""
P = TypeVar("P", bound=Profile)
PROPOSED_BASE = 0.75
"""An open proposal weighs this plus a quarter of its confidence (0.875 at 0.5, 0.99 at 0.95)."""


@dataclass(frozen=True)
class Shown:
    """How a matched phrase is quoted: as written, from which sentence, where."""

    text: str
    quote: str | None = None
    source: str | None = None


@dataclass
class Provenance:
    """Weights and quotations of the phrases the engine matches, keyed by (person key or
    None for the owner, facet, text as matched)."""

    weights: dict[tuple[str | None, str, str], float] = field(default_factory=dict)
    shown: dict[tuple[str | None, str, str], Shown] = field(default_factory=dict)
    invited: set[tuple[str | None, str]] = field(default_factory=set)
    """(person key, channel name) of channels whose host invited the owner on."""
    identity: set[tuple[str | None, str, str]] = field(default_factory=set)
    """Phrases read off a title or headline: who someone is, judged as their identity is."""

    def weight(self, key: str | None, facet: str, text: str) -> float:
        return self.weights.get((key, facet, text), 1.0)

    def evidence(self, side: str, key: str | None, facet: str, text: str) -> Evidence:
        shown = self.shown.get((key, facet, text))
        if shown is None:
            return Evidence(side=side, person=key, facet=facet, text=text)  # type: ignore[arg-type]
        return Evidence(
            side=side,  # type: ignore[arg-type]
            person=key,
            facet=facet,
            text=shown.text,
            quote=shown.quote,
            source=shown.source,
        )

    @classmethod
    def from_sources(cls, sources: Mapping[tuple[str | None, str, str], str]) -> Provenance:
        """From the older map of where accepted phrases came from ("homework" weighs less)."""
        found = cls()
        for key, source in sources.items():
            if source.startswith("homework"):
                found.weights[key] = HOMEWORK
        return found


_READ: dict[str, str | None] = {}
"""Readings known in this process: from the store's cache (``prime``) or made here."""
_NEW: dict[str, str | None] = {}
"""Readings made here and not yet stored (``remember``)."""


def prime(conn: sqlite3.Connection) -> None:
    """Know every reading the store has cached (a cold process reads a title once)."""
    from netprep.store import glosses

    if not _READ:
        _READ.update(glosses.load_all(conn))


def remember(db: object) -> None:
    """Store the readings made since the last call (a cache: on failure, only time is lost)."""
    from netprep.store import Database, glosses
    from netprep.store.search import raw_connection

    if not _NEW or not isinstance(db, Database):
        return
    readings = list(_NEW.items())
    _NEW.clear()
    try:
        with db.write() as session:
            glosses.save(raw_connection(session), readings)
    except Exception:  # a locked or read-only database: the readings are made again next time
        pass


def title_in_english(line: str) -> str | None:
    """A title or headline in English words, when it is written in another language the
    lexicon reads ("Contable autónomo" -> "accountant freelance"); None otherwise."""
    return phrase_in_english(line)


def phrase_in_english(text: str) -> str | None:
    """A phrase in English words when it is written in another language ("Kinésithérapie
    du sport" -> "physiotherapy of sport"); None for English, and when unsure."""
    if text in _READ:
        return _READ[text]
    found = _read_in_english(text)
    _READ[text] = _NEW[text] = found
    return found


def _read_in_english(text: str) -> str | None:
    from netprep.learn import clean, lexicon

    detected = clean.language(text, default="")
    lang = lexicon.foreign_language(text, detected or None)
    if lang is None:
        return None
    glossed = lexicon.gloss(text, lang)
    return glossed if glossed and glossed.casefold() != text.casefold() else None


def identity_in_english(person: P) -> tuple[P, dict[str, str]]:
    """The person with title and headline in English where the lexicon reads them (for
    matching), and the original line for each English one (for quoting)."""
    changed: dict[str, Any] = {}
    originals: dict[str, str] = {}
    for name in ("title", "headline"):
        line = getattr(person, name)
        english = title_in_english(line) if line else None
        if english:
            changed[name] = english
            originals[name] = line
    if not changed:
        return person, {}
    return replace(person, **changed), originals


def _from_title(person: Profile, pid: int) -> list[Any]:
    """What someone's title and headline say they do, for a profile that says nothing
    else (read as it goes, never stored: the title is in plain view)."""
    from netprep.learn import titles
    from netprep.store.proposals import Active

    return [
        Active(
            pid,
            x.facet,
            x.text,
            (x.detail or {}).get("gloss"),
            x.quote,
            x.source,
            x.confidence,
            "title",
        )
        for x in titles.read(person.title, person.headline, ref="")
    ]


def _channels_of_title(
    person: Profile,
) -> list[tuple[Channel, list[str], str | None, str | None, float, bool]]:
    """The channels someone's title says they host, read as it goes like their expertise."""
    from netprep.learn import titles
    from netprep.store.proposals import detail_channel

    out = []
    for x in titles.channels(person.title, person.headline):
        info = x.detail or {}
        written = list(info.get("topics") or [])
        channel = detail_channel({**info, "topics": info.get("gloss_topics") or written})
        out.append((channel, written, x.quote, x.source, x.confidence, False))
    return out


def _named(
    said: list[tuple[Channel, list[str], str | None, str | None, float, bool]],
    titled: list[tuple[Channel, list[str], str | None, str | None, float, bool]],
) -> list[tuple[Channel, list[str], str | None, str | None, float, bool]]:
    """Channels from messages and notes, with the title's: a message's "my podcast" takes
    the name the title gives a podcast ("Host del podcast Marketing sin Humo"), and the
    title's channel stands alone when nothing else speaks of it."""
    out: list[tuple[Channel, list[str], str | None, str | None, float, bool]] = []
    for channel, written, quote, source, confidence, invited in said:
        same = next((t for t in titled if t[0].kind == channel.kind), None)
        if same is not None and channel.name.startswith("their "):
            titled.remove(same)
            channel = replace(channel, name=same[0].name)
        out.append((channel, written, quote, source, confidence, invited))
    return out or titled


def read(
    conn: sqlite3.Connection,
    people: Mapping[int, Person],
    me_id: int | None,
    me: Profile,
    sources: Mapping[tuple[str | None, str, str], str] | None = None,
) -> tuple[dict[int, Person], Profile, Provenance]:
    """The people and the owner as the engine matches them, and their provenance."""
    from netprep.store import proposals

    provenance = Provenance.from_sources(sources or {})
    keys = {pid: p.id for pid, p in people.items()}
    if me_id is not None:
        keys[me_id] = None
    learned: dict[int, list[proposals.Active]] = {}
    for item in proposals.active_facets(conn, list(keys)):
        learned.setdefault(item.person_id, []).append(item)
    channels = proposals.active_channels(conn, list(keys))
    accepted = proposals.evidence_of(conn, list(keys))
    knows = proposals.active_knows(conn, list(keys))
    from netprep.store.people import keys_of

    known_keys = keys_of(conn, {o for others in knows.values() for o in others})
    out: dict[int, Person] = {}
    for pid, person in people.items():
        theirs = _named(
            channels.get(pid, []), [] if person.channels else _channels_of_title(person)
        )
        out[pid] = _with(person, learned.get(pid, []), theirs, accepted, pid,
                         provenance)  # fmt: skip
        extra = [known_keys[o] for o in knows.get(pid, []) if o in known_keys]
        extra = [k for k in extra if k not in out[pid].knows]
        if extra:
            out[pid] = replace(out[pid], knows=[*out[pid].knows, *extra])
    me_out = me
    if me_id is not None:
        me_out = _with(me, learned.get(me_id, []), channels.get(me_id, []), accepted, me_id,
                       provenance)  # fmt: skip
    return out, me_out, provenance


def _with(
    person: P,
    learned: Iterable[object],
    channels: list[tuple[Channel, list[str], str | None, str | None, float, bool]],
    accepted: Mapping[tuple[int, str, str], tuple[str | None, str | None]],
    pid: int,
    provenance: Provenance,
) -> P:
    from netprep.store.proposals import Active

    key = getattr(person, "id", None)
    typed: dict[str, list[str]] = {}
    for facet in ("expertise", "needs", "audiences", "wanted_audiences", "offers", "interests"):
        kept: list[str] = []
        for text in person.facet(facet):
            said = accepted.get((pid, facet, text))
            english = phrase_in_english(text)
            matched = english or text
            if said or english:
                provenance.shown[(key, facet, matched)] = Shown(text, *(said or (None, None)))
            if matched not in kept:
                kept.append(matched)
        if kept != person.facet(facet):
            typed[facet] = kept
    extra: dict[str, list[str]] = {}
    typed_supply = bool(person.expertise or person.offers)
    if not typed_supply:
        learned = [*learned, *_from_title(person, pid)]
    for item in learned:
        assert isinstance(item, Active)
        matched = item.gloss or item.text
        if matched in person.facet(item.facet) or matched in extra.get(item.facet, []):
            continue
        extra.setdefault(item.facet, []).append(matched)
        provenance.weights[(key, item.facet, matched)] = round(
            PROPOSED_BASE + 0.25 * item.confidence, 3
        )
        provenance.shown[(key, item.facet, matched)] = Shown(item.text, item.quote, item.source)
        if item.origin == "title" or (item.facet == "expertise" and item.role):
            provenance.identity.add((key, item.facet, matched))  # who they are
    from netprep.ideas.meeting import identity_text

    glossed, originals = identity_in_english(person)
    if originals:
        english, as_written = identity_text(glossed), identity_text(person)
        if english and as_written:
            provenance.shown[(key, "headline", english)] = Shown(as_written)
    updates: dict[str, Any] = dict(typed)
    for f, texts in extra.items():
        updates[f] = [*updates.get(f, person.facet(f)), *texts]
    if channels:
        updates["channels"] = [*person.channels, *(c for c, *_ in channels)]
        for channel, topics, quote, source, confidence, invited in channels:
            if invited:
                provenance.invited.add((key, channel.name))
            for topic, original in zip(channel.topics, topics, strict=False):
                provenance.shown.setdefault(
                    (key, "channels", topic), Shown(original, quote, source)
                )
                provenance.weights[(key, "channels", topic)] = round(
                    PROPOSED_BASE + 0.25 * confidence, 3
                )
    if not updates:
        return glossed
    return replace(glossed, **updates)
