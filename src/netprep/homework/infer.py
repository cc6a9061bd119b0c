"""Proposed facets from page text: topics, audiences, offers and needs, each a short phrase.

These are guesses for the user to accept or reject, so they favour precision: a phrase
must come from a clear pattern ("we help X", "we are looking for X", a services page's
headings) or recur across the person's pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from netprep.homework.extract import CAREERS, SERVICES, PageFacts, clean_text

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even every few
    for from further get gets got had has have having he her here hers herself him himself his
    how i if in into is it its itself just last let like ll make many may me more most much my
    myself need new next no nor not now of off on once one only or other our ours ourselves out
    over own per re read really same see she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up upon us use used
    using ve very via want was way we well were what when where which while who whom why will
    with within without would year years you your yours yourself yourselves s t don isn
    home blog contact menu privacy policy cookie cookies terms copyright rights reserved skip
    content posts post page pages click here subscribe share follow today week month time
    day days first best great good help helps helping work works working team
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ0-9'&+-]*[a-zà-ÿ0-9+]|[a-z]", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\"“”]|\s[–—-]\s")

AUDIENCE = re.compile(
    r"\b(?:we|i) (?:help|serve|work with|support|coach|train)s? (?P<x>[^.;:!?\n]{3,80})"
    r"|\bhelping (?P<y>[^.;:!?\n]{3,80})",
    re.IGNORECASE,
)
NEED = re.compile(
    r"\b(?:we are|we're|i am|i'm|currently|we're currently|we are currently)\s+"
    r"(?:looking for|seeking|searching for|on the lookout for)\s+(?P<x>[^.;:!?\n]{3,80})"
    r"|\b(?:we|i) need (?P<y>(?:a|an|more|help|someone)\b[^.;:!?\n]{2,80})",
    re.IGNORECASE,
)
OFFER = re.compile(r"\b(?:we|i) offer (?P<x>[^.;:!?\n]{3,80})", re.IGNORECASE)
HEADLINE_FOR = re.compile(r"^(?P<what>.{3,60}?) for (?P<x>[a-zà-ÿ][^.;:!?|]{2,50})$", re.IGNORECASE)
ROLE = re.compile(
    r"\b(?:engineer|developer|designer|manager|writer|editor|marketer|assistant|chef|baker|"
    r"producer|analyst|specialist|coordinator|intern|consultant|strategist|accountant|"
    r"photographer|illustrator|researcher|salesperson|representative|lead|director)s?\b",
    re.IGNORECASE,
)
# Where an audience phrase stops: the verb or link word after the people ("we help bakeries
# get found" -> "bakeries").
_AUDIENCE_STOP = re.compile(
    r"\s(?:to|get|grow|find|build|make|turn|reach|become|stop|save|sell|win|with|by|who|that|"
    r"so|through|using|in order|across|since|because|when|into|from|on|at)\b",
    re.IGNORECASE,
)
_NEED_STOP = re.compile(r"\s(?:to|who|that|so|because|with|since|in order)\b", re.IGNORECASE)
_HEADLINE_STOP = re.compile(r"\s(?:to|with|by|in order)\b", re.IGNORECASE)
_NOT_AN_AUDIENCE = frozenset({"you", "your business", "them", "people", "everyone", "others"})
_NOT_AFTER_FOR = re.compile(
    r"^(?:you|your|free|more|the|a|an|all|us|me|now|less|sale|example|details)\b", re.IGNORECASE
)
MAX_PHRASE_WORDS = 7
SINGLE_WORD_COUNT = 3


def words(text: str) -> list[str]:
    return [w.lower().strip("'") for w in _WORD.findall(text)]


_JOINERS = frozenset({"for", "of", "and", "&"})


def _stem(word: str) -> str:
    """A crude singular, so that "reviews" and "review" count as one topic."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def topics(
    texts: Iterable[str], *, limit: int = 5, min_count: int = 2, exclude: Iterable[str] = ()
) -> list[str]:
    """Phrases of one to three words that recur in the texts, most telling first.

    A single word must recur more often than a phrase to count (``SINGLE_WORD_COUNT``).
    """
    found = counted_topics(texts, limit * 2, min_count, exclude)
    return [p for p, n in found if " " in p or n >= SINGLE_WORD_COUNT][:limit]


