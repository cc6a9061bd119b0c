"""Who is who across sources: exact identifiers, and name keys that see through nicknames."""

from __future__ import annotations

import re
from functools import lru_cache

from netprep import normalize

_NICKNAMES: dict[str, tuple[str, ...]] = {
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "william": ("bill", "billy", "will", "willy", "liam"),
    "james": ("jim", "jimmy", "jamie"),
    "john": ("johnny", "jack", "jon"),
    "michael": ("mike", "mikey", "mick"),
    "david": ("dave", "davey"),
    "daniel": ("dan", "danny"),
    "thomas": ("tom", "tommy"),
    "anthony": ("tony",),
    "christopher": ("chris", "kit"),
    "katherine": ("kate", "katie", "kathy", "cathy", "catherine", "kathryn", "kat"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "eliza", "libby"),
    "jennifer": ("jen", "jenny"),
    "alexander": ("alex", "sasha", "alexandra", "xander", "sandy"),
    "samuel": ("sam", "sammy", "samantha"),
    "joseph": ("joe", "joey"),
    "joshua": ("josh",),
    "matthew": ("matt",),
    "nicholas": ("nick", "nicky", "nico"),
    "patrick": ("pat", "paddy", "patricia", "patty", "trish"),
    "richard": ("rick", "ricky", "rich", "richie", "dick"),
    "stephen": ("steve", "steven", "stevie"),
    "edward": ("ed", "eddie", "ted", "teddy", "ned"),
    "andrew": ("andy", "drew"),
    "benjamin": ("ben", "benny"),
    "gregory": ("greg",),
    "jeffrey": ("jeff", "geoff", "geoffrey"),
    "margaret": ("maggie", "meg", "peggy", "greta"),
    "susan": ("sue", "susie", "suzanne"),
    "timothy": ("tim", "timmy"),
    "victoria": ("vicky", "tori"),
    "zachary": ("zach", "zack"),
    "charles": ("charlie", "chuck", "chas"),
    "henry": ("hank", "harry", "hal"),
    "lawrence": ("larry", "laurence"),
    "frederick": ("fred", "freddie"),
    "nathaniel": ("nate", "nathan", "nat"),
    "kenneth": ("ken", "kenny"),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"),
    "gabriel": ("gabe",),
    "philip": ("phil", "phillip"),
    "jessica": ("jess", "jessie"),
    "rebecca": ("becky", "becca"),
    "abigail": ("abby", "abbie"),
    "amanda": ("mandy",),
    "dorothy": ("dot", "dottie"),
    "christina": ("tina", "christine", "kristina"),
    "deborah": ("debbie", "deb", "debra"),
    "theodore": ("theo",),
    "maximilian": ("max", "maxim"),
    "francesco": ("frank", "francis", "franco", "fran"),
    "isabella": ("bella", "izzy", "isabel"),
    "josephine": ("jo", "josie"),
    "olivia": ("liv", "livvy"),
}
CANONICAL_FIRST: dict[str, str] = {
    nick: full for full, nicks in _NICKNAMES.items() for nick in (full, *nicks)
}

_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"])
_SUFFIXES = frozenset(
    [
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "phd",
        "md",
        "mba",
        "cpa",
        "esq",
        "pe",
        "pmp",
        "msc",
        "bsc",
        "ma",
        "ba",
        "dds",
        "jd",
    ]
)
_NOT_LETTERS = re.compile(r"[^a-z\s-]+")


@lru_cache(maxsize=100_000)
def fold_name(name: str) -> str:
    """``normalize.fold`` remembered: an import folds each name for several purposes."""
    return normalize.fold(name)


@lru_cache(maxsize=100_000)
def name_key(name: str | None) -> str | None:
    """A key equal for "Bob Smith", "Robert J. Smith", "Dr. Róbert Smith, PhD" and
    "Smith, Robert"; None for one-word names, which are too weak to match on."""
    folded = fold_name(name) if name else ""
    if not folded:
        return None
    if "," in folded:
        head, _, tail = folded.partition(",")
        tail_words = _NOT_LETTERS.sub(" ", tail).split()
        if tail_words and all(w in _SUFFIXES for w in tail_words):
            folded = head
        elif tail_words and len(head.split()) == 1:
            folded = f"{tail} {head}"  # "Smith, Robert"
        else:
            folded = folded.replace(",", " ")
    words = [
        w
        for w in (x.strip("-") for x in _NOT_LETTERS.sub(" ", folded.replace(".", " ")).split())
        if w and w not in _HONORIFICS and w not in _SUFFIXES
    ]
    if len(words) < 2:
        return None
    first = CANONICAL_FIRST.get(words[0], words[0])
    return f"{first} {words[-1]}"


@lru_cache(maxsize=100_000)
def exact_name(name: str | None) -> str:
    """The name folded (accents, case, spaces) without titles: the strongest name match."""
    return " ".join(
        w
        for w in _NOT_LETTERS.sub(" ", fold_name(name) if name else "").split()
        if w not in _HONORIFICS
    )


@lru_cache(maxsize=200_000)
def linkedin_key(url: str | None) -> str | None:
    """A LinkedIn profile URL as compared for identity, e.g. "linkedin.com/in/zoe-m".

    Scheme, subdomain (www., uk.), query, fragment, case and trailing slash don't count.
    """
    if not url:
        return None
    low = url.strip().lower()
    at = low.find("linkedin.com/")
    if at < 0 or "/" in low[:at].removeprefix("https://").removeprefix("http://"):
        return None
    key = low[at:].split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return key.replace("linkedin.com/pub/", "linkedin.com/in/", 1)


def e164(number: str | None) -> str | None:
    """A phone number in E.164 form, or None when it has no country code to be sure of."""
    if not number:
        return None
    found = normalize.phone(number.removeprefix("tel:"))
    if not found or not found.startswith("+") or len(found) < 9:
        return None
    return found


def email_key(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    return normalize.email(address)


def company_key(company: str | None) -> str:
    """A company name without legal forms, for "same company" checks."""
    words = [
        w
        for w in _NOT_LETTERS.sub(" ", normalize.fold(company)).split()
        if w not in {"inc", "llc", "ltd", "gmbh", "co", "corp", "corporation", "sa", "plc", "the"}
    ]
    return " ".join(words)
