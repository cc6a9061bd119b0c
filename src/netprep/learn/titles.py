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
    ["founder", "chief executive officer", "business owner", "business consultant", "student"]
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


_HOST = re.compile(
    r"\b(?:co-?host(?:ing)?|host(?:ing)?|co-?organi[sz]er|organi[sz]er|organi[sz]ing|curator|"
    r"editor|presenter|apresentador[a]?|anfitri[ãa][o]?|organizador[a]?|presentador[a]?|"
    r"animat(?:eur|rice)|organisat(?:eur|rice|or)|rédact(?:eur|rice)|moderator(?:in)?|"
    r"gastgeber(?:in)?|veranstalter(?:in)?|herausgeber(?:in)?|conduttor[ei]|conduttrice|"
    r"organizzat(?:ore|rice)|presentat(?:ore|rice)|redacteur|presentator|writing|writer of|"
    r"publisher of|author of)\b"
    r"(?:\s+(?:of|at|for|do|da|dos|das|de|del|della|dello|du|des|von|vom|der|van|het)\b)?"
    r"(?:\s+(?:the|o|a|el|la|le|il|lo|die|das|de|het)\b)?\s*",
    re.IGNORECASE,
)
_SYMBOLS = re.compile(r"[^\w\s'’&.,:-]")
HOSTED = 0.6
"""A channel someone's title says they host ("Organiser · Lisbon SaaS Marketing Meetup")."""


def channels(title: str | None, headline: str | None) -> tuple[Learned, ...]:
    """Channels a title or headline says the person hosts, organises or edits ("Host del
    podcast Marketing sin Humo", "Organiser · Lisbon SaaS Marketing Meetup"): read as it
    goes, like their expertise, and not stored. Whether it takes guests is not said."""
    return _channels(title, headline)


_APPOSED = re.compile(
    r"^(?P<name>[^,]{3,60}),\s+(?:a|an|um|uma|un|une|ein|eine|een|il|lo|la)\s+(?P<what>.+)$",
    re.IGNORECASE,
)
_FOR = re.compile(
    r"\s(?:for|about|on|para|sobre|pour|sur|für|über|per|voor|over)\s+(?P<topic>.+)$", re.I
)
"""A channel named before what it is: "The Demand Gen Dispatch, a weekly newsletter for 18k
B2B marketers"."""


def _apposed(text: str) -> tuple[str, str | None] | None:
    """A channel's name and subject when the name comes first: "The Demand Gen Dispatch, a
    weekly newsletter for 18k B2B marketers"."""
    from netprep.learn import cues, phrase

    apposed = _APPOSED.match(text)
    what = cues.CHANNEL_WORDS.search(apposed.group("what")) if apposed else None
    if apposed is None or what is None or len(apposed.group("what")[: what.start()].split()) > 2:
        return None
    name = apposed.group("name").strip()
    about = _FOR.search(apposed.group("what"), what.end())
    return name, phrase.tidy(about.group("topic") if about else name)


_NAMED_KINDS = frozenset({"podcast", "newsletter", "balado", "nieuwsbrief", "boletim", "boletín"})


def _opens_with_name(part: str, word: re.Match[str]) -> bool:
    """Whether a part is a channel of theirs by its name alone: it opens with a word that
    only names a channel, then a name that names no role ("Podcast Panela de Barro", not
    "Podcast Producer")."""
    rest = part[word.end() :].strip(' :-–—"“”«»')
    return (
        word.start() == 0
        and word.group("kind").lower() in _NAMED_KINDS
        and rest[:1].isupper()
        and not lexicon.roles_in(rest)
    )


@lru_cache(maxsize=65536)
def _channels(title: str | None, headline: str | None) -> tuple[Learned, ...]:
    from netprep.learn import cues, phrase

    found: dict[str, Learned] = {}
    for line, origin in ((title, "their title"), (headline, "their headline")):
        if not line:
            continue
        hosts = _HOST.search(line) is not None
        for part in [line, *parts(line)]:
            word = cues.CHANNEL_WORDS.search(part)
            if word is None:
                continue
            rest = _HOST.sub("", part, count=1) if hosts else part
            named = _apposed(rest)
            if part == line and len(parts(line)) > 1 and named is None:
                continue
            if not hosts and named is None and not _opens_with_name(part, word):
                continue
            if named is None:
                name = re.sub(r"\s+", " ", _SYMBOLS.sub(" ", rest)).strip(" ,:-–—·|")
                if name.casefold().startswith(word.group(0).casefold() + " "):
                    name = name[len(word.group(0)) :].strip()  # "podcast Marketing sin Humo"
                bare = re.sub(r"\s+", " ", name.replace(word.group(0), " ")).strip()
                named = (name, phrase.tidy(bare) if bare else None)
            name, topic = named
            if not topic or len(topic) < 3 or name.casefold() in found:
                continue  # "Podcast host": a channel without a subject to pitch to
            lang = lexicon.foreign_language(topic)
            gloss = lexicon.gloss(topic, lang) if lang else None
            detail: dict[str, object] = {
                "kind": cues.CHANNEL_KINDS.get(word.group("kind").lower(), "podcast"),
                "name": name, "url": None, "topics": [topic], "accepts_guests": None,
            }  # fmt: skip
            if gloss and gloss.casefold() != topic.casefold():
                detail["gloss_topics"] = [gloss]
            found[name.casefold()] = Learned(
                facet="channels", text=name, quote=line, source=origin, origin="title",
                origin_ref="", confidence=HOSTED, extractor=EXTRACTOR, detail=detail,
            )  # fmt: skip
            if part == line:
                break  # the whole line named it: its parts are pieces of the same channel
    return tuple(found.values())


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
