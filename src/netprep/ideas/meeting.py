"""What the rules read: the two sides of a meeting, the network around them, and matching.

A ``Party`` is one person with their side ("me", "them", "network") and their profile
read as a whole (the context that tells the senses of a shared word apart). A ``Meeting``
answers the questions every rule asks, such as "which of my needs does something of theirs
meet, and with which phrase?", and remembers the answers so that rules can share them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from netprep.ideas import phrases
from netprep.models import FACET_KINDS, Evidence, Interaction, Person, Profile, Side

if TYPE_CHECKING:
    import numpy as np

    from netprep.ideas.learned import Provenance
    from netprep.ideas.similarity import Matcher, Relation

SUPPLY = ("expertise", "offers")
"""The facets that can meet a need."""

ROLE_FIT = 0.25
"""How well a giver's identity must fit the role a need names (a z-score of about 1 on the
need scale: unlike, not merely unproven)."""
SAME = 0.6
"""Two phrases this close say the same thing (someone who has it needs no one to give it)."""
SAME_ROLE = 0.75
"""At least how well a title that meets a need meets it when it names the very trade (the lexicon's same row: an
accountant's title, "Contabilista Certificada", for "um contabilista que perceba de
recibos verdes"), whatever the rest of the need asks: they are what is asked for."""
QUOTE_MARGIN = 0.1
"""A further phrase is quoted beside the best one only when it clearly meets the ask."""


def identity_text(person: Profile) -> str | None:
    """Who someone is, in one line: the headline, else title and company."""
    if person.headline and person.headline.strip():
        return person.headline.strip()
    parts = [p.strip() for p in (person.title, person.company) if p and p.strip()]
    return ", ".join(parts) or None


_PARTS = re.compile(r"\s*(?:[;,()|/]|\s[-–—]\s|\s@\s?)\s*")


def identity_parts(line: str | None) -> list[str]:
    """A headline and the facts it lists ("State Representative; member of the Health
    Committee" -> the whole line, "State Representative", "member of the Health
    Committee"): a person is in an audience when one of these says so."""
    if not line:
        return []
    parts = [p for p in _PARTS.split(line) if len(p) > 2]
    return list(dict.fromkeys([line, *parts])) if len(parts) > 1 else [line]


COLLEAGUES = 25
"""More people than this in one network at one employer: a firm of hundreds or thousands,
where sharing it says nothing about knowing each other."""


def colleagues_by(company: str | None, sharing: int) -> bool:
    """Whether working at ``company`` makes people colleagues who know each other:
    not when it is self-employment, freelancing or a marketplace ("Self-employed",
    "Autónomo", "Upwork"), nor when ``sharing`` people of the network work there."""
    from netprep.learn.employers import no_employer

    return bool(company) and not no_employer(company or "") and sharing <= COLLEAGUES


def _same_role_fit(score: float) -> float:
    """A title of the very trade a need asks for fits at least ``SAME_ROLE``, and the
    better the rest of it fits, the more (of two attorneys for software contracts, the
    technology transactions attorney before the family law one)."""
    return SAME_ROLE + (1 - SAME_ROLE) * score


_AT_END = re.compile(
    r"\s+(?:at|for|with|bei|für|chez|pour|na|no|em|en|para|presso|da|bij|voor|of|de)$", re.I
)


def role_parts(parts: list[str], company: str | None) -> list[str]:
    """The identity parts that say who someone is, not only where they work: a need is
    met by a role, never by an employer's name alone ("Millennium bcp" is no financier),
    and the employer's name is taken out of every part ("Analista de Sistemas,
    Millennium bcp" is a systems analyst, whatever a bank's name suggests)."""
    from netprep.learn.employers import no_employer

    parts = [p for p in parts if not _says_nothing(p, no_employer)]
    company = (company or "").strip()
    if not company:
        return parts
    pattern = re.compile(
        r"(?:\s+(?:at|bei|chez|na|no|en|em|presso|bij|@))?[\s,·|@–—-]*\b"
        + re.escape(company)
        + r"\b[\s,·|@–—-]*",
        re.I,
    )
    kept = []
    for part in parts:
        rest = _AT_END.sub("", " ".join(pattern.sub(" · ", part).split()).strip(" ·"))
        # an owner, a founder or a director says their trade by the company's name
        # ("Owner, Lisbon Bakery"): kept whole
        if rest:
            kept.append(part if _runs_it(rest) else rest)
    kept = list(dict.fromkeys(p for p in kept if p and not _says_nothing(p, no_employer)))
    return kept or parts


_RUNNING = frozenset(["business owner", "founder", "chief executive officer"])
_RUNS = re.compile(
    r"^(?:(?:co-?)?(?:owner|founder|director|president|partner|manager|entrepreneur|head|"
    r"principal|proprietor|chair(?:man|woman|person)?)s?\b.*|[\w-]+)$",
    re.I,
)


def _runs_it(role: str) -> bool:
    """Whether a title names only running a business (owner, founder, CEO, director) or
    one word: the company's name is then what says the trade."""
    from netprep.learn import lexicon

    found = lexicon.roles_in(role, "en")
    if found:
        return all(r.name in _RUNNING for r in found)
    return bool(_RUNS.match(role.strip()))


def _says_nothing(part: str, no_employer: Callable[[str], bool]) -> bool:
    """An identity that says only how someone works ("Selbstständig, Selbstständig",
    "Freelance", "Self-employed"): who they are is not in it."""
    pieces = [p for p in _PARTS.split(part) if p.strip()]
    return bool(pieces) and all(no_employer(p.strip()) for p in pieces)


def _kind_of(held: str, asked: str) -> bool:
    """Whether one role is the other or a kind of it, by its words ("employment lawyer" of
    "lawyer"; not "chief technology officer" of "chief marketing officer")."""
    a, b = phrases.stems(held), phrases.stems(asked)
    return bool(a and b) and (a <= b or b <= a)


def _kin_roles(wanted: str, giver: Party) -> bool:
    """False when the lexicon knows both the role a need asks for and the roles someone's
    title names, none of theirs is it or a kind of it (an account manager, a business owner
    and a financial analyst are no accountants, a marketing manager is no chief marketing
    officer; an employment lawyer is a lawyer), and
    nothing they know or offer names its trade (a CPA who lists bookkeeping does it): the
    lexicon's rows are different trades, however alike their names embed. True when
    either side is unknown to it."""
    from netprep.learn import lexicon, titles

    asked = lexicon.roles_in(wanted, "en")
    held = titles.roles(giver.profile.title, giver.profile.headline)
    if not asked or not held:
        return True
    if any(_kind_of(h.name, a.name) for h in held for a in asked):
        return True
    trades = [set(phrases.content_words(r.activity)) for r in asked if r.activity]
    return any(  # the trade's own words: "accounting" is not in "client account management"
        trade and trade <= set(phrases.content_words(text))
        for _, text in giver.phrases(SUPPLY)
        for trade in trades
    )


def wanted(party_phrases: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(facet, phrase, audience) for what someone wants to reach: each wanted audience, and
    each need for custom, by the audience it names."""
    out: list[tuple[str, str, str]] = []
    for facet, text in party_phrases:
        if facet == "wanted_audiences":
            out.append((facet, text, text))
        elif facet == "needs":
            audience = phrases.client_audience(text)
            if audience:
                out.append((facet, text, audience))
    return out


@dataclass(eq=False)
class Party:
    """One person at or around the meeting."""

    side: Side
    key: str | None
    profile: Profile
    context: np.ndarray | None = field(default=None, repr=False)
    provenance: Provenance | None = field(default=None, repr=False)
    """How each phrase is quoted (as written, with its sentence) and weighed."""
    skip_generic: bool = True
    """Generic skills ("Microsoft Office", "Leadership") are no supply (the ``generic`` gate)."""

    @property
    def name(self) -> str:
        return self.profile.name or "you"

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.side != "me" and self.name else self.name

    @cached_property
    def identity(self) -> str | None:
        return identity_text(self.profile)

    @cached_property
    def identity_parts(self) -> list[str]:
        return identity_parts(self.identity)

    @cached_property
    def role_parts(self) -> list[str]:
        """The identity parts that say who someone is (``role_parts``)."""
        return role_parts(self.identity_parts, self.profile.company)

    @cached_property
    def stems(self) -> frozenset[str]:
        """Every stem of every phrase this person wrote (facets and channel topics)."""
        texts = self.phrases((*FACET_KINDS, "channels"))
        return frozenset(s for _, t in texts for s in phrases.stems(t))

    @cached_property
    def wants(self) -> list[tuple[str, str, str]]:
        """(facet, phrase, audience) of the audiences this person wants to reach."""
        return wanted(self.phrases(("wanted_audiences", "needs")))

    def phrases(self, facets: Iterable[str]) -> list[tuple[str, str]]:
        """(facet, text) of the given facets ("channels" gives channel topics)."""
        out: list[tuple[str, str]] = []
        for facet in facets:
            if facet == "channels":
                out.extend(("channels", t) for c in self.profile.channels for t in c.topics)
            elif facet in SUPPLY and self.skip_generic:
                out.extend(
                    (facet, t)
                    for t in self.profile.facet(facet)
                    if not _generic(t) and not _generic(self.written(facet, t))
                )
            else:
                out.extend((facet, t) for t in self.profile.facet(facet))
        return out

    def written(self, facet: str, text: str) -> str:
        """A phrase as its owner wrote it (the engine may match its English gloss)."""
        shown = self.provenance.shown.get((self.key, facet, text)) if self.provenance else None
        return shown.text if shown else text

    def context_texts(self) -> list[str]:
        """What says what this person is about: identity, expertise, offers, audiences, topics."""
        texts = [self.identity] if self.identity else []
        texts += [t for _, t in self.phrases(("expertise", "offers", "audiences", "channels"))]
        return [t for t in texts if t]


def _generic(text: str) -> bool:
    from netprep.learn.skills import is_generic

    return is_generic(text)


@dataclass
class Match:
    """A phrase of one party met by a phrase (or the identity) of another."""

    asker: Party
    ask_facet: str
    ask_text: str
    giver: Party
    give_facet: str
    give_text: str
    score: float
    also: list[tuple[str, str]] = field(default_factory=list)
    """Further phrases of the giver that clearly meet the same phrase (all are quoted)."""

    @property
    def ask_words(self) -> str:
        """The asked phrase as its owner wrote it (for the sentences of an idea)."""
        return evidence(self.asker, self.ask_facet, self.ask_text).text

    @property
    def give_words(self) -> str:
        """The giving phrase as its owner wrote it."""
        return evidence(self.giver, self.give_facet, self.give_text).text

    def evidence(self) -> list[Evidence]:
        given = [evidence(self.giver, self.give_facet, self.give_text)]
        given += [evidence(self.giver, f, t) for f, t in self.also]
        return [*given, self.ask_evidence()]

    def ask_evidence(self) -> Evidence:
        return evidence(self.asker, self.ask_facet, self.ask_text)


def evidence(party: Party, facet: str, text: str) -> Evidence:
    """A phrase of a party as evidence: quoted as written, with where it was learned."""
    if party.provenance is not None:
        return party.provenance.evidence(party.side, party.key, facet, text)
    return Evidence(side=party.side, person=party.key, facet=facet, text=text)


@dataclass
class Meeting:
    """The owner, the person met, everyone else, our history, and a matcher."""

    me: Party
    them: Party
    others: list[Party]
    matcher: Matcher
    history: list[Interaction] = field(default_factory=list)
    provenance: Provenance | None = None
    _memo: dict[tuple[object, ...], list[Match]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        me: Profile,
        them: Person,
        network: Sequence[Person],
        history: Sequence[Interaction],
        matcher: Matcher,
        provenance: Provenance | None = None,
    ) -> Meeting:
        generic = matcher.calibration.on("generic")
        others = [
            Party("network", p.id, p, provenance=provenance, skip_generic=generic)
            for p in network
            if p.id != them.id
        ]
        meeting = cls(
            me=Party("me", None, me, provenance=provenance, skip_generic=generic),
            them=Party("them", them.id, them, provenance=provenance, skip_generic=generic),
            others=others,
            matcher=matcher,
            history=list(history),
            provenance=provenance,
        )
        meeting.prepare()
        return meeting

    def prepare(self) -> None:
        """Embed every phrase at once, then read each person's profile as one context."""
        parties = [self.me, self.them, *self.others]
        texts: list[str] = []
        for party in parties:
            texts += party.context_texts()
            texts += [t for _, t in party.phrases(("needs", "wanted_audiences", "interests"))]
            texts += [audience for _, _, audience in party.wants]
            texts += party.identity_parts
        self.matcher.prepare(texts)
        for party in parties:
            party.context = self.matcher.vectors.mean(
                phrases.core(t) for t in party.context_texts()
            )

    # -- who can be introduced -------------------------------------------------------
    @cached_property
    def my_contacts(self) -> list[Party]:
        """People I can introduce: whom my profile says I know, else my whole network."""
        known = set(self.me.profile.knows)
        if known:
            return [p for p in self.others if p.key in known]
        return list(self.others)

    @cached_property
    def their_contacts(self) -> list[Party]:
        """People the person I meet can introduce: whom they know, and their colleagues
        (where sharing an employer says they work together: not self-employment, a
        marketplace, or a firm too big for that, the ``employer`` gate)."""
        known = set(self.them.profile.knows)
        company = (self.them.profile.company or "").strip().casefold()
        if company and self.matcher.calibration.on("employer"):
            sharing = sum(
                (p.profile.company or "").strip().casefold() == company for p in self.others
            )
            if not colleagues_by(self.them.profile.company, sharing):
                company = ""
        return [
            p
            for p in self.others
            if p.key in known
            or (company and (p.profile.company or "").strip().casefold() == company)
        ]

    # -- matching ----------------------------------------------------------------------
    def weight(self, party: Party, facet: str, text: str) -> float:
        """1 for what the user entered, less for what was read or learned (by confidence)."""
        if self.provenance is None:
            return 1.0
        return self.provenance.weight(party.key, facet, text)

    def meets(
        self,
        asker: Party,
        ask_facets: tuple[str, ...],
        giver: Party,
        give_facets: tuple[str, ...],
        *,
        identity: bool = False,
        relation: Relation = "need",
    ) -> list[Match]:
        """For each phrase of ``asker`` in ``ask_facets``, the best phrase of ``giver`` in
        ``give_facets`` (or the giver's identity) that meets it, if any does. A need for
        custom is not met by a skill or an offer (it is a wish to reach an audience: see
        ``reaches``)."""
        key = (id(asker), ask_facets, id(giver), give_facets, identity, relation)
        if key in self._memo:
            return self._memo[key]
        offered = giver.phrases(give_facets)
        if identity and giver.identity:
            offered.append(("headline", giver.identity))
        asked = [
            (facet, text, text)
            for facet, text in asker.phrases(ask_facets)
            if not (facet == "needs" and phrases.wants_custom(text))
        ]
        found = self._best(asker, asked, giver, offered, relation)
        self._memo[key] = found
        return found

    def reaches(self, asker: Party, giver: Party) -> list[Match]:
        """The audiences ``asker`` wants to reach (wanted audiences, needs for custom) that
        an audience ``giver`` serves meets."""
        key = (id(asker), "reaches", id(giver))
        if key not in self._memo:
            offered = giver.phrases(("audiences",))
            self._memo[key] = self._best(asker, asker.wants, giver, offered, "audience")
        return self._memo[key]

    def _best(
        self,
        asker: Party,
        asked: list[tuple[str, str, str]],
        giver: Party,
        offered: list[tuple[str, str]],
        relation: Relation,
    ) -> list[Match]:
        """For each (facet, phrase, text to match) asked, the offered phrase that meets it
        best, if it meets it at all."""
        matcher = self.matcher
        found: list[Match] = []
        for ask_facet, ask_text, query in asked:
            if ask_facet == "needs" and not self.could_be(giver, ask_text):
                continue
            scored = sorted(
                (
                    (
                        self._fit(asker, query, ask_facet, giver, give_facet, give_text, relation)
                        * self.weight(giver, give_facet, give_text),
                        give_facet,
                        give_text,
                    )
                    for give_facet, give_text in offered
                    if ask_facet != "needs" or self._answers(giver, give_facet, give_text, ask_text)
                ),
                key=lambda x: -x[0],
            )
            if not scored or scored[0][0] < matcher.threshold:
                continue
            score, give_facet, give_text = scored[0]
            also = [(f, t) for s, f, t in scored[1:] if s >= matcher.threshold + QUOTE_MARGIN]
            best = Match(asker, ask_facet, ask_text, giver, give_facet, give_text, score, also)
            best.score *= self.weight(asker, ask_facet, ask_text)
            found.append(best)
        return found

    def _fit(
        self,
        asker: Party,
        query: str,
        ask_facet: str,
        giver: Party,
        give_facet: str,
        give_text: str,
        relation: Relation,
    ) -> float:
        strength = self._strength(asker, query, giver, give_text, relation)
        if (
            ask_facet == "needs"
            and self.matcher.threshold <= strength < SAME_ROLE
            and self._same_role(giver, query)
        ):
            match = Match(asker, ask_facet, query, giver, give_facet, give_text, strength)
            if self.on_title(match):
                return _same_role_fit(strength)
        return strength

    def _same_role(self, giver: Party, need: str) -> bool:
        """Whether ``giver``'s title names the very role (the lexicon's row) a need asks for."""
        from netprep.learn import lexicon, titles

        wanted = phrases.role(need)
        if wanted is None:
            return False
        asked = {r.name for r in lexicon.roles_in(wanted, "en")}
        return any(
            r.name in asked for r in titles.roles(giver.profile.title, giver.profile.headline)
        )

    def is_their_trade(self, party: Party, need: str) -> bool:
        """Whether a need asks for the very role ``party``'s title names (an architect asked
        for "an architect for a rear extension")."""
        return self.matcher.calibration.on("role") and self._same_role(party, need)

    def _answers(self, giver: Party, facet: str, text: str, need: str) -> bool:
        """Whether a phrase of ``giver`` may answer a need at all: a phrase read off their
        title is who they are, so for a need that names a kind of person it must fit that
        role as a match (a structural engineer's title is no architect's)."""
        if facet == "headline" or (
            self.provenance is not None and (giver.key, facet, text) in self.provenance.identity
        ):
            return self.is_role(giver, need)
        return True

    def could_be(self, giver: Party, need: str) -> bool:
        """Whether ``giver`` could be the kind of person a need asks for ("an employment
        lawyer to look over my contracts" asks for a lawyer: a web designer's skills don't
        meet it, however close their words). True when the need names no role, or when the
        giver's identity is unknown."""
        if not self.matcher.calibration.on("role"):
            return True
        fit = self._role_fit(giver, need, lexicon=False)
        return fit is None or fit >= ROLE_FIT

    def is_role(self, giver: Party, need: str) -> bool:
        """Whether who ``giver`` is answers a need naming a kind of person: their identity
        must fit that role as a match, not merely not be unlike it (a "licensed
        electrician" is not unlike an "employment lawyer", but is not one). True when the
        need names no role."""
        if not self.matcher.calibration.on("role"):
            return True
        fit = self._role_fit(giver, need)
        return fit is None or fit >= self.matcher.threshold

    def _role_fit(self, giver: Party, need: str, *, lexicon: bool = True) -> float | None:
        """How well ``giver``'s identity fits the role a need names (None when the need
        names none, or the identity is unknown); with ``lexicon``, none at all when the
        lexicon knows their trade for another (``_kin_roles``). Without it, the fit only
        says whether anything they write may answer (an introduction they offer may)."""
        wanted = phrases.role(need)
        if wanted is None or not giver.identity:
            return None
        if lexicon and not _kin_roles(wanted, giver):
            return 0.0
        self.matcher.vectors.ensure([wanted, giver.identity])
        return self.matcher.score(wanted, giver.identity, relation="need")

    def _strength(
        self, asker: Party, query: str, giver: Party, give_text: str, relation: Relation
    ) -> float:
        """How well ``give_text`` meets ``query``. For a need, a word the giver's phrase
        shares with the asker's other phrases but not with the need itself (coral-coloured
        flowers, for a scientist of coral reefs) may bridge two worlds by its spelling
        alone: the match must hold without it. (Audiences are spared: people-kinds share
        a domain's words by nature.)"""
        matcher = self.matcher
        score = matcher.score(query, give_text, asker.context, giver.context, relation)
        if score < matcher.threshold or relation != "need" or not matcher.calibration.on("bridge"):
            return score
        asked = phrases.stems(query)
        bridge = {  # "accounting" for "an accountant" is the need's own word, not a bridge
            b
            for b in (phrases.stems(give_text) & asker.stems) - asked
            if not any(a.startswith(b) or b.startswith(a) for a in asked)
        }
        if not bridge:
            return score
        rest = phrases.without(give_text, frozenset(bridge))
        if not rest:
            return 0.0
        matcher.vectors.ensure([rest])
        rest_score = matcher.score(query, rest, asker.context, giver.context, relation, whole=False)
        return min(score, rest_score)

    def already_has(self, party: Party, text: str) -> bool:
        """Whether ``party``'s own expertise or offers already say ``text``."""
        if not self.matcher.calibration.on("own"):
            return False
        return any(self.matcher.cosine(text, own) >= SAME for _, own in party.phrases(SUPPLY))

    def on_title(self, match: Match) -> bool:
        """Whether a match rests on the giver's title alone (who they are, as their title
        says it), not on anything they wrote or were said to do."""
        return match.give_facet == "headline" or (
            self.provenance is not None
            and (match.giver.key, match.give_facet, match.give_text) in self.provenance.identity
        )

    def client(self, asker: Party, ask_text: str, contact: Party) -> Match | None:
        """For someone looking for clients, a contact who needs what they offer or know
        ("clients for mobile apps": a founder who needs the first version of her app
        built), as a match of the contact's need; None when none of theirs fits."""
        matcher = self.matcher
        best: tuple[float, str] = (0.0, "")
        for _, need in contact.phrases(("needs",)):
            if (
                phrases.wants_custom(need)
                or not self.could_be(asker, need)
                or self._same_role(contact, need)  # work in their own trade: no client
            ):
                continue
            for facet, supply in asker.phrases(SUPPLY):
                if not self._answers(asker, facet, supply, need):
                    continue
                score = self._strength(contact, need, asker, supply, "need")
                best = max(best, (score * self.weight(asker, facet, supply), need))
        if best[0] < matcher.threshold:
            return None
        return Match(asker, "needs", ask_text, contact, "needs", best[1], best[0])

    def served(self, asker: Party, helper: Party) -> set[str]:
        """The phrases of ``asker`` (needs, wanted audiences) that ``helper`` meets directly."""
        met = {x.ask_text for x in self.meets(asker, ("needs",), helper, SUPPLY)}
        met |= {x.ask_text for x in self.reaches(asker, helper)}
        return met

    def fits(self, asker: Party, contact: Party) -> list[Match]:
        """What ``contact`` as a whole meets among ``asker``'s needs and wanted audiences:
        a need by what they know or offer or by who they are; an audience (a wanted one,
        or the custom a need asks for) by who they are. The evidence quotes the contact's
        closest phrase, or their headline."""
        matcher = self.matcher
        supply = contact.phrases(SUPPLY)
        found: list[Match] = []
        audiences = {(f, t): a for f, t, a in asker.wants}
        for ask_facet, ask_text in asker.phrases(("needs", "wanted_audiences")):
            audience = audiences.get((ask_facet, ask_text))
            if audience is None and phrases.wants_custom(ask_text):
                client = self.client(asker, ask_text, contact)
                if client is not None:
                    found.append(client)
                    continue
            if ask_facet == "needs" and audience is None and not self.could_be(contact, ask_text):
                continue
            who = max(
                (
                    matcher.score(
                        audience or ask_text,
                        part,
                        asker.context,
                        contact.context,
                        "audience" if audience else "need",
                    )
                    for part in (contact.identity_parts if audience else contact.role_parts)
                ),
                default=0.0,
            )
            if audience is None and (
                phrases.wants_custom(ask_text) or not self.is_role(contact, ask_text)
            ):
                who = 0.0  # who they are is no answer to a need for another kind of person
            elif (
                audience is None and who >= matcher.threshold and self._same_role(contact, ask_text)
            ):
                who = _same_role_fit(who)  # they are the very trade asked for
            best = (0.0, "", "")
            if audience is None:
                best = max(
                    (
                        (
                            matcher.score(ask_text, t, asker.context, contact.context)
                            * self.weight(contact, f, t),
                            f,
                            t,
                        )
                        for f, t in supply
                        if self._answers(contact, f, t, ask_text)
                    ),
                    default=best,
                )
            score = max(best[0], who)
            if score < matcher.threshold:
                continue
            if best[1] and best[0] >= matcher.threshold:
                facet, text = best[1], best[2]
            else:
                facet, text = "headline", contact.identity or ""
            match = Match(asker, ask_facet, ask_text, contact, facet, text, score)
            if (
                audience is None  # who someone is, is what makes them an audience
                and score < matcher.calibration.title_bar
                and matcher.calibration.on("title")
                and self.on_title(match)
            ):
                continue
            found.append(match)
        return found
