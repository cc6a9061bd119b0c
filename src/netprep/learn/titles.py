"""Learning from titles and headlines: who someone is says what they do and can offer.

"Grant writer | 40 funded proposals" offers grant writing; "Contable autónomo" and
"Steuerberaterin" are accountants, whatever the language; "Gerente de Comunicación" is a
communications manager and nothing else. Each part of a title ("CEO & Co-founder @ Acme |
ex-Google | Speaker" has three) is read for a role of the lexicon; a role that says what
someone does becomes a proposed expertise, quoted as written and matched by what the
role does. Roles that say only where someone sits (founder, CEO, director, owner) tell
nothing to match and are not proposed; an English part that names a person by a
specialist's ending ("Sustainability Strategist") is proposed for less.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from netprep.learn import lexicon
from netprep.models import Learned

EXTRACTOR = "titles"
CONFIDENCE = 0.7
"""A role the lexicon knows, read off someone's own title."""
GUESSED = 0.55
"""An English title part that only looks like a specialist's."""
GENERIC_ROLES = frozenset(
    ["founder", "chief executive officer", "business owner", "business consultant"]
)
"""Roles that tell too little about what someone does to carry an idea on their own
(a founder of what? a consultant in what?). Their specific kin (a grant writer, an
executive coach, a UX designer) stay."""
_PARTS = re.compile(r"\s*(?:[|•·/;,()]|\s[-–—]\s|\s@\s?|&|\+)\s*")
_SPECIALIST = re.compile(
    r"\b\w+(?:ist|ant|ian|eer|writer|maker|builder|strategist|engineer)s?$", re.I
)
_NOT_SPECIALIST = frozenset(
    [
        "assistant",
        "consultant",
        "specialist",
        "servant",
        "tenant",
        "accountant",
        "participant",
        "attendant",
        "applicant",
        "student",
        "intern",
        "member",
    ]
)


def parts(line: str | None) -> list[str]:
    """The parts of a title or headline that may each name a role."""
    if not line:
        return []
    return [p.strip() for p in _PARTS.split(line) if p and len(p.strip()) > 2]


@lru_cache(maxsize=65536)
def roles(title: str | None, headline: str | None) -> tuple[lexicon.Role, ...]:
    """Every role someone's title and headline name, most specific first."""
    found: list[lexicon.Role] = []
    for line in (title, headline):
        for part in parts(line):
            found += lexicon.roles_in(part)
    specific = [r for r in found if r.name not in GENERIC_ROLES]
    return tuple(dict.fromkeys([*specific, *found]))


def read(
    title: str | None, headline: str | None, *, ref: str, whose: str = "their"
) -> Iterator[Learned]:
    """Expertise a title and a headline say (``ref`` names the person's card; ``whose`` is
    "your" for the owner's own)."""
    yield from _read(title, headline, ref, whose)


@lru_cache(maxsize=65536)
def _read(title: str | None, headline: str | None, ref: str, whose: str) -> tuple[Learned, ...]:
    seen: set[str] = set()
    found: list[Learned] = []
    for line, origin in ((title, "title"), (headline, "headline")):
        for part in parts(line):
            found += _part(part, f"{whose} {origin}", seen, ref)
    return tuple(found)


def _part(part: str, origin: str, seen: set[str], ref: str) -> Iterator[Learned]:
    known = lexicon.roles_in(part)
    for role in known:
        if role.name in GENERIC_ROLES or role.activity in seen:
            continue
        seen.add(role.activity)
        yield Learned(
            facet="expertise",
            text=part,
            quote=part,
            source=origin,
            origin="title",
            origin_ref=ref,
            confidence=CONFIDENCE,
            extractor=EXTRACTOR,
            detail={"gloss": role.activity, "role": role.name},
        )
        return  # one role per part: the longest names it best
    if known or not part.isascii() or len(part.split()) < 2:
        return
    if _SPECIALIST.search(part) and part.split()[-1].lower().rstrip("s") not in _NOT_SPECIALIST:
        key = part.casefold()
        if key not in seen:
            seen.add(key)
            yield Learned(
                facet="expertise",
                text=part,
                quote=part,
                source=origin,
                origin="title",
                origin_ref=ref,
                confidence=GUESSED,
                extractor=EXTRACTOR,
                detail=None,
            )