def counted_topics(
    texts: Iterable[str], limit: int = 5, min_count: int = 2, exclude: Iterable[str] = ()
) -> list[tuple[str, int]]:
    """Recurring phrases with their counts.

    A longer phrase beats the words inside it ("search engine optimization" over "search"),
    and phrases in ``exclude`` (the site's own name) are no topic.
    """
    counts: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], Counter[str]] = {}
    for text in texts:
        for clause in _CLAUSE_END.split(text):
            tokens = words(clause)
            for n in (1, 2, 3):
                for i in range(len(tokens) - n + 1):
                    run = tokens[i : i + n]
                    if not _topical(run):
                        continue
                    key = tuple(_stem(w) for w in run)
                    counts[key] += 1
                    surface.setdefault(key, Counter())[" ".join(run)] += 1
    excluded = " | ".join(e.casefold() for e in exclude)
    ranked = sorted(
        ((gram, c) for gram, c in counts.items() if c >= min_count),
        key=lambda item: (-item[1] * (1 + 0.6 * (len(item[0]) - 1)), -len(item[0]), item[0]),
    )
    chosen: list[tuple[tuple[str, ...], int]] = []
    for gram, count in ranked:
        if any(_overlap(gram, other) for other, _ in chosen):
            continue
        if excluded and surface[gram].most_common(1)[0][0] in excluded:
            continue
        # A single word that mostly appears inside a longer recurring phrase is not a topic.
        if len(gram) == 1 and any(
            gram[0] in longer and c >= count * 0.6 for longer, c in ranked if len(longer) > 1
        ):
            continue
        chosen.append((gram, count))
        if len(chosen) == limit:
            break
    return [(surface[gram].most_common(1)[0][0], count) for gram, count in chosen]


def _topical(gram: list[str]) -> bool:
    if gram[0] in STOPWORDS or gram[-1] in STOPWORDS or len(gram[-1]) < 3:
        return False
    if any("'" in w or w.isdigit() for w in gram):
        return False
    return all(w not in STOPWORDS or w in _JOINERS for w in gram[1:-1])


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when one phrase holds the other, or they share a run of two words."""
    if _inside(a, b) or _inside(b, a) or a == b:
        return True
    pairs = {a[i : i + 2] for i in range(len(a) - 1)}
    return any(b[i : i + 2] in pairs for i in range(len(b) - 1))


def _inside(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    n = len(small)
    return n < len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _phrase(raw: str, stop: re.Pattern[str] | None = None) -> str | None:
    text = clean_text(raw, 120)
    if stop is not None:
        text = stop.split(text, maxsplit=1)[0]
    text = re.sub(r"^(?:the|a|an|our|my)\s+", "", text.strip(" -–—,"), flags=re.IGNORECASE)
    text = text.strip(" -–—,")
    tokens = text.split()
    if not tokens or len(tokens) > MAX_PHRASE_WORDS or text.lower() in _NOT_AN_AUDIENCE:
        return None
    if tokens[-1].lower() in STOPWORDS and tokens[-1].lower() not in ("us",):
        return None
    return text[0].lower() + text[1:] if not text[:2].isupper() else text


def _matches(pattern: re.Pattern[str], text: str) -> Iterable[str]:
    for match in pattern.finditer(text):
        value = next((v for v in match.groupdict().values() if v), None)
        if value:
            yield value


def audiences(page: PageFacts) -> list[str]:
    """Whom the page says its owner serves: "we help X ...", "helping X ...", "... for X"."""
    found = [p for raw in _matches(AUDIENCE, page.text) if (p := _phrase(raw, _AUDIENCE_STOP))]
    for line in (page.title or "", page.description or "", *page.headings[:3]):
        for part in re.split(r"\s+[|–—]\s+|\s-\s", line):
            match = HEADLINE_FOR.match(part.strip())
            if match and not _NOT_AFTER_FOR.match(match["x"]):
                phrase = _phrase(match["x"], _HEADLINE_STOP)
                if phrase:
                    found.append(phrase)
    return _unique(found)


def needs(page: PageFacts) -> list[str]:
    """What the page says its owner is looking for, and the roles a careers page hires."""
    found = [p for raw in _matches(NEED, page.text) if (p := _phrase(raw, _NEED_STOP))]
    if page.is_a(CAREERS):
        for heading in [*page.headings[1:], *page.list_items]:
            if ROLE.search(heading) and len(heading.split()) <= 6 and heading != page.title:
                found.append(f"hiring: {clean_text(heading, 80)}")
    return _unique(found)


def offers(page: PageFacts) -> list[str]:
    """What the page says its owner sells: "we offer X", and a services page's headings."""
    found = [p for raw in _matches(OFFER, page.text) if (p := _phrase(raw))]
    if page.is_a(SERVICES):
        nav = page.nav_texts
        candidates = page.headings[1:] or page.list_items
        for item in candidates:
            phrase = _phrase(re.split(r"\s+[|–—:]\s*|\s-\s", item)[0])
            if phrase and phrase.lower() not in nav and not SERVICES.fullmatch(phrase):
                found.append(phrase)
    return _unique(found)[:8]


def _unique(phrases: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for phrase in phrases:
        seen.setdefault(phrase.casefold(), phrase)
    return list(seen.values())
