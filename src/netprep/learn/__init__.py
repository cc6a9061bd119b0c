"""Learning what people need and offer from what was imported, with the sentence it came from.

A real network arrives as names, titles, card notes and messages; nobody types needs and
offers. ``learn`` reads those texts from the store and proposes facts through
``store.proposals``, each with its quote, where it was, and a confidence:

- ``sentences``: messages and e-mails (whoever wrote them), card notes, the owner's own
  LinkedIn summary and positions, read against per-language cues;
- ``titles``: what a title or headline says someone does, in seven languages (read by the
  ideas engine as it goes, not stored: a title is there for everyone to see);
- ``skills``: the owner's LinkedIn skills, ranked by how specific they are;
- ``pages``: what homework reads on public pages (``homework.infer``, run by homework).

It runs inside the import's transaction for the people the import touched, and can run
again over everyone (``netprep learn``) when the extractors improve. Reviewed proposals
keep their verdict; the ideas engine reads open ones with their confidence.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from netprep.learn import sentences, skills, titles
from netprep.learn.cues import may_state
from netprep.learn.sentences import Text
from netprep.models import Learned
from netprep.normalize import fold
from netprep.store import learning, proposals
from netprep.store.imports import me_row
from netprep.store.learning import Card, Message

Progress = Callable[[int, int], None]


@dataclass
class Report:
    """What one run of learning read and proposed."""

    people: int = 0
    texts: int = 0
    proposed: int = 0
    by_facet: dict[str, int] = field(default_factory=dict)

    def count(self, items: Iterable[Learned]) -> None:
        for item in items:
            self.by_facet[item.facet] = self.by_facet.get(item.facet, 0) + 1


def learn(
    conn: sqlite3.Connection,
    *,
    today: date,
    person_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read the texts of these people (everyone's when None) and store what they say,
    inside the caller's write transaction."""
    report = Report()
    owner = me_row(conn)
    wanted = None if person_ids is None else set(person_ids)
    cards = learning.cards_of(conn, wanted)
    others = [c for c in cards if not c.is_me]
    messages: dict[int, list[learning.Message]] = {}
    for m in learning.messages_of(conn, None if wanted is None else [c.person_id for c in others]):
        messages.setdefault(m.person_id, []).append(m)
    names = _Names(conn)
    pending = proposals.people_with_open(conn, [c.person_id for c in others])
    mine: list[Learned] = []
    mine_scope: set[str] = set()
    for n, card in enumerate(others, 1):
        texts = _texts_of(card, messages.get(card.person_id, []))
        if not texts and card.person_id not in pending:
            continue  # nothing to read, nothing to drop
        found = sentences.read(texts, owner or -1)
        theirs = _unless_known(found.theirs, names)
        theirs += _known(found.knows, names, card.person_id)
        theirs += _mentioned(texts, names, card.person_id)
        mine += found.mine
        mine_scope |= {t.ref for t in texts if t.ref and t.writer == "me"}
        report.people += 1
        report.texts += len(texts)
        if not theirs and card.person_id not in pending:
            continue  # nothing found now, and nothing found before to drop
        scope = {t.ref for t in texts if t.ref} | {_card_ref(card)}
        report.proposed += proposals.sync(conn, card.person_id, theirs, today=today, scope=scope)
        report.count(theirs)
        if progress and n % 100 == 0:
            progress(n, len(others))
    if owner is not None:
        me_card = next((c for c in cards if c.is_me), None)
        if me_card is not None:  # the owner's own texts, and every message they sent
            mine_scope = set()
            mine = _owner_facts(conn, me_card, mine_scope)
            report.texts += 1
        mine = _unless_known(mine, names)
        if mine or me_card is not None:
            report.proposed += proposals.sync(conn, owner, mine, today=today, scope=mine_scope)
            report.count(mine)
    if progress:
        progress(len(others), len(others))
    return report


def again(db: object, *, today: date, progress: Progress | None = None) -> dict[str, int]:
    """Read everyone's texts again (after the extractors improved), in one transaction:
    open proposals are brought up to date or dropped, reviewed ones keep their verdict.
    Returns how many open proposals each facet gained (negative: lost)."""
    from netprep.store import Database
    from netprep.store.search import raw_connection

    assert isinstance(db, Database)
    with db.write() as session:
        conn = raw_connection(session)
        before = _open_counts(conn)
        learn(conn, today=today, progress=progress)
        after = _open_counts(conn)
    return {k: after.get(k, 0) - before.get(k, 0) for k in {*before, *after}
            if after.get(k, 0) != before.get(k, 0)}  # fmt: skip


def _open_counts(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT facet, count(*) FROM proposal WHERE status = 'proposed' GROUP BY facet"
    )
    return dict(rows.fetchall())


def _card_ref(card: Card) -> str:
    return f"card:{card.person_id}"


