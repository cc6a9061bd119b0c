"""Phrase normalisation for matching: folded text, content words and their stems.

A phrase is a person's own words ("someone to write my sales pages"). Before it is
compared, the request framing that says *that* something is wanted ("someone to", "a way
to", "help with") is set aside, since it says nothing about *what* is wanted, and a goal
is restated as the work that would reach it ("find out whether X works" -> "evaluating
X"); the content words that remain are stemmed so that "developer" and "development"
count as one word. A need for clients ("more clients among seed-stage startups") is a
wish to reach an audience: ``client_audience`` says which.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from netprep.normalize import fold

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "among",
        "around",
        "as",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "during",
        "except",
        "inside",
        "near",
        "off",
        "out",
        "outside",
        "past",
        "per",
        "since",
        "than",
        "through",
        "throughout",
        "till",
        "toward",
        "towards",
        "until",
        "up",
        "upon",
        "via",
        "within",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "what",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "doing",
        "have",
        "has",
        "had",
        "having",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "some",
        "any",
        "all",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "more",
        "most",
        "less",
        "few",
        "many",
        "much",
        "other",
        "another",
        "such",
        "own",
        "same",
        "so",
        "too",
        "very",
        "just",
        "also",
        "only",
        "even",
        "ever",
        "not",
        "no",
        "yes",
        "if",
        "then",
        "there",
        "here",
        "once",
        "again",
        "one",
        "ones",
        "someone",
        "somebody",
        "something",
        "anyone",
        "anybody",
        "anything",
        "everyone",
        "thing",
        "things",
        "way",
        "ways",
        "help",
        "helping",
        "need",
        "needs",
        "needed",
        "looking",
        "want",
        "wants",
        "get",
        "got",
        "getting",
        "find",
        "finding",
        "new",
        "better",
        "good",
        "great",
        "real",
        "really",
        "actually",
        "please",
    ]
)
"""Words that carry no topic: function words and the framing of a request."""

_FRAMING = re.compile(
    r"^(?:(?:i|we)\s+(?:need|want|would like)\s+(?:to\s+)?|looking\s+for\s+|"
    r"(?:a|an|the|some|my|our)\s+way\s+to\s+|(?:some|any)one\s+(?:to|who\s+can|who)\s+|"
    r"(?:some|any)body\s+(?:to|who\s+can|who)\s+|help\s+(?:with\s+|to\s+)?|"
    r"learn\s+(?:how\s+)?to\s+|how\s+to\s+)+"
)

_GOALS = [
    # Inquiry: whether something works is found out by evaluating it.
    (
        re.compile(
            r"^(?:find out|figure out|work out|check|test|see|know|learn) (?:whether|if) "
            r"(.+?)(?: (?:actually|really|truly))?(?: works?| helps?| pays? off)?$"
        ),
        r"evaluating \1",
    ),
    # Appearance: making something look a certain way is about how it looks.
    (re.compile(r"^make (.+?) look\b.*$"), r"how \1 looks"),
    # Readiness: getting ready for something is preparing for it.
    (re.compile(r"^(?:get|be|getting) (?:ready|prepared) for (.+)$"), r"preparing for \1"),
]
"""Goal framings restated as the work that meets them: generic English request shapes."""

CLIENT_WORDS = frozenset(
    ["clients", "customers", "buyers", "users", "subscribers", "readers", "listeners",
     "viewers", "followers", "patients", "leads", "referrals", "bookings", "listings",
     "signups", "sign-ups", "visibility", "exposure", "deal flow", "tenants", "shoppers"]
)  # fmt: skip
"""Words that make a need a need for custom: people who would buy, read or come."""
_CLIENT = re.compile(
    r"\b(" + "|".join(sorted((re.escape(w) for w in CLIENT_WORDS), key=len, reverse=True)) + r")\b"
)
_AUDIENCE_AFTER = re.compile(r"^\s*(?:among|from|in|with|at|across)\s+(.+)$")
_GROWTH = re.compile(
    r"^(?:(?:more|new|first|extra|additional|steady|grow|growing|get|getting|find|finding|"
    r"win|winning|attract|attracting|land|landing|build|i|we|need|want|to|a|an|the|my|our|"
    r"some|pipeline|stream|flow|of)\b\s*)+"
)


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """Case- and accent-folded text with squeezed spaces."""
    return fold(text)


@lru_cache(maxsize=65536)
def core(text: str) -> str:
    """The phrase without its request framing: "someone to edit my guides" -> "edit my
    guides"; a goal restated as the work that meets it ("get ready for the launch" ->
    "preparing for the launch")."""
    base = folded(text)
    stripped = _FRAMING.sub("", base).strip() or base
    for pattern, replacement in _GOALS:
        if pattern.match(stripped):
            return pattern.sub(replacement, stripped).strip()
    return stripped


@lru_cache(maxsize=65536)
def client_audience(text: str) -> str | None:
    """For a need for custom, the audience it wants to reach ("more clients among seed-stage
    startups" -> "seed-stage startups", "more startup clients" -> "startup clients");
    None for any other need. The custom must be what is asked for: the word for it ends
    the phrase or opens the audience ("... among X"), and only a few modifiers precede it
    ("a client services manager", "presents to thank customers", "patients try our app"
    and "screen readers" are not custom)."""
    found = _custom(text)
    if not found:
        return None
    base = folded(text)
    after = base[found.end() :].strip()
    audience = _AUDIENCE_AFTER.match(" " + after) if after else None
    if after and not audience:
        return None
    before = _GROWTH.sub("", base[: found.start()]).split()
    if audience:
        return audience.group(1).strip()
    return " ".join([*before, found.group(1)])


def wants_custom(text: str) -> bool:
    """Whether a need asks for custom at all, named audience or not ("clients for mobile
    apps", "more readers"): whoever has the custom word in their title ("account manager
    for key clients") is no answer to it."""
    return _custom(text) is not None


def _custom(text: str) -> re.Match[str] | None:
    base = folded(text)
    found = _CLIENT.search(base)
    if not found:
        return None
    before = _GROWTH.sub("", base[: found.start()]).split()
    if len(before) > 3 or any(w in STOPWORDS for w in before):
        return None
    return found


_QUALIFIER = re.compile(
    r"(?<![\w-])(?:of|at|in|on|for|from|with|who|that|which|across|among|near|around|by)"
    r"(?![\w-]).*$"
)


@lru_cache(maxsize=65536)
def head(text: str) -> str | None:
    """The stem of a phrase's head word: the last content word before any qualifier
    ("HR directors at mid-size companies" -> "director", "solo SaaS founders" -> "founder")."""
    kept = content_words(_QUALIFIER.sub("", folded(text)))
    return stem(kept[-1]) if kept else None


_CIRCUMSTANCE = re.compile(
    r"(?<![\w-])(?:of|at|in|on|for|from|with|across|among|near|around|by|before|after|during)"
    r"(?![\w-]).*$"
)


@lru_cache(maxsize=65536)
def head_part(text: str) -> str | None:
    """What a phrase asks for, before the circumstances a preposition adds (for whom, of
    what, where): "a study program" of "a study program for associates taking the bar
    exam". A relative clause stays ("a website that takes online orders"): it says what
    is asked. None when there are no circumstances, or nothing before them."""
    base = core(text)
    circumstance = _CIRCUMSTANCE.search(base)
    if not circumstance:
        return None
    head_text = base[: circumstance.start()].strip()
    return head_text if content_words(head_text) else None


_ROLE_QUALIFIER = re.compile(
    r"\b(?:to|who|that|which|for|with|at|in|on|from|of|about|so|and|or)\b.*$"
)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "eer")
_GENERIC_PEOPLE = frozenset(
    ["person", "people", "someone", "somebody", "anyone", "member", "members", "partner",
     "partners", "folks", "team", "other", "others", "customer", "customers", "user", "users",
     "number", "order", "paper", "letter", "newsletter", "computer", "printer", "matter",
     "center", "centre", "poster", "sticker", "flyer", "banner", "border", "folder"]
)  # fmt: skip


@lru_cache(maxsize=65536)
def role(text: str) -> str | None:
    """The kind of person a need asks for, when it names one: "an employment lawyer to look
    over my contracts" -> "employment lawyer", "a publicist for my launch" -> "publicist".
    None when the need asks for a thing, a service or anyone at all ("someone to edit my
    guides", "help with my taxes"). The head is read by its English person-noun ending, or
    found among the lexicon's roles."""
    base = folded(text)
    if re.match(r"^(?:a|an|one|two|three|some)\s", base):
        chunk = _ROLE_QUALIFIER.sub("", base).split()[1:]
    elif 0 < len(base.split()) <= 2 and not _ROLE_QUALIFIER.search(base):
        chunk = base.split()  # a bare role: "accountant", "tax advisor"
    else:
        return None
    if not chunk:
        return None
    noun = (
        chunk[-1].rstrip("s") if chunk[-1].endswith(("ers", "ors", "ists", "ians")) else chunk[-1]
    )
    if noun in _GENERIC_PEOPLE:
        return None
    if len(noun) < 5 or not noun.endswith(_PERSON_ENDINGS):
        from netprep.learn import lexicon

        if lexicon.head_role(noun, "en") is None:  # "an architect", "a nurse", "a chef"
            return None
    return " ".join([*chunk[:-1], noun])


FORMATS = frozenset(
    ["program", "programs", "programme", "programmes", "course", "courses", "class",
     "classes", "lesson", "lessons", "training", "trainings", "workshop", "workshops",
     "session", "sessions", "seminar", "seminars", "webinar", "webinars", "bootcamp",
     "bootcamps", "tutorial", "tutorials", "coaching", "tutoring", "consulting",
     "consultation", "consultations", "advice", "guidance", "instruction"]
)  # fmt: skip
"""Words that name the form help comes in (a class, a program, a session, advice), not
what it is about."""
_FORMAT = re.compile(r"\b(?:" + "|".join(sorted(FORMATS, key=len, reverse=True)) + r")\b")


_POSSESSIVES = frozenset(["my", "our", "your", "their", "his", "her", "its"])


@lru_cache(maxsize=65536)
def topic(text: str) -> str | None:
    """What a phrase is about, without the form the help comes in, when the form is its
    head: "private cocktail classes" -> "private cocktail", "a study program for associates
    taking the bar exam" -> "a study for associates taking the bar exam", "training new
    bartenders" -> "new bartenders". None when the phrase names no form as its head
    ("program evaluation", "catering for client workshops"), or nothing but one."""
    base = core(text)
    qualifier = _QUALIFIER.search(base)
    front = base[: qualifier.start()] if qualifier else base
    tail = base[len(front) :]
    kept = front.split()
    content = [i for i, w in enumerate(kept) if w not in STOPWORDS]
    if not content or any(w in _POSSESSIVES for w in kept):
        return None  # "evaluating our diabetes classes": the classes are worked on
    last, first = content[-1], content[0]
    if kept[last] in FORMATS:
        del kept[last]
    elif kept[first] in FORMATS and first != last and kept[first].endswith("ing"):
        del kept[first]  # "training new bartenders", "coaching first-time managers"
    else:
        return None
    rest = " ".join([*kept, *tail.split()])
    return rest if content_words(rest) else None


def embedded_forms(text: str) -> list[str]:
    """Every text the matcher may embed for a phrase: the phrase without its framing, its
    subject without the form of help, and its head without its circumstances."""
    forms = [core(text)]
    for part in (topic(text), head_part(text)):
        if part:
            forms.append(core(part))
    return forms


def words(text: str) -> list[str]:
    """The words of a phrase, folded ("people-ops" stays one word)."""
    return _WORD.findall(folded(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word's English (Porter2) stem: "developers", "development" and "developing" ->
    "develop", "tuning" -> "tune", "businesses" -> "busi". A person named by "-ant" keeps
    it ("accountant", not "account": an account manager is no accountant)."""
    word = word.replace("'", "")
    found = _stemmer().stemWord(word)
    bare = word.removesuffix("s")
    if bare.endswith("ant") and found == bare[:-3]:
        return bare
    return found


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def content_words(text: str) -> list[str]:
    """Words that carry the topic, in order, without stopwords (parts of hyphenated words too)."""
    out: list[str] = []
    for word in words(text):
        for part in [word, *word.split("-")] if "-" in word else [word]:
            if part not in STOPWORDS and not part.isdigit() and len(part) > 1:
                out.append(part)
    return out


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """The stems of the content words of a phrase."""
    return frozenset(stem(w) for w in content_words(text))


def shared(a: str, b: str) -> frozenset[str]:
    """Stems two phrases share, as words or as parts of a compound."""
    return (stems(a) & stems(b)) | compounds(a, b)


_SUFFIXES = frozenset(
    ["ship", "hood", "ness", "less", "able", "ible", "ism", "ist", "ing", "ful", "ment", "ity",
     "ous", "ive", "ize", "ise", "ate", "ary", "ery", "ory", "ion", "ian", "ence", "ance",
     "ant", "ent"]
)  # fmt: skip
"""English derivational endings: "photo" + "graphy" is a derivation, not two words joined
(nor is an "account" + "ant" an accountant)."""


@lru_cache(maxsize=65536)
def compounds(a: str, b: str) -> frozenset[str]:
    """Stems of words of one phrase joined with another word into a compound of the other
    ("hive" and "beehive", "bar" and "bartenders", "book" and "bookkeeper"): both the part
    and the compound. The rest of the compound must be a word of its own ("bee", "tender")."""
    found: set[str] = set()
    for x in content_words(a):
        for y in content_words(b):
            short, long = sorted((x.removesuffix("s"), y.removesuffix("s")), key=len)
            if len(short) < 3 or len(long) < len(short) + 3:
                continue
            if long.startswith(short):
                rest = long[len(short) :]
            elif long.endswith(short):
                rest = long[: -len(short)]
            else:
                continue
            if rest not in _SUFFIXES and _is_word(rest):
                found |= {stem(x), stem(y)}
    return frozenset(found)


@lru_cache(maxsize=4096)
def _is_word(text: str) -> bool:
    """Whether ``text`` is a whole English word of the search model's vocabulary."""
    from netprep.ideas.embed import vocabulary

    return text in vocabulary()


def without(text: str, drop: frozenset[str]) -> str:
    """The phrase's content words less those whose stem is in ``drop`` (a hyphenated word
    goes when any part does), e.g. without("senior Java developer", {"java"}) -> "senior
    developer"."""
    kept = []
    for word in words(text):
        parts = [word, *word.split("-")] if "-" in word else [word]
        if any(stem(p) in drop for p in parts):
            continue
        if word not in STOPWORDS:
            kept.append(word)
    return " ".join(kept)
