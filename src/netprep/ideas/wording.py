"""Words for ideas: quoting phrases, and making an idea from a rule's findings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from netprep.ideas.meeting import Party
from netprep.models import Direction, Evidence, Idea, IdeaKind


def q(text: str) -> str:
    """A phrase quoted as the person wrote it."""
    return f"“{text}”"


def said(text: str) -> str:
    """A phrase quoted inside a sentence the owner will say (single quotes, since the
    sentence itself is shown in double quotes)."""
    return f"‘{text}’"


_DETERMINER = re.compile(r"^(?:a|an|the|my|our|some)\s+", re.IGNORECASE)


def owned(owner: str, text: str) -> str:
    """A phrase after a possessive: owned("your", "a free SEO check") -> "your free SEO check"."""
    return f"{owner} {_DETERMINER.sub('', text.strip(), count=1)}"


_VERBS = frozenset(
    [
        "run",
        "do",
        "help",
        "share",
        "give",
        "set",
        "build",
        "design",
        "write",
        "review",
        "look",
        "make",
        "host",
        "teach",
        "coach",
        "audit",
        "introduce",
        "put",
        "take",
        "send",
        "show",
        "lend",
        "check",
        "draft",
        "plan",
        "prepare",
        "organise",
        "organize",
        "connect",
        "mentor",
        "edit",
        "translate",
        "shoot",
        "film",
        "record",
        "create",
        "offer",
        "walk",
        "sit",
        "hop",
        "join",
    ]
)
_INFINITIVE = re.compile(r"^[a-zà-ÿ]{3,}(?:ar|er|ir|re|en)$")


def offering(name: str, words: str) -> str:
    """An idea's title for offering something: "Offer Ana your free SEO check"; an offer
    that is something to do reads as one ("Offer Gordon: run a half-day workshop")."""
    first = (words.split() or [""])[0].casefold()
    if first in _VERBS or (_INFINITIVE.match(first) and _foreign(words)):
        return f"Offer {name}: {words}"
    return f"Offer {name} {owned('your', words)}"


def _foreign(words: str) -> bool:
    from netprep.learn import clean, lexicon

    hint = clean.language(words, default="")
    return hint not in ("", "en") or lexicon.foreign_language(words) is not None


def article(title: str) -> str:
    """A title after "You're": "a Contabilista Certificada", "an Art Director"."""
    if _DETERMINER.match(title):
        return title
    return ("an " if title[:1].lower() in "aeiou" else "a ") + title


def who(party: Party) -> str:
    """How the owner reads about a party: "you" or their first name."""
    return "you" if party.side == "me" else party.first_name


def idea(
    kind: IdeaKind,
    direction: Direction,
    score: float,
    *,
    title: str,
    rationale: str,
    opening: str,
    evidence: Sequence[Evidence],
    people: Sequence[str | None],
) -> Idea:
    """An idea, with its people listed once each and in order."""
    keys = [p for p in dict.fromkeys(people) if p]
    return Idea(
        kind=kind,
        direction=direction,
        score=score,
        title=title,
        rationale=rationale,
        evidence=list(evidence),
        people=keys,
        opening=opening,
    )


_SAYS = {
    "expertise": ("know", "knows"),
    "needs": ("need", "needs"),
    "offers": ("offer", "offers"),
    "audiences": ("serve", "serves"),
    "wanted_audiences": ("want to reach", "wants to reach"),
    "interests": ("are into", "is into"),
    "channels": ("publish", "publishes"),
}
_OWN = {"headline": "headline", "title": "title", "company": "company", "notes": "notes"}


def evidence_lead(evidence: Evidence, name: str) -> str:
    """What a piece of evidence says, in words for the owner, before its quoted phrase:
    "You offer", "Kwame needs", "Hannah Brooks's headline". ``name`` is the person the
    evidence is about ("you" for the owner's own)."""
    you = evidence.side == "me"
    if evidence.facet in _SAYS:
        plural, singular = _SAYS[evidence.facet]
        return f"You {plural}" if you else f"{name} {singular}"
    own = _OWN.get(evidence.facet, evidence.facet.replace("_", " "))
    return f"Your {own}" if you else f"{name}'s {own}"