def _texts_of(card: Card, messages: list[Message]) -> list[Text]:
    roles = titles.roles(card.title, card.headline)
    texts: list[Text] = []
    if card.notes and card.notes.strip():
        texts.append(
            Text(card.person_id, "note", "note", "your note", card.notes,
                 ref=_card_ref(card), roles=roles)
        )  # fmt: skip
    for m in messages:
        if not (may_state(m.text) or _CAPITALISED.search(m.text)):
            continue  # small talk that names nobody: nothing to read
        writer = "me" if m.direction == "out" else "them"
        texts.append(
            Text(card.person_id, writer, "message", _label(m), m.text, on=m.on, ref=m.key,
                 roles=roles)
        )  # fmt: skip
    return texts


_KINDS = {"email": "e-mail", "message": "message", "meeting": "meeting notes", "call": "call notes"}


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _label(m: Message) -> str:
    """Where a sentence was, as the owner reads it: "message of 12 Mar 2026"."""
    what = _KINDS.get(m.kind, m.kind)
    if "recommendation" in m.source_key:
        what = "recommendation"
    return f"{what} of {m.on.day} {_MONTHS[m.on.month - 1]} {m.on.year}"


def _owner_facts(conn: sqlite3.Connection, me: Card, scope: set[str]) -> list[Learned]:
    """What the owner's own texts say about them: summary and positions, skills, title,
    and every message they sent (their needs stated to anyone)."""
    texts: list[Text] = []
    found: list[Learned] = []
    for w in learning.writings_of(conn, me.person_id):
        ref = f"document:{w.kind}:{w.label}"
        scope.add(ref)
        if w.kind == "skills":
            found += skills.read(w.text.splitlines(), w.label)
        else:
            texts.append(Text(me.person_id, "me", w.kind, w.label, w.text, on=w.on, ref=ref))
    if me.notes and me.notes.strip():
        texts.append(Text(me.person_id, "me", "summary", "your profile notes", me.notes,
                          ref=_card_ref(me)))  # fmt: skip
    for m in learning.messages_of(conn, None, direction="out"):
        texts.append(Text(m.person_id, "me", "message", _label(m), m.text, on=m.on, ref=m.key))
        scope.add(m.key)
    read = sentences.read(texts, me.person_id)
    found += read.mine
    found += [x for x in read.theirs if x.facet != "next_step"]
    scope.add(_card_ref(me))
    return found


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+\s+(?:(?:de|da|do|van|von|der|di|del)\s+)?[A-ZÀ-Ý]")


class _Names:
    """Full names of the network, read from the store the first time one is looked up."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._names: dict[str, int] | None = None

    def get(self, name: str) -> int | None:
        if self._names is None:
            self._names = learning.names(self._conn)
        return self._names.get(name)


def _mentioned(texts: list[Text], names: _Names, person_id: int) -> list[Learned]:
    """Someone who names another person of the network by full name in what they write
    ("Deirdre Kavanagh does our books") knows them."""
    from netprep.learn import clean
    from netprep.learn.lexicon import tokens

    out: list[Learned] = []
    seen: set[int] = set()
    for text in texts:
        if text.writer == "me" or not text.body:
            continue
        body = clean.writers_words(text.body) if text.origin == "message" else text.body
        if not _CAPITALISED.search(body):
            continue  # no two capitalised words in a row: no full name
        words = tokens(body)
        for n in (2, 3, 4):
            for i in range(len(words) - n + 1):
                other = names.get(" ".join(words[i : i + n]))
                if other is None or other == person_id or other in seen:
                    continue
                seen.add(other)
                sentence = next(
                    (s for s in clean.sentences(body, "en") if " ".join(words[i : i + n])
                     in " ".join(tokens(s))), body[:200],
                )  # fmt: skip
                out.append(
                    Learned(
                        facet="knows",
                        text=" ".join(words[i : i + n]).title(),
                        quote=sentence,
                        source=text.source,
                        origin=text.origin,
                        origin_ref=text.ref,
                        confidence=0.6,
                        extractor="sentences",
                        detail={"person_id": other},
                    )
                )
    return out


def _unless_known(found: list[Learned], names: _Names) -> list[Learned]:
    """The facts, without an offer to introduce someone the network holds by name: whom
    they know is a "knows", and the person's own profile says what they do ("posso
    presentarti Tommaso Villa, ha fatto la colonna sonora" stands only for a stranger)."""
    return [
        x
        for x in found
        if not (
            x.facet == "offers"
            and (named := (x.detail or {}).get("introduces"))
            and names.get(fold(str(named))) is not None
        )
    ]


def _known(named: list[tuple[str, Learned]], names: _Names, person_id: int) -> list[Learned]:
    """Offers to introduce someone by name become "knows" when the name is in the network."""
    out = []
    for name, item in named:
        other = names.get(fold(name))
        if other is not None and other != person_id:
            out.append(replace(item, detail={**(item.detail or {}), "person_id": other}))
    return out
